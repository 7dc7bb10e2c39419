"""Lines of an office text → the importer's `Header` and a Markdown body.

The rules (one paragraph per `Line`; blank lines carry nothing):

* **Title.** A Word paragraph in the Title style, else the first line,
  closed up if letter-spaced (``条　　例``, see `closed_up`); lines before a
  Word title (a document number, 附件1) become notes.
* **Adoption line.** Bracketed lines right under the title
  (``（2010年8月28日第十一届…会议通过　2015年…修正）``, possibly over several
  lines) are the law's history: one event per date, split where a date starts
  after a space, 根据, 、 or ；, typed by the verb it ends with
  (`parse.history.event_type`). They become `adopted`, `amended` … as for the corpus.
* **目录.** A line ``目录`` (spaced or not) and the entries after it are
  dropped, up to the line that repeats the first entry (the body's own first
  division) or the first article, whichever comes first. Page numbers after
  an entry are ignored when comparing.
* **Divisions.** A line ``第N编/分编/章/节 title`` whose title is short, has no
  sentence punctuation but a final ``。`` and does not continue a reference
  (so that ``第二章规定的…`` stays text) becomes a
  Markdown heading, ``附则``/``总则``/``分则`` alone too, and so does any Word
  heading that is not an article head. Levels: 编 ``##``, 分编 ``###``, 章 one
  below the highest kind present, 节 one below 章; other headings at 章's level.
  Spaced titles are closed up: ``第一章　总　　则`` → ``## 第一章 总则``. A
  short ``一、一般规定`` right before an article (judicial interpretations
  number their parts so) is a heading too.
* **Paragraphs.** Every other line is one paragraph (article heads, 款, 项 alike;
  `parse.legal` reads them), its leading indentation removed and a leading
  Markdown character (``#``, ``>``, ``<``, ``|``, ``- ``) escaped so that it stays
  text. Lines already in Markdown (`Line.raw`: Word tables) are kept as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..parse.history import Event, Header, date_in, event_type
from ..parse.legal import ZH_HANS, parse_head

_CJK = "\u3400-\u9fff\uf900-\ufaff"
_SPACE = "\\s\u3000\u200b\ufeff"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[{_SPACE}]+(?=[{_CJK}])")
_LEAD = re.compile(rf"^[{_SPACE}]+")
_SENTENCE_PUNCTUATION = re.compile("[。；，：？！,;:]")
_MAX_DIVISION_TITLE = 30
_TOC_WORD = "目录"
_TOC_TAIL = re.compile(rf"[{_SPACE}.…·．\-—0-9]+$")
_ORDINAL = re.compile(r"[一二三四五六七八九十]{1,3}、")
_UNNUMBERED = frozenset({"附则", "总则", "分则"})
# Where one event of a bracketed adoption line starts: a date after the
# opening, a space, 根据 or ；. Not after 、: "…审判委员会第1747次会议、2018年
# 12月12日…检察委员会…会议通过" is one act passed by two bodies.
_EVENT_START = re.compile(rf"(?:^|(?<=[{_SPACE}；;]))(?:根据|自)?(?=\d{{4}}\s*年)|根据(?=\d{{4}}\s*年)")
_MARKDOWN_LEAD = re.compile(r"^(?:[#>|<]|[-*+](?=\s)|=+$)")
_STRIP = " \t\n\u3000\u200b\ufeff"


@dataclass(frozen=True)
class Line:
    """One paragraph of the source and where it came from."""

    text: str
    source: int  # the file's line (text) or the paragraph's number from the top (Word)
    heading: bool = False  # a Word heading style or outline level
    title: bool = False  # Word's Title style
    raw: bool = False  # already Markdown (a table row)


@dataclass
class Structured:
    header: Header  # `body` holds the Markdown body
    sources: list[int] = field(default_factory=list)  # per body line (0-based): its source line


def closed_up(text: str) -> str:
    """``总　　则`` → ``总则``: letter-spaced text (every piece one character)
    closed up; other text (``最高人民法院 最高人民检察院关于…``) only trimmed."""
    text = text.strip(_STRIP)
    pieces = re.split(f"[{_SPACE}]+", text)
    return _CJK_GAP.sub("", text) if len(pieces) > 1 and all(len(p) == 1 for p in pieces) else text


def structure(lines: list[Line], fallback_title: str) -> tuple[Structured, bool]:
    """The header and body of `lines`; the flag says whether a title was found
    (else `fallback_title`, the file's name, stands in)."""
    lines = [line for line in lines if line.text.strip(_STRIP)]
    title_at = next((i for i, line in enumerate(lines) if line.title), None)
    if title_at is None and lines and not _is_structure(lines[0]):
        title_at = 0
    found = title_at is not None
    header = Header(title=closed_up(lines[title_at].text) if found else fallback_title)
    header.notes = [closed_up(line.text) for line in lines[: title_at or 0]]
    rest = lines[title_at + 1 :] if found else lines
    rest = _take_adoption(header, rest)
    rest = _drop_contents(rest)
    structured = Structured(header)
    _write_body(structured, rest)
    return structured, found


def _is_structure(line: Line) -> bool:
    return parse_head(line.text) is not None or _division(line) is not None or _is_contents(line)


def _is_contents(line: Line) -> bool:
    return closed_up(line.text) == _TOC_WORD


# --- the adoption line ----------------------------------------------------------------


def _take_adoption(header: Header, lines: list[Line]) -> list[Line]:
    """Move the bracketed lines under the title into `header.events`."""
    first = lines[0].text.strip() if lines else ""
    if not first.startswith(("（", "(")):
        return lines
    taken, depth = 0, 0
    for line in lines:
        taken += 1
        depth += sum(line.text.count(c) for c in "（(") - sum(line.text.count(c) for c in "）)")
        if depth <= 0 or taken == 20:  # an unclosed bracket does not swallow the law
            break
    inner = "\u3000".join(line.text.strip() for line in lines[:taken])
    inner = inner[1:-1] if inner.endswith(("）", ")")) else inner[1:]
    for piece in _event_pieces(inner):
        date = date_in(piece)
        if date is None:
            header.notes.append(piece)
        else:
            header.events.append(Event(date, event_type(piece), piece))
    return lines[taken:]


def _event_pieces(text: str) -> list[str]:
    starts = sorted({m.start() for m in _EVENT_START.finditer(text)} | {0})
    pieces = [text[a:b].strip(_STRIP) for a, b in zip(starts, starts[1:] + [len(text)])]
    return [piece for piece in pieces if piece]


# --- 目录 ---------------------------------------------------------------------------


def _drop_contents(lines: list[Line]) -> list[Line]:
    """Without the 目录 block (see the module docstring)."""
    at = next((i for i, line in enumerate(lines[:40]) if _is_contents(line)), None)
    if at is None:
        return lines
    entries = lines[at + 1 :]
    first = _toc_key(entries[0]) if entries else ""
    for offset, line in enumerate(entries):
        if offset and (_toc_key(line) == first or parse_head(line.text) is not None):
            return lines[:at] + entries[offset:]
    return lines[:at] + entries


def _toc_key(line: Line) -> str:
    return re.sub(f"[{_SPACE}]+", "", _TOC_TAIL.sub("", line.text))


# --- the body -----------------------------------------------------------------------


def _division(line: Line) -> tuple[str, str, str] | None:
    """(label, kind, title) of a division line, or None."""
    text = _LEAD.sub("", line.text).rstrip()
    if parse_head(text) is not None:
        return None
    m = ZH_HANS.division.match(text)
    if m is not None and not _reference(m["title"]):
        title = closed_up(m["title"])
        if len(title) <= _MAX_DIVISION_TITLE and not _SENTENCE_PUNCTUATION.search(title.removesuffix("。")):
            label = text[: m.start("title")].strip(_STRIP)
            return re.sub(f"[{_SPACE}]+", "", label), m["kind"], title
    if closed_up(text) in _UNNUMBERED or (line.heading and text):
        return "", "", closed_up(text)
    return None


def _reference(after_label: str) -> bool:
    """Whether the text after ``第二章`` continues a reference (``规定的…``, ``第三条…``)."""
    follow = ZH_HANS.reference_follow
    return follow is not None and follow.match(after_label) is not None


def _levels(divisions: list[tuple[str, str, str]]) -> dict[str, int]:
    """The heading level of each kind (see the module docstring); "" = unnumbered."""
    kinds = {kind for _, kind, _ in divisions}
    parts, subparts = "编" in kinds, "分编" in kinds
    chapter = 2 + parts + subparts
    return {"编": 2, "分编": 2 + parts, "章": chapter, "节": chapter + 1, "": chapter}


def _ordinal_heading(line: Line, following: Line | None) -> tuple[str, str, str] | None:
    """``一、一般规定`` right before an article: a heading of a judicial
    interpretation (numbered 一、二、, not 第N章), kept as an unnumbered one."""
    text = _LEAD.sub("", line.text).rstrip()
    if following is None or parse_head(following.text) is None or not _ORDINAL.match(text):
        return None
    if len(text) > _MAX_DIVISION_TITLE or _SENTENCE_PUNCTUATION.search(text):
        return None
    return "", "", text


def _write_body(structured: Structured, lines: list[Line]) -> None:
    found = [(line, None if line.raw else _division(line) or _ordinal_heading(line, following))
             for line, following in zip(lines, lines[1:] + [None])]  # fmt: skip
    levels = _levels([d for _, d in found if d is not None])
    out: list[str] = []
    previous_raw = False
    for line, division in found:
        if division is not None:
            label, kind, title = division
            text = "#" * levels[kind] + " " + " ".join(part for part in (label, title) if part)
        elif line.raw:
            text = line.text
        else:
            text = _MARKDOWN_LEAD.sub(lambda m: "\\" + m.group(0), _LEAD.sub("", line.text).rstrip())
        if out and not (line.raw and previous_raw):
            out.append("")
            structured.sources.append(line.source)
        out.append(text)
        structured.sources.append(line.source)
        previous_raw = line.raw
    structured.header.body = "\n".join(out) + "\n" if out else ""
