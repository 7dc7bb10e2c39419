"""Checks that keep hostile or broken input out of the site, as Problems.

Content arrives through pull requests, sometimes from outside. Escaping and
sanitising (render/, finish/harden.py) make a page safe whatever the input;
these checks make `lawsite check` *say* what was wrong, with file and line,
so an editor sees it before a reviewer has to:

- `javascript:`, `vbscript:` and `data:` URLs in Markdown links, images, raw
  HTML attributes and front matter URL fields (`unsafe-url`);
- invisible control characters and bidirectional overrides ("Trojan source"),
  which can hide or reorder what a reader sees (`control-character`);
- nesting so deep that Python-Markdown would recurse past Python's limit or
  take minutes: lists, block quotes, brackets, emphasis, raw HTML (`too-deep`);
- attributes and ids that lawsite's own scripts read, forged in raw HTML or
  a Markdown attribute list (`script-attribute`).

Links and files of the content folder (`link-*`, `code-file`) are checked on
the one walk of it in gather/site.py, which never follows a link.

Every check here is linear in the size of the file: patterns are possessive
or cannot overlap, and tags are scanned as a browser reads them, so unclosed
tags, quotes or brackets cannot make `check` rescan the rest of the file.
"""

from __future__ import annotations

import bisect
import html
import re
from pathlib import Path
from typing import Any, Iterator

from ..messages import Text, msg
from ..model import Problem, Source
from .frontmatter import FrontMatter, KeyPath, Split, split_front_matter

# Deeper than any legal text needs, far below where Markdown or nh3 break down
# (Python-Markdown raises RecursionError near 1,000 nested list levels; nh3 and
# link parsing slow down quadratically).
MAX_NESTING = 50
MAX_HTML_DEPTH = 100
MAX_BRACKETS_PER_BLOCK = 1000

_UNSAFE_SCHEME = re.compile(r"(?:javascript|vbscript|data):", re.IGNORECASE)
# What browsers drop from a URL before reading its scheme (and zero-width tricks).
_URL_NOISE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")

_GAP = r"(?:[ \t]*+\n[ \t>]*+)*+[ \t]*+"
# Where a URL can hide in Markdown: inline links/images, reference definitions,
# autolinks, and URL-valued attributes of raw HTML.
_URL_SPOTS = (
    # Space, line breaks and a block quote's > may stand before the URL and inside <…>.
    re.compile(r"\]\(%s<?%s([^\s)>]+)" % (_GAP, _GAP)),
    # Python-Markdown takes a definition anywhere a block starts (in quotes and
    # list items too), with an empty label, and with its URL on the next line.
    re.compile(r"\[[^\[\]\n]*\]:[ \t]*(?:\n[ \t>]*)?<?(\S+)"),
    re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>"),
    re.compile(
        r"""\b(?:href|src|srcset|action|formaction|xlink:href|poster|background|data|cite|longdesc|ping|lowsrc|dynsrc)"""
        r"""\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""",
        re.IGNORECASE,
    ),
)
# What lawsite's scripts (assets/*.js) read from the page, taken from the
# scripts themselves so a new one is covered: data-ls-* attributes (the
# basket's form address and mail address, the banner's deadline …) and the ids
# looked up with getElementById. Only lawsite writes them, in blocks that skip
# the sanitiser (finish/stash.py): from an editor they are forged, so the
# sanitiser (finish/harden.py) strips them and `check` names them.
_SCRIPTS = "\n".join(p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent.parent / "assets").glob("*.js")))
SCRIPT_ATTRIBUTES = frozenset(re.findall(r"data-ls-[A-Za-z0-9-]*[A-Za-z0-9]", _SCRIPTS))
SCRIPT_IDS = frozenset(re.findall(r"getElementById\(\s*[\"']([^\"']+)[\"']", _SCRIPTS))
# Front matter keys whose values are used as link targets.
_URL_KEY = re.compile(r"(?:url|link|href|src|form|website|homepage|image|source|feed|map)s?$", re.IGNORECASE)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_SUSPECT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# A tag as a browser reads it: from `<name` to the first `>` outside a quoted
# attribute value. Possessive, and a value's quote never reopens, so the scan
# is linear; a tag left open swallows the rest of the file (as in a browser).
_TAG_START = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_TAG_BODY = re.compile(r"""(?:[^>=]++|=[ \t\n\r\f]*+(?:"[^"]*+"|'[^']*+'|(?!["'])[^\s>]*+))*+""")
# Elements that never nest (void) or that the HTML parser closes by itself.
_FLAT_TAGS = frozenset(
    "area base br col embed hr img input link meta source track wbr "
    "p li dt dd tr td th thead tbody tfoot option colgroup caption".split()
)


