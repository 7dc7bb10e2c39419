"""Progress of long runs (build, check, import of a 1,500-law corpus).

On a terminal: one bar redrawn in place (``done / total`` and elapsed time).
In CI logs (no terminal, or ``CI=true``): plain lines at every tenth of the
way, so a log shows that a long step is moving without thousands of lines.
No dependency: a bar is twenty characters and a carriage return.

`Progress` is a callable ``(done, total)`` so that pure code (site loading,
import) only ever sees a plain callback.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Callable, TextIO

ProgressCallback = Callable[[int, int], None]

BAR_WIDTH = 20
STEPS = 10  # plain mode: a line at each tenth
REDRAW_EVERY = 0.1  # seconds between terminal redraws
QUIET_BELOW = 100  # plain mode: a run of fewer items needs no progress lines


def interactive(stream: TextIO) -> bool:
    """A terminal a human watches (not CI, whose logs keep every \\r frame)."""
    if os.environ.get("CI", "").lower() == "true":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def bar_line(label: str, done: int, total: int, elapsed: float) -> str:
    """``label [#########...........]  780/1564  12.3 s``"""
    filled = BAR_WIDTH * done // total if total else BAR_WIDTH
    bar = "#" * filled + "." * (BAR_WIDTH - filled)
    width = len(str(total))
    return f"{label} [{bar}] {done:>{width}}/{total}  {elapsed:.1f} s"


def plain_line(label: str, done: int, total: int, elapsed: float) -> str:
    """``label: 780/1564 (49%), 12.3 s``"""
    percent = 100 * done // total if total else 100
    return f"{label}: {done}/{total} ({percent}%), {elapsed:.1f} s"


class Progress:
    """Report ``(done, total)`` on `stream` as a bar or as plain lines."""

    def __init__(
        self,
        label: str,
        stream: TextIO | None = None,
        *,
        tty: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        quiet_below: int = QUIET_BELOW,
    ) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.tty = interactive(self.stream) if tty is None else tty
        self.clock = clock
        self.quiet_below = quiet_below
        self.started = clock()
        self.last_draw = float("-inf")
        self.last_step = 0  # plain mode: tenths already reported
        self.open_line = False

    def __call__(self, done: int, total: int) -> None:
        elapsed = self.clock() - self.started
        if self.tty:
            self._draw(done, total, elapsed)
        else:
            self._log(done, total, elapsed)

    def _draw(self, done: int, total: int, elapsed: float) -> None:
        now = self.clock()
        if done < total and now - self.last_draw < REDRAW_EVERY:
            return
        self.last_draw = now
        self.stream.write("\r" + bar_line(self.label, done, total, elapsed))
        self.open_line = done < total
        if not self.open_line:
            self.stream.write("\n")
        self.stream.flush()

    def _log(self, done: int, total: int, elapsed: float) -> None:
        if total < self.quiet_below:
            return
        step = STEPS * done // total if total else STEPS
        if step <= self.last_step:
            return
        self.last_step = step
        self.stream.write(plain_line(self.label, done, total, elapsed) + "\n")
        self.stream.flush()

    def close(self) -> None:
        """End a bar left open (a run that stopped before `total`)."""
        if self.open_line:
            self.stream.write("\n")
            self.stream.flush()
            self.open_line = False


class Steps:
    """A `Progress` advanced one step at a time, e.g. pages rendered out of the
    pages to render (a total that may turn out too small: MkDocs can add pages)."""

    def __init__(self, label: str, total: int = 0) -> None:
        self.progress = Progress(label)
        self.total, self.done = total, 0

    def step(self, done: int | None = None) -> None:
        """One more step, or `done` steps so far (counted elsewhere: parts.py)."""
        self.done = self.done + 1 if done is None else done
        self.progress(self.done, max(self.total, self.done))

    def close(self) -> None:
        self.progress.close()
