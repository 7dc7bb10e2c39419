"""Refresh the vendored Decap CMS from npm: `python3 -m lawsite.admin.vendor`.

A maintainer's tool, not part of a build. `npm pack` fetches the pinned
tarball (bundle.VERSION); its SHA-512 must equal bundle.INTEGRITY, the hash
the registry publishes, or nothing is written.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from . import bundle


def integrity_of(data: bytes) -> str:
    """npm's Subresource-Integrity form of a tarball's SHA-512."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def fetch(scratch: Path) -> Path:
    spec = f"{bundle.PACKAGE}@{bundle.VERSION}"
    done = subprocess.run(["npm", "pack", spec, "--silent", "--pack-destination", str(scratch)], capture_output=True, text=True, timeout=600, check=True)
    return scratch / done.stdout.strip().splitlines()[-1]


def unpack(tarball: Path, folder: Path) -> list[str]:
    """The kept files of the tarball's dist/ (and its licence texts) into `folder`, replacing it."""
    data = tarball.read_bytes()
    found = integrity_of(data)
    if found != bundle.INTEGRITY:
        raise SystemExit(f"{tarball.name}: integrity {found} is not the pinned {bundle.INTEGRITY}")
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    written = []
    with tarfile.open(tarball) as archive:
        for member in archive.getmembers():
            name = member.name.removeprefix("package/")
            kept = name.startswith("dist/") and "/" not in name[5:] and bundle.is_kept(name[5:])
            if member.isfile() and kept:
                source = archive.extractfile(member)
                assert source is not None
                (folder / name[5:]).write_bytes(source.read())
                written.append(name[5:])
    if bundle.ENTRY not in written:
        raise SystemExit(f"{tarball.name}: no dist/{bundle.ENTRY}")
    return sorted(written)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="lawsite-decap-") as scratch:
        written = unpack(fetch(Path(scratch)), bundle.FOLDER)
    size = sum((bundle.FOLDER / name).stat().st_size for name in written)
    print(f"{bundle.PACKAGE}@{bundle.VERSION}: {len(written)} files, {size / 1e6:.1f} MB in {bundle.FOLDER}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
