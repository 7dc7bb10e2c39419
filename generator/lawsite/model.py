"""The plain domain model: documents, their legal structure, and problems.

Nothing here knows MkDocs, Markdown rendering or files on disk. Parsers build
these values; `gather/site.py` gathers them; `render/` turns them into HTML.

Structure of a legal text (Akoma Ntoso-style ids):

    LegalText
      └─ Division (编 / 分编 / 章 / 节), nested  ─┐
      └─ Article  art_12, art_133-1               ├─ in text order, with Prose
           └─ Paragraph  art_12__para_2           │  blocks for anything that
                └─ Item  art_12__para_2__item_3  ─┘  is neither
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from enum import Enum
from typing import Iterator, Union

from .messages import ENV, Text, language


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, reported to the editor, never raised.

    `code` is a stable machine name (``yaml-syntax``, ``article-gap`` …) that
    tests and CI annotations rely on; `hint` says what would be right. Both
    texts are `Text` (a catalogue key and values, see `lawsite.messages`):
    they are put into words, Chinese or English, only where they are shown.
    """

    path: str
    line: int | None
    field: str | None
    message: Text
    hint: Text | None = None
    severity: Severity = Severity.ERROR
    code: str = "invalid"

    def __post_init__(self) -> None:
        if not isinstance(self.message, Text) or not isinstance(self.hint, (Text, type(None))):
            raise TypeError(f"Problem {self.code}: message and hint come from the catalogue, msg(key, …) (see lawsite/messages)")

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_dict(self, lang: str) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "field": self.field,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message.render(lang),
            "hint": self.hint.render(lang) if self.hint else None,
        }


class LawsiteError(Exception):
    """Root of lawsite's exceptions: something the caller must stop for. It
    carries a `Text` (see lawsite.messages); `str()` gives it in the language
    `LAWSITE_LANG` names (Chinese by default), for callers that know no other
    (MkDocs' log); the CLI renders `text` in the language asked for."""

    def __init__(self, text: Text) -> None:
        if not isinstance(text, Text):
            raise TypeError("lawsite's errors carry a catalogue message, msg(key, …) (see lawsite/messages)")
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return self.text.render(language(os.environ.get(ENV)))


class ConfigError(LawsiteError):
    """A lawsite setting (in mkdocs.yml or on the command line) is wrong."""


# --- legal structure ---------------------------------------------------------


@dataclass(slots=True)  # a corpus holds hundreds of thousands
class Item:
    """A 项: ``（一）…`` inside a paragraph."""

    id: str
    number: int
    label: str  # as written, e.g. "（一）" or "(一)"
    text: str  # Markdown source after the label
    line: int


@dataclass(slots=True)  # a corpus holds hundreds of thousands
class Paragraph:
    """A 款: the first one starts on the article's head line."""

    id: str
    number: int
    text: str  # Markdown source of the paragraph's own text ("" if only items)
    line: int
    items: list[Item] = field(default_factory=list)


@dataclass(slots=True)  # a corpus holds hundreds of thousands
class Article:
    """A 条. `sub` is M in 第N条之M (an inserted article)."""

    id: str
    number: int
    sub: int | None
    label: str  # normalised, e.g. "第一百三十三条之一"
    caption: str | None  # 条旨, e.g. "立法目的" from 第一条（立法目的）
    line: int
    paragraphs: list[Paragraph] = field(default_factory=list)
    repealed: bool = False  # 第一百九十九条 （删去）

    @property
    def key(self) -> tuple[int, int]:
        return (self.number, self.sub or 0)

    def plain_text(self) -> str:
        """All text of the article, paragraphs and items, one per line."""
        lines: list[str] = []
        for para in self.paragraphs:
            if para.text:
                lines.append(para.text)
            lines.extend(item.label + item.text for item in para.items)
        return "\n".join(lines)


@dataclass(slots=True)  # a corpus holds hundreds of thousands
class Prose:
    """Markdown that is neither a division heading nor part of an article:
    a preamble, a table outside articles, an unnumbered amendment text."""

    text: str
    line: int


@dataclass(slots=True)  # a corpus holds hundreds of thousands
class Division:
    """A 编 / 分编 / 章 / 节 heading and everything under it."""

    id: str  # e.g. "chp_3", "part_2__chp_1__sec_2"
    kind: str  # "编", "分编", "章", "节" (or the configured equivalents)
    number: int | None
    label: str  # "第三章"
    title: str  # "业主大会"
    heading_level: int  # Markdown level it was written at
    line: int
    children: list[Node] = field(default_factory=list)


Node = Union[Division, Article, Prose]


