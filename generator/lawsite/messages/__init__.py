"""Every message an editor reads — problems and hints of `check`, `build` and
`import`, the CLI's help and what its commands print — in Chinese (the
default) and English, from one catalogue.

How to add a message
--------------------
1. Add an entry to `problems.py` (what `check`, `build`, `import`, `tally`
   report) or `cli.py` (argparse help, printed lines)::

       "csv-header.unknown": Message(
           zh="CSV 表头：未知的列 {unknown}",
           en="CSV header: unknown column(s) {unknown}",
       ),

   Keys start with the problem's `code` (``csv-header``); several messages
   under one code add a suffix (``csv-header.unknown``), a hint adds
   ``.hint``; the CLI's help is ``cli.*``, its errors ``error.*``. Keep each
   file sorted by key. Both texts use the same ``{named}`` placeholders
   (str.format, so ``{n:04X}`` and ``{v!r}`` work). Chinese as an editor
   reads it: 条、款、项, 前置元数据字段, 草案, 征求意见截止日期; a hint says
   what would be right.
2. Where the problem is made, pass the key and the values, never text::

       Problem(path, line, None, msg("csv-header.unknown", unknown=names),
               msg("csv-header.hint", columns=…, suggestion=…), code="csv-header")

   A value may itself be a `Text` (``suggestion=msg("did-you-mean", …)``), so
   a sentence is never glued together from English pieces. A line a command
   prints at once: ``print(msg("new.done", target=path).render(lang))``, with
   ``lang = commands.language_of(args, project)``; an error to stop for:
   ``raise ConfigError(msg("error.…", …))``.
3. `tests/check/test_messages.py` reads the source with `ast`: every
   ``msg("key", …)`` must name an entry with both texts and exactly the
   placeholders passed, and every entry must be used somewhere.

Why this shape
--------------
A `Problem` keeps its stable `code` (JSON and CI annotations rely on it) and
holds its message as a `Text`, a key with values, so the domain stays free of
any language; the language is chosen at the edge, where the text is shown
(`report.format_problem(p, lang)`, the CLI, the MkDocs log). One entry holds
both languages side by side, so a message without Chinese cannot be written
unnoticed, and Python's own `str.format` is all the machinery there is (no
gettext build step for a catalogue of a few hundred lines; the project's label
tables in `render/labels/` do the same for what readers of the site see).

The language: ``--lang en`` on the command line, else `LAWSITE_LANG`, else
the site's `language` (mkdocs.yml) where the command reads a site, else
Chinese. Any language but English reads Chinese (Simplified). argparse's own
words ("usage:") stay English; "options" and ``-h`` are ours. `lawsite
build --lang en` hands the language to the MkDocs process in `LAWSITE_LANG`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Sequence

from .catalogue import CATALOGUE, Message

__all__ = ["CATALOGUE", "DEFAULT", "ENV", "Message", "Text", "language", "msg", "requested_language"]

DEFAULT = "zh"
ENV = "LAWSITE_LANG"


@dataclass(frozen=True)
class Text:
    """A message not yet put into words: its catalogue key and its values."""

    key: str
    values: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str = DEFAULT) -> str:
        entry = CATALOGUE[self.key]
        template = entry.en if language(lang) == "en" else entry.zh
        return template.format(**{name: _rendered(value, lang) for name, value in self.values})


def msg(key: str, /, **values: Any) -> Text:
    """The message `key` with its placeholders filled in (in whatever language
    it is shown); a value may itself be a `Text`."""
    if key not in CATALOGUE:
        raise KeyError(f"no message {key!r} in lawsite/messages/")
    return Text(key, tuple(values.items()))


def language(requested: str | None) -> str:
    """``en`` for any English (``en``, ``en-GB``), else Chinese."""
    return "en" if (requested or "").lower().replace("_", "-").split("-")[0] == "en" else DEFAULT


def requested_language(argv: Sequence[str] | None = None) -> str | None:
    """`--lang X` (or `--lang=X`) from the command line, else `LAWSITE_LANG`;
    None when neither is given (the site's language then decides). Read before
    argparse runs, because help text is printed while it parses."""
    args = list(argv or ())
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get(ENV) or None


def _rendered(value: Any, lang: str) -> Any:
    if isinstance(value, Text):
        return value.render(lang)
    return value
