"""Files copied from content/ as they are must not be able to run script on
the site's origin (issue 16): the policy of parse/static_files.py, on what
`check` walks and on what MkDocs really copies in `build` and `serve`."""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from hostile.bounds import Checked, assert_within_bounds, check_all_bounded
from lawsite.parse.static_files import ACTIVE_SUFFIXES, INERT_SUFFIXES, svg_data_problem, static_file_problem
from lawsite.settings import Settings
from lawsite.gather.site import load_site

pytestmark = pytest.mark.usefixtures("english")  # asserts on English texts

SVG = "http://www.w3.org/2000/svg"
XHTML = "http://www.w3.org/1999/xhtml"
XLINK = "http://www.w3.org/1999/xlink"
JS = "javascript:alert(document.domain)"

# The three reproducers, and the further shapes tried (all got
# through the old check, a regex over the text, except plain <script> and on*=).
REFUSED_FILES = {
    "data/feed.xml": f'<?xml version="1.0"?><root xmlns:x="{XHTML}"><x:script>alert(1)</x:script></root>',
    "img/prefixed.svg": f'<s:svg xmlns:s="{SVG}"><s:script>alert(1)</s:script></s:svg>',
    "img/animate.svg": f'<svg xmlns="{SVG}"><a><animate attributeName="href" values="&#106;avascript:alert(1)"/><text y="9">x</text></a></svg>',
    "img/set.svg": f'<svg xmlns="{SVG}"><a><set attributeName="href" to="&#x6A;avascript:alert(1)"/><text>x</text></a></svg>',
    "img/xhtml-in-svg.svg": f'<svg xmlns="{SVG}"><foreignObject><div xmlns="{XHTML}"><img src="x" onerror="alert(1)"/></div></foreignObject></svg>',
    "img/use.svg": f'<svg xmlns="{SVG}" xmlns:l="{XLINK}"><use l:href="data:image/svg+xml;base64,PHN2Zz4=#a"/></svg>',
    "img/xslt.svg": f'<?xml-stylesheet type="text/xsl" href="evil.xsl"?><svg xmlns="{SVG}"/>',
    "img/entity.svg": f'<!DOCTYPE svg [<!ENTITY s "&#60;script&#62;">]><svg xmlns="{SVG}"><text>&s;</text></svg>',
    "img/upper.SVG": f'<svg xmlns="{SVG}" onload="alert(1)"/>',
    "img/html-as.svg": f'<html xmlns="{XHTML}"><body><script>alert(1)</script></body></html>',
    "img/compressed.svgz": "\x1f\x8b not checked",
    "page.HTML": "<script>alert(1)</script>",
    "page.xhtml": f'<html xmlns="{XHTML}"><script>alert(1)</script></html>',
    "page.xht": "<script>alert(1)</script>",
    "style.xsl": "<xsl:stylesheet/>",
    "style.xslt": "<xsl:stylesheet/>",
    "app.mjs": "alert(1)",
    "movie.swf": "FWS",
    "page.html.en": "<script>alert(1)</script>",  # Apache's mod_mime: served as HTML
    "trick.svg.png": f'<svg xmlns="{SVG}" onload="alert(1)"/>',
    "noextension": "<script>alert(1)</script>",  # may be served with no type and sniffed
    "odd.xyz": "<script>alert(1)</script>",
    "feed.rss": "<rss/>",
    "CNAME": "<script>alert(1)</script>",
}
ALLOWED_FILES = {
    "img/chart.svg": f'<svg xmlns="{SVG}" xmlns:xlink="{XLINK}" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="#c00"/></linearGradient></defs>'
    f'<style>.a{{fill:url(#g)}}</style><circle class="a" cx="5" cy="5" r="4"/><use xlink:href="#g"/><text x="1" y="9">图 1 &amp; 2</text></svg>',
    "img/photo.PNG": b"\x89PNG\r\n\x1a\n" + bytes(64),
    "files/report.2024.pdf": b"%PDF-1.4\n%%EOF\n",
    "files/table.xlsx": b"PK\x03\x04",
    "notes.txt": "<script>alert(1)</script> shown as text, never run",
    "data.csv": "a,b\n1,2\n",
    "CNAME": "lawsite.example.org\n",
}


def _write(folder: Path, files: dict[str, str | bytes]) -> None:
    for rel, data in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Checked]:
    """`check` on a folder per refused file, all in one bounded child process."""
    folders = []
    for rel in REFUSED_FILES:
        folders.append(tmp_path_factory.mktemp("refused"))
        _write(folders[-1], {"index.md": "# 首页\n", rel: REFUSED_FILES[rel]})
    return dict(zip(REFUSED_FILES, check_all_bounded(folders)))


@pytest.mark.parametrize("rel", sorted(REFUSED_FILES))
def test_check_refuses_each_active_file_within_the_bounds(refused: dict[str, Checked], rel: str) -> None:
    assert_within_bounds(refused[rel], rel)
    code_files = [p for p in refused[rel].problems if p[3] == "code-file"]
    assert code_files and all(p[0] == rel for p in code_files)


