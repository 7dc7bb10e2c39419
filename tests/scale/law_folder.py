"""A built site with one folder of laws, 行政法规/, for the nav tests."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import build_site

CONFIG = """site_name: 法规目录测试
docs_dir: content
theme:
  name: material
  font: false
  language: zh
  features: [navigation.sections]
plugins:
  - lawsite
"""


def build_law_folder(root: Path, title: str, adopted: list[str], extra: dict[str, str] | None = None) -> Path:
    """Laws reg-0 … reg-N titled `{title}第{n}号`, adopted on the given dates,
    plus `extra` files (name → text) in the same folder; returns the site."""
    folder = root / "content" / "laws" / "行政法规"
    folder.mkdir(parents=True)
    for n, date in enumerate(adopted):
        text = f"---\nkind: law\nid: reg-{n}\ntitle: {title}第{n}号\ncategory: 行政法规\nadopted: {date}\n---\n\n第一条 本条例第{n}号的第一条。\n"
        (folder / f"reg-{n}.md").write_text(text, encoding="utf-8")
    for name, text in (extra or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    (root / "content" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    build_site(root / "mkdocs.yml", root / "site", 1_800_000_000)
    return root / "site"
