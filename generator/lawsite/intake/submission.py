"""A posted comment: its fields checked, then its target checked against the
catalogue. Pure: raw fields (and the clock's reading) in, a Comment or a
Refusal out. Every refusal carries its HTTP status, a stable code and the
Chinese message the reader sees.

Statuses: 400 the request itself is broken (JSON, UTF-8, form encoding);
404 no such document or article; 409 the draft exists but does not take
comments now (not yet open, closed, takes none); 413 too large; 415 neither
a form nor JSON; 422 a field is missing or wrong (empty text, unknown
contact point, control characters, the honeypot filled in); 429 too many
requests from one address.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Mapping, Sequence
from zoneinfo import ZoneInfo

from ..consultation import State
from ..ids import MAX_ID_BYTES
from ..render.templates import format_date
from .catalogue import GENERAL_LABEL, Catalogue

MAX_BODY_BYTES = 256 * 1024  # a 10,000-character comment percent-encoded is ~90 KB
# A basket sends its comments in one JSON request: {"comments": [...]}, all or none.
MAX_BATCH = 50  # comments in one request (the rate limit counts each of them)
MAX_BATCH_BODY_BYTES = 1024 * 1024  # the body limit of a JSON request
HONEYPOT = "website"  # hidden from people by the form; filled in only by bots
SHARED_FIELDS = ("name", "contact", "point", HONEYPOT)  # a batch may give these once for all its comments
# `doc` and `point` are ids, which have no more characters than bytes (ids.py).
MAX_CHARS = {"doc": MAX_ID_BYTES, "article": 40, "text": 10_000, "name": 100, "contact": 200, "point": MAX_ID_BYTES}
FIELD_NAMES = {"doc": "文件", "article": "条文", "text": "意见内容", "name": "姓名", "contact": "联系方式", "point": "联系点"}
# C0 controls but tab, newline and carriage return; NUL would also break PostgreSQL's text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Refusal:
    status: int
    code: str
    message: str  # Chinese, shown to the reader as it is


@dataclass(frozen=True)
class Comment:
    doc: str
    article: str  # an article id or 总体
    text: str
    point: str | None
    name: str | None
    contact: str | None


def _field(fields: Mapping[str, str], key: str) -> str | Refusal | None:
    value = fields.get(key)
    if value is None or not value.strip():
        return None
    value = value.strip().replace("\r\n", "\n").replace("\r", "\n")
    if len(value) > MAX_CHARS[key]:
        return Refusal(413, "field-too-long", f"{FIELD_NAMES[key]}过长：最多 {MAX_CHARS[key]} 个字，现有 {len(value)} 个字。请分几次提交。")
    if _CONTROL.search(value):
        return Refusal(422, "control-character", f"{FIELD_NAMES[key]}中含有无法显示的控制字符，请删除后重新提交。")
    return value


def read_comment(fields: Mapping[str, str]) -> Comment | Refusal:
    """The comment in the posted fields, or why they cannot be one."""
    if fields.get(HONEYPOT, "").strip():
        return Refusal(422, "honeypot", "提交未被受理：表单中应留空的栏目被填写了。如果您是读者，请刷新页面后重新填写。")
    values: dict[str, str | None] = {}
    for key in MAX_CHARS:
        value = _field(fields, key)
        if isinstance(value, Refusal):
            return value
        values[key] = value
    for key in ("doc", "article", "text"):
        if values[key] is None:
            return Refusal(422, "missing-field", f"缺少{FIELD_NAMES[key]}（{key}），请填写后重新提交。")
    return Comment(**values)  # type: ignore[arg-type]


def check_target(comment: Comment, catalogue: Catalogue, now: dt.datetime, tz: ZoneInfo) -> Refusal | None:
    """Why `comment` cannot be taken at `now`, or None when it can."""
    draft = catalogue.drafts.get(comment.doc)
    if draft is None:
        if comment.doc in catalogue.others or comment.doc in catalogue.points:
            return Refusal(409, "not-a-draft", f"“{comment.doc}”不是征求意见稿，不接受意见。")
        return Refusal(404, "unknown-document", f"没有编号为“{comment.doc}”的征求意见稿，请从网站上的草案页面提交意见。")
    if comment.article != GENERAL_LABEL and comment.article not in draft.articles:
        return Refusal(404, "unknown-article", f"《{draft.title}》中没有条文“{comment.article}”。请选择一条，或选“{GENERAL_LABEL}”对草案整体提意见。")
    if comment.point is not None and comment.point not in catalogue.points:
        return Refusal(422, "unknown-point", f"没有编号为“{comment.point}”的基层立法联系点。")
    state = catalogue.state(draft, now, tz)
    if state is None:
        return Refusal(409, "not-consulted", f"《{draft.title}》不公开征求意见。")
    if state is State.UPCOMING:
        assert draft.comments is not None and draft.comments.opens is not None
        return Refusal(409, "not-yet-open", f"《{draft.title}》尚未开始征求意见，{format_date(draft.comments.opens, 'zh')}起可以提交。")
    if state is State.CLOSED:
        assert draft.comments is not None and draft.comments.closes is not None
        return Refusal(409, "closed", f"《{draft.title}》征求意见已于{format_date(draft.comments.closes, 'zh')}截止，不再接受意见。")
    return None


def read_batch(entries: Sequence[Mapping[str, str]], shared: Mapping[str, str]) -> list[Comment] | tuple[int, Refusal]:
    """The comments of a batch (each entry's own fields over the `shared`
    ones), or the position of the first that cannot be one and why."""
    comments = []
    for index, entry in enumerate(entries):
        comment = read_comment({**shared, **entry})
        if isinstance(comment, Refusal):
            return index, comment
        comments.append(comment)
    return comments


def check_batch(comments: Sequence[Comment], catalogue: Catalogue, now: dt.datetime, tz: ZoneInfo) -> tuple[int, Refusal] | None:
    """The position of the first comment of a batch that cannot be taken and why, or None."""
    for index, comment in enumerate(comments):
        refusal = check_target(comment, catalogue, now, tz)
        if refusal:
            return index, refusal
    return None


def in_batch(index: int, refusal: Refusal) -> Refusal:
    """`refusal` of the comment at `index` as the refusal of its whole batch."""
    return Refusal(refusal.status, refusal.code, f"第 {index + 1} 条意见未能受理，全部意见均未保存：{refusal.message}")
