"""The mails the site writes, read back: an article's mail link and the basket.

There is one definition of each mail, the one the site uses: the draft's
subject template (`comments.subject`), the `mail_body` label (an article's
mail link, `render/notes/comment_entry.py`) and the `basket_body_*` labels
(`assets/basket.js` builds the basket's mail from them through i18n.js), in
every language the site speaks (`render.i18n.LANGUAGES`). Each is turned into
a pattern by `parse.schema.template_pattern`, so a label changed for the site
is read back changed too.

An article's mail (zh):      A basket mail (zh):
    关于《{title}》{label}的意见：     关于《{title}》的意见
    (the comment)                  【{label}】
    ——                             (the comment)
    条文链接：{url}                  条文链接：{url}
    （姓名、联系方式可选填）            … one block per article …
                                   姓名：…  联系方式：…   (personal: never read into a row)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Document
from ..parse.schema import template_pattern
from ..render.i18n import LANGUAGES

ANY = r"(?P<{}>.+?)"
_FRAGMENT = re.compile(r"#([A-Za-z0-9_-]+)$")


@dataclass
class Piece:
    """One comment read from a site mail: the article as the mail names it
    ("" for what a reader wrote above a basket's articles)."""

    label: str
    url: str = ""
    lines: list[str] = field(default_factory=list)

    @property
    def fragment(self) -> str:
        """The article id at the end of the article's link (…#art_12)."""
        found = _FRAGMENT.search(self.url)
        return found.group(1) if found else ""

    @property
    def text(self) -> str:
        return tidy(self.lines)


@dataclass(frozen=True)
class SiteMail:
    title: str  # the draft's title as the mail writes it
    pieces: list[Piece]
    basket: bool


@dataclass(frozen=True)
class _Language:
    single_intro: re.Pattern[str]
    single_separator: str  # the line under the comment
    single_link: re.Pattern[str]
    single_after: frozenset[str]  # the template's lines after the link (the hint)
    basket_intro: re.Pattern[str]
    basket_item: re.Pattern[str]
    basket_link: re.Pattern[str]
    basket_personal: tuple[re.Pattern[str], ...]
    point: re.Pattern[str]  # 联系点：<id>, which a contact point's page and its QR code add (assets/reader.js)


def _whole_line(template: str, groups: dict[str, str]) -> re.Pattern[str]:
    return re.compile(r"^\s*" + template_pattern(template, groups) + r"\s*$")


def _language(labels: dict[str, str]) -> _Language:
    lines = labels["mail_body"].split("\n")
    link_at = next(i for i, line in enumerate(lines) if "{url}" in line)
    separator = next(line for line in lines[1:link_at] if line.strip())
    field_of = labels["basket_body_field"]
    return _Language(
        single_intro=_whole_line(lines[0], {"title": ANY.format("title"), "label": ANY.format("label")}),
        single_separator=separator.strip(),
        single_link=_whole_line(lines[link_at], {"url": r"(?P<url>\S+)"}),
        single_after=frozenset(line.strip() for line in lines[link_at + 1:] if line.strip()),
        basket_intro=_whole_line(labels["basket_body_intro"], {"title": ANY.format("title")}),
        basket_item=_whole_line(labels["basket_body_item"], {"label": ANY.format("label")}),
        basket_link=_whole_line(field_of, {"name": re.escape(labels["basket_body_link"]), "value": r"(?P<url>\S+)"}),
        basket_personal=tuple(_whole_line(field_of, {"name": re.escape(labels[key]), "value": ".*"}) for key in ("basket_body_name", "basket_body_contact")),
        point=_whole_line(field_of, {"name": re.escape(labels["basket_body_point"]), "value": r"(?P<point>\S+)"}),
    )


@lru_cache(maxsize=1)
def _languages() -> tuple[_Language, ...]:
    return tuple(_language(labels) for labels in LANGUAGES.values())


def point_of(lines: list[str]) -> tuple[str, list[str]]:
    """The contact point a mail names on a line of its own (联系点：<id>, in
    any language of the site: a mail written from a point's page, or after
    its QR code), and the mail's lines without that line ("" and the lines
    as they are when it names none)."""
    point, kept = "", []
    for line in lines:
        found = next((m for language in _languages() if (m := language.point.match(line))), None)
        if found is None:
            kept.append(line)
        elif not point:
            point = found["point"]
    return point, kept


def read_site_mail(lines: list[str]) -> SiteMail | None:
    """The comments of a mail written by the site's mail link or basket
    (`lines`: the body, quotes already dropped); None for any other mail."""
    for language in _languages():
        for at, line in enumerate(lines):
            if found := language.basket_intro.match(line):
                pieces = _basket_pieces(language, lines[at + 1:])
                if above := _above(lines, at):
                    if pieces and not pieces[0].label:  # and below the first line too
                        pieces[0].lines = above + [""] + pieces[0].lines
                    else:
                        pieces.insert(0, Piece("", lines=above))
                return SiteMail(found["title"].strip(), pieces, True)
            if found := language.single_intro.match(line):
                piece = _single_piece(language, found["label"].strip(), lines[at + 1:])
                above = _above(lines, at)
                piece.lines = above + [""] + piece.lines if above else piece.lines
                return SiteMail(found["title"].strip(), [piece], False)
    return None


def _above(lines: list[str], at: int) -> list[str]:
    """What the reader wrote above the template (many clients put the cursor there)."""
    return lines[:at] if tidy(lines[:at]) else []


def _single_piece(language: _Language, label: str, rest: list[str]) -> Piece:
    piece, in_slot = Piece(label), True
    outside: list[str] = []
    for line in rest:
        stripped = line.strip()
        if in_slot and stripped == language.single_separator:
            in_slot = False
        elif link := language.single_link.match(line):
            piece.url, in_slot = link["url"], False
        elif stripped not in language.single_after:
            (piece.lines if in_slot else outside).append(line)
    if not piece.text:  # written below the link instead of in its place
        piece.lines = outside
    return piece


def _basket_pieces(language: _Language, rest: list[str]) -> list[Piece]:
    """The basket's articles, after what was written before the first of
    them (a contact point's page writes a mail with no article: all of it
    is there)."""
    lead = Piece("")
    pieces: list[Piece] = []
    current: Piece | None = lead
    for line in rest:
        if item := language.basket_item.match(line):
            current = Piece(item["label"].strip())
            pieces.append(current)
        elif any(p.match(line) for p in language.basket_personal):
            current = None  # name and contact: the end of the articles, and never copied
        elif current is not None and not current.url:
            if current is not lead and (link := language.basket_link.match(line)):
                current.url = link["url"]
            else:
                current.lines.append(line)
    return [lead, *pieces] if lead.text else pieces


def subject_articles(subject: str, draft: Document) -> tuple[str, ...] | None:
    """The article ids and labels (as written) a subject built from the
    draft's subject template names; None when the subject is not one."""
    if draft.comments is None:
        return None
    groups = {"title": re.escape(draft.title), "doc": re.escape(draft.id), "label": r"(?P<label>.*?)",
              "article": r"(?P<article>[A-Za-z0-9_,-]*)", "url": r"\S*"}
    try:
        found = re.fullmatch(r"\s*" + template_pattern(draft.comments.subject, groups) + r"\s*", subject)
    except re.error:  # a template naming {label} twice: the groups repeat
        return None
    if found is None:
        return None
    named = found.groupdict()
    if named.get("article"):
        return tuple(named["article"].split(","))
    return tuple(filter(None, re.split("[、,，]", named.get("label") or "")))


_BLANK_RUN = re.compile(r"\n{3,}")


def tidy(lines: list[str]) -> str:
    """Lines as one text: trailing spaces and blank runs gone."""
    return _BLANK_RUN.sub("\n\n", "\n".join(line.rstrip() for line in lines)).strip()
