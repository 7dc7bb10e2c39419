"""Gather every document into one Site before anything is rendered.

Reading and gathering are pure with respect to MkDocs: `load_site(folder)`
is what `lawsite check`, `lawsite outline` and the plugin all call.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable

from ..consultation import Consultation, consultations
from ..messages import Text, msg
from ..model import Document, Kind, Notice, Problem, Severity, Source
from ..parse.document import parse_body, parse_document
from ..parse.frontmatter import Split, split_front_matter
from ..parse.interpretation import attach_interpretations
from ..parse.legal import NUMBERINGS
from ..parse.notice import ReadFile, Unreadable, parse_notice
from ..parse.poster import poster_problems
from ..parse.safety import source_problems
from ..parse.schema import theme_file
from ..parse.static_files import PHOTO_SUFFIXES, beside, is_page, served_files, static_file_problems
from ..progress import ProgressCallback
from ..settings import Settings
from ..source_stamps import RACY_NS
from ..urls import content_target
from .laws_apart import LegalTextOnDemand, laws_apart, named_laws
from .ledger import Ledger, build_ledger
from .tiers import Tiers, tiers_of

MAX_FILE_BYTES = 5 * 1024 * 1024  # larger than any law; protects the build from runaway input
# Readings of one text (征求意见稿, 一审稿 … 三审稿, the law): real ones have under ten.
# Every page of a chain lists the whole chain, so its length is bounded.
MAX_READINGS = 30


@dataclass(eq=False)  # a site is itself: hashed by identity, a weak key of per-site caches (gather/accounts.py)
class Site:
    documents: dict[str, Document] = field(default_factory=dict)  # by id, in path order
    by_path: dict[str, Document] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notices: dict[str, Notice] = field(default_factory=dict)  # by notice id
    # Each draft's consultation at the build's moment, by draft id (lawsite.consultation).
    consultations: dict[str, Consultation] = field(default_factory=dict)
    tiers: Tiers = field(default_factory=Tiers)  # the contact points' `parent:` links that hold

    @cached_property
    def ledger(self) -> Ledger:
        """Outcomes per article, point and site: derived once from the
        gathered notices, then shared by every page and output."""
        return build_ledger(self.documents, self.notices.values(), self.tiers)

    @cached_property
    def _next_readings(self) -> dict[str | None, Document]:
        """Each draft or law by the id its `previous:` names (once per site:
        `readings` is asked for every page)."""
        return {d.previous: d for d in self.of_kind(Kind.DRAFT, Kind.LAW)}

    @cached_property
    def interpretations(self) -> dict[str, list[Document]]:
        """The interpretations of each text, by the text's id (once per site:
        a draft or law page asks for its own)."""
        found: dict[str, list[Document]] = {}
        for document in self.of_kind(Kind.INTERPRETATION):
            if document.interpretation is not None:
                found.setdefault(document.interpretation.interprets, []).append(document)
        return found

    @cached_property
    def activities(self) -> list[Document]:
        """Every activity with its facts, newest first."""
        found = [d for d in self.of_kind(Kind.ACTIVITY) if d.activity is not None]
        return sorted(found, key=lambda d: (d.activity.date, d.id), reverse=True)  # type: ignore[union-attr]

    def activities_of(self, point_id: str) -> list[Document]:
        """The activities the point held, newest first."""
        return [d for d in self.activities if d.activity and d.activity.point == point_id]

    def activities_on(self, doc_id: str) -> list[Document]:
        """The activities held on the draft or law, newest first."""
        return [d for d in self.activities if d.activity and doc_id in d.activity.drafts]

    def of_kind(self, *kinds: Kind) -> list[Document]:
        return [d for d in self.documents.values() if d.kind in kinds]

    def get(self, doc_id: str | None) -> Document | None:
        return self.documents.get(doc_id) if doc_id else None

    def later_reading(self, document: Document) -> Document | None:
        """The reading whose `previous:` names `document` (None: it is the latest)."""
        return self._next_readings.get(document.id)

    def readings(self, document: Document) -> list[Document]:
        """The chain of readings `document` belongs to, earliest first."""
        chain = [document]
        seen = {document.id}
        while (prev := self.get(chain[0].previous)) and prev.id not in seen:
            chain.insert(0, prev)
            seen.add(prev.id)
        while (nxt := self._next_readings.get(chain[-1].id)) and nxt.id not in seen:
            chain.append(nxt)
            seen.add(nxt.id)
        return chain

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _walk(folder: Path) -> list[Path]:
    """Every file and link under `folder`, in a stable order, without entering a
    linked folder (a link to an ancestor would never end) or a hidden one."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found += [Path(dirpath) / name for name in filenames if not name.startswith(".")]
        found += [Path(dirpath) / name for name in dirnames if os.path.islink(os.path.join(dirpath, name))]
    return sorted(found)