@dataclass
class LegalText:
    """A parsed body: divisions, articles and prose in text order."""

    children: list[Node] = field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        stack: list[Iterator[Node]] = [iter(self.children)]
        while stack:
            node = next(stack[-1], None)
            if node is None:
                stack.pop()
                continue
            yield node
            if isinstance(node, Division):
                stack.append(iter(node.children))

    def ids(self) -> list[str]:
        """Every id the structure gives out, in text order: divisions,
        articles, paragraphs and items (each an anchor on the page)."""
        ids: list[str] = []
        for node in self.walk():
            if isinstance(node, Division):
                ids.append(node.id)
            elif isinstance(node, Article):
                ids.append(node.id)
                for para in node.paragraphs:
                    ids.append(para.id)
                    ids += [item.id for item in para.items]
        return ids

    def all_text(self) -> str:
        """Every piece of text the structure holds, in order: what a parser
        must not have dropped (labels, titles, captions, articles, prose)."""
        parts: list[str] = []
        for node in self.walk():
            if isinstance(node, Prose):
                parts.append(node.text)
            elif isinstance(node, Division):
                parts += [node.label, node.title]
            else:
                parts += [node.label, node.caption or "", node.plain_text()]
        return "".join(parts)

    @property
    def articles(self) -> list[Article]:
        return [n for n in self.walk() if isinstance(n, Article)]

    @property
    def article_count(self) -> int:
        return len(self.articles)

    @property
    def divisions(self) -> list[Division]:
        return [n for n in self.walk() if isinstance(n, Division)]


# --- interpretations ---------------------------------------------------------


@dataclass
class InterpretationSection:
    """One section of an interpretation: the explanation of some articles.

    `spans` are the (first, last) article keys the heading names, both
    included; `article_ids` are filled from the interpreted text when the site
    is gathered (a range then includes the 之一 articles inside it).
    """

    heading: str  # as written, e.g. "第十一条至第十三条"
    title: str | None  # what follows the labels, if anything
    line: int  # file line of the heading
    spans: list[tuple[tuple[int, int], tuple[int, int]]]
    body: str  # Markdown of the explanation
    body_line: int
    article_ids: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """The section's id on the interpretation page."""
        first = self.article_ids[0] if self.article_ids else f"line_{self.line}"
        return f"sec-{first}"


@dataclass
class Interpretation:
    """A plain-language interpretation (释义) of a draft or law."""

    interprets: str  # id of the draft or law
    preface: str  # Markdown before the first section
    sections: list[InterpretationSection] = field(default_factory=list)


# --- documents --------------------------------------------------------------


class Kind(str, Enum):
    PAGE = "page"
    DRAFT = "draft"
    LAW = "law"
    INTERPRETATION = "interpretation"
    NOTICE = "notice"
    CONTACT_POINT = "contact-point"
    ACTIVITY = "activity"


@dataclass(frozen=True)
class Source:
    """One content file as read: its path relative to the content folder."""

    path: str
    text: str


@dataclass(frozen=True)
class Comments:
    """The consultation terms of a draft: how and when the public may comment.

    A draft has them only when `comments.closes` is a valid date (the schema
    requires it), so `closes` is never missing.
    """

    opens: dt.date | None
    closes: dt.date  # inclusive, in the site's time zone
    email: str | None = None
    subject: str = "征求意见：{title}{label}"
    form: str | None = None
    intake: str | None = None  # the comment service's address (lawsite intake), e.g. https://yj.example.gov.cn/intake
    post: str | None = None
    fax: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Event:
    """A dated line of a law's history (`events:`, as `lawsite import` writes it)."""

    date: dt.date
    type: str | None  # one of parse.schema.EVENT_TYPES
    text: str | None = None


@dataclass(frozen=True)
class PosterRange:
    """The articles a draft's printed poster shows (`poster.from`/`poster.to`),
    as written: an article label or id each, None for the first/last."""

    first: str | None
    last: str | None


@dataclass(frozen=True)
class Person:
    """One of a contact point's people: a 联络员, 信息员 or expert (专家库)."""

    name: str
    field: str | None = None  # experts: what they know
    unit: str | None = None  # where they work
    public: bool = False  # published only when marked so (personal data)


@dataclass(frozen=True)
class ContactPoint:
    """A grassroots legislative contact point (基层立法联系点)."""

    level: str | None  # 国家级, 省级, 市级 or 县级 (or what the editor wrote)
    region: str | None = None
    address: str | None = None
    phone: str | None = None
    hours: str | None = None
    email: str | None = None
    established: dt.date | None = None
    parent: str | None = None  # id of the point above it (联络站 → 联系点); gather checks it
    # Its people, public or not: only render/ shows them, and only the public ones.
    liaisons: tuple[Person, ...] = ()  # 联络员
    informants: tuple[Person, ...] = ()  # 信息员
    experts: tuple[Person, ...] = ()  # 专家库


