"""Time a large adoption notice: CSV parsing and checking, the ledger, and the
notice page's Markdown (groups, totals, SVG charts). Prints the figures.

Usage: ``python benchmarks/ledger.py [ARTICLES] [ROWS]`` (default 400 articles,
20,000 CSV rows). Everything is generated in memory; nothing is written.
"""

from __future__ import annotations

import random
import sys
import time

from lawsite.model import Outcome, Source
from lawsite.numerals import to_chinese
from lawsite.render.ledger import notice_page_markdown, statistics_markdown
from lawsite.render.notes import ArticlePage, ledger_line
from lawsite.settings import Settings
from lawsite.gather.site import gather
from lawsite.urls import SiteUrls

POINTS = [f"point-{i}" for i in range(12)]


def draft(articles: int) -> str:
    body = "\n\n".join(f"第{to_chinese(n)}条（条旨{n}）本条规定第{n}项事务。" for n in range(1, articles + 1))
    return f"---\nkind: draft\nid: big\ntitle: 大型条例（草案）\n---\n\n{body}\n"


def csv_rows(articles: int, rows: int) -> bytes:
    rng = random.Random(7)
    outcomes = [o.value for o in Outcome]
    lines = ["article,from,count,text,outcome,reason"]
    for i in range(rows):
        outcome = rng.choice(outcomes)
        source = rng.choice(POINTS + ["网民", "来信"])
        lines.append(f"第{to_chinese(rng.randint(1, articles))}条,{source},{rng.randint(1, 9)},建议{i}：完善本条的规定。,{outcome},理由{i}")
    return ("\n".join(lines) + "\n").encode("gbk")


def main() -> None:
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
    sources = [Source("drafts/big.md", draft(articles)), Source("notices/big.md", "---\nkind: notice\nid: n\nconcerns: big\nsuggestions_file: big.csv\n---\n")]
    sources += [Source(f"points/{p}.md", f"---\nkind: contact-point\nid: {p}\ntitle: {p}\nlevel: 县级\n---\n") for p in POINTS]
    files = {"notices/big.csv": csv_rows(articles, rows)}
    start = time.perf_counter()
    site = gather(sources, Settings(), read_file=files.get)
    parsed = time.perf_counter()
    assert not site.errors, site.errors[:3]
    ledger = site.ledger
    counted = time.perf_counter()
    links = SiteUrls({doc_id: f"{doc_id}/" for doc_id in site.documents}).at("x/")
    page = notice_page_markdown(site.documents["n"], "", site.notices["n"], site.get("big"), ledger, {p: p for p in POINTS}, links, Settings())
    extras = ledger_line.notes(ArticlePage(site, Settings(), site.documents["big"], SiteUrls({"n": "n/"}).at("big/")))
    stats = statistics_markdown(site.documents, ledger, links, Settings())
    rendered = time.perf_counter()
    print(f"{articles} articles, {rows} CSV rows (GBK), {ledger.totals.total} suggestions counted")
    print(f"gather (parse draft + CSV + checks): {parsed - start:.2f} s")
    print(f"build_ledger:                        {counted - parsed:.3f} s")
    print(f"notice page + ledger lines + stats:  {rendered - counted:.2f} s ({len(page) / 1e6:.1f} MB notice Markdown, {len(extras)} ledger lines, {len(stats) / 1e3:.0f} kB statistics)")


if __name__ == "__main__":
    main()
