"""Search engine choice, page marking and the Pagefind run (no browser)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import build_site
from lawsite.emit import search

pytestmark = pytest.mark.usefixtures("english")  # asserts on English texts

EPOCH = 1_795_000_000  # 2026-11-19, any fixed moment


def test_auto_is_pagefind_and_material_stays_on_request() -> None:
    assert search.choose_engine("auto") == "pagefind"
    assert search.choose_engine("material") == "material"
    assert search.choose_engine("pagefind") == "pagefind"
    with pytest.raises(ValueError, match="auto, material, pagefind"):
        search.choose_engine("lunr")


HEADER = '<header class="md-header"><nav class="md-header__inner md-grid">{inner}</nav>\n</header><article class="md-content__inner md-typeset"><h1>T</h1></article>'


def test_mark_page_puts_the_button_before_the_repository_link() -> None:
    page = HEADER.format(inner='<div class="md-header__title">T</div><div class="md-header__source">repo</div>')
    marked = search.mark_page(page, "<button>S</button>")
    assert '<button>S</button><div class="md-header__source">' in marked
    assert '<article class="md-content__inner md-typeset" data-pagefind-body>' in marked


def test_mark_page_puts_the_button_at_the_end_of_the_header_without_a_repository() -> None:
    marked = search.mark_page(HEADER.format(inner="<div>T</div>"), "<button>S</button>")
    assert "<div>T</div><button>S</button></nav>" in marked
    assert marked.count("data-pagefind-body") == 1


def test_search_button_has_labels_in_the_site_language() -> None:
    html = search.search_button_html("en")
    assert 'aria-label="Search"' in html and 'aria-label="Close search"' in html
    assert 'aria-label="搜索"' in search.search_button_html("zh")


LAW = """---
kind: law
id: water
title: 水源保护条例
adopted: 2025-06-01
---

## 第一章 总则

第一条 为了保护饮用水水源，制定本条例。

