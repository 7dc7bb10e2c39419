"""查询我的意见 (emit/lookup.py): a receipt finds exactly its record, any
other string finds nothing, and the published buckets reveal no receipt, no
suggestion and no count per suggestion.

`open_record` below reads the format as assets/lookup.js does (the browser
test runs that script on the sample site)."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given, settings as hsettings, strategies as st

from lawsite.emit.lookup import ITERATIONS, PAD_TO, bucket_count, findings, receipt_keys, seal, site_salt
from lawsite.gather.site import load_site
from lawsite.intake.receipts import ALPHABET, is_receipt, normalise_receipt
from lawsite.settings import Settings
from lawsite.urls import SiteUrls

REPO = Path(__file__).resolve().parents[2]
FAST = 10  # PBKDF2 rounds in the property tests; the format does not depend on them
SALT = site_salt(Settings(site_url="https://lawsite.example.gov.cn/"))

receipts = st.text(alphabet=ALPHABET, min_size=12, max_size=12).map(lambda s: f"{s[:4]}-{s[4:8]}-{s[8:]}")


def open_record(typed: str, buckets: list[list[list[str]]], salt: bytes, iterations: int = FAST) -> Any:
    """What the lookup page shows for `typed`: its findings, or None."""
    receipt = normalise_receipt(typed)
    if receipt is None:
        return None
    keys = receipt_keys(receipt, salt, iterations)
    tag = base64.b64encode(keys.tag).decode()
    for pair_tag, sealed in buckets[keys.bucket(len(buckets))]:
        if pair_tag == tag:
            plain = AESGCM(keys.key).decrypt(keys.nonce, base64.b64decode(sealed), None)
            return json.loads(plain.decode("utf-8"))
    return None


def _records(published: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    return {receipt: [{"text": text}] for receipt, text in published.items()}


@hsettings(max_examples=25, deadline=None)
@given(st.dictionaries(receipts, st.text(min_size=1, max_size=300), min_size=1, max_size=40), receipts)
def test_each_receipt_finds_its_own_record_and_no_other_receipt_finds_one(published: dict[str, str], other: str) -> None:
    buckets = seal(_records(published), SALT, FAST)
    for receipt, text in published.items():
        assert open_record(receipt, buckets, SALT) == [{"text": text}]
        typed = receipt.lower().replace("-", " ").replace("0", "o").replace("1", "l")
        assert open_record(typed, buckets, SALT) == [{"text": text}]  # as a person types it back
    if other not in published:
        assert open_record(other, buckets, SALT) is None
    assert open_record(next(iter(published)), buckets, SALT + b"x") is None  # another site's salt


@pytest.mark.parametrize("typed", ["", "7KQ2-M9XD-4TN", "7KQ2-M9XD-4TNBX", "7KQ2-M9XD-4TNU", "7KQ2/M9XD/4TNB", "第十二条", "7KQ2-M9XD-4TNB" * 3])
def test_a_malformed_receipt_finds_nothing(typed: str) -> None:
    buckets = seal(_records({"7KQ2-M9XD-4TNB": "x"}), SALT, FAST)
    assert open_record(typed, buckets, SALT) is None


@hsettings(max_examples=15, deadline=None)
@given(st.dictionaries(receipts, st.sampled_from(["短", "一条很长的意见" * 40]), min_size=1, max_size=60))
def test_buckets_reveal_no_receipt_nor_which_or_how_many(published: dict[str, str]) -> None:
    buckets = seal(_records(published), SALT, FAST)
    text = json.dumps(buckets)
    for receipt in published:
        assert receipt not in text and receipt.replace("-", "") not in text
    assert len(buckets) == bucket_count(len(published))
    sizes = {len(bucket) for bucket in buckets}
    assert len(sizes) == 1 and sizes.pop() % PAD_TO == 0  # every bucket padded to one size
    lengths = {(len(tag), len(sealed)) for bucket in buckets for tag, sealed in bucket}
    assert len(lengths) == 1  # short and long records, fillers: all of one length
    for bucket in buckets:
        assert bucket == sorted(bucket)  # the order says nothing of when a receipt was added


def test_a_filler_opens_with_no_key_and_sealing_is_deterministic() -> None:
    published = _records({"7KQ2-M9XD-4TNB": "x", "N63T-WFSX-HTDQ": "y"})
    assert seal(published, SALT, FAST) == seal(published, SALT, FAST)  # reproducible builds
    buckets = seal(published, SALT, FAST)
    keys = receipt_keys("7KQ2-M9XD-4TNB", SALT, FAST)
    real = base64.b64encode(keys.tag).decode()
    fillers = [sealed for tag, sealed in buckets[0] if tag != real]
    assert len(fillers) == PAD_TO - 1  # two receipts in one bucket of eight: six fillers and the other record
    opened = 0
    for sealed in fillers:
        try:
            AESGCM(keys.key).decrypt(keys.nonce, base64.b64decode(sealed), None)
            opened += 1
        except InvalidTag:
            pass
    assert opened == 0


def test_buckets_hold_about_sixteen_records_before_padding() -> None:
    assert [bucket_count(n) for n in (0, 1, 16, 17, 33, 1000)] == [1, 1, 1, 2, 4, 64]


def test_only_ids_written_as_receipts_are_receipts() -> None:
    assert is_receipt("N63T-WFSX-HTDQ")
    for comment_id in ("n63t-wfsx-htdq", "N63TWFSXHTDQ", "mail-3f9c2a71b04e5d18", "yunshan-ganji-2026-05.csv:7", "3f9c2a71b04e"):
        assert not is_receipt(comment_id), comment_id


def test_the_salt_is_the_settings_or_the_sites_address() -> None:
    assert site_salt(Settings(site_url="https://a.example/")) == site_salt(Settings(site_url="https://a.example/"))
    assert site_salt(Settings(site_url="https://a.example/")) != site_salt(Settings(site_url="https://b.example/"))
    assert site_salt(Settings(site_url="https://a.example/", lookup_salt="青川")) == site_salt(Settings(site_url="https://b.example/", lookup_salt="青川"))


def test_the_sample_sites_receipts_find_their_suggestions() -> None:
    site = load_site(REPO / "content")
    links = SiteUrls({"lawsite-lookup": "lookup/", "qingchuan-elderly-care-2026": "drafts/elderly-care/", "qingchuan-elderly-care-2026-feedback": "notices/elderly-care-feedback/"}).at("lookup/")
    found, others = findings(site, links, Settings())
    assert len(found) == 10 and others == 4  # a mail hash and three paper rows are not published
    [finding] = found["N63T-WFSX-HTDQ"]
    assert finding["article"] == "第六条（配建标准）" and finding["outcome_label"] == "采纳"
    assert finding["text"] == "老旧小区补足养老服务用房应当明确时间表。"
    assert finding["ledger_href"] == "../drafts/elderly-care/#art_6" and finding["notice_href"] == "../notices/elderly-care-feedback/#ledger-art_6"
    assert re.search("修改稿第六条第二款", finding["reason"])
    buckets = seal(found, SALT, ITERATIONS)
    assert open_record("n63t wfsx htdq", buckets, SALT, ITERATIONS) == [finding]
    assert open_record("N63T-WFSX-HTDR", buckets, SALT, ITERATIONS) is None