def test_a_refused_svg_names_line_and_field(tmp_path: Path) -> None:
    svg = f'<svg xmlns="{SVG}">\n<g>\n<a href="#x"><text>x</text></a>\n</g>\n<rect width="1" height="1"\n onmouseover="alert(1)"/>\n</svg>'
    problem = svg_data_problem("x.svg", svg.encode())
    assert problem is not None and (problem.line, problem.field) == (3, "a")
    problem = svg_data_problem("x.svg", svg.replace('<a href="#x"><text>x</text></a>', "").encode())
    assert problem is not None and (problem.line, problem.field) == (6, "rect@onmouseover")


@pytest.mark.parametrize("rel", sorted(ALLOWED_FILES))
def test_inert_files_pass(tmp_path: Path, rel: str) -> None:
    _write(tmp_path, {rel: ALLOWED_FILES[rel]})
    assert static_file_problem(rel, tmp_path / rel) is None


def test_huge_svg_and_deep_svg_are_checked_within_the_bounds(tmp_path: Path) -> None:
    deep = f'<svg xmlns="{SVG}">' + "<g>" * 280_000 + "</g>" * 280_000 + "</svg>"  # 1.9 MB, 280,000 levels
    wide = f'<svg xmlns="{SVG}"><rect ' + " ".join(f'data-a{i}="1"' for i in range(140_000)) + ' onclick="alert(1)"/></svg>'  # 1.9 MB of attributes
    many = f'<svg xmlns="{SVG}">' + '<circle cx="1" cy="1" r="1" fill="#000"/>' * 48_000 + "</svg>"  # 1.9 MB of elements
    folders = []
    for name, data in {"deep.svg": deep, "wide.svg": wide, "many.svg": many, "huge.svg": " " * (3 * 1024 * 1024)}.items():
        folders.append(tmp_path / name.split(".")[0])
        _write(folders[-1], {name: data})
    results = check_all_bounded(folders)
    for folder, result in zip(folders, results):
        assert_within_bounds(result, folder.name)
    assert [[p[0] for p in r.problems] for r in results] == [[], ["wide.svg"], [], ["huge.svg"]]


# --- property: an SVG is refused exactly when it holds something that can run -------------


def _spelled(text: str, draw: st.DrawFn) -> str:
    """`text` with each character written as itself, or as a decimal or hex
    character reference; letters in either case (schemes ignore case)."""
    out = []
    for char in text:
        char = draw(st.sampled_from([char, char.upper()])) if char.isalpha() else char
        out.append(draw(st.sampled_from([char, f"&#{ord(char)};", f"&#x{ord(char):x};", f"&#X{ord(char):X};"])))
    return draw(st.sampled_from(["", " ", "&#9;", "&#10;"])) + "".join(out)


SAFE_PARTS = [
    '<circle cx="1" cy="1" r="1" fill="red"/>',
    '<rect width="2" height="2" style="fill:#00f;stroke:url(#g)"/>',
    '<g transform="translate(1,1)"><path d="M0 0L1 1"/></g>',
    '<linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>',
    '<use href="#g"/>',
    '<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>',
]


@st.composite
def hostile_part(draw: st.DrawFn) -> str:
    js = _spelled(JS, draw)
    prefix = draw(st.sampled_from(["", "s:", "svg:"]))
    ns = f' xmlns:{prefix[:-1]}="{SVG}"' if prefix else ""
    return draw(st.sampled_from([
        f"<{prefix}script{ns}>alert(1)</{prefix}script>",
        f'<h:script xmlns:h="{XHTML}">alert(1)</h:script>',
        f'<iframe xmlns="{XHTML}" src="{js}"/>',
        f'<{prefix}a{ns} href="{js}"><text>x</text></{prefix}a>',
        f'<a xmlns:q="{XLINK}" q:href="{js}"><text>x</text></a>',
        f'<{prefix}animate{ns} attributeName="href" values="{js}"/>',
        f'<set attributeName="xlink:href" to="{js}"/>',
        f'<use href="{js}"/>',
        f'<image href="{_spelled("data:image/svg+xml,<svg onload=alert(1)>", draw)}"/>',
        f'<rect width="1" {draw(st.sampled_from(["onclick", "onload", "onbegin", "onfocusin"]))}="alert(1)"/>',
        f'<foreignObject><body xmlns="{XHTML}">x</body></foreignObject>',
        f'<m:math xmlns:m="http://www.w3.org/1998/Math/MathML" href="{js}"><m:mi>x</m:mi></m:math>',
        f"<style>@import url(https://evil.example/x.css);</style>",
        '<?xml-stylesheet type="text/xsl" href="x.xsl"?>',
    ]))


