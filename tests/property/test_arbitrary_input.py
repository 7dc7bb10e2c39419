"""Arbitrary text and front matter never crash the parser or `check`.

Whatever an editor (or an attacker) commits, the outcome is a Document and a
list of Problems — never an exception; the legal parser keeps every character
of the body somewhere in its structure, and ids stay unique.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lawsite.model import Kind, Problem, Source
from lawsite.numerals import to_chinese
from lawsite.parse.document import parse_document
from lawsite.parse.legal import parse_legal_text
from lawsite.parse.safety import source_problems
from lawsite.settings import Settings
from lawsite.gather.site import gather, load_site

# Characters Markdown and the legal parser treat as syntax, plus the look-alike
# 笫 (read as 第), are not expected to survive as text.
_IGNORED = set("#（）()〖〗【】〔〕[]\u200b\ufeff")

_LEGAL_PIECES = st.one_of(
    st.builds(lambda n: f"第{to_chinese(n)}条 ", st.integers(1, 40)),
    st.builds(lambda n, c: f"第{to_chinese(n)}条（{c}）", st.integers(1, 40), st.text(max_size=5)),
    st.builds(lambda lv, n, k: f"\n{'#' * lv} 第{to_chinese(n)}{k} ", st.integers(1, 6), st.integers(1, 9), st.sampled_from(["编", "章", "节"])),
    st.sampled_from(["（一）", "(二)", "\n", "\n\n", "\u3000", "<script>", "</div>", "[x](y)", "- ", "> ", "```\n", "|a|b|\n"]),
    # Anything at all, control characters and lone surrogates' neighbours included.
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="0123456789０１２３４５６７８９笫"), max_size=12),
)
_BODY = st.lists(_LEGAL_PIECES, max_size=30).map("".join)


def _normalised(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace() and c not in _IGNORED)


@settings(max_examples=200, deadline=None)
@given(_BODY)
def test_legal_parser_keeps_every_character_and_unique_ids(body: str) -> None:
    legal, problems = parse_legal_text(body, path="x.md", first_line=5)
    assert _normalised(legal.all_text()) == _normalised(body)
    ids = legal.ids()
    assert len(ids) == len(set(ids))
    assert all(isinstance(p, Problem) and p.line is not None and p.line >= 5 for p in problems)


# --- front matter -------------------------------------------------------------------

_KEYS = sorted({"kind", "id", "title", "published", "summary", "stage", "previous", "comments", "drafted_by", "adopted",
                "effective", "from_draft", "interprets", "concerns", "suggestions", "suggestions_file", "received",
                "level", "contact_points", "numbering", "events", "amended", "notes", "poster", "hide", "template"})
_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
    st.text(max_size=20), st.dates(), st.datetimes(),
    st.sampled_from([k.value for k in Kind] + ["第一条", "总体", "adopted", "2025-13-45", "{title}{x}", "javascript:x", "../../etc/passwd", "a.csv"]),
)
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(st.sampled_from(_KEYS + ["closes", "opens", "email", "form", "subject", "article", "outcome", "text", "from", "count"]), st.text(max_size=6)), inner, max_size=5),
), max_leaves=12)
_FRONT = st.dictionaries(st.one_of(st.sampled_from(_KEYS), st.text(max_size=8)), _VALUES, max_size=8)


def _file(front: dict, body: str) -> str:
    try:
        yaml_text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        yaml_text = "title: x\n"
    return f"---\n{yaml_text}---\n\n{body}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_FRONT, _BODY)
def test_parse_document_reports_instead_of_raising(front: dict, body: str) -> None:
    source = Source("drafts/x.md", _file(front, body))
    document, problems = parse_document(source)
    assert all(isinstance(p, Problem) and p.path == "drafts/x.md" for p in problems)
    assert document is None or isinstance(document.id, str) and document.id
    assert all(isinstance(p, Problem) for p in source_problems(source))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
@example("?")  # a YAML key that is null: once a TypeError in the kind inference
@example("? [a]\n: b")
def test_any_text_between_fences_is_handled(raw: str) -> None:
    for text in (f"---\n{raw}\n---\n\nbody\n", raw, f"---\n{raw}"):
        document, problems = parse_document(Source("p.md", text))
        assert document is not None or any(p.is_error for p in problems)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_FRONT, _BODY), min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_gathering_documents_that_name_each_other_never_raises(docs: list[tuple[dict, str]], rnd) -> None:
    ids = [f"d{i}" for i in range(len(docs))]
    sources = []
    for i, (front, body) in enumerate(docs):
        front = dict(front)
        front.setdefault("id", ids[i])
        for key in ("previous", "concerns", "interprets", "from_draft"):
            if key in front or rnd.random() < 0.3:
                front[key] = rnd.choice(ids)
        front.setdefault("kind", rnd.choice([k.value for k in Kind]))
        sources.append(Source(f"f{i}.md", _file(front, body)))
    site = gather(sources, Settings(), read_file=lambda rel: rnd.choice([None, b"article,from,text,outcome\n\xff\xfe,x,y,adopted\n", "第一条,网民,建议,adopted\n".encode()]))
    assert all(isinstance(p, Problem) for p in site.problems)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["a.md", "b/c.md", "b/n.csv", "index.md", "x.svg"]), st.binary(max_size=300) | _BODY.map(str.encode)), max_size=5))
def test_load_site_on_any_bytes_never_raises(files: list[tuple[str, bytes]]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for rel, data in files:
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(data)
        site = load_site(root, Settings())
        assert all(isinstance(p, Problem) and p.path for p in site.problems)
