"""Raw HTML may not carry what lawsite's own scripts read (issue 16): the
sanitiser strips it, `check` names it; and every way Python-Markdown accepts
a reference definition is checked for unsafe URLs like any other link."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from conftest import build_site
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hostile.bounds import check_bounded
from hostile.htmlscan import URL_ATTRIBUTES, scan_html, unsafe_url
import lawsite.gather.site as site_module
from lawsite.model import Source
from lawsite.parse.safety import SCRIPT_ATTRIBUTES, SCRIPT_IDS, source_problems
from lawsite.finish.harden import sanitize_page

HEAD = "---\ntitle: 页面\n---\n\n"  # the body starts on line 5
FLAGGED = {"unsafe-url", "script-attribute"}
EXTENSIONS = ["attr_list", "md_in_html", "tables"]

# Each shape: did it get through `check` before issue 16? (True: it did.)
SHAPES = {
    "next-line (the issue's)": ("[r]:\n    javascript:alert(1)\n\n[x][r]", True),
    "empty label": ("[]: javascript:alert(1)\n\n[x][]", True),
    "in a block quote": ("> [r]: javascript:alert(1)\n>\n> [x][r]", True),
    "quoted, next line": ("> [r]:\n>     javascript:alert(1)\n>\n> [x][r]", True),
    "in a list item": ("- [r]: javascript:alert(1)\n\n[x][r]", True),
    "title on the line after": ('[r]:\n  javascript:alert(1)\n  "t"\n\n[x][r]', True),
    "angle brackets": ("[r]: <javascript:alert(1)>\n\n[x][r]", False),
    "tab and entity": ("[r]:\t&#106;avascript:alert(1)\n\n[x][r]", False),
    "named entity colon": ("[r]: javascript&colon;alert(1)\n\n[x][r]", False),
    "nested brackets in the text": ("[a [b] c](javascript:alert(1))", False),
    "attribute list on a link": ('[x](https://ok.example){: href="javascript:alert(1)" }', False),
    "newline inside ( )": ("[x](\n javascript:alert(1))", False),
    "data-ls-form (the issue's)": ('<div data-ls-basket data-ls-form="javascript:alert(1)">x</div>', True),
    "data-ls-email (the issue's)": ('<div data-ls-basket data-ls-email="evil@evil.example">x</div>', True),
    "upper case": ('<DIV DATA-LS-EMAIL="evil@evil.example">x</DIV>', True),
    "through an attribute list": ('段落\n{: data-ls-form="javascript:alert(1)" }', True),
    "space inside < >": ("[x](< data:text/html,x>)", True),  # found by the property below
    "quoted, URL on the next line": ("> [x](\n> javascript:alert(1))", True),  # found by the property below
    "id the search script looks up": ("## 搜索 {: #ls-search }", True),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_each_shape_is_flagged_with_its_line(name: str) -> None:
    body, _ = SHAPES[name]
    problems = [p for p in source_problems(Source("p.md", HEAD + "第一段。\n\n" + body + "\n")) if p.code in FLAGGED]
    assert problems and all(p.path == "p.md" and p.is_error and 7 <= p.line <= 7 + body.count("\n") for p in problems), problems


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_the_sanitiser_alone_defuses_each_shape(name: str) -> None:
    html = sanitize_page(markdown.markdown(SHAPES[name][0], extensions=EXTENSIONS))
    assert scan_html(html).findings == [] and _script_attributes(html) == []


def test_the_attribute_names_come_from_the_scripts() -> None:
    assert {"data-ls-form", "data-ls-email", "data-ls-basket", "data-ls-subject", "data-ls-deadline"} <= SCRIPT_ATTRIBUTES
    assert "ls-search" in SCRIPT_IDS


def test_a_file_of_every_shape_is_checked_within_the_bounds(tmp_path: Path) -> None:
    one = "\n\n".join(body for body, _ in SHAPES.values()) + "\n\n"
    (tmp_path / "p.md").write_text(HEAD + one * (300_000 // len(one)), encoding="utf-8")  # 300 KB, ~6,000 problems
    result = check_bounded(tmp_path)
    assert len([p for p in result.problems if p[3] in FLAGGED]) >= 300_000 // len(one) * len(SHAPES)


# --- property: whatever Python-Markdown makes a script URL or a script attribute, check flags -------


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [(name, value or "") for name, value in attrs]


def _attributes(html: str) -> list[tuple[str, str]]:
    parser = _Attributes()
    parser.feed(html)
    parser.close()
    return parser.found


def _script_attributes(html: str) -> list[tuple[str, str]]:
    return [(n, v) for n, v in _attributes(html) if n in SCRIPT_ATTRIBUTES or (n == "id" and v in SCRIPT_IDS)]


@st.composite
def script_url(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["javascript:alert(1)", "vbscript:msgbox(1)", "data:text/html,x"]))
    out = []
    for char in scheme:
        char = draw(st.sampled_from([char, char.upper()])) if char.isalpha() else char
        out.append(draw(st.sampled_from([char, char, f"&#{ord(char)};", f"&#x{ord(char):x};"])))
    return draw(st.sampled_from(["", "&#9;", " "])) + "".join(out)


@st.composite
def hostile_block(draw: st.DrawFn) -> str:
    url, label = draw(script_url()), draw(st.sampled_from(["r", "", "a b", "R"]))
    gap = draw(st.sampled_from([" ", "\t", "\n", "\n    ", "  \n  ", " \n"]))
    title = draw(st.sampled_from(["", ' "t"', "\n  't'", " (t)"]))
    block = draw(st.sampled_from([
        f"[{label}]:{gap}{url}{title}\n\n[x][{label}]",
        f"[{label}]:{gap}<{url}>{title}\n\n[x][{label}]",
        f"[x]({url})", f"[x](<{url}>)", f"[x]({gap}{url}{title})", f"![x]({url})", f"[a [b] c]({url})",
        f'<a href="{url}">x</a>', f"<a href={url}>x</a>",
        f'[x](https://ok.example){{: href="{url}" }}',
        f'<div {draw(st.sampled_from(sorted(SCRIPT_ATTRIBUTES)))}="{url}">x</div>',
        f'段落\n{{: {draw(st.sampled_from(["data-ls-form", "data-ls-email", "data-LS-subject"]))}="{url}" }}',
        f"## 标题 {{: #{draw(st.sampled_from(sorted(SCRIPT_IDS)))} }}",
    ]))
    prefix = draw(st.sampled_from(["", "> ", "- ", "1. "]))
    return "\n".join(prefix + line if line else prefix.rstrip() for line in block.split("\n"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_block(), min_size=1, max_size=3), st.sampled_from(["\n\n", "\n"]))
@example(["[r]:\n    javascript:alert(1)\n\n[x][r]"], "\n\n")
@example(['<div data-ls-basket data-ls-form="javascript:alert(1)" data-ls-email="evil@evil.example">x</div>'], "\n\n")
def test_what_markdown_makes_unsafe_check_flags_and_the_sanitiser_removes(blocks: list[str], joint: str) -> None:
    body = joint.join(blocks) + "\n"
    html = markdown.markdown(body, extensions=EXTENSIONS)
    unsafe = [(n, v) for n, v in _attributes(html) if n in URL_ATTRIBUTES and unsafe_url(v)] + _script_attributes(html)
    if unsafe:
        codes = {p.code for p in source_problems(Source("p.md", HEAD + body))}
        assert codes & FLAGGED, f"Markdown made {unsafe} from {body!r}; check said nothing"
    cleaned = sanitize_page(html)
    assert scan_html(cleaned).findings == [] and _script_attributes(cleaned) == []


# --- the built site ------------------------------------------------------------------------------

DRAFT = """---
kind: draft
id: d
title: 草案
published: 2026-01-01
comments:
  opens: 2026-01-01
  closes: 2099-12-31
  email: fgw@example.org
  form: https://forms.example.org/yj?doc={doc}
