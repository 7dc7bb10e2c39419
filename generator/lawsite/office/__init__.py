"""What offices hold → the lines of a law, for `lawsite import`.

Every reader ends in the same list of `Line`s (the text of one paragraph and
where it came from), and `lines.structure` turns them into the importer's
`Header` (title, dated adoption line) and a Markdown body in the corpus
convention, so that Word and plain text are read by one set of rules:

* `text`: plain text as the national database exports it and as people paste
  it (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030; CRLF).
* `word`: Word `.docx`, read with python-docx (see its module docstring).
* `libreoffice`: `.doc` and `.wps` converted to `.docx` by LibreOffice headless.
"""

from __future__ import annotations

from pathlib import Path

from ..messages import msg
from ..model import Article, Problem, Prose, Severity
from ..parse.legal import parse_legal_text
from .lines import Line, Structured, structure


def read_office(path: Path, data: bytes, shown: str) -> tuple[Structured | None, list[Problem]]:
    """A .txt, .docx, .doc or .wps file → its header and Markdown body, with
    every problem found on the way at the file's own line (Word: paragraph)."""
    lines, problems = _lines(path, data, shown)
    if lines is None:
        return None, problems
    structured, titled = structure(lines, path.stem)
    if not titled:
        problems.append(Problem(shown, None, None, msg("import-no-title", stem=path.stem), msg("import-no-title.hint"), Severity.WARNING, "import-no-title"))
    return structured, problems + body_problems(structured, shown)


def _lines(path: Path, data: bytes, shown: str) -> tuple[list[Line] | None, list[Problem]]:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        from .text import decode, text_lines

        text, problems = decode(data, shown)
        return (text_lines(text) if text is not None else None), problems
    from .word import read_docx  # python-docx is loaded only for Word files

    if suffix in (".doc", ".wps"):
        from .libreoffice import to_docx

        converted, problems = to_docx(path, shown)
        return (None, problems) if converted is None else read_docx(converted, shown)
    return read_docx(data, shown)


def body_problems(structured: Structured, shown: str) -> list[Problem]:
    """What `parse.legal` says about the body, at the source's lines, and what
    it could not place in any article."""
    legal, problems = parse_legal_text(structured.header.body, path=shown)

    def source(line: int | None) -> int | None:
        return structured.sources[line - 1] if line is not None and 0 < line <= len(structured.sources) else line

    found = [Problem(shown, source(p.line), p.field, p.message, p.hint, p.severity, p.code) for p in problems]
    nodes = list(legal.walk())
    first = next((i for i, node in enumerate(nodes) if isinstance(node, Article)), None)
    if first is None:
        found.append(Problem(shown, None, None, msg("import-no-articles"), msg("import-no-articles.hint"), Severity.WARNING, "import-no-articles"))
        return found
    for node in nodes[first:]:
        if isinstance(node, Prose) and not node.text.startswith("#"):  # a heading is there on purpose
            found.append(Problem(shown, source(node.line), None, msg("import-outside-articles", start=node.text[:40]), msg("import-outside-articles.hint"), Severity.WARNING, "import-outside-articles"))
    return found
