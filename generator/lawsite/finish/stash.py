"""Keep pre-rendered HTML out of Python-Markdown's way.

A law's page is mostly HTML we rendered already (articles, heads, listings);
only its division headings need Markdown (they make the table of contents).
Handed to MkDocs as it is, every tag is parsed twice more by pure-Python HTML
parsers (Python-Markdown's raw-HTML block preprocessor and MkDocs' anchor
collector): 28 s of 41 s of Markdown conversion in a profile of a 300-law
build. So each top-level HTML block is swapped for a one-word placeholder
paragraph before conversion and put back into the converted HTML. Blocks
that follow each other share one placeholder: a 99,990-article draft is then
a handful of paragraphs for Markdown, not 99,990 (9 s of its build).
"""

from __future__ import annotations

import re
import secrets

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _depth_change(block: str) -> int:
    depth = 0
    for closing, name, self_closing in _TAG.findall(block):
        if self_closing or name.lower() in VOID:
            continue
        depth += -1 if closing else 1
    return depth


class Stash:
    """Placeholders for one page: `hide` before Markdown, `restore` after."""

    def __init__(self, nonce: str | None = None) -> None:
        self.nonce = nonce or secrets.token_hex(4)
        self.blocks: list[str] = []
        self._placeholder = re.compile(rf"<p>lsstash{self.nonce}n(\d+)</p>")

    def _token(self, run: list[str]) -> str:
        self.blocks.append("\n".join(run))  # what Markdown puts between two paragraphs
        return f"lsstash{self.nonce}n{len(self.blocks) - 1}"

    def hide(self, markdown: str) -> str:
        """Swap every blank-line-separated block that starts with a tag (and the
        blocks after it, until its tags are closed) for a placeholder; blocks
        in a row for one placeholder."""
        out: list[str] = []
        pending: list[str] = []
        run: list[str] = []  # closed blocks in a row, not yet given their placeholder
        depth = 0
        for part in markdown.split("\n\n"):
            if pending:
                pending.append(part)
                depth += _depth_change(part)
            elif part.startswith("<") and not part.startswith("<!--"):
                pending, depth = [part], _depth_change(part)
            else:
                if run:
                    out.append(self._token(run))
                    run = []
                out.append(part)
                continue
            if depth <= 0:
                run.append("\n\n".join(pending))
                pending = []
        if run:
            out.append(self._token(run))
        if pending:  # never closed: leave it to Markdown as it was
            out.extend(pending)
        return "\n\n".join(out)

    def restore(self, html: str) -> str:
        if not self.blocks:
            return html
        return self._placeholder.sub(lambda m: self.blocks[int(m.group(1))], html)
