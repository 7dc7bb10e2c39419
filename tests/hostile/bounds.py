"""The issue's resource bound for one hostile file, for every hostile test:
`lawsite check`'s work (or the `lawsite` CLI itself) in a child process with at
most 200 MB of address space (`RLIMIT_AS`, set before any import, so a blow-up
fails there and not in the test runner; a build's worker inherits it), whose CPU
time is measured inside it. A resource bound, not a benchmark: the wall-clock
timeout only catches a hang on a loaded machine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

MAX_SECONDS = 2.0  # CPU seconds for one hostile file (issue 16)
MAX_MEGABYTES = 200  # address space, imports included
HANG_SECONDS = 120

# Both children: the memory limit first, and peak memory from VmHWM, not
# ru_maxrss: Linux keeps the latter across exec, so it would report the size
# of the pytest process the child was forked from.
_PRELUDE = """\
import json, resource, sys, time
limit = int(sys.argv[1]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
def peak_mb():  # this process, or the build's worker once it has ended
    own = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
    return max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) // 1024
"""

# The CLI; its CPU time and peak memory on the last line of stderr.
_CLI = _PRELUDE + """\
from lawsite.cli import main
def cpu():  # this process and the build's worker process, once it has ended
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))
start = cpu()
try:
    code = main(sys.argv[2:])
finally:
    sys.stderr.write("\\n" + json.dumps({"cpu": cpu() - start, "peak_mb": peak_mb()}) + "\\n")
sys.exit(code)
"""

# What `lawsite check` runs (load_site), on each site (its mkdocs.yml) or content folder in turn.
_CHECK = _PRELUDE + """\
from pathlib import Path
from lawsite.project import load_project
from lawsite.settings import Settings
from lawsite.gather.site import forget_parsed, load_site
for target in map(Path, sys.argv[2:]):
    start = time.process_time()
    if target.is_file():
        project = load_project(target)
        site = load_site(project.content_dir, project.settings)
    else:
        site = load_site(target, Settings())
    cpu = time.process_time() - start
    problems = [[p.path, p.line, p.field, p.code, p.is_error] for p in site.problems]
    print(json.dumps({"cpu": cpu, "peak_mb": peak_mb(), "problems": problems}))
    del site
    forget_parsed()
"""

MKDOCS_YML = "site_name: t\ndocs_dir: content\ntheme: {name: material, custom_dir: theme}\nplugins:\n  - lawsite\n"


def _child(script: str, megabytes: int, *args: str, timeout: int = HANG_SECONDS) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}  # the lawsite under test
    return subprocess.run([sys.executable, "-c", script, str(megabytes), *args], capture_output=True, text=True, timeout=timeout, env=env)


def site_with(root: Path, files: dict[str, str | bytes]) -> Path:
    """A site whose content/ holds `files` (paths relative to content/), with a
    theme folder of its own; returns its mkdocs.yml."""
    (root / "theme").mkdir(parents=True, exist_ok=True)
    (root / "theme" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    for rel, data in files.items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    config = root / "mkdocs.yml"
    config.write_text(MKDOCS_YML, encoding="utf-8")
    return config


# --- the CLI ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    cpu: float  # seconds spent in the command
    peak_mb: int  # peak resident memory of the process or its build worker


def run_bounded(config: Path, *command: str, megabytes: int = MAX_MEGABYTES) -> Run:
    """`lawsite -f config COMMAND…` under the memory limit."""
    done = _child(_CLI, megabytes, "-f", str(config), *command)
    measured = json.loads(done.stderr.strip().splitlines()[-1])
    return Run(done.returncode, done.stdout, done.stderr, measured["cpu"], measured["peak_mb"])


def assert_refused_within_bounds(run: Run, path: str, code: str | None = None) -> None:
    """Exit code 1 with `path` named (and `code` where given), no traceback,
    within the CPU and memory bounds."""
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert run.returncode == 1, (run.stdout[-2000:], run.stderr[-2000:])
    assert path in run.stdout + run.stderr
    if code is not None:
        assert code in run.stdout + run.stderr
    assert run.cpu <= MAX_SECONDS, f"{run.cpu:.2f} s of CPU"
    assert run.peak_mb <= MAX_MEGABYTES, f"{run.peak_mb} MB"


# --- check's work ----------------------------------------------------------------------


@dataclass(frozen=True)
class Checked:
    cpu: float  # seconds of CPU the check took (imports not counted)
    peak_mb: int  # the child's peak resident memory so far, imports included
    problems: list[tuple[str, int | None, str | None, str, bool]]  # (path, line, field, code, is_error)

    def codes(self) -> set[str]:
        return {problem[3] for problem in self.problems}


def check_all_bounded(targets: list[Path]) -> list[Checked]:
    """`load_site` on each site (a mkdocs.yml) or content folder in turn, in
    one child process under the memory limit; not yet asserted."""
    run = _child(_CHECK, MAX_MEGABYTES, *map(str, targets), timeout=HANG_SECONDS + 5 * len(targets))
    assert run.returncode == 0, f"check failed within {MAX_MEGABYTES} MB: {run.stderr[-3000:]}"
    results = [json.loads(line) for line in run.stdout.strip().splitlines() if line.startswith("{")]
    assert len(results) == len(targets)
    return [Checked(r["cpu"], r["peak_mb"], [tuple(p) for p in r["problems"]]) for r in results]


def assert_within_bounds(result: Checked, what: str) -> None:
    assert result.cpu <= MAX_SECONDS, f"{what}: check took {result.cpu:.2f} s of CPU"
    assert result.peak_mb <= MAX_MEGABYTES, f"{what}: check peaked at {result.peak_mb} MB"


def check_bounded(target: Path) -> Checked:
    """One site or content folder, checked within the bounds."""
    (result,) = check_all_bounded([target])
    assert_within_bounds(result, str(target))
    return result