def is_unsafe_url(value: str) -> bool:
    """True for a link target that would run script or smuggle a document:
    `javascript:`, `vbscript:`, `data:` — also when disguised with entities,
    case, whitespace or control characters."""
    text = html.unescape(html.unescape(value))
    return bool(_UNSAFE_SCHEME.match(_URL_NOISE.sub("", text)))


def source_problems(source: Source, split: Split | None = None) -> list[Problem]:
    """Every safety problem of one content file (front matter and body;
    `split`: the file's `split_front_matter` when the caller has it already)."""
    problems = list(_character_problems(source))
    front, _ = split or split_front_matter(source)  # its own problems are parse_document's to report
    if front is not None:
        problems += _front_matter_url_problems(source.path, front)
    body, first_line = (front.body, front.body_line) if front is not None else (source.text, 1)
    problems += _body_url_problems(source.path, body, first_line)
    problems += _script_attribute_problems(source.path, body, first_line)
    problems += _nesting_problems(source.path, body, first_line)
    return problems


def _line_at(text: str, offset: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, offset)


class _Lines:
    """Line numbers of many offsets of one text, each found in log time (a
    count from the start for each of thousands of problems is quadratic)."""

    def __init__(self, text: str, first_line: int) -> None:
        self.starts = [m.end() for m in re.finditer("\n", text)]
        self.first_line = first_line

    def at(self, offset: int) -> int:
        return self.first_line + bisect.bisect_right(self.starts, offset)


def html_tags(body: str) -> Iterator[tuple[int, bool, str, str, bool]]:
    """(offset, closing, name, attribute text, self-closing) of each tag."""
    position = 0
    while (start := body.find("<", position)) != -1:
        opening = _TAG_START.match(body, start)
        if opening is None:
            position = start + 1
            continue
        end = _TAG_BODY.match(body, opening.end()).end()  # type: ignore[union-attr]
        if body[end : end + 1] != ">":
            return  # open to the end of the file: a browser shows no more tags
        attributes = body[opening.end() : end]
        yield start, opening.group(1) == "/", opening.group(2).lower(), attributes, attributes.endswith("/")
        position = end + 1


# --- characters -----------------------------------------------------------------


def _character_problems(source: Source) -> Iterator[Problem]:
    if not _SUSPECT.search(source.text):
        return  # the usual case, found in one pass of the regex engine
    for number, line in enumerate(source.text.split("\n"), start=1):
        for pattern, what, hint in (
            (_CONTROL, msg("control-character.control"), msg("control-character.control.hint")),
            (_BIDI, msg("control-character.bidi"), msg("control-character.bidi.hint")),
        ):
            match = pattern.search(line)
            if match:
                yield Problem(
                    source.path, number, None,
                    msg("control-character", number=number, what=what, code_point=ord(match.group()), start=match.start() + 1),
                    hint, code="control-character",
                )


# --- URLs -----------------------------------------------------------------------


def _body_url_problems(path: str, body: str, first_line: int) -> Iterator[Problem]:
    if ":" not in body and "&" not in body:
        return  # no scheme without a colon, written or as an entity
    if not re.search(r"script|data|&", _URL_NOISE.sub("", body), re.IGNORECASE):
        return  # no scheme word, even with noise removed, and no entity to hide one
    lines, seen = _Lines(body, first_line), set()
    for pattern in _URL_SPOTS:
        for match in pattern.finditer(body):
            group = next(i for i, g in enumerate(match.groups(), start=1) if g is not None)
            url = match.group(group)
            if match.start(group) not in seen and is_unsafe_url(url):
                seen.add(match.start(group))  # [x](<javascript:…>) is also an autolink: one problem
                yield _url_problem(path, lines.at(match.start()), None, url)


