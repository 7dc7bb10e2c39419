"""One walk of content/ that follows no link, for pages, links and static
files alike; and pages MkDocs renders from suffixes lawsite does not read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hostile.bounds import assert_refused_within_bounds, run_bounded, site_with
from lawsite.settings import Settings
from lawsite.gather.site import load_site

LINKS = {
    "sub/up": ("..", "link-loop"),  # an ancestor
    "self": (".", "link-loop"),
    "loop1": ("loop2", "link-broken"),  # a circle (loop2 → loop1 made below)
    "out": ("../../outside", "link-outside"),  # a folder out of the tree
}


def _codes(content: Path) -> dict[str, str]:
    return {p.path: p.code for p in load_site(content, Settings()).problems}


@pytest.mark.parametrize("link", LINKS)
def test_a_bad_link_hides_no_code_file_from_check(tmp_path: Path, link: str) -> None:
    # check skipped the whole static-file policy once its walk met a link loop
    content = tmp_path / "site" / "content"
    (content / "sub").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "evil.js").write_text("alert(1)\n", encoding="utf-8")
    (content / "a.md").write_text("# a\n", encoding="utf-8")
    (content / "sub" / "run.js").write_text("alert(1)\n", encoding="utf-8")
    target, code = LINKS[link]
    os.symlink(target, content / link)
    if link == "loop1":
        os.symlink("loop1", content / "loop2")
    codes = _codes(content)
    assert codes.get(link) == code and codes.get("sub/run.js") == "code-file"
    assert not any("evil" in path for path in codes)  # nothing behind a link is walked


def test_a_file_linked_inside_the_tree_is_checked_under_the_name_it_is_served_by(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("<script>alert(1)</script>\n", encoding="utf-8")
    os.symlink("notes.txt", tmp_path / "page.html")
    assert _codes(tmp_path) == {"page.html": "code-file"}


def test_a_capital_suffix_is_a_static_file_as_mkdocs_copies_it(tmp_path: Path) -> None:
    # MkDocs' page test is case-sensitive: x.MD is copied as it is, never rendered
    (tmp_path / "x.MD").write_text("<script>alert(1)</script>\n", encoding="utf-8")
    assert _codes(tmp_path) == {"x.MD": "code-file"}


PAGE = "---\ntitle: t\n---\n\n[x](javascript:alert(1))\n"


@pytest.mark.parametrize("suffix", [".markdown", ".mdown", ".mkdn", ".mkd"])
def test_a_page_of_another_markdown_suffix_is_refused_with_the_name_to_use(tmp_path: Path, suffix: str) -> None:
    (tmp_path / f"guide{suffix}").write_text(PAGE, encoding="utf-8")
    (problem,) = load_site(tmp_path, Settings()).problems
    assert (problem.path, problem.code, problem.is_error, problem.hint.render("en") if problem.hint else None) == (f"guide{suffix}", "page-suffix", True, "rename it to guide.md")


def test_the_build_refuses_a_markdown_page_it_would_not_check(tmp_path: Path) -> None:
    config = site_with(tmp_path, {"index.md": "# home\n", "guide.markdown": PAGE})
    assert_refused_within_bounds(run_bounded(config, "check"), "guide.markdown", "page-suffix")
    assert_refused_within_bounds(run_bounded(config, "build", "-d", str(tmp_path / "site")), "guide.markdown", "page-suffix")
    assert not (tmp_path / "site").exists()