第二条 禁止在保护区内停靠船舶。
"""


def _project(tmp_path: Path, mode: str) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (tmp_path / "content" / "water.md").write_text(LAW, encoding="utf-8")
    config = {
        "site_name": "测试",
        "docs_dir": "content",
        "theme": {"name": "material", "language": "zh", "font": False},
        "plugins": [{"search": {"lang": "zh"}}, {"lawsite": {"search": mode}}],
    }
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def _fragments(site: Path) -> list[dict]:
    return _fragments_in(site / "pagefind")


def test_pagefind_mode_replaces_material_search(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(_project(tmp_path, "pagefind"), site, EPOCH)
    page = (site / "water" / "index.html").read_text(encoding="utf-8")
    assert not (site / "search" / "search_index.json").exists()  # Material's index is not built
    assert 'data-md-component="search"' not in page  # nor its box shown
    assert 'class="md-header__button md-icon ls-search-open"' in page
    assert "assets/lawsite/lawsite-search.js" in page
    for name in ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-entry.json"):
        assert (site / "pagefind" / name).is_file(), name
    by_url = {f["url"]: f for f in _fragments(site)}
    water = by_url["/water/"]
    assert water["meta"]["title"] == "水源保护条例"
    anchors = {a["id"]: a["text"] for a in water["anchors"]}
    assert {"art_1", "art_2"} <= anchors.keys()
    assert anchors["art_1__label"] == "第一条"  # the result's title
    assert not any("__para_" in key for key in anchors)
    # The extended build segments Chinese: 船舶 is a word of its own.
    assert "船舶" in water["content"].replace("\u200b", " ").split()
    # The page's tools are not text: the count of its "go to article N" tool
    # (共 2 条) would open every law's result and match every query for 条.
    assert 'class="ls-jump"' in page and "共 2 条" in page
    assert "共 2 条" not in water["content"].replace("\u200b", "")


def test_material_mode_keeps_material_search_with_jieba(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(_project(tmp_path, "material"), site, EPOCH)
    page = (site / "water" / "index.html").read_text(encoding="utf-8")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["zh"]
    assert 'data-md-component="search"' in page
    assert "ls-search-open" not in page
    assert not (site / "pagefind").exists()


def test_auto_mode_on_a_small_site_is_pagefind(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(_project(tmp_path, "auto"), site, EPOCH)
    assert not (site / "search" / "search_index.json").exists()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    # The ranking module Pagefind's UI imports, beside the glue.
    assert (site / "assets" / "lawsite" / "ranked" / "pagefind.js").is_file()


PAGE = (
    '<!doctype html><html lang="zh" class="no-js"><head><title>水源保护条例 - 测试</title></head><body>'
    '<nav class="md-nav">一千个链接</nav>'
    '<article class="md-content__inner md-typeset" data-pagefind-body><h1>水源保护条例</h1>'
    '<section class="ls-article" id="art_1"><div class="ls-para" id="art_1__para_1"><a class="ls-article__label" href="#art_1">第一条</a>　甲</div>'
    '<div class="ls-para" id="art_1__para_2">乙<div class="ls-item" id="art_1__para_2__item_1">（一）丙</div></div>'
    '<div class="ls-para" id="art_1__para_10">丁</div></section></article><footer>页脚</footer></body></html>'
)


def test_index_view_keeps_the_content_and_the_ids_the_glue_reads() -> None:
    view = search.index_view(PAGE)
    assert view is not None
    assert view.startswith('<!doctype html><html lang="zh"><head>')
    assert "一千个链接" not in view and "页脚" not in view  # the theme's frame is not read
    for text in ("水源保护条例", "第一条", "甲", "乙", "（一）丙", "丁"):
        assert text in view
    # Article ids stay (results per article) and labels get one (result titles);
    # paragraphs and items lose theirs (each would be a second copy of its text).
    assert 'id="art_1"' in view and '<span id="art_1__label"><a class="ls-article__label" href="#art_1">第一条</a></span>' in view
    assert "__para_" not in view and "__item_" not in view


def test_index_view_gives_the_label_and_caption_one_anchor() -> None:
    page = PAGE.replace("第一条</a>", '第一条</a><span class="ls-article__caption">（目的）</span>')
    view = search.index_view(page)
    assert view is not None
    assert '<span id="art_1__label"><a class="ls-article__label" href="#art_1">第一条</a><span class="ls-article__caption">（目的）</span></span>　甲' in view


def test_index_view_skips_a_page_without_marked_content() -> None:
    assert search.index_view("<html><body><article><h1>T</h1></article></body></html>") is None


def _laws_project(tmp_path: Path, count: int) -> Path:
    config = _project(tmp_path, "pagefind")
    for number in range(count):
        body = f"第一条 第{number}号条例的独有词语{'甲乙丙' * 200}。\n"
        (tmp_path / "content" / f"law-{number:02d}.md").write_text(
            f"---\nkind: law\nid: law-{number:02d}\ntitle: 第{number}号条例\n---\n\n{body}", encoding="utf-8"
        )
    return config


def test_a_large_site_is_indexed_in_shards_that_the_glue_merges(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "SHARD_BYTES", 6_000)  # a few pages per shard
    site = tmp_path / "site"
    build_site(_laws_project(tmp_path, 8), site, EPOCH)
    manifest = json.loads((site / "pagefind" / search.MANIFEST).read_text(encoding="utf-8"))
    shards = ["pagefind/", *manifest["shards"]]
    assert len(shards) >= 3 and shards[1] == "pagefind-2/"
    indexed: list[str] = []
    for folder in shards:
        bundle = site / folder
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        indexed += [f["url"] for f in _fragments_in(bundle)]
        assert sum(language["page_count"] for language in entry["languages"].values()) >= 1
        # Only the first shard carries the UI and the wasm; merged shards use them.
        assert (bundle / "pagefind-ui.js").is_file() == (folder == "pagefind/")
        assert not list(bundle.glob("wasm.*")) or folder == "pagefind/"
    assert not (site / "pagefind" / "pagefind-component-ui.js").exists()
    assert sorted(indexed) == sorted(set(indexed)), "each page in one shard only"
    assert {f"/law-{n:02d}/" for n in range(8)} | {"/water/", "/"} <= set(indexed)


def test_a_rebuild_with_fewer_shards_leaves_no_stale_bundle(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "pagefind-7").mkdir(parents=True)
    (site / "pagefind-7" / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    (site / "pagefind-9").mkdir()  # not a bundle: an editor's folder of that name stays
    (site / "pagefind-9" / "notes.txt").write_text("keep", encoding="utf-8")
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    result = search.index_site(site)
    assert result.problems == [] and result.page_count == 1 and result.shards == 1
    assert not (site / "pagefind-7").exists()
    assert (site / "pagefind-9" / "notes.txt").is_file()
    assert json.loads((site / "pagefind" / search.MANIFEST).read_text(encoding="utf-8")) == {"shards": []}


def test_a_bundle_that_pagefind_cut_short_fails_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bundle missing pages (or with an empty entry file, as a killed
    Pagefind leaves it) must fail the build rather than publish a search
    that finds nothing."""
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")

    class Truncating(subprocess.Popen):  # type: ignore[type-arg]
        def wait(self, timeout: float | None = None) -> int:
            code = super().wait(timeout)
            if "--output-path" in self.args:
                bundle = Path(self.args[self.args.index("--output-path") + 1])
                (bundle / "pagefind-entry.json").write_text("", encoding="utf-8")
            return code

    monkeypatch.setattr(search.subprocess, "Popen", Truncating)
    result = search.index_site(tmp_path)
    assert result.page_count == 0
    assert [p.code for p in result.problems] == ["search-index"]
    assert "unreadable bundle" in result.problems[0].message.render("en")


