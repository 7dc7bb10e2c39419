"""Every label the reader sees, in Simplified Chinese (default), Traditional
Chinese and English. Templates never hold literal text; they call `t(key)`.

The texts live in `render/labels/`, one module per language."""

from __future__ import annotations

from typing import Callable

from .labels import en, zh, zh_hant

# The site's `language` setting → its labels; any other language reads Simplified Chinese.
LANGUAGES: dict[str, dict[str, str]] = {"zh": zh.LABELS, "zh-Hant": zh_hant.LABELS, "en": en.LABELS}

# The labels the page scripts (reader.js, basket.js) show, handed to them by the
# generated i18n.js (render/reader.py), so the scripts hold no literal text;
# `{label}`, `{n}`, `{title}` are filled in by the script.
SCRIPT_LABELS: tuple[str, ...] = (
    *(key for key in zh.LABELS if key.startswith("basket_")),
    "font_larger",
    "copy_link",
    "copied",
    "copy_fallback",
    "copy_address",
    "copy_selected",
    "read_aloud",
    "read_stop",
    "search_dialog",
    "jump_missing",
)
# What intake.js shows; in i18n.js only on a site that uses the comment service.
INTAKE_SCRIPT_LABELS: tuple[str, ...] = tuple(key for key in zh.LABELS if key.startswith("intake_js_"))


def translator(language: str) -> Callable[..., str]:
    """`t("days_left", n=3)` in the site's language; unknown keys fail loudly."""
    labels = LANGUAGES.get(language, zh.LABELS)

    def t(key: str, **values: object) -> str:
        text = labels[key]
        return text.format(**values) if values else text

    return t
