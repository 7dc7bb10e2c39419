"""Scale benchmark: the real-law corpus as a lawsite site vs plain MkDocs + Material.

Usage::

    python benchmarks/scale.py [--corpus DIR] [--limit N] [--keep DIR] [--rounds N] [--skip-plain]
                               [--skip-serve] [--skip-draft] [--draft-only] [--draft-articles N] [--jobs N]

Generates two sites from the same Markdown in a temporary folder:

* plain: the corpus files as they are, ``mkdocs.yml`` with Material set up as a
  knowledgeable user would for a site this size (``navigation.prune``, so each
  page holds only its own branch of the nav; ``search`` with ``lang: zh``;
  ``font: false``);
* lawsite: the files converted with ``lawsite import``, one open draft, a home
  page, and the repository's own ``mkdocs.yml`` (theme overrides and every
  lawsite option it sets), so every feature that has landed is on.

Both are built in the same run, each in its own process; wall time, CPU time
(user + sys of the whole process tree, steadier than wall time on a shared
machine) and peak RSS (``ru_maxrss``: the largest single process of the tree;
and the sum of all its processes at once, sampled) are measured around it. Then
``lawsite check`` on the lawsite site, and the serve reload latency: start
``lawsite serve``, open a law page, change the draft 8 times (3 s apart) and
that law page once, each time polling the served page until the change is
there (median and slowest; a change not shown in 30 s is counted, not
waited for). Last, a third site holding one draft of 99,990 articles (the most the
numbering allows) is built and timed. Prints every figure as Markdown (the README's table, as it is), side by side with the
ratios and the targets.

Every lawsite command runs as ``python -m lawsite`` with this checkout's
``generator/`` first on the path, so the benchmark needs no ``lawsite`` script
on PATH and measures the code beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import subprocess
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "generator"))  # this checkout's lawsite, installed or not
CHILD_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "generator"), os.environ.get("PYTHONPATH")]))}
LAWSITE = [sys.executable, "-m", "lawsite"]
DEFAULT_CORPUS = Path(os.environ.get("LAWSITE_CORPUS", REPO.parent / "shared" / "corpus"))

PLAIN_CONFIG = """site_name: 法律法规（plain MkDocs）
docs_dir: docs
theme:
  name: material
  language: zh
  font: false
  features:
    - navigation.prune
plugins:
  - search:
      lang: zh
"""

DRAFT = """---
kind: draft
id: bench-draft
title: 基准测试条例（草案）
stage: 征求意见稿
comments:
  opens: 2000-01-01
  closes: 2999-12-31
  email: bench@example.gov.cn
---

## 第一章 总则

第一条 为了测量，制定本条例。{marker}

