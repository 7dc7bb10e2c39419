"""Word `.docx` → `Line`s, with what Word hides or has not decided reported.

Read with **python-docx** rather than mammoth: mammoth turns a document into
HTML and, by design, keeps tracked insertions, drops deletions and comments
and renders automatic numbering as ``<ol>`` without its text — exactly what
must be reported or rendered here. python-docx opens the package and parses
every part with its own hardened lxml parser (no entity resolution, no
network, libxml2's depth limit), and gives the raw elements, so this module
walks ``w:p``/``w:tbl`` itself in document order.

* **Size first.** The zip's central directory is read before anything is
  parsed: more than `MAX_ENTRIES` members, `MAX_XML` bytes of XML or
  `MAX_UNCOMPRESSED` bytes in all, uncompressed (a zip bomb), is refused. Python's zipfile stops at the
  declared size, so a lying header cannot inflate past it.
* **Numbering.** A paragraph's ``w:numPr`` (or its style's, through
  ``w:basedOn``) names a list in ``numbering.xml``; its level's ``w:lvlText``
  (``第%1条``, ``（%1）``) is filled with each level's counter in that level's
  ``w:numFmt`` (chineseCounting 一、十一; decimal; ideographTraditional 甲乙丙 …)
  and followed by ``w:suff`` (a tab and a space become a space; ``nothing``
  nothing). Counters are kept per ``w:num`` (the spec's list instance),
  starting at ``w:start`` or a ``w:startOverride``; a level restarts when a
  higher one advances.
* **Reported, never silently kept or dropped.** Tracked changes (``w:ins``,
  ``w:del``, ``w:moveFrom``, ``w:moveTo``) are errors: which version is the
  law is for the office to decide, so the file is not written until they are
  accepted or rejected. Comments and hidden text (``w:vanish``) are warnings
  naming their text: comments are not part of the law, hidden text is what
  Word neither shows nor prints, so both are left out.
* **Left out without a word.** Word's 目录 (TOC styles or a Table of Contents
  content control), field codes, headers and footers: page furniture.
* **Tables** become Markdown pipe tables, one `Line` per row.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from io import BytesIO

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import XmlPart
from docx.oxml.parser import parse_xml
from lxml import etree

from ..messages import msg
from ..model import Problem, Severity
from ..numerals import to_chinese
from .lines import Line

# 民法典 as .docx holds about 1 MB of XML; 3 MB of paragraphs are read in about 1 s.
MAX_XML = 3 * 1024 * 1024
MAX_UNCOMPRESSED = 40 * 1024 * 1024  # all parts, images included (python-docx holds them in memory)
MAX_ENTRIES = 2000
_EXCERPT = 40

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TRACKED = {W + "ins": "inserted", W + "moveTo": "inserted", W + "del": "deleted", W + "moveFrom": "deleted"}
_HEADING_NAME = re.compile(r"(?:heading|标题)\s*[1-9]$", re.I)
_TOC_NAME = re.compile(r"^(?:toc|目录)\s*\d*$|^toc heading$", re.I)
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_MAX_START = 32767  # Word's own bound for w:start
_MAX_LEVEL_TEXT = 64  # Word allows 255; a label is never longer than a few characters


def _val(element, name: str) -> str | None:
    """The w:val of the child `name` of `element` (either may be missing)."""
    if element is None:
        return None
    child = element.find(W + name)
    return None if child is None else child.get(W + "val")


def _on(element, name: str) -> bool:
    """Whether a toggle property (w:b, w:vanish) is set on `element`."""
    child = None if element is None else element.find(W + name)
    return child is not None and child.get(W + "val", "true") not in ("0", "false", "off")


# --- styles --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: bool


def _styles(document) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    for style in document.styles.element.findall(W + "style"):
        ppr = style.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        ilvl = _val(numpr, "ilvl")
        styles[style.get(W + "styleId", "")] = _Style(
            name=(_val(style, "name") or "").strip(),
            based_on=_val(style, "basedOn"),
            num_id=_val(numpr, "numId"),
            ilvl=int(ilvl) if ilvl and ilvl.isdigit() else None,
            outline=_val(ppr, "outlineLvl") not in (None, "9"),
        )
    return styles


def _style_chain(styles: dict[str, _Style], style_id: str | None) -> list[_Style]:
    chain: list[_Style] = []
    while style_id in styles and len(chain) < 20:  # basedOn may loop in a hostile file
        chain.append(styles[style_id])
        style_id = styles[style_id].based_on
    return chain


# --- numbering -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str
    suffix: str
    legal: bool  # w:isLgl: every level shown as decimal


_CELESTIAL = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_CAPITAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_DIGIT_IDEOGRAPHS = str.maketrans("0123456789", "〇一二三四五六七八九")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out += letters * count
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # Word: A … Z, AA … ZZ


def _chinese(n: int) -> str:
    return to_chinese(n) if 1 <= n <= 9999 else str(n)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(_FULLWIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULLWIDTH),
    "decimalHalfWidth": str,
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "japaneseCounting": _chinese,
    "taiwaneseCounting": _chinese,
    "taiwaneseCountingThousand": _chinese,
    "chineseLegalSimplified": lambda n: _chinese(n).translate(_CAPITAL),
    "ideographDigital": lambda n: str(n).translate(_DIGIT_IDEOGRAPHS),
    "ideographTraditional": lambda n: _CELESTIAL[n - 1] if 1 <= n <= 10 else str(n),
    "ideographZodiac": lambda n: _ZODIAC[n - 1] if 1 <= n <= 12 else str(n),
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 10 else str(n),
    "decimalEnclosedParen": lambda n: chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})",
    "decimalEnclosedFullstop": lambda n: chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}.",
    "upperLetter": _letters,
    "lowerLetter": lambda n: _letters(n).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "none": lambda n: "",
}
_SUFFIX = {"tab": " ", "space": " ", "nothing": ""}


def _start(value: str | None) -> int:
    """A list's first number, as Word bounds it (0 … 32767)."""
    return min(int(value), _MAX_START) if value and value.isdigit() and len(value) <= 5 else 1


