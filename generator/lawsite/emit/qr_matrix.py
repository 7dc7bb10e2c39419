"""A fast QR encoder for the codes posters print by the thousand: web
addresses (byte mode), drawn with one fixed mask.

segno spends ~1.4 ms on a code even with the mask given, most of it walking
the matrix module by module to place the bits and apply the mask, which are
the same for every code of one version. Here that walk is done once per
(version, error level, mask) — the *frame*: the function patterns, format and
version information as segno draws them, and the order of the data modules —
and each code costs only its bit stream (Reed–Solomon included) and one XOR.
The result is the module matrix segno draws for the same input and mask,
`tests/outputs/test_qr_matrix.py` compares them; anything this does not cover
(not byte mode, a Micro QR code, a version past 40) is None and segno draws it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import zip_longest
from xml.sax.saxutils import escape, quoteattr

import segno
from segno import consts

VERSION = 1  # of this encoder's output: part of the cache key (emit/qr.py DRAWING)
LEVELS = (consts.ERROR_LEVEL_L, consts.ERROR_LEVEL_M, consts.ERROR_LEVEL_Q, consts.ERROR_LEVEL_H)
LEVEL_NAMES = {consts.ERROR_LEVEL_L: "l", consts.ERROR_LEVEL_M: "m", consts.ERROR_LEVEL_Q: "q", consts.ERROR_LEVEL_H: "h"}
LEVEL_OF = {name: level for level, name in LEVEL_NAMES.items()}
ALPHANUMERIC = frozenset(consts.ALPHANUMERIC_CHARS)
MASKS = (  # ISO/IEC 18004:2015, 7.8.2, Table 10 (i: row, j: column)
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i + j) % 2 + (i * j) % 3) % 2 == 0,
)
REMAINDER_BITS = {**dict.fromkeys(range(2, 7), 7), **dict.fromkeys((*range(14, 21), *range(28, 35)), 3), **dict.fromkeys(range(21, 28), 4)}
_RUNS = re.compile("1+")


@dataclass(frozen=True)
class Frame:
    """What every code of one version, error level and mask shares."""

    size: int
    rows: tuple[tuple[str, ...], ...]  # '1' dark, '0' light
    order: tuple[tuple[int, int], ...]  # the data modules (row, column) in the order the bits go in
    mask_bits: int  # the mask at those modules, as one number (first module: highest bit)


def byte_mode_data(text: str) -> bytes | None:
    """`text` as segno encodes it when it chooses byte mode by itself, or None
    (segno would pick another mode, or needs an encoding this does not do)."""
    if not text.isascii():
        return None
    data = text.encode("ascii")
    return None if all(b in ALPHANUMERIC for b in data) else data  # all alphanumeric: segno picks a denser mode


def _bits_needed(data: bytes, version: int) -> int:
    return 4 + (8 if version < 10 else 16) + 8 * len(data)  # mode, character count, data


def fits_micro(data: bytes, error: int) -> bool:
    """Whether segno would draw a Micro QR code (M4: 3 bits of mode, 5 of count)."""
    capacity = consts.SYMBOL_CAPACITY[consts.VERSION_M4].get(error)
    return capacity is not None and 3 + 5 + 8 * len(data) <= capacity


def version_and_level(data: bytes, error: int) -> tuple[int, int] | None:
    """The smallest version that holds `data` at `error`, and the highest level
    that still fits it (segno's boost_error), or None when nothing holds it
    or segno would draw a Micro QR code."""
    if fits_micro(data, error):
        return None
    for version in range(1, 41):
        needed = _bits_needed(data, version)
        if consts.SYMBOL_CAPACITY[version][error] >= needed:
            level = error
            for higher in LEVELS[LEVELS.index(error) + 1 :]:
                if consts.SYMBOL_CAPACITY[version][higher] < needed:
                    break
                level = higher
            return version, level
    return None


@lru_cache(maxsize=None)
def frame(version: int, error: int, mask: int) -> Frame:
    """The frame: the function patterns and format information as segno draws
    them (read from a code whose data modules are all overwritten here)."""
    code = segno.make("a", version=version, error=LEVEL_NAMES[error], mask=mask, mode="byte", boost_error=False)
    rows = tuple(tuple("1" if dark else "0" for dark in row) for row in code.matrix)
    size = len(rows)
    function = _function_modules(version, size)
    order = tuple(_placement(size, lambda i, j: (i, j) not in function))
    mask_bits = int("".join("1" if MASKS[mask](i, j) else "0" for i, j in order), 2)
    return Frame(size, rows, order, mask_bits)


def _function_modules(version: int, size: int) -> set[tuple[int, int]]:
    """Every module that holds no data: finder patterns with their separators
    and the format information beside them, timing patterns, alignment
    patterns, the dark module and the version information (ISO/IEC 18004:2015, 6.3)."""
    taken = {(i, j) for i in range(9) for j in range(9)}  # top left finder, separator, format
    taken |= {(i, j) for i in range(9) for j in range(size - 8, size)}  # top right, and format on row 8
    taken |= {(i, j) for i in range(size - 8, size) for j in range(9)}  # bottom left, format on column 8, dark module
    taken |= {(6, k) for k in range(size)} | {(k, 6) for k in range(size)}  # timing
    if version >= 2:
        centres = consts.ALIGNMENT_POS[version - 2]
        corners = {(centres[0], centres[0]), (centres[0], centres[-1]), (centres[-1], centres[0])}
        for ci in centres:
            for cj in centres:
                if (ci, cj) not in corners:
                    taken |= {(ci + di, cj + dj) for di in range(-2, 3) for dj in range(-2, 3)}
    if version >= 7:
        taken |= {(i, j) for i in range(6) for j in range(size - 11, size - 8)}
        taken |= {(i, j) for i in range(size - 11, size - 8) for j in range(6)}
    return taken


def _placement(size: int, is_data) -> list[tuple[int, int]]:
    """The data modules in bit order: two-module columns from the right,
    upwards and downwards in turn, skipping the vertical timing pattern
    (ISO/IEC 18004:2015, 7.7.3)."""
    order = []
    for right in range(size - 1, 0, -2):
        if right <= 6:
            right -= 1
        upwards = (right & 2) == 0
        for vertical in range(size):
            for j in (right, right - 1):
                i = size - 1 - vertical if upwards ^ (j < 6) else vertical
                if is_data(i, j):
                    order.append((i, j))
    return order


def codewords(data: bytes, version: int, error: int) -> bytes:
    """The final message: data codewords then error correction codewords, both interleaved by block."""
    capacity = consts.SYMBOL_CAPACITY[version][error]
    bits = f"0100{len(data):0{8 if version < 10 else 16}b}" + "".join(f"{b:08b}" for b in data)
    bits += "0" * min(capacity - len(bits), 4)  # terminator
    bits += "0" * (8 - len(bits) % 8)  # to a codeword boundary (segno adds a whole 0 byte when already there)
    stream = bytes(int(bits[k : k + 8], 2) for k in range(0, len(bits), 8))
    stream += bytes((0xEC, 0x11)[k % 2] for k in range(capacity // 8 - len(stream)))
    data_blocks, error_blocks, start = [], [], 0
    for info in consts.ECC[version][error]:
        for _ in range(info.num_blocks):
            block = stream[start : start + info.num_data]
            start += info.num_data
            data_blocks.append(block)
            error_blocks.append(_reed_solomon(block, info.num_total - info.num_data))
    interleaved = [b for blocks in (data_blocks, error_blocks) for column in zip_longest(*blocks) for b in column if b is not None]
    return bytes(interleaved)


def _reed_solomon(block: bytes, count: int) -> list[int]:
    """The `count` error correction codewords of `block` (polynomial division in GF(256))."""
    log, exp, generator = consts.GALIOS_LOG, consts.GALIOS_EXP, consts.GEN_POLY[count]
    remainder = list(block) + [0] * count
    for k in range(len(block)):
        coefficient = remainder[k]
        if coefficient:
            shift = log[coefficient]
            for n, g in enumerate(generator, k + 1):
                remainder[n] ^= exp[shift + g]
    return remainder[len(block) :]


def matrix(text: str, error: int, mask: int) -> list[str] | None:
    """The code of `text` as rows of '1' (dark) and '0', as segno draws it with
    `mask` — or None when segno must draw it (see byte_mode_data)."""
    data = byte_mode_data(text)
    found = version_and_level(data, error) if data is not None else None
    if found is None:
        return None
    version, level = found
    shape = frame(version, level, mask)
    message = int.from_bytes(codewords(data, version, level), "big") << REMAINDER_BITS.get(version, 0)
    bits = f"{message ^ shape.mask_bits:0{len(shape.order)}b}"
    rows = [list(row) for row in shape.rows]
    for (i, j), bit in zip(shape.order, bits):
        rows[i][j] = bit
    return ["".join(row) for row in rows]


def svg_inline(rows: list[str], scale: int, border: int, title: str, css_class: str) -> str:
    """What segno's `svg_inline(scale=, border=, title=, svgclass=, omitsize=True)`
    writes for these rows: one path of horizontal runs, each relative to the last."""
    width = (len(rows) + 2 * border) * scale
    moves, x, y = [], 0, None
    for i, row in enumerate(rows):
        for run in _RUNS.finditer(row):
            x1 = run.start() + border
            if y is None:
                moves.append(f"M{x1} {border + i + 0.5}h{run.end() - run.start()}")
            else:
                moves.append(f"m{x1 - x} {i - y}h{run.end() - run.start()}")
            x, y = run.end() + border, i
    path = f'<path transform="scale({scale})" class="qrline" stroke="#000" d="{"".join(moves)}"/>'
    return f'<svg viewBox="0 0 {width} {width}" class={quoteattr(css_class)}><title>{escape(title)}</title>{path}</svg>'
