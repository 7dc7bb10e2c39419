"""QR codes as inline SVG, each drawn once and then kept: a cache keyed by
what the code holds.

segno drew a code in about 6 ms: 5 of them scoring all eight masks, the rest
walking the matrix module by module. A poster prints one per article, so a
99,990-article draft spent 85–93 % of its build drawing codes. Now every code
has mask 2 (the standard lets an encoder choose any; see MASK), and many
addresses are drawn by `qr_matrix`, thousands at once with numpy: segno's
bytes for that mask in ~70 µs a code. Codes are also the same in every build
(an article's code holds its address, not its text): `QrCodes` keeps each SVG in one SQLite file beside
mkdocs.yml (`.cache/lawsite/`, outside the published site and safe to delete),
keyed by everything the SVG is made from — the address, the CSS class and
segno's version — so a kept code is byte for byte the one drawing it again
would give. A cache file that cannot be read is deleted and built again; one
that cannot be written is done without.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from collections.abc import Sequence

import segno

CACHE_DIR = Path(".cache") / "lawsite"  # beside mkdocs.yml
CACHE_FILE = "qr-codes.sqlite3"
# Mask 2 (dark where the column is a multiple of 3): of 418 poster addresses,
# segno's own scoring (ISO/IEC 18004 7.8.3) picked it for 253, and it scores
# closest to the best mask on average (22 penalty points over it, the next
# mask 68). Any mask decodes; the scoring only avoids patterns that are harder
# to read, and scoring costs 5 ms a code.
MASK = 2
ERROR = "m"
SCALE, BORDER = 4, 2
# What the drawing depends on besides its input: a change here or in segno
# empties the cache instead of serving codes drawn the old way (qr_matrix
# draws segno's very bytes: tests/outputs/test_qr_matrix.py).
DRAWING = f"segno {segno.__version__}; error {ERROR}, mask {MASK}, scale {SCALE}, border {BORDER}, role img"
# Fewer codes are drawn by segno (~1.4 ms each): qr_matrix needs numpy, whose
# import alone takes 80–120 MB of address space, more than a build of a small
# hostile site may have (tests/hostile).
BATCH_FROM = 200

QrInput = tuple[str, str]  # (the address the code holds, the svg's CSS class)


def qr_svg(url: str, css_class: str) -> str:
    """An inline SVG QR code with an accessible name (the address it holds)."""
    return draw([(url, css_class)])[0]


def draw(inputs: Sequence[QrInput]) -> list[str]:
    """The codes of `inputs`, all with MASK: many addresses in batches by
    qr_matrix, anything else (and a few) by segno."""
    fast: Sequence[str | None] = [None] * len(inputs)
    if len(inputs) >= BATCH_FROM:
        from . import qr_matrix

        fast = qr_matrix.svgs(inputs, qr_matrix.LEVEL_OF[ERROR], MASK, SCALE, BORDER)
    return [_accessible(svg or _segno_svg(url, css_class)) for svg, (url, css_class) in zip(fast, inputs)]


def _segno_svg(url: str, css_class: str) -> str:
    return segno.make(url, error=ERROR, mask=MASK).svg_inline(scale=SCALE, border=BORDER, title=url, svgclass=css_class, omitsize=True)


def _accessible(svg: str) -> str:
    return svg.replace("<svg ", '<svg role="img" focusable="false" ', 1)


class QrCodes:
    """QR codes for one build, from the cache file at `cache_file` (None: no cache)."""

    def __init__(self, cache_file: Path | None = None) -> None:
        self.cache_file = cache_file

    def svgs(self, inputs: Sequence[QrInput]) -> list[str]:
        """The codes of `inputs`, in their order: kept ones read, the rest drawn and kept."""
        for attempt in range(2):
            db = self._open()
            if db is None:
                return draw(inputs)
            try:
                return _through(db, inputs)
            except sqlite3.DatabaseError:
                if attempt == 0:  # damaged inside: start a new one
                    self._delete()
            finally:
                db.close()
        return draw(inputs)

    def _open(self) -> sqlite3.Connection | None:
        """The cache, created when missing, emptied when drawn the old way,
        deleted and created again when it is not a readable cache; None when
        there is none or it cannot be had (a read-only folder: draw without)."""
        if self.cache_file is None:
            return None
        for attempt in range(2):
            db = None
            try:
                self.cache_file.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.cache_file, timeout=10)
                _prepare(db)
                return db
            except sqlite3.DatabaseError:
                if db is not None:
                    db.close()
                if attempt == 0:
                    self._delete()
            except (OSError, sqlite3.Error):
                if db is not None:
                    db.close()
                return None
        return None

    def _delete(self) -> None:
        assert self.cache_file is not None
        for path in (self.cache_file, self.cache_file.with_name(self.cache_file.name + "-journal")):
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass


def _through(db: sqlite3.Connection, inputs: Sequence[QrInput]) -> list[str]:
    known = _read(db, inputs)
    missing = list(dict.fromkeys(i for i in inputs if _key(i) not in known))
    drawn = dict(zip(missing, draw(missing)))
    _write(db, drawn)
    return [known.get(_key(i)) or drawn[i] for i in inputs]


def _key(item: QrInput) -> str:
    url, css_class = item
    return f"{css_class} {url}"


def _prepare(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA synchronous = OFF")  # a cache: losing the last write on a crash costs a redraw
    db.execute("CREATE TABLE IF NOT EXISTS drawing (how TEXT NOT NULL)")
    db.execute("CREATE TABLE IF NOT EXISTS code (key TEXT PRIMARY KEY, svg TEXT NOT NULL) WITHOUT ROWID")
    if [row[0] for row in db.execute("SELECT how FROM drawing")] != [DRAWING]:
        with db:
            db.execute("DELETE FROM code")
            db.execute("DELETE FROM drawing")
            db.execute("INSERT INTO drawing VALUES (?)", (DRAWING,))
    db.execute("SELECT count(*) FROM code").fetchone()  # a damaged file fails here, not half-way


def _read(db: sqlite3.Connection, inputs: Sequence[QrInput]) -> dict[str, str]:
    keys = list({_key(i) for i in inputs})
    known: dict[str, str] = {}
    for start in range(0, len(keys), 500):  # SQLite's bound on parameters per statement
        part = keys[start : start + 500]
        rows = db.execute(f"SELECT key, svg FROM code WHERE key IN ({','.join('?' * len(part))})", part)
        known.update((key, svg) for key, svg in rows if isinstance(svg, str) and svg.endswith("</svg>"))
    return known  # a value not shaped like a code (an edited file) is drawn again


def _write(db: sqlite3.Connection, drawn: dict[QrInput, str]) -> None:
    if not drawn:
        return
    try:
        with db:
            db.executemany("INSERT OR REPLACE INTO code VALUES (?, ?)", ((_key(i), svg) for i, svg in drawn.items()))
    except sqlite3.Error:
        pass  # locked by another build or a full disk: the codes are drawn, only not kept
