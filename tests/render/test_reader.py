"""The reader's tools as HTML: the head snippet, the label table for the
scripts, and the basket's root with the draft's data."""

from __future__ import annotations

import datetime as dt
import json
import re

from site_pages import SitePages

from lawsite.gather.site import gather
from lawsite.model import Source
from lawsite.render.i18n import SCRIPT_LABELS
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


def basket_html(settings: Settings) -> str | None:
    """The basket part of the draft's page, as HTML."""
    site = gather([Source("drafts/d1.md", TEXT)], settings)
    assert site.errors == []
    return SitePages(site, settings).part_html(basket, "d1", "drafts/d1/")


def test_the_tools_labels_go_to_the_scripts() -> None:
    # Every label in every language: tests/render/test_labels.py.
    assert {"basket_add", "copied", "copy_link", "font_larger", "search_dialog"} <= set(SCRIPT_LABELS)


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
    assert out.index("ls-large") < out.index("</head>")
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