def _link_target(path: Path, root: Path) -> tuple[str, Text] | None:
    """(code, message) for a symbolic link MkDocs must not follow, None for a
    harmless one (a file inside the folder, or no link)."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a loop, on Python 3.11
        return "link-broken", msg("link-broken", target=os.readlink(path))
    if not target.is_relative_to(root):
        return "link-outside", msg("link-outside.folder", target=os.readlink(path)) if target.is_dir() else msg("link-outside.file", target=os.readlink(path))
    if target.is_dir() and path.parent.resolve().is_relative_to(target):
        return "link-loop", msg("link-loop", target=os.readlink(path))
    if target.is_dir():
        return "link-folder", msg("link-folder", target=os.readlink(path))
    return None


def link_problems(folder: Path, paths: list[Path] | None = None) -> list[Problem]:
    """Every symbolic link under `folder` (of `paths`, its walk) that MkDocs
    would follow out of it, round in a circle or into a folder twice; errors,
    since MkDocs' own walk (which follows links) would publish, hang on or copy
    twice what they lead to."""
    root = folder.resolve()
    problems: list[Problem] = []
    for path in _walk(folder) if paths is None else paths:
        found = _link_target(path, root)
        if found is not None:
            code, message = found
            problems.append(Problem(path.relative_to(folder).as_posix(), None, None, message, msg("link.points.hint"), code=code))
    return problems


def read_sources(folder: Path, paths: list[Path] | None = None) -> tuple[list[Source], list[Problem]]:
    """Every Markdown file under `folder` (of `paths`, its walk), in a stable
    order; never follows a link out of the folder, into a folder or round in a
    circle. A page MkDocs would render from another suffix is refused."""
    root = folder.resolve()
    sources: list[Source] = []
    problems: list[Problem] = []
    for path in _walk(folder) if paths is None else paths:
        rel = path.relative_to(folder).as_posix()
        if path.suffix != ".md":
            if is_page(rel):
                problems.append(_other_page_suffix(rel, path))
            continue
        source, problem = _read_one(path, rel, root)
        if problem:
            problems.append(problem)
        if source:
            sources.append(source)
    return sources, problems


def _other_page_suffix(rel: str, path: Path) -> Problem:
    # Read like .md, such a page would still miss every place that names pages
    # by .md (the plugin, the nav, redlines); refused, one suffix stays the rule.
    return Problem(
        rel, None, None,
        msg("page-suffix", suffix=path.suffix),
        msg("page-suffix.hint", stem=path.stem),
        code="page-suffix",
    )


def _read_one(path: Path, rel: str, root: Path) -> tuple[Source | None, Problem | None]:
    link = _link_target(path, root)
    if link is not None:
        return None, Problem(rel, None, None, link[1], msg("link.hint"), code=link[0])
    if not path.is_file():
        return None, None  # a folder named like a Markdown file, a socket…
    stat = path.stat()
    size = stat.st_size
    if size > MAX_FILE_BYTES:
        return None, Problem(rel, None, None, msg("file-too-large", size=size // 1024 // 1024, MAX_FILE_BYTES=MAX_FILE_BYTES // 1024 // 1024), msg("file-too-large.hint"), code="file-too-large")
    stamp = (stat.st_mtime_ns, size, stat.st_ino)
    if (kept := _KEPT_SOURCES.get(str(path))) is not None and kept[0] == stamp:
        return kept[1], None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, Problem(rel, line, None, msg("not-utf8.content", raw=raw[exc.start], start=exc.start), msg("not-utf8.content.hint"), code="not-utf8")
    source = Source(rel, text.replace("\r\n", "\n").replace("\r", "\n"))
    if time.time_ns() - stat.st_mtime_ns > RACY_NS:  # a save in the same clock tick would keep all three (source_stamps.py)
        _KEPT_SOURCES[str(path)] = (stamp, source)
    return source, None


# `serve` reads the content folder again on each change: a file whose (mtime,
# size, inode) are those it had when read, long enough ago to trust, is not
# read again (a tenth of a second of each change on the corpus).
_KEPT_SOURCES: dict[str, tuple[tuple[int, int, int], Source]] = {}


# `serve` rebuilds the whole site on each change; unchanged drafts and laws
# (the bulk of a large site) are not parsed again. Keyed by path and numbering,
# valid while the text is the same; other kinds are cheap and get attachments.
_PARSED: dict[tuple[str, str], tuple[str, Document, list[Problem]]] = {}


def _parse_cached(source: Source, numbering: str, split: Callable[[], Split]) -> tuple[Document | None, list[Problem]]:
    hit = _PARSED.get((source.path, numbering))
    if hit is not None and hit[0] == source.text:
        return dataclasses.replace(hit[1]), list(hit[2])
    document, problems = parse_document(source, numbering, split())
    if document is not None and document.kind in (Kind.DRAFT, Kind.LAW):
        _PARSED[(source.path, numbering)] = (source.text, document, list(problems))
    return document, problems


def gather(
    sources: list[Source],
    settings: Settings,
    read_file: ReadFile | None = None,
    progress: ProgressCallback | None = None,
    safety: list[Problem] | None = None,
    law_texts: bool = True,
    laws_on_demand: bool = False,
) -> Site:
    """Parse every source and link documents to one another; with a `safety`
    list, each source's safety problems (parse/safety.py) are added to it,
    from the same parse of its front matter. Without `law_texts`, laws are
    parsed for their problems only, in worker processes where there are
    many (gather/laws_apart.py): their documents have no articles, except
    those of the laws that other documents need; with `laws_on_demand`,
    those documents have a body parsed again whenever it is read
    (`LegalTextOnDemand`: `lawsite build` of a large site)."""
    site = Site()
    apart = None if law_texts and not laws_on_demand else laws_apart(sources, settings.numbering, progress, bodies=not laws_on_demand)
    for done, source in enumerate(sources, start=1):
        parsed = apart[done - 1] if apart is not None else None
        if parsed is None:
            if progress and apart is None:
                progress(done, len(sources))
            split = functools.cache(functools.partial(split_front_matter, source))  # once, for both (a third of a check)
            document, problems = _parse_cached(source, settings.numbering, split)
            unsafe = _safety_cached(source, split) if safety is not None else []
        else:
            document, problems, unsafe, articles = parsed
            if laws_on_demand and document is not None:
                document.legal = LegalTextOnDemand(document, articles)
        if safety is not None:
            safety += unsafe
        site.problems.extend(problems)
        if document is None:
            continue
        if document.id in site.documents:
            first = site.documents[document.id]
            site.problems.append(
                Problem(source.path, _front_line(document, "id"), "id", msg("duplicate-id", id=document.id, path=first.path), msg("duplicate-id.hint"), code="duplicate-id")
            )
            continue
        site.documents[document.id] = document
        site.by_path[source.path] = document
    if apart is not None:
        site.problems.extend(_parse_named_laws(site, settings.numbering, bodies_apart=not laws_on_demand))
    site.problems.extend(_check_links(site))
    site.problems.extend(_channel_problems(site, settings))
    site.tiers, tier_problems = tiers_of(site.of_kind(Kind.CONTACT_POINT))
    site.problems.extend(tier_problems)
    site.problems.extend(_reading_problems(site))
    site.problems.extend(_theme_problems(site, settings.theme_dirs))
    site.problems.extend(poster_problems(list(site.documents.values())))
    site.problems.extend(_attach_notices(site, read_file))
    site.problems.extend(_photo_problems(site, read_file))
    site.problems.extend(_written_link_problems(site, read_file))
    site.problems.extend(attach_interpretations(site.documents, settings.numbering))
    site.consultations = consultations(site.documents.values(), settings.build_time(), settings.tz)
    return site


def _parse_named_laws(site: Site, numbering: str, bodies_apart: bool) -> list[Problem]:
    """The articles of the laws parsed apart that notices or interpretations
    read; the problems of their bodies, unless the workers parsed those
    (their front matter's are counted already)."""
    problems: list[Problem] = []
    for doc_id in named_laws(site.documents):
        law = site.documents[doc_id]
        document, _ = parse_document(law.source, numbering, body=False)
        if document is None:
            continue
        if document.numbering in NUMBERINGS:  # else reported with the front matter
            found = parse_body(document)
            problems += [] if bodies_apart else found
        site.documents[doc_id] = site.by_path[law.path] = document
    return problems


# Fields that name another document, and the kinds they may name.
_LINKS: dict[str, tuple[Kind, ...]] = {
    "previous": (Kind.DRAFT, Kind.LAW),
    "from_draft": (Kind.DRAFT,),
    "interprets": (Kind.DRAFT, Kind.LAW),
    "concerns": (Kind.DRAFT, Kind.LAW),
    "point": (Kind.CONTACT_POINT,),
}


def _named(document: Document) -> dict[str, str | None]:
    """The id each field of _LINKS names in `document` (None where not given)."""
    point = document.activity.point if document.activity else None
    return {"previous": document.previous, "from_draft": document.from_draft, "interprets": document.interprets, "concerns": document.concerns, "point": point}


def _check_links(site: Site) -> list[Problem]:
    problems: list[Problem] = []
    points = {d.id for d in site.of_kind(Kind.CONTACT_POINT)}
    for document in site.documents.values():
        named = _named(document)
        for key, kinds in _LINKS.items():
            target_id = named[key]
            if target_id is None:
                continue
            target = site.get(target_id)
            if target is document:
                problems.append(_link_problem(document, key, msg("self-reference", key=key, target_id=target_id), msg("self-reference.hint", known=_known(site, kinds)), code="self-reference"))
            elif target is None or target.kind not in kinds:
                names = "/".join(k.value for k in kinds)
                problems.append(_link_problem(document, key, msg("unknown-reference", key=key, target_id=target_id, names=names), msg("unknown-reference.hint", names=names, known=_known(site, kinds))))
        for point in document.contact_points:
            if point not in points:
                problems.append(_link_problem(document, "contact_points", msg("unknown-reference.contact-point", point=point), msg("unknown-reference.contact-point.hint", value=', '.join(sorted(points)) or '—')))
        for index, draft_id in enumerate(document.activity.drafts if document.activity else ()):
            target = site.get(draft_id)
            if target is None or target.kind not in (Kind.DRAFT, Kind.LAW):
                line = document.front_lines.get(("drafts", index)) or _front_line(document, "drafts")
                problems.append(Problem(document.path, line, f"drafts[{index}]", msg("unknown-reference.activity-draft", draft_id=draft_id), msg("unknown-reference.activity-draft.hint", known=_known(site, (Kind.DRAFT, Kind.LAW))), code="unknown-reference"))
    return problems


# A Markdown link or image: [text](target "title") or ![alt](<target>).
_WRITTEN_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)")


