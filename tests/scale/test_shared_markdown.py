"""One Markdown instance for the law pages a process renders
(shared_markdown.py): each page, rendered after others with it, gets what
MkDocs' own `Page.render` gives it: content, table of contents, title, the
ids a link may point to and the links to other pages' anchors."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from lawsite.shared_markdown import SharedMarkdown

PAGES = {
    # What a law page hands Markdown: headings (with ids, escaped as render/legal.py
    # escapes them) and the placeholders of its stashed HTML.
    "law-a.md": "lsstashabcn0\n\n## 第一章 总则 {#chp_1}\n\nlsstashabcn1\n\n### 第一节 一般规定 {#chp_1__sec_1}\n\nlsstashabcn2\n\n## 第二章 附\\_则 &amp; \\*其他\\* {#chp_2}\n",
    "law-b.md": "## 第一章 总则 {#chp_1}\n\n一、制度工作时间的计算\n\n<div id=\"raw-id\">raw</div>\n\n[下一件](law-a.md#chp_2) and [here](#chp_1)\n",
    # State one page could leave behind for the next: a title, a footnote,
    # an abbreviation, a reference link, a heading without an id.
    "other.md": "# 页面标题\n\n正文[^1] 与 HTML。\n\n*[HTML]: 超文本\n\n[ref]: law-b.md#chp_1\n\n见 [ref]。\n\n## 没有编号的标题\n\n```python\nprint('x')\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[^1]: 注释。\n",
    "law-c.md": "## 没有编号的标题\n\nHTML 与 ref。\n\n## 没有编号的标题\n",
}

CONFIG = """site_name: 测试
docs_dir: docs
theme:
  name: material
validation:
  anchors: warn
markdown_extensions:
  - attr_list
  - tables
  - abbr
  - footnotes
  - toc:
      permalink: {permalink}
  - pymdownx.highlight:
      use_pygments: true
  - pymdownx.superfences
"""


def _toc(toc: TableOfContents | list) -> list:
    return [(item.level, item.id, item.title, _toc(item.children)) for item in toc]


def _rendered(page: Page) -> tuple:
    links = {file.src_uri: links for file, links in (page.links_to_anchors or {}).items()}
    return page.content, _toc(page.toc), page._title_from_render, page.present_anchor_ids, links


@pytest.mark.parametrize("permalink", ["false", "true"])
def test_each_page_gets_what_mkdocs_own_render_gives(tmp_path: Path, permalink: str) -> None:
    (tmp_path / "docs").mkdir()
    for name, text in PAGES.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(CONFIG.format(permalink=permalink), encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = get_files(config)
    get_navigation(files, config)
    pages = [file.page for file in files.documentation_pages()]
    assert len(pages) == len(PAGES)
    for page in pages:
        page.read_source(config)
    own = {}
    for page in pages:
        page.render(config, files)
        own[page.file.src_uri] = _rendered(page)
    shared = SharedMarkdown()
    for _ in range(2):  # every page after every other, in both orders
        for page in [*pages, *reversed(pages)]:
            with shared.rendering(page):
                page.render(config, files)
            assert "render" not in vars(page)  # the class's render again, afterwards
            assert _rendered(page) == own[page.file.src_uri], page.file.src_uri
    assert own["law-b.md"][3] >= {"chp_1", "raw-id"} and own["law-b.md"][4] == {"law-a.md": {"chp_2": "law-a.md#chp_2"}, "law-b.md": {"chp_1": "#chp_1"}}
    assert own["other.md"][2] == "页面标题"
