"""Receipts: the shape read out over the phone, and what a person types back."""

from __future__ import annotations

import re

from lawsite.intake.receipts import ALPHABET, BITS, new_receipt, normalise_receipt


def test_a_receipt_is_three_groups_of_four_unambiguous_symbols() -> None:
    receipts = {new_receipt() for _ in range(2000)}
    assert len(receipts) == 2000
    for receipt in receipts:
        assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}", receipt), receipt
    assert not set("ILOU") & set("".join(receipts))
    assert len(set(ALPHABET)) == 32 and BITS == 60
    assert len(set("".join(receipts)) - {"-"}) == 32  # every symbol is drawn: 5 bits each


def test_what_a_person_types_back_finds_the_receipt() -> None:
    assert normalise_receipt("7kq2 m9xd 4tnb") == "7KQ2-M9XD-4TNB"
    assert normalise_receipt("7KQ2M9XD4TNB") == "7KQ2-M9XD-4TNB"
    assert normalise_receipt("O1L2-IIII-0000") == "0112-1111-0000"
    for wrong in ("", "7KQ2-M9XD", "7KQ2-M9XD-4TNB-1", "7KQ2-M9XD-4TNU", "../../etc/passwd", "x" * 10_000, "７KQ2-M9XD-4TNB"):
        assert normalise_receipt(wrong) is None, wrong
