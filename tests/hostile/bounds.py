"""The issue's resource bound for one hostile file: `lawsite check` (or
`build`) in a subprocess with at most 200 MB of address space (its build worker
inherits the limit), whose CPU time for the command is measured inside it — a resource bound, not a benchmark:
the wall-clock timeout only catches a hang on a loaded machine."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

MAX_SECONDS = 2.0  # CPU seconds for one hostile file (issue 16)
MAX_MEGABYTES = 200  # address space, imports included
HANG_SECONDS = 120

# Runs the CLI under the memory limit and prints its CPU time and peak memory
# on the last line of stderr; a MemoryError shows as a traceback.
_RUNNER = """\
import json, resource, sys, time
limit = int(sys.argv[1]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from lawsite.cli import main
def cpu():  # this process and the build's worker process, once it has ended
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))
start = cpu()
try:
    code = main(sys.argv[2:])
finally:
    # VmHWM, not RUSAGE_SELF: ru_maxrss survives exec, so it would report the
    # size of the pytest process this one was forked from.
    own = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
    peak = max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) // 1024
    sys.stderr.write("\\n" + json.dumps({"cpu": cpu() - start, "peak_mb": peak}) + "\\n")
sys.exit(code)
"""

MKDOCS_YML = "site_name: t\ndocs_dir: content\ntheme: {name: material}\nplugins:\n  - lawsite\n"


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    cpu: float  # seconds spent in the command
    peak_mb: int  # peak resident memory of the process or its build worker


def site_with(root: Path, files: dict[str, str]) -> Path:
    """A site whose content/ holds `files`; returns its mkdocs.yml."""
    for rel, text in files.items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(MKDOCS_YML, encoding="utf-8")
    return config


def run_bounded(config: Path, *command: str, megabytes: int = MAX_MEGABYTES) -> Run:
    """`lawsite -f config COMMAND…` under the memory limit."""
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(megabytes), "-f", str(config), *command],
        capture_output=True, text=True, timeout=HANG_SECONDS,
    )
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
    assert run.peak_mb <= MAX_MEGABYTES
