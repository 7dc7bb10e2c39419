"""Search as a reader meets it: queries typed into the search dialog in
Chromium, on the sample site and on a site of real laws, with the expected
top hit of each.

Every result must land on its article (`…/#art_N`) and carry the query as
typed (`?h=业主委员会`, whole); the reading open now must come before the
reading it replaced and that reading's notice; sub-results are titled with
article labels, never raw ids. The sample is the repository's own (Pagefind
at every size). The corpus site is a subset of 34 texts (building all 1,564
laws takes tens of minutes on this machine): 29 laws, and five texts present
in two versions, imported as readings (the earlier one replaced, the later
one open for comment), so that ranking is tried on real text too.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path
from typing import Any, Iterator

import pytest

from browser.conftest import SCREENSHOTS, serve
from conftest import build_site
from search.corpus_site import write_corpus_subset

pytestmark = pytest.mark.browser

LABEL = re.compile(r"^第[〇零一二三四五六七八九十百千]+条")

# The open second reading of the property draft, or its interpretation (the
# same article ids): both are the current text, and Pagefind scores them alike.
PROPERTY = ("drafts/property-r2/", "interpretations/property-r2-interpretation/")
# query → (the page or pages it may be, article fragment or None): the first result.
SAMPLE: dict[str, tuple[str | tuple[str, ...], str | None]] = {
    "业主委员会": (PROPERTY, None),
    "电动自行车": (PROPERTY, "art_35"),
    "专项维修资金": (PROPERTY, "art_33"),
    "充电设施": (PROPERTY, "art_35"),
    "筹备组": (PROPERTY, "art_11"),
    "电子投票": (PROPERTY, "art_14"),
    "应急维修": (PROPERTY, "art_32"),
    "物业管理委员会": (PROPERTY, "art_19"),
    "前期物业": (PROPERTY, "art_20"),
    "公共收益": (PROPERTY, "art_34"),
    "投诉处理": (PROPERTY, "art_37"),
    "谣言": ("drafts/civilized-behavior/", "art_8"),
    "文明行为": ("drafts/civilized-behavior/", "art_2"),
    "志愿服务": ("drafts/civilized-behavior/", "art_12"),
    "居家养老": ("drafts/elderly-care/", "art_4"),
    "失能": ("drafts/elderly-care/", "art_11"),
    "排污口": ("laws/water-protection/", "art_12"),
    "船舶": ("laws/water-protection/", "art_15"),
    "星海路": ("contact-points/xinghai-road/", None),
    "随地吐痰": ("guide/3-feedback/", None),
    "高空抛物": ("notices/property-r1-feedback/", None),
}
# Words of both readings of the property draft: the open second reading first.
OPEN_BEFORE_REPLACED = ("业主委员会", "前期物业", "筹备组", "公共收益", "投诉处理", "专项维修资金")
OPEN, REPLACED, REPLACED_NOTICE = "drafts/property-r2/", "drafts/property-r1/", "notices/property-r1-feedback/"

CORPUS_READINGS = (
    ("民法典/总则.md",), ("民法典/物权编.md",), ("民法典/合同编.md",), ("民法典/人格权编.md",),
    ("民法典/婚姻家庭编.md",), ("民法典/继承编.md",), ("民法典/侵权责任编.md",), ("刑法/刑法.md",),
    ("民法商法/专利法(2020-10-17).md",), ("民法商法/商标法(2019-04-23).md",),
    ("民法商法/公司法(2018-10-26).md", "民法商法/公司法(2023-12-29).md"), ("民法商法/海商法(1992-11-07).md",),
    ("社会法/劳动合同法(2012-12-28).md",), ("社会法/慈善法(2016-03-16).md", "社会法/慈善法(2023-12-29).md"),
    ("社会法/未成年人保护法(2020-10-17).md", "社会法/未成年人保护法(2024-04-26).md"),
    ("社会法/老年人权益保障法(2018-12-29).md",), ("社会法/反家庭暴力法(2015-12-27).md",), ("社会法/安全生产法(2021-06-10).md",),
    ("行政法/个人信息保护法(2021-08-20).md",), ("行政法/义务教育法(2018-12-29).md",), ("行政法/传染病防治法(2013-06-29).md",),
    ("行政法/居民身份证法(2011-10-29).md",), ("行政法/噪声污染防治法(2021-12-24).md",),
    ("行政法/体育法(2016-11-07).md", "行政法/体育法(2022-06-24).md"), ("行政法/反电信网络诈骗法(2022-09-02).md",),
    ("行政法/密码法(2019-10-26).md",), ("经济法/个人所得税法(2018-08-31).md",), ("经济法/广告法(2021-04-29).md",),
    ("经济法/反垄断法(2007-08-30).md", "经济法/反垄断法(2022-06-24).md"), ("经济法/印花税法(2021-06-10).md",),
)
# Ids are positions in CORPUS_READINGS: law-01 总则 … law-08 刑法, law-11/12 公司法
# 2018/2023, law-15/16 慈善法, law-17/18 未成年人保护法, law-27/28 体育法,
# law-33/34 反垄断法, law-35 印花税法.
CORPUS: dict[str, tuple[str | tuple[str, ...], str | None]] = {
    query: (f"laws/law-{number:02d}/", None)
    for query, number in {
        "居民身份证": 25, "慈善信托": 16, "股东会": 12, "注册资本": 12, "网络沉迷": 18, "船舶碰撞": 13,
        "遗嘱": 6, "高空抛物": 7, "个人信息处理者": 22, "电信网络诈骗": 29, "社会噪声": 26, "商用密码": 30,
        "印花税": 35, "经营者集中": 34, "专利权": 9, "驰名商标": 10, "家庭暴力": 20, "安全生产": 21,
        "传染病": 24, "兴奋剂": 28, "义务教育": 23, "居住权": 2, "肖像权": 4,
    }.items()
}
# A word of both readings of a text → (replaced, open) pages.
CORPUS_OPEN_BEFORE_REPLACED = {
    "慈善信托": ("laws/law-15/", "laws/law-16/"),
    "股东会": ("laws/law-11/", "laws/law-12/"),
    "网络沉迷": ("laws/law-17/", "laws/law-18/"),
    "兴奋剂": ("laws/law-27/", "laws/law-28/"),
    "经营者集中": ("laws/law-33/", "laws/law-34/"),
}

RESULTS = """() => Array.from(document.querySelectorAll('#ls-search .pagefind-ui__result')).map(r => {
  const link = r.querySelector('.pagefind-ui__result-link');
  return { title: link ? link.innerText : '', url: link ? link.getAttribute('href') : '',
    subs: Array.from(r.querySelectorAll('.pagefind-ui__result-nested a')).map(a => [a.innerText, a.getAttribute('href')]) };
})"""


@pytest.fixture(scope="module")
def search_page(chromium: Any, sample_url: str) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    yield context.new_page()
    context.close()


def results(page: Any, base: str, query: str) -> list[dict[str, Any]]:
    """The results shown for `query`, once all of them have loaded."""
    if not page.url.startswith(base):
        page.goto(base)
    dialog = page.locator("#ls-search")
    if not dialog.evaluate("d => d.open"):
        page.locator(".ls-search-open").click()
    box = page.locator("#ls-search .pagefind-ui__search-input")
    box.wait_for(state="visible")
    box.fill(query)
    marker = "h=" + urllib.parse.quote(query)
    page.wait_for_function(
        """marker => { const r = document.querySelectorAll('#ls-search .pagefind-ui__result');
          return r.length > 0 && !document.querySelector('#ls-search .pagefind-ui__loading')
            && Array.from(r).every(x => { const a = x.querySelector('.pagefind-ui__result-link'); return a && a.href.includes(marker); }); }""",
        arg=marker,
        timeout=15_000,
    )
    return page.evaluate(RESULTS)


def _path(url: str, base: str) -> tuple[str, str, str]:
    """(page, fragment, decoded h) of a result link."""
    parsed = urllib.parse.urlsplit(urllib.parse.urljoin(base, url))
    page = parsed.path.removeprefix(urllib.parse.urlsplit(base).path)
    return page, parsed.fragment, urllib.parse.parse_qs(parsed.query).get("h", [""])[0]


def check_query(page: Any, base: str, query: str, expected: tuple[str | tuple[str, ...], str | None]) -> list[dict[str, Any]]:
    found = results(page, base, query)
    pages = [_path(r["url"], base)[0] for r in found]
    top_page, top_fragment, typed = _path(found[0]["url"], base)
    allowed = (expected[0],) if isinstance(expected[0], str) else expected[0]
    assert top_page in allowed and typed == query, (query, pages)
    if expected[1] is not None:
        assert top_fragment == expected[1], (query, found[0])
    for result in found:
        link_page, fragment, typed = _path(result["url"], base)
        assert typed == query, f"{query}: the whole query is carried, not a piece of it: {result['url']}"
        assert "art_" not in result["title"], result
        if fragment.startswith(("art_", "rl-")):
            for title, url in result["subs"]:
                assert LABEL.match(title) and "art_" not in title, f"{query}: sub-result titled {title!r}"
                assert _path(url, base)[1].split("art_")[-1][:1].isdigit(), url
    return found


@pytest.mark.parametrize("query", sorted(SAMPLE))
def test_sample_query_lands_on_its_article(search_page: Any, sample_url: str, query: str) -> None:
    check_query(search_page, sample_url, query, SAMPLE[query])


@pytest.mark.parametrize("query", OPEN_BEFORE_REPLACED)
def test_the_open_reading_comes_before_the_replaced_one_and_its_notice(search_page: Any, sample_url: str, query: str) -> None:
    pages = [_path(r["url"], sample_url)[0] for r in results(search_page, sample_url, query)]
    assert OPEN in pages, pages
    assert all(pages.index(OPEN) < pages.index(p) for p in (REPLACED, REPLACED_NOTICE) if p in pages), pages


@pytest.mark.parametrize("width", [390, 1280])
def test_a_tap_lands_on_the_article_with_the_whole_word_marked(chromium: Any, sample_url: str, width: int) -> None:
    context = chromium.new_context(viewport={"width": width, "height": 844 if width < 600 else 900}, locale="zh-CN")
    page = context.new_page()
    try:
        found = results(page, sample_url, "业主委员会")
        link = page.locator("#ls-search .pagefind-ui__result-link").first
        excerpt = page.locator("#ls-search .pagefind-ui__result-excerpt").first
        assert LABEL.match(excerpt.inner_text()), "the result says which article it lands on"
        assert "业主委员会" in excerpt.locator("mark").all_inner_texts(), "the excerpt marks the word whole"
        page.screenshot(path=str(SCREENSHOTS / f"search-queries-{width}.png"))
        link.click()
        landed, fragment, _ = _path(found[0]["url"], sample_url)
        assert landed in PROPERTY
        page.wait_for_url(f"**/{landed}?h=*#{fragment}")
        marks = page.locator(f"#{fragment} mark.ls-hit")
        assert marks.count() >= 1 and set(marks.all_inner_texts()) == {"业主委员会"}
        box = page.locator(f"#{fragment}").bounding_box()
        assert box is not None and 0 <= box["y"] < page.viewport_size["height"], "the article is on screen"
        page.screenshot(path=str(SCREENSHOTS / f"search-landed-{width}.png"))
    finally:
        context.close()


def test_interpretation_results_are_titled_with_article_labels(search_page: Any, sample_url: str) -> None:
    found = results(search_page, sample_url, "业主委员会")
    interpretation = [r for r in found if "interpretations/" in r["url"]]
    assert interpretation, [r["url"] for r in found]
    subs = interpretation[0]["subs"]
    assert subs and all(LABEL.match(title) for title, _ in subs), subs


@pytest.fixture(scope="module")
def corpus_url(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("corpus-subset")
    build_site(write_corpus_subset(corpus, folder, CORPUS_READINGS), folder / "site", 1_790_000_000)
    server, url = serve(folder / "site")
    yield url
    server.shutdown()


@pytest.mark.corpus
@pytest.mark.parametrize("query", sorted(CORPUS))
def test_corpus_query_lands_on_its_article(search_page: Any, corpus_url: str, query: str) -> None:
    check_query(search_page, corpus_url, query, CORPUS[query])


@pytest.mark.corpus
@pytest.mark.parametrize("query", sorted(CORPUS_OPEN_BEFORE_REPLACED))
def test_corpus_open_reading_comes_before_the_replaced_one(search_page: Any, corpus_url: str, query: str) -> None:
    replaced, current = CORPUS_OPEN_BEFORE_REPLACED[query]
    pages = [_path(r["url"], corpus_url)[0] for r in results(search_page, corpus_url, query)]
    assert current in pages, pages
    assert replaced not in pages or pages.index(current) < pages.index(replaced), pages
