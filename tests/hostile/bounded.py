"""Run `lawsite check`'s work on one content folder under the issue's resource
bounds: a hostile file is checked in at most 2 s of CPU and 200 MB of address
space. The check runs in a child process whose address space is capped by
`RLIMIT_AS` (so a blow-up fails there, not in the test runner) and that is
killed after a generous wall-clock timeout (the machine is shared)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

CPU_SECONDS = 2.0
MEMORY_BYTES = 200 * 1024 * 1024
WALL_TIMEOUT = 60  # only against a hang: the bound is the CPU time measured inside

_CHILD = """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
from pathlib import Path
from lawsite.settings import Settings
from lawsite.site import forget_parsed, load_site
for folder in sys.argv[1:]:
    start = time.process_time()
    site = load_site(Path(folder), Settings())
    cpu = time.process_time() - start
    print(json.dumps({{"cpu": cpu, "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                       "problems": [[p.path, p.line, p.field, p.code] for p in site.problems]}}))
    del site
    forget_parsed()
"""


@dataclass
class Bounded:
    cpu: float  # seconds of CPU the check took (imports not counted)
    peak_kb: int  # the child's peak resident memory so far, imports included
    problems: list[tuple[str, int | None, str | None, str]]

    def codes(self) -> set[str]:
        return {code for _, _, _, code in self.problems}


def check_all_bounded(contents: list[Path]) -> list[Bounded]:
    """`load_site` (what `lawsite check` runs) on each folder in turn, in one
    child process capped at MEMORY_BYTES; each must take at most CPU_SECONDS."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    run = subprocess.run(
        [sys.executable, "-c", _CHILD.format(memory=MEMORY_BYTES), *map(str, contents)],
        capture_output=True, text=True, timeout=WALL_TIMEOUT + 5 * len(contents), env=env,
    )
    assert run.returncode == 0, f"check failed within {MEMORY_BYTES >> 20} MB: {run.stderr[-2000:]}"
    results = [json.loads(line) for line in run.stdout.strip().splitlines() if line.startswith("{")]
    assert len(results) == len(contents)
    return [Bounded(r["cpu"], r["peak_kb"], [tuple(p) for p in r["problems"]]) for r in results]


def assert_within_bounds(result: Bounded, what: str) -> None:
    assert result.cpu <= CPU_SECONDS, f"{what}: check took {result.cpu:.2f} s of CPU"


def check_bounded(content: Path) -> Bounded:
    """One folder, within the bounds."""
    (result,) = check_all_bounded([content])
    assert_within_bounds(result, str(content))
    return result
