"""Split a content file into front matter and body, keeping YAML line numbers.

python-frontmatter finds the fences; PyYAML's node tree gives every key the line
it was written on, so that a problem in `suggestions[3].outcome` can point the
editor at the exact line of the file.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any, Iterator

import frontmatter
import yaml

from ..messages import Text, msg
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

# Front matter is a few dozen keys (the largest in the corpus and the sample
# site is 8 KB, about 300 nodes, 4 levels deep). These bounds keep a hostile
# file from reaching Python's recursion limit in any walk of the data
# downstream, or from filling memory with nodes (2 MB of `[1,1,…]` once took
# 17 s and 625 MB), while leaving room for a notice that lists 1,500
# suggestions inline (longer lists belong in its CSV file).
MAX_YAML_DEPTH = 32
MAX_YAML_NODES = 20_000
# Python refuses to convert more than 4,300 digits (a ValueError, not a
# YAMLError), and base-60 numbers like 1:2:3 grow a huge int quadratically.
MAX_NUMBER_CHARS = 100


class _Refused(yaml.YAMLError):
    """Front matter the loader will not build: the Problem's code, message
    and hint, written where the fault is found, and where it is."""

    def __init__(self, code: str, message: Text, hint: Text, mark: yaml.Mark | None, key: KeyPath = ()) -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint
        self.problem_mark = mark
        self.key = key  # where in the data it was found, when known


class _BoundedComposer(yaml.composer.Composer):
    """PyYAML's composer, refusing what would make the data a graph or a
    giant: aliases (`*name`: "billion laughs" and self-containing values),
    nesting deeper than MAX_YAML_DEPTH and more than MAX_YAML_NODES nodes.
    It refuses while composing, so no deep, huge or cyclic value is built."""

    def __init__(self) -> None:
        super().__init__()
        self._depth = 0
        self._nodes = 0
        self.key: list[str | int] = []  # the key path being composed, for the Problem

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        # `index` is the key node of a mapping value, the position in a list,
        # or None while a mapping key itself is composed.
        inside = isinstance(index, (yaml.ScalarNode, int))
        if inside:
            self.key.append(index.value if isinstance(index, yaml.ScalarNode) else index)
        try:
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent):
                raise _Refused(
                    "yaml-alias",
                    msg("yaml-alias", value=shortened(event.anchor or '', 40)),
                    msg("yaml-alias.hint"),
                    event.start_mark, tuple(self.key),
                )
            self._nodes += 1
            if self._nodes > MAX_YAML_NODES:
                raise _Refused(
                    "yaml-too-large",
                    msg("yaml-too-large", MAX_YAML_NODES=MAX_YAML_NODES),
                    msg("yaml-too-large.hint"),
                    event.start_mark, tuple(self.key),
                )
            return super().compose_node(parent, index)
        finally:
            if inside:
                self.key.pop()

    def compose_sequence_node(self, anchor: str | None) -> yaml.Node:
        with self._nested():
            return super().compose_sequence_node(anchor)

    def compose_mapping_node(self, anchor: str | None) -> yaml.Node:
        with self._nested():
            return super().compose_mapping_node(anchor)

    @contextlib.contextmanager
    def _nested(self) -> Iterator[None]:
        self._depth += 1
        if self._depth > MAX_YAML_DEPTH:
            raise _Refused(
                "yaml-too-deep",
                msg("yaml-too-deep", MAX_YAML_DEPTH=MAX_YAML_DEPTH),
                msg("yaml-too-deep.hint"),
                self.peek_event().start_mark, tuple(self.key),
            )
        try:
            yield
        finally:
            self._depth -= 1


class _BoundedConstructor(yaml.constructor.SafeConstructor):
    """SafeConstructor that leaves dates as text (PyYAML raises a bare
    ValueError on `2025-02-30`, while the schema's date check reports it with
    file and line) and refuses numbers longer than MAX_NUMBER_CHARS."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # An explicit tag (`!!timestamp 2025-02-30`, `!!int x`, `!!bool maybe`)
        # makes PyYAML's constructors raise ValueError, IndexError and the like
        # instead of a YAMLError with a line.
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, LookupError, AttributeError, ArithmeticError):
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            value = node.value if isinstance(node, yaml.ScalarNode) else "…"
            raise _Refused(
                "yaml-bad-value",
                msg("yaml-bad-value", value=shortened(repr(value), 40), tag=shortened(tag, 40)),
                msg("yaml-bad-value.hint"),
                node.start_mark,
            ) from None

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        self._check_number(node)
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        self._check_number(node)
        return super().construct_yaml_float(node)

    def _check_number(self, node: yaml.ScalarNode) -> None:
        if len(node.value) > MAX_NUMBER_CHARS:
            raise _Refused(
                "yaml-number-too-long",
                msg("yaml-number-too-long", n_value=len(node.value), MAX_NUMBER_CHARS=MAX_NUMBER_CHARS),
                msg("yaml-number-too-long.hint"),
                node.start_mark,
            )


