"""Build the sample site with MkDocs and with ProperDocs and print the times,
plus `lawsite check` in each output format (what the CI pipelines run).

Usage: ``python benchmarks/engines.py [RUNS]`` from the repository root
(default 3 runs each; the best is printed, then all). Builds go to temporary
folders, never to ./site.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795320000"}

COMMANDS = {
    "mkdocs build": [str(BIN / "mkdocs"), "build", "-q", "-f", "mkdocs.yml", "-d", "{out}"],
    "properdocs build": [str(BIN / "properdocs"), "build", "-q", "-f", "mkdocs.yml", "-d", "{out}"],
    "lawsite check (text)": [str(BIN / "lawsite"), "check"],
    "lawsite check --format github": [str(BIN / "lawsite"), "check", "--format", "github"],
    "lawsite check --format gitlab": [str(BIN / "lawsite"), "check", "--format", "gitlab", "-o", "{out}/report.json"],
}


def timed(command: list[str]) -> float:
    with tempfile.TemporaryDirectory(prefix="lawsite-bench-") as out:
        argv = [part.replace("{out}", out) for part in command]
        start = time.perf_counter()
        subprocess.run(argv, cwd=REPO, env=ENV, check=True, capture_output=True)
        return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(f"sample site, {runs} run(s) each, wall-clock seconds (best / all)")
    for name, command in COMMANDS.items():
        times = [timed(command) for _ in range(runs)]
        print(f"{name:32s} {min(times):6.2f}   " + " ".join(f"{t:.2f}" for t in times))


if __name__ == "__main__":
    main()