def _written_link_problems(site: Site, read_file: ReadFile | None) -> list[Problem]:
    """Every link written in a draft's, law's or interpretation's text must
    name a page or file of the content folder (the text is converted by
    render/inline.py, which rewrites links as MkDocs would, past MkDocs' own
    check of links). A warning: the page is still built, the link's text
    without its address."""
    problems: list[Problem] = []
    for document in site.documents.values():
        if document.kind not in (Kind.DRAFT, Kind.LAW, Kind.INTERPRETATION) or "](" not in document.body:
            continue
        for match in _WRITTEN_LINK.finditer(document.body):
            href = match.group(1)
            named = content_target(href, document.path)
            if named is None:
                continue
            path = named[0]
            if path == ".." or path.startswith("../"):
                message = msg("broken-link.outside", href=href)
            elif path in site.by_path or (not path.endswith(".md") and read_file is not None and isinstance(read_file(path), bytes)):
                continue
            else:
                message = msg("broken-link", href=href, path=path)
            line = document.body_line + document.body.count("\n", 0, match.start())
            problems.append(Problem(document.path, line, None, message, msg("broken-link.hint"), Severity.WARNING, code="broken-link"))
    return problems


def _photo_problems(site: Site, read_file: ReadFile | None) -> list[Problem]:
    """Every activity photo must be an image file of the content folder
    (which the static-file policy checks as it checks every copied file)."""
    problems: list[Problem] = []
    for document in site.of_kind(Kind.ACTIVITY):
        for index, name in enumerate(document.activity.photos if document.activity else ()):
            line = document.front_lines.get(("photos", index)) or _front_line(document, "photos")
            path = beside(document.path, name)
            found = read_file(path) if path is not None and read_file is not None else None
            if path is None:
                message, hint, code = msg("photo-outside", name=name), msg("photo-outside.hint"), "photo-outside"
            elif not path.lower().endswith(PHOTO_SUFFIXES):
                message, hint, code = msg("photo-type", name=name), msg("photo-type.hint", suffixes=" ".join(PHOTO_SUFFIXES)), "photo-type"
            elif isinstance(found, Unreadable):
                message, hint, code = msg("photo-unreadable", name=name, reason=found.reason), msg("photo-unreadable.hint"), "photo-unreadable"
            elif found is None:
                message, hint, code = msg("missing-file.photo", name=name, path=path), msg("missing-file.photo.hint"), "missing-file"
            else:
                continue
            problems.append(Problem(document.path, line, f"photos[{index}]", message, hint, code=code))
    return problems


