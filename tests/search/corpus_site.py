"""A temporary lawsite project made of real laws from the corpus.

Each corpus file is wrapped in front matter `kind: law` with an id of its own
(file names repeat across folders), so the build sees ordinary content.
Used by the corpus search tests and by benchmarks/search_first_query.py.
"""

from __future__ import annotations

from pathlib import Path

MKDOCS_YML = """\
site_name: 法律法规
site_url: http://127.0.0.1/
docs_dir: content
# Only the home page in the navigation: 1,000 laws listed on every page would
# make each page ~370 KB and the build quadratic; search does not read the nav.
nav:
  - index.md
theme:
  name: material
  language: zh
  font: false
plugins:
  - search:
      lang: zh
  - lawsite:
      search: {search}
"""


def law_files(corpus: Path, limit: int) -> list[Path]:
    """The first `limit` laws with articles, in a stable order."""
    files = []
    for line in (corpus / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        path, _bytes, articles, *_ = line.split("\t")
        if int(articles) > 0:
            files.append(corpus / "laws" / path)
    return sorted(files)[:limit]


def write_corpus_project(corpus: Path, folder: Path, limit: int = 1000, search: str = "auto") -> Path:
    """Write mkdocs.yml, an index page and `limit` laws under `folder`; return mkdocs.yml."""
    content = folder / "content"
    (content / "laws").mkdir(parents=True, exist_ok=True)
    (content / "index.md").write_text("# 法律法规\n", encoding="utf-8")
    for number, path in enumerate(law_files(corpus, limit), start=1):
        text = path.read_text(encoding="utf-8")
        front = f"---\nkind: law\nid: law-{number:04d}\n---\n"
        (content / "laws" / f"law-{number:04d}.md").write_text(front + text, encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(MKDOCS_YML.format(search=search), encoding="utf-8")
    return config


def write_corpus_subset(corpus: Path, folder: Path, readings: tuple[tuple[str, ...], ...]) -> Path:
    """A project of chosen laws (paths under corpus/laws/). A tuple of one is
    a law; a longer tuple is one text's readings, earliest first, as drafts:
    each later reading names the one before in `previous:`, and the last is
    open for comment. Ids are positions (law-01, law-02, …); returns mkdocs.yml."""
    content = folder / "content"
    (content / "laws").mkdir(parents=True, exist_ok=True)
    (content / "index.md").write_text("# 法律法规\n", encoding="utf-8")
    number = 0
    for chain in readings:
        previous = None
        for position, path in enumerate(chain, start=1):
            number += 1
            law_id = f"law-{number:02d}"
            if len(chain) == 1:
                front = f"kind: law\nid: {law_id}\n"
            else:
                front = f"kind: draft\nid: {law_id}\n" + (f"previous: {previous}\n" if previous else "")
                if position == len(chain):
                    front += "comments:\n  opens: 2020-01-01\n  closes: 2099-12-31\n  email: fgw@example.gov.cn\n"
            text = (corpus / "laws" / path).read_text(encoding="utf-8")
            (content / "laws" / f"{law_id}.md").write_text(f"---\n{front}---\n{text}", encoding="utf-8")
            previous = law_id
    config = folder / "mkdocs.yml"
    config.write_text(MKDOCS_YML.format(search="auto"), encoding="utf-8")
    return config
