"""Every sample output in the editors' guide is what the command prints today
(see guide_samples.py); `pytest --update` rewrites the guide's samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.publishing.guide_samples import GUIDE, SAMPLES, elided, marked_blocks, updated_page


def test_every_marked_sample_has_a_maker_and_every_maker_a_sample() -> None:
    names = [block.name for block in marked_blocks()]
    assert set(names) == set(SAMPLES), set(names) ^ set(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_the_guide_shows_what_the_command_prints(name: str, tmp_path: Path, update_golden: bool) -> None:
    printed = elided(SAMPLES[name](tmp_path)).rstrip("\n") + "\n"
    for block in [b for b in marked_blocks() if b.name == name]:
        if update_golden:
            (GUIDE / block.page).write_text(updated_page(block.page, {(block.page, block.start): printed}), encoding="utf-8")
            continue
        assert block.text == printed, f"{block.page}: the sample {name!r} is stale (pytest --update rewrites it):\n--- guide\n{block.text}--- printed\n{printed}"
