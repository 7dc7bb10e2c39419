"""The tiers of contact points: `parent:` makes a tree (联系点 → 联络站 →
信息采集点, any depth).

Pure: `tiers_of(points)` checks every `parent:` and returns the tree of the
links that hold (an unknown parent or a link closing a circle is reported and
left out, so the point stands at the top) with the problems found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..messages import Text, msg
from ..model import Document, Problem


@dataclass(frozen=True)
class Tiers:
    parents: dict[str, str] = field(default_factory=dict)  # point id → the id above it
    children: dict[str, list[str]] = field(default_factory=dict)  # point id → the ids below it, in site order

    def roots(self, point_ids: list[str]) -> list[str]:
        return [p for p in point_ids if p not in self.parents]

    def below(self, point_id: str) -> list[str]:
        """Every point under `point_id`, at any depth, depth first."""
        found: list[str] = []
        stack = list(reversed(self.children.get(point_id, [])))
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(reversed(self.children.get(current, [])))
        return found

    def above(self, point_id: str) -> list[str]:
        """The points above `point_id`, the top one first."""
        chain: list[str] = []
        current = self.parents.get(point_id)
        while current is not None:
            chain.insert(0, current)
            current = self.parents.get(current)
        return chain


def tiers_of(points: list[Document]) -> tuple[Tiers, list[Problem]]:
    """The tree the points' `parent:` make, and what is wrong with it."""
    by_id = {p.id: p for p in points}
    parents: dict[str, str] = {}
    problems: list[Problem] = []
    for point in points:
        parent = point.contact_point.parent if point.contact_point else None
        if parent is None:
            continue
        if parent not in by_id:
            known = ", ".join(sorted(i for i in by_id if i != point.id)[:8]) or "—"
            problems.append(_problem(point, msg("unknown-parent", parent=parent), msg("unknown-parent.hint", known=known), "unknown-parent"))
            continue
        parents[point.id] = parent
    for point in points:  # each link is walked once per point: at most n² for n points, no more
        circle = _circle_from(point.id, parents)
        if circle:
            names = " → ".join(circle + circle[:1])
            problems.append(_problem(point, msg("tier-cycle", names=names), msg("tier-cycle.hint"), "tier-cycle"))
            del parents[point.id]  # breaks the circle: this point stands at the top
    children: dict[str, list[str]] = {}
    for point in points:
        if point.id in parents:
            children.setdefault(parents[point.id], []).append(point.id)
    return Tiers(parents, children), problems


def _circle_from(start: str, parents: dict[str, str]) -> list[str]:
    """The circle `start` is on, from `start`; [] when its parents reach a top."""
    path = [start]
    current = parents.get(start)
    while current is not None and current != start and len(path) <= len(parents):
        path.append(current)
        current = parents.get(current)
    return path if current == start else []


def _problem(point: Document, message: Text, hint: Text, code: str) -> Problem:
    return Problem(point.path, point.front_lines.get(("parent",)), "parent", message, hint, code=code)
