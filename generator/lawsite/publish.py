"""Build into a fresh folder and put it in place only when the build succeeded.

One build at a time per site folder: a lock file beside it (`.site.lock` for
`site/`) is held with flock(2) for the whole build, so a second build waits
for the first instead of deleting the folder the first is writing. The
kernel drops the lock when its holder dies, so a killed build never blocks
the next one, and whatever a lock holder finds beside the site folder was
left by a build that is no longer running.

The published folder is replaced by one rename (an atomic exchange on Linux)
and checked afterwards: a reader never sees a half-written site, and a
failed, killed or refused build leaves the previous site exactly as it was.
A site folder that cannot be replaced (a file, a mount point, the content
or the project itself, a folder nobody may write in) is a PublishError, said
before anything is built.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import re
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from .messages import Text, msg
from .model import ConfigError

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
LEFTOVER_WAIT = 5.0  # seconds to wait for the last process of a killed build
_UNSUPPORTED = (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP)  # the file system cannot exchange: rename twice


class PublishError(ConfigError):
    """The site folder cannot be replaced; the message says why and that the
    previous site was kept."""


@dataclass(frozen=True)
class Sources:
    """What a build reads, which its site folder must never replace."""

    content_dir: Path | None = None
    project_dir: Path | None = None  # the folder of mkdocs.yml


Tell = Callable[[Text], None]


def publish(site_dir: Path, build: Callable[[Path], None], sources: Sources = Sources(), tell: Tell = lambda message: None) -> None:
    """Run `build(fresh_dir)` and swap `fresh_dir` into `site_dir` on success.

    Any exception from `build` (or a kill) leaves `site_dir` untouched; the
    fresh folder is removed on failure. `tell` is told when this build waits
    for another into the same folder, and of a folder it could not remove.
    """
    site_dir = site_dir.resolve()
    with _os_errors_said(site_dir):
        _refuse_unreplaceable(site_dir, sources)
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        with _one_build_at_a_time(site_dir, tell):
            _remove_leftovers(site_dir, tell)
            fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
            try:
                with _in_use(fresh) as built:
                    build(fresh)
                _swap_in(fresh, built, site_dir)
            finally:
                _remove(fresh, tell)  # the failed build, or the old site after the swap


# --- folders that cannot be replaced ---------------------------------------------


def _refuse_unreplaceable(site_dir: Path, sources: Sources) -> None:
    existing = next(folder for folder in (site_dir, *site_dir.parents) if folder.exists())
    if not existing.is_dir():
        raise PublishError(msg("publish.file-in-way", existing=existing, site_dir=site_dir))
    if site_dir.is_dir() and _is_mount_point(site_dir):
        raise PublishError(msg("publish.mount-point", site_dir=site_dir, inside=site_dir / "site"))
    for kept in _kept_folders(sources):
        if kept.is_relative_to(site_dir):
            raise PublishError(msg("publish.holds-sources", site_dir=site_dir, kept=kept))
    if sources.content_dir and site_dir.is_relative_to(sources.content_dir.resolve()):
        raise PublishError(msg("publish.inside-content", site_dir=site_dir, content_dir=sources.content_dir.resolve()))
    for marker in (".git", "mkdocs.yml"):
        if (site_dir / marker).exists():
            raise PublishError(msg("publish.project-folder", site_dir=site_dir, marker=marker))


def _is_mount_point(folder: Path) -> bool:
    """os.path.ismount misses a bind mount from the same file system (what
    `docker run -v ./site:/srv/site` makes); Linux lists every mount point in
    /proc/self/mountinfo (the fifth field, with space, tab, newline and
    backslash written as octal escapes)."""
    if os.path.ismount(folder):
        return True
    try:
        table = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="surrogateescape")
    except OSError:
        return False
    points = (line.split(" ")[4] for line in table.splitlines() if line.count(" ") >= 4)
    return str(folder) in {re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), point) for point in points}


def _kept_folders(sources: Sources) -> list[Path]:
    """The content folder, the project folder and the repository around it."""
    kept = [p.resolve() for p in (sources.content_dir, sources.project_dir) if p is not None]
    if sources.project_dir is not None:
        project = sources.project_dir.resolve()
        kept += [folder for folder in (project, *project.parents) if (folder / ".git").exists()][:1]
    return kept


@contextmanager
def _os_errors_said(site_dir: Path) -> Iterator[None]:
    """An OSError (read-only, permission denied, cross-device, disk full …)
    as a PublishError saying which file and that the old site is kept."""
    try:
        yield
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""  # a file name reads the same in any language
        if exc.errno == errno.EXDEV:
            raise PublishError(msg("publish.cross-device", site_dir=site_dir, reason=exc.strerror, where=where)) from exc
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise PublishError(msg("publish.not-writable", site_dir=site_dir, reason=exc.strerror, where=where)) from exc
        raise PublishError(msg("publish.os-error", site_dir=site_dir, reason=exc.strerror or exc, where=where)) from exc


# --- one build at a time ----------------------------------------------------------


def _lock_path(site_dir: Path) -> Path:
    """The lock file beside the site folder (never inside: the folder is replaced)."""
    return site_dir.with_name(f".{site_dir.name}.lock")


@contextmanager
def _one_build_at_a_time(site_dir: Path, tell: Tell) -> Iterator[None]:
    # The lock file stays: deleting it would let a waiter lock a file that is gone.
    fd = os.open(_lock_path(site_dir), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            _wait_for_lock(fd, site_dir, tell)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def _wait_for_lock(fd: int, site_dir: Path, tell: Tell) -> None:
    holder = os.pread(fd, 200, 0).decode(errors="replace").strip() or "unknown"
    tell(msg("publish.waiting", site_dir=site_dir, holder=holder))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except KeyboardInterrupt:
        raise PublishError(msg("publish.stopped", site_dir=site_dir)) from None


# A build's folder is held with a shared flock by every process writing into
# it (the build, and its MkDocs process through `hold_build_folder`): the
# next build removes it only once it can lock it exclusively, that is once
# no process of that build is running any more.


@contextmanager
def _in_use(folder: Path) -> Iterator[tuple[int, int]]:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield _identity(folder)
    finally:
        os.close(fd)


def hold_build_folder(folder: Path) -> bool:
    """For a process that writes into a build's folder: hold it (a shared
    lock, for as long as this process lives) so that no later build removes
    it meanwhile. False if the folder is gone: its build was given up."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return False
    fcntl.flock(fd, fcntl.LOCK_SH)  # waits while a later build is removing it
    try:
        held = os.fstat(fd)
        return (held.st_dev, held.st_ino) == _identity(folder)
    except OSError:
        return False