# In a tag's attributes or a Markdown attribute list ({: #id data-x=1 }): an
# attribute lawsite's scripts read, or one of the ids they look up.
_ATTRIBUTE_LIST = re.compile(r"\{[^{}\n]*+\}")
_SCRIPT_NAME = re.compile(r"""(?<![\w-])(data-ls(?:-[A-Za-z0-9]++)++)|\bid\s*+=\s*+["']?+([\w-]++)|(?:^|\s)#([\w-]++)""", re.IGNORECASE)


def _script_attribute_problems(path: str, body: str, first_line: int) -> Iterator[Problem]:
    if "data-ls" not in body.lower() and not any(name in body for name in SCRIPT_IDS):
        return
    lines = _Lines(body, first_line)
    spans = [(offset, attributes) for offset, _, _, attributes, _ in html_tags(body)]
    spans += [(m.start(), m.group()) for m in _ATTRIBUTE_LIST.finditer(body)]
    for offset, text in sorted(spans):
        for match in _SCRIPT_NAME.finditer(text):
            attribute, element_id = (match.group(1) or "").lower(), match.group(2) or match.group(3)
            if attribute in SCRIPT_ATTRIBUTES:
                yield Problem(
                    path, lines.at(offset), None,
                    msg("script-attribute", attribute=attribute),
                    msg("script-attribute.hint"),
                    code="script-attribute",
                )
            elif element_id in SCRIPT_IDS:
                yield Problem(
                    path, lines.at(offset), None,
                    msg("script-attribute.id", element_id=element_id),
                    msg("script-attribute.id.hint"),
                    code="script-attribute",
                )


def _front_matter_url_problems(path: str, front: FrontMatter) -> Iterator[Problem]:
    for key, value in _strings(front.data, ()):
        named_url = any(isinstance(k, str) and _URL_KEY.search(k) for k in key)
        scripted = re.match(r"\s*(?:javascript|vbscript)\s*:", html.unescape(value), re.IGNORECASE)
        if (named_url and is_unsafe_url(value.strip())) or scripted:
            dotted = ".".join(str(k) for k in key)
            yield _url_problem(path, front.line_of(*key), dotted, value)


def _strings(value: Any, key: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, key + (str(k),))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, key + (i,))


def _url_problem(path: str, line: int | None, field: str | None, url: str) -> Problem:
    shown = url if len(url) <= 60 else url[:57] + "…"
    return Problem(
        path, line, field,
        msg("unsafe-url", shown=shown),
        msg("unsafe-url.hint"),
        code="unsafe-url",
    )


# --- nesting --------------------------------------------------------------------


def _nesting_problems(path: str, body: str, first_line: int) -> Iterator[Problem]:
    yield from _indent_and_quote_depth(path, body, first_line)
    yield from _bracket_problems(path, body, first_line)
    yield from _emphasis_problems(path, body, first_line)
    html_problem = _html_depth_problem(path, body, first_line)
    if html_problem:
        yield html_problem


def _too_deep(path: str, line: int, what: Text, depth: int, limit: int) -> Problem:
    return Problem(
        path, line, None,
        msg("too-deep", what=what, depth=depth, limit=limit),
        msg("too-deep.hint"),
        code="too-deep",
    )


# A line indented more than MAX_NESTING levels (4 columns each), or quoted deeper.
_DEEP_INDENT = re.compile(r"^(?:    |[ ]{0,3}\t){%d}" % (MAX_NESTING + 1), re.MULTILINE)
_DEEP_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]*){%d}" % (MAX_NESTING + 1), re.MULTILINE)


def _indent_and_quote_depth(path: str, body: str, first_line: int) -> Iterator[Problem]:
    candidates = []
    if "\t" in body or " " * 4 * (MAX_NESTING + 1) in body:
        candidates.append((msg("too-deep.lists"), _DEEP_INDENT))
    if body.count(">") > MAX_NESTING:
        candidates.append((msg("too-deep.quotes"), _DEEP_QUOTE))
    for what, pattern in candidates:
        match = pattern.search(body)
        if match:
            line_start = match.start()
            line = body[line_start : body.find("\n", line_start) if "\n" in body[line_start:] else len(body)]
            stripped = line.lstrip(" \t")
            depth = (
                len(line[: len(line) - len(stripped)].expandtabs(4)) // 4
                if pattern is _DEEP_INDENT
                else re.match(r"[> \t]*", line).group().count(">")  # type: ignore[union-attr]
            )
            yield _too_deep(path, _line_at(body, line_start, first_line), what, depth, MAX_NESTING)


