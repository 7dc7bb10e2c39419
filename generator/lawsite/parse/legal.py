"""Legal text (the Markdown body of a draft or law) → `LegalText` structure.

`parse_legal_text` is a pure function: Markdown in, a `LegalText` and a list of
`Problem` warnings out. It never raises on odd input and never drops text:
whatever it does not recognise becomes `Prose`.

How the body is read (the rules chosen for ambiguous cases):

* **Blocks.** Blank lines separate blocks. Consecutive non-blank lines are one
  block (a Markdown soft wrap, joined with "\\n") *unless* a line starts a new
  structure: a heading, an article head, an item (项) or a sub-item (目) always
  starts a new block. Runs of table/HTML lines (``|…``, ``<…``) and fenced code
  form their own blocks. In the real-law corpus every non-blank line is already
  its own paragraph, so both readings agree there.
* **Headings.** A heading (any level) whose text is ``第N编/分编/章/节 title`` is a
  division, whatever the separator (spaces, U+3000, U+2002, NBSP, tab or none).
  A heading at level ≥ 2 whose text is one of `Numbering.unnumbered_titles`
  (``附则``, ``附 则``, ``总则``…) is an unnumbered 章-level division. Any other
  heading (the document ``# Title`` included) is `Prose` and ends the current
  article. Numbered divisions nest by the rank of their kind (编 > 分编 > 章 >
  节), not by heading level: one of equal or higher rank closes the open ones.
  Unnumbered ones say nothing about rank, so they nest by heading level
  (``## 附则`` after ``## 第二编`` is its sibling, not a chapter of it).
* **Article heads.** A block starting ``第N条`` / ``第N条之M`` followed by
  whitespace, by an opening bracket, or by nothing. A bracketed caption (条旨)
  directly after the label — ``（）``, ``()``, ``〖〗``, ``【】``, ``〔〕``, ``[]`` — goes to
  `Article.caption`; so does one after whitespace when text follows it. Lines
  that merely begin with a reference (``第三十条规定的…``, ``第五条、第六条``) are
  not heads. A label followed directly by text (``第一条为了…``, as copied and
  OCR'd texts have it, and Word lists whose number has no suffix) is a head
  only when it is the article that comes next (the first article: 第一条;
  then N+1 or N之M+1) and the text does not continue a reference
  (`Numbering.reference_follow`: ``第三条第二款``, ``第二条所称``, ``第五条规定``,
  ``第五条、``…); out of sequence it stays text with an
  ``article-head-missed`` warning, so that `check` shows a head that was lost. Tolerated with a warning: ``第一百二十八 条`` (``label-stray-space``,
  accepted whatever follows) and ``笫`` for ``第`` (``label-typo``). Labels are
  normalised (``第一百二十八条``); this is the only place input characters change.
* **款 and 项.** Paragraph 1 is the head's own text (possibly ""), later blocks
  are further paragraphs until the next article or heading. A paragraph that
  follows an empty paragraph 1 without items fills it instead of becoming
  paragraph 2 (``第一条（目的）`` on its own line, text on the next).
  ``（一）``/``(一)`` blocks are items of the preceding paragraph (of paragraph 1
  with text "" when the article starts with items). Sub-items (目: ``1.``,
  ``（1）``) right after an item are appended to that item's text, so 款
  numbering stays right. Tables, HTML and code inside an article are appended
  to the last paragraph's (or item's) text.
* **Repealed.** Head text ``（删去）`` → ``repealed=True``; the text is kept.
* **Run-together articles.** An article head block containing ``。 第N+1条 ``
  (sentence end, whitespace, the next article's label, whitespace) is split at
  every whitespace run after 。；：！？” into separate blocks on the same line, and a
  ``articles-run-together`` warning is reported.
* **Numbering.** The first article may have any number (Civil Code parts).
  After it, ``article-gap``, ``article-duplicate`` and ``article-order`` are
  warned with the file line. Duplicates get unique ids (``art_12_dup2``).
* **Ids.** ``art_12``, ``art_133-1``, ``art_12__para_2``,
  ``art_12__para_2__item_3`` (the item's own number); divisions ``part_1``,
  ``part_1__subpart_1__chp_3__sec_2``, unnumbered ones ``chp_u1`` (counted per
  parent and kind).
* **Invisible characters.** U+200B/U+FEFF count as whitespace around labels and
  in blank lines; NBSP, U+3000 and U+2002 are ordinary whitespace. Inside text
  they are kept. Inside a label (``第十\u200b二条``, ``第十二条\u00ad（目的）``) the
  invisible ones (`INVISIBLE`) are removed with a ``label-invisible`` warning,
  so that the article is neither lost as prose nor silently another one.
* **Limits.** Article numbers and 之M run from 1 to `MAX_ARTICLE` (9,999, as
  `numerals.to_chinese`; real codes stay under 1,300, and 9,999 articles with
  之一…之九 each still fit); a head beyond (第一万条, 第10000条, 第一条之〇) is
  an ``article-number`` error and its block stays prose. A zero the legal
  style has none of (第一〇条, 第一千零零一条) is read by value with a
  ``numeral-form`` warning naming the normal form (第十条).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from lawsite.model import (
    Article,
    Division,
    Item,
    LegalText,
    Node,
    Paragraph,
    Problem,
    Prose,
    Severity,
)
from lawsite.numerals import CHINESE_NUMERAL_CHARS, GROUP_UNIT_CHARS, MAX, MAX_NUMERAL_CHARS, to_chinese, to_int
from ..messages import Text, msg

# Whitespace for recognition purposes: Unicode whitespace plus zero-width marks.
S = r"[\s\u200b\ufeff]"
_LEAD = re.compile(S + "+")
_BLANK = re.compile(S + "*")
# Where a run-together line is split: after every sentence end an embedded
# article head may follow (embedded_head's lookbehind). Splitting at fewer
# (once only 。；：) left `内容！ 第二条　…` whole and recursed to the limit.
_SENTENCE_END = "。；：！？”"
_SENTENCE_BREAK = re.compile(rf"(?<=[{_SENTENCE_END}]){S}+")
_HEADING = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)(.*)")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t])#+[ \t]*$")
_RAW = re.compile(r" {0,3}(?:\||<)")
_FENCE = re.compile(r" {0,3}(```|~~~)")
_REPEALED = re.compile(r"[（(【〔]?(?:删去|删除|刪去|刪除)[）)】〕]?[。.]?")
_CAPTION_BRACKETS: tuple[tuple[str, str], ...] = (
    ("（", "）"), ("(", ")"), ("〖", "〗"), ("【", "】"), ("〔", "〕"), ("[", "]"),
)  # fmt: skip
_MAX_CAPTION = 40
_ZH_NUM = f"[{CHINESE_NUMERAL_CHARS}0-9０-９]+"
_ZH_ARTICLE_NUM = f"[{CHINESE_NUMERAL_CHARS}{GROUP_UNIT_CHARS}0-9０-９]+"  # 万/亿 too: seen, then refused
MAX_ARTICLE = MAX
# Characters that show nothing: zero-width space/non-joiner/joiner, word joiner,
# BOM, soft hyphen, Mongolian vowel separator, variation selectors.
INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f\U000e0100-\U000e01ef]")
_LABEL_SPAN = 40  # how far into a block an invisible character may hide a label
_ZH_ITEM_NUM = f"[{CHINESE_NUMERAL_CHARS}]+"


# --- numbering conventions ---------------------------------------------------


@dataclass(frozen=True)
class Numbering:
    """A numbering convention: how labels look and how ids are made.

    The regexes are matched at the start of a block whose leading whitespace
    has been removed. Group contract: `head` has ``num`` and optionally
    ``sub``, ``typo`` (a misspelt prefix) and ``stray`` (whitespace inside the
    label); `head_follow` must match right after a clean label (not checked
    for stray-space labels); `division` has ``typo``, ``num``, ``kind``,
    ``title``; `item` has ``label`` and ``num``.
    """

    name: str
    article_word: str  # 条 / 條 / Article
    paragraph_word: str  # 款 / 款 / paragraph
    item_word: str  # 项 / 項 / item
    division_kinds: tuple[tuple[str, str], ...]  # (kind, id prefix), highest rank first
    unnumbered_kind: str
    unnumbered_titles: frozenset[str]
    head: re.Pattern[str]
    head_follow: re.Pattern[str]
    division: re.Pattern[str]
    item: re.Pattern[str]
    sub_item: re.Pattern[str] | None
    embedded_head: re.Pattern[str] | None  # a head inside a line, after a sentence end
    # What continues a reference right after a label (第三条第二款, 第二条所称):
    # never a head's text. None: heads need a separator (English).
    reference_follow: re.Pattern[str] | None
    number: Callable[[str], int]
    item_number: Callable[[str], int]
    article_label: Callable[[int, int | None], str]
    division_label: Callable[[str, int], str]

    def rank(self, kind: str) -> int:
        return next(i for i, (k, _) in enumerate(self.division_kinds) if k == kind)

    def prefix(self, kind: str) -> str:
        return next(p for k, p in self.division_kinds if k == kind)


def _chinese(name: str, tiao: str, kuan: str, xiang: str, kinds: tuple[str, ...]) -> Numbering:
    """Hans and Hant conventions differ only in their characters."""
    bian, fenbian, zhang, jie = kinds
    kind_alt = "|".join(re.escape(k) for k in (fenbian, bian, zhang, jie))
    return Numbering(
        name=name,
        article_word=tiao,
        paragraph_word=kuan,
        item_word=xiang,
        division_kinds=((bian, "part"), (fenbian, "subpart"), (zhang, "chp"), (jie, "sec")),
        unnumbered_kind=zhang,
        unnumbered_titles=frozenset({"附则", "總則", "附則", "总则", "分则", "分則"}),
        head=re.compile(
            rf"(?:第|(?P<typo>笫))(?P<num>{_ZH_ARTICLE_NUM})(?P<stray>[ \t\u3000\xa0]+)?{tiao}"
            rf"(?:之(?P<sub>{_ZH_ARTICLE_NUM}))?"
        ),
        head_follow=re.compile(rf"{S}|[（(〖【〔]"),
        division=re.compile(
            rf"(?:第|(?P<typo>笫)){S}*(?P<num>{_ZH_NUM}){S}*(?P<kind>{kind_alt})(?P<title>.*)",
            re.S,
        ),
        item=re.compile(rf"(?P<label>[（(](?P<num>{_ZH_ITEM_NUM})[）)])"),
        sub_item=re.compile(r"[0-9０-９]+[.．、](?![0-9０-９])|[（(][0-9０-９]+[）)]"),
        embedded_head=re.compile(
            rf"(?<=[{_SENTENCE_END}])({S}+)第(?P<num>{_ZH_NUM}){tiao}(?:之(?P<sub>{_ZH_NUM}))?{S}"
        ),
        reference_follow=re.compile(
            rf"第{_ZH_NUM}[{kuan}{xiang}目]|[、，,。；;：:]|(?:至|到|和|与|與|及|以及|或|或者)第"
            r"|(?:的|之|中)?(?:规定|規定)(?:的|之|[，,。；;、])|所(?:称|稱|列|指|述|规定|規定)|(?:的|之|中)(?:规定|規定)"
        ),
        number=to_int,
        item_number=to_int,
        article_label=lambda n, sub: f"第{_numeral(n)}{tiao}" + (f"之{_numeral(sub)}" if sub else ""),
        division_label=lambda kind, n: f"第{_numeral(n)}{kind}",
    )


def _numeral(n: int) -> str:
    """The Chinese numeral of `n`; out of range (a label being refused), its digits."""
    return to_chinese(n) if 1 <= n <= MAX else str(n)


def _letter_or_number(text: str) -> int:
    return int(text) if text.isdigit() else ord(text.lower()) - ord("a") + 1


ZH_HANS = _chinese("zh-Hans", "条", "款", "项", ("编", "分编", "章", "节"))
ZH_HANT = _chinese("zh-Hant", "條", "款", "項", ("編", "分編", "章", "節"))
EN = Numbering(
    name="en",
    article_word="Article",
    paragraph_word="paragraph",
    item_word="item",
    division_kinds=(("Part", "part"), ("Subpart", "subpart"), ("Chapter", "chp"), ("Section", "sec")),
    unnumbered_kind="Chapter",
    unnumbered_titles=frozenset({"Final Provisions", "General Provisions", "Supplementary Provisions"}),
    head=re.compile(r"Article[ \t\xa0]+(?P<num>[0-9]{1,4})"),
    # "Article 12 of this Law …" is a reference: a head's text starts non-lowercase.
    head_follow=re.compile(rf"{S}+(?![a-z])|[\[]"),
    division=re.compile(
        r"(?P<kind>Part|Subpart|Chapter|Section)[ \t\xa0]+(?P<num>[0-9]{1,4})\b[.:]?(?P<title>.*)", re.S
    ),
    item=re.compile(r"(?P<label>\((?P<num>[a-z]|[0-9]{1,3})\))"),
    sub_item=None,
    embedded_head=None,
    reference_follow=None,
    number=int,
    item_number=_letter_or_number,
    article_label=lambda n, sub: f"Article {n}" + (f"-{sub}" if sub else ""),
    division_label=lambda kind, n: f"{kind} {n}",
)
NUMBERINGS: dict[str, Numbering] = {"zh-Hans": ZH_HANS, "zh-Hant": ZH_HANT, "en": EN}


def article_id(number: int, sub: int | None = None) -> str:
    """The Akoma Ntoso-style id of an article: ``art_12``, ``art_133-1``."""
    return f"art_{number}" + (f"-{sub}" if sub else "")


# --- article heads -----------------------------------------------------------


@dataclass
class Head:
    """An article head as recognised at the start of a block."""

    number: int
    sub: int | None
    caption: str | None
    text: str
    typo: bool = False
    stray: bool = False
    invisible: str = ""  # the code points removed from the label, e.g. "U+200B"
    tight: bool = False  # no separator after the label (第一条为了…): a head only in sequence
    odd_numeral: str = ""  # the label as written when a 〇/零 stands where the legal style has none (第一〇条)

    @property
    def in_range(self) -> bool:
        """Whether lawsite can number and label this article (see `MAX_ARTICLE`)."""
        return 1 <= self.number <= MAX_ARTICLE and (self.sub is None or 1 <= self.sub <= MAX_ARTICLE)


def parse_head(text: str, numbering: Numbering = ZH_HANS, *, tight: bool = False) -> Head | None:
    """The article head at the start of `text` (leading whitespace allowed), or None.

    A label that only invisible characters keep from matching is read without
    them, and `Head.invisible` says which were removed. With `tight`, a label
    followed directly by text that does not continue a reference
    (`Numbering.reference_follow`) is a head too, marked `Head.tight`: the
    caller decides by the article sequence whether it is one."""
    text = _strip_lead(text)
    head = _match_head(text, numbering, tight)
    hidden = INVISIBLE.findall(text, 0, _LABEL_SPAN)
    if head is None and hidden:
        head = _match_head(INVISIBLE.sub("", text[:_LABEL_SPAN]) + text[_LABEL_SPAN:], numbering, tight)
        if head is not None:
            head.invisible = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in hidden))
    return head


def _match_head(text: str, numbering: Numbering, tight: bool = False) -> Head | None:
    m = numbering.head.match(text)
    if m is None:
        return None
    groups = m.groupdict()
    rest = text[m.end() :]
    stray = groups.get("stray") is not None
    is_tight = not stray and bool(rest) and not numbering.head_follow.match(rest)
    if is_tight and not (tight and numbering.reference_follow is not None and not numbering.reference_follow.match(rest)):
        return None
    try:
        number = _label_number(m["num"], numbering)
        sub = _label_number(groups["sub"], numbering) if groups.get("sub") is not None else None
    except ValueError:
        return None
    caption, body = _split_caption(rest)
    odd = _odd_zero(m["num"], number) or (groups.get("sub") is not None and _odd_zero(groups["sub"], sub))
    return Head(number, sub, caption, body, typo=groups.get("typo") is not None, stray=stray, odd_numeral=m.group(0) if odd else "", tight=is_tight)


def _odd_zero(numeral: str, value: int | None) -> bool:
    """Whether `numeral` writes a zero the legal style would not (一〇, 一千零零一):
    read by value, but an editor should see the normal form (the corpus has no other)."""
    return value is not None and 1 <= value <= MAX_ARTICLE and any(z in numeral for z in "〇零○") and numeral != to_chinese(value)


def _label_number(numeral: str, numbering: Numbering) -> int:
    if len(numeral) > MAX_NUMERAL_CHARS:
        return MAX_ARTICLE + 1  # too long to be any article's number: out of range, not prose
    return numbering.number(numeral)


def _split_caption(rest: str) -> tuple[str | None, str]:
    """(caption, text) from what follows an article label."""
    stripped = _strip_lead(rest)
    spaced = len(stripped) != len(rest)
    for opening, closing in _CAPTION_BRACKETS:
        if not stripped.startswith(opening):
            continue
        end = stripped.find(closing, 1, _MAX_CAPTION + 2)
        if end < 0:
            break
        caption, after = stripped[1:end].strip(), _strip_lead(stripped[end + 1 :])
        if not caption or "\n" in caption or _REPEALED.fullmatch(stripped[: end + 1]):
            break  # "（删去）" is the text of a repealed article, not a caption
        if closing == "]" and after.startswith("("):
            break  # a Markdown link, not a caption
        if spaced and (not after or _is_numeral(caption)):
            break  # "第五条 （一）…" or a lone bracket after a space is text
        return caption, after
    return None, stripped


def _is_numeral(text: str) -> bool:
    try:
        to_int(text)
    except ValueError:
        return False
    return True


# --- blocks ------------------------------------------------------------------


@dataclass
class _Block:
    kind: str  # "heading" | "raw" | "text"
    line: int
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _starts_structure(line: str, numbering: Numbering) -> bool:
    """Whether a text line begins a new block even without a blank line before it."""
    stripped = _strip_lead(line)
    return (
        parse_head(stripped, numbering) is not None
        or numbering.item.match(stripped) is not None
        or (numbering.sub_item is not None and numbering.sub_item.match(stripped) is not None)
    )


def _strip_lead(text: str) -> str:
    m = _LEAD.match(text)
    return text[m.end() :] if m else text


def _blocks(markdown: str, first_line: int, numbering: Numbering) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    fence: str | None = None
    for offset, raw in enumerate(markdown.split("\n")):
        line, lineno = raw.rstrip("\r"), first_line + offset
        if fence is not None:  # inside fenced code everything is kept verbatim
            assert current is not None
            current.lines.append(line)
            fence = None if line.strip().startswith(fence) else fence
            continue
        if _BLANK.fullmatch(line):
            current = None
            continue
        fenced = _FENCE.match(line)
        kind = "heading" if _HEADING.match(line) else "raw" if (_RAW.match(line) or fenced) else "text"
        if fenced:
            fence = fenced.group(1)
        if current is not None and current.kind == kind != "heading" and not fenced:
            if kind == "raw" or not _starts_structure(line, numbering):
                current.lines.append(line)
                continue
        current = _Block(kind, lineno, [line])
        blocks.append(current)
    return blocks


# --- the builder ---------------------------------------------------------------


class _Builder:
    """Turns blocks into the node tree, keeping the state between blocks."""

    def __init__(self, path: str, numbering: Numbering) -> None:
        self.path = path
        self.nb = numbering
        self.root: list[Node] = []
        self.stack: list[Division] = []
        self.article: Article | None = None
        self.last_item: Item | None = None
        self.problems: list[Problem] = []
        self.ids: set[str] = set()
        self.duplicates: dict[str, int] = {}  # wanted id -> the last n of its _dupN
        self.seen: dict[tuple[int, int], int] = {}  # article key -> first line
        self.prev: Article | None = None
        self.unnumbered: dict[tuple[str, str], int] = {}

    # -- helpers --

    def warn(self, line: int, code: str, message: Text, hint: Text) -> None:
        self.problems.append(Problem(self.path, line, None, message, hint, Severity.WARNING, code))

    def unique(self, wanted: str) -> str:
        # Counting on from the last duplicate of `wanted`, not from 1: 20,000
        # items （一） in one article were 2×10⁸ set lookups (87 s).
        candidate, n = wanted, self.duplicates.get(wanted, 1)
        while candidate in self.ids:
            n += 1
            candidate = f"{wanted}_dup{n}"
        self.duplicates[wanted] = n
        self.ids.add(candidate)
        return candidate

    def container(self) -> list[Node]:
        return self.stack[-1].children if self.stack else self.root

    def prose(self, block: _Block) -> None:
        self.close_article()
        self.container().append(Prose(block.text, block.line))

    def close_article(self) -> None:
        self.article, self.last_item = None, None

    # -- blocks --

    def feed(self, block: _Block) -> None:
        if block.kind == "heading":
            self.heading(block)
        elif block.kind == "raw":
            self.raw(block)
        else:
            self.text(block)

    def heading(self, block: _Block) -> None:
        m = _HEADING.match(block.text)
        assert m is not None
        level = len(m.group(1))
        content = _CLOSING_HASHES.sub("", m.group(2)).strip()
        content = content.strip("\u200b\ufeff").strip()
        division = self.division_from(content, level, block.line)
        if division is None:
            self.prose(block)
            return
        self.close_article()
        self.close_divisions(division)
        segment = division.id if division.number is not None else self.unnumbered_id(division)
        wanted = (self.stack[-1].id + "__" if self.stack else "") + segment
        division.id = self.unique(wanted)
        if division.id != wanted:
            self.warn(block.line, "division-duplicate",
                      msg("division-duplicate", value=division.label or division.title, id=division.id),
                      msg("division-duplicate.hint"))  # fmt: skip
        self.container().append(division)
        self.stack.append(division)

    def close_divisions(self, division: Division) -> None:
        """Pop the open divisions the new one does not belong inside."""
        if division.number is None:  # no rank of its own: placed by heading level
            while self.stack and self.stack[-1].heading_level >= division.heading_level:
                self.stack.pop()
            return
        rank = self.nb.rank(division.kind)
        while self.stack and self.nb.rank(self.stack[-1].kind) >= rank:
            self.stack.pop()

    def division_from(self, content: str, level: int, line: int) -> Division | None:
        m = self.nb.division.match(content)
        if m is not None:
            try:
                number = self.nb.number(m["num"])
            except ValueError:
                m = None
        if m is not None:
            kind = m["kind"]
            if m.groupdict().get("typo"):
                self.typo_warning(line, content[:12])
            title = _strip_lead(m["title"]).strip()
            return Division(f"{self.nb.prefix(kind)}_{number}", kind, number,
                            self.nb.division_label(kind, number), title, level, line)  # fmt: skip
        if level >= 2 and _LEAD.sub("", content) in {_LEAD.sub("", t) for t in self.nb.unnumbered_titles}:
            kind = self.nb.unnumbered_kind
            return Division(f"{self.nb.prefix(kind)}_u", kind, None, "", content, level, line)
        return None

    def unnumbered_id(self, division: Division) -> str:
        """``chp_u1``, ``chp_u2``: counted per parent and kind, in text order."""
        parent = self.stack[-1].id if self.stack else ""
        count = self.unnumbered.get((parent, division.kind), 0) + 1
        self.unnumbered[(parent, division.kind)] = count
        return f"{division.id}{count}"

    def raw(self, block: _Block) -> None:
        if self.article is None:
            self.prose(block)
        else:
            self.append_to_last(block.text)

    def append_to_last(self, text: str) -> None:
        assert self.article is not None
        target: Item | Paragraph = self.last_item or self.article.paragraphs[-1]
        target.text = f"{target.text}\n\n{text}" if target.text else text

    def text(self, block: _Block) -> None:
        stripped = _strip_lead(block.text)
        head = parse_head(stripped, self.nb) or self.tight_head(stripped, block.line)
        if head is not None and not head.in_range:
            self.out_of_range(head, stripped, block.line)
            head = None
        if head is not None:
            pieces = self.run_together(head, stripped, block.line)
            if pieces is not None:
                for piece in pieces:
                    self.text(_Block("text", block.line, [piece]))
                return
            self.start_article(head, block.line)
        elif self.article is None:
            self.prose(block)
        else:
            self.article_text(stripped, block.line)

    def tight_head(self, text: str, line: int) -> Head | None:
        """A head without a separator (第一条为了…) if it is the article that
        comes next; else None, with a warning when it does not read as a
        reference either (see the module docstring)."""
        head = parse_head(text, self.nb, tight=True)
        if head is None or not head.in_range:
            return None
        expected = ((self.prev.number + 1, 0), (self.prev.number, (self.prev.sub or 0) + 1)) if self.prev else ((1, 0),)
        if (head.number, head.sub or 0) in expected:
            return head
        label, next_label = self.nb.article_label(head.number, head.sub), self.nb.article_label(expected[0][0], None)
        message = (msg("article-head-missed", start=text[:20], label=label, previous=self.prev.label, next_label=next_label) if self.prev
                   else msg("article-head-missed.first", start=text[:20], label=label, next_label=next_label))  # fmt: skip
        self.warn(line, "article-head-missed", message, msg("article-head-missed.hint", label=label))
        return None

    def out_of_range(self, head: Head, text: str, line: int) -> None:
        label = self.nb.head.match(INVISIBLE.sub("", text[:_LABEL_SPAN]))
        written = label.group(0)[:30] if label else text[:30]
        self.problems.append(Problem(self.path, line, None,
                                     msg("article-number.range", written=written, MAX_ARTICLE=MAX_ARTICLE),
                                     msg("article-number.range.hint"),
                                     Severity.ERROR, "article-number"))  # fmt: skip

    def run_together(self, head: Head, text: str, line: int) -> list[str] | None:
        """Pieces of a line holding several articles, or None if it holds one."""
        pattern = self.nb.embedded_head
        if pattern is None:
            return None
        key = (head.number, head.sub or 0)
        for m in pattern.finditer(text):
            try:
                embedded = (self.nb.number(m["num"]), self.nb.number(m["sub"]) if m["sub"] else 0)
            except ValueError:
                continue
            if embedded in ((key[0] + 1, 0), (key[0], key[1] + 1)):
                break
        else:
            return None
        pieces = [p for p in _SENTENCE_BREAK.split(text) if not _BLANK.fullmatch(p)]
        if len(pieces) < 2:
            return None  # nothing to split at: splitting again would recurse for ever
        count = sum(1 for p in pieces if parse_head(p, self.nb) is not None)
        self.warn(line, "articles-run-together",
                  msg("articles-run-together", count=count),
                  msg("articles-run-together.hint"))  # fmt: skip
        return pieces

    def article_text(self, text: str, line: int) -> None:
        assert self.article is not None
        item = self.nb.item.match(text)
        if item is not None:
            self.add_item(item, text, line)
        elif self.last_item is not None and self.nb.sub_item is not None and self.nb.sub_item.match(text):
            self.last_item.text = f"{self.last_item.text}\n\n{text}"
        else:
            self.add_paragraph(text, line)

    def add_paragraph(self, text: str, line: int) -> None:
        assert self.article is not None
        last = self.article.paragraphs[-1]
        self.last_item = None
        if not last.text and not last.items:
            last.text, last.line = text, line
            return
        number = len(self.article.paragraphs) + 1
        self.article.paragraphs.append(Paragraph(f"{self.article.id}__para_{number}", number, text, line))

    def add_item(self, m: re.Match[str], text: str, line: int) -> None:
        assert self.article is not None
        para = self.article.paragraphs[-1]
        try:
            number = self.nb.item_number(m["num"])
        except ValueError:
            number = len(para.items) + 1
        item_id = self.unique(f"{para.id}__item_{number}")
        item = Item(item_id, number, m["label"], _strip_lead(text[m.end() :]), line)
        para.items.append(item)
        self.last_item = item

    # -- articles --

    def start_article(self, head: Head, line: int) -> None:
        self.close_article()
        label = self.nb.article_label(head.number, head.sub)
        if head.typo:
            self.typo_warning(line, label)
        if head.invisible:
            self.warn(line, "label-invisible", msg("label-invisible", invisible=head.invisible, label=label),
                      msg("label-invisible.hint", label=label))  # fmt: skip
        if head.odd_numeral:
            self.warn(line, "numeral-form", msg("numeral-form", odd_numeral=head.odd_numeral, label=label),
                      msg("numeral-form.hint", label=label))  # fmt: skip
        if head.stray:
            self.warn(line, "label-stray-space", msg("label-stray-space", label=label),
                      msg("label-stray-space.hint", label=label))  # fmt: skip
        self.check_order(head, label, line)
        art_id = self.unique(article_id(head.number, head.sub))
        article = Article(art_id, head.number, head.sub, label, head.caption, line)
        article.paragraphs.append(Paragraph(f"{art_id}__para_1", 1, head.text, line))
        article.repealed = bool(_REPEALED.fullmatch(head.text.strip()))
        self.container().append(article)
        self.article = self.prev = article

    def typo_warning(self, line: int, label: str) -> None:
        self.warn(line, "label-typo", msg("label-typo", label=label),
                  msg("label-typo.hint"))  # fmt: skip

    def check_order(self, head: Head, label: str, line: int) -> None:
        key = (head.number, head.sub or 0)
        prev, first_line = self.prev, self.seen.get(key)
        self.seen.setdefault(key, line)
        if prev is None:
            return
        prev_key = prev.key
        if key in ((prev_key[0] + 1, 0), (prev_key[0], prev_key[1] + 1)):
            return
        if first_line is not None:
            self.warn(line, "article-duplicate", msg("article-duplicate", label=label, first_line=first_line),
                      msg("article-duplicate.hint"))  # fmt: skip
        elif key < prev_key:
            self.warn(line, "article-order", msg("article-order", label=label, label2=prev.label),
                      msg("article-order.hint", label=label, label2=prev.label))  # fmt: skip
        else:
            expected = self.nb.article_label(prev_key[0] + 1, None)
            self.warn(line, "article-gap", msg("article-gap", label=label, label2=prev.label, expected=expected),
                      msg("article-gap.hint", expected=expected))  # fmt: skip


def parse_legal_text(
    markdown: str,
    *,
    path: str,
    first_line: int = 1,
    numbering: Numbering = ZH_HANS,
) -> tuple[LegalText, list[Problem]]:
    """Parse a legal body into divisions, articles and prose, with warnings.

    `first_line` is the file line of the first line of `markdown`, so that
    every node and problem carries the real line in `path`.
    """
    builder = _Builder(path, numbering)
    for block in _blocks(markdown, first_line, numbering):
        builder.feed(block)
    return LegalText(builder.root), builder.problems