def _remove_leftovers(site_dir: Path, tell: Tell) -> None:
    """The folders of earlier builds that were killed before they could clean up
    (the site lock is held, so no other build is running), once none of their
    processes is running: MkDocs ends within 0.2 s of its killed parent."""
    for pattern in (f".{site_dir.name}-new-*", f".{site_dir.name}-old-*"):
        for stale in site_dir.parent.glob(pattern):
            if _unused_within(stale, LEFTOVER_WAIT):
                _remove(stale, tell)


def _remove(folder: Path, tell: Tell) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():  # e.g. an old site whose files we may not delete
        tell(msg("publish.leftover", folder=folder))


def _unused_within(folder: Path, seconds: float) -> bool:
    """Lock `folder` exclusively within `seconds` (the lock ends with the
    process, so the folder is ours to remove); False if a process still holds it."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return True  # gone already, or not a folder: rmtree tells
    deadline = time.monotonic() + seconds
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                if time.monotonic() > deadline:
                    return False  # still written: the next build removes it
                time.sleep(0.05)
    finally:
        os.close(fd)


# --- the swap -----------------------------------------------------------------------


def _identity(path: Path) -> tuple[int, int]:
    status = os.stat(path, follow_symlinks=False)
    return status.st_dev, status.st_ino


def _swap_in(fresh: Path, built: tuple[int, int], site_dir: Path) -> None:
    """Put `fresh` (the folder with identity `built`) at `site_dir`, leaving
    the old site, if any, at `fresh`; then check the published folder is the
    one built, and put the old site back if it is not."""
    if not fresh.is_dir() or _identity(fresh) != built:
        raise PublishError(msg("publish.fresh-gone", site_dir=site_dir, fresh=fresh))
    os.chmod(fresh, 0o755)  # mkdtemp makes it private; a web server must read it
    if site_dir.exists():
        _swap(fresh, site_dir)
    else:
        os.rename(fresh, site_dir)
    if _identity(site_dir) != built:
        if fresh.exists():
            _swap(fresh, site_dir)  # back: the old site returns to site_dir
        raise PublishError(msg("publish.swapped", site_dir=site_dir))


def _swap(a: Path, b: Path) -> None:
    if not _exchange(a, b):
        _swap_by_two_renames(a, b)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where the system or
    file system cannot; an OSError for any other refusal (EXDEV, EACCES …)."""
    libc_name = ctypes.util.find_library("c")
    renameat2 = getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None) if libc_name else None
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(b))


def _swap_by_two_renames(fresh: Path, site_dir: Path) -> None:
    """Where no exchange exists: the old site aside, the new one in, the old
    one to `fresh`. Between the first two renames there is briefly no site."""
    aside = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
    os.rename(site_dir, aside)
    try:
        os.rename(fresh, site_dir)
    except OSError:
        os.rename(aside, site_dir)
        raise
    os.rename(aside, fresh)
