"""Labels of the site-wide outputs: Pagefind search, Atom feeds and open data
(merged into `i18n.LABELS`, kept apart so parallel work does not collide)."""

from __future__ import annotations

OUTPUT_LABELS: dict[str, dict[str, str]] = {
    # --- search ------------------------------------------------------------
    "search_open": {"zh": "搜索", "zh-Hant": "搜尋", "en": "Search"},
    "search_dialog": {"zh": "全文搜索", "zh-Hant": "全文搜尋", "en": "Full-text search"},
    "search_close": {"zh": "关闭搜索", "zh-Hant": "關閉搜尋", "en": "Close search"},
    "search_loading": {"zh": "正在加载搜索……", "zh-Hant": "正在載入搜尋……", "en": "Loading search…"},
    "search_failed": {
        "zh": "搜索暂时无法使用，请检查网络后重试。",
        "zh-Hant": "搜尋暫時無法使用，請檢查網路後重試。",
        "en": "Search is unavailable; check the connection and try again.",
    },
    # --- feeds ---------------------------------------------------------------
    "feed_site": {"zh": "{site}：最新动态", "zh-Hant": "{site}：最新動態", "en": "{site}: latest"},
    "feed_draft": {"zh": "{title}：审议与反馈", "zh-Hant": "{title}：審議與回饋", "en": "{title}: readings and feedback"},
    "feed_link_site": {"zh": "订阅本站更新（Atom）", "zh-Hant": "訂閱本站更新（Atom）", "en": "Site updates (Atom)"},
    "feed_link_draft": {"zh": "订阅本草案的更新（Atom）", "zh-Hant": "訂閱本草案的更新（Atom）", "en": "Updates of this draft (Atom)"},
    "feed_entry_draft": {"zh": "公开征求意见：{title}", "zh-Hant": "公開徵求意見：{title}", "en": "Open for comment: {title}"},
    "feed_entry_reading": {"zh": "新审次：{title}", "zh-Hant": "新審次：{title}", "en": "New reading: {title}"},
    "feed_summary_deadline": {"zh": "征求意见截止日期：{date}", "zh-Hant": "徵求意見截止日期：{date}", "en": "Comments close on {date}"},
    "feed_summary_received": {
        "zh": "收到意见 {received} 条，逐条说明 {entries} 项",
        "zh-Hant": "收到意見 {received} 條，逐條說明 {entries} 項",
        "en": "{received} suggestions received, {entries} answered item by item",
    },
    # --- open data -------------------------------------------------------------
    "opendata_general": {"zh": "总体", "zh-Hant": "總體", "en": "general"},
}
