"""Activities of contact points: checked, on the point's page, on the draft's page, in the feeds."""

from __future__ import annotations

import datetime as dt

from lawsite.emit.feeds import draft_entries, site_entries
from lawsite.gather.site import gather
from lawsite.model import Severity, Source
from lawsite.parse.notice import Unreadable
from lawsite.render.notes.parts import activities_held
from lawsite.settings import Settings

DRAFT = "---\nkind: draft\nid: d1\ntitle: 测试条例（草案）\n---\n\n第一条 为了测试，制定本条例。\n"
POINT = "---\nkind: contact-point\nid: east\ntitle: 东区联系点\nlevel: 县级\n---\n\n介绍。\n"
ACTIVITY = """---
kind: activity
id: {id}
title: {title}
type: {type}
date: {date}
point: {point}
drafts: [{drafts}]
participants: 23
collected: 9
photos: [{photos}]
---

座谈会情况。
"""
FILES = {"activities/meeting.jpg": b"\xff\xd8\xff", "activities/notes.pdf": b"%PDF-1.4"}


def activity(doc_id: str = "a1", title: str = "测试条例座谈会", type: str = "座谈会", date: str = "2026-05-12", point: str = "east", drafts: str = "d1", photos: str = "meeting.jpg") -> Source:
    return Source(f"activities/{doc_id}.md", ACTIVITY.format(id=doc_id, title=title, type=type, date=date, point=point, drafts=drafts, photos=photos))


def site(*sources: Source, big: bool = False):
    def read(path: str) -> bytes | Unreadable | None:
        return Unreadable("is 9.0 MB, more than the 5 MB a content file may have") if big else FILES.get(path)

    return gather([Source("d1.md", DRAFT), Source("points/east.md", POINT), *sources], Settings(), read_file=read)


def test_an_activity_has_its_facts() -> None:
    built = site(activity())
    assert built.problems == []
    facts = built.documents["a1"].activity
    assert facts is not None
    assert (facts.type, facts.date, facts.point, facts.drafts, facts.participants, facts.collected, facts.photos) == ("座谈会", dt.date(2026, 5, 12), "east", ("d1",), 23, 9, ("meeting.jpg",))
    assert [d.id for d in built.activities_of("east")] == ["a1"] and [d.id for d in built.activities_on("d1")] == ["a1"]


def test_bad_references_and_photos_are_refused_with_line_and_field() -> None:
    built = site(activity(point="west", drafts="d1, nope", photos="meeting.jpg, ../../secret.jpg, https://example.com/x.jpg, notes.pdf, gone.png"))
    found = {(p.field, p.line, p.code) for p in built.errors}
    assert found == {
        ("point", 7, "unknown-reference"),
        ("drafts[1]", 8, "unknown-reference"),
        ("photos[1]", 11, "photo-outside"),
        ("photos[2]", 11, "photo-outside"),
        ("photos[3]", 11, "photo-type"),
        ("photos[4]", 11, "missing-file"),
    }
    assert all(p.path == "activities/a1.md" and p.hint for p in built.errors)


def test_an_oversized_photo_and_an_unusual_type() -> None:
    built = site(activity(type="茶话会"), big=True)
    assert [(p.field, p.code) for p in built.errors] == [("photos[0]", "photo-unreadable")]
    [warning] = [p for p in built.problems if p.severity is Severity.WARNING]
    assert (warning.field, warning.code) == ("type", "activity-type") and "座谈会" in (warning.hint.render("zh") if warning.hint else "")


def test_missing_required_keys() -> None:
    text = "---\nkind: activity\ntitle: 空活动\n---\n"
    built = site(Source("activities/empty.md", text))
    assert {p.message.render("en") for p in built.errors} == {"missing required key `type`", "missing required key `date`", "missing required key `point`"}
    assert built.activities == []


def test_pages_list_the_activities() -> None:
    from site_pages import SitePages

    built = site(activity(), activity("a2", "测试条例院坝会", "院坝会", "2025-09-01", drafts="", photos=""))
    pages = SitePages(built, Settings())
    point_page = pages.markdown("points/east.md", "points/east/")
    assert point_page.index("测试条例座谈会") < point_page.index("测试条例院坝会")  # newest first
    assert 'href="../../activities/a1/"' in point_page and "23 人参加" in point_page and "收集意见 9 条" in point_page
    on_draft = pages.part_html(activities_held, "d1", "d1/") or ""
    assert "测试条例座谈会" in on_draft and "测试条例院坝会" not in on_draft
    assert pages.part_html(activities_held, "d1", "d1/") and 'href="../activities/a1/"' in on_draft
    page = pages.markdown("activities/a1.md", "activities/a1/", "座谈会情况。")
    assert '<img src="../meeting.jpg"' in page and 'href="../../points/east/"' in page and 'href="../../d1/"' in page
    assert page.rstrip().endswith("座谈会情况。")


def test_the_feeds_carry_activities() -> None:
    built = site(activity())
    entry = next(e for e in site_entries(built, Settings()) if e.document.id == "a1")
    assert entry.date == dt.date(2026, 5, 12) and entry.summary == "座谈会 · 东区联系点 · 23 人参加 · 收集意见 9 条"
    assert "a1" in [e.document.id for e in draft_entries(built, built.documents["d1"], Settings())]
