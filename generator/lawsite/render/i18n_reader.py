"""Labels of the reader's tools: the poster, the comment basket, the
larger-type switch and the copy-link buttons (merged into `i18n.LABELS`).

Labels marked "(script)" are handed to the page scripts through the site's
generated `assets/lawsite/i18n.js` (render/reader.py), so the scripts hold
no literal text; `{label}`, `{n}`, `{title}` are filled in by the script.
"""

from __future__ import annotations

READER_LABELS: dict[str, dict[str, str]] = {
    # --- poster ------------------------------------------------------------
    "poster_link": {"zh": "打印征求意见海报", "zh-Hant": "列印徵求意見海報", "en": "Print a poster"},
    "poster_link_hint": {
        "zh": "A4 纸，每条附二维码，供基层立法联系点张贴",
        "zh-Hant": "A4 紙，每條附二維碼，供基層立法聯繫點張貼",
        "en": "A4, a QR code beside every article, for contact points",
    },
    "poster_kicker": {"zh": "公开征求意见", "zh-Hant": "公開徵求意見", "en": "Public consultation"},
    "poster_page": {"zh": "海报", "zh-Hant": "海報", "en": "poster"},
    "poster_scan_comment": {"zh": "扫码对本条提意见", "zh-Hant": "掃碼對本條提意見", "en": "Scan to comment"},
    "poster_scan_read": {"zh": "扫码阅读本条", "zh-Hant": "掃碼閱讀本條", "en": "Scan to read"},
    "poster_scan_page": {"zh": "扫码打开全文", "zh-Hant": "掃碼打開全文", "en": "Scan for the full text"},
    "poster_hint": {
        "zh": "可以对每一条分别提出意见：用手机扫描该条旁边的二维码。",
        "zh-Hant": "可以對每一條分別提出意見：用手機掃描該條旁邊的二維碼。",
        "en": "Comment on any article: scan the QR code beside it with your phone.",
    },
    "poster_range": {
        "zh": "本海报收录{first}至{last}，全文共 {n} 条。",
        "zh-Hant": "本海報收錄{first}至{last}，全文共 {n} 條。",
        "en": "This poster shows {first} to {last} of {n} articles.",
    },
    "poster_print": {"zh": "打印", "zh-Hant": "列印", "en": "Print"},
    "poster_back": {"zh": "返回草案全文", "zh-Hant": "返回草案全文", "en": "Back to the draft"},
    # --- comment basket (script) ---------------------------------------------
    "basket_add": {"zh": "加入意见篮", "zh-Hant": "加入意見籃", "en": "Add to my comments"},
    "basket_added": {"zh": "已加入意见篮", "zh-Hant": "已加入意見籃", "en": "In my comments"},
    "basket_title": {"zh": "我的意见篮", "zh-Hant": "我的意見籃", "en": "My comments"},
    "basket_hint": {
        "zh": "写下对所选各条的意见，可一次用邮件发出，或复制后粘贴到网上意见表。内容只保存在本机浏览器中，由您自己的邮件应用发出。",
        "zh-Hant": "寫下對所選各條的意見，可一次用郵件發出，或複製後貼到網上意見表。內容只保存在本機瀏覽器中，由您自己的郵件應用發出。",
        "en": "Write your comment on each chosen article, then send them in one e-mail or copy them into the online form. They are kept only in this browser and leave it only through your own mail app.",
    },
    "basket_bar": {"zh": "意见篮：已选 {n} 条", "zh-Hant": "意見籃：已選 {n} 條", "en": "My comments: {n} chosen"},
    "basket_open": {"zh": "填写并发送", "zh-Hant": "填寫並發送", "en": "Write and send"},
    "basket_opinion": {"zh": "对{label}的意见", "zh-Hant": "對{label}的意見", "en": "Comment on {label}"},
    "basket_remove": {"zh": "移出{label}", "zh-Hant": "移出{label}", "en": "Remove {label}"},
    "basket_name": {"zh": "姓名（可不填）", "zh-Hant": "姓名（可不填）", "en": "Name (optional)"},
    "basket_contact": {"zh": "联系方式（可不填）", "zh-Hant": "聯絡方式（可不填）", "en": "Contact (optional)"},
    "basket_send_mail": {"zh": "用邮件一次发送", "zh-Hant": "用郵件一次發送", "en": "Send in one e-mail"},
    "basket_copy": {"zh": "复制全部意见", "zh-Hant": "複製全部意見", "en": "Copy all comments"},
    "basket_copied": {"zh": "已复制，可粘贴到网上意见表", "zh-Hant": "已複製，可貼到網上意見表", "en": "Copied: paste it into the online form"},
    "basket_open_form": {"zh": "打开网上意见表", "zh-Hant": "打開網上意見表", "en": "Open the online form"},
    "basket_clear": {"zh": "清空意见篮", "zh-Hant": "清空意見籃", "en": "Empty my comments"},
    "basket_clear_confirm": {"zh": "确定清空意见篮中的全部内容？", "zh-Hant": "確定清空意見籃中的全部內容？", "en": "Delete everything in my comments?"},
    "basket_sent_note": {
        "zh": "已交给邮件应用。确认邮件发出后，可以清空意见篮。",
        "zh-Hant": "已交給郵件應用。確認郵件發出後，可以清空意見籃。",
        "en": "Handed to your mail app. Once the mail is sent you can empty your comments.",
    },
    "basket_empty": {
        "zh": "还没有选择条文：点击条文下方的“加入意见篮”。",
        "zh-Hant": "還沒有選擇條文：點擊條文下方的「加入意見籃」。",
        "en": "No article chosen yet: use “Add to my comments” below an article.",
    },
    "basket_too_long": {
        "zh": "内容较长，部分邮件应用可能截断，也可以复制后粘贴发送。",
        "zh-Hant": "內容較長，部分郵件應用可能截斷，也可以複製後貼上發送。",
        "en": "This is long; some mail apps cut it. You can also copy and paste it.",
    },
    "basket_body_intro": {"zh": "关于《{title}》的意见", "zh-Hant": "關於《{title}》的意見", "en": "Comments on {title}"},
    "basket_body_link": {"zh": "条文链接", "zh-Hant": "條文連結", "en": "Article"},
    "basket_body_name": {"zh": "姓名", "zh-Hant": "姓名", "en": "Name"},
    "basket_body_contact": {"zh": "联系方式", "zh-Hant": "聯絡方式", "en": "Contact"},
    "basket_joiner": {"zh": "、", "zh-Hant": "、", "en": ", "},
    "basket_body_item": {"zh": "【{label}】", "zh-Hant": "【{label}】", "en": "[{label}]"},
    "basket_body_field": {"zh": "{name}：{value}", "zh-Hant": "{name}：{value}", "en": "{name}: {value}"},
    # --- comfort (script) ------------------------------------------------------
    "font_larger": {"zh": "放大字号", "zh-Hant": "放大字號", "en": "Larger text"},
    "copy_link": {"zh": "复制本条链接", "zh-Hant": "複製本條連結", "en": "Copy link"},
    "copied": {"zh": "已复制", "zh-Hant": "已複製", "en": "Copied"},
    "copy_fallback": {"zh": "请长按下面的链接复制", "zh-Hant": "請長按下面的連結複製", "en": "Press and hold the link below to copy it"},
    "search_dialog": {"zh": "搜索", "zh-Hant": "搜尋", "en": "Search"},
}

# The labels the page scripts need, handed to them by i18n.js.
SCRIPT_LABELS: tuple[str, ...] = tuple(
    key for key in READER_LABELS if key.startswith(("basket_", "font_", "cop", "search_"))
)
