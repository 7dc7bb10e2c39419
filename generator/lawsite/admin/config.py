"""The web editor's `config.yml` (Decap CMS), made from lawsite's own schema.

One collection per kind, in the folder `lawsite new` writes it to
(scaffold.FOLDERS), filtered on `kind:`; one form field per front matter key
of parse/schema.py (COMMON and the kind's own), nested as the schema nests
them: labels from the catalogue (messages/admin.py), the hints `check` gives,
required keys required, known choices as a select, dates as dates. There is
no second copy of the schema: a key the schema gains without a label, or a
check this module cannot show, raises `SchemaGap` (tests/admin fail on it).

Pure: `editor_config` returns the data; the MkDocs adapter writes it as YAML.
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

from ..ids import BROWSER_PATTERN
from ..messages import Text, language, msg
from ..model import ConfigError, Kind
from ..parse import notice, schema
from ..parse.schema import COMMON, SCHEMA, FieldSpec, ListOf, Mapping
from ..render.i18n import translator
from ..scaffold import FOLDERS

Points = tuple[tuple[str, str], ...]  # the site's contact points: (id, name)

BACKENDS = ("github", "gitlab", "gitea", "forgejo")
# The API a backend talks to when the site names none. Gitea and Forgejo have
# no public default (Decap's would be a demo server): their api_root is required.
DEFAULT_API = {"github": "https://api.github.com", "gitlab": "https://gitlab.com/api/v4"}
SELF_HOSTED = ("gitea", "forgejo")
LOCAL_PROXY = "http://localhost:8081/api/v1"  # decap-server's default address
DECAP_LOCALES = {"zh": "zh_Hans", "zh-Hant": "zh_Hant", "en": "en"}


class SchemaGap(LookupError):
    """A schema field the editor's form cannot show (a new check, a key without a label)."""


@dataclass(frozen=True)
class AdminSettings:
    """`admin:` in the lawsite plugin's options (mkdocs.yml)."""

    enabled: bool = True
    backend: str = ""  # one of BACKENDS; "" edits through decap-server on one's own computer only
    repo: str = ""  # owner/name
    branch: str = "main"
    base_url: str = ""  # the OAuth server: an OAuth proxy for GitHub, the GitLab or Gitea server itself
    api_root: str = ""  # the API of a self-hosted GitLab or Gitea (https://git.example.gov.cn/api/v1)
    app_id: str = ""  # the OAuth application's id (GitLab PKCE, Gitea)
    local: str = LOCAL_PROXY  # decap-server, for editing a checkout on one's own computer

    def __post_init__(self) -> None:
        if self.enabled and self.backend in SELF_HOSTED and not self.api_root:
            raise ConfigError(msg("admin.error.api-root", backend=self.backend))

    @classmethod
    def from_options(cls, options: Any) -> "AdminSettings":
        values = dict(options) if hasattr(options, "keys") else {}
        return cls(**{key: values[key] for key in cls.__dataclass_fields__ if values.get(key) is not None})

    @property
    def api(self) -> str:
        return self.api_root or DEFAULT_API.get(self.backend, "")

    def origins(self) -> list[str]:
        """Every origin the editor talks to: decap-server on this computer, the
        backend's API and its OAuth server. No other host (the CSP's connect-src)."""
        found = []
        for url in (self.local, self.api if self.backend else "", self.oauth if self.backend else ""):
            parts = urllib.parse.urlsplit(url)
            origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""
            if origin and origin not in found:
                found.append(origin)
        return found

    def backend_config(self) -> dict[str, Any]:
        if not self.backend:
            return {"name": "proxy", "proxy_url": self.local, "branch": self.branch}
        config = {"name": self.backend, "repo": self.repo, "branch": self.branch}
        if self.backend == "gitlab" and self.app_id:
            config["auth_type"] = "pkce"
        return config | {key: value for key, value in (("app_id", self.app_id), ("base_url", self.oauth), ("api_root", self.api)) if value}

    @property
    def oauth(self) -> str:
        """The OAuth server: as written, or for Gitea the server of its API (never Decap's demo default)."""
        return self.base_url or (re.sub(r"/api/v\d+/?$", "", self.api_root) if self.backend == "gitea" else "")