def _link_problem(document: Document, key: str, message: Text, hint: Text, code: str = "unknown-reference") -> Problem:
    return Problem(document.path, _front_line(document, key), key, message, hint, code=code)


def _theme_problems(site: Site, theme_dirs: tuple[str, ...]) -> list[Problem]:
    """`template:` and `icon:` must name a file of the theme: MkDocs stops the
    build on a missing one, after `check` would have passed."""
    if not theme_dirs:
        return []
    problems: list[Problem] = []
    for document in site.documents.values():
        template, icon = _str(document.meta.get("template")), _str(document.meta.get("icon"))
        if template is not None and theme_file("template", template, theme_dirs) is None:
            problems.append(_link_problem(document, "template", msg("unknown-template", template=template), msg("unknown-template.hint", theme_dirs=theme_dirs[0]), code="unknown-template"))
        if icon is not None and theme_file("icon", icon, theme_dirs) is None:
            problems.append(_link_problem(document, "icon", msg("unknown-icon", icon=icon), msg("unknown-icon.hint"), code="unknown-icon"))
    return problems


def _previous(site: Site, document: Document) -> Document | None:
    target = site.get(document.previous)
    return target if target is not None and target is not document and target.kind in _LINKS["previous"] else None


def _reading_problems(site: Site) -> list[Problem]:
    """`previous:` chains that go round in a circle, or are longer than
    MAX_READINGS. Each document is walked once: `depth` remembers the length
    of the chain behind every document already seen (0 on a reported circle)."""
    problems: list[Problem] = []
    depth: dict[str, int] = {}
    for start in site.of_kind(*_LINKS["previous"]):
        if start.id in depth:
            continue
        path, on_path = [start], {start.id: 0}
        current = _previous(site, start)
        while current is not None and current.id not in depth and current.id not in on_path:
            on_path[current.id] = len(path)
            path.append(current)
            current = _previous(site, current)
        base = depth.get(current.id, 0) if current is not None else 0
        if current is not None and current.id in on_path:
            circle = path[on_path[current.id] :]
            names = " → ".join(d.id for d in circle + circle[:1])
            problems.append(_link_problem(circle[0], "previous", msg("readings-cycle", names=names), msg("readings-cycle.hint"), code="readings-cycle"))
            depth.update((d.id, 0) for d in circle)
            path = path[: on_path[current.id]]
        for document in reversed(path):
            base = depth[document.id] = base + 1
            if base == MAX_READINGS + 1:
                problems.append(_link_problem(document, "previous", msg("readings-too-many", base=base, MAX_READINGS=MAX_READINGS), msg("readings-too-many.hint"), code="readings-too-many"))
    return problems


