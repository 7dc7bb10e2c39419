"""What the intake tests and benchmarks/intake.py share: a small site
project with one open, one upcoming and one closed draft at a fixed "now",
the real service started in a subprocess (uvicorn on 127.0.0.1 and a free
port), and a throwaway PostgreSQL cluster (initdb + pg_ctl, as the
`postgres` user when run as root). No pytest here."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Iterator

import httpx

REPO = Path(__file__).resolve().parents[2]

NOW = "2026-12-01T10:00:00+08:00"  # the service's clock in these tests
SITE_URL = "https://site.example.org/"
ORIGIN = "https://site.example.org"
TOKEN = "test-token-7f3a"
OPEN, UPCOMING, CLOSED = "open-draft", "upcoming-draft", "closed-draft"
POINT = "west-point"

CONFIG = f"""site_name: 意见征集测试
site_url: {SITE_URL}
docs_dir: content
theme:
  name: material
  font: false
  language: zh
plugins:
  - lawsite:
      timezone: Asia/Shanghai
      intake: https://site.example.org/intake/  # the drafts' forms post there; the site gets its lookup page
"""


def _draft(doc_id: str, title: str, opens: str, closes: str) -> str:
    return (
        f"---\nkind: draft\nid: {doc_id}\ntitle: {title}\npublished: {opens}\n"
        f"comments:\n  opens: {opens}\n  closes: {closes}\n  email: test@example.org\n---\n\n"
        "## 第一章 总则\n\n第一条 为了测试意见征集，制定本条例。\n\n第二条 本条例适用于测试。\n\n第三条 本条例自公布之日起施行。\n"
    )


def write_project(root: Path) -> Path:
    """A site project: three drafts, a contact point, a page; returns mkdocs.yml."""
    content = root / "content"
    (content / "drafts").mkdir(parents=True)
    (content / "contact-points").mkdir()
    (content / "drafts" / "open.md").write_text(_draft(OPEN, "测试市意见征集条例（草案）", "2026-11-01", "2026-12-15"), encoding="utf-8")
    (content / "drafts" / "upcoming.md").write_text(_draft(UPCOMING, "测试市未来条例（草案）", "2027-01-01", "2027-02-01"), encoding="utf-8")
    (content / "drafts" / "closed.md").write_text(_draft(CLOSED, "测试市过去条例（草案）", "2026-09-01", "2026-10-31"), encoding="utf-8")
    (content / "contact-points" / "west.md").write_text(
        f"---\nkind: contact-point\nid: {POINT}\ntitle: 西街基层立法联系点\nlevel: 县级\naddress: 测试市西街1号\n---\n\n西街联系点。\n", encoding="utf-8"
    )
    (content / "index.md").write_text("# 首页\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return root / "mkdocs.yml"


def build_site(config: Path, site_dir: Path) -> None:
    """`lawsite build` of the project, in a process of its own."""
    built = lawsite("-f", str(config), "build", "-d", str(site_dir))
    if built.returncode:
        raise RuntimeError(f"lawsite build failed:\n{built.stdout}\n{built.stderr}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def lawsite_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "generator"), "LAWSITE_NOW": NOW, **extra}
    if "LAWSITE_INTAKE_TOKEN" not in extra:
        env.pop("LAWSITE_INTAKE_TOKEN", None)
    return env


def lawsite(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lawsite.cli", *args], env=lawsite_env(**env), capture_output=True, text=True, timeout=120)


class Service:
    """`lawsite intake serve` in a subprocess; `url` once it answers /health."""

    def __init__(self, site: Path, db: str, *flags: str, token: str | None = TOKEN) -> None:
        self.site, self.db, self.flags, self.token = site, db, flags, token
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.client = httpx.Client(base_url=self.url, timeout=30, trust_env=False)  # one client: each new one costs ~0.5 s of TLS setup
        self.log = tempfile.NamedTemporaryFile(prefix="intake-", suffix=".log", delete=False)

    def start(self) -> "Service":
        command = [sys.executable, "-m", "lawsite.cli", "intake", "serve", "--site", str(self.site), "--db", self.db,
                   "--host", "127.0.0.1", "--port", str(self.port), *self.flags]
        env = lawsite_env(**({"LAWSITE_INTAKE_TOKEN": self.token} if self.token else {}))
        self.process = subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"intake serve exited with {self.process.returncode}:\n{self.output()}")
            with contextlib.suppress(httpx.HTTPError):
                if self.client.get("/health", timeout=2).status_code == 200:
                    return self
            time.sleep(0.1)
        raise RuntimeError(f"intake serve did not answer within 60 s:\n{self.output()}")

    def output(self) -> str:
        return Path(self.log.name).read_text(encoding="utf-8", errors="replace")

    def kill(self) -> None:
        """SIGKILL: no shutdown, no last commit."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        self.client.close()
        Path(self.log.name).unlink(missing_ok=True)


@contextlib.contextmanager
def running(site: Path, db: str, *flags: str, token: str | None = TOKEN) -> Iterator[Service]:
    service = Service(site, db, *flags, token=token)
    try:
        yield service.start()
    finally:
        service.stop()


# --- PostgreSQL --------------------------------------------------------------------


def pg_bin() -> Path | None:
    """The folder of initdb and pg_ctl, or None when PostgreSQL is not installed."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


def _as_cluster_user(command: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as `postgres` then."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


class Cluster:
    """A PostgreSQL cluster in a new temporary folder, on 127.0.0.1 and a free port."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="intake-pg-"))
        os.chmod(self.root, 0o755)
        self.data = self.root / "data"
        self.port = free_port()

    def start(self) -> "Cluster":
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        subprocess.run(_as_cluster_user([str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"]),
                       check=True, capture_output=True, timeout=120)
        options = f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root} -c fsync=on"
        subprocess.run(_as_cluster_user([str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-o", options, "-w", "-t", "60", "start"]),
                       check=True, capture_output=True, timeout=90)
        return self

    def stop(self) -> None:
        """Stop the server (if it started) and delete the cluster."""
        if (self.data / "postmaster.pid").exists():
            subprocess.run(_as_cluster_user([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"]), capture_output=True, timeout=60)
        shutil.rmtree(self.root, ignore_errors=True)

    def new_database(self) -> str:
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{self.port}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"


