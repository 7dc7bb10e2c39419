"""Numbering conventions other than 第N条 are a setting: site-wide in
mkdocs.yml (`plugins: - lawsite: numbering: …`) or per document (`numbering:`)."""

from __future__ import annotations

from pathlib import Path

from conftest import build_site

HANT = "---\nkind: law\ntitle: 測試條例\n---\n\n## 第一章 總則\n\n第一條 為了測試，制定本條例。\n\n第二條 依照第一條的規定辦理。\n"
ENGLISH = (
    "---\nkind: law\ntitle: Test Regulations\nnumbering: en\n---\n\n## Chapter 1 General Provisions\n\n"
    "Article 1 These Regulations are formulated for testing.\n\nArticle 2 As provided in Article 1.\n"
)


def make_site(root: Path, plugin_options: str, files: dict[str, str]) -> Path:
    (root / "content").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(
        "site_name: t\nsite_url: https://example.org/\ndocs_dir: content\n"
        "theme:\n  name: material\n  font: false\n"
        f"plugins:\n  - lawsite:{plugin_options}\n",
        encoding="utf-8",
    )
    for name, text in files.items():
        (root / "content" / name).write_text(text, encoding="utf-8")
    (root / "content" / "index.md").write_text("# t\n", encoding="utf-8")
    build_site(root / "mkdocs.yml", root / "site", 1795320000)
    return root / "site"


def test_traditional_numbering_site_wide_with_traditional_labels(tmp_path):
    site = make_site(tmp_path, "\n      numbering: zh-Hant\n      language: zh-Hant", {"law.md": HANT})
    html = (site / "law" / "index.html").read_text(encoding="utf-8")
    assert 'id="art_1"' in html and 'id="art_2"' in html
    assert '<a class="ls-article__label" href="#art_1"' in html and "第一條" in html
    assert '<a class="ls-ref" href="#art_1">第一條</a>' in html
    assert 'id="chp_1"' in html
    assert "施行日期" not in html and "<summary>目錄</summary>" in html and ">共 2 條</a>" in html  # labels in Traditional Chinese


def test_english_numbering_per_document_and_english_labels(tmp_path):
    site = make_site(tmp_path, "\n      language: en", {"law.md": ENGLISH})
    html = (site / "law" / "index.html").read_text(encoding="utf-8")
    assert 'id="art_1"' in html and 'id="art_2"' in html and 'id="chp_1"' in html
    assert '<a class="ls-ref" href="#art_1">Article 1</a>' in html
    assert "<summary>Contents</summary>" in html and ">2 articles</a>" in html
