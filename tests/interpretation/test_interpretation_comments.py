"""No dead end on an interpretation page: while the draft it explains is
open, each explained article has the draft page's own 提意见 entry (the same
links, built by the same code) and the page carries the draft's banner; once
the draft has closed there is no entry, and the banner and a link to the
outcome (the notice) stand instead."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import REPO, build_site

DRAFT_PAGE = "drafts/property-r2"
INTERP_PAGE = "interpretations/property-r2-interpretation"
ENTRY = re.compile(r'<details class="ls-comment"[^>]*data-ls-comment>.*?</details>', re.S)
# A notice on the second reading, for the site built after it has closed.
NOTICE = """---
kind: notice
id: qingchuan-property-2026-r2-feedback
title: 《青川市物业管理条例（草案二审稿）》公开征求意见采纳情况的说明
concerns: qingchuan-property-2026-r2
published: 2028-08-01
received: 12
suggestions:
  - article: 第一条
    from: 网民
    count: 3
    text: 同意立法目的。
    outcome: adopted
    reason: 已保留。
---

说明正文。
"""
AFTER_CLOSE = "2028-07-15T12:00:00+08:00"  # the second reading closes 2028-06-30


def page_html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def entries_by_article(html: str) -> dict[str, str]:
    """Article id → its entry's HTML (the article's div or section holds it)."""
    found: dict[str, str] = {}
    for match in re.finditer(r'<(?:section|div) class="ls-(?:article|interp__article)[^"]*" id="(art_\d+)">', html):
        entry = ENTRY.search(html, match.end())
        next_article = re.compile(r'class="ls-(?:article|interp__article)[^"]*" id="art_').search(html, match.end())
        if entry and (next_article is None or entry.start() < next_article.start()):
            found[match.group(1)] = entry.group(0)
    return found


def test_each_explained_article_has_the_drafts_own_entry_while_open(sample_site: Path) -> None:
    interpretation = page_html(sample_site, INTERP_PAGE)
    on_interpretation = entries_by_article(interpretation)
    on_draft = entries_by_article(page_html(sample_site, DRAFT_PAGE))
    explained = set(re.findall(r'class="ls-interp__article" id="(art_\d+)"', interpretation))
    assert len(explained) == 19 and set(on_interpretation) == explained
    for article, entry in on_interpretation.items():
        assert entry == on_draft[article], article  # same channels, same links (the permalink is the draft's)
    assert "%2Fdrafts%2Fproperty-r2%2F%23art_1" in on_interpretation["art_1"]
    assert 'data-ls-banner' in interpretation and "正在征求意见" in interpretation  # lawsite.js closes them by the clock
    assert "ls-draft-outcome" not in interpretation


@pytest.fixture(scope="module")
def closed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site with a notice on the second reading, built after it has closed."""
    folder = tmp_path_factory.mktemp("closed-interpretation")
    content = folder / "content"
    shutil.copytree(REPO / "content", content)
    (content / "notices" / "property-r2-feedback.md").write_text(NOTICE, encoding="utf-8")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(content)
    config["theme"]["custom_dir"] = str(REPO / "theme")
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    build_site(folder / "mkdocs.yml", folder / "site", int(dt.datetime.fromisoformat(AFTER_CLOSE).timestamp()))
    return folder / "site"


def test_closed_draft_no_entry_but_the_outcome(closed_site: Path) -> None:
    interpretation = page_html(closed_site, INTERP_PAGE)
    assert "data-ls-comment" not in interpretation and "ls-intake" not in interpretation
    assert "ls-banner--closed" in interpretation and "征求意见已结束" in interpretation
    outcome = re.search(r'<a class="ls-draft-outcome__link" href="([^"]+)">', interpretation)
    assert outcome and outcome.group(1) == "../../notices/property-r2-feedback/"
    assert "收到意见 12 条" in re.sub(r"<[^>]+>", "", interpretation)  # the draft's own outcome line
