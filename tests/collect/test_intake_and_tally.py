"""The intake database → collect → rows (the store written directly, on
SQLite and PostgreSQL), and the whole command: `lawsite collect` of a
database, a mailbox and a table in one go, then `lawsite tally` of the
collected rows once 整理 has set the articles."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from pathlib import Path
from typing import Iterator

import pytest
from intake.harness import OPEN, POINT, Cluster, lawsite, pg_bin
from lawsite.collect.intake_source import without_password
from lawsite.collect.table import COLUMNS
from lawsite.intake.backends import open_store
from lawsite.intake.submission import Comment
from lawsite.model import GENERAL

from .mails import basket_mail, body_part, mbox, message, site_mail, word

RECEIVED = dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def postgres() -> Iterator[Cluster]:
    bin_dir = pg_bin()
    if bin_dir is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL is not installed — required under CI=true")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    cluster = Cluster(bin_dir)
    try:
        yield cluster.start()
    finally:
        cluster.stop()


def _filled(url: str) -> str:
    """The database at `url` with two comments on the open draft and one on another."""
    store = open_store(url)
    try:
        store.add([
            Comment(OPEN, "art_1", "网上提交的意见。", None, "不公开的人", "13800000000"),
            Comment(OPEN, "总体", "=1+1 整体意见", POINT, None, None),
            Comment("closed-draft", "art_1", "别的草案上的意见", None, None, None),
        ], RECEIVED)
    finally:
        store.close()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return _filled(str(tmp_path / "comments.sqlite3") if request.param == "sqlite" else request.getfixturevalue("postgres").new_database())


def test_the_intake_database_gives_its_comments_with_their_receipts(collected, database: str) -> None:
    named = database if database.startswith("postgresql") else f"sqlite:{database}"
    result = collected(named)
    assert sorted((r.channel, r.article, r.text, r.point, r.received) for r in result.rows) == [
        ("web", "art_1", "网上提交的意见。", "", "2026-11-20T10:00:00+08:00"),
        ("web", GENERAL, "=1+1 整体意见", POINT, "2026-11-20T10:00:00+08:00"),
    ]  # received at one moment: in the order of their random receipts
    store = open_store(database)
    try:
        receipts = [c.receipt for c in store.comments_on(OPEN)]
    finally:
        store.close()
    assert [r.id for r in result.rows] == receipts
    assert all(r.source == f"{named}#{r.id}" for r in result.rows)
    assert "不公开的人" not in str(result.rows) and "13800000000" not in str(result.rows)


def test_a_comment_on_an_article_the_draft_no_longer_has_is_flagged(collected, tmp_path: Path) -> None:
    path = tmp_path / "comments.sqlite3"
    store = open_store(str(path))
    store.add([Comment(OPEN, "art_9", "草案改过以后没有这一条了。", None, None, None)], RECEIVED)
    store.close()
    result = collected(path)
    (row,) = result.rows
    assert (row.article, row.text) == ("", "草案改过以后没有这一条了。") and "art_9" in row.flag("en")
    assert result.flagged == {"collect-unknown-article": 1}


def test_a_database_named_with_a_password_is_named_without_it() -> None:
    assert without_password("postgresql://lawsite:s3cret@db.example:5432/comments") == "postgresql://lawsite@db.example:5432/comments"
    assert without_password("comments.sqlite3") == "comments.sqlite3"


def test_a_database_file_is_recognised_by_what_it_is(collected, tmp_path: Path) -> None:
    path = tmp_path / "comments.data"  # no telling suffix
    store = open_store(str(path))
    store.add([Comment(OPEN, "art_2", "文件名不说它是数据库。", None, None, None)], RECEIVED)
    store.close()
    (row,) = collected(path).rows
    assert row.channel == "web" and row.article == "art_2"


def test_collect_then_tally(project: Path, draft, tmp_path: Path) -> None:
    database = _filled(str(tmp_path / "comments.sqlite3"))  # the command once, on SQLite: the store is read on both above
    subject, body = basket_mail(draft, {"art_2": "邮件里对第二条的意见。", "art_3": "邮件里对第三条的意见。"}, name="王五")
    one_subject, one_body = site_mail(draft, "art_1", "文章链接里的意见。")
    box = tmp_path / "office.mbox"
    box.write_bytes(mbox([
        message(word(subject, "gbk"), body_part(body, "gbk", declared="gb2312"), "<basket@x>"),
        message(word(one_subject, "utf-8"), body_part(one_body), "<one@x>"),
        message(word("一封普通来信", "utf-8"), body_part("没有写是哪一条。\r\n-- \r\n签名"), "<plain@x>"),
        message(word("自动回复：休假", "utf-8"), body_part("不在"), "<auto@x>"),
    ]))
    forms = tmp_path / "forms.csv"
    forms.write_bytes("条文,意见,姓名\n第三条,书面意见。,张三\n第九十九条,条文写错了。,\n".encode("gbk"))
    out = tmp_path / "comments.csv"

    done = lawsite("-f", str(project / "mkdocs.yml"), "collect", database, str(box), f"meeting:{forms}", "--concerns", OPEN, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "8 comment(s) written" in done.stdout and "2 row(s) without an article" in done.stdout
    assert "1 collect-auto-reply" in done.stdout and "1 collect-unknown-article" in done.stdout
    assert f"{forms}:3 [article] warning" in done.stderr  # the Problems, with file and line
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode()) and b"\r\n" in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    assert [r["channel"] for r in rows] == ["web"] * 2 + ["mail"] * 4 + ["meeting"] * 2
    assert [r["article"] for r in rows[2:]] == ["art_2", "art_3", "art_1", "", "art_3", ""]
    assert "'=1+1 整体意见" in {r["text"] for r in rows}  # the spreadsheet rule
    assert all(r["concerns"] == OPEN and r["source"] for r in rows)
    for private in ("王五", "张三", "不公开的人", "13800000000", "签名"):
        assert private not in data.decode("utf-8-sig")

    # tally refuses what 整理 has not done yet, and takes the rows once the articles are set
    notice = tmp_path / "notice.md"
    refused = lawsite("-f", str(project / "mkdocs.yml"), "tally", str(out), "--concerns", OPEN, "--out", str(notice))
    assert refused.returncode == 1 and "unknown-article" in refused.stderr and not notice.exists()
    for row in rows:
        row["article"] = row["article"] or "总体"
    sorted_out = tmp_path / "sorted.csv"
    with sorted_out.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    tallied = lawsite("-f", str(project / "mkdocs.yml"), "tally", str(sorted_out), "--concerns", OPEN, "--out", str(notice))
    assert tallied.returncode == 0, tallied.stderr
    assert "read 8 comment row(s)" in tallied.stdout
    text = notice.read_text(encoding="utf-8")
    assert "from: 网民" in text and f"from: {POINT}" in text and "from: 来信" in text and "from: 座谈会" in text
    assert "  text: =1+1 整体意见\n" in text  # the spreadsheet rule's leading ' dropped again
    assert lawsite("-f", str(project / "mkdocs.yml"), "check").returncode == 0
