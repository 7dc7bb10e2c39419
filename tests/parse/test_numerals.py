"""Chinese numerals: known values, errors, and a round-trip property."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawsite.numerals import to_chinese, to_int

KNOWN = [
    (1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (101, "一百零一"),
    (110, "一百一十"), (112, "一百一十二"), (1001, "一千零一"), (1010, "一千零一十"),
    (1100, "一千一百"), (2020, "二千零二十"), (9999, "九千九百九十九"),
]  # fmt: skip


@pytest.mark.parametrize(("n", "text"), KNOWN)
def test_known_values(n: int, text: str) -> None:
    assert to_chinese(n) == text
    assert to_int(text) == n


@pytest.mark.parametrize(
    ("text", "n"),
    [("一十二", 12), ("两", 2), ("两百", 200), ("〇", 0), ("零", 0), ("兩", 2),
     ("12", 12), ("１２", 12), (" 三 ", 3), ("一百十", 110), ("二〇二五", 2025)],
)  # fmt: skip
def test_variants(text: str, n: int) -> None:
    assert to_int(text) == n


@pytest.mark.parametrize("text", ["", "  ", "abc", "十十", "百一", "一十十", "零十", "一万万", "万", "第一", "九" * 25])
def test_rejects_non_numerals_with_message(text: str) -> None:
    with pytest.raises(ValueError, match="number|numeral"):
        to_int(text)


@pytest.mark.parametrize("text, n", [("一万", 10_000), ("一万零一", 10_001), ("九千九百九十九万", 99_990_000), ("一亿", 10**8), ("一億二千萬", 120_000_000)])
def test_reads_wan_and_yi_so_that_callers_can_refuse_absurd_labels(text: str, n: int) -> None:
    assert to_int(text) == n


@pytest.mark.parametrize("n", [0, -1, 10000, 3.0, True])
def test_to_chinese_range(n: object) -> None:
    with pytest.raises(ValueError, match="1 to 9999"):
        to_chinese(n)  # type: ignore[arg-type]


@given(st.integers(min_value=1, max_value=9999))
def test_round_trip(n: int) -> None:
    assert to_int(to_chinese(n)) == n


@given(st.integers(min_value=1, max_value=9999))
def test_one_shi_form_round_trips(n: int) -> None:
    """一十二 (with the explicit 一) reads the same as 十二."""
    text = to_chinese(n)
    if text.startswith("十"):
        assert to_int("一" + text) == n
