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

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import zip_longest
from xml.sax.saxutils import escape, quoteattr

import numpy as np
import segno
from segno import consts

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
LOG = np.array(consts.GALIOS_LOG, dtype=np.intp)
EXP = np.array(consts.GALIOS_EXP, dtype=np.uint8)
BATCH_MODULES = 8_000_000  # modules drawn at once (a few times that in bytes of memory)


@dataclass(frozen=True)
class Frame:
    """What every code of one version, error level and mask shares."""

    size: int
    base: np.ndarray  # (size, size) uint8: the function patterns and format information, data modules 0
    rows: np.ndarray  # the data modules in the order the bits go in: their rows…
    columns: np.ndarray  # …and columns
    mask: np.ndarray  # the mask at those modules (uint8)
    blocks: tuple[tuple[int, int, int], ...]  # (blocks, data codewords, error codewords) per kind of block
    order: np.ndarray  # the final message's codewords as indices into data + each block's error codewords


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
    base = np.array([list(row) for row in code.matrix], dtype=np.uint8)
    size = len(base)
    function = _function_modules(version, size)
    placed = _placement(size, lambda i, j: (i, j) not in function)
    rows = np.array([i for i, _ in placed], dtype=np.intp)
    columns = np.array([j for _, j in placed], dtype=np.intp)
    base[rows, columns] = 0
    mask_bits = np.array([MASKS[mask](i, j) for i, j in placed], dtype=np.uint8)
    blocks = tuple((info.num_blocks, info.num_data, info.num_total - info.num_data) for info in consts.ECC[version][error])
    return Frame(size, base, rows, columns, mask_bits, blocks, _interleaving(blocks))


def _interleaving(blocks: tuple[tuple[int, int, int], ...]) -> np.ndarray:
    """Where each codeword of the final message comes from, in [data codewords,
    then every block's error codewords]: the data blocks read column by column,
    then the error blocks (ISO/IEC 18004:2015, 7.6)."""
    data, errors, start, error_start = [], [], 0, sum(n * d for n, d, _ in blocks)
    for count, data_length, error_length in blocks:
        for _ in range(count):
            data.append(range(start, start + data_length))
            errors.append(range(error_start, error_start + error_length))
            start += data_length
            error_start += error_length
    return np.array([i for group in (data, errors) for column in zip_longest(*group) for i in column if i is not None], dtype=np.intp)


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


