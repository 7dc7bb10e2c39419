"""Search benchmark: build N real laws with Pagefind, then measure the first query.

Usage::

    python benchmarks/search_first_query.py [--laws 1000] [--corpus DIR] [--site DIR] [QUERY ...]

Builds a temporary site from the corpus (each law wrapped in `kind: law`),
prints the build's wall and CPU time and the size of Pagefind's bundle, then
serves the site on 127.0.0.1 and, in
Chromium at 390 px, sums every response body from opening the search to the
first results of each query. `--site DIR` reuses a site built earlier.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from browser.test_search_corpus import first_query_bytes  # noqa: E402
from conftest import build_site  # noqa: E402
from search.corpus_site import write_corpus_project  # noqa: E402

DEFAULT_CORPUS = Path(os.environ.get("LAWSITE_CORPUS", REPO.parent / "shared" / "corpus"))


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def build(corpus: Path, laws: int, folder: Path) -> Path:
    config = write_corpus_project(corpus, folder, laws)
    started, cpu = time.monotonic(), resource.getrusage(resource.RUSAGE_SELF)
    build_site(config, folder / "site", 1_790_000_000)
    after = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"built {laws} laws in {time.monotonic() - started:.0f} s wall, "
          f"{after.ru_utime - cpu.ru_utime + after.ru_stime - cpu.ru_stime:.0f} s CPU in Python, "
          f"{children.ru_utime + children.ru_stime:.0f} s CPU in Pagefind")
    return folder / "site"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("queries", nargs="*", default=["合同", "船舶", "物业", "未成年人"])
    parser.add_argument("--laws", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--site", type=Path, help="a site built earlier (skips the build)")
    args = parser.parse_args()
    if args.site:
        site = args.site
    else:
        site = build(args.corpus, args.laws, Path(tempfile.mkdtemp(prefix="lawsite-search-")))
    print(f"site: {site} — {folder_bytes(site) / 1e6:.0f} MB, Pagefind bundle {folder_bytes(site / 'pagefind') / 1e6:.1f} MB "
          f"in {sum(1 for _ in (site / 'pagefind').rglob('*'))} files")
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for query in args.queries:
                total, count, sizes = first_query_bytes(browser, url, query)
                print(f"first query {query!r}: {total:,} bytes in {len(sizes)} responses, {count} results shown")
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