# The label of each field: by dotted path where a name means different things
# (poster.from, suggestions.from), else by name (messages/admin.py).
LABELS: dict[str, Text] = {
    "address": msg("admin.label.address"),
    "adopted": msg("admin.label.adopted"),
    "amended": msg("admin.label.amended"),
    "author": msg("admin.label.author"),
    "category": msg("admin.label.category"),
    "closes": msg("admin.label.closes"),
    "collected": msg("admin.label.collected"),
    "comments": msg("admin.label.comments"),
    "concerns": msg("admin.label.concerns"),
    "contact_points": msg("admin.label.contact_points"),
    "date": msg("admin.label.date"),
    "description": msg("admin.label.description"),
    "drafted_by": msg("admin.label.drafted_by"),
    "drafts": msg("admin.label.drafts"),
    "effective": msg("admin.label.effective"),
    "email": msg("admin.label.email"),
    "established": msg("admin.label.established"),
    "events": msg("admin.label.events"),
    "events.text": msg("admin.label.events.text"),
    "events.type": msg("admin.label.events.type"),
    "experts": msg("admin.label.experts"),
    "fax": msg("admin.label.fax"),
    "field": msg("admin.label.field"),
    "form": msg("admin.label.form"),
    "from_draft": msg("admin.label.from_draft"),
    "hide": msg("admin.label.hide"),
    "hours": msg("admin.label.hours"),
    "icon": msg("admin.label.icon"),
    "id": msg("admin.label.id"),
    "informants": msg("admin.label.informants"),
    "intake": msg("admin.label.intake"),
    "interprets": msg("admin.label.interprets"),
    "kind": msg("admin.label.kind"),
    "level": msg("admin.label.level"),
    "liaisons": msg("admin.label.liaisons"),
    "name": msg("admin.label.name"),
    "notes": msg("admin.label.notes"),
    "numbering": msg("admin.label.numbering"),
    "opens": msg("admin.label.opens"),
    "parent": msg("admin.label.parent"),
    "participants": msg("admin.label.participants"),
    "phone": msg("admin.label.phone"),
    "photos": msg("admin.label.photos"),
    "point": msg("admin.label.point"),
    "post": msg("admin.label.post"),
    "poster": msg("admin.label.poster"),
    "poster.from": msg("admin.label.poster.from"),
    "poster.to": msg("admin.label.poster.to"),
    "previous": msg("admin.label.previous"),
    "promulgated": msg("admin.label.promulgated"),
    "public": msg("admin.label.public"),
    "published": msg("admin.label.published"),
    "received": msg("admin.label.received"),
    "forwarded": msg("admin.label.forwarded"),
    "region": msg("admin.label.region"),
    "revised": msg("admin.label.revised"),
    "search": msg("admin.label.search"),
    "search.boost": msg("admin.label.search.boost"),
    "search.exclude": msg("admin.label.search.exclude"),
    "stage": msg("admin.label.stage"),
    "status": msg("admin.label.status"),
    "subject": msg("admin.label.subject"),
    "suggestions": msg("admin.label.suggestions"),
    "suggestions.article": msg("admin.label.suggestions.article"),
    "suggestions.count": msg("admin.label.suggestions.count"),
    "suggestions.from": msg("admin.label.suggestions.from"),
    "suggestions.ids": msg("admin.label.suggestions.ids"),
    "suggestions.outcome": msg("admin.label.suggestions.outcome"),
    "suggestions.reason": msg("admin.label.suggestions.reason"),
    "suggestions.text": msg("admin.label.suggestions.text"),
    "suggestions_file": msg("admin.label.suggestions_file"),
    "summary": msg("admin.label.summary"),
    "tags": msg("admin.label.tags"),
    "template": msg("admin.label.template"),
    "title": msg("admin.label.title"),
    "type": msg("admin.label.type"),
    "unit": msg("admin.label.unit"),
}