def test_the_next_shard_is_written_while_pagefind_indexes_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One Pagefind at a time, but never waited for before the next shard's
    pages are trimmed and written: the search phase's second core."""
    monkeypatch.setattr(search, "SHARD_BYTES", 6_000)
    site = tmp_path / "site"
    build_site(_laws_project(tmp_path, 8), site, EPOCH)
    events: list[str] = []
    write, start, result = search._write_shards, search._run_pagefind, search._PagefindRun.result

    def written(*args: object) -> Iterator[tuple[int, int, str]]:
        for number, shard in enumerate(write(*args), start=1):  # type: ignore[arg-type]
            events.append(f"written {number}")
            yield shard

    def started(exe: Path, source: Path, bundle: Path, pages: int) -> search._PagefindRun:
        events.append(f"start {source.name}")
        return start(exe, source, bundle, pages)

    def finished(run: search._PagefindRun) -> object:
        assert sum(e.startswith("start") for e in events) == sum(e.startswith("finish") for e in events) + 1  # one at a time
        events.append(f"finish {run.bundle.name}")
        return result(run)

    monkeypatch.setattr(search, "_write_shards", written)
    monkeypatch.setattr(search, "_run_pagefind", started)
    monkeypatch.setattr(search._PagefindRun, "result", finished)
    indexed = search.index_site(site)
    assert indexed.problems == [] and indexed.shards >= 3
    assert events[:5] == ["written 1", "start 1", "written 2", "finish pagefind", "start 2"]
    assert events[-1] == f"finish pagefind-{indexed.shards}"


def test_a_shards_trimmed_pages_are_removed_once_it_is_indexed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scratch holds the shard being written and the one being indexed,
    never more (it is memory where there is room for it)."""
    monkeypatch.setattr(search, "SHARD_BYTES", 6_000)
    site = tmp_path / "site"
    build_site(_laws_project(tmp_path, 8), site, EPOCH)
    held: list[list[str]] = []
    write = search._write_shards

    def written(site_dir: Path, pages: list[Path], scratch: Path, limit: int) -> Iterator[tuple[int, int, str]]:
        for shard in write(site_dir, pages, scratch, limit):
            held.append(sorted(p.name for p in scratch.iterdir()))  # a shard written, the one before still indexed
            yield shard

    monkeypatch.setattr(search, "_write_shards", written)
    indexed = search.index_site(site)
    assert indexed.problems == [] and indexed.shards >= 3
    assert held == [["1"], *([str(n - 1), str(n)] for n in range(2, indexed.shards + 1))]


def test_trimmed_pages_go_to_memory_only_where_there_is_room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memory = tmp_path / "shm"
    memory.mkdir()
    page = tmp_path / "index.html"
    page.write_text(PAGE, encoding="utf-8")
    monkeypatch.setattr(search, "MEMORY_SCRATCH", memory)
    monkeypatch.delenv("TMPDIR", raising=False)
    monkeypatch.setattr(search, "_MEMORY_SPARE", 0)
    assert search._scratch_parent([page]) == str(memory)
    free = os.statvfs(memory)
    monkeypatch.setattr(search, "_MEMORY_SPARE", free.f_bavail * free.f_frsize)  # no room left beside it
    assert search._scratch_parent([page]) is None
    monkeypatch.setattr(search, "_MEMORY_SPARE", 0)
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the temporary folder someone chose
    assert search._scratch_parent([page]) is None
    monkeypatch.delenv("TMPDIR")
    monkeypatch.setattr(search, "MEMORY_SCRATCH", tmp_path / "none")  # no such folder (not Linux)
    assert search._scratch_parent([page]) is None


def test_a_shard_that_cannot_be_written_stops_the_pagefind_run_under_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "SHARD_BYTES", 6_000)
    site = tmp_path / "site"
    build_site(_laws_project(tmp_path, 8), site, EPOCH)
    runs: list[search._PagefindRun] = []
    start, view = search._run_pagefind, search.index_view
    monkeypatch.setattr(search, "_run_pagefind", lambda *args: runs.append(start(*args)) or runs[-1])

    def failing_view(html: str) -> str | None:
        if runs:
            raise OSError("disk full")
        return view(html)

    monkeypatch.setattr(search, "index_view", failing_view)
    with pytest.raises(OSError, match="disk full"):
        search.index_site(site)
    assert len(runs) == 1 and runs[0].process.returncode is not None  # ended, not left running
    assert runs[0].output.closed


def _fragments_in(bundle: Path) -> list[dict]:
    out = []
    for path in (bundle / "fragment").iterdir():
        raw = gzip.decompress(path.read_bytes())
        out.append(json.loads(raw[raw.index(b"{"):]))
    return out


def test_lawsite_build_indexes_once_mkdocs_has_ended(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`lawsite build` runs MkDocs in a process of its own, which leaves the
    index to it (DEFER_ENV); the published site has the bundle all the same."""
    from lawsite.cli import main

    config = _project(tmp_path, "pagefind")
    assert main(["-f", str(config), "build", "-d", str(tmp_path / "out")]) == 0
    assert "search index: 2 pages in 1 part(s)" in capsys.readouterr().out
    assert {f["url"] for f in _fragments(tmp_path / "out")} == {"/", "/water/"}
    assert search.DEFER_ENV not in os.environ  # only the MkDocs process had it


