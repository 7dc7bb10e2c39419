"""Law pages rendered by forked processes (parts.py, `lawsite build --jobs`)
give the site one process gives, byte for byte; a part's warnings count in
strict mode; links to anchors between parts are checked; a failing part
fails the build.

The builds run in this process, as `lawsite build` runs them in its MkDocs
process: a dirty build into a fresh folder with `LAWSITE_BUILD_PARTS` set.
The smallest site that is split, and the smallest whose laws are parsed
apart and again on demand (gather/laws_apart.py), are lowered so that small
sites are."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from lawsite import mkdocs_plugin
from lawsite.gather import laws_apart
from lawsite.parts import PARTS_ENV, split
from tests.conftest import REPO, SAMPLE_NOW
from tests.pagefind_files import comparable_snapshot

EPOCH = int(dt.datetime.fromisoformat(SAMPLE_NOW).timestamp())
LAWS = 9


def _build(config: Path, site_dir: Path, parts: int | None, monkeypatch: pytest.MonkeyPatch, strict: bool = False) -> None:
    """A build as MkDocs makes it (`parts` None), or as `lawsite build
    --jobs parts` makes it in its MkDocs process."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    monkeypatch.setattr(mkdocs_plugin, "PARTS_FROM", 1)
    monkeypatch.setattr(laws_apart, "PARALLEL_FROM", 1)  # laws parsed apart, and again on demand
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    if parts is None:
        monkeypatch.delenv(PARTS_ENV, raising=False)
    else:
        monkeypatch.setenv(PARTS_ENV, str(parts))
    site_dir.mkdir(parents=True, exist_ok=True)
    build(load_config(str(config), site_dir=str(site_dir), strict=strict), dirty=parts is not None)


def _laws_site(root: Path) -> Path:
    """LAWS small laws of growing length, in one folder."""
    folder = root / "content" / "laws" / "行政法规"
    folder.mkdir(parents=True)
    for n in range(LAWS):
        body = f"第一条　本条例第{n}号的第一条。" + "内容。" * (20 * n)
        (folder / f"reg-{n}.md").write_text(f"---\nkind: law\nid: reg-{n}\ntitle: 测试条例第{n}号\ncategory: 行政法规\nadopted: 2020-01-0{1 + n}\n---\n\n{body}\n", encoding="utf-8")
    (root / "content" / "index.md").write_text("# 首页\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: 分部生成测试\ndocs_dir: content\ntheme:\n  name: material\n  language: zh\n  font: false\n"
        "plugins:\n  - lawsite:\n      search: material\nvalidation:\n  anchors: warn\n",
        encoding="utf-8",
    )
    return config


def _law_pages_also(monkeypatch: pytest.MonkeyPatch, *, warn: bool = False, link_to_next: bool = False) -> None:
    """Law pages that, as they render, log a warning (`warn`) or link to an
    anchor of the next law that is not there (`link_to_next`): law texts are
    rendered by lawsite, so their own links and words never make MkDocs warn."""
    render = mkdocs_plugin.render_page

    def rendered(spec, page):
        done = render(spec, page)
        document = getattr(spec, "document", None)
        if document is None or not document.id.startswith("reg-"):
            return done
        if warn:
            logging.getLogger("mkdocs.plugins.lawsite").warning("rendering %s", document.id)
        if link_to_next:
            after = (int(document.id.split("-")[1]) + 1) % LAWS
            done = dataclasses.replace(done, markdown=done.markdown + f"\n\n[下一件](reg-{after}.md#art_99)\n")
        return done

    monkeypatch.setattr(mkdocs_plugin, "render_page", rendered)


def test_the_laws_go_to_every_part_and_the_parent_starts_behind() -> None:
    owners = split([100, 90, 80, 70, 10], 2, head_start=0.0)
    assert sorted(set(owners)) == [0, 1]
    assert split([100, 90, 80, 70, 10], 2) == split([100, 90, 80, 70, 10], 2)  # deterministic
    assert split([10], 2) == [1]  # the parent has the other pages to render


