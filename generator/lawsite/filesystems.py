"""Whether the system announces a folder's changes (inotify on Linux).

`lawsite serve` watches the content with the system's file events. Some
filesystems never deliver them for changes made from elsewhere: a Windows
folder opened under WSL (`/mnt/c`, 9p or drvfs), a network share (NFS,
SMB), a folder shared into a virtual machine or a container. A preview of
such a folder would never show a save; there MkDocs' polling (every 0.5 s)
stays. Known from /proc/self/mountinfo: the filesystem of the longest mount
point holding the folder.
"""

from __future__ import annotations

import os
from pathlib import Path

POLL_ENV = "LAWSITE_SERVE_POLL"  # set by `lawsite serve --poll`
MOUNTINFO = Path("/proc/self/mountinfo")
MOUNTINFO_BYTES = 4 * 1024 * 1024  # read no more: a container may list thousands of mounts
# Filesystems whose changes from elsewhere reach no watcher here.
UNANNOUNCED = frozenset(
    {
        "9p", "drvfs",  # WSL 2 and WSL 1: the Windows drives under /mnt
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs",  # network shares
        "vboxsf", "fuse.vmhgfs-fuse", "prl_fs", "virtiofs", "fakeowner", "fuse.grpcfuse",  # shared into a VM or container
    }
)


def polling_wanted() -> bool:
    """`lawsite serve --poll` asked for it."""
    return bool(os.environ.get(POLL_ENV))


def filesystem_of(folder: Path, mountinfo: str | None = None) -> str | None:
    """The filesystem type `folder` is on (None: not known here)."""
    if mountinfo is None:
        try:
            with MOUNTINFO.open("rb") as listing:
                mountinfo = listing.read(MOUNTINFO_BYTES).decode("utf-8", "replace")
        except OSError:  # not Linux
            return None
    path = os.path.realpath(folder)
    best, found = -1, None
    for line in mountinfo.splitlines():
        fields, _, after = line.partition(" - ")
        parts, kinds = fields.split(" "), after.split(" ")
        if len(parts) < 5 or not kinds[0]:
            continue
        point = _unescaped(parts[4])
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= best:  # of equal mounts the last is the one in use
            best, found = len(point), kinds[0]
    return found


def changes_announced(folder: Path, mountinfo: str | None = None) -> bool:
    """False where the system will not say that a file of `folder` changed."""
    return filesystem_of(folder, mountinfo) not in UNANNOUNCED


def _unescaped(field: str) -> str:
    """mountinfo writes a space, tab, newline and backslash as octal escapes."""
    for escape, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(escape, char)
    return field
