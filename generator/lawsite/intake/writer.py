"""Group commit: comments posted at the same time share one transaction.

One thread owns the writes. A request hands its comments over (one, or a
basket's) and waits; the thread takes every comment waiting (up to BATCH,
never splitting a request's comments), stores them in one
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

_Job = tuple[list[Comment], "Future[list[str]]"]


class Writer:
    def __init__(self, store: Store, clock: Callable[[], dt.datetime]) -> None:
        self._store = store
        self._clock = clock
        self._jobs: "queue.SimpleQueue[_Job | None]" = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="intake-writer", daemon=True)
        self._thread.start()

    async def add(self, comment: Comment) -> str:
        """The receipt of `comment` once it is committed."""
        return (await self.add_all([comment]))[0]

    async def add_all(self, comments: list[Comment]) -> list[str]:
        """The receipts of `comments` once they are committed, all in one transaction."""
        done: Future[list[str]] = Future()
        self._jobs.put((comments, done))
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
        batch, size = [first], len(first[0])
        while size < BATCH:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is None:
                return batch, True
            batch.append(job)
            size += len(job[0])
        return batch, False

    def _commit(self, batch: list[_Job]) -> None:
        # Each request is marked as being answered first: from then on it can
        # no longer be cancelled (its client gone, asyncio.gather's other
        # tasks failing), and one cancelled before is stored all the same but
        # answered to nobody. Answering a cancelled request raised here and
        # ended this thread: every later comment would have waited forever.
        waiting = [done.set_running_or_notify_cancel() for _, done in batch]
        comments = [comment for job, _ in batch for comment in job]
        try:
            receipts = self._store.add(comments, self._clock())
        except Exception as exc:  # the database is down or full: every waiting request is told
            log.error("intake: %d comment(s) not stored: %s", len(comments), exc)
            for (_, done), waits in zip(batch, waiting):
                if waits:
                    done.set_exception(exc)
            return
        start = 0
        for (job, done), waits in zip(batch, waiting):
            if waits:
                done.set_result(receipts[start : start + len(job)])
            start += len(job)
        if not all(waiting):
            log.warning("intake: %d request(s) gone before their comments were stored; stored all the same", waiting.count(False))
