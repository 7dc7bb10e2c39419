"""Atom feeds: well-formed, the elements RFC 4287 requires, deterministic,
and linked from the page head."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import REPO
from lawsite.model import Kind
from lawsite.emit import feeds
from lawsite.emit.publisher import Publisher
from lawsite.urls import SiteUrls
from lawsite.settings import Settings
from lawsite.gather.site import load_site

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def publisher(name: str, hrefs: dict[str, str], settings: Settings) -> Publisher:
    return Publisher(name, SiteUrls(hrefs, settings.site_url), settings)


def _one(parent: ET.Element, tag: str) -> ET.Element:
    found = parent.findall(A + tag)
    assert len(found) == 1, f"<{parent.tag}> must have exactly one <{tag}>, has {len(found)}"
    return found[0]


def validate_atom(data: bytes) -> ET.Element:
    """The constraints of RFC 4287 that a feed of ours can break."""
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    root = ET.fromstring(data)  # well-formed, or ParseError
    assert root.tag == A + "feed"
    assert IRI.match(_one(root, "id").text or ""), "feed id is an IRI"
    assert (_one(root, "title").text or "").strip()
    assert RFC3339.match(_one(root, "updated").text or "")
    entries = root.findall(A + "entry")
    has_author = root.find(A + "author") is not None
    assert has_author or all(e.find(A + "author") is not None for e in entries), "atom:author is required"
    if has_author:
        assert (root.find(f"{A}author/{A}name").text or "").strip()
    self_links = [l for l in root.findall(A + "link") if l.get("rel") == "self"]
    assert len(self_links) == 1 and self_links[0].get("type") == feeds.MEDIA_TYPE
    ids = []
    for entry in entries:
        ids.append(_one(entry, "id").text)
        assert IRI.match(ids[-1] or "")
        assert (_one(entry, "title").text or "").strip()
        updated = _one(entry, "updated").text or ""
        assert RFC3339.match(updated)
        assert entry.find(A + "content") is not None or [l for l in entry.findall(A + "link") if l.get("rel", "alternate") == "alternate"], "an entry without content needs an alternate link"
        for link in entry.findall(A + "link"):
            assert link.get("href")
        published = entry.find(A + "published")
        assert published is None or RFC3339.match(published.text or "")
    assert len(ids) == len(set(ids)), "entry ids are unique within a feed"
    return root


@pytest.fixture(scope="module")
def built_feeds(sample_site: Path) -> dict[str, bytes]:
    return {p.relative_to(sample_site).as_posix(): p.read_bytes() for p in (sample_site / "feeds").glob("*.xml")}


def test_every_built_feed_is_valid_atom(built_feeds: dict[str, bytes]) -> None:
    assert "feeds/atom.xml" in built_feeds
    feeds = {path: data for path, data in built_feeds.items() if path != "feeds/sitemap.xml"}
    assert len(feeds) == 1 + 4  # the site and each of the four sample drafts
    for path, data in feeds.items():
        validate_atom(data)


def test_the_feeds_folder_has_a_sitemap_of_its_feeds(built_feeds: dict[str, bytes]) -> None:
    # Material's script fetches sitemap.xml beside every rel=alternate link.
    import xml.etree.ElementTree as ET

    root = ET.fromstring(built_feeds["feeds/sitemap.xml"])
    locs = [loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locs) == 5 and all(loc.startswith("https://") and loc.endswith(".xml") for loc in locs)


def test_site_feed_lists_consultations_notices_interpretations_and_laws_newest_first(built_feeds: dict[str, bytes]) -> None:
    root = validate_atom(built_feeds["feeds/atom.xml"])
    entries = root.findall(A + "entry")
    kinds = {e.find(A + "category").get("term") for e in entries}
    assert kinds == {"draft", "notice", "interpretation", "law", "activity"}
    stamps = [e.find(A + "updated").text for e in entries]
    assert stamps == sorted(stamps, reverse=True)
    assert root.find(A + "updated").text == stamps[0], "the feed is as new as its newest entry"
    law = next(e for e in entries if e.find(A + "category").get("term") == "law")
    assert law.find(A + "updated").text == "2025-10-30T00:00:00+08:00"  # adopted, not published
    assert law.find(A + "link").get("href") == "https://lawsite.example.gov.cn/laws/water-protection/"


def test_a_draft_feed_holds_its_readings_notices_and_interpretation(built_feeds: dict[str, bytes]) -> None:
    root = validate_atom(built_feeds["feeds/qingchuan-property-2026-r2.xml"])
    hrefs = [e.find(A + "link").get("href").removeprefix("https://lawsite.example.gov.cn/") for e in root.findall(A + "entry")]
    assert hrefs == [
        "interpretations/property-r2-interpretation/",
        "drafts/property-r2/",
        "notices/property-r1-feedback/",
        "activities/2026-03-haibin-building-zoufang/",  # the activities held on the first reading
        "activities/2026-03-haibin-bandenghui/",
        "activities/2026-03-xinghai-zuotanhui/",
        "drafts/property-r1/",
    ]
    titles = [e.find(A + "title").text for e in root.findall(A + "entry")]
    assert titles[1].startswith("新审次：") and titles[6].startswith("公开征求意见：")
    activity = root.findall(A + "entry")[5]
    assert activity.find(A + "summary").text == "座谈会 · 临江区星海路街道基层立法联系点 · 32 人参加 · 收集意见 26 条"
    notice = root.findall(A + "entry")[2]
    assert notice.find(A + "summary").text == "收到意见 1028 条，逐条列出 371 条（合并后 50 项）"  # the notice page's figures  # one from 海滨社区联络站 added with the tiers


def test_feeds_do_not_depend_on_the_build_clock() -> None:
    site = load_site(REPO / "content")
    hrefs = {d.id: f"{d.id}/" for d in site.documents.values()}
    one = feeds.feed_files(site, publisher("S", hrefs, Settings(now=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))))
    two = feeds.feed_files(site, publisher("S", hrefs, Settings(now=dt.datetime(2031, 7, 9, tzinfo=dt.timezone.utc))))
    assert one == two


def test_an_empty_feed_is_dated_by_source_date_epoch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    (tmp_path / "index.md").write_text("# 首页\n", encoding="utf-8")
    site = load_site(tmp_path)
    data = feeds.feed_files(site, publisher("空站", {}, Settings()))["feeds/atom.xml"]
    root = validate_atom(data)
    assert root.find(A + "updated").text == "2026-09-21T22:13:20+08:00"
    assert root.findall(A + "entry") == []


def test_without_site_url_links_are_relative_to_the_feed(tmp_path: Path) -> None:
    site = load_site(REPO / "content")
    hrefs = {d.id: f"docs/{d.id}/" for d in site.documents.values()}
    draft = site.get("qingchuan-property-2026-r1")
    assert draft is not None and draft.kind is Kind.DRAFT
    data = feeds.feed_files(site, publisher("S", hrefs, Settings()))[feeds.draft_feed_path(draft)]
    root = validate_atom(data)
    assert root.find(A + "link[@rel='self']").get("href") == "qingchuan-property-2026-r1.xml"
    assert root.find(f"{A}entry/{A}link").get("href").startswith("../docs/")
    ids = [e.find(A + "id").text for e in root.findall(A + "entry")]
    assert all(i.startswith("urn:uuid:") for i in ids)


def test_pages_link_to_the_feeds_in_their_head(sample_site: Path) -> None:
    draft = (sample_site / "drafts" / "property-r2" / "index.html").read_text(encoding="utf-8")
    head = draft[: draft.index("</head>")]
    links = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="([^"]+)" href="([^"]+)">', head)
    # Relative although the sample has a site_url: Material fetches sitemap.xml
    # beside each rel=alternate link, which must not leave the host serving the page.
    assert [href for _, href in links] == ["../../feeds/atom.xml", "../../feeds/qingchuan-property-2026-r2.xml"]
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert home.count('type="application/atom+xml"') == 1
    for _, href in links:
        assert (sample_site / "drafts" / "property-r2" / href).resolve().is_file()


def test_relative_head_links_without_site_url() -> None:
    where = SiteUrls({})
    assert feeds.head_links(None, where.at(""), "zh")[0]["href"] == "feeds/atom.xml"
    assert feeds.head_links(None, where.at("drafts/x/"), "zh")[0]["href"] == "../../feeds/atom.xml"
    assert feeds.head_links(None, where.at("drafts/x.html"), "zh")[0]["href"] == "../feeds/atom.xml"
