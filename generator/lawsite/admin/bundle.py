"""The web editor's browser code: Decap CMS, a pinned copy from npm vendored
into the package (as Material for MkDocs vendors its bundles), so a build
needs neither npm nor the network.

`python3 -m lawsite.admin.vendor` refreshes the copy: it fetches the pinned
tarball with `npm pack`, checks it against the registry's integrity hash
written here, and keeps only the files the browser loads. To move to another
version, change VERSION and INTEGRITY (`npm view decap-cms@X dist.integrity`)
and run it again.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = "decap-cms"
VERSION = "3.16.3"
INTEGRITY = "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw=="
#: Where the copy lives inside the package (package-data `assets/**/*`).
FOLDER = Path(__file__).resolve().parent.parent / "assets" / "decap"
#: The entry script /admin/ loads; webpack loads its chunks (`N.decap-cms.js`)
#: from beside it, on demand. The WebP encoder's `.wasm` is left out: lawsite
#: configures no image transformation, and the page's CSP allows no WebAssembly.
ENTRY = "decap-cms.js"


def is_kept(name: str) -> bool:
    """A file of the tarball's `dist/` the browser may load (no source maps,
    no second copy under the old name `cms.js`), and the bundle's licences."""
    return name == ENTRY or name.endswith(".decap-cms.js") or name == ENTRY + ".LICENSE.txt"


def vendored_files(folder: Path | None = None) -> list[Path]:
    """The vendored files, or [] when the copy is missing (its entry script is absent)."""
    folder = folder or FOLDER
    if not (folder / ENTRY).is_file():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and is_kept(p.name))
