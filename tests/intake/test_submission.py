"""The posted fields and their target, checked without a server: the same
open/closed decision as the site's banner, in the site's time zone, the
closing day included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from lawsite.intake.catalogue import load_catalogue
from lawsite.intake.submission import MAX_CHARS, Comment, Refusal, check_target, read_comment

from .harness import CLOSED, OPEN, POINT, UPCOMING

TZ = ZoneInfo("Asia/Shanghai")


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def target(doc: str = OPEN, article: str = "art_1", point: str | None = None) -> Comment:
    return Comment(doc, article, "意见", point, None, None)


@pytest.fixture(scope="module")
def catalogue(project: Path):  # type: ignore[no-untyped-def]
    return load_catalogue(project / "site")


def test_the_catalogue_reads_the_built_open_data(catalogue) -> None:  # type: ignore[no-untyped-def]
    assert set(catalogue.drafts) == {OPEN, UPCOMING, CLOSED}
    assert catalogue.drafts[OPEN].articles == {"art_1": "第一条", "art_2": "第二条", "art_3": "第三条"}
    assert catalogue.points == {POINT: "西街基层立法联系点"}
    assert catalogue.site_url == "https://site.example.org/"


@pytest.mark.parametrize(
    ("doc", "now", "code"),
    [
        (OPEN, "2026-12-01T10:00:00+08:00", None),
        (OPEN, "2026-11-01T00:00:00+08:00", None),  # the first day, from midnight
        (OPEN, "2026-10-31T23:59:59+08:00", "not-yet-open"),
        (OPEN, "2026-12-15T23:59:59+08:00", None),  # the closing day is included
        (OPEN, "2026-12-15T15:59:59+00:00", None),  # the same moment in UTC
        (OPEN, "2026-12-15T16:00:00+00:00", "closed"),  # midnight in Shanghai, still the 15th in UTC
        (UPCOMING, "2026-12-01T10:00:00+08:00", "not-yet-open"),
        (CLOSED, "2026-12-01T10:00:00+08:00", "closed"),
    ],
)
def test_open_upcoming_and_closed_in_the_site_time_zone(catalogue, doc: str, now: str, code: str | None) -> None:  # type: ignore[no-untyped-def]
    refusal = check_target(target(doc), catalogue, at(now), TZ)
    assert (refusal.code if refusal else None) == code
    if refusal:
        assert refusal.status == 409 and "征求意见" in refusal.message


NOW = at("2026-12-01T10:00:00+08:00")


@pytest.mark.parametrize(
    ("comment", "status", "code", "words"),
    [
        (target("no-such-draft"), 404, "unknown-document", "没有编号为“no-such-draft”的征求意见稿"),
        (target("index"), 409, "not-a-draft", "不是征求意见稿"),
        (target(article="art_99"), 404, "unknown-article", "没有条文“art_99”"),
        (target(point="nowhere"), 422, "unknown-point", "基层立法联系点"),
    ],
)
def test_unknown_targets_are_refused(catalogue, comment: Comment, status: int, code: str, words: str) -> None:  # type: ignore[no-untyped-def]
    refusal = check_target(comment, catalogue, NOW, TZ)
    assert refusal is not None and (refusal.status, refusal.code) == (status, code)
    assert words in refusal.message


def test_the_whole_draft_and_a_known_point_are_taken(catalogue) -> None:  # type: ignore[no-untyped-def]
    assert check_target(target(article="总体", point=POINT), catalogue, NOW, TZ) is None


def test_fields_are_trimmed_and_optional_ones_may_be_left_out() -> None:
    assert read_comment({"doc": OPEN, "article": "art_1", "text": "  第一行\r\n第二行 ", "name": " ", "website": ""}) == Comment(OPEN, "art_1", "第一行\n第二行", None, None, None)


@pytest.mark.parametrize(
    ("fields", "status", "code"),
    [
        ({"doc": OPEN, "article": "art_1", "text": "x", "website": "http://spam"}, 422, "honeypot"),
        ({"doc": OPEN, "article": "art_1"}, 422, "missing-field"),
        ({"doc": OPEN, "article": "art_1", "text": "   "}, 422, "missing-field"),
        ({"doc": OPEN, "article": "art_1", "text": "长" * (MAX_CHARS["text"] + 1)}, 413, "field-too-long"),
        ({"doc": OPEN, "article": "art_1", "text": "x", "name": "名" * 101}, 413, "field-too-long"),
        ({"doc": OPEN, "article": "art_1", "text": "a\x00b"}, 422, "control-character"),
        ({"doc": OPEN, "article": "art_1", "text": "x", "contact": "\x1b[31m"}, 422, "control-character"),
    ],
)
def test_bad_fields_are_refused_in_chinese(fields: dict[str, str], status: int, code: str) -> None:
    refusal = read_comment(fields)
    assert isinstance(refusal, Refusal)
    assert (refusal.status, refusal.code) == (status, code)
    assert any("\u4e00" <= c <= "\u9fff" for c in refusal.message)


def test_the_longest_text_allowed_is_taken() -> None:
    assert isinstance(read_comment({"doc": OPEN, "article": "art_1", "text": "长" * MAX_CHARS["text"]}), Comment)
