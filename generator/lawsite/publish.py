"""Build into a fresh folder and put it in place only when the build succeeded.

The published folder is replaced by one rename (an atomic exchange on Linux),
so a reader never sees a half-written site and a failed or killed build
leaves the previous site exactly as it was.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def publish(site_dir: Path, build: Callable[[Path], None]) -> None:
    """Run `build(fresh_dir)` and swap `fresh_dir` into `site_dir` on success.

    Any exception from `build` (or a kill) leaves `site_dir` untouched; the
    fresh folder is removed on failure.
    """
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(site_dir)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        build(fresh)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    os.chmod(fresh, 0o755)  # mkdtemp makes it private; a web server must read it
    if site_dir.exists() and _exchange(fresh, site_dir):
        shutil.rmtree(fresh, ignore_errors=True)  # now holds the old site
        return
    if site_dir.exists():
        old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
        os.replace(site_dir, old)
        os.replace(fresh, site_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(fresh, site_dir)


def _remove_leftovers(site_dir: Path) -> None:
    # Folders left by builds that were killed before they could clean up
    # (one build at a time per site folder is assumed).
    for stale in site_dir.parent.glob(f".{site_dir.name}-new-*"):
        shutil.rmtree(stale, ignore_errors=True)
