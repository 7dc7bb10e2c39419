"""The redline between two readings of a draft, article by article.

Pure functions over the domain model: no MkDocs, no HTML.

`align_readings` pairs the articles of an earlier reading with those of a later
one and classifies each pair (unchanged, changed, renumbered, …);
`char_diff` gives the character diff of one changed article, grouped into runs
a reader can follow; `summary` counts the statuses.

Alignment, in three passes:

1. Anchors: a text that occurs exactly once in each reading pairs up at once.
   Only a longest increasing run of them is kept, so anchors never cross.
2. Between consecutive anchors, a monotone (LCS-style) dynamic programme pairs
   the rest by character similarity: legal texts keep their order, and this is
   what turns "one article inserted before 第十二条" into renumbered articles
   rather than removed + added ones.
3. Leftovers on both sides that are still similar enough are paired as moved
   articles (an article relocated to another chapter).

A pair below `THRESHOLD` similarity is not a pair: it stays removed + added.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum
from functools import cached_property
from typing import Container, Iterable, Literal, Sequence

from lawsite.model import Article

THRESHOLD = 0.5  # minimum similarity for two articles to be one article
SAME_NUMBER_BONUS = 0.05  # breaks ties towards keeping the article number
# Subtracted from each pair's weight in the DP, so one good pair beats two
# barely-similar crossing ones (0.5 + 0.5 would otherwise beat 0.95).
PAIR_DISCOUNT = 0.25
SMALL_EQUAL = 2  # equal runs up to this length between changes are absorbed
# Candidates for pairing, so that not every pair is scored: the articles
# sharing the most distinctive character trigrams with the new one, plus those
# within BAND places of it counted from either end of the stretch between two
# anchors (short texts have few trigrams to go by).
CANDIDATES = 6
BAND = 3
NGRAM = 3


class Status(str, Enum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    RENUMBERED = "renumbered"  # same text, new number
    RENUMBERED_CHANGED = "renumbered-changed"


Op = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class Segment:
    """A run of the character diff: `equal` text is in both readings."""

    op: Op
    text: str


@dataclass(frozen=True)
class ArticleChange:
    """One article's fate between two readings.

    `old` is None for ADDED, `new` is None for REMOVED. `similarity` is the
    difflib ratio of the two texts (1.0 when equal, 0.0 when unpaired);
    `segments` is the character diff old→new, empty unless the text changed.
    """

    status: Status
    old: Article | None
    new: Article | None
    similarity: float
    segments: tuple[Segment, ...] = ()

    @property
    def article(self) -> Article:
        """The article to show: the new one, or the old one if removed."""
        article = self.new or self.old
        assert article is not None
        return article


# --- public API --------------------------------------------------------------


def article_text(article: Article) -> str:
    """The text compared and diffed: the caption (条旨) as written, then the
    article's plain text. The label (第N条) is left out: numbers are the
    business of the status, not of the diff."""
    caption = f"（{article.caption}）" if article.caption else ""
    return caption + article.plain_text()


def align_readings(old: list[Article], new: list[Article]) -> list[ArticleChange]:
    """Align an earlier reading's articles with a later one's.

    Output follows the new text; a removed article comes right after the
    aligned article that preceded it in the old text.
    """
    old_texts = [article_text(a) for a in old]
    new_texts = [article_text(a) for a in new]
    scorer = _Scorer(old_texts, new_texts)
    anchors = _anchors(old_texts, new_texts)
    pairs: list[tuple[int, int]] = []
    bounds = [(-1, -1), *anchors, (len(old), len(new))]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
        pairs.extend(_align_gap(scorer, old, new, range(i0 + 1, i1), range(j0 + 1, j1)))
        if i1 < len(old):
            pairs.append((i1, j1))
    moved = _pair_moved(scorer, pairs, len(old), len(new))
    return _assemble(old, new, old_texts, new_texts, scorer, pairs, moved)


def char_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Character diff of `old` → `new`, grouped into readable runs.

    Equal runs of one or two characters, or of punctuation only, between two
    changes are folded into the change, so the reader sees "删除 A / 增加 B"
    blocks instead of confetti. In each block the deletion comes first.
    """
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    raw: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            raw.append(Segment("equal", old[i1:i2]))
            continue
        if i2 > i1:
            raw.append(Segment("delete", old[i1:i2]))
        if j2 > j1:
            raw.append(Segment("insert", new[j1:j2]))
    return _group(raw)


def summary(changes: Iterable[ArticleChange]) -> dict[str, int]:
    """Counts by status value, every status present (zero if none)."""
    counts = Counter(change.status for change in changes)
    return {status.value: counts[status] for status in Status}


# --- similarity ---------------------------------------------------------------


