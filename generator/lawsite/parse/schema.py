"""The front matter schema: which keys each kind takes, and their checks.

Each check is a small function `(value, ctx) -> value` that reports a Problem
through `ctx` and returns the cleaned value (or None when it is unusable).
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import os
import re
import urllib.parse
from dataclasses import dataclass, field
from typing import Any, Callable

from ..ids import id_problem
from ..messages import Text, msg
from ..model import Kind, Problem, Severity
from ..numerals import MAX_COUNT_DIGITS, whole_number
from ..urls import service_origin
from .frontmatter import FrontMatter, KeyPath, dotted, shortened
from .legal import NUMBERINGS

# Placeholders allowed in the mail subject and form URL templates; the form's
# also {point}, the contact point a reader came through (filled in the browser).
TEMPLATE_FIELDS = ("doc", "article", "label", "title", "url")
FORM_FIELDS = (*TEMPLATE_FIELDS, "point")

_EMAIL = re.compile(r"^[^@\s<>,;:\"()\[\]\\]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


@dataclass
class CheckContext:
    """Collects problems for one file while its front matter is checked."""

    path: str
    front: FrontMatter
    problems: list[Problem] = field(default_factory=list)

    def report(
        self,
        key: KeyPath,
        message: Text,
        hint: Text | None = None,
        *,
        code: str = "invalid",
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.problems.append(
            Problem(
                self.path,
                self.front.line_of(*key),
                _dotted(key),
                message,
                hint,
                severity,
                code,
            )
        )


_dotted = dotted


Check = Callable[[Any, CheckContext, KeyPath], Any]


# --- value checks -------------------------------------------------------------


def text(value: Any, ctx: CheckContext, key: KeyPath) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    ctx.report(key, msg("bad-type.text", key=_dotted(key), describe=_describe(value)), msg("bad-type.text.hint"), code="bad-type")
    return None


# The dates lawsite can compute with: a deadline is the day after `closes` in the
# site's time zone, feeds and open data print UTC timestamps; 9999-12-31 + 1 day
# or 0001-01-01 in UTC overflow. Wide enough for any law and any deadline.
FIRST_DATE, LAST_DATE = dt.date(1000, 1, 1), dt.date(9998, 12, 31)


def date(value: Any, ctx: CheckContext, key: KeyPath) -> dt.date | None:
    day = _as_date(value)
    if day is not None and not FIRST_DATE <= day <= LAST_DATE:
        ctx.report(key, msg("date-out-of-range", key=_dotted(key), date=day.isoformat(), first=FIRST_DATE.isoformat(), last=LAST_DATE.isoformat()), msg("date-out-of-range.hint"), code="date-out-of-range")
        return None
    if day is not None:
        return day
    ctx.report(
        key,
        msg("bad-date", key=_dotted(key), value=value),
        msg("bad-date.hint"),
        code="bad-date",
    )
    return None


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()  # as written: the time zone's offset does not move the day
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        try:  # a date and time as text, time zone or not: its day as written
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            return None
    return None


def count(value: Any, ctx: CheckContext, key: KeyPath) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    number = whole_number(value) if isinstance(value, str) else None
    if number is not None:
        return number
    ctx.report(key, msg("bad-number.front", key=_dotted(key), value=shortened(repr(value))), msg("bad-number.front.hint", MAX_COUNT_DIGITS=MAX_COUNT_DIGITS), code="bad-number")
    return None


def counts_by_id(value: Any, ctx: CheckContext, key: KeyPath) -> dict[str, int] | None:
    """A number per id, `{xinghai-road: 40}` (a notice's `forwarded:`)."""
    if not isinstance(value, dict):
        ctx.report(key, msg("bad-type.counts", key=_dotted(key)), msg("bad-type.counts.hint"), code="bad-type")
        return None
    found: dict[str, int] = {}
    for name, number in value.items():
        here = key + (str(name),)
        cleaned, counted = identifier(str(name), ctx, here), count(number, ctx, here)
        if cleaned is not None and counted is not None:
            found[cleaned] = counted
    return found


def file_name_of(doc_id: str) -> str:
    """`doc_id` as one safe file name: itself when it is an id (`ids.py`), else a
    digest. Defence in depth for the writers: `check` refuses such ids before any build."""
    if id_problem(doc_id) is None:
        return doc_id
    return "id-" + hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def theme_file(key: str, name: str, theme_dirs: tuple[str, ...]) -> str | None:
    """The file a `template:` or `icon:` value names in the theme, None when the
    theme has no such file (or the value is no plain name inside it)."""
    relative = f".icons/{name}.svg" if key == "icon" else name
    parts = relative.split("/")
    if not name or ".." in parts or name.startswith("/") or "\\" in name or any(c in name for c in "\x00\r\n"):
        return None
    for folder in theme_dirs:
        candidate = os.path.join(folder, *parts)
        if os.path.isfile(candidate):
            return candidate
    return None


def identifier(value: Any, ctx: CheckContext, key: KeyPath) -> str | None:
    cleaned = text(value, ctx, key)
    if cleaned is None:
        return None
    why = id_problem(cleaned)
    if why is not None:
        shown = cleaned if len(cleaned) <= 40 else cleaned[:40] + "…"
        ctx.report(key, msg("bad-id.unsafe", key=_dotted(key), shown=shown, why=why), msg("bad-id.hint"), code="bad-id")
        return None
    return cleaned


def identifiers(value: Any, ctx: CheckContext, key: KeyPath) -> list[str] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        ctx.report(key, msg("bad-type.ids", key=_dotted(key)), msg("bad-type.ids.hint"), code="bad-type")
        return None
    found = [identifier(v, ctx, key + (i,)) for i, v in enumerate(value)]
    return [v for v in found if v is not None]


def email(value: Any, ctx: CheckContext, key: KeyPath) -> str | None:
    cleaned = text(value, ctx, key)
    if cleaned is not None and not _EMAIL.match(cleaned):
        ctx.report(key, msg("bad-email", key=_dotted(key), cleaned=cleaned), msg("bad-email.hint"), code="bad-email")
        return None
    return cleaned


# A template is text with `{name}` placeholders and `{{` `}}` for literal
# braces — never Python's format language: `{title:>99999999}` would allocate
# gigabytes, `{title.__class__}` reach into objects. Tokens in scanning order:
# an escaped brace, a `{…}` with no brace inside, a lone brace.
_TEMPLATE_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def fill_template(template: str, values: dict[str, str]) -> str:
    """`template` with every known `{name}` replaced by its value and `{{` `}}`
    as single braces; anything else (format specs, conversions, attributes,
    unknown names, lone braces) stays as written and is never evaluated."""

    def token(match: re.Match[str]) -> str:
        text = match.group()
        if text in ("{{", "}}"):
            return text[0]
        return values.get(match.group(1), text) if match.group(1) is not None else text

    return _TEMPLATE_TOKEN.sub(token, template)


def template_pattern(template: str, groups: dict[str, str]) -> str:
    """The regular expression of what `fill_template(template, …)` writes:
    each `{name}` in `groups` becomes that (sub)pattern, everything else is
    literal, as `fill_template` leaves it. `lawsite collect` reads the mails
    the site's templates wrote through this."""

    def token(match: re.Match[str]) -> str:
        text = match.group()
        if text in ("{{", "}}"):
            return re.escape(text[0])
        name = match.group(1)
        return groups[name] if name in groups else re.escape(text)

    out, at = [], 0
    for match in _TEMPLATE_TOKEN.finditer(template):
        out += [re.escape(template[at:match.start()]), token(match)]
        at = match.end()
    return "".join(out) + re.escape(template[at:])


def _template_faults(template: str, fields: tuple[str, ...] = TEMPLATE_FIELDS) -> dict[str, list[str]]:
    """The placeholders `fill_template` would leave as written, by fault:
    "brace", "spec", "conversion", "attribute", "empty" or "unknown"."""
    faults: dict[str, list[str]] = {}
    for match in _TEMPLATE_TOKEN.finditer(template):
        inside = match.group(1)
        if match.group() in ("{{", "}}") or inside in fields:
            continue
        if inside is None:
            fault = "brace"
        else:
            fault = next((f for mark, f in ((":", "spec"), ("!", "conversion"), (".", "attribute"), ("[", "attribute")) if mark in inside), "unknown" if inside else "empty")
        faults.setdefault(fault, []).append(match.group())
    return faults


def _template(value: Any, ctx: CheckContext, key: KeyPath, fields: tuple[str, ...] = TEMPLATE_FIELDS) -> str | None:
    cleaned = text(value, ctx, key)
    if cleaned is None:
        return None
    faults = _template_faults(cleaned, fields)
    if not faults:
        return cleaned
    allowed = ", ".join("{" + f + "}" for f in fields)
    field_name = _dotted(key)

    def shown(fault: str) -> Text | str:
        found = faults[fault]
        listed = ", ".join(f"`{shortened(t, 60)}`" for t in found[:3])
        return msg("bad-template.more", listed=listed, n=len(found) - 3) if len(found) > 3 else listed

    if "brace" in faults:
        ctx.report(key, msg("bad-template", field_name=field_name, shown=shown('brace')), msg("bad-template.hint", allowed=allowed), code="bad-template")
    if "spec" in faults:
        ctx.report(key, msg("template-format-spec", field_name=field_name, shown=shown('spec')), msg("template-format-spec.hint", allowed=allowed), code="template-format-spec")
    if "conversion" in faults:
        ctx.report(key, msg("template-conversion", field_name=field_name, shown=shown('conversion')), msg("template-conversion.hint", allowed=allowed), code="template-conversion")
    if "attribute" in faults:
        ctx.report(key, msg("template-attribute", field_name=field_name, shown=shown('attribute')), msg("template-attribute.hint", allowed=allowed), code="template-attribute")
    if "empty" in faults:
        ctx.report(key, msg("template-empty", field_name=field_name), msg("template-empty.hint", allowed=allowed), code="template-empty")
    if "unknown" in faults:
        first = faults["unknown"][0][1:-1]
        ctx.report(key, msg("unknown-placeholder", field_name=field_name, shown=shown('unknown')), msg("unknown-placeholder.hint", allowed=allowed, suggestion=_did_you_mean(first, fields)), code="unknown-placeholder")
    return None


def subject_template(value: Any, ctx: CheckContext, key: KeyPath) -> str | None:
    cleaned = _template(value, ctx, key)
    if cleaned is not None and re.search(r"[\r\n]", cleaned):
        ctx.report(key, msg("bad-template.subject-lines"), code="bad-template")
        return None
    return cleaned


def form_template(value: Any, ctx: CheckContext, key: KeyPath) -> str | None:
    cleaned = _template(value, ctx, key, FORM_FIELDS)
    if cleaned is None:
        return None
    sample = fill_template(cleaned, {f: "x" for f in FORM_FIELDS})
    parts = urllib.parse.urlsplit(sample)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        ctx.report(
            key,
            msg("bad-url", key=_dotted(key), cleaned=cleaned),
            msg("bad-url.hint"),
            code="bad-url",
        )
        return None
    return cleaned


def service_url(value: Any, ctx: CheckContext, key: KeyPath) -> str | None:
    cleaned = text(value, ctx, key)
    if cleaned is not None and service_origin(cleaned) is None:
        ctx.report(
            key,
            msg("bad-intake-url", key=_dotted(key), cleaned=cleaned),
            msg("bad-intake-url.hint"),
            code="bad-intake-url",
        )
        return None
    return cleaned


def flag(value: Any, ctx: CheckContext, key: KeyPath) -> bool | None:
    if isinstance(value, bool):
        return value
    ctx.report(key, msg("bad-type.flag", key=_dotted(key), value=shortened(repr(value))), msg("bad-type.flag.hint", name=key[-1]), code="bad-type")
    return None


def any_value(value: Any, ctx: CheckContext, key: KeyPath) -> Any:
    return value


@dataclass(frozen=True)
class Mapping:
    """The check of a group of keys (`comments:`); its `spec` stays readable,
    so the web editor's form is made from the same schema (admin/config.py)."""

    spec: dict[str, "FieldSpec"]

    def __call__(self, value: Any, ctx: CheckContext, key: KeyPath) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            ctx.report(key, msg("bad-type.group", key=_dotted(key)), code="bad-type")
            return None
        return check_fields(value, self.spec, ctx, key)


@dataclass(frozen=True)
class ListOf:
    """The check of a list whose every entry passes `item` (a single value
    counts as a list of one)."""

    item: Check

    def __call__(self, value: Any, ctx: CheckContext, key: KeyPath) -> list[Any] | None:
        values = value if isinstance(value, list) else [value]
        found = [self.item(v, ctx, key + (i,)) for i, v in enumerate(values)]
        return [v for v in found if v is not None]


def mapping(spec: dict[str, "FieldSpec"]) -> Check:
    return Mapping(spec)


def list_of(check: Check) -> Check:
    return ListOf(check)


def list_of_mappings(value: Any, ctx: CheckContext, key: KeyPath) -> list[Any] | None:
    # Each entry is checked by the parser of its kind (e.g. notice suggestions).
    if not isinstance(value, list):
        ctx.report(key, msg("bad-type.entries", key=_dotted(key)), code="bad-type")
        return None
    return value


def _describe(value: Any) -> Text | str:
    if isinstance(value, dict):
        return msg("bad-type.a-group")
    if isinstance(value, list):
        return msg("bad-type.a-list")
    return type(value).__name__


def _did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> Text | str:
    """A hint's end naming the choice closest to `word` (its `{suggestion}`), or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return msg("did-you-mean", choice=close[0]) if close else ""


# --- the schema -----------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    check: Check
    required: bool = False
    hint: Text | None = None
    choices: tuple[str, ...] = ()  # the values the check knows (the web editor offers them as a list)


COMMENTS = {
    "opens": FieldSpec(date, hint=msg("field.opens")),
    "closes": FieldSpec(date, required=True, hint=msg("field.closes")),
    "email": FieldSpec(email),
    "subject": FieldSpec(subject_template),
    "form": FieldSpec(form_template),
    "intake": FieldSpec(service_url),
    "post": FieldSpec(text),
    "fax": FieldSpec(text),
    "phone": FieldSpec(text),
}

# A dated line of a law's history, as `lawsite import` writes it.
EVENT_TYPES = ("passed", "approved", "promulgated", "amended", "revised", "effective", "repealed", "other")


def event_type(value: Any, ctx: CheckContext, key: KeyPath) -> str | None:
    cleaned = text(value, ctx, key)
    if cleaned is not None and cleaned not in EVENT_TYPES:
        ctx.report(key, msg("bad-event-type", cleaned=cleaned), msg("bad-event-type.hint", choices=", ".join(EVENT_TYPES), suggestion=_did_you_mean(cleaned, EVENT_TYPES)), code="bad-event-type")
        return None
    return cleaned


EVENT = {
    "date": FieldSpec(date, required=True, hint=msg("field.event-date")),
    "type": FieldSpec(event_type, required=True, hint=msg("field.one-of", choices=" | ".join(EVENT_TYPES)), choices=EVENT_TYPES),
    "text": FieldSpec(text),
}

# One of a contact point's people (联络员, 信息员, 专家库). Published only when
# `public: true`: a name is personal data, given with the person's consent.
PERSON = {
    "name": FieldSpec(text, required=True, hint=msg("field.person-name")),
    "field": FieldSpec(text),  # experts: what they know, e.g. 城乡规划
    "unit": FieldSpec(text),  # where they work
    "public": FieldSpec(flag),  # true: publish the entry (with the person's consent)
}
# Front matter key → the role it lists.
PEOPLE_KEYS = ("liaisons", "informants", "experts")

# The kinds of activity a contact point holds; another is accepted with a warning.
ACTIVITY_TYPES = ("座谈会", "院坝会", "板凳会", "宣讲", "培训", "调研", "走访", "接待", "其他")


def activity_type(value: Any, ctx: CheckContext, key: KeyPath) -> str | None:
    cleaned = text(value, ctx, key)
    if cleaned is not None and cleaned not in ACTIVITY_TYPES:
        ctx.report(key, msg("activity-type", key=_dotted(key), value=shortened(cleaned)), msg("activity-type.hint", choices=", ".join(ACTIVITY_TYPES), suggestion=_did_you_mean(cleaned, ACTIVITY_TYPES)), code="activity-type", severity=Severity.WARNING)
    return cleaned


# Keys every kind accepts: ours, plus the page keys that MkDocs and Material read.
COMMON = {
    "kind": FieldSpec(text),
    "id": FieldSpec(identifier),
    "title": FieldSpec(text),
    "published": FieldSpec(date),
    "summary": FieldSpec(text),
    "description": FieldSpec(text),
    "hide": FieldSpec(any_value),
    "template": FieldSpec(text),
    "search": FieldSpec(any_value),
    "icon": FieldSpec(text),
    "status": FieldSpec(text),
    "tags": FieldSpec(any_value),
}

LEGAL_TEXT = {
    "numbering": FieldSpec(text, hint=msg("field.numbering"), choices=tuple(NUMBERINGS)),
    "drafted_by": FieldSpec(text),
    "category": FieldSpec(text),
    "contact_points": FieldSpec(identifiers),
}

SCHEMA: dict[Kind, dict[str, FieldSpec]] = {
    Kind.PAGE: {},
    Kind.DRAFT: {
        **LEGAL_TEXT,
        "stage": FieldSpec(text),
        "previous": FieldSpec(identifier),
        "comments": FieldSpec(mapping(COMMENTS)),
        # The articles the printed poster shows (parse/poster.py checks the labels).
        "poster": FieldSpec(mapping({"from": FieldSpec(text, hint=msg("field.poster-from")), "to": FieldSpec(text, hint=msg("field.poster-to"))})),
    },
    Kind.LAW: {
        **LEGAL_TEXT,
        "adopted": FieldSpec(date),
        "effective": FieldSpec(date),
        "from_draft": FieldSpec(identifier),
        "promulgated": FieldSpec(date),
        "amended": FieldSpec(list_of(date)),
        "revised": FieldSpec(list_of(date)),
        "events": FieldSpec(list_of(mapping(EVENT))),
        "notes": FieldSpec(list_of(text)),
    },
    Kind.INTERPRETATION: {
        "interprets": FieldSpec(identifier, required=True, hint=msg("field.interprets")),
        "author": FieldSpec(text),
    },
    Kind.NOTICE: {
        "concerns": FieldSpec(identifier, required=True, hint=msg("field.concerns")),
        "received": FieldSpec(count),
        "forwarded": FieldSpec(counts_by_id),  # 上报 per contact point: {point-id: N}
        "suggestions": FieldSpec(list_of_mappings),
        "suggestions_file": FieldSpec(text),
    },
    Kind.CONTACT_POINT: {
        "level": FieldSpec(text, required=True, hint=msg("field.level")),
        "region": FieldSpec(text),
        "address": FieldSpec(text),
        "phone": FieldSpec(text),
        "hours": FieldSpec(text),
        "email": FieldSpec(email),
        "established": FieldSpec(date),
        "parent": FieldSpec(identifier),  # the id of the point above it (联系点 → 联络站 → 信息采集点)
        **{key: FieldSpec(list_of(mapping(PERSON))) for key in PEOPLE_KEYS},
    },
    Kind.ACTIVITY: {
        "type": FieldSpec(activity_type, required=True, hint=msg("field.one-of", choices=" | ".join(ACTIVITY_TYPES)), choices=ACTIVITY_TYPES),
        "date": FieldSpec(date, required=True, hint=msg("field.activity-date")),
        "point": FieldSpec(identifier, required=True, hint=msg("field.activity-point")),
        "drafts": FieldSpec(identifiers),
        "participants": FieldSpec(count),
        "collected": FieldSpec(count),
        "photos": FieldSpec(list_of(text)),
    },
}


def check_fields(data: dict[str, Any], spec: dict[str, FieldSpec], ctx: CheckContext, base: KeyPath = ()) -> dict[str, Any]:
    """Check `data` against `spec`: unknown keys, required keys, each value."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        here = base + (str(key),)
        if key not in spec:
            ctx.report(
                here,
                msg("unknown-key.front", here=_dotted(here)),
                msg("unknown-key.front.hint", allowed=", ".join(sorted(spec)), suggestion=_did_you_mean(str(key), sorted(spec))),
                code="unknown-key",
            )
            continue
        if value is None:
            continue  # `key:` with nothing after it means "not set"
        checked = spec[key].check(value, ctx, here)
        if checked is not None:
            out[key] = checked
    for key, field_spec in spec.items():
        if field_spec.required and data.get(key) is None:
            ctx.report(
                base or (key,),
                msg("missing-key.front", base=_dotted(base + (key,))),
                msg("missing-key.front.hint", key=key, what=field_spec.hint) if field_spec.hint else msg("missing-key.add", key=key),
                code="missing-key",
            )
    return out
