"""Lighthouse 12 (mobile) on the sample site served as the guide says: the
precompressed .br/.gz beside each file sent as they are (nginx gzip_static /
brotli_static, content/guide/6-publish.md), 404.html for a missing page.

Usage::

    python benchmarks/lighthouse.py [--site DIR] [PAGE ...]

Builds the sample (`lawsite build`) unless --site names a built one, serves it
on 127.0.0.1 and prints performance, accessibility, best practices and SEO
for the home page, an open draft and a notice (or the PAGEs given). Targets
(issue 14): ≥95 / 100 / 100 / 100. Figures only: nothing is asserted.

Needs node and Lighthouse under benchmarks/validators
(`npm install --prefix benchmarks/validators lighthouse@12`) and Chromium
(CHROME_PATH, default /usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import mimetypes
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "benchmarks" / "validators" / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = ("", "drafts/property-r2/", "notices/property-r1-feedback/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))  # preferred first, as brotli_static then gzip_static


class PrecompressedHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as nginx with gzip_static/brotli_static sends them."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's slash
            path = path / "index.html"
        if not path.is_file():
            return self._not_found()
        accepted = self.headers.get("Accept-Encoding", "")
        for name, suffix in ENCODINGS:
            packed = path.with_name(path.name + suffix)
            if name in accepted and packed.is_file():
                return self._send(packed, path, name)
        return self._send(path, path, None)

    def _send(self, body: Path, original: Path, encoding: str | None):  # type: ignore[no-untyped-def]
        handle = body.open("rb")
        self.send_response(200)
        self.send_header("Content-Type", self._type(original))
        self.send_header("Content-Length", str(body.stat().st_size))
        self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        return handle

    def _not_found(self):  # type: ignore[no-untyped-def]
        page = Path(self.directory) / "404.html"
        data = page.read_bytes() if page.is_file() else b"not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return _Bytes(data)

    @staticmethod
    def _type(path: Path) -> str:
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return kind + "; charset=utf-8" if kind.startswith("text/") or kind in ("application/javascript", "application/json") else kind

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PrecompressedHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def build_sample(folder: Path) -> Path:
    env = {**os.environ, "PYTHONPATH": str(REPO / "generator")}
    subprocess.run([sys.executable, "-m", "lawsite.cli", "build", "-d", str(folder)], cwd=REPO, env=env, check=True)
    return folder


def scores(url: str, out: Path) -> dict[str, int]:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    command = [
        "node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    subprocess.run(command, env=env, check=True, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the sample)")
    parser.add_argument("pages", nargs="*", default=list(PAGES))
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        print(f"Lighthouse not found at {LIGHTHOUSE}: npm install --prefix benchmarks/validators lighthouse@12", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="lawsite-lighthouse-") as scratch:
        site = args.site or build_sample(Path(scratch) / "site")
        server, base = serve(site)
        try:
            print(f"{'page':40} " + " ".join(f"{name:>15}" for name in CATEGORIES))
            for page in args.pages:
                figures = scores(base + page, Path(scratch) / "report.json")
                print(f"{'/' + page:40} " + " ".join(f"{figures[name]:>15}" for name in CATEGORIES), flush=True)
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
