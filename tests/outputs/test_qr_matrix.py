"""The posters' QR codes (emit/qr_matrix.py, emit/qr.py): the fast encoder
draws the very modules segno draws with the same mask, and a drawn SVG
decodes to its address.

No QR decoder is installed (zxing, zbar), so `decode` below reads a code the
way a scanner does, written from the standard (ISO/IEC 18004:2015) and
independent of the encoder: the format information (BCH-checked) gives the
level and mask, the data modules are read in placement order and unmasked,
every block must be a Reed–Solomon codeword (all syndromes zero), and the
byte-mode segment gives the text.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys

import pytest
import segno
from segno import consts

from lawsite.emit import qr, qr_matrix

ARTICLE = "https://lawsite.example.gov.cn/drafts/large-draft/#art_{}"
LEVEL_BITS = {0b01: consts.ERROR_LEVEL_L, 0b00: consts.ERROR_LEVEL_M, 0b11: consts.ERROR_LEVEL_Q, 0b10: consts.ERROR_LEVEL_H}


def _texts(share: int | None = None) -> list[str]:
    """Addresses (byte mode: a small letter first) of lengths from the least
    that is not a Micro QR code to the most version 40 holds at M, with the
    lengths where the version (or the count field) changes; and 40 lengths
    between, or (with `share` 0-7) the eighth of them that is that share's."""
    chars = "abcdefghijklmnopqrstuvwxyz0123456789/:.#_-?=&%ABC"
    pick = random.Random(17)
    between = pick.sample(range(16, 2300), 40)
    lengths = [14, 15, 26, 27, 28, 180, 181, 182, 2331, *(between if share is None else between[share::8])]
    return [ARTICLE.format(n) for n in (1, 99990, "a_9")] + ["h" + "".join(pick.choice(chars) for _ in range(n - 1)) for n in lengths]


def _segno_rows(text: str, mask: int) -> list[str]:
    return ["".join(str(bit) for bit in row) for row in segno.make(text, error="m", mask=mask).matrix]


