"""The web editor's config.yml is made from the front matter schema: every
key `check` knows has a form field, in the collection of its kind, with a
Chinese label, the hint `check` gives, required when the schema requires it,
its choices as a select and dates as dates. Nothing here is a copy of the
schema: the expectations are read from parse/schema.py itself."""

from __future__ import annotations

import re
from typing import Any, Iterator

import pytest

from lawsite.admin import config as admin
from lawsite.admin.config import AdminSettings, SchemaGap, editor_config
from lawsite.ids import id_problem
from lawsite.model import ConfigError, Kind
from lawsite.parse import notice, schema
from lawsite.parse.schema import COMMON, SCHEMA, FieldSpec, ListOf, Mapping
from lawsite.scaffold import FOLDERS

HAN = re.compile(r"[\u4e00-\u9fff]")


def schema_fields(spec: dict[str, FieldSpec], base: str = "") -> Iterator[tuple[str, FieldSpec]]:
    """(dotted path, spec) of every key, nested groups and lists of groups included."""
    for name, field in spec.items():
        path = f"{base}{name}"
        yield path, field
        check = field.check.item if isinstance(field.check, ListOf) else field.check
        if isinstance(check, Mapping):
            yield from schema_fields(check.spec, path + ".")
        if field.check is schema.list_of_mappings:
            yield from schema_fields(admin.ENTRIES[name], path + ".")


def form_fields(fields: list[dict[str, Any]], base: str = "") -> dict[str, dict[str, Any]]:
    found = {}
    for field in fields:
        path = f"{base}{field['name']}"
        found[path] = field
        found |= form_fields(field.get("fields", []), path + ".")
    return found


SOME_POINTS = (("xinghai-road", "星海路街道基层立法联系点"),)  # a notice's `forwarded:` has a figure per point of the site


@pytest.fixture(scope="module")
def collections() -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in editor_config(AdminSettings(), "content", points=SOME_POINTS)["collections"]}


def test_one_collection_per_kind_in_the_folder_lawsite_new_writes_to(collections):
    assert set(collections) == {kind.value for kind in Kind}
    for kind in Kind:
        assert collections[kind.value]["folder"] == f"content/{FOLDERS[kind.value]}".rstrip("/")
    assert collections["draft"]["filter"] == {"field": "kind", "value": "draft"}
    assert list(collections)[0] == "draft" and list(collections)[-1] == "page"


@pytest.mark.parametrize("kind", list(Kind), ids=[k.value for k in Kind])
def test_every_schema_field_has_a_form_field(collections, kind):
    form = form_fields(collections[kind.value]["fields"])
    expected = dict(schema_fields({**COMMON, **SCHEMA[kind]}))
    assert sorted(set(expected) - set(form)) == []
    # Beyond the schema: the body, and what Material reads inside `search:` (any value passes check).
    per_point = {f"forwarded.{point}" for point, _ in SOME_POINTS} if "forwarded" in expected else set()
    assert set(form) - set(expected) == {"body", "search.exclude", "search.boost"} | per_point
    for path, spec in expected.items():
        field = form[path]
        assert HAN.search(field["label"]), (path, field["label"])
        if spec.required:
            assert field["required"] is True, path
        if spec.hint is not None and path != "id":
            assert field["hint"] == spec.hint.render("zh"), path
        if spec.choices:
            assert field["widget"] == "select" and field["options"] == list(spec.choices), path
        check = spec.check.item if isinstance(spec.check, ListOf) else spec.check
        widget = field["field"] if isinstance(spec.check, ListOf) and not isinstance(check, Mapping) else field
        if check is schema.date:
            assert widget["widget"] == "datetime" and widget["format"] == "YYYY-MM-DD" and widget["time_format"] is False, path
        if check is schema.count:
            assert widget["widget"] == "number" and widget["value_type"] == "int", path
    assert form["kind"] == {"name": "kind", "label": "文件类型", "widget": "hidden", "default": kind.value}


def test_a_notice_lists_its_suggestions_with_the_outcomes_check_knows(collections):
    form = form_fields(collections["notice"]["fields"])
    assert form["suggestions.outcome"]["options"] == [o.value for o in notice.Outcome]
    assert [f for f in notice.FIELDS if form[f"suggestions.{f}"]["required"]] == list(notice.REQUIRED)
    assert form["suggestions.article"]["hint"] == notice.HINTS["article"].render("zh")


def test_ids_and_mail_addresses_carry_the_checks_pattern(collections):
    form = form_fields(collections["draft"]["fields"])
    assert re.fullmatch(form["id"]["pattern"][0], "qingchuan-tree-care-2027")
    assert not re.fullmatch(form["id"]["pattern"][0], "two words")
    assert re.fullmatch(form["comments.email"]["pattern"][0], "fgw@rd.qingchuan.gov.cn")
    assert form["id"]["required"] and form["title"]["required"]  # the file's name, the entry's name


def test_a_new_check_without_a_form_field_fails_loudly(monkeypatch):
    def postcode(value: Any, ctx: Any, key: Any) -> Any:
        return value

    monkeypatch.setitem(SCHEMA, Kind.CONTACT_POINT, {**SCHEMA[Kind.CONTACT_POINT], "address": FieldSpec(postcode)})
    with pytest.raises(SchemaGap, match="address"):
        editor_config(AdminSettings(), "content")


