"""Group commit: comments posted at the same time share one transaction.

One thread owns the writes. A request hands its comment over and waits; the
thread takes every comment waiting (up to BATCH), stores them in one
transaction and answers each request only after that commit returned. With
synchronous commits a single comment costs one fsync, a batch of fifty costs
one as well, so latency stays at one or two fsyncs under load.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import queue
import threading
from concurrent.futures import Future
from typing import Callable

from .store import Store
from .submission import Comment

BATCH = 256
log = logging.getLogger("lawsite.intake")

_Job = tuple[Comment, "Future[str]"]


class Writer:
    def __init__(self, store: Store, clock: Callable[[], dt.datetime]) -> None:
        self._store = store
        self._clock = clock
        self._jobs: "queue.SimpleQueue[_Job | None]" = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="intake-writer", daemon=True)
        self._thread.start()

    async def add(self, comment: Comment) -> str:
        """The receipt of `comment` once it is committed."""
        done: Future[str] = Future()
        self._jobs.put((comment, done))
        return await asyncio.wrap_future(done)

    def stop(self) -> None:
        """Finish what was handed over, then end the thread."""
        self._jobs.put(None)
        self._thread.join()

    def _run(self) -> None:
        while True:
            batch, stopping = self._take()
            if batch:
                self._commit(batch)
            if stopping:
                return

    def _take(self) -> tuple[list[_Job], bool]:
        first = self._jobs.get()
        if first is None:
            return [], True
        batch = [first]
        while len(batch) < BATCH:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is None:
                return batch, True
            batch.append(job)
        return batch, False

    def _commit(self, batch: list[_Job]) -> None:
        try:
            receipts = self._store.add([comment for comment, _ in batch], self._clock())
        except Exception as exc:  # the database is down or full: every waiting request is told
            log.error("intake: %d comment(s) not stored: %s", len(batch), exc)
            for _, done in batch:
                done.set_exception(exc)
            return
        for (_, done), receipt in zip(batch, receipts):
            done.set_result(receipt)
