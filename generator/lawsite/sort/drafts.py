"""The draft a table of comments is sorted against: by id from the site's
content, or a Markdown file (a content file with front matter, or a corpus law
with its dated preamble, so that real laws can stand in for drafts)."""

from __future__ import annotations

from pathlib import Path

from ..gather.site import load_site
from ..importer import INFO_END, convert
from ..messages import msg
from ..model import ConfigError, Document, Kind, Source
from ..parse.document import parse_document
from ..settings import Settings


def draft_by_id(content_dir: Path, draft_id: str, settings: Settings) -> Document:
    """The draft or law `draft_id` of the site; ConfigError naming the known ones."""
    site = load_site(content_dir, settings)
    draft = site.get(draft_id)
    if draft is None or draft.legal is None:
        known = ", ".join(d.id for d in site.of_kind(Kind.DRAFT, Kind.LAW)) or "—"
        raise ConfigError(msg("error.sort-concerns", concerns=draft_id, known=known))
    return draft


def draft_from_file(path: Path) -> Document:
    """A draft or law read from one Markdown file; ConfigError when it has no articles."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(msg("error.sort-unreadable", path=path, exc=str(exc))) from exc
    if not text.startswith("---") and INFO_END in text:  # a corpus law: its preamble becomes front matter
        converted, _ = convert(text, path.name, "")
        text = converted or text
    document, _ = parse_document(Source(path.name, text))
    if document is None or document.legal is None or not document.legal.articles:
        raise ConfigError(msg("error.sort-no-articles", path=path))
    return document