@pytest.mark.parametrize("mask", range(8))
def test_the_modules_are_segnos_for_the_same_mask(mask: int) -> None:
    """Every mask on the lengths where something changes; the lengths between
    shared among the masks (each of the 40 is drawn with one mask)."""
    versions = set()
    for text in _texts(share=mask):
        rows = qr_matrix.matrix(text, consts.ERROR_LEVEL_M, mask)
        assert rows == _segno_rows(text, mask), text
        versions.add((len(rows) - 17) // 4)
    assert {1, 2, 9, 10, 40} <= versions  # the small ones, the count field's change, the largest


def test_the_svgs_are_segnos_byte_for_byte_drawn_together_or_alone() -> None:
    texts = [*_texts()[:12], 'https://a.example/?q="<&>"', ARTICLE.format(2)]
    items = [(text, f"class-{n % 2}") for n, text in enumerate(texts)]
    together = qr_matrix.svgs(items, consts.ERROR_LEVEL_M, 2, 4, 2)
    assert together == [qr_matrix.svgs([item], consts.ERROR_LEVEL_M, 2, 4, 2)[0] for item in items]
    for (text, css_class), mine in zip(items, together):
        assert mine == segno.make(text, error="m", mask=2).svg_inline(scale=4, border=2, title=text, svgclass=css_class, omitsize=True)


def test_batches_split_where_memory_says(monkeypatch: pytest.MonkeyPatch) -> None:
    items = [(ARTICLE.format(n), "c") for n in range(7)]
    whole = qr_matrix.svgs(items, consts.ERROR_LEVEL_M, 2, 4, 2)
    monkeypatch.setattr(qr_matrix, "BATCH_MODULES", 3 * 33 * 33)  # three codes of version 4 at a time
    assert qr_matrix.svgs(items, consts.ERROR_LEVEL_M, 2, 4, 2) == whole


@pytest.mark.parametrize("text", ["HTTPS://EXAMPLE.GOV.CN/A", "12345", "https://例子.中国/草案", "x" * 2332, "https://a.cn"])
def test_what_it_does_not_cover_is_left_to_segno(text: str) -> None:
    assert qr_matrix.matrix(text, consts.ERROR_LEVEL_M, 2) is None
    assert qr_matrix.svgs([(text, "c")], consts.ERROR_LEVEL_M, 2, 4, 2) == [None]


@pytest.mark.parametrize("text", [ARTICLE.format(1), ARTICLE.format(99990), "https://yj.example.gov.cn/f?doc=d&article=art_1", "x" * 300])
def test_a_drawn_code_decodes_to_its_address_with_mask_2(text: str) -> None:
    level, mask, decoded = decode(svg_rows(qr.qr_svg(text, "ls-poster__code")))
    assert decoded == text and mask == qr.MASK == 2
    assert level in (consts.ERROR_LEVEL_M, consts.ERROR_LEVEL_Q, consts.ERROR_LEVEL_H)  # at least M


def test_segno_draws_the_rest_with_the_same_mask() -> None:
    text = "HTTPS://EXAMPLE.GOV.CN/A"  # alphanumeric: segno, not qr_matrix
    assert svg_rows(qr.qr_svg(text, "c")) == _segno_rows(text, 2)


def test_the_cache_key_names_the_mask() -> None:
    assert "mask 2" in qr.DRAWING


def test_many_codes_are_drawn_by_qr_matrix_a_few_by_segno_without_numpy() -> None:
    script = (
        "import sys; from lawsite.emit import qr; "
        "qr.draw([('https://example.gov.cn/d/#art_1', 'c')] * (qr.BATCH_FROM - 1)); print('numpy' in sys.modules); "
        "qr.draw([('https://example.gov.cn/d/#art_1', 'c')] * qr.BATCH_FROM); print('numpy' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]


# --- a reader, from the standard ----------------------------------------------------------


def svg_rows(svg: str) -> list[str]:
    """The modules an SVG of segno's shape paints: runs relative to the last one's end."""
    view = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    scale = int(re.search(r"scale\((\d+)\)", svg).group(1))
    moves = re.findall(r"([Mm])(-?\d+(?:\.5)?) (-?\d+(?:\.5)?)h(\d+)", re.search(r' d="([^"]+)"', svg).group(1))
    cells = view // scale
    grid = [["0"] * cells for _ in range(cells)]
    x = y = 0.0
    for kind, dx, dy, length in moves:
        x, y = (float(dx), float(dy)) if kind == "M" else (x + float(dx), y + float(dy))
        for column in range(int(x), int(x) + int(length)):
            grid[int(y - 0.5)][column] = "1"
        x += int(length)
    border = next(i for i, row in enumerate(grid) if "1" in row)
    return ["".join(row[border : cells - border]) for row in grid[border : cells - border]]


def _bch_format(data: int) -> int:
    remainder = data
    for _ in range(10):
        remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537)
    return (data << 10 | remainder) ^ 0x5412


def _function_map(size: int, version: int) -> list[list[bool]]:
    taken = [[False] * size for _ in range(size)]

    def mark(top: int, left: int, height: int, width: int) -> None:
        for r in range(max(top, 0), min(top + height, size)):
            for c in range(max(left, 0), min(left + width, size)):
                taken[r][c] = True

    for top, left in ((0, 0), (0, size - 8), (size - 8, 0)):
        mark(top, left, 8, 8)  # finder and separator
    mark(6, 0, 1, size), mark(0, 6, size, 1)  # timing
    mark(8, 0, 1, 9), mark(0, 8, 9, 1), mark(8, size - 8, 1, 8), mark(size - 8, 8, 8, 1)  # format, dark module
    if version >= 2:
        count = version // 7 + 2
        step = 26 if version == 32 else (version * 4 + count * 2 + 1) // (count * 2 - 2) * 2
        centres = [6] + [size - 7 - k * step for k in range(count - 1)][::-1]
        for r in centres:
            for c in centres:
                if not ((r == 6 and c in (6, size - 7)) or (r == size - 7 and c == 6)):
                    mark(r - 2, c - 2, 5, 5)
    if version >= 7:
        mark(0, size - 11, 6, 3), mark(size - 11, 0, 3, 6)
    return taken


def _syndromes_zero(block: list[int], ec_count: int) -> bool:
    log, exp = consts.GALIOS_LOG, consts.GALIOS_EXP
    for power in range(ec_count):  # the block as a polynomial, evaluated at α^power
        value = 0
        for coefficient in block:
            value = (exp[(log[value] + power) % 255] if value else 0) ^ coefficient
        if value:
            return False
    return True


def decode(rows: list[str]) -> tuple[int, int, str]:
    """(error level, mask, text) of a byte-mode QR code's modules."""
    size = len(rows)
    version = (size - 17) // 4
    dark = [[cell == "1" for cell in row] for row in rows]
    first_copy = [(r, 8) for r in (0, 1, 2, 3, 4, 5, 7, 8)] + [(8, c) for c in (7, 5, 4, 3, 2, 1, 0)]  # bit 0 first
    bits = sum(dark[r][c] << i for i, (r, c) in enumerate(first_copy))
    data = (bits ^ 0x5412) >> 10
    assert _bch_format(data) == bits, "format information damaged"
    level, mask = LEVEL_BITS[data >> 3], data & 7
    masked = [
        lambda r, c: (r + c) % 2 == 0, lambda r, c: r % 2 == 0, lambda r, c: c % 3 == 0, lambda r, c: (r + c) % 3 == 0,
        lambda r, c: (r // 2 + c // 3) % 2 == 0, lambda r, c: r * c % 2 + r * c % 3 == 0,
        lambda r, c: (r * c % 2 + r * c % 3) % 2 == 0, lambda r, c: ((r + c) % 2 + r * c % 3) % 2 == 0,
    ][mask]
    taken = _function_map(size, version)
    stream = []
    for right in range(size - 1, 0, -2):
        right = right - 1 if right <= 6 else right  # the vertical timing pattern's column is skipped
        upward = ((right + 1) & 2) == 0
        for step in range(size):
            r = size - 1 - step if upward else step
            for c in (right, right - 1):
                if not taken[r][c]:
                    stream.append(dark[r][c] ^ masked(r, c))
    codewords = [int("".join("1" if b else "0" for b in stream[k : k + 8]), 2) for k in range(0, len(stream) - 7, 8)]
    shapes = [(info.num_data, info.num_total - info.num_data) for info in consts.ECC[version][level] for _ in range(info.num_blocks)]
    blocks: list[list[int]] = [[] for _ in shapes]
    position = 0
    for k in range(max(d for d, _ in shapes)):
        for b, (d, _) in enumerate(shapes):
            if k < d:
                blocks[b].append(codewords[position])
                position += 1
    for k in range(shapes[0][1]):
        for b, (_, e) in enumerate(shapes):
            blocks[b].append(codewords[position])
            position += 1
    assert all(_syndromes_zero(block, e) for block, (_, e) in zip(blocks, shapes)), "not a Reed–Solomon codeword"
    message = "".join(f"{b:08b}" for block, (d, _) in zip(blocks, shapes) for b in block[:d])
    assert message[:4] == "0100", "not byte mode"
    count_bits = 8 if version < 10 else 16
    length = int(message[4 : 4 + count_bits], 2)
    payload = message[4 + count_bits : 4 + count_bits + 8 * length]
    return level, mask, bytes(int(payload[k : k + 8], 2) for k in range(0, len(payload), 8)).decode("latin-1")
