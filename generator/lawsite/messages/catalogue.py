"""The catalogue: every entry of `problems.py` and `cli.py` under one mapping
(how to add one: the docstring of `lawsite.messages`)."""

from __future__ import annotations

from typing import NamedTuple


class Message(NamedTuple):
    zh: str
    en: str


def _merged() -> dict[str, Message]:
    from . import cli, problems

    merged: dict[str, Message] = {}
    for part in (problems.MESSAGES, cli.MESSAGES):
        clash = merged.keys() & part.keys()
        if clash:
            raise KeyError(f"message keys defined twice: {sorted(clash)}")
        merged.update(part)
    return merged


CATALOGUE: dict[str, Message] = _merged()
