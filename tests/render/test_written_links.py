"""Links an editor writes in a draft's or law's text (`[第三条](../laws/x.md#art_3)`)
are published as MkDocs publishes links in the Markdown it converts: to the
page a `.md` file becomes, to the copied file otherwise. The text is
converted by lawsite (render/inline.py) and passes MkDocs by, so without this
the page carried `../laws/x.md`, which is no address on the site. A link to
nothing is named by `check`, line and all, and published as its text alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_site
from lawsite.gather.site import load_site
from lawsite.urls import SiteUrls
from site_links import site_problems

DRAFT = """---
kind: draft
id: test-draft
title: 测试条例（草案）
published: 2026-04-28
comments:
  opens: 2026-05-01
  closes: 2026-05-31
  email: fgw@example.gov.cn
---

第一条　参照[水法第三条](../laws/water.md#art_3)、[附图](../files/map.png)和[网上的说明](https://www.example.gov.cn/a.html)。

第二条　本条例自公布之日起施行，见[没有的文件](../laws/gone.md)与[外面](../../etc/passwd)。
"""

LAW = """---
kind: law
id: water-law
title: 水法
---

第一条　为了测试，制定本法。

第二条　内容。

第三条　本法自公布之日起施行。
"""

INTERPRETATION = """---
kind: interpretation
id: test-interpretation
title: 测试条例解读
interprets: test-draft
published: 2026-04-28
---

## 第一条

这一条参照[水法](../../laws/water.md)。
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("written-links")
    content = root / "content"
    files = {"drafts/test.md": DRAFT, "laws/water.md": LAW, "interpretations/2026/test.md": INTERPRETATION, "index.md": "# 首页\n"}
    for rel, text in files.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")
    (content / "files").mkdir()
    (content / "files" / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: 链接测试\nsite_url: https://lawsite.example.gov.cn/\ndocs_dir: content\n"
        "theme:\n  name: material\n  language: zh\n  font: false\nplugins:\n  - lawsite:\n      search: material\n",
        encoding="utf-8",
    )
    build_site(config, root / "site", 1_790_000_000)
    return content, root / "site"


def test_links_in_the_text_lead_where_the_files_are_published(built: tuple[Path, Path]) -> None:
    _, site = built
    page = (site / "drafts" / "test" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../laws/water/#art_3"' in page
    assert 'href="../../files/map.png"' in page
    assert 'href="https://www.example.gov.cn/a.html"' in page
    assert ".md" not in page.split('class="md-content"')[1].split("</article>")[0]
    poster = next((site / "posters").glob("*/index.html")).read_text(encoding="utf-8")
    assert 'href="../../laws/water/#art_3"' in poster


def test_an_interpretations_links_and_those_of_the_text_it_quotes_are_read_from_their_own_files(built: tuple[Path, Path]) -> None:
    _, site = built
    page = (site / "interpretations" / "2026" / "test" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../laws/water/"' in page  # its own, written from interpretations/2026/
    assert 'href="../../../laws/water/#art_3"' in page  # the draft's article, written from drafts/


def test_a_link_to_nothing_keeps_its_text_and_is_named_by_check(built: tuple[Path, Path]) -> None:
    content, site = built
    page = (site / "drafts" / "test" / "index.html").read_text(encoding="utf-8")
    assert '<a rel="noopener noreferrer">没有的文件</a>' in page and '<a rel="noopener noreferrer">外面</a>' in page
    assert site_problems(site, "https://lawsite.example.gov.cn/") == []
    broken = [p for p in load_site(content).problems if p.code == "broken-link"]
    assert [(p.path, p.line, p.is_error) for p in broken] == [("drafts/test.md", 14, False)] * 2
    assert "../laws/gone.md" in broken[0].message.render("zh") and "内容文件夹之外" in broken[1].message.render("zh")


@pytest.mark.parametrize(
    ("href", "published"),
    [
        ("../laws/water.md#art_3", "../../laws/water/#art_3"),
        ("../laws/water.md", "../../laws/water/"),
        ("water.md", None),  # drafts/water.md: no such page
        ("../files/map%20a.png", "../../files/map%20a.png"),
        ("../files/地图.png", "../../files/地图.png"),
        ("https://example.org/x.md", "https://example.org/x.md"),
        ("mailto:a@example.org", "mailto:a@example.org"),
        ("#art_2", "#art_2"),
        ("/laws/water/", "/laws/water/"),
        ("../../outside.md", None),
    ],
)
def test_a_written_link_as_published_from_a_page(href: str, published: str | None) -> None:
    links = SiteUrls({"water-law": "laws/water/"}).at("drafts/test/")
    assert links.to_content(href, "drafts/test.md", {"laws/water.md": "water-law"}.get) == published
