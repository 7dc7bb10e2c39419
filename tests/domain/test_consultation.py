"""lawsite.consultation: where a draft's consultation stands at a moment, in
the site's time zone, with `closes` inclusive — and safe at the calendar's edge."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from lawsite.consultation import Consultation, State, consultation_at, consultation_of, consultations
from lawsite.model import Comments, Source
from lawsite.parse.document import parse_document
from lawsite.settings import Settings
from lawsite.gather.site import gather

SHANGHAI = ZoneInfo("Asia/Shanghai")
UTC = ZoneInfo("UTC")
TERMS = Comments(opens=dt.date(2026, 6, 1), closes=dt.date(2026, 6, 30), email="fzw@example.gov.cn")


def at(day: int, month: int = 6, hour: int = 12, minute: int = 0, tz: ZoneInfo = SHANGHAI) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=tz)


def test_the_day_before_opening_is_upcoming_with_days_until() -> None:
    status = consultation_at(TERMS, at(31, month=5, hour=23, minute=59), SHANGHAI)
    assert (status.state, status.days) == (State.UPCOMING, 1)


def test_the_opening_day_is_open_from_its_first_minute() -> None:
    status = consultation_at(TERMS, at(1, hour=0), SHANGHAI)
    assert (status.state, status.days) == (State.OPEN, 29)
    assert status.opens_at == dt.datetime(2026, 6, 1, tzinfo=SHANGHAI)


def test_the_closing_day_is_included_to_its_last_minute() -> None:
    status = consultation_at(TERMS, at(30, hour=23, minute=59), SHANGHAI)
    assert (status.state, status.days) == (State.OPEN, 0)
    assert status.deadline == dt.datetime(2026, 7, 1, tzinfo=SHANGHAI)


def test_the_day_after_closing_is_closed() -> None:
    status = consultation_at(TERMS, at(1, month=7, hour=0), SHANGHAI)
    assert (status.state, status.days) == (State.CLOSED, None)


def test_the_site_time_zone_decides_the_day() -> None:
    # 16:30 UTC on the closing day is already the next morning in Shanghai.
    moment = dt.datetime(2026, 6, 30, 16, 30, tzinfo=UTC)
    assert consultation_at(TERMS, moment, SHANGHAI).state is State.CLOSED
    assert consultation_at(TERMS, moment, UTC).state is State.OPEN
    assert consultation_at(TERMS, moment, ZoneInfo("America/Los_Angeles")).days == 0
    # A naive moment is a wall-clock time in the site's zone.
    assert consultation_at(TERMS, dt.datetime(2026, 6, 30, 23, 0), SHANGHAI).state is State.OPEN


def test_without_an_opening_day_it_is_open_until_it_closes() -> None:
    terms = Comments(opens=None, closes=dt.date(2026, 6, 30))
    assert consultation_at(terms, at(1, month=1), SHANGHAI) == Consultation(State.OPEN, 180, None, dt.datetime(2026, 7, 1, tzinfo=SHANGHAI))


@pytest.mark.parametrize("opens", [None, dt.date(9999, 12, 31), dt.date(1, 1, 1)])
def test_closing_on_the_last_day_of_the_calendar(opens: dt.date | None) -> None:
    terms = Comments(opens=opens, closes=dt.date.max)
    status = consultation_at(terms, at(1), SHANGHAI)
    assert status.state is (State.UPCOMING if opens == dt.date.max else State.OPEN)
    assert status.deadline == dt.datetime.max.replace(tzinfo=SHANGHAI)
    assert status.deadline.isoformat() == "9999-12-31T23:59:59.999999+08:00"


def test_closed_since_the_first_day_of_the_calendar() -> None:
    status = consultation_at(Comments(opens=dt.date.min, closes=dt.date.min), at(1), SHANGHAI)
    assert (status.state, status.deadline) == (State.CLOSED, dt.datetime(1, 1, 2, tzinfo=SHANGHAI))


DRAFT = """---
kind: draft
id: d1
title: 某条例（草案）
comments:
  opens: 2026-06-01
  closes: 2026-06-30
  email: fzw@example.gov.cn
---

第一条　为了规范管理，制定本条例。
"""
LAW = "---\nkind: law\nid: l1\ntitle: 某条例\n---\n\n第一条　为了规范管理，制定本条例。\n"


def test_only_drafts_with_comment_terms_have_a_consultation() -> None:
    draft, _ = parse_document(Source("d1.md", DRAFT))
    law, _ = parse_document(Source("l1.md", LAW))
    assert draft is not None and law is not None
    assert consultation_of(law, at(15), SHANGHAI) is None
    assert consultation_of(draft, at(15), SHANGHAI) == consultation_at(draft.comments, at(15), SHANGHAI)  # type: ignore[arg-type]
    assert list(consultations([law, draft], at(15), SHANGHAI)) == ["d1"]


def test_gather_computes_each_consultation_once_at_the_build_moment() -> None:
    settings = Settings(now=dt.datetime(2026, 6, 30, 16, 30, tzinfo=UTC))  # 1 July in Shanghai
    site = gather([Source("d1.md", DRAFT), Source("l1.md", LAW)], settings)
    assert site.consultations == {"d1": consultation_at(site.documents["d1"].comments, settings.build_time(), SHANGHAI)}  # type: ignore[arg-type]
    assert site.consultations["d1"].state is State.CLOSED