ID_PATTERN = [BROWSER_PATTERN, msg("admin.id.pattern")]
DATE = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
# Each check of parse/schema.py as a Decap widget.
WIDGETS: dict[Any, dict[str, Any]] = {
    schema.text: {"widget": "string"},
    schema.date: DATE,
    schema.count: {"widget": "number", "value_type": "int", "min": 0},
    schema.identifier: {"widget": "string", "pattern": ID_PATTERN},
    schema.identifiers: {"widget": "list"},  # comma-separated ids
    schema.email: {"widget": "string", "pattern": [schema._EMAIL.pattern, msg("admin.email.pattern")]},
    schema.subject_template: {"widget": "string"},
    schema.form_template: {"widget": "string"},
    schema.service_url: {"widget": "string"},
    schema.flag: {"widget": "boolean", "default": False},
    schema.event_type: {"widget": "string"},
    schema.activity_type: {"widget": "string"},
}
# Prose keys get a text area.
LONG_TEXT = {"summary", "description"}
# Keys any value passes (schema.any_value): what MkDocs and Material read of them.
THEME_KEYS: dict[str, dict[str, Any]] = {
    "hide": {"widget": "select", "multiple": True, "options": ["navigation", "toc", "footer", "path", "tags", "feedback"]},
    "tags": {"widget": "list"},
    "search": {"widget": "object", "collapsed": True, "fields": [
        {"name": "exclude", "label": LABELS["search.exclude"], "widget": "boolean", "required": False},
        {"name": "boost", "label": LABELS["search.boost"], "widget": "number", "value_type": "float", "required": False},
    ]},
}
# A suggestion of a notice (parse/notice.py checks it, with these hints):
# each field text but these.
SUGGESTION_CHECKS = {"count": schema.count, "ids": schema.list_of(schema.text)}
SUGGESTION_HINTS = {**notice.HINTS, "ids": msg("bad-type.comment-ids.hint")}
SUGGESTION = {
    name: FieldSpec(
        SUGGESTION_CHECKS.get(name, schema.text),
        required=name in notice.REQUIRED,
        hint=SUGGESTION_HINTS.get(name),
        choices=tuple(o.value for o in notice.Outcome) if name == "outcome" else (),
    )
    for name in notice.FIELDS
}
ENTRIES = {"suggestions": SUGGESTION}  # the lists schema.list_of_mappings leaves to their kind's parser
# Fields the editor needs although the schema can leave them out: the id names the file, the title the entry.
FORM_REQUIRED = {"id", "title"}
LEGAL_KINDS = (Kind.DRAFT, Kind.LAW)


def editor_config(settings: AdminSettings, content: str, site_language: str = "zh", points: Points = ()) -> dict[str, Any]:
    """The whole config.yml: `content` is the content folder as the backend
    sees it (relative to the repository's root, e.g. "content"); `points`
    the site's contact points (id, name), for the fields keyed by point."""
    lang = language(site_language)
    t = translator(site_language)
    return {
        "locale": DECAP_LOCALES.get(site_language, "zh_Hans"),
        "backend": settings.backend_config(),
        "local_backend": {"url": settings.local},
        "media_folder": content,
        "slug": {"encoding": "unicode", "clean_accents": False, "sanitize_replacement": "-"},
        # Every kind, plain pages last (their reader label, 其他, would not name them to an editor).
        "collections": [
            collection(kind, content, lang, msg("admin.pages").render(lang) if kind is Kind.PAGE else t(f"kind_{kind.value}"), points)
            for kind in sorted(Kind, key=lambda kind: kind is Kind.PAGE)
        ],
    }


def collection(kind: Kind, content: str, lang: str, label: str, points: Points = ()) -> dict[str, Any]:
    spec = {**COMMON, **SCHEMA[kind]}
    # What an editor fills first, then the kind's own keys and the text, then the theme's keys.
    first = ["id", "title", "published", "summary"]
    theme = [key for key in COMMON if key not in first and key != "kind"]
    folder = posixpath.join(content, FOLDERS[kind.value]).rstrip("/")
    return {
        "name": kind.value,
        "label": label,
        "folder": folder,
        "create": True,
        "extension": "md",
        "format": "frontmatter",
        "identifier_field": "id",
        "slug": "{{slug}}",
        "summary": "{{title}}",
        # A page has no `kind:` (it is the default); every other kind says what it is.
        **({} if kind is Kind.PAGE else {"filter": {"field": "kind", "value": kind.value}}),
        "media_folder": "",  # images beside the file, named relative to it (as `photos:` are)
        "public_folder": "",
        "editor": {"preview": False},
        "fields": [
            {"name": "kind", "label": _text(LABELS["kind"], lang), "widget": "hidden", "default": kind.value},
            *(field for key in (*first, *SCHEMA[kind]) if _fillable(field := form_field(key, spec[key], key, lang, points))),
            body_field(kind, lang),
            *(form_field(key, spec[key], key, lang, points) for key in theme),
        ],
    }


