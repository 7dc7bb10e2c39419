"""The thin command line: check, outline, build, serve, new.

Exit codes: 0 success, 1 content errors (or warnings under --strict), 2 usage
or configuration errors.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable, Sequence

from . import __version__
from .commands import intake as intake_command
from .model import ConfigError, Kind, LawsiteError, Problem, Source
from .outline import outline_dict, outline_text, with_site_notes
from .parse.document import parse_document
from .parse.legal import parse_legal_text
from .progress import Progress
from .project import Project, load_project
from .report import format_problem
from .site import Site, load_site, read_sources

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _project(args: argparse.Namespace) -> Project:
    return load_project(Path(args.config_file))


# --- check ---------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    project = _project(args)
    progress = Progress("checking")
    site = load_site(project.content_dir, project.settings, progress)
    progress.close()
    problems = sorted(site.problems, key=lambda p: (p.path, p.line or 0))
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    summary = f"{len(site.documents)} document(s) checked: {len(errors)} error(s), {len(warnings)} warning(s)"
    if args.format in ("github", "gitlab") or args.output:
        _write_report(args, project, problems, summary)
    elif args.format == "json":
        print(json.dumps({"errors": len(errors), "warnings": len(warnings), "problems": [p.to_dict() for p in problems]}, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            print(format_problem(problem))
        for note in _csv_notes(site):
            print(note)
        print(summary)
    failed = errors or (args.strict and warnings)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _csv_notes(site: Site) -> list[str]:
    """The encoding each notice's CSV was read in: Excel exports are guessed at."""
    from .parse.notice import ENCODING_NAMES

    notes = []
    for notice in site.notices.values():
        document = site.documents[notice.id]
        if notice.csv_encoding:
            rows = sum(1 for s in notice.suggestions if s.path != document.path)
            notes.append(f"{document.path}: {rows} suggestion(s) read from {document.meta.get('suggestions_file')} as {ENCODING_NAMES[notice.csv_encoding]}")
    return notes


