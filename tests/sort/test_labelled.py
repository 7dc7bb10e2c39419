"""The labelled sets: sound labels, and `lawsite sort` meeting its targets on them.

Not timed (the 100,000-comment case is benchmarks/sort.py's): these are
quality bounds — ≥ 90 % of comments on the right article, pairwise F1 ≥ 0.9.
"""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest
from lawsite.sort import sort_comments
from lawsite.sort.comments import read_table
from lawsite.sort.drafts import draft_from_file
from lawsite.sort.matching import ArticleIndex

pytestmark = pytest.mark.corpus

LABELLED = Path(__file__).parent / "labelled"
SETS = json.loads((LABELLED / "sets.json").read_text(encoding="utf-8"))
_spec = importlib.util.spec_from_file_location("sort_benchmark", Path(__file__).resolve().parents[2] / "benchmarks" / "sort.py")
benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(benchmark)


def rows(name: str) -> list[dict[str, str]]:
    with (LABELLED / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_sets_hold_enough_comments_in_every_style() -> None:
    every = [row for name in SETS for row in rows(name)]
    assert len(every) >= 300
    labels = [row["expected_article"] for row in every]
    assert labels.count("总体") >= 20 and labels.count("none") >= 10
    assert sum(row["article"] != "" for row in every) >= 10  # the form's article column
    assert sum("“" in row["text"] for row in every) >= 10  # quotations
    campaigns = {row["expected_group"] for row in every if "campaign" in row["expected_group"]}
    assert len(campaigns) >= 6


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_label_names_an_article_of_its_law(name: str, corpus: Path) -> None:
    draft = draft_from_file(corpus / SETS[name])
    assert 40 <= len(draft.legal.articles) <= 90
    known = {a.label for a in draft.legal.articles} | {"总体", "none"}
    assert {row["expected_article"] for row in rows(name)} <= known


@pytest.mark.parametrize("name", sorted(SETS))
def test_sort_meets_its_targets_on_the_set(name: str, corpus: Path) -> None:
    index = ArticleIndex(draft_from_file(corpus / SETS[name]))
    result = sort_comments(read_table(LABELLED / name).comments, index)
    right = sum(index.label(c.proposal.article) == c.comment.cells["expected_article"] for c in result.comments)
    assert right / len(result.comments) >= 0.9
    truth = [c.comment.cells["expected_group"] or f"alone-{c.comment.id}" for c in result.comments]
    assert benchmark.pairwise(truth, [c.group for c in result.comments])[2] >= 0.9


def test_pairwise_scores() -> None:
    assert benchmark.pairwise(["a", "a", "b"], ["x", "x", "y"]) == (1.0, 1.0, 1.0)
    precision, recall, f1 = benchmark.pairwise(["a", "a", "b", "b"], ["x", "x", "x", "y"])
    assert (precision, recall) == (1 / 3, 1 / 2) and f1 == pytest.approx(0.4)
