"""`lawsite sort` on the labelled sets, then at 100,000 comments.

Usage::

    python benchmarks/sort.py [--corpus DIR] [--scale N] [--keep DIR] [--misses]

The labelled sets are tests/sort/labelled/*.csv (sets.json names the corpus
law each is about; tests/sort/labelled/build.py writes them). For each set it
prints article accuracy (the proposal equals `expected_article`), the share
of comments proposed with low confidence (left to the editor), and pairwise
precision, recall and F1 of the groups against `expected_group` (an empty
group: the comment is alone). The scale case resamples the first set to N
comments, perturbing each copy (a character dropped, doubled or replaced, a
greeting or a thank-you added), and times `lawsite sort` on it in its own
process: wall time and peak RSS (ru_maxrss of the child), writing the .xlsx
included (and CPU time, steadier on a shared machine). Targets: ≥ 90 % accuracy, F1 ≥ 0.9, 100,000 in ≤ 60 s and ≤ 1 GB.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

from lawsite.sort import sort_comments
from lawsite.sort.comments import read_comments
from lawsite.sort.drafts import draft_from_file
from lawsite.sort.matching import ArticleIndex

LABELLED = Path(__file__).resolve().parents[1] / "tests" / "sort" / "labelled"
GREETINGS = ("您好，", "领导好！", "", "", "我是一名普通市民，", "")
THANKS = ("", "谢谢！", "", "望采纳。", "", "辛苦了")


def pairwise(truth: list[str], predicted: list[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over all pairs of comments put in one group."""
    def pairs(labels: list[str]) -> set[tuple[int, int]]:
        members: dict[str, list[int]] = {}
        for i, name in enumerate(labels):
            members.setdefault(name, []).append(i)
        return {p for group in members.values() for p in combinations(group, 2)}

    true_pairs, found = pairs(truth), pairs(predicted)
    hit = len(true_pairs & found)
    precision = hit / len(found) if found else 1.0
    recall = hit / len(true_pairs) if true_pairs else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if hit else 0.0


def evaluate(path: Path, law: Path, show_misses: bool) -> tuple[int, int, int]:
    draft = draft_from_file(law)
    table = read_comments(path.read_bytes(), str(path))
    started = time.perf_counter()
    index = ArticleIndex(draft)
    result = sort_comments(table.comments, index)
    elapsed = time.perf_counter() - started
    right = low = 0
    for item in result.comments:
        proposed = index.label(item.proposal.article)
        right += proposed == item.comment.cells["expected_article"]
        low += item.proposal.low
        if show_misses and proposed != item.comment.cells["expected_article"]:
            print(f"    miss {item.comment.id}: {proposed} ({item.proposal.confidence:.2f} {item.proposal.reason}) ≠ {item.comment.cells['expected_article']}: {item.comment.text[:60]}")
    truth = [c.comment.cells["expected_group"] or f"alone-{c.comment.id}" for c in result.comments]
    precision, recall, f1 = pairwise(truth, [c.group for c in result.comments])
    n = len(result.comments)
    print(f"{path.name}: {n} comments on {draft.title} ({len(index.ids)} articles) in {elapsed:.2f} s")
    print(f"  article accuracy {right / n:.1%} ({right}/{n}); low confidence {low / n:.1%}; {len(result.groups)} groups")
    print(f"  groups, pairwise: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    return n, right, low


def perturbed(text: str, rng: random.Random) -> str:
    chars = list(text)
    if len(chars) > 4:
        at = rng.randrange(len(chars))
        kind = rng.randrange(3)
        if kind == 0:
            del chars[at]
        elif kind == 1:
            chars.insert(at, chars[at])
        else:
            chars[at] = rng.choice("的了啊呢吧，")
    return rng.choice(GREETINGS) + "".join(chars) + rng.choice(THANKS)


def synthesise(source: Path, count: int, out: Path) -> None:
    with source.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rng = random.Random(7)
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["id", "channel", "point", "article", "text", "received"], extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for n in range(count):
            row = dict(rng.choice(rows))
            row["id"] = f"S{n:06d}"
            row["text"] = perturbed(row["text"], rng) if rng.random() < 0.8 else row["text"]
            writer.writerow(row)


def scale(law: Path, count: int, keep: Path | None) -> None:
    folder = keep or Path(tempfile.mkdtemp(prefix="lawsite-sort-"))
    folder.mkdir(parents=True, exist_ok=True)
    table = folder / "comments.csv"
    synthesise(LABELLED / "consumer.csv", count, table)
    command = [sys.executable, "-m", "lawsite.cli", "sort", str(table), "--concerns", str(law), "-o", str(folder / "sheet.xlsx")]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=os.environ, check=False)  # its exit code is printed
    elapsed = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
    print(f"scale: {count:,} comments ({table.stat().st_size / 1e6:.1f} MB) → {folder / 'sheet.xlsx'}")
    print(f"  {done.stdout.strip() or done.stderr.strip()[-500:]}")
    print(f"  wall {elapsed:.1f} s, CPU {cpu:.1f} s (target ≤ 60 s; CPU time is what a shared machine cannot inflate much), peak RSS {peak:.0f} MB (target ≤ 1024 MB), exit {done.returncode}")
    print(f"  load average when done: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


def main() -> None:
    default = os.environ.get("LAWSITE_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--corpus", type=Path, default=Path(default))
    options.add_argument("--scale", type=int, default=100_000, help="comments in the scale case (0: skip it)")
    options.add_argument("--keep", type=Path, help="write the scale case's table and worksheet here")
    options.add_argument("--misses", action="store_true", help="list the comments proposed for the wrong article")
    args = options.parse_args()
    sets = json.loads((LABELLED / "sets.json").read_text(encoding="utf-8"))
    total = right = low = 0
    for name, law in sets.items():
        n, r, lo = evaluate(LABELLED / name, args.corpus / law, args.misses)
        total, right, low = total + n, right + r, low + lo
    print(f"all sets: article accuracy {right / total:.1%} of {total} (target ≥ 90 %); low confidence {low / total:.1%}")
    if args.scale:
        scale(args.corpus / next(iter(sets.values())), args.scale, args.keep)


if __name__ == "__main__":
    main()
