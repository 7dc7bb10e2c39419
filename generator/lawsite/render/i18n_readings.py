"""Labels of readings, redline pages and interpretation pages
(render/readings.py, render/interpretation.py), merged into `i18n.LABELS`."""

from __future__ import annotations

READINGS_LABELS: dict[str, dict[str, str]] = {
    "readings": {"zh": "审议过程", "zh-Hant": "審議過程", "en": "Readings"},
    "this_reading": {"zh": "本稿", "zh-Hant": "本稿", "en": "this reading"},
    "redline_link": {"zh": "修改对照", "zh-Hant": "修改對照", "en": "What changed"},
    "redline_title": {"zh": "{title}修改对照：{old} → {new}", "zh-Hant": "{title}修改對照：{old} → {new}", "en": "{title}: changes from {old} to {new}"},
    "redline_compares": {"zh": "逐条对照（原 {old_n} 条，现 {new_n} 条）：", "zh-Hant": "逐條對照（原 {old_n} 條，現 {new_n} 條）：", "en": "Article by article ({old_n} articles before, {new_n} now):"},
    "redline_summary": {"zh": "修改统计", "zh-Hant": "修改統計", "en": "Summary of changes"},
    "redline_legend": {"zh": "图例：", "zh-Hant": "圖例：", "en": "Key: "},
    "redline_deleted_sample": {"zh": "删去的文字", "zh-Hant": "刪去的文字", "en": "deleted text"},
    "redline_inserted_sample": {"zh": "增加的文字", "zh-Hant": "增加的文字", "en": "inserted text"},
    "redline_deleted": {"zh": "［删去］", "zh-Hant": "［刪去］", "en": "[deleted] "},
    "redline_inserted": {"zh": "［增加］", "zh-Hant": "［增加］", "en": "[inserted] "},
    "redline_becomes": {"zh": "改为", "zh-Hant": "改為", "en": "becomes"},
    "redline_unchanged_run": {"zh": "未修改的条文 {n} 条", "zh-Hant": "未修改的條文 {n} 條", "en": "{n} articles without changes to their text"},
    "redline_renumbered_part": {"zh": "（其中仅调整序号 {n} 条）", "zh-Hant": "（其中僅調整序號 {n} 條）", "en": " ({n} only renumbered)"},
    "redline_outcomes_on": {"zh": "对{stage}{label}的意见", "zh-Hant": "對{stage}{label}的意見", "en": "Suggestions on {label} of the {stage}"},
    "redline_notice_link": {"zh": "查看意见采纳情况说明", "zh-Hant": "查看意見採納情況說明", "en": "Read the adoption notice"},
    "range_to": {"zh": "至", "zh-Hant": "至", "en": " to "},
    "status_unchanged": {"zh": "未修改", "zh-Hant": "未修改", "en": "Unchanged"},
    "status_changed": {"zh": "修改", "zh-Hant": "修改", "en": "Changed"},
    "status_added": {"zh": "新增", "zh-Hant": "新增", "en": "Added"},
    "status_removed": {"zh": "删去", "zh-Hant": "刪去", "en": "Removed"},
    "status_renumbered": {"zh": "调整序号", "zh-Hant": "調整序號", "en": "Renumbered"},
    "status_renumbered_changed": {"zh": "调整序号并修改", "zh-Hant": "調整序號並修改", "en": "Renumbered and changed"},
    "rl_reason": {"zh": "理由", "zh-Hant": "理由", "en": "Reason"},
    "suggestion_count": {"zh": "{n} 条", "zh-Hant": "{n} 條", "en": "{n} times"},
    "interpretation_link": {"zh": "释义", "zh-Hant": "釋義", "en": "Explanation"},
    "interprets": {"zh": "解读对象：", "zh-Hant": "解讀對象：", "en": "Explains: "},
    "interp_count": {"zh": "共解读 {n} 条", "zh-Hant": "共解讀 {n} 條", "en": "{n} articles explained"},
    "interp_text": {"zh": "条文", "zh-Hant": "條文", "en": "Text"},
    "interp_note": {"zh": "解读", "zh-Hant": "解讀", "en": "Explanation"},
    "interp_to_article": {"zh": "到草案中查看本条", "zh-Hant": "到草案中查看本條", "en": "See this article in the text"},
}