class _Scorer:
    """Similarity of old[i] and new[j], cached, with cheap cut-offs first.

    The length ratio and the character-bag overlap (difflib's real_quick_ratio
    and quick_ratio, the latter computed here from precomputed bags) are upper
    bounds of ratio, so a pair they put below the threshold is skipped
    without the costly matching-blocks computation.
    """

    def __init__(self, old_texts: list[str], new_texts: list[str]):
        self.old_texts = old_texts
        self.new_texts = new_texts
        self._old_bags = [Counter(t) for t in old_texts]
        self._new_bags = [Counter(t) for t in new_texts]
        self._cache: dict[tuple[int, int], float] = {}
        self._matchers: dict[int, SequenceMatcher[str]] = {}

    @cached_property
    def _index(self) -> dict[str, list[int]]:
        # Built only when some stretch between anchors needs it.
        return _ngram_index(self.old_texts)

    def likely(self, j: int, allowed: Container[int]) -> list[int]:
        """Old articles among `allowed` sharing the most trigrams with new[j]."""
        votes: Counter[int] = Counter()
        for gram in _ngrams(self.new_texts[j]):
            votes.update(self._index.get(gram, ()))
        found = (i for i, _ in votes.most_common() if i in allowed)
        return [i for _, i in zip(range(CANDIDATES), found)]

    def similarity(self, i: int, j: int) -> float:
        """ratio(old[i], new[j]), or 0.0 if it is certainly below THRESHOLD."""
        if (i, j) not in self._cache:
            self._cache[i, j] = self._compute(i, j)
        return self._cache[i, j]

    def _compute(self, i: int, j: int) -> float:
        a, b = self.old_texts[i], self.new_texts[j]
        if a == b:
            return 1.0
        total = len(a) + len(b)
        if total == 0 or 2 * min(len(a), len(b)) < THRESHOLD * total:
            return 0.0
        if 2 * _bag_overlap(self._old_bags[i], self._new_bags[j]) < THRESHOLD * total:
            return 0.0
        matcher = self._matcher(j)
        matcher.set_seq1(a)
        ratio = matcher.ratio()
        return ratio if ratio >= THRESHOLD else 0.0

    def _matcher(self, j: int) -> SequenceMatcher[str]:
        # One matcher per new text: difflib caches its index of seq2.
        if j not in self._matchers:
            matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
            matcher.set_seq2(self.new_texts[j])
            self._matchers[j] = matcher
        return self._matchers[j]


def _ngrams(text: str) -> set[str]:
    return {text[k : k + NGRAM] for k in range(len(text) - NGRAM + 1)}


