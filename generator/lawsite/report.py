"""`lawsite check` results in the formats CI systems read.

Pure functions from Problems to text:

* `github_annotations` — GitHub Actions workflow commands
  (``::error file=…,line=…,title=…::message``), which the runner turns into
  annotations on the pull request's lines;
* `format_problem` — the plain text of `lawsite check` and the build log;
* `gitlab_code_quality` — a GitLab Code Quality report (a JSON array of
  Code Climate issues) for `artifacts:reports:codequality`.

Problem paths are relative to the content folder; CI wants them relative to
the repository root, so callers pass the content folder's `prefix`
(`content_prefix` finds it; it is the only function here that looks at disk).
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
from collections import Counter
from pathlib import Path
from typing import Iterable

from .messages import msg
from .model import Problem, Severity

# GitLab's severities are info, minor, major, critical, blocker. An error stops
# the build (major); a warning only does under --strict (minor).
GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}
# What the text form calls them: 错误 / 警告, or error / warning.
SEVERITY = {Severity.ERROR: msg("severity.error"), Severity.WARNING: msg("severity.warning")}


def repo_path(problem: Problem, prefix: str) -> str:
    """The problem's file relative to the repository root, with '/'."""
    prefix = prefix.replace("\\", "/").strip("/")
    if prefix in ("", "."):
        return problem.path
    return posixpath.join(prefix, problem.path)


def format_problem(problem: Problem, lang: str) -> str:
    """`path:line [field] severity: message (code)` and, indented, what would
    be right: the one text form, for the terminal and for MkDocs' log, in
    `lang` (see lawsite.messages)."""
    where = problem.path + (f":{problem.line}" if problem.line else "")
    field = f" [{problem.field}]" if problem.field else ""
    severity = SEVERITY[problem.severity].render(lang)
    text = f"{where}{field} {severity}: {problem.message.render(lang)} ({problem.code})"
    return text + ("\n    " + msg("hint", hint=problem.hint).render(lang) if problem.hint else "")


def describe(problem: Problem, lang: str) -> str:
    """Message and, on the next line, what would be right."""
    where = f"[{problem.field}] " if problem.field else ""
    hint = "\n" + msg("hint", hint=problem.hint).render(lang) if problem.hint else ""
    return f"{where}{problem.message.render(lang)}{hint}"


# --- GitHub Actions ---------------------------------------------------------------


def escape_data(value: str) -> str:
    """Escape a workflow command's message (GitHub's documented rules)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a workflow command property: the message rules plus ':' and ','."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem, prefix: str, lang: str) -> str:
    """One `::error` or `::warning` workflow command."""
    command = "error" if problem.is_error else "warning"
    props = [("file", repo_path(problem, prefix))]
    if problem.line:
        props.append(("line", str(problem.line)))
    props.append(("title", f"lawsite {problem.code}"))
    rendered = ",".join(f"{name}={escape_property(value)}" for name, value in props)
    return f"::{command} {rendered}::{escape_data(describe(problem, lang))}"


def github_annotations(problems: Iterable[Problem], prefix: str, lang: str) -> str:
    """Every problem as a workflow command, one per line."""
    return "".join(github_annotation(p, prefix, lang) + "\n" for p in problems)


# --- GitLab Code Quality ----------------------------------------------------------------


def fingerprint(problem: Problem, path: str, occurrence: int) -> str:
    """A stable id: the same problem keeps it when lines above it move.

    The line is left out on purpose; `occurrence` tells apart identical
    problems in one file so GitLab does not merge them. The English text is
    used whatever the report's language, so the id stays when that changes.
    """
    key = "\0".join((path, problem.code, problem.field or "", problem.message.render("en"), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def gitlab_issues(problems: Iterable[Problem], prefix: str, lang: str) -> list[dict[str, object]]:
    """The Code Quality issues as plain data."""
    seen: Counter[tuple[str, str, str, str]] = Counter()
    issues: list[dict[str, object]] = []
    for problem in problems:
        path = repo_path(problem, prefix)
        key = (path, problem.code, problem.field or "", problem.message.render("en"))
        occurrence = seen[key]
        seen[key] += 1
        issues.append(
            {
                "description": describe(problem, lang).replace("\n", " — "),
                "check_name": problem.code,
                "fingerprint": fingerprint(problem, path, occurrence),
                "severity": GITLAB_SEVERITY[problem.severity],
                "location": {"path": path, "lines": {"begin": problem.line or 1}},
            }
        )
    return issues


def gitlab_code_quality(problems: Iterable[Problem], prefix: str, lang: str) -> str:
    """The report as JSON text (an array, empty when all is well)."""
    return json.dumps(gitlab_issues(problems, prefix, lang), ensure_ascii=False, indent=2) + "\n"


def content_prefix(content_dir: Path, root: Path | None = None) -> str:
    """The content folder relative to the repository root (the working
    directory, or the checkout CI names), so annotated paths match the diff."""
    base = root or Path(os.environ.get("GITHUB_WORKSPACE") or os.environ.get("CI_PROJECT_DIR") or Path.cwd())
    try:
        return content_dir.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return content_dir.as_posix()
