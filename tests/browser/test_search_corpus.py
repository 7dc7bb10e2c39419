"""The first search on a site of 1,000 real laws downloads at most 1 MB.

A temporary site is generated from the corpus (each law wrapped in
`kind: law` front matter), built with the default `search: auto` (which
picks Pagefind at this size), served on 127.0.0.1, and searched in
Chromium. Every response body from opening the search to the first results
is summed: Pagefind's UI, its wasm, the index chunks and the fragments of
the results shown. The figures are printed (run with -s to see them). The
site is built as `lawsite build` builds it, in about 30 s on two cores (see
also benchmarks/search_first_query.py).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from browser.conftest import serve
from conftest import build_site_as_lawsite_build
from search.corpus_site import write_corpus_project

pytestmark = [pytest.mark.browser, pytest.mark.corpus]

LAWS = 1000
BUDGET = 1_000_000  # bytes, for the first query
# A frequent word (many results, large index chunk) and a rarer one.
QUERIES = ("合同", "船舶")


@pytest.fixture(scope="module")
def corpus_url(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("corpus-site")
    config = write_corpus_project(corpus, folder, LAWS)
    started = time.monotonic()
    build_site_as_lawsite_build(config, folder / "site", 1_790_000_000)
    print(f"\n{LAWS}-law site with Pagefind built in {time.monotonic() - started:.0f} s")
    assert (folder / "site" / "pagefind" / "pagefind-entry.json").is_file(), "auto picks Pagefind at this size"
    server, url = serve(folder / "site")
    yield url
    server.shutdown()


def first_query_bytes(browser: Any, base: str, query: str) -> tuple[int, int, list[tuple[str, int]]]:
    """(bytes of the search, result count, responses) for one first query in a fresh context."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    responses: list[Any] = []
    try:
        page.goto(base + "laws/law-0001/")
        page.on("response", lambda response: responses.append(response))
        page.locator(".ls-search-open").click()
        page.locator("#ls-search .pagefind-ui__search-input").fill(query)
        page.locator("#ls-search .pagefind-ui__result").first.wait_for(timeout=30_000)
        page.wait_for_load_state("networkidle")
        count = page.locator("#ls-search .pagefind-ui__result").count()
        sizes = [(r.url.removeprefix(base), len(r.body())) for r in responses]
    finally:
        context.close()
    return sum(size for _, size in sizes), count, sizes


@pytest.mark.parametrize("query", QUERIES)
def test_first_query_fetches_at_most_one_megabyte(chromium: Any, corpus_url: str, query: str) -> None:
    total, count, sizes = first_query_bytes(chromium, corpus_url, query)
    print(f"\nfirst query {query!r}: {total:,} bytes in {len(sizes)} responses, {count} results shown")
    for url, size in sorted(sizes, key=lambda s: -s[1])[:8]:
        print(f"  {size:>9,}  {url}")
    assert count > 0
    assert total <= BUDGET, f"{total:,} bytes fetched for the first query {query!r}"