def test_the_sample_site_built_in_two_parts_is_the_same(sample_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _build(REPO / "mkdocs.yml", tmp_path / "two", 2, monkeypatch)
    assert comparable_snapshot(tmp_path / "two") == comparable_snapshot(sample_site)


@pytest.mark.parametrize("parts", [1, 2])
def test_many_laws_built_apart_are_the_same(parts: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = _laws_site(tmp_path)
    _build(config, tmp_path / "mkdocs", None, monkeypatch)
    _build(config, tmp_path / "two", parts, monkeypatch)
    assert comparable_snapshot(tmp_path / "two") == comparable_snapshot(tmp_path / "mkdocs")
    assert len(list((tmp_path / "two" / "laws").rglob("reg-*/index.html"))) == LAWS


def _strict_abort(config: Path, site_dir: Path, parts: int | None, monkeypatch: pytest.MonkeyPatch) -> str:
    with pytest.raises(Abort) as aborted:
        _build(config, site_dir, parts, monkeypatch, strict=True)
    return str(aborted.value)


def test_a_parts_warnings_fail_a_strict_build_as_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = _laws_site(tmp_path)
    _law_pages_also(monkeypatch, warn=True)
    one = _strict_abort(config, tmp_path / "one", None, monkeypatch)
    assert f"Aborted with {LAWS} warnings" in one
    assert _strict_abort(config, tmp_path / "two", 2, monkeypatch) == one


def _laws_with_body_problems(root: Path, error: bool = False) -> Path:
    """_laws_site, each law's body with a gap in its numbering (a warning),
    and with `error` one article numbered past the most there can be."""
    config = _laws_site(root)
    for law in sorted((root / "content" / "laws" / "行政法规").glob("reg-*.md")):
        law.write_text(law.read_text(encoding="utf-8") + "\n第三条　跳过了第二条。\n", encoding="utf-8")
    if error:
        last = root / "content" / "laws" / "行政法规" / f"reg-{LAWS - 1}.md"
        last.write_text(last.read_text(encoding="utf-8") + "\n第十万条　条号超出范围。\n", encoding="utf-8")
    return config


@pytest.mark.parametrize("parts", [None, 2])
def test_the_problems_of_bodies_parsed_where_they_are_rendered_are_each_reported_once(
    parts: int | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Under `lawsite build` a large site's laws are read for their front
    matter only before rendering; each body's problems are found where its
    page is rendered (a child part's sent back to the parent), and reported
    once, in the order of the laws, counting in strict mode."""
    config = _laws_with_body_problems(tmp_path)
    with caplog.at_level(logging.WARNING):
        aborted = _strict_abort(config, tmp_path / "site", parts, monkeypatch)
    assert f"Aborted with {LAWS} warnings" in aborted
    gaps = [r.getMessage() for r in caplog.records if "article-gap" in r.getMessage()]
    assert [m.split(":")[0] for m in gaps] == [f"laws/行政法规/reg-{n}.md" for n in range(LAWS)]


def test_an_error_in_a_body_parsed_where_it_is_rendered_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    config = _laws_with_body_problems(tmp_path, error=True)
    with pytest.raises(Abort, match="BuildError"):
        _build(config, tmp_path / "site", 2, monkeypatch)
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(f"laws/行政法规/reg-{LAWS - 1}.md:13" in m and "(article-number)" in m for m in said)


def test_links_to_anchors_between_parts_are_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    config = _laws_site(tmp_path)
    _law_pages_also(monkeypatch, link_to_next=True)
    one = _strict_abort(config, tmp_path / "one", None, monkeypatch)
    assert f"Aborted with {LAWS} warnings" in one  # each law's link to the next
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert _strict_abort(config, tmp_path / "two", 2, monkeypatch) == one
    # Said by the parent (a child's log lines stay in its process here): at
    # least the links that run between parts, which only the parent can check.
    assert any("does not contain an anchor '#art_99'" in record.getMessage() for record in caplog.records)


def test_a_failing_part_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    config = _laws_site(tmp_path)
    parent = os.getpid()
    render = mkdocs_plugin.render_page

    def fails_in_a_child(spec, page):
        if os.getpid() != parent:
            raise RuntimeError("a part fails")
        return render(spec, page)

    monkeypatch.setattr(mkdocs_plugin, "render_page", fails_in_a_child)
    with pytest.raises(Abort, match="BuildError"):
        _build(config, tmp_path / "two", 2, monkeypatch)
    assert any("第 2 部分页面没有生成成功" in record.getMessage() for record in caplog.records)
