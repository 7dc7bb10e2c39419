"""The guide's page on the web editor (content/guide/12-admin.md) and the
README say what the code does: each backend it names exists, and each of its
`admin:` examples is a configuration the build accepts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO
from lawsite.admin.config import BACKENDS, AdminSettings
from lawsite.scaffold import FOLDERS

GUIDE = REPO / "content" / "guide" / "12-admin.md"
FENCE = re.compile(r"^```yaml\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _admin_options(node: Any) -> dict[str, Any] | None:
    if isinstance(node, dict):
        if "admin" in node:
            return node["admin"]
        return next((found for value in node.values() if (found := _admin_options(value)) is not None), None)
    if isinstance(node, list):
        return next((found for value in node if (found := _admin_options(value)) is not None), None)
    return None


EXAMPLES = [_admin_options(yaml.safe_load(block)) for block in FENCE.findall(GUIDE.read_text(encoding="utf-8"))]


def test_the_guide_shows_one_example_per_kind_of_server():
    assert [options["backend"] for options in EXAMPLES] == ["github", "gitlab", "gitea"]


@pytest.mark.parametrize("options", EXAMPLES, ids=[str(o["backend"]) for o in EXAMPLES])
def test_each_example_is_accepted(options):
    settings = AdminSettings.from_options(options)
    assert settings.backend in BACKENDS and settings.repo == "qingchuan-rd/lawsite-content"
    assert settings.backend_config()["name"] == options["backend"]


@pytest.mark.parametrize("text", [GUIDE.read_text(encoding="utf-8"), (REPO / "README.md").read_text(encoding="utf-8")], ids=["guide", "README"])
def test_every_backend_is_documented(text):
    for backend in BACKENDS:
        assert re.search(rf"\b{backend}\b", text, re.IGNORECASE), backend
    assert "decap-server" in text and "/admin/" in text


def test_the_guide_names_the_folder_the_editor_writes_drafts_to():
    assert f"content/{FOLDERS['draft']}/" in GUIDE.read_text(encoding="utf-8")
    assert (REPO / "tests" / "screenshots" / "admin-draft.png").stat().st_size < 200_000
