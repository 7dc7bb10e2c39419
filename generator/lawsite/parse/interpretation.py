"""An interpretation's body → a preface and sections attached to articles.

A section starts at a heading (level 2 or deeper) that names articles:

    ## 第十五条                      one article
    ## 第十一条至第十三条             a range (inserted 之一 articles in it included)
    ## 第十七条、第四十二条           a list (、 ， 和 及 与 between labels)
    ### 第十四条之一（电子投票）       之M labels; a title may follow the labels

Text before the first such heading is the preface. Any other heading
(``### 举例``, ``## 第二章 业主``) stays inside the section it is in.

Parsing needs nothing but the body (`parse_interpretation`); the sections are
checked against the interpreted text when the site is gathered
(`resolve_sections`): naming an article that the text does not have is an
error with the heading's line.
"""

from __future__ import annotations

import re

from ..messages import msg
from ..model import Article, Document, Interpretation, InterpretationSection, Kind, LegalText, Problem, Severity
from .legal import NUMBERINGS, ZH_HANS, Numbering, article_id

_HEADING = re.compile(r" {0,3}(#{2,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r" {0,3}(```|~~~)")
_RANGE = re.compile(r"[ \t\u3000]*(?:至|到|—|－|-|～|~)[ \t\u3000]*")
_LIST = re.compile(r"[ \t\u3000]*(?:、|，|,|和|及|与|以及)[ \t\u3000]*")
# What may follow the labels: nothing, or a title after a space or a bracket.
_TITLE = re.compile(r"(?:[ \t\u3000:：]+|(?=[（(〖【〔]))(?P<title>.*)$")

Key = tuple[int, int]


def parse_targets(text: str, numbering: Numbering = ZH_HANS) -> tuple[list[tuple[Key, Key]], str | None] | None:
    """The article spans a heading names, and its title, or None if it names none.

    Each span is (first, last) article key, both included; a single article is
    a span of one. ``第十七条、第四十二条（罚则）`` → ([((17,0),(17,0)), ((42,0),(42,0))], "（罚则）").
    """
    spans: list[tuple[Key, Key]] = []
    pos = 0
    while True:
        first = _label_at(text, pos, numbering)
        if first is None:
            return None
        start, pos = first
        end = start
        joint = _RANGE.match(text, pos)
        if joint and (last := _label_at(text, joint.end(), numbering)):
            end, pos = last
        spans.append((start, end))
        joint = _LIST.match(text, pos)
        if not (joint and _label_at(text, joint.end(), numbering)):
            break
        pos = joint.end()
    rest = text[pos:]
    if not rest.strip():
        return spans, None
    titled = _TITLE.match(rest)
    if titled is None:
        return None  # "第十五条的理解" is a heading about an article, not a section of one
    return spans, titled["title"].strip() or None


def _label_at(text: str, pos: int, numbering: Numbering) -> tuple[Key, int] | None:
    m = numbering.head.match(text, pos)
    if m is None:
        return None
    try:
        number = numbering.number(m["num"])
        sub = numbering.number(m["sub"]) if m.groupdict().get("sub") else 0
    except ValueError:
        return None
    if m.groupdict().get("sub") and sub == 0:
        return None  # 第一条之〇 is no article (see zero_sub_label), not 第一条
    return (number, sub), m.end()


def zero_sub_label(text: str, numbering: Numbering) -> str | None:
    """The first label of `text` written with a 之 of zero (第一条之〇), which
    the legal parser refuses as an article number; None if there is none."""
    for m in numbering.head.finditer(text):
        try:
            if m.groupdict().get("sub") and numbering.number(m["sub"]) == 0:
                return m.group(0)
        except ValueError:
            continue
    return None


def parse_interpretation(
    body: str, *, path: str, interprets: str, first_line: int = 1, numbering: Numbering = ZH_HANS
) -> tuple[Interpretation, list[Problem]]:
    """Split the body into a preface and sections (article ids not yet resolved)."""
    interpretation = Interpretation(interprets=interprets, preface="")
    problems: list[Problem] = []
    lines = body.split("\n")
    current: list[str] = []
    section: InterpretationSection | None = None
    fenced = False
    for offset, line in enumerate(lines):
        number = first_line + offset
        if _FENCE.match(line):
            fenced = not fenced
        heading = None if fenced else _HEADING.fullmatch(line)
        zero = zero_sub_label(heading[2], numbering) if heading else None
        if zero:
            problems.append(Problem(path, number, None, msg("article-number", zero=zero),
                                    msg("article-number.hint"), Severity.ERROR, "article-number"))  # fmt: skip
        targets = parse_targets(heading[2], numbering) if heading else None
        if targets is None:
            current.append(line)
            continue
        _close(interpretation, section, current)
        spans, title = targets
        section = InterpretationSection(heading=heading[2].strip(), title=title, line=number, spans=spans, body="", body_line=number + 1)
        problems.extend(_backwards(spans, section, path, numbering))
        current = []
    _close(interpretation, section, current)
    return interpretation, problems


def _close(interpretation: Interpretation, section: InterpretationSection | None, lines: list[str]) -> None:
    text = "\n".join(lines).strip("\n")
    if section is None:
        interpretation.preface = text
    else:
        section.body = text
        interpretation.sections.append(section)


def _backwards(spans: list[tuple[Key, Key]], section: InterpretationSection, path: str, numbering: Numbering) -> list[Problem]:
    return [
        Problem(path, section.line, None, msg("interpretation-range", heading=section.heading),
                msg("interpretation-range.hint", label=_label(numbering, end), label2=_label(numbering, start)),
                code="interpretation-range")  # fmt: skip
        for start, end in spans
        if end < start
    ]


def _label(numbering: Numbering, key: Key) -> str:
    return numbering.article_label(key[0], key[1] or None)


def resolve_sections(
    interpretation: Interpretation, legal: LegalText, *, path: str, target_title: str, numbering: Numbering = ZH_HANS
) -> list[Problem]:
    """Fill each section's `article_ids` from the interpreted text.

    A label (single or a range's end) that names no article of the text is an
    error; an article explained in two sections is a warning (its link goes to
    the first).
    """
    articles = legal.articles
    keys = {a.key for a in articles}
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for section in interpretation.sections:
        section.article_ids = []
        for start, end in section.spans:
            missing = [k for k in dict.fromkeys((start, end)) if k not in keys]
            for key in missing:
                problems.append(_missing(path, section, key, articles, target_title, numbering))
            if not missing:
                section.article_ids.extend(a.id for a in articles if start <= a.key <= end)
        for art_id in section.article_ids:
            if art_id in seen:
                problems.append(Problem(path, section.line, None, msg("interpretation-duplicate", label_of=_label_of(articles, art_id), seen=seen[art_id]),
                                        msg("interpretation-duplicate.hint"), Severity.WARNING, "interpretation-duplicate"))  # fmt: skip
            else:
                seen[art_id] = section.line
    return problems


def _missing(path: str, section: InterpretationSection, key: Key, articles: list[Article], title: str, numbering: Numbering) -> Problem:
    label = _label(numbering, key)
    span = f"{articles[0].label}至{articles[-1].label}" if articles else "no articles"
    return Problem(
        path,
        section.line,
        None,
        msg("unknown-article", heading=section.heading, label=label, article_id=article_id(*key), title=title),
        msg("unknown-article.hint", span=span),
        code="unknown-article",
    )


def _label_of(articles: list[Article], art_id: str) -> str:
    return next((a.label for a in articles if a.id == art_id), art_id)


def attach_interpretations(documents: dict[str, Document], default_numbering: str = "zh-Hans") -> list[Problem]:
    """Parse every interpretation's body and resolve it against the text it
    interprets (`Document.interpretation`). An unknown `interprets:` is
    reported by the site's link check, so it is skipped here."""
    problems: list[Problem] = []
    for document in documents.values():
        if document.kind is not Kind.INTERPRETATION:
            continue
        target = documents.get(document.interprets or "")
        if target is None or target.legal is None:
            continue
        numbering = NUMBERINGS.get(target.numbering, ZH_HANS)
        interpretation, found = parse_interpretation(
            document.body, path=document.path, interprets=target.id, first_line=document.body_line, numbering=numbering
        )
        problems.extend(found)
        problems.extend(resolve_sections(interpretation, target.legal, path=document.path, target_title=target.title, numbering=numbering))
        document.interpretation = interpretation
    return problems
