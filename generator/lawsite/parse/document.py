"""One content file → a checked Document (front matter + parsed legal text)."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from typing import Any

from ..buttons import BUTTONS, unknown_buttons
from ..ids import id_problem
from ..messages import msg
from ..model import Activity, Comments, ContactPoint, Document, Event, Kind, Person, PosterRange, Problem, Source
from .frontmatter import FrontMatter, Split, split_front_matter
from .legal import NUMBERINGS, parse_legal_text
from .placeholders import placeholder_problems
from .schema import COMMON, PEOPLE_KEYS, SCHEMA, CheckContext, _did_you_mean, check_fields

KIND_NAMES = tuple(k.value for k in Kind)
LEGAL_KINDS = (Kind.DRAFT, Kind.LAW)
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def default_id(path: str) -> str:
    """A document's id when front matter gives none: the file's slug."""
    stem = posixpath.splitext(posixpath.basename(path))[0]
    if stem == "index":
        parent = posixpath.basename(posixpath.dirname(path))
        return parent or "index"
    return stem


def parse_document(
    source: Source, default_numbering: str = "zh-Hans", split: Split | None = None, body: bool = True
) -> tuple[Document | None, list[Problem]]:
    """Check one file's front matter and parse its body (`split`: the file's
    `split_front_matter` when the caller has it already). Without `body`, a
    draft's or law's body is left unparsed (`document.legal` None), and so
    are its problems: `parse_body` gives both.

    Returns None for the document only when the file cannot be understood at
    all (broken YAML, unknown kind); every problem is in the list either way.
    """
    front, split_problems = split or split_front_matter(source)
    problems = list(split_problems)
    if front is None:
        return None, problems
    ctx = CheckContext(source.path, front, problems)
    kind = _kind(front, ctx)
    if kind is None:
        return None, ctx.problems
    meta = check_fields(front.data, {**COMMON, **SCHEMA[kind]}, ctx)
    if "id" not in front.data:
        _check_default_id(default_id(source.path), ctx)
    document = Document(
        source=source,
        kind=kind,
        id=meta.get("id") or default_id(source.path),
        title=meta.get("title") or _first_heading(front.body) or default_id(source.path),
        body=front.body,
        body_line=front.body_line,
        meta=_without_private_people(meta),
        front_lines=front.lines,
        numbering=meta.get("numbering") or default_numbering,
        **_typed_fields(meta, kind),
    )
    if kind in LEGAL_KINDS and _numbering_known(document, ctx) and body:
        ctx.problems.extend(parse_body(document))
    if kind is Kind.DRAFT:
        document.comments = _comments(meta.get("comments"), ctx)
    ctx.problems.extend(_button_problems(document))
    if kind is not Kind.PAGE:  # a page (this guide) may show the scaffold's texts
        ctx.problems.extend(placeholder_problems(source.path, front))
    return document, ctx.problems


def _typed_fields(meta: dict[str, Any], kind: Kind) -> dict[str, Any]:
    """The Document attributes of the checked front matter (see model.Document):
    the one place that reads it."""
    poster = meta.get("poster")
    return {
        "previous": meta.get("previous"),
        "from_draft": meta.get("from_draft"),
        "interprets": meta.get("interprets"),
        "concerns": meta.get("concerns"),
        "contact_points": tuple(meta.get("contact_points") or ()),
        "summary": meta.get("summary"),
        "description": meta.get("description"),
        "stage": meta.get("stage"),
        "drafted_by": meta.get("drafted_by"),
        "category": meta.get("category"),
        "published": meta.get("published"),
        "adopted": meta.get("adopted"),
        "effective": meta.get("effective"),
        "promulgated": meta.get("promulgated"),
        "events": tuple(Event(e["date"], e.get("type"), e.get("text")) for e in meta.get("events") or () if "date" in e),
        "poster": PosterRange(poster.get("from"), poster.get("to")) if poster is not None else None,
        "contact_point": _contact_point(meta) if kind is Kind.CONTACT_POINT else None,
        "activity": _activity(meta) if kind is Kind.ACTIVITY else None,
        "received": meta.get("received"),
        "forwarded": meta.get("forwarded"),
        "suggestions_file": meta.get("suggestions_file"),
        "suggestion_entries": meta.get("suggestions"),
    }


def _contact_point(meta: dict[str, Any]) -> ContactPoint:
    keys = ("level", "region", "address", "phone", "hours", "email", "established", "parent")
    people = {key: tuple(Person(p["name"], p.get("field"), p.get("unit"), p.get("public") is True) for p in meta.get(key) or () if "name" in p) for key in PEOPLE_KEYS}
    return ContactPoint(**{key: meta.get(key) for key in keys}, **people)


def _activity(meta: dict[str, Any]) -> Activity | None:
    """None when a required key is missing or unusable (already reported)."""
    if not all(key in meta for key in ("type", "date", "point")):
        return None
    return Activity(meta["type"], meta["date"], meta["point"], tuple(meta.get("drafts") or ()), meta.get("participants"), meta.get("collected"), tuple(meta.get("photos") or ()))


def _without_private_people(meta: dict[str, Any]) -> dict[str, Any]:
    """The front matter as handed on (open data's `metadata`): a person not
    marked `public: true` is left out, so no output can publish them."""
    kept = {key: [p for p in meta[key] if p.get("public") is True] for key in PEOPLE_KEYS if key in meta}
    return {**meta, **kept}


def _check_default_id(doc_id: str, ctx: CheckContext) -> None:
    """The file name stands in for a missing `id:`, so it must be one too."""
    why = id_problem(doc_id)
    if why is not None:
        ctx.report(("id",), msg("bad-id.file-name", why=why), msg("bad-id.file-name.hint", rule=msg("bad-id.hint")), code="bad-id")


def _kind(front: FrontMatter, ctx: CheckContext) -> Kind | None:
    if "kind" not in front.data:
        return _implied_kind(front, ctx)
    raw = front.data["kind"]
    if isinstance(raw, str) and raw.strip() in KIND_NAMES:
        return Kind(raw.strip())
    ctx.report(
        ("kind",),
        msg("unknown-kind", raw=raw),
        msg("unknown-kind.hint", kinds=", ".join(KIND_NAMES), suggestion=_did_you_mean(str(raw), KIND_NAMES)),
        code="unknown-kind",
    )
    return None


def _implied_kind(front: FrontMatter, ctx: CheckContext) -> Kind | None:
    """No `kind:` means a plain page, unless the keys say otherwise: then the
    editor most likely forgot the line, and is told which kind fits."""
    plain = set(COMMON) | set(SCHEMA[Kind.PAGE])
    extra = [key for key in front.data if key not in plain]
    if not extra:
        return Kind.PAGE
    fitting = [kind.value for kind in Kind if extra and all(key in SCHEMA[kind] for key in extra)]
    suggestion = msg("missing-kind.fitting", kind=fitting[0]) if fitting else msg("missing-kind.any", kinds=", ".join(KIND_NAMES))
    ctx.report(
        (extra[0],),
        msg("missing-kind", value=', '.join(f'`{k}`' for k in extra)),
        msg("missing-kind.hint", suggestion=suggestion),
        code="missing-kind",
    )
    return None


def _first_heading(body: str) -> str | None:
    match = _H1.search(body)
    return match.group(1) if match else None


def _numbering_known(document: Document, ctx: CheckContext) -> bool:
    numbering_name = document.numbering
    if numbering_name in NUMBERINGS:
        return True
    ctx.report(
        ("numbering",),
        msg("unknown-numbering", numbering_name=numbering_name),
        msg("unknown-numbering.hint", choices=", ".join(NUMBERINGS), suggestion=_did_you_mean(numbering_name, list(NUMBERINGS))),
        code="unknown-numbering",
    )
    return False


def parse_body(document: Document) -> list[Problem]:
    """Parse a draft's or law's body (its numbering known) into
    `document.legal`; the body's problems."""
    legal, problems = parse_legal_text(document.body, path=document.path, first_line=document.body_line, numbering=NUMBERINGS[document.numbering])
    document.legal = legal
    if document.kind is Kind.DRAFT and not legal.articles:
        problems.append(Problem(document.path, document.body_line, None, msg("no-articles"), hint=msg("no-articles.hint"), code="no-articles"))
    return problems


def _button_problems(document: Document) -> list[Problem]:
    """A `[[button:…]]` placeholder (buttons.py) that names no button."""
    return [
        Problem(
            document.path,
            document.body_line + line,
            None,
            msg("unknown-button", key=key),
            hint=msg("unknown-button.hint", buttons=", ".join(BUTTONS), suggestion=_did_you_mean(key, BUTTONS)),
            code="unknown-button",
        )
        for line, key in unknown_buttons(document.body)
    ]


def _comments(raw: Any, ctx: CheckContext) -> Comments | None:
    if not isinstance(raw, dict) or "closes" not in raw:
        return None
    opens: dt.date | None = raw.get("opens")
    closes: dt.date = raw["closes"]
    if opens and closes < opens:
        ctx.report(
            ("comments", "closes"),
            msg("closes-before-opens", closes=closes, opens=opens),
            msg("closes-before-opens.hint"),
            code="closes-before-opens",
        )
    # Whether readers have a way to comment is gather's to say: the site's `intake:` may be it.
    return Comments(
        opens=opens,
        closes=closes,
        email=raw.get("email"),
        subject=raw.get("subject") or Comments.subject,
        form=raw.get("form"),
        intake=raw.get("intake"),
        post=raw.get("post"),
        fax=raw.get("fax"),
        phone=raw.get("phone"),
    )
