"""Phone numbers as written by editors become tel: links shown as people
read them (render/phone.py); what is not a number stays text."""

from __future__ import annotations

import pytest

from lawsite.render.phone import phone_html, phone_parts


@pytest.mark.parametrize(
    ("written", "shown", "href"),
    [
        ("0971-8888888", "0971-8888888", "tel:+86-971-8888888"),
        ("（0971）8888888", "0971-8888888", "tel:+86-971-8888888"),
        ("010 12345678", "010-12345678", "tel:+86-10-12345678"),
        ("13912345678", "139 1234 5678", "tel:+86-139-1234-5678"),
        ("+86 139-1234-5678", "139 1234 5678", "tel:+86-139-1234-5678"),
        ("0971-8888888 转 8012", "0971-8888888 转 8012", "tel:+86-971-8888888,8012"),
        ("12345", "12345", "tel:12345;phone-context=+86"),
        ("400-123-4567", "400-123-4567", "tel:4001234567;phone-context=+86"),
    ],
)
def test_a_number_is_shown_as_read_and_dialled_in_full(written: str, shown: str, href: str) -> None:
    [number] = phone_parts(written)
    assert not isinstance(number, str)
    assert (number.shown, number.href) == (shown, href)


def test_the_words_around_numbers_stay_and_are_escaped() -> None:
    html = phone_html("0971-6123456（工作日 9:00—17:00）或 12345 <热线>")
    assert html == (
        '<a class="ls-tel" href="tel:+86-971-6123456">0971-6123456</a>（工作日 9:00—17:00）或 '
        '<a class="ls-tel" href="tel:12345;phone-context=+86">12345</a> &lt;热线&gt;'
    )


@pytest.mark.parametrize("text", ["周一至周五 9:00—12:00", "2026年3月1日", "邮编：810000", "123456789012345", "第12条", "0971-12"])
def test_what_is_no_phone_number_stays_text(text: str) -> None:
    assert phone_parts(text) == [text]
