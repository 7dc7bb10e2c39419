"""The labels of every language (render/labels/): the same keys, the same
{placeholders} per key, no empty text, and one lookup over them."""

from __future__ import annotations

from string import Formatter

import pytest

from lawsite.render.i18n import LANGUAGES, SCRIPT_LABELS, translator


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(text) if field is not None}


def mismatches(languages: dict[str, dict[str, str]]) -> list[str]:
    """What keeps `languages` from holding the same labels: keys missing in a
    language, placeholders that differ from the default language's, empty texts."""
    default = languages["zh"]
    found = []
    for language, labels in languages.items():
        found += [f"{language}: no {key!r}" for key in default.keys() - labels.keys()]
        found += [f"{language}: {key!r} is not in zh" for key in labels.keys() - default.keys()]
        for key in default.keys() & labels.keys():
            if placeholders(labels[key]) != placeholders(default[key]):
                found.append(f"{language}: {key!r} has {sorted(placeholders(labels[key]))}, zh has {sorted(placeholders(default[key]))}")
            if not labels[key]:
                found.append(f"{language}: {key!r} is empty")
    return found


def test_every_language_has_the_same_keys_and_placeholders() -> None:
    assert set(LANGUAGES) == {"zh", "zh-Hant", "en"}
    assert mismatches(LANGUAGES) == []


@pytest.mark.parametrize("language", ["zh-Hant", "en"])
def test_a_missing_or_misfilled_label_is_found(language: str) -> None:
    missing = {**LANGUAGES, language: {k: v for k, v in LANGUAGES[language].items() if k != "days_left"}}
    assert mismatches(missing) == [f"{language}: no 'days_left'"]
    misfilled = {**LANGUAGES, language: {**LANGUAGES[language], "days_left": "{count} days left"}}
    assert mismatches(misfilled) == [f"{language}: 'days_left' has ['count'], zh has ['n']"]


def test_the_translator_looks_up_the_language_and_fills_placeholders() -> None:
    assert translator("zh")("days_left", n=3) == "还剩 3 天"
    assert translator("zh-Hant")("days_left", n=3) == "還剩 3 天"
    assert translator("en")("days_left", n=3) == "3 days left"
    assert translator("fr")("days_left", n=3) == "还剩 3 天"  # any other language reads the default
    assert translator("en")("opens_on") == "Opens on {date}"  # no values: the text as written
    with pytest.raises(KeyError):
        translator("en")("no_such_label")


def test_script_labels_exist() -> None:
    assert set(SCRIPT_LABELS) <= LANGUAGES["zh"].keys()