def _channel_problems(site: Site, settings: Settings) -> list[Problem]:
    """A consultation readers have no way into: no `email`, `form` or `intake`
    of its own, and no site-wide `intake:` in the plugin config either."""
    if settings.intake:
        return []
    silent = [d for d in site.of_kind(Kind.DRAFT, Kind.LAW) if d.comments and not (d.comments.email or d.comments.form or d.comments.intake)]
    return [Problem(d.path, _front_line(d, "comments"), "comments", msg("no-comment-channel"), msg("no-comment-channel.hint"), code="no-comment-channel") for d in silent]


def _front_line(document: Document, key: str) -> int | None:
    return document.front_lines.get((key,))


def _known(site: Site, kinds: tuple[Kind, ...]) -> str:
    ids = [d.id for d in site.of_kind(*kinds)][:8]
    return ", ".join(ids) or "—"


def _attach_notices(site: Site, read_file: ReadFile | None) -> list[Problem]:
    """Parse every notice's suggestions against the draft it concerns."""
    problems: list[Problem] = []
    points = {d.id for d in site.of_kind(Kind.CONTACT_POINT)}
    first: dict[str, Document] = {}  # the first notice on each draft
    for document in site.of_kind(Kind.NOTICE):
        concerned = site.get(document.concerns)
        notice, found = parse_notice(document, concerned, read_file, points)
        site.notices[notice.id] = notice
        problems.extend(found)
        # One notice per draft: a second (`lawsite tally` run twice) would count every comment twice.
        # A later reading is a draft of its own, so its notice is no second one.
        earlier = first.setdefault(document.concerns, document)
        if document.concerns and earlier is not document:
            problems.append(Problem(document.path, _front_line(document, "concerns"), "concerns", msg("second-notice", draft=document.concerns, path=earlier.path), msg("second-notice.hint"), code="second-notice"))
    return problems


