"""Split a content file into front matter and body, keeping YAML line numbers.

python-frontmatter finds the fences; PyYAML's node tree gives every key the line
it was written on, so that a problem in `suggestions[3].outcome` can point the
editor at the exact line of the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import frontmatter
import yaml

from ..model import Problem, Source

# A path into the YAML data: ("comments", "closes") or ("suggestions", 3, "outcome").
KeyPath = tuple[str | int, ...]


@dataclass
class FrontMatter:
    data: dict[str, Any]
    body: str
    body_line: int  # 1-based file line where the body starts
    lines: dict[KeyPath, int] = field(default_factory=dict)  # 1-based
    first_line: int = 1  # line of the first YAML line (after the opening ---)

    def line_of(self, *path: str | int) -> int | None:
        """The file line of the deepest known key on `path`."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.first_line if self.data else None


_HANDLER = frontmatter.YAMLHandler()


# libyaml's parser where installed: the pure-Python one was 2/3 of `check`'s
# time on the 1,564-law corpus (profiled: 19.6 s of 29.5 s under cProfile).
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):  # type: ignore[valid-type,misc]
    """SafeLoader that leaves dates as text: PyYAML raises a bare ValueError on
    `2025-02-30`, while the schema's date check reports it with file and line."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _compose_and_load(yaml_text: str) -> tuple[yaml.Node | None, Any]:
    """Parse once: the node tree (for line numbers) and the data built from it."""
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def split_front_matter(source: Source) -> tuple[FrontMatter | None, list[Problem]]:
    """Parse `source` into front matter and body; problems instead of exceptions."""
    text = source.text.lstrip("\ufeff")
    if not _HANDLER.detect(text):
        return FrontMatter(data={}, body=text, body_line=1), []
    try:
        yaml_text, body = _HANDLER.split(text)
    except ValueError:
        return FrontMatter(data={}, body=text, body_line=1), []
    body_line = _line_of_body(text, body)
    first_line = 2  # the line after the opening ---
    # yaml_text starts on the fence line itself, so YAML's 0-based line N is file line N + 1.
    try:
        node, data = _compose_and_load(yaml_text)
    except yaml.YAMLError as exc:
        return None, [_yaml_problem(source.path, exc, 1)]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [
            Problem(
                source.path,
                first_line,
                None,
                "front matter is not a mapping of `key: value` lines",
                hint="write one `key: value` per line between the two `---` lines",
                code="yaml-not-mapping",
            )
        ]
    lines: dict[KeyPath, int] = {}
    if node is not None:
        _collect_lines(node, (), 1, lines)
    return FrontMatter(data, body, body_line, lines, first_line), []


def _line_of_body(text: str, body: str) -> int:
    # The body is the tail of the text after the closing fence.
    start = text.rfind(body) if body else len(text)
    return text.count("\n", 0, start) + 1


def _yaml_problem(path: str, exc: yaml.YAMLError, offset: int) -> Problem:
    mark = getattr(exc, "problem_mark", None)
    line = offset + mark.line if mark is not None else offset
    what = getattr(exc, "problem", None) or str(exc)
    return Problem(
        path,
        line,
        None,
        f"YAML syntax error in front matter: {what}",
        hint="check the indentation and quote values that contain ':' or '#', e.g. title: \"…\"",
        code="yaml-syntax",
    )


def _collect_lines(node: yaml.Node, path: KeyPath, offset: int, out: dict[KeyPath, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            here = path + (key,)
            out[here] = offset + key_node.start_mark.line
            _collect_lines(value_node, here, offset, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            here = path + (index,)
            out[here] = offset + item.start_mark.line
            _collect_lines(item, here, offset, out)