def test_two_builds_of_a_sharded_site_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """tests/build proves it for the sample (Material's search); the same
    holds with the Pagefind shards."""
    import hashlib

    monkeypatch.setattr(search, "SHARD_BYTES", 6_000)
    config = _laws_project(tmp_path, 8)

    def digest(site: Path) -> dict[str, str]:
        return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}

    build_site(config, tmp_path / "one", EPOCH)
    build_site(config, tmp_path / "two", EPOCH)
    one, two = digest(tmp_path / "one"), digest(tmp_path / "two")
    assert (tmp_path / "one" / "pagefind-2").is_dir()
    assert one == two


def test_mark_page_carries_the_rank_as_a_pagefind_filter() -> None:
    page = HEADER.format(inner="<div>T</div>")
    assert 'data-pagefind-body data-pagefind-filter="rank:past">' in search.mark_page(page, "", search.RANK_PAST)
    assert "data-pagefind-filter" not in search.mark_page(page, "")


def test_a_replaced_reading_its_notice_and_interpretation_rank_past_and_the_latest_does_not() -> None:
    from lawsite.gather.site import Site
    from lawsite.model import Document, Kind, Source

    def doc(doc_id: str, kind: Kind, **links: str) -> Document:
        return Document(Source(f"{doc_id}.md", ""), kind, doc_id, doc_id, "", 1, **links)

    first, second = doc("r1", Kind.DRAFT), doc("r2", Kind.DRAFT, previous="r1")
    notice, interpretation = doc("n1", Kind.NOTICE, concerns="r1"), doc("i1", Kind.INTERPRETATION, interprets="r1")
    later = doc("n2", Kind.NOTICE, concerns="r2")
    site = Site(documents={d.id: d for d in (first, second, notice, interpretation, later)})
    assert [search.search_rank(site, d) for d in (first, notice, interpretation)] == [search.RANK_PAST] * 3
    assert [search.search_rank(site, d) for d in (second, later, None)] == [None, None, None]


def test_index_view_labels_interpretation_and_redline_entries() -> None:
    interpretation = PAGE.replace(
        '<section class="ls-article" id="art_1"><div class="ls-para" id="art_1__para_1"><a class="ls-article__label" href="#art_1">',
        '<section class="ls-article" id="art_1"><div class="ls-para" id="art_1__para_1"><a class="ls-article__label" href="../../drafts/d/#art_1">',
    )
    assert '<span id="art_1__label"><a class="ls-article__label" href="../../drafts/d/#art_1">第一条</a></span>' in (search.index_view(interpretation) or "")
    redline = PAGE.replace(
        '<h1>水源保护条例</h1>',
        '<h1>对照</h1><section class="ls-rl" id="rl-art_7"><h2><span class="ls-rl__labels"><a href="a/#art_6">第六条</a><span class="ls-rl__arrow" aria-label="改为">→</span><a href="b/#art_7">第七条</a></span></h2>甲</section>'
        '<li id="rl-art_8">乙</li><li id="rl-art_9"><span class="ls-rl__labels"><a href="b/#art_9">第九条</a></span>丙</li>',
    )
    view = search.index_view(redline) or ""
    assert '<span id="rl-art_7__label"><span class="ls-rl__labels"><a href="a/#art_6">第六条</a>' in view
    assert '<span id="rl-art_9__label"><span class="ls-rl__labels"><a href="b/#art_9">第九条</a></span></span>' in view
    assert "rl-art_8__label" not in view  # an entry without labels keeps none (not its neighbour's)


