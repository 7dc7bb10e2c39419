"""The share image of a draft (emit/share_image.py): 1200×630, small, its
title in at most three lines, drawn only with a font that has every glyph,
kept between builds by content, and one warning when no CJK font exists."""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path

import pytest
import yaml
from PIL import Image

from conftest import REPO, build_site
from lawsite.consultation import State
from lawsite.emit import share_image
from lawsite.emit.share_image import NO_LINE_START, CardText, ShareImages, draw_card, find_cjk_fonts, title_lines

EPOCH = 1_795_320_000  # 2026-11-22, as the sample site's other tests
SITE = "青川市人大常委会立法公开平台"
LONG = "关于修改《青川市城市市容和环境卫生管理条例》《青川市城市绿化条例》等十二件地方性法规中涉及行政处罚和行政许可规定的决定（草案）"


@pytest.fixture(scope="module")
def fonts() -> share_image.CjkFonts:
    found = find_cjk_fonts()
    if found is None:
        reason = "no CJK font installed (apt-get install fonts-noto-cjk, as .ci/run does)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " — required under CI=true")
        pytest.skip(reason)
    return found


def card(title: str = "青川市物业管理条例（草案二审稿）") -> CardText:
    return CardText(title, "正在征求意见", State.OPEN, "截止日期：2028年6月30日", SITE)


def test_an_image_is_1200_by_630_and_small(fonts: share_image.CjkFonts) -> None:
    png = draw_card(card(LONG), fonts)
    image = Image.open(io.BytesIO(png))
    assert image.size == (1200, 630) and image.format == "PNG"
    assert len(png) < 40_000
    assert len(image.convert("RGB").getcolors(maxcolors=1 << 16) or []) > 8  # text drawn, not a blank


def test_a_long_title_takes_three_lines_and_ends_with_an_ellipsis(fonts: share_image.CjkFonts) -> None:
    size, lines = title_lines(LONG, fonts)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert LONG.startswith("".join(lines)[:-1])
    assert not any(line[0] in NO_LINE_START for line in lines)


def test_a_closing_bracket_never_starts_a_line_and_a_short_title_stays_whole(fonts: share_image.CjkFonts) -> None:
    for title in ("青川市物业管理条例（草案征求意见稿）", "青川市居家养老服务条例（草案征求意见稿）", "青川市物业管理条例（草案二审稿）"):
        size, lines = title_lines(title, fonts)
        assert "".join(lines) == title
        assert all(line[0] not in NO_LINE_START for line in lines) and len(lines[-1]) >= 3, lines


def test_a_character_the_font_lacks_means_no_image(fonts: share_image.CjkFonts) -> None:
    images = ShareImages(None, fonts)
    assert images.missing_glyphs(card()) == ""
    assert images.missing_glyphs(card("青川市\U00030000条例")) == "\U00030000"


def test_a_kept_image_is_read_and_a_cut_one_drawn_again(tmp_path: Path, fonts: share_image.CjkFonts, monkeypatch: pytest.MonkeyPatch) -> None:
    images = ShareImages(tmp_path / "share", fonts)
    first = images.png(card())
    [kept] = list((tmp_path / "share").glob("*.png"))
    assert kept.read_bytes() == first
    drawn: list[CardText] = []
    real = share_image.draw_card
    monkeypatch.setattr(share_image, "draw_card", lambda text, f: drawn.append(text) or real(text, f))
    assert images.png(card()) == first and drawn == []  # from the cache
    images.png(CardText("青川市物业管理条例（草案二审稿）", "征求意见已结束", State.CLOSED, "已于2028年6月30日截止", SITE))
    assert len(drawn) == 1  # another status, another image
    kept.write_bytes(first[:500])  # cut short
    assert images.png(card()) == first and len(drawn) == 2


def test_without_a_cjk_font_a_build_warns_once_and_shares_no_image(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr("lawsite.mkdocs_plugin.find_cjk_fonts", lambda: None)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "index.md").write_text("# 首页\n", encoding="utf-8")
    for name in ("a", "b"):
        (tmp_path / "content" / f"{name}.md").write_text(
            f"---\nkind: draft\nid: d-{name}\ntitle: 测试条例{name}（草案）\ncomments:\n  closes: 2030-01-01\n  email: a@example.gov.cn\n---\n\n第一条 为了测试，制定本条例。\n",
            encoding="utf-8",
        )
    config = {"site_name": "测试", "site_url": "https://t.example.gov.cn/", "docs_dir": "content", "theme": {"name": "material", "language": "zh", "font": False}, "plugins": [{"lawsite": {"search": "material"}}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.lawsite"):
        build_site(tmp_path / "mkdocs.yml", tmp_path / "site", EPOCH)
    warnings = [r.getMessage() for r in caplog.records if "share-image-no-font" in r.getMessage() or "中文的字体" in r.getMessage()]
    assert len(warnings) == 1, caplog.records
    assert not (tmp_path / "site" / "share").exists()
    page = (tmp_path / "site" / "a" / "index.html").read_text(encoding="utf-8")
    assert 'property="og:url"' in page and "og:image" not in page


def test_every_sample_draft_has_its_image_and_its_pages_point_at_it(sample_site: Path, fonts: share_image.CjkFonts) -> None:
    images = sorted(p.name for p in (sample_site / "share").glob("*.png"))
    assert images == ["qingchuan-civilized-behavior-2026.png", "qingchuan-elderly-care-2026.png", "qingchuan-property-2026-r1.png", "qingchuan-property-2026-r2.png"]
    for name in images:
        assert Image.open(sample_site / "share" / name).size == (1200, 630)
    draft = (sample_site / "drafts" / "property-r2" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:image" content="https://lawsite.example.gov.cn/share/qingchuan-property-2026-r2.png">' in draft
    notice = (sample_site / "notices" / "property-r1-feedback" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:image" content="https://lawsite.example.gov.cn/share/qingchuan-property-2026-r1.png">' in notice
    assert '<meta property="og:image:alt" content="青川市物业管理条例（草案征求意见稿）">' in notice
    assert (REPO / ".cache" / "lawsite" / "share").is_dir()  # kept beside mkdocs.yml
