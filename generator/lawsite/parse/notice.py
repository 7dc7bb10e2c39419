"""Adoption notices: itemised suggestions from front matter and/or a CSV file.

Every suggestion is checked against the draft the notice `concerns`: its
article must exist there (a label `第十二条`, an id `art_12`, or `总体` for the
whole draft). A problem points at the line of the YAML item or of the CSV row.

The CSV is read from bytes (UTF-8, UTF-8 with BOM, or GBK as Excel exports it
on Chinese Windows); the encoding used is recorded on the Notice and, for GBK,
reported as a warning so the editor knows what was guessed.
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable

from ..messages import Text, msg
from ..model import GENERAL, Document, Notice, Outcome, Problem, Severity, Suggestion
from ..numerals import MAX_COUNT_DIGITS, whole_number
from .frontmatter import shortened
from .legal import INVISIBLE, ZH_HANS, article_id, parse_head
from .schema import _did_you_mean

FIELDS = ("article", "from", "count", "text", "outcome", "reason", "ids")
REQUIRED = ("article", "from", "text", "outcome")
NEEDS_REASON = (Outcome.NOT_ADOPTED, Outcome.PARTLY)
GENERAL_LABELS = ("总体", "總體", "整体", "整體", "general")

# Chinese words editors use in spreadsheets, accepted as outcomes and headers.
OUTCOME_ALIASES: dict[str, Outcome] = {
    "采纳": Outcome.ADOPTED, "已采纳": Outcome.ADOPTED, "採納": Outcome.ADOPTED,
    "部分采纳": Outcome.PARTLY, "部分採納": Outcome.PARTLY,
    "未采纳": Outcome.NOT_ADOPTED, "不予采纳": Outcome.NOT_ADOPTED, "未採納": Outcome.NOT_ADOPTED,
    "留作研究": Outcome.NOTED, "研究参考": Outcome.NOTED, "已研究": Outcome.NOTED,
    "待处理": Outcome.PENDING, "研究中": Outcome.PENDING, "待處理": Outcome.PENDING,
}
HEADER_ALIASES: dict[str, str] = {
    "条文": "article", "条款": "article", "来源": "from", "提出人": "from",
    "数量": "count", "人数": "count", "条数": "count", "意见": "text", "意见内容": "text",
    "处理结果": "outcome", "处理情况": "outcome", "理由": "reason", "说明": "reason",
    "意见编号": "ids",
}
_ARTICLE_ID = re.compile(r"^art_\d+(?:-\d+)?$")
_LOOKS_LIKE_ID = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+$")

_TRAILING = re.compile(r"[。．.！!；;，,\s]+$")



@dataclass(frozen=True)
class Unreadable:
    """Why a file that exists is not read (too large, a link out of the folder)."""

    reason: Text


ReadFile = Callable[[str], "bytes | Unreadable | None"]  # content-relative path → bytes, None if missing
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class _Item:
    """One raw suggestion and where each of its fields was written."""

    data: dict[str, Any]
    path: str
    line: int | None
    prefix: str  # "suggestions[3]." for YAML, "" for a CSV row
    field_lines: dict[str, int] = field(default_factory=dict)
    row: int | None = None  # CSV row number (1 = the header), for messages


@dataclass
class _Checker:
    draft: Document | None
    points: set[str]
    problems: list[Problem] = field(default_factory=list)
    known: dict[str, str] = field(init=False)  # article id → label in the draft, built once
    ids_at: dict[str, tuple[int, str]] = field(default_factory=dict)  # comment id → (item, where) it is listed first in this notice

    def __post_init__(self) -> None:
        legal = self.draft.legal if self.draft else None
        self.known = {a.id: a.label for a in legal.articles} if legal else {}

    def report(self, item: _Item, key: str | None, message: Text, hint: Text | None = None, *, code: str, severity: Severity = Severity.ERROR) -> None:
        line = item.field_lines.get(key, item.line) if key else item.line
        name = f"{item.prefix}{key}" if key else item.prefix.rstrip(".") or None
        shown = msg("csv-row", row=item.row, message=message) if item.row else message
        self.problems.append(Problem(item.path, line, name, shown, hint, severity, code))


def normalise(text: str) -> str:
    """The form two suggestions share when they are the same suggestion:
    spaces, full-width forms, case and final punctuation do not count."""
    folded = unicodedata.normalize("NFKC", text)
    return _TRAILING.sub("", re.sub(r"\s+", "", folded)).lower()


def decode_csv(raw: bytes) -> tuple[str, str] | None:
    """(text, encoding) for UTF-8 with or without BOM, or GBK; None otherwise."""
    if raw.startswith(b"\xef\xbb\xbf"):
        encodings = ("utf-8-sig",)
    else:
        encodings = ("utf-8", "gbk", "gb18030")
    for encoding in encodings:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (with BOM)", "gbk": "GBK", "gb18030": "GB18030"}


def parse_notice(document: Document, draft: Document | None, read_file: ReadFile | None, points: set[str]) -> tuple[Notice, list[Problem]]:
    """The Notice of a `kind: notice` document, with every problem found.

    `draft` is the document it concerns (None when `concerns` names nothing,
    which the site's link check reports); `points` are the contact-point ids.
    """
    checker = _Checker(draft, points)
    notice = Notice(id=document.id, concerns=document.concerns or "", received=document.received)
    items = list(_yaml_items(document, checker))
    file_name = document.suggestions_file
    if file_name:
        csv_items, notice.csv_encoding = _csv_items(document, file_name, read_file, checker)
        items += csv_items
    elif document.suggestion_entries is None:
        checker.problems.append(
            Problem(document.path, _line(document, ("kind",)), "suggestions", msg("no-suggestions"), msg("no-suggestions.hint"), Severity.WARNING, "no-suggestions")
        )
    notice.suggestions = [s for item in items if (s := _suggestion(item, checker)) is not None]
    _check_duplicates(notice, checker)
    _check_received(document, notice, checker)
    notice.forwarded = _forwarded(document, notice, checker)
    return notice, checker.problems


def _line(document: Document, key: tuple[str | int, ...]) -> int | None:
    while key:
        if key in document.front_lines:
            return document.front_lines[key]
        key = key[:-1]
    return None


def _yaml_items(document: Document, checker: _Checker):
    raw = document.suggestion_entries
    if not isinstance(raw, list):
        return
    for index, entry in enumerate(raw):
        base = ("suggestions", index)
        item = _Item({}, document.path, _line(document, base), f"suggestions[{index}].")
        if not isinstance(entry, dict):
            checker.report(item, None, msg("bad-type.suggestion"), msg("bad-type.suggestion.hint"), code="bad-type")
            continue
        item.data = {str(k): v for k, v in entry.items()}
        item.field_lines = {str(k): n for k in entry if (n := _line(document, base + (str(k),))) is not None}
        yield item


def _csv_items(document: Document, name: str, read_file: ReadFile | None, checker: _Checker) -> tuple[list[_Item], str | None]:
    key_line = _line(document, ("suggestions_file",))
    path = posixpath.normpath(posixpath.join(posixpath.dirname(document.path), name))
    bad = name.startswith("/") or path.startswith("../") or path == ".." or not name.lower().endswith(".csv")
    raw = None if bad or read_file is None else read_file(path)
    if isinstance(raw, Unreadable):
        checker.problems.append(Problem(document.path, key_line, "suggestions_file", msg("csv-unreadable", name=name, reason=raw.reason), msg("csv-unreadable.hint"), code="csv-unreadable"))
        return [], None
    if raw is None:
        why = msg("missing-file.not-csv") if bad else msg("missing-file.not-found", path=path)
        checker.problems.append(Problem(document.path, key_line, "suggestions_file", msg("missing-file", name=name, why=why), msg("missing-file.hint"), code="missing-file"))
        return [], None
    decoded = decode_csv(raw)
    if decoded is None:
        checker.problems.append(Problem(path, None, None, msg("csv-encoding"), msg("csv-encoding.hint"), code="csv-encoding"))
        return [], None
    text, encoding = decoded
    control = _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        checker.problems.append(Problem(path, line, None, msg("csv-control-character", code_point=ord(control.group())), msg("csv-control-character.hint"), code="csv-control-character"))
        return [], None
    if encoding.startswith("gb"):
        checker.problems.append(
            Problem(path, None, None, msg("csv-gbk", ENCODING_NAMES=ENCODING_NAMES[encoding]), msg("csv-gbk.hint"), Severity.WARNING, "csv-gbk")
        )
    return _rows(path, text, checker), encoding


def csv_rows(text: str):
    """(first line of the row, cells) for every non-blank row. Empty cells at
    the end of a row are dropped: spreadsheets export formatted empty columns."""
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n")))
    last = 0
    for cells in reader:
        line, last = last + 1, reader.line_num
        while cells and not cells[-1].strip():
            cells.pop()
        if cells:
            yield line, cells


def _rows(path: str, text: str, checker: _Checker) -> list[_Item]:
    header: list[str] | None = None
    items: list[_Item] = []
    try:
        rows = list(csv_rows(text))
    except csv.Error as exc:  # a field over the csv module's limit (128 KiB), …
        checker.problems.append(Problem(path, _error_line(text, exc), None, msg("csv-malformed", exc=exc), msg("csv-malformed.hint"), code="csv-malformed"))
        return []
    for line, cells in rows:
        if header is None:
            header = _header(path, line, cells, checker)
            if header is None:
                return []
            continue
        item = _Item({}, path, line, "", {}, row=line)
        if len(cells) > len(header):
            checker.report(item, None, msg("csv-cells", n_cells=len(cells), n_header=len(header)), msg("csv-cells.hint"), code="csv-cells")
            continue
        item.data = {name: cell.strip() for name, cell in zip(header, cells) if name and cell.strip()}
        items.append(item)
    return items


def _error_line(text: str, exc: csv.Error) -> int | None:
    # The csv module names no position; the line is the one where reading stopped.
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n")))
    try:
        for _ in reader:
            pass
    except csv.Error:
        return reader.line_num
    return None


def _header(path: str, line: int, cells: list[str], checker: _Checker) -> list[str] | None:
    names = [HEADER_ALIASES.get(c.strip(), c.strip().lower()) for c in cells]
    unknown = [n for n in names if n not in FIELDS]
    missing = [n for n in ("article", "text", "outcome") if n not in names]
    if unknown or missing:
        hint = msg("csv-header.hint", columns=",".join(FIELDS), suggestion=_did_you_mean(unknown[0], FIELDS) if unknown else "")
        checker.problems.append(Problem(path, line, None, header_faults(unknown, missing), hint, code="csv-header"))
        return None
    return names


def header_faults(unknown: list[str], missing: list[str]) -> Text:
    """What is wrong with a CSV header row (notices and `lawsite tally`)."""
    if unknown and missing:
        return msg("csv-header.both", unknown=", ".join(unknown), missing=", ".join(missing))
    if unknown:
        return msg("csv-header.unknown", unknown=", ".join(unknown))
    return msg("csv-header.missing", missing=", ".join(missing))


def _suggestion(item: _Item, checker: _Checker) -> Suggestion | None:
    for key in item.data:
        if key not in FIELDS:
            checker.report(item, key, msg("unknown-key.suggestion", key=key), msg("unknown-key.suggestion.hint", fields=", ".join(FIELDS), suggestion=_did_you_mean(key, FIELDS)), code="unknown-key")
    for key in REQUIRED:
        if _text(item.data.get(key)) is None:
            checker.report(item, key, msg("missing-key.suggestion", key=key), HINTS[key], code="missing-key")
    article = _article(item, checker)
    outcome = _outcome(item, checker)
    count = _count(item, checker)
    source, text, reason = (_text(item.data.get(k)) for k in ("from", "text", "reason"))
    if outcome in NEEDS_REASON and reason is None:
        checker.report(item, "outcome", msg("missing-reason", value=outcome.value), msg("missing-reason.hint"), code="missing-reason")
        return None
    if source is not None:
        _check_source(item, source, checker)
    ids = _ids(item, count, checker)
    if None in (article, outcome, count, source, text, ids):
        return None
    return Suggestion(article, source, count, text, outcome, reason, item.path, item.line, ids)  # type: ignore[arg-type]


# What `check` says about each field of a suggestion (also the web editor's hints).
HINTS = {
    "article": msg("suggestion.article"),
    "from": msg("suggestion.from"),
    "text": msg("suggestion.text"),
    "outcome": msg("suggestion.outcome", outcomes=", ".join(o.value for o in Outcome)),
}


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    cleaned = str(value).strip()
    return cleaned or None


def _article(item: _Item, checker: _Checker) -> str | None:
    raw = _text(item.data.get("article"))
    if raw is None:
        return None
    if INVISIBLE.search(raw):
        visible = INVISIBLE.sub("", raw)
        hidden = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in INVISIBLE.findall(raw)))
        checker.report(item, "article", msg("invisible-character", visible=visible, hidden=hidden), msg("invisible-character.hint"), code="invisible-character", severity=Severity.WARNING)
        raw = visible
    if raw in GENERAL_LABELS:
        return GENERAL
    wanted = raw if _ARTICLE_ID.match(raw) else _label_id(raw)
    if wanted is None:
        checker.report(item, "article", msg("bad-article", raw=raw), HINTS["article"], code="bad-article")
        return None
    draft = checker.draft
    if draft is None or draft.legal is None:
        return wanted  # the unknown `concerns` is reported by the site's link check
    known = checker.known
    if wanted not in known:
        labels = list(known.values())
        last = labels[-1] if labels else "—"
        checker.report(item, "article", msg("unknown-article.suggestion", id=draft.id, raw=raw), msg("unknown-article.suggestion.hint", value=labels[0] if labels else 'none', last=last), code="unknown-article")
        return None
    return wanted


def resolve_article(raw: str, draft: Document) -> str | None:
    """GENERAL, or the id of the article `raw` names in `draft` (第十二条,
    第12条, art_12); None when it names none."""
    raw = raw.strip()
    if raw in GENERAL_LABELS:
        return GENERAL
    wanted = raw if _ARTICLE_ID.match(raw) else _label_id(raw)
    known = {a.id for a in draft.legal.articles} if draft.legal else set()
    return wanted if wanted in known else None


def _label_id(label: str) -> str | None:
    head = parse_head(label, ZH_HANS)
    if head is None or head.text.strip() or not head.in_range:
        return None
    return article_id(head.number, head.sub)


def named_outcome(written: str) -> Outcome | None:
    """The outcome a notice's field or a table's cell names: its value as
    written or loosely (`not_adopted`, `Not Adopted`) or a Chinese word
    (OUTCOME_ALIASES); None when it names none. The one reading of an
    outcome for notices, `tally`'s CSV and the reviewed worksheet."""
    raw = written.strip()
    lowered = raw.lower().replace("_", "-").replace(" ", "-")
    return Outcome(lowered) if lowered in {o.value for o in Outcome} else OUTCOME_ALIASES.get(raw)


def _outcome(item: _Item, checker: _Checker) -> Outcome | None:
    raw = _text(item.data.get("outcome"))
    if raw is None:
        return None
    if (outcome := named_outcome(raw)) is not None:
        return outcome
    lowered = raw.lower().replace("_", "-").replace(" ", "-")
    choices = [o.value for o in Outcome]
    checker.report(item, "outcome", msg("unknown-outcome", raw=raw), msg("unknown-outcome.hint", outcomes=", ".join(choices), suggestion=_did_you_mean(lowered, choices + list(OUTCOME_ALIASES))), code="unknown-outcome")
    return None


def _count(item: _Item, checker: _Checker) -> int | None:
    raw = item.data.get("count")
    if raw is None or raw == "":
        return 1
    if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 1:
        return raw
    number = whole_number(raw) if isinstance(raw, str) else None
    if number is not None and number >= 1:
        return number
    checker.report(item, "count", msg("bad-number.count", MAX_COUNT_DIGITS=MAX_COUNT_DIGITS, raw=shortened(repr(raw))), msg("bad-number.count.hint"), code="bad-number")
    return None


_ID_SEPARATORS = re.compile(r"[\s;；,，、]+")


def _ids(item: _Item, count: int | None, checker: _Checker) -> tuple[str, ...] | None:
    """The ids of the comments merged into the suggestion (a YAML list; in a
    CSV cell, separated by spaces or `;`), each listed once in the notice."""
    raw = item.data.get("ids")
    if raw is None:
        return ()
    if item.row is not None and isinstance(raw, str):
        raw = [i for i in _ID_SEPARATORS.split(raw) if i]
    if not isinstance(raw, list) or not all(isinstance(i, str) and i.strip() for i in raw):
        checker.report(item, "ids", msg("bad-type.comment-ids"), msg("bad-type.comment-ids.hint"), code="bad-type")
        return None
    ids = tuple(i.strip() for i in raw)
    here = f"{item.path}:{item.field_lines.get('ids', item.line)}" if item.line else item.path
    repeated = False
    for comment_id in dict.fromkeys(ids):
        owner, where = checker.ids_at.setdefault(comment_id, (id(item), here))
        if owner != id(item) or ids.count(comment_id) > 1:
            checker.report(item, "ids", msg("duplicate-comment-id", id=shortened(comment_id), where=where), msg("duplicate-comment-id.hint"), code="duplicate-comment-id")
            repeated = True
    if count is not None and count < len(ids):
        checker.report(item, "count", msg("ids-exceed-count", count=count, n=len(ids)), msg("ids-exceed-count.hint", n=len(ids)), code="ids-exceed-count")
        return None
    return None if repeated else ids


def _check_source(item: _Item, source: str, checker: _Checker) -> None:
    # Free text is fine; an id-like word that is no contact point is most likely a typo.
    if source in checker.points or not _LOOKS_LIKE_ID.match(source):
        return
    checker.report(item, "from", msg("unknown-contact-point", source=source), msg("unknown-contact-point.hint", suggestion=_did_you_mean(source, sorted(checker.points))), code="unknown-contact-point", severity=Severity.WARNING)


def _check_duplicates(notice: Notice, checker: _Checker) -> None:
    # The same suggestion twice would be counted twice in the ledger.
    first: dict[tuple[str, str, str], Suggestion] = {}
    for s in notice.suggestions:
        key = (s.article, normalise(s.text), s.source)
        if key not in first:
            first[key] = s
            continue
        earlier = first[key]
        where = f"{earlier.path}:{earlier.line}" if earlier.line else earlier.path
        checker.problems.append(
            Problem(s.path, s.line, None, msg("duplicate-suggestion", source=s.source, where=where), msg("duplicate-suggestion.hint"), Severity.WARNING, "duplicate-suggestion")
        )


def _check_received(document: Document, notice: Notice, checker: _Checker) -> None:
    itemised = sum(s.count for s in notice.suggestions)
    if notice.received is not None and notice.received < itemised:
        checker.problems.append(
            Problem(document.path, _line(document, ("received",)), "received", msg("received-too-small", received=notice.received, itemised=itemised), msg("received-too-small.hint"), code="received-too-small")
        )


def _forwarded(document: Document, notice: Notice, checker: _Checker) -> dict[str, int]:
    """`forwarded:` (上报 per point), kept where it names a contact point and is
    no less than the suggestions itemised from that point: what was adopted was
    forwarded first, so the funnel 收集 → 上报 → 采纳 never widens."""
    kept: dict[str, int] = {}
    for point, forwarded in (document.forwarded or {}).items():
        key = ("forwarded", point)
        if point not in checker.points:
            hint = msg("forwarded-unknown-point.hint", suggestion=_did_you_mean(point, sorted(checker.points)))
            checker.problems.append(Problem(document.path, _line(document, key), f"forwarded.{point}", msg("forwarded-unknown-point", point=point), hint, code="forwarded-unknown-point"))
            continue
        itemised = sum(s.count for s in notice.suggestions if s.source == point)
        if forwarded < itemised:
            message = msg("forwarded-too-small", point=point, forwarded=forwarded, itemised=itemised)
            checker.problems.append(Problem(document.path, _line(document, key), f"forwarded.{point}", message, msg("forwarded-too-small.hint", itemised=itemised), code="forwarded-too-small"))
            continue
        kept[point] = forwarded
    return kept
