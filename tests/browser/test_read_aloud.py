"""Reading an article aloud with the browser's speech synthesis, in Chromium.

Headless Chromium may have no voices at all, so the page's speechSynthesis is
replaced (add_init_script) by a recorder with the voices a test chooses: what
is spoken, in which voice, and that stopping, starting another article and
leaving the page cancel it. Where there is no speechSynthesis, or no Chinese
voice, there is no button."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import SCREENSHOTS
from browser.test_reader import axe_violations, new_page

pytestmark = pytest.mark.browser

DRAFT = "drafts/civilized-behavior/"
LAW = "laws/water-protection/"
ZH_CN = {"lang": "zh-CN", "name": "中文（普通话）"}
ZH_TW = {"lang": "zh-TW", "name": "中文（台灣）"}
EN = {"lang": "en-US", "name": "English"}

# A recorder in place of window.speechSynthesis: `spoken` holds what speak()
# was given; `finish()` ends every queued utterance as a real voice would;
# cancels are counted in sessionStorage, which outlives leaving the page.
RECORDER = """
(function (voices, late) {
  var queue = [], listeners = [];
  window.__spoken = [];
  window.__finish = function () { var q = queue; queue = []; q.forEach(function (u) { if (u.onend) u.onend({}); }); };
  window.__voicesArrive = function () { late = false; listeners.forEach(function (f) { f({}); }); };
  var synth = {
    getVoices: function () { return late ? [] : voices; },
    speak: function (u) { queue.push(u); window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name}); },
    cancel: function () {
      var q = queue; queue = [];
      sessionStorage.setItem('cancelled', String(Number(sessionStorage.getItem('cancelled') || 0) + 1));
      q.forEach(function (u) { if (u.onend) u.onend({}); });  // as Chrome does: end events of what is cut off
    },
    addEventListener: function (name, f) { if (name === 'voiceschanged') listeners.push(f); },
  };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ''; this.voice = null; };
})(%s, %s);
"""


def with_voices(chromium: Any, sample_url: str, path: str, voices: list[dict[str, str]], *, late: bool = False, width: int = 390, **options: Any) -> Any:
    page = new_page(chromium, width, **options)
    page.add_init_script(RECORDER % (json.dumps(voices), json.dumps(late)))
    page.goto(sample_url + path)
    return page


def shown(button: Any) -> str:
    """The button's visible text (its hidden part names the article)."""
    return str(button.evaluate("b => b.firstChild.textContent"))


def spoken(page: Any) -> list[dict[str, str]]:
    return list(page.evaluate("window.__spoken"))


def test_an_article_is_read_in_a_chinese_voice_and_stops(chromium: Any, sample_url: str) -> None:
    page = with_voices(chromium, sample_url, DRAFT, [EN, ZH_TW, ZH_CN])
    button = page.locator("#art_2 .ls-read")
    assert button.is_visible(), "beside the 提意见 entry, not inside it"
    assert shown(button) == "朗读本条"
    assert page.get_by_role("button", name="朗读本条 第二条").count() == 1
    button.click()
    assert shown(button) == "停止朗读"
    said = spoken(page)
    assert {part["voice"] for part in said} == {ZH_CN["name"]} and {part["lang"] for part in said} == {"zh-CN"}
    text = "".join(part["text"] for part in said)
    assert text.startswith("第二条（适用范围） 本市行政区域内文明行为的促进及其保障工作，适用本条例。")
    assert text.endswith("推动社会文明进步的行为。")
    for ui in ("提意见", "发邮件", "在线提交", "复制本条链接", "朗读"):
        assert ui not in text, ui
    assert all(len(part["text"]) <= 120 for part in said)
    button.click()  # 停止朗读
    assert shown(button) == "朗读本条"
    assert page.evaluate("sessionStorage.getItem('cancelled')") == "2"  # once before starting, once to stop
    page.screenshot(path=str(SCREENSHOTS / "read-aloud-390.png"))
    page.context.close()


def test_one_article_at_a_time_and_none_after_the_page_is_left(chromium: Any, sample_url: str) -> None:
    page = with_voices(chromium, sample_url, DRAFT, [ZH_CN])
    page.locator("#art_2 .ls-read").click()
    page.locator("#art_3 .ls-read").click()
    assert shown(page.locator("#art_2 .ls-read")) == "朗读本条"
    assert shown(page.locator("#art_3 .ls-read")) == "停止朗读"
    assert spoken(page)[-1]["text"].startswith("第三条")
    page.evaluate("window.__finish()")  # the voice reaches the end of 第三条
    assert shown(page.locator("#art_3 .ls-read")) == "朗读本条"
    page.locator("#art_4 .ls-read").click()
    before = int(page.evaluate("sessionStorage.getItem('cancelled')"))
    page.goto(sample_url + LAW)  # leaving the page stops the reading
    assert int(page.evaluate("sessionStorage.getItem('cancelled')")) == before + 1
    # A law's articles have the button too (no comment entry there).
    assert page.locator("#art_5 .ls-read").count() == 1
    page.context.close()


def test_voices_that_arrive_late_bring_the_buttons(chromium: Any, sample_url: str) -> None:
    page = with_voices(chromium, sample_url, LAW, [ZH_CN], late=True, width=1280)
    assert page.locator(".ls-read").count() == 0
    page.evaluate("window.__voicesArrive()")
    assert page.locator(".ls-read").count() == page.locator("section.ls-article").count() > 30
    page.screenshot(path=str(SCREENSHOTS / "read-aloud-1280.png"))
    page.context.close()


@pytest.mark.parametrize("case", ["no-chinese-voice", "no-speech-synthesis"])
def test_no_button_without_a_chinese_voice(chromium: Any, sample_url: str, case: str) -> None:
    if case == "no-chinese-voice":
        page = with_voices(chromium, sample_url, DRAFT, [EN])
    else:
        page = new_page(chromium, 390)
        page.add_init_script("Object.defineProperty(window, 'speechSynthesis', {value: undefined, configurable: true});")
        page.goto(sample_url + DRAFT)
    page.locator("#art_1 .ls-actions").wait_for()
    assert page.locator(".ls-read").count() == 0
    page.context.close()


def test_headless_chromium_as_it_is(chromium: Any, sample_url: str) -> None:
    """Without a stub: a button exactly when this browser has a Chinese voice."""
    page = new_page(chromium, 390)
    page.goto(sample_url + DRAFT)
    page.wait_for_timeout(300)  # voiceschanged, if any
    chinese = page.evaluate("(window.speechSynthesis ? speechSynthesis.getVoices() : []).some(v => /^zh/i.test(v.lang))")
    assert (page.locator(".ls-read").count() > 0) == chinese
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_no_serious_violation_with_the_buttons(chromium: Any, sample_url: str, axe_source: Path, width: int, scheme: str) -> None:
    page = with_voices(chromium, sample_url, DRAFT, [ZH_CN], width=width, scheme=scheme, bypass_csp=True)
    page.locator("#art_2 .ls-read").click()  # one being read, the others not
    assert axe_violations(page, axe_source) == []
    page.context.close()
