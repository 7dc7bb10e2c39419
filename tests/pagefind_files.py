"""Pagefind's filter and meta indexes are not reproducible: Pagefind writes
their maps in hash-map order, so two runs of the same Pagefind on the same
pages order their entries, and so name their files, differently (Pagefind
issue #638: "filter/metadata indexes will still change"). Every other file it
writes — fragments, word index, entry apart from its hash — is stable.

Tests that compare two builds byte for byte compare those two files by name
pattern and decompressed size instead (the same entries in another order)."""

from __future__ import annotations

import gzip
import hashlib
import re
from pathlib import Path

UNSTABLE_INDEX = re.compile(r"^(pagefind/(?:filter/)?(?:pagefind\.)?\w+_)[0-9a-f]+(\.pf_(?:filter|meta))$")
ENTRY_HASH = re.compile(r'"hash":"\w+?_[0-9a-f]+"')


def stable_name(relative: str) -> str:
    return UNSTABLE_INDEX.sub(r"\1*\2", relative)


def without_index_hash(text: str) -> str:
    """`pagefind-entry.json` names the meta index by its (unstable) hash."""
    return ENTRY_HASH.sub('"hash":"*"', text)


def comparable_snapshot(site: Path) -> dict[str, str]:
    """Each file of `site` by its stable name: the SHA-256 of its bytes, or,
    for Pagefind's unstable indexes, the size of their decompressed content."""
    snapshot: dict[str, str] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        if UNSTABLE_INDEX.match(relative):
            snapshot[stable_name(relative)] = f"{len(gzip.decompress(path.read_bytes()))} bytes decompressed"
        elif relative.endswith("pagefind-entry.json"):
            snapshot[relative] = hashlib.sha256(without_index_hash(path.read_text(encoding="utf-8")).encode()).hexdigest()
        else:
            snapshot[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return snapshot