def _bracket_problems(path: str, body: str, first_line: int) -> Iterator[Problem]:
    if body.count("[") <= MAX_NESTING:
        return  # too few to nest deeper or to be too many
    offset = 0
    for block in re.split(r"(\n[ \t]*\n)", body):
        if block.count("[") <= MAX_NESTING:
            offset += len(block)
            continue
        if block.strip():
            depth = deepest = count = 0
            for match in re.finditer(r"\\.|[\[\]]", block):
                token = match.group()
                if token == "[":
                    count += 1
                    depth += 1
                    deepest = max(deepest, depth)
                elif token == "]":
                    depth = max(depth - 1, 0)
            line = _line_at(body, offset, first_line)
            if deepest > MAX_NESTING:
                yield _too_deep(path, line, "brackets [", deepest, MAX_NESTING)
                return
            if count > MAX_BRACKETS_PER_BLOCK:
                yield Problem(
                    path, line, None,
                    msg("too-deep.brackets", count=count, MAX_BRACKETS_PER_BLOCK=MAX_BRACKETS_PER_BLOCK),
                    msg("too-deep.brackets.hint"),
                    code="too-deep",
                )
                return
        offset += len(block)


# Delimiter runs of emphasis and strong (* _) and of pymdownx's ~~ == ^^; an escape is skipped.
_EMPHASIS_RUN = re.compile(r"\\.|([*_~=^])\1*+", re.S)


def _emphasis_problems(path: str, body: str, first_line: int) -> Iterator[Problem]:
    """Emphasis nested deeper than MAX_NESTING: Python-Markdown builds one
    element per level, and the toc extension walks them by recursion."""
    if sum(body.count(c) for c in "*_~=^") <= MAX_NESTING:
        return
    offset = 0
    for block in re.split(r"(\n[ \t]*\n)", body):
        if sum(block.count(c) for c in "*_~=^") > MAX_NESTING:
            depth = _emphasis_depth(block)
            if depth > MAX_NESTING:
                yield _too_deep(path, _line_at(body, offset, first_line), "emphasis (*, _, ~~, ==, ^^)", depth, MAX_NESTING)
                return
        offset += len(block)


def _emphasis_depth(block: str) -> int:
    """The most levels of emphasis open where a closing run matches one: a run
    opens before a non-space and closes after one (`_` inside a word does
    neither); a run of n delimiters is (n + 1) // 2 levels (*** is em in strong,
    ~~ one strike); openers never closed add no depth of their own."""
    open_runs: list[list[Any]] = []  # [delimiter, delimiters still open]
    open_levels = deepest = 0
    for match in _EMPHASIS_RUN.finditer(block):
        delimiter = match.group(1)
        if delimiter is None:
            continue
        before = block[match.start() - 1] if match.start() else " "
        after = block[match.end()] if match.end() < len(block) else " "
        if delimiter == "_" and before.isalnum() and after.isalnum():
            continue
        size = match.end() - match.start()
        if not before.isspace() and open_runs and open_runs[-1][0] == delimiter:
            deepest = max(deepest, open_levels)
            while size and open_runs and open_runs[-1][0] == delimiter:
                top = open_runs[-1]
                taken = min(size, top[1])
                open_levels -= (top[1] + 1) // 2 - (top[1] - taken + 1) // 2
                top[1] -= taken
                size -= taken
                if not top[1]:
                    open_runs.pop()
        elif not after.isspace():
            open_runs.append([delimiter, size])
            open_levels += (size + 1) // 2
    return deepest


def _html_depth_problem(path: str, body: str, first_line: int) -> Problem | None:
    if "<" not in body:
        return None
    depth = 0
    for offset, closing, name, _, self_closing in html_tags(body):
        if name in _FLAT_TAGS or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        if depth > MAX_HTML_DEPTH:
            return _too_deep(path, _line_at(body, offset, first_line), msg("too-deep.html"), depth, MAX_HTML_DEPTH)
    return None
