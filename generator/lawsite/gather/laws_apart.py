"""Laws parsed in worker processes for their problems only (`lawsite check`),
or read there for their front matter only (`lawsite build` of a large site,
whose laws' texts are parsed where their pages are rendered).

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

`lawsite build` reads only the laws' front matter here, and gives each law
a body parsed from its text each time it is wanted (`LegalTextOnDemand`),
whose problems are reported from there (`body_problems`). Parsed once
and kept, the corpus' articles are about 130 MB of objects, which every
process rendering law pages (parts.py) would end up copying: CPython
writes the reference count of each object it reads, so a forked process
copies every page of them it touches. Parsed where a page is rendered, each process holds only the laws
it renders, one at a time.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from ..model import Document, Kind, LegalText, Node, Problem, Source
from ..parse.document import parse_body, parse_document
from ..parse.frontmatter import split_front_matter
from ..parse.legal import NUMBERINGS
from ..parse.safety import source_problems
from ..progress import ProgressCallback

PARALLEL_FROM = 200  # sources; below, starting workers costs more than it saves
CHUNK = 40  # sources a worker parses per task: progress moves, no worker waits long

KEPT = 4  # bodies parsed on demand kept at once: a page reads one law, a comparison of readings two

# (document without its articles, its problems, its safety problems, its
# number of articles: None when its body was not parsed); None for a source
# that is not a law, which the caller parses itself.
Parsed = tuple[Document | None, list[Problem], list[Problem], int | None] | None

_SOURCES: list[Source] = []  # set before the workers are forked; they read it


def laws_apart(sources: list[Source], numbering: str, progress: ProgressCallback | None = None, bodies: bool = True) -> list[Parsed] | None:
    """Each source's `Parsed`, in order; None when nothing runs apart (no
    fork here, one CPU, or too few sources to be worth it). Without
    `bodies`, a law's front matter only is read, and its body's problems
    are found where it is parsed again (`LegalTextOnDemand`, `body_problems`)."""
    workers = os.cpu_count() or 1
    if len(sources) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    global _SOURCES
    _SOURCES = sources
    chunks = [range(start, min(start + CHUNK, len(sources))) for start in range(0, len(sources), CHUNK)]
    found: list[Parsed] = []
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for parsed in pool.map(_parse_laws, chunks, [numbering] * len(chunks), [bodies] * len(chunks)):
                found += parsed
                if progress:
                    progress(len(found), len(sources))
    finally:
        _SOURCES = []
    return found


def _parse_laws(chunk: range, numbering: str, bodies: bool) -> list[Parsed]:
    """In a worker: the laws of `chunk` parsed, sent back without their articles."""
    return list(_each_law(chunk, numbering, bodies))


def _each_law(chunk: range, numbering: str, bodies: bool) -> Iterator[Parsed]:
    for index in chunk:
        source = _SOURCES[index]
        split = split_front_matter(source)
        front = split[0]
        if front is None or not isinstance(front.data, dict) or front.data.get("kind") != Kind.LAW.value:
            yield None
            continue
        document, problems = parse_document(source, numbering, split, body=bodies)
        light = dataclasses.replace(document, legal=None) if document is not None else None
        articles = None if not bodies else len(document.legal.articles) if document is not None and document.legal is not None else 0
        yield light, problems, source_problems(source, split), articles


def named_laws(documents: dict[str, Document]) -> set[str]:
    """The ids of the laws whose articles gathering reads: those a notice
    concerns or an interpretation interprets."""
    named = {d.concerns for d in documents.values()} | {d.interprets for d in documents.values()}
    return {doc_id for doc_id in named if doc_id in documents and documents[doc_id].kind is Kind.LAW}


class LegalTextOnDemand(LegalText):
    """The body of a law parsed apart, parsed again from the document's
    body (its front matter is read already) whenever it is read and not
    among the last KEPT parsed. What the parse gives is the same each time:
    a law's tree is never changed after parsing, except those of
    `named_laws`, which are parsed in full and kept. The first parse in a
    process notes the body's number of articles and problems (`_FOUND`)."""

    def __init__(self, document: Document, article_count: int | None) -> None:
        self._document = dataclasses.replace(document, legal=None)  # what parse_body reads, and where it puts the body
        self._article_count = article_count
        self._children: list[Node] | None = None

    @property  # type: ignore[override]  # LegalText's field, read only here
    def children(self) -> list[Node]:
        if self._children is None:
            self._children = self._parse()
        _recently_read(self)
        return self._children

    def _parse(self) -> list[Node]:
        document = self._document
        if document.numbering not in NUMBERINGS:  # reported with the front matter: the build stops first
            return []
        problems = parse_body(document)  # as parse_document parses it, without reading the front matter again
        legal, document.legal = document.legal, None
        assert legal is not None
        _FOUND.setdefault(document.path, (len(legal.articles), problems))
        return legal.children

    @property
    def article_count(self) -> int:
        if self._article_count is None:
            found = _FOUND.get(self._document.path)
            self._article_count = found[0] if found is not None else len(self.articles)
        return self._article_count

    @property
    def path(self) -> str:
        return self._document.path

    def forget(self) -> None:
        self._children = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LegalText) and self.children == other.children

    __hash__ = None  # type: ignore[assignment]  # as LegalText's

    def __repr__(self) -> str:
        return f"LegalTextOnDemand({self._document.path!r})"


_READ: OrderedDict[int, LegalTextOnDemand] = OrderedDict()


def _recently_read(body: LegalTextOnDemand) -> None:
    _READ[id(body)] = body
    _READ.move_to_end(id(body))
    while len(_READ) > KEPT:
        _, oldest = _READ.popitem(last=False)
        oldest.forget()


def forget_read() -> None:
    """Drop the bodies parsed on demand and what was found in them (the end of a build)."""
    while _READ:
        _READ.popitem()[1].forget()
    _FOUND.clear()


# Each body parsed on demand in this process, by path: its number of
# articles and its problems, noted at its first parse. A process rendering
# law pages (parts.py) sends its own to the one that reports them (`take_found`).
Found = dict[str, tuple[int, list[Problem]]]
_FOUND: Found = {}


def found_here() -> Found:
    return dict(_FOUND)


def take_found(found: Found) -> None:
    """What another process found in the bodies it parsed."""
    for path, noted in found.items():
        _FOUND.setdefault(path, noted)


def body_problems(documents: Iterable[Document]) -> list[Problem]:
    """The problems of the bodies on demand among `documents`, in their
    order: each as its first parse found it, here or in another process;
    a body nobody read (a page not built) is parsed now for them."""
    problems: list[Problem] = []
    for document in documents:
        body = document.legal
        if not isinstance(body, LegalTextOnDemand):
            continue
        if body.path not in _FOUND:
            body._parse()
        problems += _FOUND.get(body.path, (0, []))[1]  # nothing noted: an unknown numbering, reported with the front matter
    return problems