def _ngram_index(texts: list[str]) -> dict[str, list[int]]:
    """Trigram → texts containing it, without trigrams too common to tell
    articles apart (in the 刑法, 有期徒 is in over a hundred articles)."""
    index: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        for gram in _ngrams(text):
            index.setdefault(gram, []).append(i)
    common = max(8, len(texts) // 10)
    return {gram: ids for gram, ids in index.items() if len(ids) <= common}


def _bag_overlap(a: Counter[str], b: Counter[str]) -> int:
    """Characters the two texts have in common, counted with multiplicity."""
    if len(a) > len(b):
        a, b = b, a
    return sum(min(count, b[char]) for char, count in a.items() if char in b)


# --- alignment passes ---------------------------------------------------------


def _anchors(old_texts: list[str], new_texts: list[str]) -> list[tuple[int, int]]:
    """Pairs of texts unique on both sides, reduced to a non-crossing chain."""
    old_count, new_count = Counter(old_texts), Counter(new_texts)
    new_index = {t: j for j, t in enumerate(new_texts) if new_count[t] == 1}
    candidates = [
        (i, new_index[t])
        for i, t in enumerate(old_texts)
        if old_count[t] == 1 and t in new_index
    ]
    return _longest_increasing(candidates)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain of pairs increasing in both coordinates (input sorted by i)."""
    tails: list[int] = []  # smallest j ending a chain of each length
    tail_at: list[int] = []  # index into pairs of that chain's end
    parent: list[int] = []
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos], tail_at[pos] = j, k
        parent.append(tail_at[pos - 1] if pos else -1)
    chain: list[tuple[int, int]] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = parent[k]
    return chain[::-1]


def _align_gap(
    scorer: _Scorer,
    old: Sequence[Article],
    new: Sequence[Article],
    old_range: range,
    new_range: range,
) -> list[tuple[int, int]]:
    """Monotone pairing of old[old_range] with new[new_range] maximising the
    total weight (similarity, a same-number bonus, less a per-pair discount)."""
    m, n = len(old_range), len(new_range)
    if m == 0 or n == 0:
        return []
    weight = [[0.0] * n for _ in range(m)]
    for a, b in _candidate_pairs(scorer, old_range, new_range):
        weight[a][b] = _weight(scorer, old, new, old_range[a], new_range[b])
    best = [[0.0] * (n + 1) for _ in range(m + 1)]
    for a in range(1, m + 1):
        row, prev, w_row = best[a], best[a - 1], weight[a - 1]
        for b in range(1, n + 1):
            w = w_row[b - 1]
            diag = prev[b - 1] + w if w > 0 else 0.0
            row[b] = max(prev[b], row[b - 1], diag)
    return _trace_back(best, weight, old_range, new_range)


def _candidate_pairs(scorer: _Scorer, old_range: range, new_range: range) -> set[tuple[int, int]]:
    """(a, b) offsets into the ranges worth scoring, see CANDIDATES."""
    m, n = len(old_range), len(new_range)
    pairs: set[tuple[int, int]] = set()
    for b, j in enumerate(new_range):
        pairs.update((i - old_range.start, b) for i in scorer.likely(j, old_range))
        for a in (b, m - n + b):  # the diagonals from the start and from the end
            pairs.update((x, b) for x in range(a - BAND, a + BAND + 1) if 0 <= x < m)
    return pairs


def _weight(scorer: _Scorer, old: Sequence[Article], new: Sequence[Article], i: int, j: int) -> float:
    sim = scorer.similarity(i, j)
    if sim == 0.0:
        return 0.0
    bonus = SAME_NUMBER_BONUS if old[i].key == new[j].key else 0.0
    return sim - PAIR_DISCOUNT + bonus


def _trace_back(
    best: list[list[float]],
    weight: list[list[float]],
    old_range: range,
    new_range: range,
) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    a, b = len(old_range), len(new_range)
    while a > 0 and b > 0:
        w = weight[a - 1][b - 1]
        if w > 0 and best[a][b] == best[a - 1][b - 1] + w:
            pairs.append((old_range[a - 1], new_range[b - 1]))
            a, b = a - 1, b - 1
        elif best[a][b] == best[a - 1][b]:
            a -= 1
        else:
            b -= 1
    return pairs[::-1]


def _pair_moved(
    scorer: _Scorer, pairs: list[tuple[int, int]], n_old: int, n_new: int
) -> list[tuple[int, int]]:
    """Greedy, best first, pairing of leftovers: articles moved out of order."""
    used_old = {i for i, _ in pairs}
    used_new = {j for _, j in pairs}
    left_old = set(range(n_old)) - used_old
    left_new = [j for j in range(n_new) if j not in used_new]
    if not left_old:
        return []
    scored = [(scorer.similarity(i, j), i, j) for j in left_new for i in scorer.likely(j, left_old)]
    moved: list[tuple[int, int]] = []
    for sim, i, j in sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1], s[2])):
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        moved.append((i, j))
    return moved


# --- output -------------------------------------------------------------------


def _assemble(
    old: list[Article],
    new: list[Article],
    old_texts: list[str],
    new_texts: list[str],
    scorer: _Scorer,
    pairs: list[tuple[int, int]],
    moved: list[tuple[int, int]],
) -> list[ArticleChange]:
    """Changes in new-text order; removed ones after their old predecessor."""
    partner = {j: i for i, j in [*pairs, *moved]}
    in_order = {i for i, _ in pairs}
    moved_old = {i for i, _ in moved}
    # Removed old articles grouped under the last in-order paired article
    # before them (not a moved one: that one now stands elsewhere).
    removed_after: dict[int, list[int]] = {}
    anchor = -1
    for i in range(len(old)):
        if i in in_order:
            anchor = i
        elif i not in moved_old:
            removed_after.setdefault(anchor, []).append(i)

    def removed(after: int) -> list[ArticleChange]:
        return [ArticleChange(Status.REMOVED, old[i], None, 0.0) for i in removed_after.pop(after, [])]

    changes = removed(-1)
    for j, article in enumerate(new):
        i = partner.get(j)
        if i is None:
            changes.append(ArticleChange(Status.ADDED, None, article, 0.0))
            continue
        changes.append(_pair_change(old[i], article, old_texts[i], new_texts[j], scorer.similarity(i, j)))
        changes.extend(removed(i))
    return changes


def _pair_change(old: Article, new: Article, old_text: str, new_text: str, sim: float) -> ArticleChange:
    same_number = old.key == new.key
    if old_text == new_text:
        status = Status.UNCHANGED if same_number else Status.RENUMBERED
        return ArticleChange(status, old, new, 1.0)
    status = Status.CHANGED if same_number else Status.RENUMBERED_CHANGED
    return ArticleChange(status, old, new, sim, char_diff(old_text, new_text))


# --- diff grouping ------------------------------------------------------------


def _group(raw: list[Segment]) -> tuple[Segment, ...]:
    """Fold small equal runs between changes into them; emit each block of
    changes as one deletion followed by one insertion."""
    out: list[Segment] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            out.append(Segment("delete", "".join(deleted)))
        if inserted:
            out.append(Segment("insert", "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for k, seg in enumerate(raw):
        if seg.op == "delete":
            deleted.append(seg.text)
        elif seg.op == "insert":
            inserted.append(seg.text)
        elif (deleted or inserted) and k + 1 < len(raw) and _is_minor(seg.text):
            # Between two changes (an equal run is never followed by another).
            deleted.append(seg.text)
            inserted.append(seg.text)
        else:
            flush()
            out.append(seg)
    flush()
    return tuple(out)


def _is_minor(text: str) -> bool:
    """Too small to read as "unchanged" between two edits."""
    return len(text) <= SMALL_EQUAL or all(_is_punct_or_space(c) for c in text)


def _is_punct_or_space(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "PZ"
