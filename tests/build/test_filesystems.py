"""filesystems.py: a folder whose changes the system never announces (a
Windows folder under WSL, a network share) is previewed by polling."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawsite.filesystems import changes_announced, filesystem_of

# /proc/self/mountinfo of a WSL 2 machine (trimmed), with a drive mounted
# under a name with a space, and one mounted over another (the last wins).
MOUNTINFO = """\
61 1 8:32 / / rw,relatime - ext4 /dev/sdc rw,discard,errors=remount-ro
70 61 0:53 / /mnt/c rw,noatime - 9p C:\\134 rw,aname=drvfs;path=C:\\;uid=1000
71 61 0:54 / /mnt/my\\040drive rw,noatime - 9p D:\\134 rw,aname=drvfs;path=D:\\
72 61 0:55 / /srv/share rw,relatime - ext4 /dev/sdd rw
73 72 0:56 / /srv/share rw,relatime - nfs4 server:/export rw,vers=4.2
74 61 0:57 / /mnt/cache rw,relatime - tmpfs tmpfs rw
"""


@pytest.mark.parametrize(
    ("folder", "filesystem", "announced"),
    [
        ("/home/editor/site/content", "ext4", True),
        ("/mnt/c/Users/editor/site/content", "9p", False),
        ("/mnt/c", "9p", False),
        ("/mnt/cache/site", "tmpfs", True),  # /mnt/c is not a prefix of /mnt/cache
        ("/mnt/my drive/site", "9p", False),
        ("/srv/share/site", "nfs4", False),
    ],
)
def test_the_filesystem_of_the_longest_mount_holding_the_folder(folder: str, filesystem: str, announced: bool) -> None:
    assert filesystem_of(Path(folder), MOUNTINFO) == filesystem
    assert changes_announced(Path(folder), MOUNTINFO) is announced


def test_unknown_mounts_are_taken_as_announcing(tmp_path: Path) -> None:
    assert filesystem_of(tmp_path, "") is None and changes_announced(tmp_path, "")
    assert changes_announced(tmp_path, "garbage without the separator\n")


def test_this_machine_s_temporary_folder_is_watched_natively(tmp_path: Path) -> None:
    assert filesystem_of(tmp_path) is not None  # read from /proc/self/mountinfo
    assert changes_announced(tmp_path)
