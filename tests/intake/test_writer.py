"""Group commit: comments handed over together are stored in one
transaction, and when the database fails every waiting request hears it."""

from __future__ import annotations

import asyncio
import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Sequence

import pytest

from lawsite.intake.sqlite_store import SqliteStore
from lawsite.intake.submission import Comment
from lawsite.intake.writer import Writer

NOW = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.timezone.utc)


class CountingStore(SqliteStore):
    """A real SQLite store that remembers the size of each transaction."""

    def __init__(self, path: str, fail: bool = False) -> None:
        self.batches: list[int] = []
        self.fail = fail
        super().__init__(path)

    def add(self, comments: Sequence[Comment], received: dt.datetime) -> list[str]:
        self.batches.append(len(comments))
        if self.fail:
            raise OSError("disk full")
        return super().add(comments, received)


async def _gather(writer: Writer, n: int) -> list[str]:
    return list(await asyncio.gather(*(writer.add(Comment("open-draft", "art_1", f"意见{i}", None, None, None)) for i in range(n))))


def _post_many(writer: Writer, n: int) -> list[str]:
    """n comments handed over at once, from an event loop of their own thread
    (the browser tests leave Playwright's loop running in this one)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _gather(writer, n)).result()


def test_comments_posted_together_share_transactions(tmp_path: Path) -> None:
    store = CountingStore(str(tmp_path / "c.sqlite3"))
    writer = Writer(store, lambda: NOW)
    try:
        receipts = _post_many(writer, 200)
    finally:
        writer.stop()
    assert len(set(receipts)) == 200 and sum(store.batches) == 200
    assert len(store.batches) < 200  # at least some were committed together
    assert sorted(c.receipt for c in store.comments_on("open-draft")) == sorted(receipts)
    store.close()


def test_a_failing_database_fails_every_waiting_request(tmp_path: Path) -> None:
    store = CountingStore(str(tmp_path / "c.sqlite3"), fail=True)
    writer = Writer(store, lambda: NOW)
    try:
        with pytest.raises(OSError, match="disk full"):
            _post_many(writer, 5)
    finally:
        writer.stop()
    store.close()


async def _baskets(writer: Writer, sizes: Sequence[int]) -> list[list[str]]:
    baskets = [[Comment("open-draft", f"art_{n + 1}", f"篮{b}意见{n}", None, None, None) for n in range(size)] for b, size in enumerate(sizes)]
    return list(await asyncio.gather(*(writer.add_all(basket) for basket in baskets)))


def test_a_basket_is_never_split_between_transactions(tmp_path: Path) -> None:
    store = CountingStore(str(tmp_path / "c.sqlite3"))
    writer = Writer(store, lambda: NOW)
    sizes = [3, 100, 200, 1, 7] * 4  # 200 + 100 > BATCH: a transaction ends before a basket, not inside it
    try:
        with ThreadPoolExecutor(1) as pool:
            answered = pool.submit(asyncio.run, _baskets(writer, sizes)).result()
    finally:
        writer.stop()
    assert [len(receipts) for receipts in answered] == sizes
    stored = {c.receipt: c.text for c in store.comments_on("open-draft")}
    for b, receipts in enumerate(answered):  # each basket's receipts, in its order
        assert [stored[r] for r in receipts] == [f"篮{b}意见{n}" for n in range(sizes[b])]
    # every transaction holds whole baskets: the sizes committed are sums of consecutive baskets
    ends, total = set(), 0
    for size in sizes:
        total += size
        ends.add(total)
    committed = 0
    for batch in store.batches:
        committed += batch
        assert committed in ends
    store.close()


class HeldStore(SqliteStore):
    """A real SQLite store whose first transaction waits until released."""

    def __init__(self, path: str) -> None:
        import threading

        self.entered, self.release = threading.Event(), threading.Event()
        super().__init__(path)

    def add(self, comments: Sequence[Comment], received: dt.datetime) -> list[str]:
        if not self.release.is_set():
            self.entered.set()
            self.release.wait(10)
        return super().add(comments, received)


def test_a_request_gone_before_its_commit_does_not_stop_the_writer(tmp_path: Path) -> None:
    """A request cancelled while its comment waits (its client gone) is
    stored all the same, and answering it must not end the writer's thread:
    the comments after it are stored and answered."""
    store = HeldStore(str(tmp_path / "c.sqlite3"))
    writer = Writer(store, lambda: NOW)

    async def scenario() -> tuple[str, str]:
        first = asyncio.ensure_future(writer.add(Comment("open-draft", "art_1", "先到的意见", None, None, None)))
        await asyncio.get_running_loop().run_in_executor(None, store.entered.wait, 10)  # the first transaction is under way
        gone = asyncio.ensure_future(writer.add(Comment("open-draft", "art_2", "提交后就离开的意见", None, None, None)))
        await asyncio.sleep(0.05)  # handed over, waiting behind the first
        gone.cancel()
        await asyncio.sleep(0.05)
        store.release.set()
        later = await asyncio.wait_for(writer.add(Comment("open-draft", "art_3", "之后的意见", None, None, None)), 10)
        return await first, later

    try:
        with ThreadPoolExecutor(1) as pool:
            first, later = pool.submit(asyncio.run, scenario()).result()
        assert writer._thread.is_alive()
    finally:
        writer.stop()
    stored = {c.text: c.receipt for c in store.comments_on("open-draft")}
    assert stored["先到的意见"] == first and stored["之后的意见"] == later
    assert "提交后就离开的意见" in stored  # sent, so kept: the office reads it
    store.close()
