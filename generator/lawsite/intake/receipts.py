"""Receipt numbers (回执号): random, unguessable, and easy to read out.

A receipt is 12 symbols of Crockford's base32 (digits and capitals without
I, L, O and U, so nothing reads as 0/1 or as a word), shown as three groups
of four: `7KQ2-M9XD-4TNB`. 12 symbols × 5 bits = 60 bits from `secrets`:
at 10,000 guesses a minute (far above the per-address limit) finding one
particular comment among a million would take on average over 100 years.
Uniqueness is the store's: it inserts with ON CONFLICT DO NOTHING and asks
for a new receipt when one is taken.

What a person types back is forgiving: lower case, spaces or no hyphens,
and O/I/L for 0/1/1 all find the same receipt.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32
SYMBOLS = 12
GROUP = 4
BITS = SYMBOLS * 5
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1", "-": None, " ": None})


def new_receipt() -> str:
    """A fresh random receipt, e.g. `7KQ2-M9XD-4TNB`."""
    return _grouped("".join(secrets.choice(ALPHABET) for _ in range(SYMBOLS)))


def _grouped(symbols: str) -> str:
    return "-".join(symbols[i : i + GROUP] for i in range(0, SYMBOLS, GROUP))


def is_receipt(comment_id: str) -> bool:
    """Whether a comment id (the collect format's `id`) is a receipt, written
    as the service writes it: a mail's hash or `file:row` never is."""
    return normalise_receipt(comment_id) == comment_id


def normalise_receipt(raw: str) -> str | None:
    """The receipt `raw` names as written by a person, or None if it names none."""
    if len(raw) > 3 * SYMBOLS:
        return None
    symbols = raw.upper().translate(_READ_AS)
    if len(symbols) != SYMBOLS or any(c not in ALPHABET for c in symbols):
        return None
    return _grouped(symbols)