@dataclass(frozen=True)
class Activity:
    """A contact point's activity (座谈会, 院坝会, 调研…): who came, what was collected."""

    type: str  # as written, normally one of parse.schema.ACTIVITY_TYPES
    date: dt.date
    point: str  # the contact point's id (gather checks it)
    drafts: tuple[str, ...] = ()  # ids of the drafts or laws discussed (gather checks them)
    participants: int | None = None  # people reached
    collected: int | None = None  # suggestions collected
    photos: tuple[str, ...] = ()  # content-relative paths of images in the content folder (gather checks them)


@dataclass
class Document:
    """One content file after its front matter has been checked.

    Every fact a later stage needs is a typed attribute, filled by
    `parse.document` from the checked front matter; ids naming other documents
    are as written (gather checks that they exist). `meta` keeps the checked
    front matter itself (dates as `datetime.date`) only to be handed on
    untouched: the open data's `metadata` republishes it, and the keys MkDocs
    and Material read themselves (`hide`, `icon`, `template`, `search`,
    `status`, `tags`) stay there; lawsite only checks that the theme has the
    `template` and `icon` named (site.py). Nothing after parsing reads it for
    a domain fact.
    """

    source: Source
    kind: Kind
    id: str
    title: str
    body: str  # Markdown after the front matter
    body_line: int  # 1-based line in the file where `body` starts
    meta: dict[str, object] = field(default_factory=dict)
    legal: LegalText | None = None  # drafts and laws
    comments: Comments | None = None  # drafts only
    interpretation: Interpretation | None = None  # interpretations only
    # File line of each front matter key path, e.g. ("suggestions", 3, "outcome"),
    # so checks made after parsing (notices) can still point at the line.
    front_lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)
    # The numbering convention of the text: the document's `numbering:` or else
    # the site's; a key of parse.legal.NUMBERINGS unless parsing reported it.
    numbering: str = "zh-Hans"
    # Ids of other documents.
    previous: str | None = None  # drafts: the earlier reading
    from_draft: str | None = None  # laws: the draft they were adopted from
    interprets: str | None = None  # interpretations: the draft or law explained
    concerns: str | None = None  # notices: the draft the suggestions were made on
    contact_points: tuple[str, ...] = ()  # drafts and laws: the points consulted
    # Facts shown on pages, feeds and indexes.
    summary: str | None = None
    description: str | None = None
    stage: str | None = None  # drafts: 一审稿, 征求意见稿 …
    drafted_by: str | None = None
    category: str | None = None  # laws: e.g. 部门规章/公安部
    published: dt.date | None = None
    adopted: dt.date | None = None  # laws
    effective: dt.date | None = None  # laws
    promulgated: dt.date | None = None  # laws
    events: tuple[Event, ...] = ()  # laws: those with a valid date, as written
    poster: PosterRange | None = None  # drafts
    contact_point: ContactPoint | None = None  # contact points only
    activity: Activity | None = None  # activities only
    # Notices: parse.notice checks the entries against the draft at gather time.
    received: int | None = None
    forwarded: dict[str, int] | None = None  # 上报: suggestions each contact point forwarded, by point id
    suggestions_file: str | None = None
    suggestion_entries: list[object] | None = None  # `suggestions:` as written; None when absent

    @property
    def path(self) -> str:
        return self.source.path


# --- adoption notices -----------------------------------------------------------


class Outcome(str, Enum):
    """What became of a suggestion, in the order the ledger shows them."""

    ADOPTED = "adopted"
    PARTLY = "partly"
    NOT_ADOPTED = "not-adopted"
    NOTED = "noted"
    PENDING = "pending"


GENERAL = "general"  # the article key of suggestions on the whole draft (总体)


@dataclass(frozen=True)
class Suggestion:
    """One itemised suggestion (identical ones merged, `count` of them).

    `article` is the id of an article of the draft the notice concerns (the
    reading the public commented on), or GENERAL for the whole draft; later
    renumbering never changes it. `path`/`line` say where it was written (the
    notice's YAML item or the CSV row). `ids` are the ids of the comments
    merged into it (the collect table's `id`: an intake receipt, a mail's
    hash, a file and row), each in one suggestion of its notice at most;
    empty when the notice lists none.
    """

    article: str
    source: str  # `from`: a contact-point id or free text (网民, 企业…)
    count: int
    text: str
    outcome: Outcome
    reason: str | None
    path: str
    line: int | None
    ids: tuple[str, ...] = ()


@dataclass
class Notice:
    """An adoption notice: the suggestions on one draft and what became of them."""

    id: str
    concerns: str  # id of the draft (or law) the suggestions were made on
    received: int | None  # total received, when not every one is itemised
    suggestions: list[Suggestion] = field(default_factory=list)
    # 上报: how many suggestions each contact point forwarded on the draft, as the
    # notice states them (`forwarded:`); a point not named forwarded what is itemised from it.
    forwarded: dict[str, int] = field(default_factory=dict)
    csv_encoding: str | None = None  # "utf-8", "utf-8-sig" or "gbk" when read from a CSV
