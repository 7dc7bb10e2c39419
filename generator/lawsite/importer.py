"""Existing law Markdown (the corpus convention) → lawsite content files.

The corpus convention (see ``corpus/SOURCE.md``): ``# Title``, for Civil Code
parts a second ``# Part``, then dated lines ``1979年7月1日 …通过`` up to the
line ``<!-- INFO END -->``, then the legal text. `convert` is pure: text in,
front matter + body (or Problems) out. `import_paths` is the thin file
handling around it: it walks the sources, keeps their folders as categories,
never overwrites without `force`, and reports what it could not read.

Ids are derived from the path below the category root (``民法典/总则.md`` →
``民法典-总则``) by the one id rule (`ids.as_id`: what it does not allow
becomes ``-``): the same source always gets the same id (stable); two paths
that make the same id in one import keep apart by a digest of the path
(unique); and Chinese ids are readable where an ASCII transliteration would
need a pinyin dependency whose polyphone guesses may change between versions
(or a hash nobody can read).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator

import yaml

from .ids import as_id
from .messages import msg
from .model import Problem, Severity
from .parse.history import Event, Header, event_type, split_events

INFO_END = "<!-- INFO END -->"
# What `import` reads: the corpus convention, and what offices hold (see `office`).
SUFFIXES = (".md", ".txt", ".docx", ".doc", ".wps")
MAX_SOURCE_BYTES = 32 * 1024 * 1024  # read into memory whole; each reader bounds what it parses

_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$")


def _unbalanced(text: str) -> bool:
    # A quoted act's name broken over several lines: 《关于修改<…>\n<…>的决定》.
    return text.count("《") > text.count("》")


def parse_header(text: str, path: str) -> tuple[Header | None, list[Problem]]:
    """Split a corpus file into its header fields and its body."""
    lines = text.split("\n")
    end = next((i for i, line in enumerate(lines) if line.strip() == INFO_END), None)
    if end is None:
        return None, [Problem(path, None, None, msg("no-info-end", INFO_END=INFO_END), msg("no-info-end.hint", INFO_END=INFO_END), code="no-info-end")]
    titles = [(i, m.group(1)) for i, line in enumerate(lines[:end]) if (m := _TITLE.match(line.strip()))]
    if not titles:
        return None, [Problem(path, 1, None, msg("no-title"), msg("no-title.hint"), code="no-title")]
    header = Header(title=titles[0][1], part=titles[1][1] if len(titles) > 1 else None)
    problems = [
        Problem(path, i + 1, None, msg("extra-title", t=t), msg("extra-title.hint"), Severity.WARNING, "extra-title")
        for i, t in titles[2:]
    ]
    title_lines = {i for i, _ in titles}
    for index, raw in enumerate(lines[:end]):
        line = raw.strip()
        if not line or index in title_lines:
            continue
        _add_line(header, line)
    header.body = "\n".join(lines[end + 1 :])
    header.body_line = end + 2
    return header, problems


def _add_line(header: Header, line: str) -> None:
    last = header.events[-1] if header.events else None
    pieces = split_events(line)
    if pieces[0][0] is None:
        if last is not None and _unbalanced(last.text):
            header.events[-1] = Event(last.date, event_type(last.text + line), last.text + line)
        else:
            header.notes.append(line)
        return
    for date, piece in pieces:
        if date is None:
            header.notes.append(piece)
        else:
            header.events.append(Event(date, event_type(piece), piece))


def doc_id(rel_path: str) -> str:
    """``民法典/总则.md`` → ``民法典-总则``, made an id by the one rule
    (`ids.as_id`; see the module docstring)."""
    return as_id(str(PurePosixPath(rel_path).with_suffix("")))


def unique_id(rel_path: str, taken: set[str]) -> str:
    """`doc_id(rel_path)`, unless another source of the same import made it
    already (``a 、b.md`` and ``a、b.md`` both make ``a-b``): then with a digest
    of the path, so that each source keeps its own stable id."""
    made = doc_id(rel_path)
    if made in taken:
        made = as_id(made, "-" + hashlib.sha256(rel_path.encode("utf-8")).hexdigest()[:8])
    taken.add(made)
    return made


def front_matter(header: Header, ident: str, category: str) -> dict[str, object]:
    """The front matter of the imported file, in a stable key order."""
    def dates(kind: str) -> list[dt.date]:
        return [e.date for e in header.events if e.type == kind]

    data: dict[str, object] = {
        "kind": "law",
        "id": ident,
        "title": f"{header.title}·{header.part}" if header.part else header.title,
        "category": category,
    }
    singles = {"adopted": dates("passed")[:1], "promulgated": dates("promulgated")[:1], "effective": dates("effective")[-1:]}
    data.update({key: found[0] for key, found in singles.items() if found})
    data.update({key: found for key in ("amended", "revised") if (found := dates(key))})
    if header.events:
        data["events"] = [e.to_dict() for e in header.events]
    if header.notes:
        data["notes"] = list(header.notes)
    return data


def convert(text: str, rel_path: str, category: str, kind: str = "law", today: dt.date | None = None) -> tuple[str | None, list[Problem]]:
    """One corpus file's text → the text of a lawsite content file."""
    header, problems = parse_header(text.lstrip("\ufeff").replace("\r\n", "\n"), rel_path)
    if header is None:
        return None, problems
    return content_file(header, doc_id(rel_path), category, kind, today), problems


