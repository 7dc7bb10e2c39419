"""Emit what the site holds besides its pages: feeds and open data, written
into the built site's folder once MkDocs has written the pages."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Callable, Collection, Iterable, Iterator

from ..gather.site import Site
from . import feeds, opendata
from .publisher import Publisher


def site_outputs(site: Site, publisher: Publisher, written: Collection[str] = ()) -> Iterator[tuple[str, bytes]]:
    """(path in the built site, content) of every feed and open-data file
    but those of the documents in `written` (ids), written already."""
    return itertools.chain(feeds.feed_files(site, publisher).items(), opendata.open_data_files(site, publisher, written))


def write_outputs(site_dir: Path, outputs: Iterable[tuple[str, bytes]]) -> None:
    for rel, content in outputs:
        target = site_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def rewrite_html(site_dir: Path, paths: Iterable[str], finish: Callable[[str], str]) -> None:
    """Finish the HTML files MkDocs copied as they are (posters)."""
    for rel in paths:
        target = site_dir / rel
        if target.is_file():
            target.write_text(finish(target.read_text(encoding="utf-8")), encoding="utf-8")


def write_atomically(target: Path, chunks: Iterable[bytes]) -> None:
    """`chunks` written to `target` through `target.part`: never a
    half-written file under the real name."""
    partial = target.with_name(target.name + ".part")
    try:
        with partial.open("wb") as out:
            for chunk in chunks:
                out.write(chunk)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