def content_reader(folder: Path) -> ReadFile:
    """Bytes of a content-relative file (a notice's CSV), None when missing,
    Unreadable when too large or a link out of the folder."""
    root = folder.resolve()

    def read(rel: str) -> bytes | Unreadable | None:
        path = folder / rel
        try:
            if not path.is_file():
                return None
            if not path.resolve().is_relative_to(root):
                return Unreadable(msg("csv-unreadable.link"))
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                return Unreadable(msg("csv-unreadable.too-large", mb=size / 1024 / 1024, size=size, limit=MAX_FILE_BYTES // 1024 // 1024))
            return path.read_bytes()
        except (OSError, RuntimeError) as exc:  # a link loop, a file removed meanwhile
            return Unreadable(msg("csv-unreadable.unreadable", reason=exc.strerror if isinstance(exc, OSError) else exc))

    return read


# A pure function of the file's text: cached like `_parse_cached`, for serve rebuilds.
_SAFETY: dict[str, tuple[str, list[Problem]]] = {}


def _safety_cached(source: Source, split: Callable[[], Split]) -> list[Problem]:
    hit = _SAFETY.get(source.path)
    if hit is None or hit[0] != source.text:
        hit = _SAFETY[source.path] = (source.text, source_problems(source, split()))
    return list(hit[1])


def forget_parsed() -> None:
    """Drop the parse caches (the whole site's documents): for the end of a
    build that will not be followed by a rebuild."""
    _PARSED.clear()
    _SAFETY.clear()
    _KEPT_SOURCES.clear()


def load_site(folder: Path, settings: Settings | None = None, progress: ProgressCallback | None = None, law_texts: bool = True, laws_on_demand: bool = False) -> Site:
    """Read and gather the content folder: the one entry point for everyone.

    `progress(done, total)` is called as documents are parsed (see progress.py).
    Without `law_texts` (`lawsite check`), laws are parsed for their problems
    only; with `laws_on_demand`, their bodies are parsed again when read
    (see `gather`)."""
    paths = _walk(folder)  # the one walk of the folder, which follows no link
    sources, problems = read_sources(folder, paths)
    unsafe: list[Problem] = []  # hostile input: unsafe URLs, control characters, nesting
    site = gather(sources, settings or Settings(), content_reader(folder), progress, safety=unsafe, law_texts=law_texts, laws_on_demand=laws_on_demand)
    links = link_problems(folder, paths)
    known = {(p.path, p.code) for p in problems}
    problems += [p for p in links if (p.path, p.code) not in known]
    linked = {p.path for p in links}  # a refused link's target is not the site's to check
    problems += [p for p in static_file_problems(served_files(folder, paths)) if p.path not in linked]
    site.problems[:0] = problems + unsafe
    return site

