"""Laws parsed in worker processes for their problems only (`lawsite check`).

Parsing the laws' texts is nine tenths of a check of a large site (1,564 laws:
about 4 CPU s), and a check needs of a law only its problems and its front
matter: nothing else in gathering reads a law's articles, except for a law
that a notice concerns or an interpretation interprets (parsed again in full,
`named_laws`). So laws are parsed in worker processes, one per CPU, which send
back the problems and the document without its articles: sending the
articles back would cost about as much as parsing them here (pickling the
corpus' documents took 2.7 s).

The workers are forked: they share the read sources with this process and
start in milliseconds. Elsewhere (no fork), or for a small site, nothing
runs apart and the caller parses everything itself.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from ..model import Document, Kind, Problem, Source
from ..parse.document import parse_document
from ..parse.frontmatter import split_front_matter
from ..parse.safety import source_problems
from ..progress import ProgressCallback

PARALLEL_FROM = 200  # sources; below, starting workers costs more than it saves
CHUNK = 40  # sources a worker parses per task: progress moves, no worker waits long

# (document without its articles, its problems, its safety problems); None
# for a source that is not a law, which the caller parses itself.
Parsed = tuple[Document | None, list[Problem], list[Problem]] | None

_SOURCES: list[Source] = []  # set before the workers are forked; they read it


def laws_apart(sources: list[Source], numbering: str, progress: ProgressCallback | None = None) -> list[Parsed] | None:
    """Each source's `Parsed`, in order; None when nothing runs apart (no
    fork here, one CPU, or too few sources to be worth it)."""
    workers = os.cpu_count() or 1
    if len(sources) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    global _SOURCES
    _SOURCES = sources
    chunks = [range(start, min(start + CHUNK, len(sources))) for start in range(0, len(sources), CHUNK)]
    found: list[Parsed] = []
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for parsed in pool.map(_parse_laws, chunks, [numbering] * len(chunks)):
                found += parsed
                if progress:
                    progress(len(found), len(sources))
    finally:
        _SOURCES = []
    return found


def _parse_laws(chunk: range, numbering: str) -> list[Parsed]:
    """In a worker: the laws of `chunk` parsed, sent back without their articles."""
    return list(_each_law(chunk, numbering))


def _each_law(chunk: range, numbering: str) -> Iterator[Parsed]:
    for index in chunk:
        source = _SOURCES[index]
        split = split_front_matter(source)
        front = split[0]
        if front is None or not isinstance(front.data, dict) or front.data.get("kind") != Kind.LAW.value:
            yield None
            continue
        document, problems = parse_document(source, numbering, split)
        light = dataclasses.replace(document, legal=None) if document is not None else None
        yield light, problems, source_problems(source, split)


def named_laws(documents: dict[str, Document]) -> set[str]:
    """The ids of the laws whose articles gathering reads: those a notice
    concerns or an interpretation interprets."""
    named = {d.concerns for d in documents.values()} | {d.interprets for d in documents.values()}
    return {doc_id for doc_id in named if doc_id in documents and documents[doc_id].kind is Kind.LAW}