def test_a_new_key_without_a_label_fails_loudly(monkeypatch):
    monkeypatch.setitem(SCHEMA, Kind.ACTIVITY, {**SCHEMA[Kind.ACTIVITY], "weather": FieldSpec(schema.text)})
    with pytest.raises(SchemaGap, match="weather"):
        editor_config(AdminSettings(), "content")


def test_english_sites_get_english_labels():
    drafts = editor_config(AdminSettings(), "docs", "en")["collections"][0]
    assert drafts["label"] == "Drafts" and drafts["folder"] == "docs/drafts"
    assert form_fields(drafts["fields"])["comments.closes"]["label"] == "Closes"


def test_without_a_backend_the_editor_works_on_this_computer_only():
    config = editor_config(AdminSettings(), "content")
    assert config["locale"] == "zh_Hans"
    assert config["backend"] == {"name": "proxy", "proxy_url": "http://localhost:8081/api/v1", "branch": "main"}
    assert config["local_backend"] == {"url": "http://localhost:8081/api/v1"}
    assert AdminSettings().origins() == ["http://localhost:8081"]


@pytest.mark.parametrize("settings,backend,origins", [
    (AdminSettings(backend="github", repo="rd/site", base_url="https://oauth.rd.example"),
     {"name": "github", "repo": "rd/site", "branch": "main", "base_url": "https://oauth.rd.example", "api_root": "https://api.github.com"},
     ["http://localhost:8081", "https://api.github.com", "https://oauth.rd.example"]),
    (AdminSettings(backend="gitlab", repo="rd/site", app_id="abc", base_url="https://git.rd.example", api_root="https://git.rd.example/api/v4"),
     {"name": "gitlab", "repo": "rd/site", "branch": "main", "auth_type": "pkce", "app_id": "abc", "base_url": "https://git.rd.example", "api_root": "https://git.rd.example/api/v4"},
     ["http://localhost:8081", "https://git.rd.example"]),
    (AdminSettings(backend="gitea", repo="rd/site", app_id="abc", api_root="https://git.rd.example/api/v1", branch="publish"),
     {"name": "gitea", "repo": "rd/site", "branch": "publish", "app_id": "abc", "base_url": "https://git.rd.example", "api_root": "https://git.rd.example/api/v1"},
     ["http://localhost:8081", "https://git.rd.example"]),
    (AdminSettings(backend="forgejo", repo="rd/site", app_id="abc", api_root="https://forgejo.rd.example/api/v1"),
     {"name": "forgejo", "repo": "rd/site", "branch": "main", "app_id": "abc", "api_root": "https://forgejo.rd.example/api/v1"},
     ["http://localhost:8081", "https://forgejo.rd.example"]),
], ids=["github", "gitlab", "gitea", "forgejo"])
def test_each_backend_and_the_origins_it_talks_to(settings, backend, origins):
    assert settings.backend_config() == backend
    assert settings.origins() == origins


@pytest.mark.parametrize("backend", ["gitea", "forgejo"])
def test_a_self_hosted_server_must_be_named(backend):
    # Decap would otherwise fall back to its demo server, another host.
    with pytest.raises(ConfigError) as raised:
        AdminSettings(backend=backend, repo="rd/site")
    assert "admin.api_root" in raised.value.text.render("zh")


def test_a_notices_forwarded_figures_have_one_number_per_contact_point_of_the_site():
    points = (("xinghai-road", "星海路街道基层立法联系点"), ("baihe-village", "白河村基层立法联系点"))
    notices = next(c for c in editor_config(AdminSettings(), "content", points=points)["collections"] if c["name"] == "notice")
    forwarded = next(f for f in notices["fields"] if f["name"] == "forwarded")
    assert forwarded["widget"] == "object" and forwarded["label"] == "各联系点上报意见数"
    assert [(f["name"], f["label"], f["widget"], f["value_type"], f["min"]) for f in forwarded["fields"]] == [
        ("xinghai-road", "星海路街道基层立法联系点", "number", "int", 0),
        ("baihe-village", "白河村基层立法联系点", "number", "int", 0),
    ]


def test_the_id_field_refuses_in_the_browser_what_check_refuses_there():
    draft = next(c for c in editor_config(AdminSettings(), "content")["collections"] if c["name"] == "draft")
    pattern = re.compile(next(f for f in draft["fields"] if f["name"] == "id")["pattern"][0])
    for good in ("qingchuan-property-2026", "电动车管理条例", "烟叶税法(2017-12-27)"):
        assert pattern.match(good) and id_problem(good) is None
    for bad in (".hidden", "a b", "a,b", "a:b", "a/b", "a#b"):
        assert not pattern.match(bad) and id_problem(bad) is not None


def test_a_site_without_contact_points_has_no_forwarded_field_decap_would_refuse():
    notices = next(c for c in editor_config(AdminSettings(), "content")["collections"] if c["name"] == "notice")
    assert "forwarded" not in [f["name"] for f in notices["fields"]]
    assert all(f.get("fields") for f in form_fields(notices["fields"]).values() if f.get("widget") == "object")
