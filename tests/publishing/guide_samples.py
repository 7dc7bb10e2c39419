"""The editors' guide's sample outputs, made by running the commands.

A sample is a ```text block in content/guide/ right after a line
``<!-- sample: NAME -->``; `SAMPLES[NAME]` runs the real `lawsite` command in
a fresh copy of the sample site and returns what it puts on the screen
(stdout and stderr as they interleave), in Chinese as an editor sees it.
`ELIDED` shortens what the guide need not show (long lists, byte counts) to
"……", in the guide and in the output alike.

tests/publishing/test_guide_samples.py fails when a sample no longer matches;
`pytest tests/publishing/test_guide_samples.py --update` rewrites them.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from tests.build.sample_project import build_env, copy_project, stop

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "content" / "guide"
TIMEOUT = 600  # seconds for one command: a bound against hangs, not a benchmark
SAMPLE = re.compile(r"^<!-- sample: ([a-z-]+) -->\n```text\n(.*?)^```$", re.MULTILINE | re.DOTALL)
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```$", re.MULTILINE | re.DOTALL)
# What the guide shows as "……": the fields a key may have, the ids a site has, byte counts.
ELIDED = (
    re.compile(r"(?<=此处可用的字段：)[^；\n]+"),
    re.compile(r"(?<=已有：)[^\n]+"),
    re.compile(r"\d[\d,]*(?= 字节)"),
)


@dataclass(frozen=True)
class Block:
    page: str
    name: str
    text: str
    start: int
    end: int  # of the block's text in the page


def marked_blocks() -> list[Block]:
    found = []
    for path in sorted(GUIDE.glob("*.md")):
        page = path.read_text(encoding="utf-8")
        found += [Block(path.name, m.group(1), m.group(2), m.start(2), m.end(2)) for m in SAMPLE.finditer(page)]
    return found


def elided(text: str) -> str:
    for pattern in ELIDED:
        text = pattern.sub("……", text)
    return text


def guide_block(page: str, starts: str, lang: str = "text") -> str:
    """The first ```lang block of `page` that starts with `starts` (an input the guide gives)."""
    text = (GUIDE / page).read_text(encoding="utf-8")
    return next(m.group(2) for m in FENCE.finditer(text) if m.group(1) == lang and m.group(2).startswith(starts))


def _env() -> dict[str, str]:
    env = build_env()
    env.pop("LAWSITE_LANG", None)  # Chinese, as editors see it
    env.pop("CI", None)  # a person's terminal (output is a pipe, so no progress bars)
    return env


def screen(project: Path, command: str) -> str:
    """What `command` (as the guide writes it, starting `lawsite`) prints, run in `project`."""
    args = _split(command)
    process = subprocess.Popen([sys.executable, "-m", "lawsite.cli", *args[1:]], cwd=project, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        out, _ = process.communicate(timeout=TIMEOUT)
    finally:
        stop(process)
    return out


def _split(command: str) -> list[str]:
    import shlex

    args = shlex.split(command)
    assert args[0] == "lawsite", command
    return args


def _project(scratch: Path) -> Path:
    return copy_project(scratch / "site").parent


def _check_one(scratch: Path) -> str:
    project = _project(scratch)
    _edit(project, "drafts/civilized-behavior.md", [("closes: 2027-01-10", "closes: 2027-1-10")])
    return screen(project, "lawsite check")


# The mistakes 4-check.md describes, made in a copy of the sample content.
MISTAKES = {
    "drafts/civilized-behavior.md": [("closes: 2027-01-10", "closes: 2027-1-10"), ("drafted_by:", "drafted_bu:"), ("第三条〖工作机制〗", "第四条〖工作机制〗")],
    "interpretations/property-r2-interpretation.md": [("## 第十四条", "## 第九十九条")],
    "notices/property-r1-feedback.md": [("  outcome: not-adopted\n", "  outcome: not-adopted\n  reasn: x\n"), ("article: 第六条", "article: 第六十六条")],
    "drafts/elderly-care.md": [("kind: draft", "kind: draft\nprevious: elderly-care-r0")],
}


def _check_mistakes(scratch: Path) -> str:
    project = _project(scratch)
    for name, edits in MISTAKES.items():
        _edit(project, name, edits)
    return screen(project, "lawsite check")


def _edit(project: Path, name: str, edits: list[tuple[str, str]]) -> None:
    path = project / "content" / name
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, (name, old)
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def _outline(scratch: Path) -> str:
    project = _project(scratch)
    (project / "content" / "drafts" / "example.md").write_text(guide_block("1-draft.md", "---\n", "markdown"), encoding="utf-8")
    return screen(project, "lawsite outline content/drafts/example.md")


def _new(scratch: Path) -> str:
    return screen(_project(scratch), guide_block("index.md", "lawsite new draft").strip())


def _tally(scratch: Path) -> str:
    project = _project(scratch)
    (project / "comments.csv").write_text(guide_block("3-feedback.md", "条文,来源,意见"), encoding="utf-8")
    return screen(project, guide_block("3-feedback.md", "lawsite tally").strip())


# A law as the national database exports it, for the import sample.
DOWNLOADED = """中华人民共和国测试法

（2020年1月1日第十三届全国人民代表大会常务委员会第十五次会议通过）

目　　录

第一章　总　　则

第二章　附　　则

第一章　总　　则

第一条　为了测试，制定本法。

第二章　附　　则

第二条　本法自2020年7月1日起施行。
"""


def _import(scratch: Path) -> str:
    project = _project(scratch)
    (project / "下载").mkdir()
    (project / "下载" / "中华人民共和国测试法.txt").write_text(DOWNLOADED, encoding="utf-8")
    return screen(project, "lawsite import 下载/中华人民共和国测试法.txt --into content/laws/")


def _build(scratch: Path) -> str:
    return screen(_project(scratch), "lawsite build")


GUIDE_PORT = "8000"  # the guide shows the default address


def _serve(scratch: Path) -> str:
    """`lawsite serve` until it says where it serves, on a free port shown as the default."""
    project = _project(scratch)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = str(s.getsockname()[1])
    log = scratch / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen([sys.executable, "-m", "lawsite.cli", "serve", "-a", f"127.0.0.1:{port}"], cwd=project, env={**_env(), "TMPDIR": str(scratch)}, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + TIMEOUT
        while "正在预览" not in log.read_text(encoding="utf-8") and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        stop(process)
    return log.read_text(encoding="utf-8").replace(f"127.0.0.1:{port}", f"127.0.0.1:{GUIDE_PORT}")


SAMPLES: dict[str, Callable[[Path], str]] = {
    "check-one": _check_one,
    "check-mistakes": _check_mistakes,
    "outline": _outline,
    "new": _new,
    "tally": _tally,
    "import": _import,
    "build": _build,
    "serve": _serve,
}


def updated_page(page: str, made: dict[tuple[str, int], str]) -> str:
    """`page`'s text with the marked blocks that start at the keys' offsets
    replaced by what was made for them."""
    text = (GUIDE / page).read_text(encoding="utf-8")
    for block in sorted((b for b in marked_blocks() if (b.page, b.start) in made), key=lambda b: b.start, reverse=True):
        text = text[: block.start] + made[(page, block.start)] + text[block.end :]
    return text


if __name__ == "__main__":  # python -m tests.publishing.guide_samples NAME: print one sample
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        sys.stdout.write(elided(SAMPLES[sys.argv[1]](Path(scratch))))
