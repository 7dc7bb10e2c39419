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
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from typing import Any, Callable

from ..model import Kind, Problem, Severity
from ..numerals import MAX_COUNT_DIGITS, whole_number
from .frontmatter import FrontMatter, KeyPath, dotted, shortened

# Placeholders allowed in the mail subject and form URL templates.
TEMPLATE_FIELDS = ("doc", "article", "label", "title", "url")

_EMAIL = re.compile(r"^[^@\s<>,;:\"()\[\]\\]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
_ID = re.compile(r"^[^\s/\\?#%&<>\"'*:|]+$")
#: An id is a file name in the built site (data/documents/<id>.json, feeds/<id>.xml,
#: posters/<id>/): 255 bytes per name less the longest suffix, `.json` (the real-law corpus reaches 247).
MAX_ID_BYTES = 250
# Characters a file name cannot hold safely, whatever the system: path separators,
# and what shows nothing or something else (controls, format characters such as
# U+200B and U+00AD, unassigned and private-use code points, variation selectors).
_UNSAFE_CATEGORIES = ("Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp")
_VARIATION_SELECTORS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef\u180b-\u180f]")


@dataclass
class CheckContext:
    """Collects problems for one file while its front matter is checked."""

    path: str
    front: FrontMatter
    problems: list[Problem] = field(default_factory=list)

    def report(
        self,
        key: KeyPath,
        message: str,
        hint: str | None = None,
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
    ctx.report(key, f"`{_dotted(key)}` must be text, not {_describe(value)}", "write it on one line after the colon", code="bad-type")
    return None


# The dates lawsite can compute with: a deadline is the day after `closes` in the
# site's time zone, feeds and open data print UTC timestamps; 9999-12-31 + 1 day
# or 0001-01-01 in UTC overflow. Wide enough for any law and any deadline.
FIRST_DATE, LAST_DATE = dt.date(1000, 1, 1), dt.date(9998, 12, 31)


def date(value: Any, ctx: CheckContext, key: KeyPath) -> dt.date | None:
    day = _as_date(value)
    if day is not None and not FIRST_DATE <= day <= LAST_DATE:
        ctx.report(key, f"`{_dotted(key)}` {day.isoformat()} is outside the dates lawsite can compute with ({FIRST_DATE.isoformat()} to {LAST_DATE.isoformat()})", "write the real date; for a consultation without an end, choose a far date such as 2099-12-31", code="date-out-of-range")
        return None
    if day is not None:
        return day
    ctx.report(
        key,
        f"`{_dotted(key)}` is not a valid date: {value!r}",
        "write dates as YYYY-MM-DD, e.g. 2025-06-01",
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
    ctx.report(key, f"`{_dotted(key)}` must be a whole number ≥ 0, not {shortened(repr(value))}", f"e.g. 3 (at most {MAX_COUNT_DIGITS} digits)", code="bad-number")
    return None


def unsafe_file_name(name: str) -> str | None:
    """Why `name` cannot be one file name in the built site, or None when it can."""
    if name in (".", "..") or name.startswith("."):
        return "starts with a dot (`.` and `..` name folders, other dot names are hidden)"
    if "/" in name or "\\" in name:
        return "holds a slash, which would make it a folder"
    odd = next((c for c in name if unicodedata.category(c) in _UNSAFE_CATEGORIES or _VARIATION_SELECTORS.match(c)), None)
    if odd is not None:
        return f"holds the invisible or control character U+{ord(odd):04X}"
    size = len(name.encode("utf-8", "surrogatepass"))
    if size > MAX_ID_BYTES:
        return f"is {size} bytes long, more than the {MAX_ID_BYTES} a file name of the site can take"
    return None


def file_name_of(doc_id: str) -> str:
    """`doc_id` as one safe file name: itself when `check` accepts it, else a digest.
    Defence in depth for the writers: `check` refuses such ids before any build."""
    if unsafe_file_name(doc_id) is None:
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
    why = unsafe_file_name(cleaned)
    if why is not None:
        shown = cleaned if len(cleaned) <= 40 else cleaned[:40] + "…"
        ctx.report(key, f"`{_dotted(key)}` {shown!r} cannot be an id: it {why}", "ids use letters, digits, '-' and '_', e.g. xining-property-2025-r1", code="bad-id")
        return None
    if not _ID.match(cleaned):
        ctx.report(
            key,
            f"`{_dotted(key)}` {cleaned!r} is not a usable id",
            "ids use letters, digits, '-' and '_' (no spaces, slashes or quotes), e.g. xining-property-2025-r1",
            code="bad-id",
        )
        return None
    return cleaned


def identifiers(value: Any, ctx: CheckContext, key: KeyPath) -> list[str] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        ctx.report(key, f"`{_dotted(key)}` must be a list of ids", "e.g. [xinghai-road, chengzhong]", code="bad-type")
        return None
    found = [identifier(v, ctx, key + (i,)) for i, v in enumerate(value)]
    return [v for v in found if v is not None]


def email(value: Any, ctx: CheckContext, key: KeyPath) -> str | None:
    cleaned = text(value, ctx, key)
    if cleaned is not None and not _EMAIL.match(cleaned):
        ctx.report(key, f"`{_dotted(key)}` {cleaned!r} is not an e-mail address", "e.g. fzw@example.gov.cn", code="bad-email")
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


def _template_faults(template: str) -> dict[str, list[str]]:
    """The placeholders `fill_template` would leave as written, by fault:
    "brace", "spec", "conversion", "attribute", "empty" or "unknown"."""
    faults: dict[str, list[str]] = {}
    for match in _TEMPLATE_TOKEN.finditer(template):
        inside = match.group(1)
        if match.group() in ("{{", "}}") or inside in TEMPLATE_FIELDS:
            continue
        if inside is None:
            fault = "brace"
        else:
            fault = next((f for mark, f in ((":", "spec"), ("!", "conversion"), (".", "attribute"), ("[", "attribute")) if mark in inside), "unknown" if inside else "empty")
        faults.setdefault(fault, []).append(match.group())
    return faults


def _template(value: Any, ctx: CheckContext, key: KeyPath) -> str | None:
    cleaned = text(value, ctx, key)
    if cleaned is None:
        return None
    faults = _template_faults(cleaned)
    if not faults:
        return cleaned
    allowed = ", ".join("{" + f + "}" for f in TEMPLATE_FIELDS)
    field_name = _dotted(key)

    def shown(fault: str) -> str:
        found = faults[fault]
        listed = ", ".join(f"`{shortened(t, 60)}`" for t in found[:3])
        return listed + (f" and {len(found) - 3} more" if len(found) > 3 else "")

    if "brace" in faults:
        ctx.report(key, f"`{field_name}` has a brace that opens or closes no placeholder: {shown('brace')}", f"write a literal brace as {{{{ or }}}}; the placeholders are {allowed}", code="bad-template")
    if "spec" in faults:
        ctx.report(key, f"`{field_name}` uses a format spec in {shown('spec')}, which templates do not support", f"write the plain placeholder, e.g. {{title}}; the placeholders are {allowed}", code="template-format-spec")
    if "conversion" in faults:
        ctx.report(key, f"`{field_name}` uses a conversion in {shown('conversion')}, which templates do not support", f"write the plain placeholder without `!`, e.g. {{title}}; the placeholders are {allowed}", code="template-conversion")
    if "attribute" in faults:
        ctx.report(key, f"`{field_name}` reaches into a value in {shown('attribute')}, which templates do not support", f"write the plain placeholder without `.` or `[…]`, e.g. {{doc}}; the placeholders are {allowed}", code="template-attribute")
    if "empty" in faults:
        ctx.report(key, f"`{field_name}` has an empty placeholder {{}}", f"name what goes there; the placeholders are {allowed}", code="template-empty")
    if "unknown" in faults:
        first = faults["unknown"][0][1:-1]
        ctx.report(key, f"`{field_name}` uses unknown placeholder(s) {shown('unknown')}", f"the placeholders are {allowed}" + _did_you_mean(first, TEMPLATE_FIELDS), code="unknown-placeholder")
    return None


def subject_template(value: Any, ctx: CheckContext, key: KeyPath) -> str | None:
    cleaned = _template(value, ctx, key)
    if cleaned is not None and re.search(r"[\r\n]", cleaned):
        ctx.report(key, "the mail subject must be one line", code="bad-template")
        return None
    return cleaned


def form_template(value: Any, ctx: CheckContext, key: KeyPath) -> str | None:
    cleaned = _template(value, ctx, key)
    if cleaned is None:
        return None
    sample = fill_template(cleaned, {f: "x" for f in TEMPLATE_FIELDS})
    parts = urllib.parse.urlsplit(sample)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        ctx.report(
            key,
            f"`{_dotted(key)}` must be an http(s) address, not {cleaned!r}",
            "e.g. https://example.gov.cn/yj?doc={doc}&article={article}",
            code="bad-url",
        )
        return None
    return cleaned


def flag(value: Any, ctx: CheckContext, key: KeyPath) -> bool | None:
    if isinstance(value, bool):
        return value
    ctx.report(key, f"`{_dotted(key)}` must be true or false, not {shortened(repr(value))}", f"write `{key[-1]}: true`, or leave the line out for false", code="bad-type")
    return None


def any_value(value: Any, ctx: CheckContext, key: KeyPath) -> Any:
    return value


def mapping(spec: dict[str, "FieldSpec"]) -> Check:
    def check(value: Any, ctx: CheckContext, key: KeyPath) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            ctx.report(key, f"`{_dotted(key)}` must be a group of `key: value` lines", code="bad-type")
            return None
        return check_fields(value, spec, ctx, key)

    return check


def list_of(check: Check) -> Check:
    """A list whose every entry passes `check` (a single value counts as a list of one)."""

    def checked(value: Any, ctx: CheckContext, key: KeyPath) -> list[Any] | None:
        values = value if isinstance(value, list) else [value]
        found = [check(v, ctx, key + (i,)) for i, v in enumerate(values)]
        return [v for v in found if v is not None]

    return checked


def list_of_mappings(value: Any, ctx: CheckContext, key: KeyPath) -> list[Any] | None:
    # Each entry is checked by the parser of its kind (e.g. notice suggestions).
    if not isinstance(value, list):
        ctx.report(key, f"`{_dotted(key)}` must be a list of entries, each starting with '- '", code="bad-type")
        return None
    return value


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


# --- the schema -----------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    check: Check
    required: bool = False
    hint: str = ""


COMMENTS = {
    "opens": FieldSpec(date, hint="first day comments are accepted, YYYY-MM-DD"),
    "closes": FieldSpec(date, required=True, hint="last day comments are accepted (inclusive), YYYY-MM-DD"),
    "email": FieldSpec(email),
    "subject": FieldSpec(subject_template),
    "form": FieldSpec(form_template),
    "post": FieldSpec(text),
    "fax": FieldSpec(text),
    "phone": FieldSpec(text),
}

# A dated line of a law's history, as `lawsite import` writes it.
EVENT_TYPES = ("passed", "approved", "promulgated", "amended", "revised", "effective", "repealed", "other")


def event_type(value: Any, ctx: CheckContext, key: KeyPath) -> str | None:
    cleaned = text(value, ctx, key)
    if cleaned is not None and cleaned not in EVENT_TYPES:
        ctx.report(key, f"unknown event type {cleaned!r}", f"one of {', '.join(EVENT_TYPES)}" + _did_you_mean(cleaned, EVENT_TYPES), code="bad-event-type")
        return None
    return cleaned


EVENT = {
    "date": FieldSpec(date, required=True, hint="the day of the event, YYYY-MM-DD"),
    "type": FieldSpec(event_type, required=True, hint=" | ".join(EVENT_TYPES)),
    "text": FieldSpec(text),
}

# One of a contact point's people (联络员, 信息员, 专家库). Published only when
# `public: true`: a name is personal data, given with the person's consent.
PERSON = {
    "name": FieldSpec(text, required=True, hint="the person's name, e.g. 张明"),
    "field": FieldSpec(text, hint="what they know, e.g. 城乡规划"),
    "unit": FieldSpec(text, hint="where they work, e.g. 青川大学法学院"),
    "public": FieldSpec(flag, hint="true to publish the entry, with the person's consent"),
}
# Front matter key → the role it lists.
PEOPLE_KEYS = ("liaisons", "informants", "experts")

# The kinds of activity a contact point holds; another is accepted with a warning.
ACTIVITY_TYPES = ("座谈会", "院坝会", "板凳会", "宣讲", "培训", "调研", "走访", "接待", "其他")


def activity_type(value: Any, ctx: CheckContext, key: KeyPath) -> str | None:
    cleaned = text(value, ctx, key)
    if cleaned is not None and cleaned not in ACTIVITY_TYPES:
        ctx.report(key, f"`{_dotted(key)}` {shortened(cleaned)!r} is not one of the usual kinds of activity", f"one of {', '.join(ACTIVITY_TYPES)}" + _did_you_mean(cleaned, ACTIVITY_TYPES), code="activity-type", severity=Severity.WARNING)
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
    "numbering": FieldSpec(text, hint="zh-Hans, zh-Hant or en"),
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
        "poster": FieldSpec(mapping({"from": FieldSpec(text, hint="an article label, e.g. 第一条"), "to": FieldSpec(text, hint="an article label, e.g. 第十条")})),
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
        "interprets": FieldSpec(identifier, required=True, hint="the id of the draft or law it explains"),
        "author": FieldSpec(text),
    },
    Kind.NOTICE: {
        "concerns": FieldSpec(identifier, required=True, hint="the id of the draft the suggestions were made on"),
        "received": FieldSpec(count),
        "suggestions": FieldSpec(list_of_mappings),
        "suggestions_file": FieldSpec(text),
    },
    Kind.CONTACT_POINT: {
        "level": FieldSpec(text, required=True, hint="国家级, 省级, 市级 or 县级"),
        "region": FieldSpec(text),
        "address": FieldSpec(text),
        "phone": FieldSpec(text),
        "hours": FieldSpec(text),
        "email": FieldSpec(email),
        "established": FieldSpec(date),
        "parent": FieldSpec(identifier, hint="the id of the contact point above it (联系点 → 联络站 → 信息采集点)"),
        **{key: FieldSpec(list_of(mapping(PERSON))) for key in PEOPLE_KEYS},
    },
    Kind.ACTIVITY: {
        "type": FieldSpec(activity_type, required=True, hint=" | ".join(ACTIVITY_TYPES)),
        "date": FieldSpec(date, required=True, hint="the day it was held, YYYY-MM-DD"),
        "point": FieldSpec(identifier, required=True, hint="the id of the contact point that held it"),
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
                f"unknown key `{_dotted(here)}`",
                f"allowed here: {', '.join(sorted(spec))}" + _did_you_mean(str(key), sorted(spec)),
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
                f"missing required key `{_dotted(base + (key,))}`",
                f"add `{key}:` — {field_spec.hint}" if field_spec.hint else f"add `{key}:`",
                code="missing-key",
            )
    return out