第二条 本条例自公布之日起施行。
"""

HOME = "# 法律法规库\n\n基准测试站点。\n"


# --- measuring a child process -------------------------------------------------------


def measured(command: list[str], cwd: Path) -> dict[str, float]:
    """Run `command` in a fresh helper process so that RUSAGE_CHILDREN holds only
    this build's peak memory (the maximum is sticky per process)."""
    helper = [sys.executable, __file__, "--measure", "--", *command]
    done = subprocess.run(helper, cwd=cwd, capture_output=True, text=True, env=CHILD_ENV)
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(f"failed: {' '.join(command)}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_main(command: list[str]) -> None:
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    tree_peak_kb = tree_pss_kb = 0
    while child.poll() is None:
        rss, pss = _tree_memory_kb(child.pid)
        tree_peak_kb, tree_pss_kb = max(tree_peak_kb, rss), max(tree_pss_kb, pss)
        time.sleep(0.1)
    stderr = child.stderr.read() if child.stderr else ""
    seconds = time.perf_counter() - started
    if child.returncode != 0:
        sys.stderr.write(stderr[-4000:])
        raise SystemExit(child.returncode)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures = {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,  # the largest process of the tree (Pagefind's, when it runs)
        "tree_peak_mb": tree_peak_kb / 1024,  # all its processes at once (sampled VmRSS sum)
        "tree_pss_mb": tree_pss_kb / 1024,  # the same, each shared page counted once (sampled Pss sum)
    }
    with open("measurements.jsonl", "a", encoding="utf-8") as log:
        log.write(json.dumps({"command": command[:3], **figures}) + "\n")
    print(json.dumps(figures))


def _tree_memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of a process and all its descendants now (Linux /proc).
    RSS counts a page shared by forked processes (lawsite's parts, its
    compressing worker) in each; PSS splits it among them, so that the sum
    is the memory the tree holds."""
    rss = pss = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue  # the process ended meanwhile
    return rss, pss


# --- the two sites -------------------------------------------------------------------


def pick(corpus: Path, limit: int | None) -> list[Path]:
    files = sorted((corpus / "laws").rglob("*.md"))
    if limit is None or limit >= len(files):
        return files
    step = len(files) / limit  # spread over every category
    return [files[int(i * step)] for i in range(limit)]


def make_plain(root: Path, corpus: Path, files: list[Path]) -> Path:
    docs = root / "docs"
    for path in files:
        target = docs / path.relative_to(corpus / "laws")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    (docs / "index.md").write_text(HOME, encoding="utf-8")
    (root / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return root / "mkdocs.yml"


def lawsite_config(root: Path) -> dict:
    """The repository's own mkdocs.yml, pointed at the benchmark content."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(docs_dir="content", site_dir="site", strict=False)
    theme = config.setdefault("theme", {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(REPO / theme["custom_dir"])
    for key in ("hooks",):
        config[key] = [str(REPO / hook) for hook in config.get(key) or []] or config.pop(key, None)
    config.pop("nav", None)
    return {k: v for k, v in config.items() if v is not None}


def make_lawsite(root: Path, corpus: Path, files: list[Path]) -> tuple[Path, dict[str, float]]:
    staging = root / "import-from"
    for path in files:  # `lawsite import` takes the same subset the plain site has
        target = staging / path.relative_to(corpus / "laws")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    sources = [str(p) for p in sorted(staging.iterdir())]
    content = root / "content"
    stats = measured([*LAWSITE, "import", *sources, "--into", str(content / "laws")], root)
    (content / "drafts").mkdir(parents=True)
    (content / "drafts" / "bench-draft.md").write_text(DRAFT.format(marker=""), encoding="utf-8")
    (content / "index.md").write_text(HOME, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(lawsite_config(root), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config, stats


def make_large_draft(root: Path, articles: int) -> Path:
    """A site of one draft with `articles` articles (第N条 and 第N条之一…之九,
    as many as the numbering allows at 99,990, with a short text each so that
    the file stays under the 5 MB a content file may have) and the lawsite
    configuration."""
    from lawsite.numerals import to_chinese

    labels = (f"第{to_chinese(n)}条" + (f"之{to_chinese(s)}" if s else "") for n in range(1, 10_000) for s in range(10))
    body = "\n\n".join(f"{label}　内容。" for label, _ in zip(labels, range(articles)))  # 4.4 MB: under the 5 MB bound
    content = root / "content"
    (content / "drafts").mkdir(parents=True, exist_ok=True)
    head = DRAFT.split("## ", 1)[0].replace("bench-draft", "large-draft")
    (content / "drafts" / "large-draft.md").write_text(f"{head}{body}\n", encoding="utf-8")
    (content / "index.md").write_text(HOME, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(lawsite_config(root), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


def output_stats(site: Path) -> dict[str, float]:
    sizes = [p.stat().st_size for p in site.rglob("*") if p.is_file()]
    pages = [p.stat().st_size for p in site.rglob("*.html")]
    return {
        "output_mb": sum(sizes) / 1e6,
        "files": len(sizes),
        "pages": len(pages),
        "page_kb_mean": sum(pages) / len(pages) / 1e3 if pages else 0,
        "page_kb_max": max(pages) / 1e3 if pages else 0,
    }


# --- serve ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 2) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


SERVE_CHANGES = 8  # changes to the draft, each waited for before the next
SERVE_GAP = 3.0  # seconds between one change shown and the next change
SERVE_TIMEOUT = 30.0  # seconds: a change not shown by then is counted as never shown


@dataclass
class ServeRun:
    """`lawsite serve` measured: the first page, then each change until shown
    (None: never shown within SERVE_TIMEOUT)."""

    first: float
    draft: list[float | None]
    law: float | None

    def shown(self) -> list[float]:
        return sorted(s for s in self.draft if s is not None)


def serve_latency(root: Path, config: Path, timeout: float = 600.0) -> ServeRun:
    """Start `lawsite serve`, time its first page, open a law page (built on
    request), then change the draft SERVE_CHANGES times and that law page once,
    each time polling the served page until it shows the change."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (root / "serve.log").open("w")
    started = time.perf_counter()
    command = [*LAWSITE, "-f", str(config), "serve", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=root, stdout=log, stderr=subprocess.STDOUT, env=CHILD_ENV)
    law, law_url = opened_law(root / "content")
    law_text = law.read_text(encoding="utf-8")
    try:
        while fetch(f"{base}/drafts/bench-draft/") is None:
            if server.poll() is not None or time.perf_counter() - started > timeout:
                tail = (root / "serve.log").read_text(encoding="utf-8", errors="replace")[-600:]
                raise SystemExit(f"serve did not come up:\n{tail}")
            time.sleep(0.2)
        first = time.perf_counter() - started
        if fetch(base + law_url, timeout=SERVE_TIMEOUT) is None:  # built on this request
            raise SystemExit(f"serve did not show {law_url}")
        draft = root / "content" / "drafts" / "bench-draft.md"
        changes = []
        for n in range(SERVE_CHANGES):
            time.sleep(SERVE_GAP)
            marker = f"改动标记{n}x{time.time_ns() % 10**9:09d}"
            changes.append(shown_after(draft, DRAFT.format(marker=marker), f"{base}/drafts/bench-draft/", marker))
        time.sleep(SERVE_GAP)
        marker = f"法律改动标记{time.time_ns() % 10**9:09d}"
        law_change = shown_after(law, law_text.replace(LAW_FIRST, LAW_FIRST + marker, 1), base + law_url, marker)
        run = ServeRun(first, changes, law_change)
        print("serve, each change (s):", " ".join("never" if c is None else f"{c:.2f}" for c in [*changes, law_change]), file=sys.stderr)
        return run
    finally:
        law.write_text(law_text, encoding="utf-8")
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


LAW_FIRST = "\n第一条 "  # where the law page's change goes: its first article's text


def opened_law(content: Path) -> tuple[Path, str]:
    """The first law (by path) with a 第一条, and its URL in the preview."""
    for path in sorted((content / "laws").rglob("*.md")):
        if LAW_FIRST in path.read_text(encoding="utf-8"):
            return path, "/" + urllib.parse.quote(path.relative_to(content).with_suffix("").as_posix()) + "/"
    raise SystemExit(f"no law with {LAW_FIRST.strip()} under {content / 'laws'}")


def shown_after(source: Path, text: str, url: str, marker: str) -> float | None:
    """Seconds from writing `text` to `source` until `url` shows `marker`; None
    if it is not shown within SERVE_TIMEOUT."""
    changed = time.perf_counter()
    source.write_text(text, encoding="utf-8")
    while marker not in (fetch(url) or ""):
        if time.perf_counter() - changed > SERVE_TIMEOUT:
            return None
        time.sleep(0.05)
    return time.perf_counter() - changed


# --- report ----------------------------------------------------------------------------
#
# Printed as Markdown, so that the README's table is the run's output as it is.

PEER = "plain Material: `navigation.prune`, `search` with `lang: zh`, `font: false`"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "–"


def md_row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def report(n: int, articles: int, plain: dict | None, law: dict, again: dict, imp: dict, check: dict, serve: ServeRun | None, rounds: int = 1) -> str:
    """The corpus table: both builds side by side, then lawsite's own commands.
    lawsite is built twice: from nothing (no build cache), then again after
    one law was edited, with the cache of the first build kept (as a CI job
    keeps `.cache/`). Plain MkDocs keeps nothing between builds, so its one
    build stands beside both."""
    medians = f"; first builds: the round of {rounds} whose wall-time ratio is the median (each round below)" if rounds > 1 else ""
    rows = [f"Corpus: {n} documents, {articles} articles (lawsite parse); both sites built in this run{medians}; peer: {PEER}.", ""]
    rows += [md_row("", "plain Material", "lawsite", "ratio", "target"), md_row("---", "---:", "---:", "---:", "---")]

    def row(label: str, key: str, fmt: str, target: str, law: dict = law) -> None:
        p = plain[key] if plain else None
        shown_p = format(p, fmt) if p is not None else "–"
        rows.append(md_row(label, shown_p, format(law[key], fmt), ratio(law[key], p) if p else "–", target))

    row("build wall time (s): first build, no cache", "seconds", ".1f", "")
    row("build wall time (s): again, one law edited, cache kept", "seconds", ".1f", "≤ 0.5× plain", again)
    row("build CPU time (s): first build", "cpu_seconds", ".1f", "user + sys, all processes")
    row("build CPU time (s): again", "cpu_seconds", ".1f", "", again)
    row("peak memory (MB): first build", "tree_pss_mb", ".0f", "≤ plain (PSS of all processes at once, sampled every 0.1 s)")
    row("peak memory (MB): again", "tree_pss_mb", ".0f", "≤ plain", again)
    row("peak RSS sum (MB): first build", "tree_peak_mb", ".0f", "counts pages forked processes share once in each")
    row("largest process (MB)", "peak_mb", ".0f", "lawsite: one MkDocs part or one Pagefind run")
    row("output (MB)", "output_mb", ".1f", "≤ 150 MB")
    row("files", "files", "d", "")
    row("HTML pages", "pages", "d", "")
    row("mean page (kB)", "page_kb_mean", ".1f", "")
    row("largest page (kB)", "page_kb_max", ".0f", "")
    rows += ["", *ALONE_HEAD]
    rows.append(md_row("`lawsite import`", f"{imp['seconds']:.1f}", f"{imp['cpu_seconds']:.1f}", f"{imp['peak_mb']:.0f}", ""))
    rows.append(md_row("`lawsite check`", f"{check['seconds']:.2f}", f"{check['cpu_seconds']:.2f}", f"{check['peak_mb']:.0f}", "≤ 3 s"))
    if serve:
        rows += serve_rows(serve)
    return "\n".join(rows)


ALONE_HEAD = (md_row("lawsite alone", "wall (s)", "CPU (s)", "peak (MB)", "target"), md_row("---", "---:", "---:", "---:", "---"))


def serve_rows(serve: ServeRun) -> list[str]:
    shown = serve.shown()
    missed = len(serve.draft) - len(shown)
    median = f"{statistics.median(shown):.2f}" if shown else "–"
    worst = f"{shown[-1]:.2f}" if shown else "–"
    law = f"{serve.law:.2f}" if serve.law is not None else f"never (in {SERVE_TIMEOUT:.0f} s)"
    return [md_row("`lawsite serve`: first page", f"{serve.first:.1f}", "", "", "≤ 15 s"),
            md_row("`lawsite serve`: a change to the draft shown", median, "", "", f"≤ 1 s (median of {len(serve.draft)} changes)"),
            md_row("`lawsite serve`: the slowest of those changes", worst, "", "", "≤ 1 s"),
            md_row(f"`lawsite serve`: changes never shown (in {SERVE_TIMEOUT:.0f} s)", f"{missed} of {len(serve.draft)}", "", "", "none"),
            md_row("`lawsite serve`: a change to an opened law page shown", law, "", "", "≤ 1 s")]


def draft_rows(articles: int, builds: tuple[dict, dict]) -> list[str]:
    first, again = builds

    def cells(build: dict) -> tuple[str, str, str]:
        return f"{build['seconds']:.1f}", f"{build['cpu_seconds']:.1f}", f"{build['tree_pss_mb']:.0f}"

    return [md_row(f"large draft ({articles:,} articles): first build, no cache", *cells(first), ""),
            md_row("large draft: again, one article edited", *cells(again), "≤ 120 s")]


def edit_one_law(content: Path) -> None:
    """A few words added to the last article of the law in the middle of the
    list, as an editor's fix would."""
    laws = sorted((content / "laws").rglob("*.md"))
    law = laws[len(laws) // 2]
    law.write_text(law.read_text(encoding="utf-8").rstrip() + "（本句为基准测试所加）\n", encoding="utf-8")


def count_articles(content: Path) -> int:
    from lawsite.gather.site import load_site

    site = load_site(content)
    return sum(len(d.legal.articles) for d in site.documents.values() if d.legal)


def measure_large_draft(root: Path, articles: int) -> tuple[dict[str, float], dict[str, float]]:
    """The large draft built from nothing (no .cache/ beside its mkdocs.yml),
    then again after its first article was edited (the QR codes kept)."""
    shutil.rmtree(root, ignore_errors=True)
    config = make_large_draft(root, articles)
    first = measured([*LAWSITE, "-f", str(config), "build", "-d", str(root / "out")], root)
    draft = root / "content" / "drafts" / "large-draft.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("内容。", "改过的内容。", 1), encoding="utf-8")
    return first, measured([*LAWSITE, "-f", str(config), "build", "-d", str(root / "out")], root)


def measure_corpus(args: argparse.Namespace, root: Path) -> None:
    """Both corpus sites built and measured, then `check` and `serve`; prints the table."""
    files = pick(args.corpus, args.limit)
    plain_cfg = make_plain(root / "plain", args.corpus, files)
    (root / "lawsite").mkdir(exist_ok=True)
    law_cfg, imp = make_lawsite(root / "lawsite", args.corpus, files)
    build = [*LAWSITE, "-f", str(law_cfg), "build", "-d", str(root / "lawsite-out"), *(["--jobs", str(args.jobs)] if args.jobs else [])]
    plain_build = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain_cfg), "-d", str(root / "plain-out")]
    plains, laws = [], []
    for _ in range(args.rounds):  # plain, then lawsite, in turns: each round's ratio is of builds a minute apart
        if not args.skip_plain:
            set_aside(root, root / "plain-out")
            plains.append(measured(plain_build, root))
        set_aside(root, root / "lawsite-out")
        set_aside(root, root / "lawsite" / ".cache")  # from nothing, even in a kept folder
        laws.append(measured(build, root))
    middle = median_round(plains, laws)
    plain = plains[middle] | output_stats(root / "plain-out") if plains else None
    law = laws[middle] | output_stats(root / "lawsite-out")
    edit_one_law(root / "lawsite" / "content")
    again = measured(build, root)
    check = measured([*LAWSITE, "-f", str(law_cfg), "check"], root)
    serve = None
    if not args.skip_serve:
        try:
            serve = serve_latency(root / "lawsite", law_cfg)
        except SystemExit as exc:
            print(f"serve not measured: {exc}", file=sys.stderr)
    print(report(len(files), count_articles(root / "lawsite" / "content"), plain, law, again, imp, check, serve, args.rounds), flush=True)
    if args.rounds > 1:
        print("\n" + "\n".join(round_rows(plains, laws)), flush=True)


def set_aside(root: Path, path: Path) -> None:
    """Move `path` out of the way, into a folder removed only at the end: on
    ext4, creating files is slower for minutes after many were deleted, and a
    build would pay for the one before it."""
    if path.exists():
        aside = root / "set-aside"
        aside.mkdir(exist_ok=True)
        path.rename(aside / f"{path.name}-{len(list(aside.iterdir()))}")


def median_round(plains: list[dict[str, float]], laws: list[dict[str, float]]) -> int:
    """The round whose wall-time ratio is the median (the lower of two
    middles), or whose lawsite build is, without plain builds: the table
    shows the two builds of one round, which ran a minute apart (medians of
    each figure on its own would pair builds from different rounds, on a
    machine whose speed drifts)."""
    if plains:
        order = sorted(range(len(laws)), key=lambda i: laws[i]["seconds"] / plains[i]["seconds"])
    else:
        order = sorted(range(len(laws)), key=lambda i: laws[i]["seconds"])
    return order[(len(order) - 1) // 2]


def round_rows(plains: list[dict], laws: list[dict]) -> list[str]:
    """Each round's first builds, so that the spread is seen beside the medians."""
    rows = [md_row("first build, round", "plain wall (s)", "lawsite wall (s)", "ratio", "plain CPU (s)", "lawsite CPU (s)", "ratio"),
            md_row("---", "---:", "---:", "---:", "---:", "---:", "---:")]
    for number, law in enumerate(laws, start=1):
        plain = plains[number - 1] if plains else {"seconds": 0, "cpu_seconds": 0}
        rows.append(md_row(str(number), f"{plain['seconds']:.1f}", f"{law['seconds']:.1f}", ratio(law["seconds"], plain["seconds"]),
                           f"{plain['cpu_seconds']:.1f}", f"{law['cpu_seconds']:.1f}", ratio(law["cpu_seconds"], plain["cpu_seconds"])))
    if plains:
        ratios = sorted(law["seconds"] / plain["seconds"] for plain, law in zip(plains, laws))
        rows.append(f"\nWall-time ratio over {len(ratios)} rounds: median {statistics.median(ratios):.2f}×, {ratios[0]:.2f}–{ratios[-1]:.2f}×.")
    return rows


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--measure":
        measure_main(sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="only N documents, spread over the corpus (quick run)")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary folder)")
    parser.add_argument("--skip-plain", action="store_true", help="do not build the plain MkDocs site")
    parser.add_argument("--skip-serve", action="store_true", help="do not measure the serve reload")
    parser.add_argument("--serve-only", action="store_true", help="only the serve reload, on the lawsite site of an earlier --keep run")
    parser.add_argument("--skip-draft", action="store_true", help="do not build the large draft")
    parser.add_argument("--draft-only", action="store_true", help="only the large draft")
    parser.add_argument("--rounds", type=int, default=1, help="first builds of both sites, in turns, N times: the table shows the round whose ratio is the median, and each round's builds below (default: 1)")
    parser.add_argument("--jobs", type=int, help="`lawsite build --jobs N` for the corpus builds (default: lawsite's own, one per CPU)")
    parser.add_argument("--draft-articles", type=int, default=99_990, help="articles in the large draft (default: 99,990, the most there can be)")
    args = parser.parse_args()
    if args.serve_only:
        if not args.keep or not (args.keep / "lawsite" / "mkdocs.yml").is_file():
            raise SystemExit("--serve-only needs --keep DIR of an earlier run")
        print("\n".join(serve_rows(serve_latency(args.keep / "lawsite", args.keep / "lawsite" / "mkdocs.yml"))))
        return
    root = args.keep or Path(tempfile.mkdtemp(prefix="lawsite-scale-"))
    root.mkdir(parents=True, exist_ok=True)
    env_note = f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start"
    try:
        if not args.draft_only:
            measure_corpus(args, root)
        if not args.skip_draft:  # the rows go on the table printed above (or under a head of their own)
            rows = draft_rows(args.draft_articles, measure_large_draft(root / "draft", args.draft_articles))
            apart = args.draft_only or args.rounds > 1  # after the rounds' table, not the corpus table's lawsite rows
            print("\n".join(["", *ALONE_HEAD, *rows] if apart else rows))
        kept = f"; sites in {root}" if args.keep else ""
        print(f"\n({env_note}; {os.getloadavg()[0]:.1f} at the end{kept})")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
