"""The build writes /admin/ (page, config.yml, the vendored Decap CMS) with a
policy of its own, keeps it out of the sitemap and the search index, and
builds the rest with a word in Chinese when the bundle is missing."""

from __future__ import annotations

import html
import io
import json
import logging
import re
import tarfile
from pathlib import Path

import pytest
import yaml

from conftest import build_site
from lawsite.admin import bundle, vendor
from lawsite.admin.config import AdminSettings, editor_config
from lawsite.admin.page import admin_policy

EPOCH = 1795000000


def make_site(folder: Path, admin: dict | None = None) -> Path:
    (folder / "content").mkdir(parents=True)
    (folder / "content" / "index.md").write_text("# 青川市人大常委会\n\n立法公开平台。\n", encoding="utf-8")
    options = {"search": "material", **({"admin": admin} if admin is not None else {})}
    config = {
        "site_name": "青川市立法公开平台",
        "site_url": "https://rd.qingchuan.example/",
        "docs_dir": "content",
        "theme": {"name": "material", "language": "zh", "font": False},
        "plugins": ["search", {"lawsite": options}],
    }
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return folder / "mkdocs.yml"


def built(tmp_path: Path, admin: dict | None = None) -> Path:
    site_dir = tmp_path / "site"
    build_site(make_site(tmp_path / "project", admin), site_dir, EPOCH)
    return site_dir


def test_the_editor_is_built_with_its_config_and_bundle(tmp_path):
    site_dir = built(tmp_path, {"backend": "gitea", "repo": "rd/site", "app_id": "abc", "base_url": "https://git.rd.example", "api_root": "https://git.rd.example/api/v1"})
    admin = site_dir / "admin"
    written = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    settings = AdminSettings(backend="gitea", repo="rd/site", app_id="abc", base_url="https://git.rd.example", api_root="https://git.rd.example/api/v1")
    assert written == editor_config(settings, "content")
    assert {p.name for p in bundle.vendored_files()} <= {p.name for p in admin.iterdir()}
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert '<link href="config.yml" type="text/yaml" rel="cms-config-url">' in page
    assert '<script src="decap-cms.js"></script>' in page
    policy = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1))
    assert policy == admin_policy(settings)
    assert page.count("Content-Security-Policy") == 1  # the site's own policy is not added on top


def test_the_policy_names_no_host_but_the_backends():
    policy = admin_policy(AdminSettings(backend="github", repo="rd/site", base_url="https://oauth.rd.example"))
    hosts = set(re.findall(r"https?://[^\s;]+", policy))
    assert hosts == {"http://localhost:8081", "https://api.github.com", "https://oauth.rd.example"}
    assert "connect-src 'self' http://localhost:8081 https://api.github.com https://oauth.rd.example" in policy
    assert "script-src 'self' 'unsafe-eval';" in policy and "frame-src 'none'" in policy
    assert set(re.findall(r"https?://[^\s;]+", admin_policy(AdminSettings()))) == {"http://localhost:8081"}


def test_the_editor_is_in_no_sitemap_and_no_search_index(tmp_path):
    site_dir = built(tmp_path)
    assert (site_dir / "admin" / "index.html").is_file()
    assert "admin" not in (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] and not any(doc["location"].startswith("admin") for doc in index["docs"])


def test_without_the_bundle_the_rest_is_built_and_the_build_says_so(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(bundle, "FOLDER", tmp_path / "no-bundle")
    monkeypatch.delenv("LAWSITE_LANG", raising=False)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.lawsite"):
        site_dir = built(tmp_path)
    assert (site_dir / "index.html").is_file() and not (site_dir / "admin").exists()
    assert any("网页编辑器（/admin/）未生成" in record.getMessage() and "no-bundle" in record.getMessage() for record in caplog.records)


def test_a_site_may_go_without_the_editor(tmp_path):
    site_dir = built(tmp_path, {"enabled": False})
    assert (site_dir / "index.html").is_file() and not (site_dir / "admin").exists()


def _tarball(folder: Path, files: dict[str, bytes]) -> Path:
    target = folder / "decap-cms-0.0.0.tgz"
    with tarfile.open(target, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return target


def test_the_vendoring_script_keeps_only_a_tarball_of_the_pinned_hash(tmp_path, monkeypatch):
    tarball = _tarball(tmp_path, {
        "dist/decap-cms.js": b"entry", "dist/12.decap-cms.js": b"chunk", "dist/decap-cms.js.LICENSE.txt": b"MIT",
        "dist/decap-cms.js.map": b"map", "dist/cms.js": b"same again", "dist/x.wasm": b"\0asm", "package.json": b"{}",
    })
    with pytest.raises(SystemExit, match="is not the pinned"):
        vendor.unpack(tarball, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    monkeypatch.setattr(bundle, "INTEGRITY", vendor.integrity_of(tarball.read_bytes()))
    assert vendor.unpack(tarball, tmp_path / "out") == ["12.decap-cms.js", "decap-cms.js", "decap-cms.js.LICENSE.txt"]
    assert [p.name for p in bundle.vendored_files(tmp_path / "out")] == ["12.decap-cms.js", "decap-cms.js", "decap-cms.js.LICENSE.txt"]


def test_the_package_holds_the_pinned_copy():
    names = {p.name for p in bundle.vendored_files()}
    assert bundle.ENTRY in names and len(names) > 50
    assert f"decap-cms-app {bundle.VERSION}".encode() in (bundle.FOLDER / bundle.ENTRY).read_bytes()
