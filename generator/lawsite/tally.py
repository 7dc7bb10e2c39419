"""`lawsite tally`: collected comments → a notice.

Two inputs. The reviewed worksheet of `lawsite sort` (`review.py`
reads it): one suggestion per group with a 处理结果 and per source among its
members (so every contact point keeps the credit for what it submitted),
with the outcome, the reason, the members' ids and their count; groups left
without an outcome are listed, off-topic ones (`none`) counted. Or a CSV, one
row per comment, as below.

Rows are checked against the draft (an unknown article is reported with its
row number), identical suggestions are merged — same article, same text once
spaces, full-width forms and final punctuation are normalised, same source —
and their counts summed. Identical texts from different sources stay separate
entries, so every contact point keeps the credit for what it submitted.
The skeleton has `outcome: pending` everywhere and passes `lawsite check`.

It reads `lawsite collect`'s table as it is (`collect.table.COLUMNS`): its
other columns are passed over, a row without `from` is credited to its
contact point or else to its channel (`SOURCE_OF_CHANNEL`), and the one
leading `'` the spreadsheet rule adds is dropped again. Its rows per
`point` become the notice's `forwarded:` (上报), so the figure each point
forwarded stays stated when the editor later merges or trims the entries.

And it reads `lawsite sort --format csv` (the collect table with the
sorter's columns in front, `worksheet_layout.COMMENT_COLUMNS`): the
`article` column as the reviewer left it, `outcome` and `outcome_reason`
where the reviewer added them (as on the worksheet); the sorter's `group`,
`confidence`, `reason` and `named_article` are passed over, and rows on
`none` are counted as off-topic, as the worksheet's are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import yaml

from .collect.table import COLUMNS as COLLECT_COLUMNS
from .collect.table import source_of
from .messages import Text, msg
from .model import GENERAL, Document, Outcome, Problem
from .numerals import MAX_COUNT_DIGITS, whole_number
from .parse.frontmatter import shortened
from .parse.notice import ENCODING_NAMES, HEADER_ALIASES, csv_rows, decode_csv, header_faults, named_outcome, normalise, resolve_article
from .worksheet_layout import COMMENT_COLUMNS, NEEDS_REASON, OFF_TOPIC_LABELS

if TYPE_CHECKING:
    from .review import Undecided

COLUMNS = ("article", "from", "text", "count", "outcome", "reason")  # the last three may be left out
# `lawsite sort --format csv`'s own columns, as tally reads them: the
# sorter's reason (its fifth column) is not an outcome's; the reviewer's is
# `outcome_reason`, as on the worksheet, or a column 理由 (`reason`) added.
_SORTER_REASON = len(COMMENT_COLUMNS) - 1
_SORTED_EXTRA = ("group", "confidence", "sort_reason", "named_article")
MAX_LISTED = 50  # undecided groups named one by one, in the terminal and the notice's body


@dataclass
class Entry:
    """One merged suggestion."""

    article: str  # article id or GENERAL
    source: str
    text: str  # as first written
    count: int
    rows: list[int] = field(default_factory=list)  # CSV lines (or the worksheet's group row) merged into it
    outcome: Outcome = Outcome.PENDING
    reason: str | None = None
    ids: list[str] = field(default_factory=list)  # the comments' ids (the worksheet's, or the collect table's `id`)


@dataclass
class Tallied:
    encoding: str | None
    rows: int = 0  # comment rows read
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    forwarded: Counter[str] = field(default_factory=Counter)  # the collect table's comments per `point` credited to it
    undecided: list[Undecided] = field(default_factory=list)  # worksheet groups without an outcome
    off_topic: int = 0  # comments on `none` (the worksheet's, or sort's CSV's)

    @property
    def comments(self) -> int:
        return sum(e.count for e in self.entries)

    @property
    def received(self) -> int:
        """Every comment read: itemised, off-topic, and in groups not decided yet."""
        return self.comments + self.off_topic + sum(u.comments for u in self.undecided)


def tally_worksheet(path: Path, draft: Document) -> Tallied:
    """The decided groups of the reviewed worksheet at `path`, one entry per group and source."""
    from .review import read_review  # openpyxl and the sorter's tables: only for a worksheet

    review = read_review(path, draft)
    result = Tallied(None, problems=review.problems, undecided=review.undecided, off_topic=review.off_topic)
    if review.errors:
        return result
    for decided in review.decided:
        by_source: dict[str, Entry] = {}
        for member in decided.members:
            entry = by_source.setdefault(member.source, Entry(decided.article, member.source, decided.text, 0, [decided.row], decided.outcome, decided.reason))
            entry.count += member.count
            entry.ids.append(member.id)
        result.entries += by_source.values()
        result.rows += len(decided.members)
    result.entries = _in_text_order(result.entries, draft)
    return result


def tally_comments(raw: bytes, path: str, draft: Document) -> Tallied:
    """Read, check and merge the comments of the CSV at `path` (for messages)."""
    decoded = decode_csv(raw)
    if decoded is None:
        return Tallied(None, problems=[Problem(path, None, None, msg("csv-encoding"), msg("csv-encoding.hint"), code="csv-encoding")])
    text, encoding = decoded
    result = Tallied(encoding)
    merged: dict[tuple[str, str, str], Entry] = {}
    header: list[str] | None = None
    for line, cells in csv_rows(text):
        if header is None:
            header = _header(cells, path, line, result)
            if header is None:
                return result
            continue
        _row(dict(zip(header, (c.strip() for c in cells))), len(cells) <= len(header), path, line, draft, result, merged)
    result.entries = _in_text_order(list(merged.values()), draft)
    return result


def _header(cells: list[str], path: str, line: int, result: Tallied) -> list[str] | None:
    names = [HEADER_ALIASES.get(c.strip(), c.strip().lower()) for c in cells]
    if names[: len(COMMENT_COLUMNS)] == list(COMMENT_COLUMNS):  # lawsite sort --format csv
        names[_SORTER_REASON] = "sort_reason"
        names = ["reason" if n == "outcome_reason" else n for n in names]
    collected = "channel" in names  # lawsite collect's table (sort's too)
    sorted_ = "group" in names and collected
    unknown = [n for n in names if n not in COLUMNS and not (collected and n in COLLECT_COLUMNS) and not (sorted_ and n in _SORTED_EXTRA)]
    missing = [n for n in ("article", "from", "text") if n not in names and not (collected and n == "from")]
    if unknown or missing:
        result.problems.append(Problem(path, line, None, header_faults(unknown, missing), msg("tally-header.hint"), code="csv-header"))
        return None
    return names


def _row(row: dict[str, str], complete: bool, path: str, line: int, draft: Document, result: Tallied, merged: dict[tuple[str, str, str], Entry]) -> None:
    def report(field_name: str | None, message: Text, hint: Text, code: str) -> None:
        result.problems.append(Problem(path, line, field_name, msg("csv-row", row=line, message=message), hint, code=code))

    if not complete:
        report(None, msg("csv-cells.tally"), msg("csv-cells.tally.hint"), "csv-cells")
        return
    result.rows += 1
    if "channel" in row:  # lawsite collect's table
        row = _from_collected(row)
    if "group" in row and row.get("article", "") in OFF_TOPIC_LABELS:  # sort's CSV: off the draft, counted
        result.off_topic += 1
        return
    article = resolve_article(row.get("article", ""), draft)
    count_text = row.get("count") or "1"
    problems_before = len(result.problems)
    if article is None:
        report("article", msg("unknown-article.tally", id=draft.id, get=row.get('article', '')), msg("unknown-article.tally.hint"), "unknown-article")
    if not row.get("from"):
        report("from", msg("missing-key.tally-from"), msg("missing-key.tally-from.hint"), "missing-key")
    if not row.get("text"):
        report("text", msg("missing-key.tally-text"), msg("missing-key.tally-text.hint"), "missing-key")
    count = whole_number(count_text)
    if count is None or count < 1:
        report("count", msg("bad-number.tally", MAX_COUNT_DIGITS=MAX_COUNT_DIGITS, count_text=shortened(repr(count_text))), msg("bad-number.tally.hint"), "bad-number")
    outcome, reason = _outcome(row.get("outcome", ""), row.get("reason") or None, report)
    if len(result.problems) > problems_before or article is None or outcome is None:
        return
    key = (article, normalise(row["text"]), row["from"])
    entry = merged.setdefault(key, Entry(article, row["from"], row["text"], 0, outcome=outcome, reason=reason))
    if entry.rows and (entry.outcome, entry.reason) != (outcome, reason):
        report("outcome", msg("tally-outcome-differs", first=entry.rows[0]), msg("tally-outcome-differs.hint"), "tally-outcome-differs")
        return
    entry.count += count
    entry.rows.append(line)
    if row.get("point") == row["from"]:
        result.forwarded[row["from"]] += count
    if row.get("id") and row["id"] not in entry.ids:  # the collect table's: a receipt, a mail's hash …
        entry.ids.append(row["id"])


def _outcome(written: str, reason: str | None, report: Callable[[str | None, Text, Text, str], None]) -> tuple[Outcome | None, str | None]:
    """A row's outcome (pending when left empty) and reason; None when the
    outcome is not one, or wants a reason the row does not give (reported)."""
    value = written.strip()
    outcome = named_outcome(value) if value else Outcome.PENDING
    if outcome is None:
        report("outcome", msg("tally-unknown-outcome", value=shortened(value)), msg("tally-unknown-outcome.hint"), "unknown-outcome")
    elif outcome in NEEDS_REASON and reason is None:
        report("reason", msg("sheet-missing-reason", outcome=value), msg("sheet-missing-reason.hint"), "missing-reason")
        return None, None
    return outcome, reason


def _from_collected(row: dict[str, str]) -> dict[str, str]:
    """A row of the collect table as tally reads one: `from` its contact
    point or channel when it names none, the text as it was written."""
    text = row.get("text", "")
    return {**row, "from": source_of(row), "text": text[1:] if text.startswith("'") else text}


def _in_text_order(entries: list[Entry], draft: Document) -> list[Entry]:
    order = {GENERAL: -1}
    if draft.legal:
        order.update({a.id: i for i, a in enumerate(draft.legal.articles)})
    return sorted(entries, key=lambda e: order.get(e.article, len(order)))  # stable: first appearance within an article


def skeleton(draft: Document, result: Tallied, notice_id: str, replacing: Document | None = None, points: Collection[str] = ()) -> str:
    """The notice file: front matter with every entry (pending, from a CSV), and a
    body to write; `replacing` a notice, its other front matter and its body are kept;
    `forwarded:` for the site's contact points (`points`) the collect table names."""
    labels = {a.id: a.label for a in draft.legal.articles} if draft.legal else {}
    front: dict[str, object] = {
        "kind": "notice",
        "id": notice_id,
        "title": f"《{draft.title}》公开征求意见采纳情况的说明",
        "concerns": draft.id,
    }
    if replacing is not None:  # what the editor wrote stays; the suggestions are this tally's alone
        front.update({k: v for k, v in replacing.meta.items() if k not in ("id", "received", "suggestions", "suggestions_file")})
    forwarded = {p: n for p, n in result.forwarded.items() if p in points}
    front.update({"received": result.received, **({"forwarded": forwarded} if forwarded else {}), "suggestions": [_suggestion(e, labels) for e in result.entries]})
    # libyaml's dumper where PyYAML has it: the pure-Python one takes ~25 s for 100,000 comments' entries.
    dumped = yaml.dump(front, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False, width=10_000)
    if replacing is not None and replacing.body.strip():
        return f"---\n{dumped}---\n{replacing.body}"
    body = "（在此说明征求意见的时间、方式和收到意见的总体情况，以及根据意见所作的主要修改。"
    if any(e.outcome is Outcome.PENDING for e in result.entries):
        body += "逐条处理后，把 outcome 改为 adopted、partly、not-adopted 或 noted，未采纳和部分采纳的写明 reason。"
    if result.undecided:
        groups = "、".join(u.group for u in result.undecided[:MAX_LISTED]) + ("等" if len(result.undecided) > MAX_LISTED else "")
        body += f"尚有 {len(result.undecided)} 组意见未填写处理结果，未列入本说明：{groups}。"
    return f"---\n{dumped}---\n\n{body}）\n"