def test_index_view_lightens_the_suggestions_a_contact_point_page_quotes() -> None:
    page = PAGE.replace("<h1>水源保护条例</h1>", '<h1>联系点</h1><ul class="ls-suggs"><li>前</li></ul><div class="ls-point-record"><ul class="ls-suggs"><li>后</li></ul></div>')
    view = search.index_view(page) or ""
    assert f'<div class="ls-point-record"><ul class="ls-suggs" data-pagefind-weight="{search.QUOTED_WEIGHT}"><li>后' in view
    assert '<h1>联系点</h1><ul class="ls-suggs"><li>前' in view


def test_an_unchanged_shard_takes_its_bundle_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ShardCache: the second index of the same pages runs no Pagefind and
    writes the same bundles; a changed page indexes its own shard again only;
    the cache then holds this index's shards and no others."""
    monkeypatch.setattr(search, "SHARD_BYTES", 6_000)
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_site(_laws_project(tmp_path, 8), site, EPOCH)
    first = search.index_site(site, cache=cache)
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.glob("pagefind*/**/*")) if p.is_file()}
    runs: list[str] = []
    run = search._run_pagefind
    monkeypatch.setattr(search, "_run_pagefind", lambda exe, source, bundle, pages: runs.append(bundle.name) or run(exe, source, bundle, pages))
    assert search.index_site(site, cache=cache) == first and runs == []
    assert {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.glob("pagefind*/**/*")) if p.is_file()} == before
    page = site / "law-03" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("第3号条例的独有词语", "第3号条例的新词语"), encoding="utf-8")
    assert search.index_site(site, cache=cache).page_count == first.page_count
    assert len(runs) == 1
    assert len([d for d in cache.iterdir() if d.is_dir()]) == first.shards


def test_a_kept_bundle_is_linked_where_it_can_be_and_copied_where_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ShardCache keeps a bundle as second names of its files (the same
    inodes) on the same filesystem; across filesystems (os.link refused)
    it copies them, and a second index still takes them from the cache."""
    monkeypatch.setattr(search, "SHARD_BYTES", 6_000)
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_site(_laws_project(tmp_path, 4), site, EPOCH)
    search.index_site(site, cache=cache)
    kept = next(d for d in cache.iterdir() if d.is_dir())
    entry = kept / "pagefind-entry.json"
    bundles = [site / search.shard_folder(n) / "pagefind-entry.json" for n in range(1, 5)]
    assert entry.stat().st_ino in {b.stat().st_ino for b in bundles if b.exists()}

    def cross_device(source: object, target: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(search.os, "link", cross_device)
    other = tmp_path / "other-cache"
    first = search.index_site(site, cache=other)
    entries = [d / "pagefind-entry.json" for d in other.iterdir() if d.is_dir()]
    assert entries and not {e.stat().st_ino for e in entries} & {b.stat().st_ino for b in bundles if b.exists()}
    monkeypatch.setattr(search, "_run_pagefind", lambda *args: pytest.fail("indexed again"))
    assert search.index_site(site, cache=other) == first


def test_a_pagefind_that_fails_fails_the_index_with_its_last_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its exit status is a problem naming the bundle, with the last lines it
    printed (read from the end of its output, however much came before)."""
    import pagefind_bin_extended

    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text(PAGE, encoding="utf-8")
    failing = tmp_path / "pagefind"
    failing.write_text("#!/bin/sh\nyes 'Indexing…' | head -n 200000\necho 'Error: out of disk space' >&2\nexit 3\n", encoding="utf-8")
    failing.chmod(0o755)
    monkeypatch.setattr(pagefind_bin_extended, "get_executable", lambda: str(failing))
    result = search.index_site(tmp_path / "site")
    assert result.page_count == 0 and [p.code for p in result.problems] == ["search-index"]
    said = result.problems[0].message.render("en")
    assert "pagefind" in said and "Error: out of disk space" in said
