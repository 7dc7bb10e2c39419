"""The Nu Html Checker (vnu-jar from npm, run with java) over every page of
the built sample site: no error caused by lawsite's own markup.

What remains comes from Material for MkDocs' templates, matched here by
message and by the Material element it is on (so that the same kind of
error in lawsite's markup still fails):
- `tabindex=""` on the navigation's section labels (`md-nav__link`);
- `autocomplete="off"` on its drawer and search toggles (`md-toggle`, checkboxes);
- the table of contents' `<label for="__toc">` when the page has no toc
  toggle (`md-nav__title`).
Skipped (with the reason) without java or vnu.jar; .ci/run installs it under
benchmarks/validators/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO

VNU = Path(os.environ.get("LAWSITE_VNU", REPO / "benchmarks" / "validators" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"))
# (a piece of the message, a piece of the element's markup it is on)
MATERIAL = (
    ("for attribute “tabindex” on element “label”", "md-nav__link"),
    ("Attribute “autocomplete” is only allowed when the input type is", "md-toggle"),
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control", "md-nav__title"),
)


def nu_errors(site: Path) -> list[dict[str, object]]:
    if shutil.which("java") is None:
        pytest.skip("java not found (apt-get install default-jre-headless)")
    if not VNU.is_file():
        pytest.skip(f"vnu.jar not found at {VNU} (npm install --prefix benchmarks/validators vnu-jar, as .ci/run does)")
    done = subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json", str(site)], capture_output=True, text=True, timeout=600)
    return list(json.loads(done.stderr or "{}").get("messages", []))


def is_material(message: dict[str, object]) -> bool:
    text, extract = str(message.get("message", "")), str(message.get("extract", ""))
    return any(piece in text and element in extract for piece, element in MATERIAL)


def test_no_error_from_lawsite_markup_on_any_page(sample_site: Path) -> None:
    errors = nu_errors(sample_site)
    ours = [f"{str(m.get('url', '')).split(str(sample_site))[-1]}:{m.get('lastLine')}: {m.get('message')} [{str(m.get('extract', '')).strip()[:120]}]" for m in errors if not is_material(m)]
    assert ours == []
    print(f"\n{len(errors)} errors, all from Material's templates: {sorted({str(m['message'])[:60] for m in errors})}")


def test_the_material_filter_keeps_the_same_error_on_other_markup() -> None:
    ours = {"message": "Attribute “autocomplete” is only allowed when the input type is “color”…", "extract": '<input class="ls-jump__number" type="checkbox" autocomplete="off">'}
    theirs = {"message": ours["message"], "extract": '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'}
    assert not is_material(ours) and is_material(theirs)