def _suggestion(entry: Entry, labels: dict[str, str]) -> dict[str, object]:
    item: dict[str, object] = {
        "article": "总体" if entry.article == GENERAL else labels.get(entry.article, entry.article),
        "from": entry.source,
        "count": entry.count,
        "text": entry.text,
        "outcome": entry.outcome.value,
    }
    if entry.reason:
        item["reason"] = entry.reason
    if entry.ids:
        item["ids"] = entry.ids
    return item


def _entries(n: int) -> Text:
    return msg("tally.entries.one", n=n) if n == 1 else msg("tally.entries", n=n)


def report_lines(draft: Document, result: Tallied) -> list[Text]:
    """Per-article and per-source counts, for the terminal."""
    labels = {a.id: a.label for a in draft.legal.articles} if draft.legal else {}
    encoding = ENCODING_NAMES.get(result.encoding or "", result.encoding)
    if result.encoding is None:  # the worksheet
        lines = [msg("tally.read.sheet", rows=result.rows, comments=result.comments, entries=_entries(len(result.entries)))]
    else:
        lines = [msg("tally.read", rows=result.rows, encoding=encoding, comments=result.comments, entries=_entries(len(result.entries)))]
    by_article: Counter[str] = Counter()
    entries_by_article: Counter[str] = Counter()
    for e in result.entries:
        by_article[e.article] += e.count
        entries_by_article[e.article] += 1
    lines.append(msg("tally.per-article"))
    for article in dict.fromkeys(e.article for e in result.entries):
        label = msg("tally.general") if article == GENERAL else labels.get(article, article)
        lines.append(msg("tally.article", label=label, comments=by_article[article], entries=_entries(entries_by_article[article])))
    by_source: Counter[str] = Counter()
    for e in result.entries:
        by_source[e.source] += e.count
    lines.append(msg("tally.per-source"))
    lines += [msg("tally.source", source=source, comments=n) for source, n in by_source.most_common()]
    if result.off_topic:
        lines.append(msg("tally.off-topic", comments=result.off_topic))
    if result.undecided:
        lines.append(msg("tally.undecided", n=len(result.undecided), comments=sum(u.comments for u in result.undecided)))
        lines += [msg("tally.undecided.group", cell=u.cell, group=u.group, comments=u.comments) for u in result.undecided[:MAX_LISTED]]
        if len(result.undecided) > MAX_LISTED:
            lines.append(msg("tally.undecided.more", n=len(result.undecided) - MAX_LISTED))
    return lines
