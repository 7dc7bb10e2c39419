"""The catalogue follows the site: a rebuild is seen without a restart, a
half-written index keeps what was read last, and no open data is an error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lawsite.intake import catalogue as catalogue_module
from lawsite.intake.catalogue import CatalogueError, LiveCatalogue, load_catalogue

from .harness import CLOSED, OPEN


def test_a_rebuilt_site_is_seen_and_a_broken_index_is_ignored(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    shutil.copytree(project / "site" / "data", site / "data")
    monkeypatch.setattr(catalogue_module, "RELOAD_EVERY", 0.0)
    live = LiveCatalogue(site)
    assert CLOSED in live.current().drafts
    index_path = site / "data" / "index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["documents"] = [d for d in index["documents"] if d["id"] != CLOSED]
    index_path.write_text(json.dumps(index), encoding="utf-8")
    assert CLOSED not in live.current().drafts and OPEN in live.current().drafts
    index_path.write_text('{"documents": [', encoding="utf-8")  # a build halfway through writing it
    assert OPEN in live.current().drafts


@pytest.mark.parametrize("index", [None, "not json", '{"documents": [{"id": 1}]}', '{"documents": 5}'])
def test_missing_or_foreign_open_data_is_an_error(tmp_path: Path, index: str | None) -> None:
    if index is not None:
        (tmp_path / "data").mkdir()
        (tmp_path / "data" / "index.json").write_text(index, encoding="utf-8")
    with pytest.raises(CatalogueError):
        load_catalogue(tmp_path)
