"""`lawsite build` keeps the posters' QR codes beside mkdocs.yml, outside the
published site; a build with the cache, without it or with it damaged
publishes the same bytes."""

from __future__ import annotations

from pathlib import Path

from lawsite.emit.qr import CACHE_DIR, CACHE_FILE
from tests.build.sample_project import lawsite
from tests.pagefind_files import comparable_snapshot

DRAFT = (
    "---\nkind: draft\nid: d\ntitle: 某某条例（草案）\n"
    "comments:\n  opens: 2026-01-01\n  closes: 2026-12-31\n  email: a@example.gov.cn\n---\n\n"
    + "".join(f"第{n}条　内容{n}。\n\n" for n in "一二三四五六")
)


def test_the_cache_stays_out_of_the_site_and_changes_nothing(tmp_path: Path) -> None:
    config = tmp_path / "project" / "mkdocs.yml"
    (config.parent / "content" / "drafts").mkdir(parents=True)
    (config.parent / "content" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (config.parent / "content" / "drafts" / "d.md").write_text(DRAFT, encoding="utf-8")
    config.write_text("site_name: t\nsite_url: https://example.gov.cn/\ndocs_dir: content\ntheme: {name: material}\nplugins:\n  - lawsite\n", encoding="utf-8")
    cache = config.parent / CACHE_DIR / CACHE_FILE

    def build(into: str) -> dict[str, str]:
        run = lawsite(config, "build", "-d", str(tmp_path / into))
        assert run.returncode == 0, run.stderr[-3000:]
        return comparable_snapshot(tmp_path / into)

    first = build("first")
    assert "posters/d/index.html" in first and cache.is_file()
    assert not [name for name in first if "cache" in name or name.endswith(".sqlite3")]
    assert build("kept") == first
    cache.write_bytes(b"\0garbage" * 100)
    assert build("damaged") == first
    assert cache.read_bytes().startswith(b"SQLite format 3")  # built again
