"""Labels of the ledger: outcomes, notice pages, contact points, statistics.

Kept in their own table (merged into `i18n.LABELS`) so parallel work on the
labels does not collide. `outcome_*` and `outcome_count_*` name the
outcomes wherever a ledger is shown.
"""

from __future__ import annotations

LEDGER_LABELS: dict[str, dict[str, str]] = {
    # outcomes (badges) and counts in a ledger line
    "outcome_adopted": {"zh": "采纳", "zh-Hant": "採納", "en": "Adopted"},
    "outcome_partly": {"zh": "部分采纳", "zh-Hant": "部分採納", "en": "Partly adopted"},
    "outcome_not_adopted": {"zh": "未采纳", "zh-Hant": "未採納", "en": "Not adopted"},
    "outcome_noted": {"zh": "留作研究", "zh-Hant": "留作研究", "en": "Noted"},
    "outcome_pending": {"zh": "待处理", "zh-Hant": "待處理", "en": "Pending"},
    "outcome_count_adopted": {"zh": "采纳 {n}", "zh-Hant": "採納 {n}", "en": "{n} adopted"},
    "outcome_count_partly": {"zh": "部分采纳 {n}", "zh-Hant": "部分採納 {n}", "en": "{n} partly adopted"},
    "outcome_count_not_adopted": {"zh": "未采纳 {n}", "zh-Hant": "未採納 {n}", "en": "{n} not adopted"},
    "outcome_count_noted": {"zh": "留作研究 {n}", "zh-Hant": "留作研究 {n}", "en": "{n} noted"},
    "outcome_count_pending": {"zh": "待处理 {n}", "zh-Hant": "待處理 {n}", "en": "{n} pending"},
    "ledger_line_received": {"zh": "收到意见 {n} 条", "zh-Hant": "收到意見 {n} 條", "en": "{n} suggestions"},
    "entry_count": {"zh": "{n} 条", "zh-Hant": "{n} 條", "en": "×{n}"},
    "reason": {"zh": "理由", "zh-Hant": "理由", "en": "Reason"},
    "ledger_line_title": {"zh": "查看本条意见的处理情况", "zh-Hant": "查看本條意見的處理情況", "en": "See what became of the suggestions on this article"},
    # the outcome of a draft, in its page head
    "draft_outcome": {"zh": "收到意见 {received} 条，采纳 {adopted} 条", "zh-Hant": "收到意見 {received} 條，採納 {adopted} 條", "en": "{received} suggestions received, {adopted} adopted"},
    "draft_outcome_link": {"zh": "查看意见采纳情况", "zh-Hant": "查看意見採納情況", "en": "See the adoption notice"},
    # the notice page
    "notice_concerns": {"zh": "针对", "zh-Hant": "針對", "en": "On"},
    "totals": {"zh": "意见处理情况", "zh-Hant": "意見處理情況", "en": "Outcomes"},
    "total_received": {"zh": "收到意见", "zh-Hant": "收到意見", "en": "Received"},
    "total_itemised": {"zh": "逐条列出", "zh-Hant": "逐條列出", "en": "Itemised"},
    "total_entries": {"zh": "合并后 {n} 项", "zh-Hant": "合併後 {n} 項", "en": "{n} entries after merging"},
    "total_rate": {"zh": "采纳率", "zh-Hant": "採納率", "en": "Adoption rate"},
    "rate_note": {"zh": "采纳率＝（采纳＋部分采纳）÷ 逐条列出的意见数", "zh-Hant": "採納率＝（採納＋部分採納）÷ 逐條列出的意見數", "en": "Rate = (adopted + partly adopted) ÷ itemised suggestions"},
    "count_unit": {"zh": "{n} 条", "zh-Hant": "{n} 條", "en": "{n}"},
    "by_article": {"zh": "逐条处理情况", "zh-Hant": "逐條處理情況", "en": "Article by article"},
    "general_group": {"zh": "总体意见", "zh-Hant": "總體意見", "en": "On the draft as a whole"},
    "see_article": {"zh": "查看条文", "zh-Hant": "查看條文", "en": "Read the article"},
    "from": {"zh": "来源", "zh-Hant": "來源", "en": "From"},
    "chart_title": {"zh": "意见处理结果分布", "zh-Hant": "意見處理結果分佈", "en": "Outcomes of the suggestions"},
    "chart_articles_title": {"zh": "各条意见数量及处理结果", "zh-Hant": "各條意見數量及處理結果", "en": "Suggestions per article and their outcomes"},
    "chart_desc_item": {"zh": "{label}：{n} 条", "zh-Hant": "{label}：{n} 條", "en": "{label}: {n}"},
    "percent": {"zh": "{n}%", "zh-Hant": "{n}%", "en": "{n}%"},
    "home_ledger_title": {"zh": "意见采纳情况", "zh-Hant": "意見採納情況", "en": "What became of the suggestions"},
    "home_ledger": {
        "zh": "已公布意见采纳情况说明 {notices} 份：收到意见 {received} 条，逐条列出 {itemised} 条，其中采纳 {adopted} 条、部分采纳 {partly} 条。",
        "zh-Hant": "已公布意見採納情況說明 {notices} 份：收到意見 {received} 條，逐條列出 {itemised} 條，其中採納 {adopted} 條、部分採納 {partly} 條。",
        "en": "{notices} adoption notices published: {received} suggestions received, {itemised} itemised, of which {adopted} adopted and {partly} partly adopted.",
    },
    "statistics_link": {"zh": "全站意见统计", "zh-Hant": "全站意見統計", "en": "Site statistics"},
    # contact points
    "directory_title": {"zh": "基层立法联系点名录", "zh-Hant": "基層立法聯繫點名錄", "en": "Directory of contact points"},
    "directory_intro": {
        "zh": "基层立法联系点把群众对法规草案的意见收集上来、报送上去。可以到住所附近的联系点当面提出意见。",
        "zh-Hant": "基層立法聯繫點把群眾對法規草案的意見收集上來、報送上去。可以到住所附近的聯繫點當面提出意見。",
        "en": "Contact points collect what people say about draft laws and pass it on. You can give your comments in person at the one nearest you.",
    },
    "level_other": {"zh": "其他", "zh-Hant": "其他", "en": "Other"},
    "region_other": {"zh": "未注明地区", "zh-Hant": "未註明地區", "en": "Region not given"},
    "address": {"zh": "地址", "zh-Hant": "地址", "en": "Address"},
    "phone": {"zh": "电话", "zh-Hant": "電話", "en": "Phone"},
    "hours": {"zh": "接待时间", "zh-Hant": "接待時間", "en": "Opening hours"},
    "level": {"zh": "级别", "zh-Hant": "級別", "en": "Level"},
    "region": {"zh": "地区", "zh-Hant": "地區", "en": "Region"},
    "point_record": {"zh": "参与立法情况", "zh-Hant": "參與立法情況", "en": "Its part in law-making"},
    "point_consultations": {"zh": "参与征求意见", "zh-Hant": "參與徵求意見", "en": "Consultations"},
    "point_submitted": {"zh": "报送意见", "zh-Hant": "報送意見", "en": "Suggestions submitted"},
    "point_adopted": {"zh": "采纳（含部分采纳）", "zh-Hant": "採納（含部分採納）", "en": "Adopted (incl. partly)"},
    "point_none": {"zh": "尚无逐条列出的意见。", "zh-Hant": "尚無逐條列出的意見。", "en": "No itemised suggestions yet."},
    "point_suggestions": {"zh": "报送的意见及处理结果", "zh-Hant": "報送的意見及處理結果", "en": "Suggestions and their outcomes"},
    # statistics
    "statistics_title": {"zh": "意见统计", "zh-Hant": "意見統計", "en": "Statistics"},
    "statistics_intro": {
        "zh": "本页统计本平台公布的各份意见采纳情况说明中逐条列出的意见。",
        "zh-Hant": "本頁統計本平台公布的各份意見採納情況說明中逐條列出的意見。",
        "en": "These figures count the suggestions itemised in the adoption notices published here.",
    },
    "stats_by_outcome": {"zh": "按处理结果", "zh-Hant": "按處理結果", "en": "By outcome"},
    "stats_by_draft": {"zh": "按法规草案", "zh-Hant": "按法規草案", "en": "By draft"},
    "stats_by_point": {"zh": "按基层立法联系点", "zh-Hant": "按基層立法聯繫點", "en": "By contact point"},
    "stats_by_source": {"zh": "其他来源", "zh-Hant": "其他來源", "en": "Other sources"},
    "col_outcome": {"zh": "处理结果", "zh-Hant": "處理結果", "en": "Outcome"},
    "col_count": {"zh": "意见数", "zh-Hant": "意見數", "en": "Suggestions"},
    "col_share": {"zh": "占比", "zh-Hant": "佔比", "en": "Share"},
    "col_draft": {"zh": "法规草案", "zh-Hant": "法規草案", "en": "Draft"},
    "col_point": {"zh": "联系点", "zh-Hant": "聯繫點", "en": "Contact point"},
    "col_source": {"zh": "来源", "zh-Hant": "來源", "en": "Source"},
    "col_total": {"zh": "合计", "zh-Hant": "合計", "en": "Total"},
    "all_drafts": {"zh": "全部", "zh-Hant": "全部", "en": "All"},
    "chart_points_title": {"zh": "各联系点报送意见及处理结果", "zh-Hant": "各聯繫點報送意見及處理結果", "en": "Suggestions per contact point and their outcomes"},
    "chart_drafts_title": {"zh": "各草案收到意见及处理结果", "zh-Hant": "各草案收到意見及處理結果", "en": "Suggestions per draft and their outcomes"},
}