def form_field(name: str, spec: FieldSpec, path: str, lang: str, points: Points = ()) -> dict[str, Any]:
    """One key of the schema as a form field, with the fields it holds."""
    field: dict[str, Any] = {"name": name, "label": _text(label_of(path), lang), "required": spec.required or path in FORM_REQUIRED}
    field |= _rendered(widget_of(name, spec, path, lang, points), lang)
    hint = msg("admin.id.hint") if path == "id" else spec.hint
    if hint is not None:
        field["hint"] = hint.render(lang)
    return field


def widget_of(name: str, spec: FieldSpec, path: str, lang: str, points: Points = ()) -> dict[str, Any]:
    check = spec.check
    if check is schema.counts_by_id:  # `{point-id: N}`: Decap has no widget with free keys, so one number per point of the site
        return {"widget": "object", "collapsed": True, "fields": [_point_count(point, name) for point, name in points]}
    if spec.choices:
        return {"widget": "select", "options": list(spec.choices)}
    if isinstance(check, Mapping):
        return {"widget": "object", "fields": [form_field(k, s, f"{path}.{k}", lang, points) for k, s in check.spec.items()]}
    if isinstance(check, ListOf) and isinstance(check.item, Mapping):
        return {"widget": "list", "collapsed": True, "fields": [form_field(k, s, f"{path}.{k}", lang, points) for k, s in check.item.spec.items()]}
    if isinstance(check, ListOf):
        item = form_field(name, FieldSpec(check.item, required=True), path, lang, points)
        return {"widget": "list", "field": item}
    if check is schema.list_of_mappings and name in ENTRIES:
        return {"widget": "list", "collapsed": True, "fields": [form_field(k, s, f"{path}.{k}", lang, points) for k, s in ENTRIES[name].items()]}
    if check is schema.any_value and name in THEME_KEYS:
        return THEME_KEYS[name]
    if check is schema.text and name in LONG_TEXT:
        return {"widget": "text"}
    if check in WIDGETS:
        return WIDGETS[check]
    raise SchemaGap(f"{path}: no form field for the check {getattr(check, '__name__', check)!r} (admin/config.py: WIDGETS)")


def _fillable(field: dict[str, Any]) -> bool:
    """Decap refuses an object without fields: a site without contact points
    has no `forwarded:` figure to fill, so the form leaves it out."""
    return not (field.get("widget") == "object" and not field.get("fields"))


def _point_count(point: str, name: str) -> dict[str, Any]:
    return {"name": point, "label": name or point, "widget": "number", "value_type": "int", "min": 0, "required": False}


def label_of(path: str) -> Text:
    label = LABELS.get(path) or LABELS.get(path.rsplit(".", 1)[-1])
    if label is None:
        raise SchemaGap(f"{path}: no label (messages/admin.py: admin.label.{path}, and admin/config.py: LABELS)")
    return label


def body_field(kind: Kind, lang: str) -> dict[str, Any]:
    hint = msg("admin.body.legal.hint") if kind in LEGAL_KINDS else msg("admin.body.hint")
    return {"name": "body", "label": msg("admin.body").render(lang), "widget": "text", "required": kind in LEGAL_KINDS, "hint": hint.render(lang)}


def _text(value: Text | str, lang: str) -> str:
    return value.render(lang) if isinstance(value, Text) else value


def _rendered(value: Any, lang: str) -> Any:
    """Every Text inside a widget's settings in the site's language."""
    if isinstance(value, Text):
        return value.render(lang)
    if isinstance(value, dict):
        return {k: _rendered(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [_rendered(v, lang) for v in value]
    return value
