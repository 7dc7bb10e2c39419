"""Golden files: ``golden/<case>.md`` → ``golden/<case>.json``.

Each JSON holds the outline (`outline_dict`), every paragraph and item with
its text, the prose blocks, and the problems. Run ``pytest --update`` to
rewrite the expected files after an intended change, then review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from golden_files import assert_golden
from lawsite.model import LegalText, Prose
from lawsite.outline import outline_dict, outline_text
from lawsite.parse.legal import parse_legal_text

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.stem for p in GOLDEN.glob("*.md"))


def _detail(legal: LegalText) -> dict[str, Any]:
    return {
        "paragraphs": [
            {
                "id": para.id,
                "line": para.line,
                "text": para.text,
                "items": [{"id": i.id, "label": i.label, "line": i.line, "text": i.text} for i in para.items],
            }
            for article in legal.articles
            for para in article.paragraphs
        ],
        "prose": [{"line": n.line, "text": n.text} for n in legal.walk() if isinstance(n, Prose)],
    }


def render_case(name: str) -> str:
    markdown = (GOLDEN / f"{name}.md").read_text(encoding="utf-8")
    legal, problems = parse_legal_text(markdown, path=f"{name}.md")
    result = {
        "outline": outline_dict(legal),
        "detail": _detail(legal),
        "problems": [p.to_dict("en") for p in problems],
    }
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


def test_enough_cases() -> None:
    assert len(CASES) >= 8


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str, update_golden: bool) -> None:
    assert_golden(render_case(name), GOLDEN / f"{name}.json", update_golden)


def test_outline_text_is_readable() -> None:
    markdown = (GOLDEN / "parts_subparts.md").read_text(encoding="utf-8")
    legal, _ = parse_legal_text(markdown, path="parts_subparts.md")
    text = outline_text(legal)
    assert "第二编 物权  [part_2]  line 7\n  第一分编 通则  [part_2__subpart_1]  line 9\n" in text
    assert "      art_3  第三条  line 19\n" in text
    assert "\n附则  [chp_u1]  line 27\n  art_5  第五条  line 29\n" in text
    assert text.endswith("10 divisions, 5 articles, 5 paragraphs, 0 items, 0 prose, 0 repealed, 0 inserted\n")
