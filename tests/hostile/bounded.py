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
from lawsite.site import load_site
start = time.process_time()
site = load_site(Path(sys.argv[1]), Settings())
cpu = time.process_time() - start
print(json.dumps({{"cpu": cpu, "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   "problems": [[p.path, p.line, p.field, p.code] for p in site.problems]}}))
"""


@dataclass
class Bounded:
    cpu: float  # seconds of CPU the check took (imports not counted)
    peak_kb: int  # the child's peak resident memory, imports included
    problems: list[tuple[str, int | None, str | None, str]]

    def codes(self) -> set[str]:
        return {code for _, _, _, code in self.problems}


def check_bounded(content: Path) -> Bounded:
    """`load_site` (what `lawsite check` runs) on `content`, within the bounds."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    run = subprocess.run(
        [sys.executable, "-c", _CHILD.format(memory=MEMORY_BYTES), str(content)],
        capture_output=True, text=True, timeout=WALL_TIMEOUT, env=env,
    )
    assert run.returncode == 0, f"check failed within {MEMORY_BYTES >> 20} MB: {run.stderr[-2000:]}"
    result = json.loads(run.stdout.strip().splitlines()[-1])
    bounded = Bounded(result["cpu"], result["peak_kb"], [tuple(p) for p in result["problems"]])
    assert bounded.cpu <= CPU_SECONDS, f"check took {bounded.cpu:.2f} s of CPU"
    return bounded
