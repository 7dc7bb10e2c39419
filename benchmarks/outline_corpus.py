"""Time parse + outline of the whole real-law corpus and print the figures.

Usage: ``python benchmarks/outline_corpus.py [CORPUS_DIR]`` (default: ``$LAWSITE_CORPUS``
or ``../shared/corpus``). Files are read first, so only parsing is timed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from lawsite.outline import outline_dict
from lawsite.parse.legal import parse_legal_text

INFO_END = "<!-- INFO END -->"


def body_of(text: str) -> tuple[str, int]:
    """The body after the corpus preamble and its first file line."""
    at = text.find(INFO_END)
    if at < 0:
        return text, 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return text[end + 1 :], text.count("\n", 0, end) + 2


def main() -> None:
    default = os.environ.get("LAWSITE_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")
    root = Path(sys.argv[1] if len(sys.argv) > 1 else default)
    files = sorted((root / "laws").rglob("*.md"))
    texts = [(str(f.relative_to(root)), f.read_text(encoding="utf-8")) for f in files]
    size = sum(len(t.encode()) for _, t in texts) / 1e6
    started = time.perf_counter()
    articles = problems = 0
    for path, text in texts:
        body, first_line = body_of(text)
        legal, found = parse_legal_text(body, path=path, first_line=first_line)
        articles += outline_dict(legal)["counts"]["articles"]
        problems += len(found)
    elapsed = time.perf_counter() - started
    print(f"{len(texts)} files, {size:.1f} MB: {articles} articles, {problems} problems")
    print(f"parse + outline: {elapsed:.2f} s ({size / elapsed:.1f} MB/s)")


if __name__ == "__main__":
    main()
