"""Throughput, latency and durability of `lawsite intake` under SIGKILL.

Concurrent clients (keep-alive connections to 127.0.0.1 only) post JSON
comments for a fixed time; part-way the server is killed with SIGKILL and
started again on the same database. Afterwards every comment that got a
receipt must be in the database with the text that was sent. Prints
comments/s, p50/p99 latency and the number lost, for SQLite and PostgreSQL
(PostgreSQL in a throwaway cluster; skipped when it is not installed).

Usage: ``python benchmarks/intake.py [SECONDS] [CLIENTS]`` (default 10 s,
32 clients). Bounded: it stops by itself after SECONDS plus the restart.
Targets on a 2-core machine: ≥ 1,000 comments/s on SQLite, p99 ≤ 50 ms, 0 lost.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lawsite.intake.backends import open_store  # noqa: E402
from tests.intake.harness import OPEN, Cluster, Service, build_site, pg_bin, write_project  # noqa: E402

KILL_AT = 0.4  # of the run


@dataclass
class Tally:
    sent: dict[str, str] = field(default_factory=dict)  # receipt → text
    latencies: list[float] = field(default_factory=list)
    refused: dict[int, int] = field(default_factory=dict)  # status → count
    broken: int = 0  # tries that found no server (the kill, the restart)
    before_kill: int = 0


def _request(port: int, text: str) -> bytes:
    body = json.dumps({"doc": OPEN, "article": "art_1", "text": text}, ensure_ascii=False).encode()
    head = (f"POST /comments HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"Accept: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode() + body


async def _answer(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:"))
    return status, await reader.readexactly(length)


async def _client(number: int, port: int, stop_at: float, tally: Tally) -> None:
    writer: asyncio.StreamWriter | None = None
    sent = 0
    while time.monotonic() < stop_at:
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            text = f"客户{number}的第{sent}条意见：建议完善本条的规定。"
            started = time.perf_counter()
            writer.write(_request(port, text))
            await writer.drain()
            status, body = await _answer(reader)
            sent += 1
            if status == 201:
                tally.latencies.append(time.perf_counter() - started)
                tally.sent[json.loads(body)["receipt"]] = text
            else:
                tally.refused[status] = tally.refused.get(status, 0) + 1
        except (OSError, asyncio.IncompleteReadError, ValueError, StopIteration):
            tally.broken += 1
            if writer is not None:
                writer.close()
            writer = None
            await asyncio.sleep(0.02)  # the server is restarting
    if writer is not None:
        writer.close()


async def _load(service: Service, seconds: float, clients: int) -> tuple[Tally, float]:
    tally = Tally()
    began = time.monotonic()
    tasks = [asyncio.create_task(_client(n, service.port, began + seconds, tally)) for n in range(clients)]
    await asyncio.sleep(seconds * KILL_AT)
    tally.before_kill = len(tally.sent)
    service.kill()
    restart = time.monotonic()
    await asyncio.to_thread(service.start)
    down = time.monotonic() - restart
    await asyncio.gather(*tasks)
    return tally, down


def _event_loop_run(main: Any) -> Any:
    """uvloop where it is installed (as the server uses it): the clients share the CPUs with the server."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)


def _run(name: str, site: Path, db: str, seconds: float, clients: int) -> None:
    service = Service(site, db, "--per-minute", "1000000000").start()
    load_before = os.getloadavg()[0]
    try:
        tally, down = _event_loop_run(_load(service, seconds, clients))
    finally:
        service.stop()
    store = open_store(db)
    try:
        stored = {c.receipt: c.text for c in store.comments_on(OPEN)}
    finally:
        store.close()
    lost = sum(1 for receipt, text in tally.sent.items() if stored.get(receipt) != text)
    latencies = sorted(tally.latencies)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    steady = tally.before_kill / (seconds * KILL_AT)
    print(
        f"{name:10}  {len(tally.sent) / seconds:7.0f} comments/s over {seconds:.0f} s with the restart "
        f"({steady:.0f}/s before the kill)  p50 {statistics.median(latencies) * 1000:5.1f} ms  p99 {p99 * 1000:5.1f} ms  "
        f"receipts {len(tally.sent)}  lost {lost}  stored {len(stored)}  "
        f"connection failures while down {tally.broken}  refused {tally.refused or 0}  down {down:.1f} s  load {load_before:.1f}→{os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 32
    with tempfile.TemporaryDirectory(prefix="intake-bench-") as tmp:
        root = Path(tmp)
        build_site(write_project(root), root / "site")
        print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; {clients} clients for {seconds:.0f} s, SIGKILL at {KILL_AT:.0%}")
        _run("SQLite", root / "site", str(root / "comments.sqlite3"), seconds, clients)
        bin_dir = pg_bin()
        if bin_dir is None:
            print("PostgreSQL   skipped: not installed (apt-get install postgresql)")
            return
        cluster = Cluster(bin_dir)
        try:
            cluster.start()
            _run("PostgreSQL", root / "site", cluster.new_database(), seconds, clients)
        except subprocess.CalledProcessError as exc:
            print(f"PostgreSQL   could not start a cluster: {exc.stderr!r}")
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
