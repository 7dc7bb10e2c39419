"""The catalogue: every entry of `problems.py`, `cli.py` and `admin.py` under one mapping
(how to add one: the docstring of `lawsite.messages`)."""

from __future__ import annotations

from . import admin, cli, problems
from .entry import Message


def _merged() -> dict[str, Message]:
    merged: dict[str, Message] = {}
    for part in (problems.MESSAGES, cli.MESSAGES, admin.MESSAGES):
        clash = merged.keys() & part.keys()
        if clash:
            raise KeyError(f"message keys defined twice: {sorted(clash)}")
        merged.update(part)
    return merged


CATALOGUE: dict[str, Message] = _merged()
