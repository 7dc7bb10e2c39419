"""Pure parts of the scale work: the HTML stash and the law navigation helpers."""

from __future__ import annotations

import datetime as dt
from typing import Any, Sequence

import markdown

from lawsite.render import lawnav
from lawsite.model import Document, Event, Kind, Source
from lawsite.finish.stash import Stash


def convert(text: str) -> str:
    return markdown.Markdown(extensions=["attr_list", "toc"]).convert(text)


def test_stashed_html_comes_back_unchanged_and_headings_stay_markdown() -> None:
    article = '<section class="ls-article" id="art_1">\n<div class="ls-para">第一条　*不是强调*</div>\n</section>'
    page = f"## 第一章 总则 {{#chp_1}}\n\n{article}\n\n<div>a\n\n<p>b</p>\n\n</div>\n\n普通段落 *强调*"
    stash = Stash("t")
    hidden = stash.hide(page)
    assert "ls-article" not in hidden and hidden.startswith("## 第一章 总则 {#chp_1}")
    html = stash.restore(convert(hidden))
    assert article in html  # no Markdown inside our HTML
    assert "<div>a\n\n<p>b</p>\n\n</div>" in html  # a block with blank lines inside stays whole
    assert '<h2 id="chp_1">第一章 总则</h2>' in html
    assert "<em>强调</em>" in html
    assert "lsstash" not in html


def test_blocks_in_a_row_share_one_placeholder_and_come_back_as_markdown_would_give_them() -> None:
    articles = [f'<section class="ls-article" id="art_{n}">\n<div class="ls-para">第{n}条</div>\n</section>' for n in range(1, 6)]
    page = "## 第一章 {#chp_1}\n\n" + "\n\n".join(articles[:3]) + "\n\n## 第二章 {#chp_2}\n\n" + "\n\n".join(articles[3:])
    stash = Stash("t")
    hidden = stash.hide(page)
    assert len(stash.blocks) == 2 and hidden.count("lsstash") == 2  # one per run of blocks
    one_by_one = "\n".join(f"<p>{n}</p>" for n in range(1, 4))  # what Markdown gives blocks apart
    assert convert(one_by_one).count("\n") == 2 and "\n".join(articles[:3]) in stash.restore(convert(hidden))
    assert stash.restore(convert(hidden)).index("chp_2") < stash.restore(convert(hidden)).index("art_4")


def test_a_block_never_closed_is_left_to_markdown() -> None:
    stash = Stash("t")
    assert stash.hide("<div>\n\nopen") == "<div>\n\nopen"
    assert stash.blocks == []


def law(path: str, events: Sequence[dict[str, Any]] = (), **dates: dt.date) -> Document:
    history = tuple(Event(e["date"], e["type"]) for e in events)
    return Document(Source(path, ""), Kind.LAW, path, path, "", 1, events=history, **dates)


def test_law_year_is_the_earliest_dated_event() -> None:
    events = [{"date": dt.date(1997, 3, 14), "type": "revised"}, {"date": dt.date(1979, 7, 1), "type": "passed"}]
    assert lawnav.law_year(law("a.md", events=events, effective=dt.date(1998, 1, 1))) == 1979
    assert lawnav.law_year(law("a.md", effective=dt.date(2001, 1, 1))) == 2001
    assert lawnav.law_year(law("a.md")) is None


def test_by_year_newest_first_undated_last() -> None:
    groups = lawnav.by_year([("a", 2001), ("b", None), ("c", 2020), ("d", 2001)], lambda x: x[1])
    assert [(year, [x[0] for x in members]) for year, members in groups] == [(2020, ["c"]), (2001, ["a", "d"]), (None, ["b"])]


def test_only_folders_of_many_laws_are_grouped() -> None:
    many = [law(f"laws/big/{n}.md") for n in range(lawnav.YEAR_GROUP_MIN)]
    few = [law(f"laws/small/{n}.md") for n in range(3)]
    assert list(lawnav.law_folders(many + few)) == ["laws/big"]


def test_index_lists_laws_by_year_with_labels() -> None:
    docs = [law("x/a.md", adopted=dt.date(2020, 1, 1)), law("x/b.md")]
    html = lawnav.law_index_html("行政法规", docs, {"x/a.md": "a/", "x/b.md": "b/"}, "zh")
    assert "共 2 件" in html and '<h2 id="y2020">2020年</h2>' in html and '<h2 id="y-unknown">年份不详</h2>' in html
    assert html.index('href="a/"') < html.index('href="b/"')


def test_collapse_whitespace_keeps_preformatted_text() -> None:
    from lawsite.finish.minify import collapse_whitespace

    html = "<ul>\n    <li>a</li>\n\n      <li>b</li>\n</ul>\n<pre>  x\n    y</pre>\n  <code>\n  z</code>\n\t<p>c  d</p>"
    assert collapse_whitespace(html) == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<pre>  x\n    y</pre>\n<code>\n  z</code>\n<p>c  d</p>"


def test_compact_sidebars_drops_line_breaks_between_tags_of_the_sidebars_only() -> None:
    from lawsite.finish.minify import compact_sidebars

    link = '<a href="x/" class="md-nav__link">\n<span class="md-ellipsis">\n甲 &amp; 乙\n</span>\n</a>'
    subtitle = '<a href="y/" class="md-nav__link">\n<span class="md-ellipsis">\n丙\n<br>\n<small>丁</small>\n</span>\n</a>'
    nav = f'<nav class="md-nav md-nav--primary" aria-label="导航栏">\n<ul class="md-nav__list">\n<li class="md-nav__item">\n{link}\n</li>\n<nav class="md-nav" data-md-level="1">\n<ul>\n</ul>\n</nav>\n{subtitle}\n</ul>\n</nav>'
    toc = f'<nav class="md-nav md-nav--secondary" aria-label="目录">\n<ul class="md-nav__list">\n{link}\n</ul>\n</nav>'
    html = f'<header>\n<a>\n<span class="md-ellipsis">a</span> <span>b</span>\n</a>\n</header>\n{nav}\n<article>\n<b>x</b>\n<i>y</i>\n</article>\n{toc}'
    out = compact_sidebars(html)
    assert out.startswith('<header>\n<a>\n<span class="md-ellipsis">a</span> <span>b</span>\n</a>\n</header>\n')  # outside: untouched
    assert "<article>\n<b>x</b>\n<i>y</i>\n</article>" in out
    # The site's nav: the title in the link itself, unless it holds markup.
    assert '<li class="md-nav__item"><a href="x/" class="md-nav__link">甲 &amp; 乙</a></li>' in out
    assert '<a href="y/" class="md-nav__link"><span class="md-ellipsis">\n丙\n<br><small>丁</small></span></a>' in out
    assert '<nav class="md-nav" data-md-level="1"><ul></ul></nav>' in out  # nested navs end where they end
    # The contents beside the page keep Material's spans.
    assert out.endswith('<nav class="md-nav md-nav--secondary" aria-label="目录"><ul class="md-nav__list"><a href="x/" class="md-nav__link"><span class="md-ellipsis">\n甲 &amp; 乙\n</span></a></ul></nav>')
    assert compact_sidebars("<p>\n</p>") == "<p>\n</p>"
    assert compact_sidebars('<nav class="md-nav md-nav--primary">\n<ul>') == '<nav class="md-nav md-nav--primary">\n<ul>'  # unclosed: as it is
