"""`lawsite tally`: collected comments (a CSV, one row per comment) → a notice skeleton.

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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

import yaml

from .collect.table import COLUMNS as COLLECT_COLUMNS
from .collect.table import SOURCE_OF_CHANNEL
from .messages import Text, msg
from .model import GENERAL, Document, Problem
from .numerals import MAX_COUNT_DIGITS, whole_number
from .parse.frontmatter import shortened
from .parse.notice import ENCODING_NAMES, HEADER_ALIASES, csv_rows, decode_csv, header_faults, normalise, resolve_article

COLUMNS = ("article", "from", "text", "count")


@dataclass
class Entry:
    """One merged suggestion."""

    article: str  # article id or GENERAL
    source: str
    text: str  # as first written
    count: int
    rows: list[int] = field(default_factory=list)  # CSV lines merged into it


@dataclass
class Tallied:
    encoding: str | None
    rows: int = 0  # comment rows read
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    forwarded: Counter[str] = field(default_factory=Counter)  # the collect table's comments per `point` credited to it

    @property
    def comments(self) -> int:
        return sum(e.count for e in self.entries)


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
    collected = "channel" in names  # lawsite collect's table
    unknown = [n for n in names if n not in COLUMNS and not (collected and n in COLLECT_COLUMNS)]
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
    if len(result.problems) > problems_before or article is None:
        return
    key = (article, normalise(row["text"]), row["from"])
    entry = merged.setdefault(key, Entry(article, row["from"], row["text"], 0))
    entry.count += count
    entry.rows.append(line)
    if row.get("point") == row["from"]:
        result.forwarded[row["from"]] += count


def _from_collected(row: dict[str, str]) -> dict[str, str]:
    """A row of the collect table as tally reads one: `from` its contact
    point or channel when it names none, the text as it was written."""
    source = row.get("from") or row.get("point") or SOURCE_OF_CHANNEL.get(row["channel"], row["channel"])
    text = row.get("text", "")
    return {**row, "from": source, "text": text[1:] if text.startswith("'") else text}


def _in_text_order(entries: list[Entry], draft: Document) -> list[Entry]:
    order = {GENERAL: -1}
    if draft.legal:
        order.update({a.id: i for i, a in enumerate(draft.legal.articles)})
    return sorted(entries, key=lambda e: order.get(e.article, len(order)))  # stable: first appearance within an article


def skeleton(draft: Document, result: Tallied, notice_id: str, points: Collection[str] = ()) -> str:
    """The notice file: front matter with every entry pending, and a body to
    write; `forwarded:` for the site's contact points (`points`) the table names."""
    labels = {a.id: a.label for a in draft.legal.articles} if draft.legal else {}
    front = {
        "kind": "notice",
        "id": notice_id,
        "title": f"《{draft.title}》公开征求意见采纳情况的说明",
        "concerns": draft.id,
        "received": result.comments,
        **({"forwarded": forwarded} if (forwarded := {p: n for p, n in result.forwarded.items() if p in points}) else {}),
        "suggestions": [
            {"article": "总体" if e.article == GENERAL else labels.get(e.article, e.article), "from": e.source, "count": e.count, "text": e.text, "outcome": "pending"}
            for e in result.entries
        ],
    }
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000)
    body = "（在此说明征求意见的时间、方式和收到意见的总体情况，以及根据意见所作的主要修改。逐条处理后，把 outcome 改为 adopted、partly、not-adopted 或 noted，未采纳和部分采纳的写明 reason。）\n"
    return f"---\n{dumped}---\n\n{body}"


def _entries(n: int) -> Text:
    return msg("tally.entries.one", n=n) if n == 1 else msg("tally.entries", n=n)


def report_lines(draft: Document, result: Tallied) -> list[Text]:
    """Per-article and per-source counts, for the terminal."""
    labels = {a.id: a.label for a in draft.legal.articles} if draft.legal else {}
    encoding = ENCODING_NAMES.get(result.encoding or "", result.encoding)
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
    return lines
