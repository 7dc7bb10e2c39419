"""The collect format: one row per comment, whatever channel it came by.

Columns, in this order (`COLUMNS`):

    id          stable: the intake receipt, `mail-` and a hash of the
                Message-ID (with `-2`, `-3`… for the further articles of a
                basket mail), or the file and row of a table
    channel     web, mail, paper or meeting
    point       the contact point's id, when it came through one
    article     an article id (art_12), 总体, or empty when not known
    text        the comment
    received    ISO 8601 (a day, or a moment in the site's time zone)
    source      where it came from: the database, the file and line or row,
                the mail file (and its line in an mbox) and Message-ID
    concerns    the draft's id
    subject     a mail's subject
    attachments the file names of a mail's attachments (not read), `; `-separated
    from        who it came from, as a table says (a meeting, an organisation)
    count       how many people a table's row stands for (empty: one)
    flag        why the row needs a look in 整理 (an article the draft does
                not have, a date that could not be read …)

No name, e-mail address, telephone or address is ever a column: they stay
where they came in (the intake database's personal table, the mailbox, the
paper form), and `source` says where to look them up.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator
from zoneinfo import ZoneInfo

from ..emit.cells import spreadsheet_csv_chunks
from ..messages import DEFAULT, Text, msg
from ..model import GENERAL, Document, Problem, Severity

COLUMNS = ("id", "channel", "point", "article", "text", "received", "source", "concerns", "subject", "attachments", "from", "count", "flag")
CHANNELS = ("web", "mail", "paper", "meeting")
# Who a comment came from when its row names neither a `from` nor a contact point (what tally credits).
SOURCE_OF_CHANNEL = {"web": "网民", "mail": "来信", "paper": "书面意见", "meeting": "座谈会"}
WHOLE_DRAFT = "总体"  # the article cell of a comment on the draft as a whole
MAX_PROBLEMS_LISTED = 1000  # a mailbox of a million spam mails still gets a short report: the rest are counted



def source_of(row: dict[str, str]) -> str:
    """Who a comment of the collect table is credited to (a notice's `from`):
    who the row names, else its contact point, else its channel's word (网民, 来信 …)."""
    channel = row.get("channel", "")
    return row.get("from") or row.get("point") or SOURCE_OF_CHANNEL.get(channel, channel) or SOURCE_OF_CHANNEL["web"]

@dataclass(frozen=True)
class Row:
    id: str
    channel: str
    text: str
    source: str
    article: str = ""  # an article id, GENERAL, or "" when not known
    point: str = ""
    received: str = ""
    subject: str = ""
    attachments: tuple[str, ...] = ()
    from_: str = ""
    count: str = ""
    flags: tuple[Text, ...] = ()  # why the row needs a look in 整理

    def flag(self, lang: str = DEFAULT) -> str:
        return "; ".join(f.render(lang) for f in self.flags)

    def cells(self, concerns: str, lang: str = DEFAULT) -> tuple[str, ...]:
        article = WHOLE_DRAFT if self.article == GENERAL else self.article
        return (self.id, self.channel, self.point, article, self.text, self.received, self.source, concerns,
                self.subject, "; ".join(self.attachments), self.from_, self.count, self.flag(lang))


@dataclass(frozen=True)
class Target:
    """What the comments are collected for: the draft (`--concerns`), the
    site's contact points and time zone."""

    draft: Document
    points: frozenset[str]
    tz: ZoneInfo

    def has_article(self, article_id: str) -> bool:
        return article_id == GENERAL or bool(self.draft.legal and any(a.id == article_id for a in self.draft.legal.articles))


@dataclass
class Collected:
    """The rows so far, and everything that was not made a row (each skip a
    warning Problem, counted by its code) or needs a look (a flag)."""

    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    flagged: Counter[str] = field(default_factory=Counter)
    by_source: Counter[str] = field(default_factory=Counter)  # rows per source given on the command line
    unlisted: int = 0  # problems counted but not listed (over MAX_PROBLEMS_LISTED)
    _ids: set[str] = field(default_factory=set)
    _messages: set[str] = field(default_factory=set)

    def add(self, row: Row, origin: str) -> None:
        if row.id in self._ids:  # the same receipt or file row given twice
            self.skip(Problem(row.source, None, "id", msg("collect-duplicate", id=row.id), msg("collect-duplicate.hint"), Severity.WARNING, "collect-duplicate"))
            return
        self._ids.add(row.id)
        self.rows.append(row)
        self.by_source[origin] += 1

    def first_message(self, message_id: str) -> bool:
        """True the first time a Message-ID is seen (a mail in two exports is one mail)."""
        if message_id in self._messages:
            return False
        self._messages.add(message_id)
        return True

    def skip(self, problem: Problem) -> None:
        self.skipped[problem.code] += 1
        self._report(problem)

    def flag(self, problem: Problem) -> None:
        self.flagged[problem.code] += 1
        self._report(problem)

    def note(self, problem: Problem) -> None:
        """Neither a skip nor a flag: a column that was not copied, an encoding guessed."""
        self._report(problem)

    def _report(self, problem: Problem) -> None:
        if len(self.problems) < MAX_PROBLEMS_LISTED:
            self.problems.append(problem)
        else:
            self.unlisted += 1


def csv_chunks(rows: Iterable[Row], concerns: str, lang: str = DEFAULT) -> Iterator[bytes]:
    """The comments.csv file in pieces, as Excel and WPS open it right (UTF-8
    with a BOM, CRLF, every cell through the one spreadsheet rule); flags in `lang`."""
    return spreadsheet_csv_chunks(COLUMNS, (row.cells(concerns, lang) for row in rows))


def iso_day_or_moment(moment: dt.datetime | dt.date, tz: dt.tzinfo) -> str:
    """A moment in the site's time zone to the second, or a day as YYYY-MM-DD."""
    if isinstance(moment, dt.datetime):
        aware = moment.replace(tzinfo=tz) if moment.tzinfo is None else moment.astimezone(tz)
        return aware.isoformat(timespec="seconds")
    return moment.isoformat()
