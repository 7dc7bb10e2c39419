"""What frames every page of a government site: the footer (主办单位,
contact, 网站标识码, ICP and 公安 registrations from `footer:` settings, in
place of "Made with Material for MkDocs"), a 404 page in the site's
language, and a home page title that names the site once."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import build_site

EPOCH = 1_795_000_000


def test_the_sample_footer_states_who_runs_the_site_and_its_registrations(sample_site: Path) -> None:
    page = (sample_site / "drafts" / "property-r2" / "index.html").read_text(encoding="utf-8")
    assert "Made with" not in page and "squidfunk" not in page
    for text in ("主办单位：青川市人大常委会法制工作委员会", "网站标识码：0000000001"):
        assert text in page
    assert '联系方式：<a class="ls-tel" href="tel:+86-000-81000001">0000-81000001</a>（工作日 9:00—17:00）' in page  # dialled with a tap
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener noreferrer">青ICP备00000000号</a>' in page
    assert 'href="https://beian.mps.gov.cn/#/query/webSearch?code=00000000000001" rel="noopener noreferrer">青公网安备00000000000001号</a>' in page


def test_the_404_page_is_chinese_and_links_home_absolutely(sample_site: Path) -> None:
    page = (sample_site / "404.html").read_text(encoding="utf-8")
    assert "<h1>页面未找到</h1>" in page and "Not found" not in page
    assert '<a href="https://lawsite.example.gov.cn/">返回首页</a>' in page


def test_the_home_page_title_names_the_site_once(sample_site: Path) -> None:
    assert "<title>青川市人大常委会立法公开平台</title>" in (sample_site / "index.html").read_text(encoding="utf-8")
    assert "<title>如何提出意见 - 青川市人大常委会立法公开平台</title>" in (sample_site / "how-to-comment" / "index.html").read_text(encoding="utf-8")


def test_a_site_without_footer_settings_shows_no_footer_lines(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "index.md").write_text("# 首页\n", encoding="utf-8")
    config = {"site_name": "测试", "docs_dir": "content", "theme": {"name": "material", "language": "zh", "font": False}, "plugins": [{"lawsite": {"footer": {"icp": "京ICP备1号"}}}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    build_site(tmp_path / "mkdocs.yml", tmp_path / "site", EPOCH)
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert ">京ICP备1号</a>" in page
    assert "主办单位" not in page and "网站标识码" not in page and "公网安备" not in page and "Made with" not in page
