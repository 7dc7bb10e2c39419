"""Every page describes itself (render/share.py): a <meta name="description">
from its summary or its own first sentence, bounded, and an Open Graph card
with absolute addresses only when the site has a site_url."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import build_site
from lawsite.render.share import DESCRIPTION_LIMIT, first_paragraph, one_sentence

EPOCH = 1_795_000_000


def head_meta(page: Path) -> dict[str, str]:
    """name= and property= metas of a built page's head, as the browser reads them."""
    import html

    head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
    found = re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"', head)
    return {key: html.unescape(value) for key, value in found}


def test_a_description_is_the_first_sentence_or_is_cut_with_an_ellipsis() -> None:
    assert one_sentence("为了规范物业管理活动，制定本条例。本条例适用于本市。") == "为了规范物业管理活动，制定本条例。"
    long = "甲" * 300
    cut = one_sentence(long)
    assert len(cut) == DESCRIPTION_LIMIT and cut.endswith("…")
    assert one_sentence("见[第十二条](#art_12)和**重点**。") == "见第十二条和重点。"


def test_the_first_paragraph_skips_headings_lists_and_tables() -> None:
    body = "## 说明\n\n| a | b |\n|---|---|\n\n- 一项\n\n真正的第一段。\n第二行。\n\n后面一段。"
    assert first_paragraph(body) == "真正的第一段。\n第二行。"


def test_every_kind_of_page_in_the_sample_says_what_it_is(sample_site: Path) -> None:
    draft = head_meta(sample_site / "drafts" / "property-r2" / "index.html")
    assert draft["description"].startswith("在征求意见稿基础上吸收公众意见修改形成")  # its summary
    assert draft["og:description"] == draft["description"]
    assert draft["og:title"] == "青川市物业管理条例（草案二审稿）"
    assert draft["og:type"] == "article"
    assert draft["og:url"] == "https://lawsite.example.gov.cn/drafts/property-r2/"
    notice = head_meta(sample_site / "notices" / "property-r1-feedback" / "index.html")
    assert notice["description"].startswith("2026年3月1日至3月31日") and notice["description"].endswith("。")  # no summary: its first sentence
    home = head_meta(sample_site / "index.html")
    assert home["og:type"] == "website" and home["og:title"] == "青川市人大常委会立法公开平台"
    statistics = head_meta(sample_site / "statistics" / "index.html")
    assert statistics["description"] == "法规草案公开征求意见、释义解读与意见采纳情况反馈"  # the site's own
    descriptions = {}
    for page in sample_site.rglob("index.html"):
        meta = head_meta(page)
        if "og:title" not in meta:  # posters and signs are files of their own
            continue
        assert len(meta["description"]) <= DESCRIPTION_LIMIT, page
        assert meta["og:url"].startswith("https://lawsite.example.gov.cn/"), page
        descriptions[page] = meta["description"]
    documents = [p for p in descriptions if p.parent.parent.name in ("drafts", "notices", "laws", "interpretations", "contact-points", "activities")]
    assert len(documents) >= 20
    assert len({descriptions[p] for p in documents}) == len(documents)  # no two documents share one


def test_a_law_without_summary_is_described_by_its_first_article_and_no_site_url_means_no_og_url(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (tmp_path / "content" / "law.md").write_text(
        "---\nkind: law\nid: t-law\ntitle: 测试条例\nadopted: 2020-01-01\n---\n\n"
        "第一条 为了测试，根据有关法律，结合本市实际，制定本条例。\n\n第二条 本条例自公布之日起施行。\n",
        encoding="utf-8",
    )
    config = {"site_name": "测试 & 站", "docs_dir": "content", "theme": {"name": "material", "language": "zh", "font": False}, "plugins": ["lawsite"]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    build_site(tmp_path / "mkdocs.yml", tmp_path / "site", EPOCH)
    meta = head_meta(tmp_path / "site" / "law" / "index.html")
    assert meta["description"] == "为了测试，根据有关法律，结合本市实际，制定本条例。"
    assert meta["og:site_name"] == "测试 & 站"  # escaped once, not twice
    assert "og:url" not in meta and "og:image" not in meta


def test_a_draft_without_summary_is_described_by_its_explanation_before_the_articles() -> None:
    from lawsite.gather.site import gather
    from lawsite.model import Source
    from lawsite.render.share import document_description
    from lawsite.settings import Settings

    draft = (
        "---\nkind: draft\nid: d1\ntitle: 测试条例（草案）\n---\n\n"
        "关于《测试条例（草案）》的说明：为了回应群众对**噪声扰民**的关切，起草了本条例。以下逐条说明。\n\n"
        "第一条 为了测试，制定本条例。\n"
    )
    site = gather([Source("d1.md", draft)], Settings())
    assert document_description(site.documents["d1"], site, "zh") == "关于《测试条例（草案）》的说明：为了回应群众对噪声扰民的关切，起草了本条例。"