def _write_report(args: argparse.Namespace, project: Project, problems: list[Problem], summary: str) -> None:
    """CI formats (see lawsite.report): to --output, or to stdout with the summary kept off it."""
    from . import report

    prefix = report.content_prefix(project.content_dir)
    if args.format == "github":
        text = report.github_annotations(problems, prefix) + summary + "\n"
    elif args.format == "gitlab":
        text = report.gitlab_code_quality(problems, prefix)
    elif args.format == "json":
        text = json.dumps({"problems": [p.to_dict() for p in problems]}, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(format_problem(p) + "\n" for p in problems) + summary + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        for problem in problems:  # the job log still shows every problem
            print(format_problem(problem))
        print(f"{summary}; report written to {args.output}")
    else:
        sys.stdout.write(text)
        if args.format == "gitlab":
            print(summary, file=sys.stderr)


# --- outline ---------------------------------------------------------------------


def _outline_sources(paths: list[str]) -> tuple[list[Source], list[Problem]]:
    sources: list[Source] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, trouble = read_sources(path)
            sources += [Source(str(path / s.path), s.text) for s in found]
            problems += trouble
        elif path.is_file():
            found, trouble = read_sources_of_file(path)
            sources += found
            problems += trouble
        else:
            raise ConfigError(f"{raw}: no such file or folder")
    return sources, problems


def read_sources_of_file(path: Path) -> tuple[list[Source], list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [], [Problem(str(path), None, None, "file is not UTF-8", "save the file as UTF-8", code="not-utf8")]
    return [Source(str(path), text.replace("\r\n", "\n"))], []


def cmd_outline(args: argparse.Namespace) -> int:
    sources, problems = _outline_sources(args.paths)
    results = []
    for source in sources:
        document, found = parse_document(source)
        problems += found
        if document is not None and document.legal is None and document.kind is Kind.PAGE:
            # A file without front matter (e.g. an imported law): outline its body anyway.
            document.legal, found = parse_legal_text(document.body, path=document.path, first_line=document.body_line)
            problems += found
        if document is None or document.legal is None:
            continue
        results.append((document, outline_dict(document.legal)))
    if args.json:
        notes = _site_notes(args, [Path(d.path) for d, _ in results])
        results = [(d, with_site_notes(o, notes(Path(d.path)) if notes else None)) for d, o in results]
        payload = {
            "documents": [{"path": d.path, "id": d.id, "kind": d.kind.value, "title": d.title, **o} for d, o in results],
            "problems": [p.to_dict() for p in problems],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    else:
        for document, _ in results:
            print(f"{document.path}  [{document.kind.value}] {document.id}  {document.title}")
            print(outline_text(document.legal))  # type: ignore[arg-type]
        for problem in problems:
            print(format_problem(problem), file=sys.stderr)
    return EXIT_OK


def _site_notes(args: argparse.Namespace, paths: list[Path]) -> Callable[[Path], dict[str, dict[str, Any]] | None] | None:
    """Per-file article notes (interpretation, ledger) when some of `paths`
    lie in the content folder of the site, else None (the plain outline)."""
    from .readings import SiteNotes

    config = Path(args.config_file)
    if not config.is_file():
        return None
    try:
        project = load_project(config)
    except ConfigError as exc:
        # Outlining files needs no site: say why the site's notes are missing, go on.
        print(f"lawsite: {exc}; outlining without interpretations and ledger counts", file=sys.stderr)
        return None
    root = project.content_dir.resolve()
    if not any(p.resolve().is_relative_to(root) for p in paths):
        return None  # e.g. corpus files: reading the site would only cost time
    site = load_site(project.content_dir, project.settings)
    return SiteNotes(project.content_dir, site, site.ledger, project.settings.site_url).for_path


# --- build and serve ---------------------------------------------------------------


def cmd_build(args: argparse.Namespace) -> int:
    from .publish import Sources, publish

    project = _project(args)
    site_dir = Path(args.site_dir) if args.site_dir else project.site_dir

    def build_into(folder: Path) -> None:
        _require_engine()  # before starting a process for nothing
        with tempfile.TemporaryDirectory(prefix="lawsite-build-") as scratch:
            index_request = Path(scratch) / "search-index"
            _build_in_own_process(project.config_file, folder, args.strict, index_request)
            if index_request.exists():  # Pagefind, now that MkDocs' memory is freed
                _index_search(Path(index_request.read_text(encoding="utf-8")))

    try:
        publish(site_dir, build_into, Sources(project.content_dir, project.config_file.parent), tell=lambda message: print(message, file=sys.stderr))
    except BuildFailed:
        print(f"build failed; {site_dir} was left as it was.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"site built into {site_dir}")
    return EXIT_OK


class BuildFailed(LawsiteError):
    """The MkDocs build or the search index failed (the cause is printed already)."""


def _require_engine() -> None:
    """The plugin's own check (compat.py), made here too: the MkDocs process
    would only fail on it after starting up."""
    import mkdocs

    from .compat import require_supported_engine

    try:
        require_supported_engine(getattr(mkdocs, "__version__", ""))
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        raise BuildFailed(str(exc)) from exc


def _build_in_own_process(config_file: Path, folder: Path, strict: bool, index_request: Path) -> None:
    """Run MkDocs in a fresh process that asks for the search index to be
    left to us. On the corpus MkDocs peaks near 300 MB and Pagefind near
    250 MB; one after the other, never both at once, the build needs no more
    memory than plain MkDocs. The process's output (warnings, progress) goes
    to our stderr."""
    context = multiprocessing.get_context("spawn")  # fresh: nothing of ours is copied into it
    process = context.Process(target=_mkdocs_build, args=(str(config_file), str(folder), strict, str(index_request), os.getpid()))
    process.start()
    process.join()
    if process.exitcode != 0:
        raise BuildFailed(f"MkDocs ended with exit code {process.exitcode}")


def _mkdocs_build(config_file: str, folder: str, strict: bool, index_request: str, parent: int) -> None:
    """The MkDocs build (in the process `_build_in_own_process` starts)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .outputs.search import DEFER_ENV
    from .publish import hold_build_folder

    _exit_with(parent)
    if not hold_build_folder(Path(folder)):
        sys.exit(EXIT_PROBLEMS)  # the build was killed and its folder removed before we began
    os.environ[DEFER_ENV] = index_request
    try:
        build(load_config(config_file, site_dir=folder, strict=strict))
    except MkDocsException as exc:
        print(exc, file=sys.stderr)
        sys.exit(EXIT_PROBLEMS)


def _exit_with(parent: int) -> None:
    """End this process when `parent` is gone (a killed `lawsite build`): a
    build nobody waits for must not go on writing into the folder that the
    next build cleans up."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(EXIT_PROBLEMS)

    threading.Thread(target=watch, daemon=True).start()


def _index_search(site_dir: Path) -> None:
    from .outputs.search import index_site

    progress = Progress("indexing for search")
    result = index_site(site_dir, progress=progress)
    progress.close()
    for problem in result.problems:
        print(format_problem(problem), file=sys.stderr)
    if any(problem.is_error for problem in result.problems):
        raise BuildFailed("the search index failed")
    print(f"search index: {result.page_count} pages in {result.shards} part(s)")


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    project = _project(args)
    # Dirty rebuilds: after the first build, a change re-renders only the pages
    # whose file changed (seconds on a 1,564-law site instead of minutes).
    serve(config_file=str(project.config_file), livereload=True, dev_addr=args.dev_addr, build_type=None if args.full_rebuild else "dirty")
    return EXIT_OK


# --- new ---------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import Answers, complete, scaffold

    project = _project(args)
    site = load_site(project.content_dir, project.settings)
    given = Answers(title=args.title, id=args.id, interprets=args.interprets, concerns=args.concerns, path=args.path)
    ask = input if sys.stdin.isatty() else None  # ask only a person, never a pipe
    target = scaffold(args.kind, project.content_dir, complete(args.kind, given, site, ask), site, project.settings.today())
    print(f"created {target}; next: edit it, then run `lawsite check`")
    return EXIT_OK


# --- import ------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    from .importer import import_paths

    sources = [Path(raw) for raw in args.sources]
    missing = [str(s) for s in sources if not s.exists()]
    if missing:
        raise ConfigError(f"no such file or folder: {', '.join(missing)}")
    progress = Progress("importing")
    result = import_paths(sources, Path(args.into), force=args.force, progress=progress)
    progress.close()
    for problem in result.problems:
        print(format_problem(problem), file=sys.stderr)
    unread = sum(1 for p in result.problems if p.is_error)
    print(f"{len(result.written)} file(s) written into {args.into}, {len(result.skipped)} left as they were (use --force to overwrite), {unread} could not be read")
    return EXIT_PROBLEMS if unread else EXIT_OK


# --- tally -------------------------------------------------------------------------


def cmd_tally(args: argparse.Namespace) -> int:
    from .tally import report_lines, skeleton, tally_comments

    project = _project(args)
    site = load_site(project.content_dir, project.settings)
    draft = site.get(args.concerns)
    if draft is None or draft.legal is None:
        known = ", ".join(d.id for d in site.of_kind(Kind.DRAFT, Kind.LAW)) or "none"
        raise ConfigError(f"--concerns {args.concerns}: no draft or law with that id (known: {known})")
    notice_id = args.id or next(i for n in range(1, 1000) if (i := f"{draft.id}-feedback" + (f"-{n}" if n > 1 else "")) not in site.documents)
    out = Path(args.out) if args.out else project.content_dir / "notices" / f"{notice_id}.md"
    if out.exists():
        raise FileExistsError(f"{out} exists already; choose another --out (tally never overwrites)")
    if notice_id in site.documents:
        raise ConfigError(f"id {notice_id} is already used by {site.documents[notice_id].path}; choose another --id")
    source = Path(args.file)
    if not source.is_file():
        raise ConfigError(f"{source}: no such file")
    result = tally_comments(source.read_bytes(), str(source), draft)
    for problem in result.problems:
        print(format_problem(problem), file=sys.stderr)
    if result.problems:
        print(f"{len(result.problems)} problem(s) in {source}; nothing written", file=sys.stderr)
        return EXIT_PROBLEMS
    print("\n".join(report_lines(draft, result)))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(skeleton(draft, result, notice_id))
    print(f"created {out}; next: decide each outcome, then run `lawsite check`")
    return EXIT_OK


# --- wiring -------------------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="lawsite", description="Publish draft laws, interpretations and adoption notices as a static site.")
    top.add_argument("--version", action="version", version=f"lawsite {__version__}")
    top.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate all content and report every problem")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument(
        "--format",
        choices=("text", "json", "github", "gitlab"),
        default="text",
        help="github: workflow commands that annotate pull requests; gitlab: a Code Quality report (JSON)",
    )
    check.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (the log still lists every problem)")
    check.set_defaults(run=cmd_check)

    outline = commands.add_parser("outline", help="show how files were parsed (divisions, articles)")
    outline.add_argument("paths", nargs="+", metavar="PATH", help="Markdown files or folders")
    outline.add_argument("--json", action="store_true", help="stable JSON (see lawsite.outline)")
    outline.set_defaults(run=cmd_outline)

    build = commands.add_parser("build", help="build the site; the previous site stays if the build fails")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.add_argument("-d", "--site-dir", help="where to publish (default: site_dir of mkdocs.yml)")
    build.set_defaults(run=cmd_build)

    serve = commands.add_parser("serve", help="preview with live reload")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")
    serve.add_argument("--full-rebuild", action="store_true", help="rebuild every page on each change (slow on large sites; default: only changed pages)")
    serve.set_defaults(run=cmd_serve)

    new = commands.add_parser("new", help="create a content file from a template")
    new.add_argument("kind", choices=("draft", "law", "interpretation", "notice", "contact-point", "page"))
    new.add_argument("--id", help="document id (default: KIND-YYYY-MM-DD)")
    new.add_argument("--title", help="document title (asked for on a terminal when missing)")
    new.add_argument("--interprets", metavar="ID", help="interpretation: the id of the draft or law it explains")
    new.add_argument("--concerns", metavar="ID", help="notice: the id of the draft the suggestions were made on")
    new.add_argument("--path", help="file to write (default: content/<kind folder>/<id>.md)")
    new.set_defaults(run=cmd_new)

    tally = commands.add_parser("tally", help="collected comments (CSV: article,from,text[,count]) → a notice skeleton")
    tally.add_argument("file", metavar="FILE.csv", help="one row per comment; UTF-8 (with or without BOM) or GBK")
    tally.add_argument("--concerns", required=True, metavar="ID", help="the id of the draft the comments were made on")
    tally.add_argument("--id", help="the notice's id (default: ID-feedback)")
    tally.add_argument("--out", metavar="PATH", help="file to write (default: content/notices/<id>.md); never overwritten")
    tally.set_defaults(run=cmd_tally)

    imp = commands.add_parser("import", help="convert existing law Markdown (title, dated lines, <!-- INFO END -->) into content files")
    imp.add_argument("sources", nargs="+", metavar="SRC", help="Markdown files or folders (subfolders become categories)")
    imp.add_argument("--into", required=True, help="content folder to write into, e.g. content/laws/")
    imp.add_argument("--force", action="store_true", help="overwrite files that exist already")
    imp.set_defaults(run=cmd_import)
    intake_command.add_parser(commands)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    try:
        return args.run(args)
    except (ConfigError, FileExistsError) as exc:
        print(f"lawsite: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except LawsiteError as exc:
        print(f"lawsite: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
