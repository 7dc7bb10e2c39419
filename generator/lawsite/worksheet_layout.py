"""The review worksheet's sheets and columns: the interface between `lawsite
sort`, which writes it (`sort/worksheet.py`), and `lawsite tally`, which reads
it back (`review.py`). Defined once, here, in a module that imports none of the sorter,
so that tally loads none of the sorter's libraries (numpy, scikit-learn).
Rename a header only together with its reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Outcome

GROUP_SHEET = "意见分组"
COMMENT_SHEET = "全部意见"
LISTS_SHEET = "lists"
GENERAL_LABEL = "总体"  # the article drop-down's value for the draft as a whole
NONE_LABEL = "none"  # … and for comments off the draft
OFF_TOPIC_LABELS = (NONE_LABEL, "无关", "无关意见")  # what a reviewer may write for it


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    wrap: bool = False


GROUP_COLUMNS = (
    Column("group", "组", 8),
    Column("article", "建议条文", 14),
    Column("confidence", "置信度", 8),
    Column("reason", "依据", 26, wrap=True),
    Column("check", "待核", 6),
    Column("count", "条数", 6),
    Column("sample", "意见样例", 60, wrap=True),
    Column("ids", "意见编号", 22, wrap=True),
    Column("channels", "渠道", 18, wrap=True),
    Column("points", "联系点", 20, wrap=True),
    Column("outcome", "处理结果", 11),
    Column("outcome_reason", "理由", 40, wrap=True),
)
#: The 处理结果 drop-down, and the notice outcome each value stands for.
OUTCOMES = {"采纳": Outcome.ADOPTED, "部分采纳": Outcome.PARTLY, "未采纳": Outcome.NOT_ADOPTED, "留作研究": Outcome.NOTED}
# Outcomes the commenter is told the reason of, on the worksheet and in tally's tables.
NEEDS_REASON = (Outcome.PARTLY, Outcome.NOT_ADOPTED, Outcome.NOTED)
#: The first columns of the per-comment sheet and CSV; the input's columns follow
#: (its `article` as `named_article`, its `id` not again).
COMMENT_COLUMNS = ("id", "article", "group", "confidence", "reason")
NAMED_ARTICLE = "named_article"
