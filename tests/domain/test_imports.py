"""The package's import arrows, read from the source (ast, nothing imported):
no module imports itself back through others, and the domain — the typed
model, parsing and gathering — never reaches up into rendering, outputs or
MkDocs. Every import counts, also those under TYPE_CHECKING or in a function."""

from __future__ import annotations

import ast
from pathlib import Path

import lawsite

PACKAGE = Path(lawsite.__file__).parent
# The domain: modules (or packages) that must not know how pages look.
DOMAIN = ("model", "numerals", "parse", "gather", "consultation", "redline")
# What the domain may not import: our rendering and outputs, the adapter, and MkDocs itself.
ABOVE_DOMAIN = ("lawsite.plan", "lawsite.render", "lawsite.finish", "lawsite.emit", "lawsite.mkdocs_plugin", "mkdocs", "material")


def module_names() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    names: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ("lawsite", *path.relative_to(PACKAGE).with_suffix("").parts)
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The dotted names `name` imports: modules of the package where the import
    names one (`from . import x`, `from .x import y`), else what it names."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in known else target)
    return found - {name}


def import_graph() -> dict[str, set[str]]:
    modules = module_names()
    return {name: imports_of(name, path, set(modules)) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected group of modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue  # outside the package
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while (member := stack.pop()) != node:
                group.append(member)
            group.append(node)
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def is_under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_the_package_has_no_import_cycle() -> None:
    assert cycles(import_graph()) == []


def test_the_domain_never_imports_rendering_outputs_or_mkdocs() -> None:
    graph = import_graph()
    domain = tuple(f"lawsite.{name}" for name in DOMAIN)
    missing = [name for name in domain if name not in graph]
    assert missing == [], "a domain module was moved or renamed: update DOMAIN"
    arrows = sorted((source, target) for source, targets in graph.items() if is_under(source, domain) for target in targets if is_under(target, ABOVE_DOMAIN))
    assert arrows == []


def test_the_checks_see_a_cycle_and_an_upward_arrow() -> None:
    # The two checks above can fail: a cycle of three is found, and relative
    # imports of every depth are read (the adapter's arrow into render is real).
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    graph = import_graph()
    assert "lawsite.render.pages" in graph["lawsite.mkdocs_plugin"]  # from .render.pages import …
    assert "lawsite.parse.legal" in graph["lawsite.parse.document"]  # from .legal import …
    assert "lawsite.model" in graph["lawsite.render.legal"]  # from ..model import …
    assert is_under("lawsite.render.legal", ABOVE_DOMAIN) and not is_under("lawsite.renderer", ABOVE_DOMAIN)
