"""One entry of the catalogue: a message in both languages, with the same
``{named}`` placeholders (kept apart from `catalogue`, which imports the
modules that define entries)."""

from __future__ import annotations

from typing import NamedTuple


class Message(NamedTuple):
    zh: str
    en: str
