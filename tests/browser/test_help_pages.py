"""The help page names the buttons the reader finds, in Chromium at 390 and
1280 px: every button name “…” in 如何提出意见's 针对某一条提出意见 part is a
visible button on a draft (in an article's opened 提意见 entry, or the
header); axe-core in light and dark."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import SCREENSHOTS
from browser.test_reader import axe_violations, new_page, open_entry

pytestmark = pytest.mark.browser

HELP = "how-to-comment/"
DRAFT = "drafts/civilized-behavior/"
# A recorded Chinese voice, so that the read-aloud button (named by the help page) is there.
VOICE = """Object.defineProperty(window, 'speechSynthesis', {value: {getVoices: () => [{lang: 'zh-CN', name: 'zh'}],
  speak() {}, cancel() {}, addEventListener() {}}, configurable: true});
window.SpeechSynthesisUtterance = function (text) { this.text = text; };"""


def named_buttons(page: Any) -> list[str]:
    """The “…” names a little after 点 (点击页面顶部的“…”), or before 按钮, in the page's text."""
    text = page.locator(".md-content").inner_text()
    return [a or b for a, b in re.findall(r"(?:点击[^“”。，\n]{0,8}|点开|(?<![联站地观])点)“([^”]+)”|“([^”]+)”按钮", text)]


@pytest.mark.parametrize("width", [390, 1280])
def test_every_button_the_help_names_is_on_a_draft(chromium: Any, sample_url: str, width: int) -> None:
    help_page = new_page(chromium, width)
    help_page.goto(sample_url + HELP)
    names = named_buttons(help_page)
    assert {"提意见", "发邮件", "在线提交", "加入意见篮", "长辈模式", "朗读本条", "停止朗读"} <= set(names), names
    help_page.screenshot(path=str(SCREENSHOTS / f"help-{width}.png"), full_page=True)
    help_page.context.close()
    draft = new_page(chromium, width)
    draft.add_init_script(VOICE)
    draft.goto(sample_url + DRAFT)
    open_entry(draft, "art_3")
    shown = draft.locator("#art_3 :is(button, summary, a.ls-button):visible, .md-header button:visible")

    def labels() -> set[str]:
        return {re.sub(r"^✉\s*", "", shown.nth(i).evaluate("b => b.firstChild.textContent")).strip() for i in range(shown.count())}

    seen = labels()
    draft.locator("#art_3 .ls-read").click()  # 朗读本条 becomes 停止朗读
    seen |= labels()
    assert set(names) <= seen, (set(names) - seen, seen)
    draft.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_no_serious_violation(chromium: Any, sample_url: str, axe_source: Path, width: int, scheme: str) -> None:
    page = new_page(chromium, width, scheme=scheme, bypass_csp=True)
    page.goto(sample_url + HELP)
    assert axe_violations(page, axe_source) == []
    page.context.close()