REPRODUCER = [(f'<a><animate attributeName="href" values="&#106;avascript:alert(1)"/><text>x</text></a>', True)]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(SAFE_PARTS).map(lambda p: (p, False)), hostile_part().map(lambda p: (p, True))), max_size=6))
@example(REPRODUCER)
@example([(f'<s:script xmlns:s="{SVG}">alert(1)</s:script>', True)])
@example([(f'<x:script xmlns:x="{XHTML}">alert(1)</x:script>', True)])
def test_svg_is_refused_exactly_when_a_part_can_run(parts: list[tuple[str, bool]]) -> None:
    svg = f'<svg xmlns="{SVG}" viewBox="0 0 9 9">' + "".join(p for p, _ in parts) + "</svg>"
    problem = svg_data_problem("x.svg", svg.encode())
    assert (problem is not None) == any(hostile for _, hostile in parts), svg


# --- property: a file name is refused whenever a server would serve it as something active ----

# What mimetypes (the table `lawsite serve` and many servers use) calls a
# document a browser runs script in; None means no type: the browser sniffs.
ACTIVE_TYPES = {None, "text/html", "application/xhtml+xml", "image/svg+xml", "text/xml", "application/xml",
                "text/javascript", "application/javascript", "application/x-shockwave-flash", "text/xsl", "application/xslt+xml"}
SUFFIXES = sorted(INERT_SUFFIXES | ACTIVE_SUFFIXES | {".shtml", ".htm", ".xyz", ".en", ".1", ".svgz", ".php"})


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(SUFFIXES).flatmap(lambda s: st.sampled_from([s, s.upper()])), max_size=3), st.sampled_from(["report", "a.b", ""]))
@example([".xml"], "data")
@example([".html", ".en"], "page")
def test_a_name_served_as_active_is_refused(tmp_path_factory: pytest.TempPathFactory, suffixes: list[str], stem: str) -> None:
    name = (stem or "x") + "".join(suffixes)
    folder = tmp_path_factory.mktemp("names")
    (folder / name).write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    served_as = mimetypes.guess_type("x" + suffixes[-1].lower())[0] if suffixes else None
    inner_active = any(mimetypes.guess_type("x" + s.lower())[0] in ACTIVE_TYPES - {None} for s in suffixes[:-1])
    if served_as in ACTIVE_TYPES or inner_active:
        assert static_file_problem(name, folder / name) is not None, name


# --- what the build publishes ------------------------------------------------------------

MKDOCS_YML = "site_name: t\ndocs_dir: content\ntheme: {name: material}\nplugins:\n  - lawsite\n"


@pytest.fixture(autouse=True)
def mkdocs_log_reaches_caplog(monkeypatch: pytest.MonkeyPatch) -> None:
    # MkDocs' own CLI, run in-process by other tests, stops its logger from
    # propagating and drops repeated build messages (DuplicateFilter); the
    # refusals are read from the log here.
    monkeypatch.setattr(logging.getLogger("mkdocs"), "propagate", True)
    monkeypatch.setattr(logging.getLogger("mkdocs.commands.build"), "filters", [])


def _site(tmp_path: Path, files: dict[str, str | bytes], extra: str = "") -> Path:
    _write(tmp_path / "content", {"index.md": "# 首页\n", **files})
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML + extra, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def test_a_site_with_a_refused_file_is_not_built(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = _site(tmp_path, {**REFUSED_FILES, "img/chart.svg": ALLOWED_FILES["img/chart.svg"]})
    with pytest.raises(Abort):
        build(load_config(str(config), site_dir=str(tmp_path / "site")))
    for rel in REFUSED_FILES:
        assert f"{rel}" in caplog.text
        assert not (tmp_path / "site" / rel).exists()


def test_a_site_with_only_inert_files_builds_and_publishes_them_unchanged(tmp_path: Path) -> None:
    config = _site(tmp_path, ALLOWED_FILES)
    build(load_config(str(config), site_dir=str(tmp_path / "site")))
    for rel, data in ALLOWED_FILES.items():
        assert (tmp_path / "site" / rel).read_bytes() == (data.encode() if isinstance(data, str) else data)
    assert (tmp_path / "site" / "index.html").is_file()


@pytest.mark.parametrize("command", ["build", "serve"])
def test_the_policy_covers_what_the_config_lets_mkdocs_copy(tmp_path: Path, command: str, caplog: pytest.LogCaptureFixture) -> None:
    # `check` walks content/ as MkDocs does by default (no dotfiles); a site
    # whose exclude_docs lets one in is caught on MkDocs' own list of files.
    config = _site(tmp_path, {".well-known/evil.html": "<script>alert(1)</script>"}, "exclude_docs: '!.well-known/'\n")
    assert load_site(tmp_path / "content", Settings()).errors == []
    loaded = load_config(str(config), site_dir=str(tmp_path / "site"))
    loaded.plugins.on_startup(command=command, dirty=False)
    try:
        with pytest.raises(Abort):
            build(loaded, serve_url="http://127.0.0.1:8000/" if command == "serve" else None)
    finally:
        loaded.plugins.on_shutdown()  # as mkdocs serve does: the kept plugin instance stops serving
    assert ".well-known/evil.html error: content may not hold .html files" in caplog.text
    assert not (tmp_path / "site" / ".well-known" / "evil.html").exists()
