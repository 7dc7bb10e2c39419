"""Every label the reader sees, in Simplified Chinese (default), Traditional
Chinese and English. Templates never hold literal text; they call `t(key)`."""

from __future__ import annotations

from typing import Callable

LABELS: dict[str, dict[str, str]] = {
    "comment_on_article": {"zh": "对本条提意见", "zh-Hant": "對本條提意見", "en": "Comment on this article"},
    "comment_by_mail": {"zh": "发邮件", "zh-Hant": "發郵件", "en": "By e-mail"},
    "comment_by_form": {"zh": "在线提交", "zh-Hant": "線上提交", "en": "Online form"},
    "comments_closed": {"zh": "意见征集已截止", "zh-Hant": "意見徵集已截止", "en": "Comments are closed"},
    "status_upcoming": {"zh": "即将征求意见", "zh-Hant": "即將徵求意見", "en": "Consultation upcoming"},
    "status_open": {"zh": "正在征求意见", "zh-Hant": "正在徵求意見", "en": "Open for comment"},
    "status_closed": {"zh": "征求意见已结束", "zh-Hant": "徵求意見已結束", "en": "Consultation closed"},
    "opens_on": {"zh": "{date}开始征求意见", "zh-Hant": "{date}開始徵求意見", "en": "Opens on {date}"},
    "closes_on": {"zh": "截止日期：{date}", "zh-Hant": "截止日期：{date}", "en": "Deadline: {date}"},
    "closed_on": {"zh": "已于{date}截止", "zh-Hant": "已於{date}截止", "en": "Closed on {date}"},
    "days_left": {"zh": "还剩 {n} 天", "zh-Hant": "還剩 {n} 天", "en": "{n} days left"},
    "last_day": {"zh": "今天截止", "zh-Hant": "今天截止", "en": "Last day today"},
    "days_until": {"zh": "{n} 天后开始", "zh-Hant": "{n} 天後開始", "en": "Opens in {n} days"},
    "channels": {"zh": "提出意见的方式", "zh-Hant": "提出意見的方式", "en": "How to comment"},
    "channel_email": {"zh": "电子邮件", "zh-Hant": "電子郵件", "en": "E-mail"},
    "channel_form": {"zh": "网上意见表", "zh-Hant": "網上意見表", "en": "Online form"},
    "channel_post": {"zh": "信函", "zh-Hant": "信函", "en": "Post"},
    "channel_fax": {"zh": "传真", "zh-Hant": "傳真", "en": "Fax"},
    "channel_phone": {"zh": "电话", "zh-Hant": "電話", "en": "Phone"},
    "channel_hint": {
        "zh": "可以对每一条分别提出意见：点击条文下方的“对本条提意见”。",
        "zh-Hant": "可以對每一條分別提出意見：點擊條文下方的「對本條提意見」。",
        "en": "You can comment on each article: use “Comment on this article” below it.",
    },
    "qr_caption": {"zh": "手机扫码打开本页", "zh-Hant": "手機掃碼打開本頁", "en": "Scan to open this page"},
    "stage": {"zh": "阶段", "zh-Hant": "階段", "en": "Stage"},
    "drafted_by": {"zh": "起草单位", "zh-Hant": "起草單位", "en": "Drafted by"},
    "published": {"zh": "发布日期", "zh-Hant": "發布日期", "en": "Published"},
    "adopted": {"zh": "通过日期", "zh-Hant": "通過日期", "en": "Adopted"},
    "effective": {"zh": "施行日期", "zh-Hant": "施行日期", "en": "In force from"},
    "contents": {"zh": "目录", "zh-Hant": "目錄", "en": "Contents"},
    "articles_count": {"zh": "共 {n} 条", "zh-Hant": "共 {n} 條", "en": "{n} articles"},
    "mail_body": {
        "zh": "关于《{title}》{label}的意见：\n\n\n\n——\n条文链接：{url}\n（姓名、联系方式可选填）",
        "zh-Hant": "關於《{title}》{label}的意見：\n\n\n\n——\n條文連結：{url}\n（姓名、聯絡方式可選填）",
        "en": "Comment on {title}, {label}:\n\n\n\n--\nArticle: {url}\n(name and contact optional)",
    },
    "open_now": {"zh": "正在征求意见", "zh-Hant": "正在徵求意見", "en": "Open for comment now"},
    "none_open": {"zh": "目前没有正在征求意见的草案。", "zh-Hant": "目前沒有正在徵求意見的草案。", "en": "No draft is open for comment right now."},
    "kind_draft": {"zh": "法规草案", "zh-Hant": "法規草案", "en": "Drafts"},
    "kind_law": {"zh": "法规", "zh-Hant": "法規", "en": "Laws"},
    "kind_interpretation": {"zh": "释义解读", "zh-Hant": "釋義解讀", "en": "Interpretations"},
    "kind_notice": {"zh": "意见采纳情况", "zh-Hant": "意見採納情況", "en": "Adoption notices"},
    "kind_contact-point": {"zh": "基层立法联系点", "zh-Hant": "基層立法聯繫點", "en": "Contact points"},
    "kind_page": {"zh": "其他", "zh-Hant": "其他", "en": "Pages"},
    "repealed": {"zh": "（删去）", "zh-Hant": "（刪去）", "en": "(repealed)"},
    # Category index pages and year sections of large law collections (lawnav.py).
    "year_of": {"zh": "{year}年", "zh-Hant": "{year}年", "en": "{year}"},
    "year_unknown": {"zh": "年份不详", "zh-Hant": "年份不詳", "en": "Year unknown"},
    "decade_of": {"zh": "{decade}年代", "zh-Hant": "{decade}年代", "en": "{decade}s"},
    "laws_count": {"zh": "共 {n} 件", "zh-Hant": "共 {n} 件", "en": "{n} documents"},
}

# The reader's tools (poster, comment basket, type size, copy link) keep their
# labels in their own table, so parallel work on LABELS does not collide.
from .i18n_reader import READER_LABELS  # noqa: E402

LABELS.update(READER_LABELS)

from .i18n_ledger import LEDGER_LABELS  # noqa: E402

LABELS.update(LEDGER_LABELS)

from .i18n_readings import READINGS_LABELS  # noqa: E402

LABELS.update(READINGS_LABELS)

# Search, feeds and open data (outputs/).
from .i18n_outputs import OUTPUT_LABELS  # noqa: E402

LABELS.update(OUTPUT_LABELS)


def translator(language: str) -> Callable[..., str]:
    """`t("days_left", n=3)` in the site's language; unknown keys fail loudly."""

    def t(key: str, **values: object) -> str:
        text = LABELS[key].get(language) or LABELS[key]["zh"]
        return text.format(**values) if values else text

    return t