def _level(lvl) -> _Level:
    return _Level(
        start=_start(_val(lvl, "start")),
        fmt=_val(lvl, "numFmt") or "decimal",
        text=(_val(lvl, "lvlText") or "")[:_MAX_LEVEL_TEXT],
        suffix=_SUFFIX.get(_val(lvl, "suff") or "tab", " "),
        legal=_on(lvl, "isLgl"),
    )


class _Numbering:
    """The lists of ``numbering.xml`` and their running counters."""

    def __init__(self, root) -> None:
        abstract = {a.get(W + "abstractNumId"): {int(l.get(W + "ilvl", "0")): _level(l) for l in a.findall(W + "lvl") if (l.get(W + "ilvl") or "0").isdigit()}
                    for a in (root.findall(W + "abstractNum") if root is not None else [])}  # fmt: skip
        self.levels: dict[str, dict[int, _Level]] = {}
        for num in root.findall(W + "num") if root is not None else []:
            levels = dict(abstract.get(_val(num, "abstractNumId"), {}))
            for override in num.findall(W + "lvlOverride"):
                ilvl = int(override.get(W + "ilvl", "0")) if (override.get(W + "ilvl") or "0").isdigit() else 0
                lvl = override.find(W + "lvl")
                start = _val(override, "startOverride")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                if start and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = _Level(_start(start), old.fmt, old.text, old.suffix, old.legal)
            self.levels[num.get(W + "numId", "")] = levels
        self.counters: dict[str, dict[int, int]] = {}
        self.unknown: set[str] = set()  # formats written as digits

    def render(self, num_id: str, ilvl: int) -> str:
        """The label of the next paragraph of list `num_id` at `ilvl`, with its suffix."""
        levels = self.levels.get(num_id, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return _PRIVATE_USE.sub("•", level.text) + level.suffix if level.text else ""

        def placeholder(m: re.Match[str]) -> str:
            shown = int(m.group(1)) - 1
            source = levels.get(shown)
            value = counters.get(shown, source.start if source else 1)
            fmt = "decimal" if (level.legal and shown != ilvl) or source is None else source.fmt
            if fmt not in _FORMATS:
                self.unknown.add(fmt)
                fmt = "decimal"
            return _FORMATS[fmt](value)

        return re.sub(r"%([1-9])", placeholder, level.text) + level.suffix


# --- paragraphs ----------------------------------------------------------------------


@dataclass
class _Found:
    """What one paragraph holds beside its text."""

    inserted: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # w:id of the comments referenced


def _run_text(run) -> str:
    parts: list[str] = []
    for child in run:
        tag = child.tag
        if tag in (W + "t", W + "delText"):
            parts.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            parts.append(" ")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _tracked(run, paragraph) -> str | None:
    for ancestor in run.iterancestors():
        if ancestor is paragraph:
            return None
        if ancestor.tag in _TRACKED:
            return _TRACKED[ancestor.tag]
    return None


def _paragraph_text(paragraph) -> tuple[str, _Found]:
    """The text Word shows for `paragraph` once its changes are accepted, and
    what it holds beside (see the module docstring)."""
    found = _Found()
    shown: list[str] = []
    for element in paragraph.iter(W + "r", W + "commentReference"):
        if element.tag == W + "commentReference":
            found.comments.append(element.get(W + "id", ""))
            continue
        text = _run_text(element)
        change = _tracked(element, paragraph)
        if change == "deleted":
            found.deleted.append(text)
            continue
        if change == "inserted":
            found.inserted.append(text)
        if _on(element.find(W + "rPr"), "vanish"):
            found.hidden.append(text)
            continue
        shown.append(text)
    return "".join(shown), found


def _excerpt(texts: list[str]) -> str:
    joined = "".join(texts).strip()
    return joined if len(joined) <= _EXCERPT else joined[:_EXCERPT] + "…"


# --- the document --------------------------------------------------------------------


class _Reader:
    def __init__(self, document, path: str) -> None:
        self.path = path
        self.styles = _styles(document)
        part = document.part.numbering_part if _has_numbering(document) else None
        self.numbering = _Numbering(part.element if part is not None else None)
        self.comments = _comment_texts(document)
        self.lines: list[Line] = []
        self.problems: list[Problem] = []
        self.count = 0  # paragraphs read so far: the "line" of a Word file

    def read(self, body) -> None:
        pending = list(body)
        pending.reverse()
        while pending:  # iterative: a hostile nesting of content controls cannot overflow the stack
            element = pending.pop()
            if element.tag == W + "p":
                self.paragraph(element)
            elif element.tag == W + "tbl":
                self.table(element)
            elif element.tag == W + "sdt" and not _is_toc_control(element):
                content = element.find(W + "sdtContent")
                pending.extend(reversed(list(content)) if content is not None else [])
            elif element.tag in (W + "customXml", W + "ins", W + "del"):
                pending.extend(reversed(list(element)))

    def paragraph(self, element) -> None:
        text, style, heading = self.paragraph_line(element)
        if text is None:
            return
        for piece in text.split("\n"):
            self.lines.append(Line(piece, self.count, heading=heading, title=style.lower() == "title"))

    def paragraph_line(self, element) -> tuple[str | None, str, bool]:
        """(text with its list label, style name, heading?) of one paragraph; None for a 目录 entry."""
        self.count += 1
        ppr = element.find(W + "pPr")
        chain = _style_chain(self.styles, _val(ppr, "pStyle"))
        name = chain[0].name if chain else ""
        if _TOC_NAME.match(name):
            return None, name, False
        text, found = _paragraph_text(element)
        self.report(found)
        heading = any(_HEADING_NAME.match(s.name) or s.outline for s in chain) or _val(ppr, "outlineLvl") not in (None, "9")
        label = self.list_label(ppr, chain)
        return label + text.lstrip(" \t\u3000") if label else text, name, heading

    def list_label(self, ppr, chain: list[_Style]) -> str:
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num_id = _val(numpr, "numId") or next((s.num_id for s in chain if s.num_id), None)
        if not num_id or num_id == "0":
            return ""
        ilvl = _val(numpr, "ilvl") or next((str(s.ilvl) for s in chain if s.ilvl is not None), "0")
        return self.numbering.render(num_id, int(ilvl) if ilvl.isdigit() else 0)

    def table(self, element) -> None:
        rows: list[list[str]] = []
        for tr in element.iter(W + "tr"):
            cells = []
            for tc in tr.findall(W + "tc"):
                texts = [self.paragraph_line(p)[0] or "" for p in tc.iter(W + "p")]
                cells.append(" ".join(t.replace("\n", " ").strip() for t in texts if t.strip()).replace("|", "\\|"))
            rows.append(cells)
        width = max((len(r) for r in rows), default=0)
        if not width:
            return
        for index, cells in enumerate(rows):
            self.lines.append(Line("| " + " | ".join(cells + [""] * (width - len(cells))) + " |", self.count, raw=True))
            if index == 0:
                self.lines.append(Line("|" + " --- |" * width, self.count, raw=True))

    def report(self, found: _Found) -> None:
        line = self.count
        if found.inserted or found.deleted:
            change = msg("docx-tracked-change", inserted=_excerpt(found.inserted), deleted=_excerpt(found.deleted))
            self.problems.append(Problem(self.path, line, None, change, msg("docx-tracked-change.hint"), Severity.ERROR, "docx-tracked-change"))
        if found.hidden:
            self.problems.append(Problem(self.path, line, None, msg("docx-hidden-text", text=_excerpt(found.hidden)), msg("docx-hidden-text.hint"), Severity.WARNING, "docx-hidden-text"))
        for comment_id in found.comments:
            author, text = self.comments.get(comment_id, ("", ""))
            said = msg("docx-comment", author=author, text=_excerpt([text])) if author else msg("docx-comment.anonymous", text=_excerpt([text]))
            self.problems.append(Problem(self.path, line, None, said, msg("docx-comment.hint"), Severity.WARNING, "docx-comment"))


def _has_numbering(document) -> bool:
    try:
        document.part.numbering_part
    except (KeyError, NotImplementedError):
        return False
    return True


def _comment_texts(document) -> dict[str, tuple[str, str]]:
    """Each comment's (author, text) by its w:id, from comments.xml if present."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.COMMENTS and not rel.is_external:
            part = rel.target_part
            root = part.element if isinstance(part, XmlPart) else parse_xml(part.blob)
            return {
                c.get(W + "id", ""): (c.get(W + "author", ""), "".join(t.text or "" for t in c.iter(W + "t")))
                for c in root.findall(W + "comment")
            }
    return {}


def _is_toc_control(sdt) -> bool:
    gallery = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
    return gallery is not None and "contents" in (gallery.get(W + "val") or "").lower()


# --- the file ------------------------------------------------------------------------


def too_large(data: bytes, path: str) -> Problem | None:
    """A Problem if the zip would unpack to more than the bounds allow."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return Problem(path, None, None, msg("docx-unreadable.not-zip"), msg("docx-unreadable.hint"), code="docx-unreadable")
    total = sum(member.file_size for member in members)
    xml = sum(member.file_size for member in members if member.filename.endswith((".xml", ".rels")))
    if len(members) > MAX_ENTRIES or total > MAX_UNCOMPRESSED or xml > MAX_XML:
        return Problem(path, None, None, msg("docx-too-large", total=total, xml=xml, parts=len(members), max_total=MAX_UNCOMPRESSED, max_xml=MAX_XML, max_parts=MAX_ENTRIES),
                       msg("docx-too-large.hint"), code="docx-too-large")  # fmt: skip
    return None


def read_docx(data: bytes, path: str) -> tuple[list[Line] | None, list[Problem]]:
    """The lines of a .docx and what was reported on the way."""
    refused = too_large(data, path)
    if refused is not None:
        return None, [refused]
    try:
        document = docx.Document(BytesIO(data))
        reader = _Reader(document, path)
        reader.read(document.element.body)
    # What python-docx raises on a package that is not what it claims: a part
    # missing (KeyError), a broken one (lxml), or an element of another kind
    # where it expects one (AttributeError, TypeError on a hostile file).
    except (PackageNotFoundError, KeyError, ValueError, etree.LxmlError, zipfile.BadZipFile, AttributeError, TypeError) as exc:
        return None, [Problem(path, None, None, msg("docx-unreadable", error=f"{type(exc).__name__}: {str(exc)[:200]}"), msg("docx-unreadable.hint"), code="docx-unreadable")]
    for fmt in sorted(reader.numbering.unknown):
        reader.problems.append(Problem(path, None, None, msg("docx-numbering-format", fmt=fmt), msg("docx-numbering-format.hint"), Severity.WARNING, "docx-numbering-format"))
    return reader.lines, reader.problems
