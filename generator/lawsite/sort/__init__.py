"""`lawsite sort`: a table of comments → groups with a proposed article each.

read (`comments.py`) → propose an article per comment (`mentions.py`,
`matching.py`) → group near-duplicates among comments on the same article
(`grouping.py`) → the review worksheet or a CSV (`worksheet.py`, where the
columns are defined once, for `tally` to read back). Deterministic: no
network, no model, no randomness that is not seeded.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import GENERAL
from .comments import Comment
from .grouping import group
from .matching import NONE, ArticleIndex, Proposal, propose_all


@dataclass
class Sorted:
    comment: Comment
    proposal: Proposal
    group: str = ""  # the group's name, G0001 …


@dataclass
class Group:
    name: str
    article: str
    members: list[Sorted] = field(default_factory=list)

    @property
    def sample(self) -> Sorted:
        """The member whose proposal is surest (the first of those)."""
        return max(self.members, key=lambda s: s.proposal.confidence)

    @property
    def confidence(self) -> float:
        return min(s.proposal.confidence for s in self.members)

    @property
    def flagged(self) -> bool:
        return any(s.proposal.flagged for s in self.members)

    def counted(self, attribute: str) -> str:
        """'网站 12、信函 1': the members' channels or points, most frequent first."""
        counts = Counter(getattr(s.comment, attribute) or "—" for s in self.members)
        return "、".join(f"{name} {n}" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


@dataclass
class Result:
    comments: list[Sorted]
    groups: list[Group]


def sort_comments(comments: list[Comment], index: ArticleIndex) -> Result:
    """Propose an article for each comment and group those alike."""
    proposals = _propose_unique(comments, index)
    items = [Sorted(c, p) for c, p in zip(comments, proposals)]
    numbers = group([c.text for c in comments], [p.article for p in proposals])
    by_number: dict[int, list[Sorted]] = {}
    for item, number in zip(items, numbers):
        by_number.setdefault(number, []).append(item)
    order = {GENERAL: -1, **{a: i for i, a in enumerate(index.ids)}, NONE: len(index.ids)}
    ranked = sorted(by_number.values(), key=lambda m: (order[m[0].proposal.article], -len(m)))
    width = max(4, len(str(len(ranked))))
    groups = []
    for n, members in enumerate(ranked, start=1):
        name = f"G{n:0{width}d}"
        for member in members:
            member.group = name
        groups.append(Group(name, members[0].proposal.article, members))
    return Result(items, groups)


def _propose_unique(comments: list[Comment], index: ArticleIndex) -> list[Proposal]:
    """Each distinct (text, named article) is compared once: campaigns repeat texts."""
    keys = [(c.text, c.article) for c in comments]
    unique = list(dict.fromkeys(keys))
    proposals = dict(zip(unique, propose_all(index, [t for t, _ in unique], [a for _, a in unique])))
    return [proposals[k] for k in keys]
