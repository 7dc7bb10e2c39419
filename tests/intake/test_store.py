"""The store on both databases: what goes in comes out, personal data apart,
receipts unique, purge, and the schema upgrade from version 1."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from lawsite.intake import store as store_module
from lawsite.intake.receipts import new_receipt
from lawsite.intake.backends import open_store
from lawsite.intake.store import CURRENT_VERSION, StoreError
from lawsite.intake.submission import Comment

T0 = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.timezone.utc)


def comment(text: str = "建议修改。", name: str | None = None, contact: str | None = None, article: str = "art_1") -> Comment:
    return Comment(doc="open-draft", article=article, text=text, point=None, name=name, contact=contact)


def test_a_comment_comes_back_as_sent_and_its_personal_data_apart(db_url: str) -> None:
    store = open_store(db_url)
    try:
        text = "Robert'); DROP TABLE comments;-- 第一条 “引号” ? %s %(x)s \\ \n第二行"
        (receipt,) = store.add([comment(text, name="张三", contact="13800000000")], T0)
        stored = store.get(receipt)
        assert stored is not None
        assert (stored.doc, stored.article, stored.text, stored.received) == ("open-draft", "art_1", text, T0)
        assert not hasattr(stored, "name") and not hasattr(stored, "contact")
        assert store.personal(receipt) == ("张三", "13800000000")
        assert store.version() == CURRENT_VERSION
    finally:
        store.close()


def test_export_order_spans_pages(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "PAGE", 3)
    store = open_store(db_url)
    try:
        receipts = []
        for n in range(8):
            receipts += store.add([comment(f"第{n}条意见")], T0 + dt.timedelta(seconds=n))
        store.add([Comment("closed-draft", "总体", "别的草案", None, None, None)], T0)
        exported = list(store.comments_on("open-draft"))
        assert [c.receipt for c in exported] == receipts
        assert [c.text for c in exported] == [f"第{n}条意见" for n in range(8)]
    finally:
        store.close()


def test_a_taken_receipt_is_drawn_again(db_url: str) -> None:
    drawn = itertools.chain(["AAAA-BBBB-CCCC", "AAAA-BBBB-CCCC", "AAAA-BBBB-CCCC"], iter(new_receipt, None))
    store = open_store(db_url, new_receipt=lambda: next(drawn))
    try:
        first, second = store.add([comment("一"), comment("二")], T0)
        assert first == "AAAA-BBBB-CCCC" and second != first
        assert store.get(second).text == "二"  # type: ignore[union-attr]
    finally:
        store.close()


def test_no_free_receipt_is_an_error_not_a_loop(db_url: str) -> None:
    store = open_store(db_url, new_receipt=lambda: "AAAA-BBBB-CCCC")
    try:
        store.add([comment()], T0)
        with pytest.raises(StoreError, match="no free receipt"):
            store.add([comment()], T0)
        assert len(list(store.comments_on("open-draft"))) == 1  # the failed batch left nothing
    finally:
        store.close()


def test_purge_deletes_personal_data_before_the_day_only(db_url: str) -> None:
    store = open_store(db_url)
    try:
        (old,) = store.add([comment(name="李四", contact="li@example.org")], T0)
        (anonymous,) = store.add([comment()], T0)
        (new,) = store.add([comment(name="王五")], T0 + dt.timedelta(days=2))
        cutoff = T0 + dt.timedelta(days=1)
        assert store.purge(cutoff, T0 + dt.timedelta(days=3)) == 1
        assert store.personal(old) is None and store.personal(new) == ("王五", None)
        assert store.get(old) is not None and store.get(anonymous) is not None  # the comments stay
        assert store.purge(cutoff, T0 + dt.timedelta(days=3)) == 0
    finally:
        store.close()


def test_upgrade_from_version_1_keeps_the_comments(db_url: str) -> None:
    old = open_store(db_url, upto=1)
    try:
        assert old.version() == 1
        (receipt,) = old.add([comment("旧版本的意见", name="赵六")], T0)
        with pytest.raises(Exception):  # version 1 has no purges table
            old.purge(T0 + dt.timedelta(days=1), T0)
    finally:
        old.close()
    upgraded = open_store(db_url)
    try:
        assert upgraded.version() == CURRENT_VERSION
        assert upgraded.get(receipt).text == "旧版本的意见"  # type: ignore[union-attr]
        assert upgraded.purge(T0 + dt.timedelta(days=1), T0) == 1
    finally:
        upgraded.close()
    again = open_store(db_url)  # opening a current store changes nothing
    try:
        assert again.version() == CURRENT_VERSION and again.get(receipt) is not None
    finally:
        again.close()


def test_a_database_newer_than_the_code_is_refused(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    open_store(db_url).close()
    monkeypatch.setattr(store_module, "CURRENT_VERSION", CURRENT_VERSION - 1)
    with pytest.raises(StoreError, match="newer than this lawsite"):
        open_store(db_url)