def content_file(header: Header, ident: str, category: str, kind: str = "law", today: dt.date | None = None) -> str:
    """A law's front matter and body; or, for `kind` draft, the front matter
    `lawsite new draft` writes (a `comments:` block to fill in) with the
    header's dated lines kept as the body's first paragraph."""
    if kind == "draft":
        from .scaffold import front_matter_text

        dated = ["（" + "　".join(e.text for e in header.events) + "）"] if header.events else []
        title = f"{header.title}·{header.part}" if header.part else header.title
        front = front_matter_text("draft", ident, title, today or dt.date.today())
        return front + "".join(f"\n{line}\n" for line in header.notes + dated) + "\n" + header.body.lstrip("\n")
    meta = yaml.dump(front_matter(header, ident, category), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{meta}---\n{header.body}"


class _Dumper(yaml.SafeDumper):
    """Writes a date shared by `adopted` and `events` twice, not as &id001 / *id001."""

    def ignore_aliases(self, data: object) -> bool:
        return True


# --- files ----------------------------------------------------------------------


@dataclass
class ImportResult:
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # existed, no --force
    problems: list[Problem] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)  # made so far, each once (unique_id)


def plan(sources: list[Path]) -> Iterator[tuple[Path, str]]:
    """Every file to import with its path below `--into`.

    A folder keeps its subfolders; its own name is the category of files lying
    directly in it, so importing ``laws/`` and ``laws/宪法相关法/`` give the same
    ``宪法相关法/….md``.
    """
    for source in sources:
        if source.is_file():
            yield source, f"{source.parent.name}/{source.name}" if source.parent.name else source.name
            continue
        for path in sorted(p for p in source.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()):
            rel = path.relative_to(source)
            if any(part.startswith((".", "~$")) for part in rel.parts):  # ~$x.docx: Word's lock file
                continue
            yield path, (rel.as_posix() if len(rel.parts) > 1 else f"{source.resolve().name}/{rel.as_posix()}")


def import_paths(
    sources: list[Path],
    into: Path,
    *,
    force: bool = False,
    kind: str = "law",
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Convert every source file into `into` as `kind` (law or draft);
    problems are collected, not raised."""
    result = ImportResult()
    jobs = list(plan(sources))
    for done, (path, rel) in enumerate(jobs, start=1):
        _import_one(path, rel, into, force, kind, result)
        if progress:
            progress(done, len(jobs))
    return result


def _import_one(path: Path, rel: str, into: Path, force: bool, kind: str, result: ImportResult) -> None:
    shown = str(path)
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            result.problems.append(Problem(shown, None, None, msg("import-too-large", size=path.stat().st_size, limit=MAX_SOURCE_BYTES), msg("import-too-large.hint"), code="import-too-large"))
            return
        data = path.read_bytes()
    except OSError as exc:
        result.problems.append(Problem(shown, None, None, msg("unreadable", strerror=exc.strerror), code="unreadable"))
        return
    header, problems = _read(path, data, rel, shown)
    result.problems.extend(problems)
    if header is None or any(p.is_error for p in problems):
        return
    rel = str(PurePosixPath(rel).with_suffix(".md"))
    category = str(PurePosixPath(rel).parent)
    target = into / rel
    if target.exists() and not force:
        result.skipped.append(target)
        result.problems.append(Problem(str(target), None, None, msg("exists"), msg("exists.hint"), Severity.WARNING, "exists"))
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content_file(header, unique_id(rel, result.ids), category, kind), encoding="utf-8")
    result.written.append(target)


def _read(path: Path, data: bytes, rel: str, shown: str) -> tuple[Header | None, list[Problem]]:
    """The header and body of one source file, by its kind (the suffix)."""
    if path.suffix.lower() != ".md":
        from .office import read_office

        structured, problems = read_office(path, data, shown)
        return (structured.header if structured else None), problems
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, None, None, msg("not-utf8.import", start=exc.start), msg("not-utf8.import.hint"), code="not-utf8")]
    header, problems = parse_header(text.lstrip("\ufeff").replace("\r\n", "\n"), rel)
    return header, [Problem(shown, *_rest(p)) for p in problems]


def _rest(problem: Problem) -> tuple:
    return (problem.line, problem.field, problem.message, problem.hint, problem.severity, problem.code)
