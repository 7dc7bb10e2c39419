"""A contact point's page lists the consultations open now with a way to
comment through the point that needs no script (the page its QR sign opens):
on the sample site, which has no comment service, the mail link with the
point in the body. The form posting to the service is tested in Chromium
with scripts off (tests/browser/test_intake_form.py)."""

from __future__ import annotations

import html
import re
import urllib.parse
from pathlib import Path


def section(sample_site: Path, point: str) -> str:
    page = (sample_site / f"contact-points/{point}/index.html").read_text(encoding="utf-8")
    start = page.index('<section class="ls-point-open"')
    return page[start:page.index("</section>", start)]


def test_each_open_draft_gets_a_mail_link_naming_the_point(sample_site: Path) -> None:
    found = section(sample_site, "xinghai-haibin")
    titles = re.findall(r'class="ls-card__title" href="[^"]*">([^<]*)</a>', found)
    assert titles == ["青川市文明行为促进条例（草案）", "青川市物业管理条例（草案二审稿）"]  # open at the build time; the closed ones not
    mails = [urllib.parse.unquote(html.unescape(m)) for m in re.findall(r'href="(mailto:[^"]*)"', found)]
    assert len(mails) == 2
    assert all(m.endswith("联系点：xinghai-haibin") for m in mails), mails
    assert "关于《青川市文明行为促进条例（草案）》的意见" in mails[0]
    assert "<form" not in found  # no comment service: nothing to post to


def test_the_signs_code_opens_that_section(sample_site: Path) -> None:
    sign = (sample_site / "signs/xinghai-road/index.html").read_text(encoding="utf-8")
    assert "<title>https://lawsite.example.gov.cn/contact-points/xinghai-road/?point=xinghai-road#ls-point-open</title>" in sign
    assert 'id="ls-point-open"' in (sample_site / "contact-points/xinghai-road/index.html").read_text(encoding="utf-8")
