"""The editors' guide (content/guide/) is built with the sample site, and what
it shows is true: its Markdown examples pass `check` and every command it
names exists (its sample outputs: test_guide_samples.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from lawsite.cli import main, parser
from lawsite.model import Source
from lawsite.parse.document import parse_document
from lawsite.parse.legal import parse_legal_text

pytestmark = pytest.mark.usefixtures("english")  # English unless a test asks for Chinese, as the guide shows it

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "content" / "guide"
PAGES = {
    "index.md": "编辑指南",
    "1-draft.md": "如何撰写草案",
    "2-interpretation.md": "如何发布释义",
    "3-feedback.md": "如何记录意见采纳情况",
    "4-check.md": "如何看懂检查结果",
    "5-preview.md": "如何预览",
    "6-publish.md": "如何发布",
}
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def blocks(lang: str, page: str | None = None) -> list[tuple[str, str]]:
    """(page name, text) of every ```lang block; ```markdown marks examples that must be valid."""
    found = []
    for path in sorted(GUIDE.glob("*.md")) if page is None else [GUIDE / page]:
        found += [(path.name, m.group(2)) for m in FENCE.finditer(path.read_text(encoding="utf-8")) if m.group(1) == lang]
    return found


def sample_copy(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_guide_pages_are_built_with_the_site(sample_site):
    for name, title in PAGES.items():
        stem = name.removesuffix(".md")
        html = (sample_site / "guide" / ("" if stem == "index" else stem) / "index.html").read_text(encoding="utf-8")
        assert "<h1" in html and title in html, name
    home = (sample_site / "guide" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="md-nav__link[^"]*"[^>]*>编辑指南<', home)  # the section is named by its index page
    draft_page = (sample_site / "guide" / "1-draft" / "index.html").read_text(encoding="utf-8")
    assert 'class="language-markdown highlight"' in draft_page or 'class="highlight"' in draft_page  # fenced code rendered as code


def test_markdown_examples_are_valid(tmp_path, capsys, monkeypatch):
    """Whole files replace the sample file with the same id (so ids stay
    unique); fragments must parse as legal text without a single warning."""
    site = sample_copy(tmp_path)
    examples = blocks("markdown")
    assert len(examples) >= 6
    written = []
    for n, (page, text) in enumerate(examples):
        if not text.startswith("---\n"):
            legal, problems = parse_legal_text(text, path=page)
            assert problems == [] and legal.articles, (page, text, problems)
            continue
        document, problems = parse_document(Source(f"example-{n}.md", text))
        assert document is not None and not [p for p in problems if p.is_error], (page, problems)
        same = [p for p in (site / "content").rglob("*.md") if "guide" not in p.parts and f"\nid: {document.id}\n" in p.read_text(encoding="utf-8")]
        target = same[0] if same else site / "content" / "drafts" / f"example-{n}.md"
        target.write_text(text, encoding="utf-8")
        written.append(target.relative_to(site / "content").as_posix())
    assert len(written) == 3
    monkeypatch.chdir(site)
    code = main(["check", "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert not any(f'"path": "{w}"' in out for w in written), out


def test_every_command_the_guide_names_exists():
    commands = set(parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    named = set()
    for path in GUIDE.glob("*.md"):
        named |= set(re.findall(r"lawsite ([a-z]+)", path.read_text(encoding="utf-8")))
    assert named and named <= commands, named - commands


@pytest.mark.parametrize("path", [".github/workflows/site.yml", ".gitlab-ci.yml"])
def test_pipelines_the_guide_names_exist(path):
    assert path in (GUIDE / "6-publish.md").read_text(encoding="utf-8") and (REPO / path).is_file()


def test_tally_example_prints_what_the_guide_shows(tmp_path, capsys, monkeypatch):
    site = sample_copy(tmp_path)
    texts = [text for _, text in blocks("text", "3-feedback.md")]
    csv_text = next(t for t in texts if t.startswith("条文,来源,意见"))
    command = next(t for t in texts if t.startswith("lawsite tally")).split()
    shown = next(t for t in texts if t.startswith("读取 ")).splitlines()
    (site / "comments.csv").write_text(csv_text, encoding="utf-8")
    monkeypatch.chdir(site)
    monkeypatch.delenv("LAWSITE_LANG")  # the guide shows what editors see: Chinese
    assert main(command[1:]) == 0
    assert capsys.readouterr().out.splitlines() == shown
    assert main(["check", "--strict"]) == 0