_BoundedConstructor.add_constructor("tag:yaml.org,2002:int", _BoundedConstructor.construct_yaml_int)
_BoundedConstructor.add_constructor("tag:yaml.org,2002:float", _BoundedConstructor.construct_yaml_float)


# libyaml's parser where installed: the pure-Python one was 2/3 of `check`'s
# time on the 1,564-law corpus (profiled: 19.6 s of 29.5 s under cProfile).
# Its composer is C and cannot be bounded (100,000 `[` crash the process), so
# the events it parses go through the bounded composer above.
try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = None


if _Parser is not None:

    class _Loader(_BoundedComposer, _Parser, _BoundedConstructor, yaml.resolver.Resolver):  # type: ignore[misc,valid-type]
        def __init__(self, stream: str) -> None:
            _Parser.__init__(self, stream)
            _BoundedComposer.__init__(self)
            _BoundedConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml

    class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, _BoundedComposer, _BoundedConstructor, yaml.resolver.Resolver):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            _BoundedComposer.__init__(self)
            _BoundedConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# Front matter this small is composed by libyaml itself: it cannot nest
# deeply enough to overflow libyaml's composer (at most one level per two
# characters: 2,048 here, against the 100,000 that crashed it), and without
# `&` or `*` it holds no anchor or alias. What the bounded composer would
# refuse (deeper than MAX_YAML_DEPTH) is then found on the composed tree and
# composed again by the bounded composer, which says where. A law's front
# matter is a few hundred bytes: composing it in Python was a quarter of
# reading a law's front matter, a third of the start of a corpus build.
FAST_BYTES = 4096


if _Parser is not None:

    class _FastLoader(_Parser, _BoundedConstructor, yaml.resolver.Resolver):  # type: ignore[misc,valid-type]
        def __init__(self, stream: str) -> None:
            _Parser.__init__(self, stream)
            _BoundedConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def _compose_and_load(yaml_text: str) -> tuple[yaml.Node | None, Any]:
    """Parse once: the node tree (for line numbers) and the data built from it."""
    if _Parser is not None and len(yaml_text) <= FAST_BYTES and "&" not in yaml_text and "*" not in yaml_text:
        loaded = _load(_FastLoader(yaml_text), bounded=False)
        if loaded is not None:
            return loaded
    loaded = _load(_Loader(yaml_text), bounded=True)
    assert loaded is not None
    return loaded


def _load(loader: Any, bounded: bool) -> tuple[yaml.Node | None, Any] | None:
    """The node tree and data; None where the unbounded loader found what
    only the bounded one can say (an error, a tree too deep or too large)."""
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError:
            if bounded:
                raise
            return None
        if node is None:
            return None, None
        if not bounded and not _within_bounds(node):
            return None
        try:
            return node, loader.construct_document(node)
        except _Refused as exc:
            exc.key = _key_on_line(node, exc.problem_mark.line) if exc.problem_mark else ()
            raise
    finally:
        loader.dispose()


def _within_bounds(root: yaml.Node) -> bool:
    """What the bounded composer would have let through: no deeper than
    MAX_YAML_DEPTH, no more than MAX_YAML_NODES nodes (counted as it counts)."""
    nodes, stack = 0, [(root, 0)]
    while stack:
        node, depth = stack.pop()
        nodes += 1
        if nodes > MAX_YAML_NODES:
            return False
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [child for pair in node.value for child in pair]
        else:
            continue
        if depth + 1 > MAX_YAML_DEPTH:
            return False
        stack.extend((child, depth + 1) for child in children)
    return True


def _key_on_line(node: yaml.Node, line: int) -> KeyPath:
    """The deepest key path written on 0-based YAML `line`."""
    lines: dict[KeyPath, int] = {}
    _collect_lines(node, (), 0, lines)
    return max((key for key, at in lines.items() if at == line), key=len, default=())


def dotted(key: KeyPath) -> str:
    """A key path as the editor reads it: comments.closes, suggestions[3].outcome."""
    out = ""
    for part in key:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))  # YAML keys may be null
    return out


Split = tuple["FrontMatter | None", list[Problem]]  # what split_front_matter returns


def split_front_matter(source: Source) -> Split:
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
    except _Refused as exc:
        return None, [_refusal_problem(source.path, exc, 1)]
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
                msg("yaml-not-mapping"),
                hint=msg("yaml-not-mapping.hint"),
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
        msg("yaml-syntax", what=what),
        hint=msg("yaml-syntax.hint"),
        code="yaml-syntax",
    )


def _refusal_problem(path: str, exc: _Refused, offset: int) -> Problem:
    line = offset + exc.problem_mark.line if exc.problem_mark is not None else offset
    return Problem(path, line, shortened(dotted(exc.key)) or None, exc.message, hint=exc.hint, code=exc.code)


def shortened(text: str, limit: int = 120) -> str:
    """`text` cut to `limit` characters, so a hostile key or value cannot flood a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
