"""Static checks of the reader's assets: colour pairs meet WCAG 2.1 AA in both
schemes, and the scripts hold no visible text of their own (labels come from
the site's generated i18n.js, so every label goes through the i18n table)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ASSETS = Path(__file__).resolve().parents[2] / "generator" / "lawsite" / "assets"
WHITE, SLATE_BG = "#ffffff", "#1e2029"  # Material's default and slate page backgrounds


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def variables(css: str, selector: str) -> dict[str, str]:
    block = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css)
    assert block, selector
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})", block.group(1)))


@pytest.mark.parametrize("selector", [":root", '[data-md-color-scheme="slate"]'])
@pytest.mark.parametrize("state", ["open", "closed", "upcoming"])
def test_banner_colours_meet_aa(selector: str, state: str) -> None:
    colours = variables((ASSETS / "lawsite.css").read_text(encoding="utf-8"), selector)
    assert contrast(colours[f"--ls-{state}"], colours[f"--ls-{state}-bg"]) >= 4.5


def test_primary_red_meets_aa_as_text_and_as_background() -> None:
    colours = variables((ASSETS / "reader.css").read_text(encoding="utf-8"), '[data-md-color-primary="red"]')
    assert contrast(colours["--md-primary-fg-color"], WHITE) >= 4.5
    slate = variables((ASSETS / "reader.css").read_text(encoding="utf-8"), '[data-md-color-scheme="slate"][data-md-color-primary="red"]')
    assert contrast(slate["--md-typeset-a-color"], SLATE_BG) >= 4.5


@pytest.mark.parametrize("script", ["basket.js", "reader.js", "poster.js", "lawsite.js", "intake.js"])
def test_scripts_hold_no_chinese_text(script: str) -> None:
    text = (ASSETS / script).read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", text, flags=re.DOTALL)  # comments may explain in any language
    assert not re.search(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]", code), script