def data_codewords(data: bytes, version: int, error: int) -> bytes:
    """The data codewords: mode, count, data, terminator, padding as segno writes them."""
    capacity = consts.SYMBOL_CAPACITY[version][error]
    count_bits = 8 if version < 10 else 16
    length = 4 + count_bits + 8 * len(data)
    stream = ((0b0100 << count_bits | len(data)) << 8 * len(data)) | int.from_bytes(data, "big")
    terminator = min(capacity - length, 4)
    padding = 8 - (length + terminator) % 8  # to a codeword boundary (segno adds a whole 0 byte when already there)
    written = (length + terminator + padding) // 8
    head = (stream << (terminator + padding)).to_bytes(written, "big")
    return (head + bytes((0xEC, 0x11)[k % 2] for k in range(capacity // 8 - written)))[: capacity // 8]


def _error_codewords(blocks: np.ndarray, count: int) -> np.ndarray:
    """The `count` error correction codewords of each row of `blocks` (polynomial
    division in GF(256), all rows at once)."""
    generator = np.array(consts.GEN_POLY[count], dtype=np.intp)
    rows, length = blocks.shape
    remainder = np.zeros((rows, length + count), dtype=np.uint8)
    remainder[:, :length] = blocks
    for k in range(length):
        coefficient = remainder[:, k]
        terms = EXP[LOG[coefficient][:, None] + generator]
        terms[coefficient == 0] = 0  # log(0) is undefined: nothing to subtract
        remainder[:, k + 1 : k + 1 + count] ^= terms
    return remainder[:, length:]


def _matrices(streams: np.ndarray, shape: Frame) -> np.ndarray:
    """(codes, size, size) modules of codes given by their data codewords (codes, n)."""
    parts, start = [streams], 0
    for count, data_length, error_length in shape.blocks:
        end = start + count * data_length
        blocks = streams[:, start:end].reshape(-1, data_length)
        parts.append(_error_codewords(blocks, error_length).reshape(len(streams), count * error_length))
        start = end
    message = np.concatenate(parts, axis=1)[:, shape.order]
    bits = np.unpackbits(message, axis=1)
    placed = np.zeros((len(streams), len(shape.rows)), dtype=np.uint8)
    placed[:, : bits.shape[1]] = bits  # the rest: the remainder bits, 0
    codes = np.repeat(shape.base[None], len(streams), axis=0)
    codes[:, shape.rows, shape.columns] = placed ^ shape.mask
    return codes


def _paths(codes: np.ndarray, border: int) -> list[str]:
    """segno's SVG path of each code: its dark runs left to right, top to
    bottom, the first as M x y, each other as m dx dy from the last one's end."""
    count, size, _ = codes.shape
    edges = np.diff(np.pad(codes.astype(np.int8), ((0, 0), (0, 0), (1, 1))), axis=2)
    code, row, start = np.nonzero(edges == 1)
    end = np.nonzero(edges == -1)[2]
    first = np.r_[True, code[1:] != code[:-1]]
    dx = start - np.r_[0, end[:-1]]
    dy = row - np.r_[0, row[:-1]]
    length = end - start
    dx[first], dy[first] = 0, 0  # each code's first run is written whole (head, below)
    keys = ((dx + size) * (size + 1) + dy) * (size + 1) + length
    unique, inverse = np.unique(keys, return_inverse=True)
    texts = np.array([_move(int(k) // (size + 1) // (size + 1) - size, int(k) // (size + 1) % (size + 1), int(k) % (size + 1)) for k in unique], dtype=object)
    tokens = texts[inverse.ravel()]
    bounds = np.r_[np.nonzero(first)[0], len(code)].tolist()
    paths = []
    for a, b in zip(bounds, bounds[1:]):
        head = f"M{int(start[a]) + border} {int(row[a]) + border + 0.5}h{int(length[a])}"
        paths.append(head + "".join(tokens[a + 1 : b]))
    return paths


def _move(dx: int, dy: int, length: int) -> str:
    return f"m{dx} {dy}h{length}"


def svgs(items: Sequence[tuple[str, str]], error: int, mask: int, scale: int, border: int) -> list[str | None]:
    """What segno's `make(text, error=, mask=).svg_inline(scale=, border=,
    title=text, svgclass=, omitsize=True)` writes for each (text, css class),
    drawn in batches of one version and level; None where segno must draw it."""
    found: list[tuple[int, int, bytes] | None] = []
    groups: dict[tuple[int, int], list[int]] = {}
    for index, (text, _) in enumerate(items):
        data = byte_mode_data(text)
        where = version_and_level(data, error) if data is not None else None
        found.append(None if where is None else (*where, data))
        if where is not None:
            groups.setdefault(where, []).append(index)
    out: list[str | None] = [None] * len(items)
    for (version, level), indices in groups.items():
        shape = frame(version, level, mask)
        per_batch = max(1, BATCH_MODULES // (shape.size * shape.size))
        for at in range(0, len(indices), per_batch):
            batch = indices[at : at + per_batch]
            streams = np.frombuffer(b"".join(data_codewords(found[i][2], version, level) for i in batch), dtype=np.uint8).reshape(len(batch), -1)
            width = (shape.size + 2 * border) * scale
            for i, path in zip(batch, _paths(_matrices(streams, shape), border)):
                text, css_class = items[i]
                out[i] = (f'<svg viewBox="0 0 {width} {width}" class={quoteattr(css_class)}><title>{escape(text)}</title>'
                          f'<path transform="scale({scale})" class="qrline" stroke="#000" d="{path}"/></svg>')
    return out


def matrix(text: str, error: int, mask: int) -> list[str] | None:
    """The modules of one code as rows of '1' (dark) and '0', or None where segno must draw it."""
    data = byte_mode_data(text)
    where = version_and_level(data, error) if data is not None else None
    if where is None:
        return None
    streams = np.frombuffer(data_codewords(data, *where), dtype=np.uint8)[None]
    return ["".join(map(str, row)) for row in _matrices(streams, frame(*where, mask))[0].tolist()]