---

<div data-ls-basket data-ls-doc="d" data-ls-email="evil@evil.example" data-ls-form="javascript:alert(1)" data-ls-subject="x"><div data-ls-basket-body></div></div>

第一条　内容。

第二条　内容。
"""


def test_a_built_draft_keeps_lawsites_basket_and_drops_the_forged_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "content" / "drafts").mkdir(parents=True)
    (tmp_path / "content" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (tmp_path / "content" / "drafts" / "d.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nsite_url: https://lawsite.example.org/\ndocs_dir: content\ntheme: {name: material}\nplugins:\n  - lawsite\n", encoding="utf-8"
    )
    assert "script-attribute" in {p.code for p in source_problems(Source("drafts/d.md", DRAFT))}
    # `check` refuses the forged basket; to judge the sanitiser alone, build with its problems ignored.
    monkeypatch.setattr(site_module, "source_problems", lambda source, split=None: [])
    site_module.forget_parsed()
    try:
        build_site(tmp_path / "mkdocs.yml", tmp_path / "site", 1_790_000_000)
    finally:
        site_module.forget_parsed()
    page = (tmp_path / "site" / "drafts" / "d" / "index.html").read_text(encoding="utf-8")
    names = [n for n, _ in _attributes(page)]
    values = dict(_attributes(page))
    assert names.count("data-ls-basket") == 1 and names.count("data-ls-email") == 1
    assert values["data-ls-email"] == "fgw@example.org" and values["data-ls-form"].startswith("https://forms.example.org/")
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "data-ls-banner" in home and "data-ls-deadline" in home  # the listing's own banners are kept
