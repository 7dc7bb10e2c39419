"""Existing law Markdown (the corpus convention) → lawsite content files.

The corpus convention (see ``corpus/SOURCE.md``): ``# Title``, for Civil Code
parts a second ``# Part``, then dated lines ``1979年7月1日 …通过`` up to the
line ``<!-- INFO END -->``, then the legal text. `convert` is pure: text in,
front matter + body (or Problems) out. `import_paths` is the thin file
handling around it: it walks the sources, keeps their folders as categories,
never overwrites without `force`, and reports what it could not read.

Ids are derived from the path below the category root (``民法典/总则.md`` →
``民法典-总则``): the same source always gets the same id (stable), two files
never share a path (unique), and Chinese ids are readable where an ASCII
transliteration would need a pinyin dependency whose polyphone guesses may
change between versions (or a hash nobody can read).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator

import yaml

from .messages import msg
from .model import Problem, Severity

INFO_END = "<!-- INFO END -->"

# 1979年7月1日 (also 1979年07月01日 and a stray space before 日/月).
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_ID_UNSAFE = re.compile(r"[\s/\\?#%&<>\"']+")

# The event a line records, from the verb it ends with (the last one wins:
# "…《关于修改…的决定》第一次修正" is an amendment, not a passing).
_VERBS: dict[str, str] = {
    "通过": "passed",
    "批准": "approved",
    "公布": "promulgated",
    "发布": "promulgated",
    "颁布": "promulgated",
    "印发": "promulgated",
    "修正": "amended",
    "修改": "amended",
    "修订": "revised",
    "施行": "effective",
    "实施": "effective",
    "生效": "effective",
    "执行": "effective",
    "废止": "repealed",
}
_VERB = re.compile("|".join(_VERBS))
# "…会议通过的《中华人民共和国刑法修正案（二）》": another act passed that amends this one.
_PASSED_OTHER = re.compile(r"通过的《")


@dataclass(frozen=True)
class Event:
    date: dt.date
    type: str
    text: str  # the line as written (continuation lines joined)

    def to_dict(self) -> dict[str, object]:
        return {"date": self.date, "type": self.type, "text": self.text}


@dataclass
class Header:
    """What precedes ``<!-- INFO END -->``."""

    title: str
    part: str | None = None  # Civil Code parts: 人格权编
    events: list[Event] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # undated lines (法释〔2021〕11号, …)
    body: str = ""
    body_line: int = 1  # source line where the body starts


def event_type(text: str) -> str:
    """The kind of event a dated line records (see `_VERBS`)."""
    if _PASSED_OTHER.search(text):
        return "amended"
    verbs = _VERB.findall(text)
    return _VERBS[verbs[-1]] if verbs else "other"


def _split_events(line: str) -> list[tuple[dt.date | None, str]]:
    """One line may hold two events ("…第一次修订  2012年10月16日…第二次修订）")."""
    starts = [m.start() for m in _DATE.finditer(line) if m.start() == 0 or line[m.start() - 1] in " \u3000\t"]
    if not starts or starts[0] != 0:
        return [(None, line)]
    pieces = [line[a:b].strip() for a, b in zip(starts, starts[1:] + [len(line)])]
    return [(_date_of(piece), piece) for piece in pieces]


def _date_of(text: str) -> dt.date | None:
    match = _DATE.match(text)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


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
    pieces = _split_events(line)
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
    """``民法典/总则.md`` → ``民法典-总则`` (see the module docstring)."""
    stem = str(PurePosixPath(rel_path).with_suffix(""))
    return _ID_UNSAFE.sub("-", stem).strip("-")


def front_matter(header: Header, rel_path: str, category: str) -> dict[str, object]:
    """The front matter of the imported file, in a stable key order."""
    def dates(kind: str) -> list[dt.date]:
        return [e.date for e in header.events if e.type == kind]

    data: dict[str, object] = {
        "kind": "law",
        "id": doc_id(rel_path),
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


def convert(text: str, rel_path: str, category: str) -> tuple[str | None, list[Problem]]:
    """One corpus file's text → the text of a lawsite content file."""
    header, problems = parse_header(text.lstrip("\ufeff").replace("\r\n", "\n"), rel_path)
    if header is None:
        return None, problems
    meta = yaml.dump(front_matter(header, rel_path, category), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{meta}---\n{header.body}", problems


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
        for path in sorted(source.rglob("*.md")):
            rel = path.relative_to(source)
            if any(part.startswith(".") for part in rel.parts):
                continue
            yield path, (rel.as_posix() if len(rel.parts) > 1 else f"{source.resolve().name}/{rel.as_posix()}")


def import_paths(
    sources: list[Path],
    into: Path,
    *,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Convert every source file into `into`; problems are collected, not raised."""
    result = ImportResult()
    jobs = list(plan(sources))
    for done, (path, rel) in enumerate(jobs, start=1):
        _import_one(path, rel, into, force, result)
        if progress:
            progress(done, len(jobs))
    return result


def _import_one(path: Path, rel: str, into: Path, force: bool, result: ImportResult) -> None:
    shown = str(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        result.problems.append(Problem(shown, None, None, msg("not-utf8.import", start=exc.start), msg("not-utf8.import.hint"), code="not-utf8"))
        return
    except OSError as exc:
        result.problems.append(Problem(shown, None, None, msg("unreadable", strerror=exc.strerror), code="unreadable"))
        return
    category = str(PurePosixPath(rel).parent)
    converted, problems = convert(text, rel, category)
    result.problems.extend(Problem(shown, *_rest(p)) for p in problems)
    if converted is None:
        return
    target = into / rel
    if target.exists() and not force:
        result.skipped.append(target)
        result.problems.append(Problem(str(target), None, None, msg("exists"), msg("exists.hint"), Severity.WARNING, "exists"))
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(converted, encoding="utf-8")
    result.written.append(target)


def _rest(problem: Problem) -> tuple:
    return (problem.line, problem.field, problem.message, problem.hint, problem.severity, problem.code)
