"""The posters' QR codes kept between builds (emit/qr.py): a kept code is the
same bytes as a drawn one, and a damaged or deleted cache is built again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from lawsite.emit import qr
from lawsite.emit.qr import QrCodes, qr_svg

INPUTS = [(f"https://example.gov.cn/drafts/d/#art_{n}", "ls-poster__code") for n in range(1, 6)] + [("https://example.gov.cn/drafts/d/", "ls-poster__page-code")]


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every input drawn (not read from the cache), in order."""
    seen: list[tuple[str, str]] = []
    real = qr.draw

    def recording(inputs):
        seen.extend(inputs)
        return real(inputs)

    monkeypatch.setattr(qr, "draw", recording)
    return seen


def test_a_kept_code_is_the_drawn_one_byte_for_byte(tmp_path: Path, drawn: list) -> None:
    codes = QrCodes(tmp_path / ".cache" / "lawsite" / "qr.sqlite3")
    first = codes.svgs(INPUTS)
    assert drawn == INPUTS
    assert first == [qr_svg(url, css) for url, css in INPUTS]  # (qr_svg draws too)
    drawn.clear()
    assert codes.svgs(INPUTS) == first and drawn == []  # all from the cache
    assert QrCodes(codes.cache_file).svgs(INPUTS[2:4] + INPUTS[:1]) == first[2:4] + first[:1] and drawn == []


def test_only_new_addresses_are_drawn_and_repeats_once(tmp_path: Path, drawn: list) -> None:
    codes = QrCodes(tmp_path / "qr.sqlite3")
    codes.svgs(INPUTS[:3])
    drawn.clear()
    again = codes.svgs([*INPUTS, INPUTS[4]])
    assert drawn == INPUTS[3:] and again[-1] == again[4]


def test_the_class_is_part_of_the_key(tmp_path: Path) -> None:
    codes = QrCodes(tmp_path / "qr.sqlite3")
    url = INPUTS[0][0]
    a, b = codes.svgs([(url, "one"), (url, "two")])
    assert 'class="one"' in a and 'class="two"' in b


@pytest.mark.parametrize("damage", [b"", b"not a database at all" * 200, None])
def test_a_damaged_or_deleted_cache_is_built_again(tmp_path: Path, drawn: list, damage: bytes | None) -> None:
    cache = tmp_path / "qr.sqlite3"
    expected = QrCodes(cache).svgs(INPUTS)
    if damage is None:
        cache.unlink()
    else:
        cache.write_bytes(damage)
    drawn.clear()
    assert QrCodes(cache).svgs(INPUTS) == expected and drawn == INPUTS
    drawn.clear()
    assert QrCodes(cache).svgs(INPUTS) == expected and drawn == []  # a working cache again


def test_a_cache_damaged_inside_is_built_again(tmp_path: Path, drawn: list) -> None:
    cache = tmp_path / "qr.sqlite3"
    expected = QrCodes(cache).svgs(INPUTS)
    data = bytearray(cache.read_bytes())
    data[len(data) // 2 :] = b"\xff" * (len(data) - len(data) // 2)  # the header intact, the pages not
    cache.write_bytes(bytes(data))
    drawn.clear()
    assert QrCodes(cache).svgs(INPUTS) == expected
    drawn.clear()
    assert QrCodes(cache).svgs(INPUTS) == expected and drawn == []


def test_an_edited_value_is_drawn_again(tmp_path: Path, drawn: list) -> None:
    cache = tmp_path / "qr.sqlite3"
    expected = QrCodes(cache).svgs(INPUTS)
    with sqlite3.connect(cache) as db:
        db.execute("UPDATE code SET svg = '<svg' WHERE key LIKE '%art_2'")
    db.close()
    drawn.clear()
    assert QrCodes(cache).svgs(INPUTS) == expected and drawn == [INPUTS[1]]


def test_codes_drawn_another_way_are_dropped(tmp_path: Path, drawn: list, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "qr.sqlite3"
    QrCodes(cache).svgs(INPUTS)
    monkeypatch.setattr(qr, "DRAWING", qr.DRAWING + " (a newer segno)")
    drawn.clear()
    QrCodes(cache).svgs(INPUTS[:2])
    assert drawn == INPUTS[:2]
    with sqlite3.connect(cache) as db:
        assert db.execute("SELECT count(*) FROM code").fetchone() == (2,)
    db.close()


def test_without_a_writable_cache_the_codes_are_drawn(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    assert QrCodes(tmp_path / "a-file" / "qr.sqlite3").svgs(INPUTS) == [qr_svg(u, c) for u, c in INPUTS]
    assert QrCodes(None).svgs(INPUTS[:1]) == [qr_svg(*INPUTS[0])]


def test_many_codes_drawn_at_once_are_the_ones_drawn_alone() -> None:
    inputs = [(f"https://example.gov.cn/drafts/d/#art_{n}", "c") for n in range(9)] + [("HTTPS://EXAMPLE.GOV.CN/", "c")]  # the last by segno
    assert qr.draw(inputs) == [qr_svg(u, c) for u, c in inputs]
