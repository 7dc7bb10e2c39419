"""The reader's tools as HTML: the head snippet, the label table for the
scripts, and the basket's root with the draft's data."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from site_pages import SitePages

from lawsite.gather.site import gather
from lawsite.model import ConfigError, Source
from lawsite.parse.document import parse_document
from lawsite.render.i18n import INTAKE_SCRIPT_LABELS, SCRIPT_LABELS
from lawsite.render.notes.parts import basket
from lawsite.render.reader import BEFORE_PAINT, inject_head, labels_script
from lawsite.settings import Settings

OPEN = Settings(site_url="https://example.gov.cn/", now=dt.datetime(2026, 6, 1, 12, tzinfo=dt.timezone.utc))
CLOSED = Settings(site_url="https://example.gov.cn/", now=dt.datetime(2027, 6, 1, 12, tzinfo=dt.timezone.utc))
TEXT = (
    "---\nkind: draft\nid: d1\ntitle: 条例<草案> & \"二审\"\n"
    "comments:\n  opens: 2026-05-01\n  closes: 2026-12-31\n  email: a@example.gov.cn\n"
    '  subject: "意见：{title}{label}"\n  form: "https://yj.example.gov.cn/f?doc={doc}&article={article}"\n---\n\n第一条　内容。\n'
)


def basket_html(settings: Settings, text: str = TEXT) -> str | None:
    """The basket part of the draft's page, as HTML."""
    site = gather([Source("drafts/d1.md", text)], settings)
    assert site.errors == []
    return SitePages(site, settings).part_html(basket, "d1", "drafts/d1/")


def test_the_tools_labels_go_to_the_scripts() -> None:
    # Every label in every language: tests/render/test_labels.py.
    assert {"basket_add", "copied", "copy_link", "elder_mode", "search_dialog"} <= set(SCRIPT_LABELS)


def script_labels(language: str) -> dict[str, str]:
    """What i18n.js sets `window.lawsiteLabels` to."""
    source = labels_script(language)
    body = re.fullmatch(r"window\.lawsiteLabels = (\{.*\});\n", source, re.DOTALL)
    assert body and source.isascii()  # whatever charset the server declares
    return json.loads(body.group(1))


def test_script_labels_in_every_language() -> None:
    assert script_labels("zh")["basket_opinion"] == "对{label}的意见" and script_labels("zh")["copied"] == "已复制"
    assert script_labels("zh-Hant")["copied"] == "已複製"
    assert script_labels("en")["copied"] == "Copied"
    assert set(script_labels("en")) == set(SCRIPT_LABELS)


def test_head_snippet_goes_before_head_end() -> None:
    page = "<html><head><title>x</title></head><body></body></html>"
    out = inject_head(page, BEFORE_PAINT)
    assert out.index("ls-elder") < out.index("</head>")
    assert inject_head("<p>no head</p>", "X") == "<p>no head</p>"


def test_basket_root_carries_the_drafts_data_escaped() -> None:
    root = basket_html(OPEN)
    assert root is not None and "hidden" in root
    attrs = dict(re.findall(r'(data-ls-[a-z]+)="([^"]*)"', root))
    assert attrs["data-ls-doc"] == "d1"
    assert attrs["data-ls-email"] == "a@example.gov.cn"
    assert attrs["data-ls-subject"] == "意见：{title}{label}"
    assert attrs["data-ls-title"] == "条例&lt;草案&gt; &amp; &#34;二审&#34;"
    assert attrs["data-ls-form"] == "https://yj.example.gov.cn/f?doc=d1&amp;article="


def test_no_basket_once_closed() -> None:
    assert basket_html(CLOSED) is None


# --- with a comment service (lawsite intake) ---------------------------------------

INTAKE = "https://yj.example.gov.cn/intake/"


def test_the_basket_posts_to_the_service_of_the_draft_or_the_site() -> None:
    own = TEXT.replace("  email: a@example.gov.cn\n", f"  email: a@example.gov.cn\n  intake: {INTAKE}\n")
    site_wide = Settings(site_url=OPEN.site_url, now=OPEN.now, intake=INTAKE.rstrip("/"))
    for root in (basket_html(OPEN, own), basket_html(site_wide)):
        assert root is not None
        attrs = dict(re.findall(r'(data-ls-[a-z]+)="([^"]*)"', root))
        assert attrs["data-ls-intake"] == "https://yj.example.gov.cn/intake/comments"
        assert "一次在线提交" in root
    plain = basket_html(OPEN)
    assert plain is not None and "data-ls-intake" not in plain and "一次在线提交" not in plain


def test_intake_labels_reach_the_scripts_only_with_a_service() -> None:
    assert not any(key.startswith("intake_js_") for key in script_labels("zh"))
    with_intake = json.loads(labels_script("zh", intake=True).split(" = ", 1)[1].rstrip(";\n"))
    assert with_intake["intake_js_received"] == "意见已收到。回执号：{receipt}"
    assert set(with_intake) == set(SCRIPT_LABELS) | set(INTAKE_SCRIPT_LABELS)


def test_a_site_wide_intake_must_be_a_service_address() -> None:
    with pytest.raises(ConfigError):
        Settings(intake="yj.example.gov.cn/intake")
    with pytest.raises(ConfigError):
        Settings(intake="https://yj.example.gov.cn/intake?x=1")


def test_a_form_template_with_point_leaves_it_to_the_browser() -> None:
    text = TEXT.replace("f?doc={doc}&article={article}", "f?doc={doc}&article={article}&via={point}")
    root = basket_html(OPEN, text)
    assert root is not None
    attrs = dict(re.findall(r'(data-ls-[a-z-]+)="([^"]*)"', root))
    assert attrs["data-ls-form"] == "https://yj.example.gov.cn/f?doc=d1&amp;article=&amp;via="  # no script: no point
    assert attrs["data-ls-form-point"] == "https://yj.example.gov.cn/f?doc=d1&amp;article=&amp;via={point}"  # reader.js fills it
    plain = basket_html(OPEN)
    assert plain is not None and "data-ls-form-point" not in plain


def test_point_is_a_placeholder_of_the_form_only() -> None:
    subject = TEXT.replace('subject: "意见：{title}{label}"', 'subject: "意见：{title}{point}"')
    _, problems = parse_document(Source("drafts/d1.md", subject))
    assert [(p.field, p.code) for p in problems] == [("comments.subject", "unknown-placeholder")]
