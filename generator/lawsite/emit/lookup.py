"""查询我的意见: what became of one comment, found by its receipt, with no server.

A notice's suggestions keep the ids of the comments merged into them
(`Suggestion.ids`); those that are receipts of the comment service
(intake/receipts.py) are published here, sealed so that only the receipt
opens them. Other ids (a mail's Message-ID hash, `file:row` of a paper
form) are guessable or unknown to the commenter: never published, counted.

Per receipt, with the site's salt:

    M      = PBKDF2-HMAC-SHA256(receipt as `7KQ2-M9XD-4TNB`, salt, ITERATIONS, 32 bytes)
    find   = SHA-256(M ‖ "find"):  bytes 0–3 choose the bucket (mod BUCKETS, a power of two),
                                   4–15 are the record's tag, 16–27 its AES-GCM nonce
    key    = SHA-256(M ‖ "key"):   the AES-256-GCM key of the record

The record (what became of the comment: draft, article, suggestion, outcome,
reason, links) is JSON padded with spaces to one length for the whole site,
then sealed; `lookup/buckets/<n>.json` holds `[tag, sealed]` pairs sorted by
tag, every bucket padded with filler pairs (pseudorandom, of the same
lengths) to the same size. So a bucket shows neither a receipt nor which
suggestion, nor how many comments any suggestion merged; the number of
buckets and their size bound only the site's total.

Why a slow hash: receipts have 60 bits. With plain SHA-256 a GPU trying 10^10
receipts a second finds one of 1,000 published receipts in about a day and
a half; PBKDF2 with ITERATIONS rounds makes that about 20,000 times longer
(over a century), while a phone derives one receipt in a few tens of
milliseconds. Each key seals one record only, so a nonce derived from the
receipt is safe.

Why the salt is fixed (`lookup_salt` in the settings, else derived from the
site's address): the browser must know it, so it cannot be secret; its work
is to make a table computed for one site useless on another. A random salt
per build would add nothing against guessing, yet make two builds of the same
content differ in every bucket (no reproducible builds; every cache and
mirror fetching all the files anew).

Pure: a Site, its links and settings in, `{path: bytes}` out. The browser
side is `assets/lookup.js`; `tests/lookup/` holds a reader of the format.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from dataclasses import dataclass
from typing import Any, Iterable

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..gather.ledger import anchor_for
from ..gather.site import Site
from ..intake.receipts import is_receipt
from ..model import GENERAL, Notice, Suggestion
from ..render.i18n import translator
from ..render.ledger import article_heading
from ..render.templates import format_date
from ..settings import Settings
from ..urls import LOOKUP_ID, PageLinks
from .publisher import Publisher

LOOKUP_SRC = "lookup.md"  # the page: lookup/ in the built site
BUCKET_DIR = "lookup/buckets"
FORMAT = 1
ITERATIONS = 20_000
PER_BUCKET = 16  # records a bucket is meant to hold, before padding
PAD_TO = 8  # every bucket holds a multiple of this many pairs
RECORD_BLOCK = 256  # records are padded to a multiple of this many bytes
TAG_BYTES = 12
NONCE_BYTES = 12
_SALT_LABEL = b"lawsite lookup v1\n"


def site_salt(settings: Settings) -> bytes:
    """The salt of the site's receipts: from the settings, else from its address."""
    return hashlib.sha256(_SALT_LABEL + (settings.lookup_salt or settings.site_url).encode("utf-8")).digest()


@dataclass(frozen=True)
class Keys:
    """What one receipt derives: where its record is, how it is known and opened."""

    bucket_bits: int  # the first 32 bits of `find`, reduced mod the bucket count by the reader
    tag: bytes
    nonce: bytes
    key: bytes

    def bucket(self, buckets: int) -> int:
        return self.bucket_bits % buckets


def receipt_keys(receipt: str, salt: bytes, iterations: int = ITERATIONS) -> Keys:
    """The keys of `receipt`, in its grouped form (`7KQ2-M9XD-4TNB`)."""
    master = hashlib.pbkdf2_hmac("sha256", receipt.encode("ascii"), salt, iterations, 32)
    find = hashlib.sha256(master + b"find").digest()
    key = hashlib.sha256(master + b"key").digest()
    return Keys(int.from_bytes(find[:4], "big"), find[4 : 4 + TAG_BYTES], find[16 : 16 + NONCE_BYTES], key)


def bucket_count(receipts: int) -> int:
    """A power of two, so that buckets hold about PER_BUCKET records each."""
    return 1 << max(0, math.ceil(math.log2(max(1, math.ceil(receipts / PER_BUCKET)))))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# --- what a receipt finds ----------------------------------------------------------


@dataclass(frozen=True)
class Published:
    """The sealed buckets and what went into them, for the build's log line."""

    files: dict[str, bytes]
    receipts: int  # receipts published
    others: int  # ids that are no receipt: not published
    buckets: int


def findings(site: Site, links: PageLinks, settings: Settings) -> tuple[dict[str, list[dict[str, str]]], int]:
    """Receipt → what became of its comment (one finding per suggestion that
    lists it), and how many ids were no receipt."""
    found: dict[str, list[dict[str, str]]] = {}
    others = 0
    for notice in site.notices.values():
        for suggestion in notice.suggestions:
            finding: dict[str, str] | None = None
            for comment_id in suggestion.ids:
                if not is_receipt(comment_id):
                    others += 1
                    continue
                finding = finding or _finding(site, notice, suggestion, links, settings)
                found.setdefault(comment_id, []).append(finding)
    return found, others


def _finding(site: Site, notice: Notice, s: Suggestion, links: PageLinks, settings: Settings) -> dict[str, str]:
    t = translator(settings.language)
    document, draft = site.get(notice.id), site.get(notice.concerns)
    articles = {a.id: a for a in draft.legal.articles} if draft is not None and draft.legal else {}
    group = links.to(notice.id, anchor_for(s.article)) or ""
    on_draft = links.to(notice.concerns, s.article) if s.article in articles else None
    published = document.published if document is not None else None
    return {
        "notice": document.title if document is not None else notice.id,
        "notice_href": group,
        "published": format_date(published, settings.language) if published else "",
        "draft": draft.title if draft is not None else notice.concerns,
        "draft_href": links.to(notice.concerns, "") or "",
        "article": article_heading(s.article, articles, t) if s.article != GENERAL else t("general_group"),
        "ledger_href": on_draft or group,
        "text": s.text,
        "count": t("entry_count", n=s.count),
        "outcome": s.outcome.value,
        "outcome_label": t(f"outcome_{s.outcome.value.replace('-', '_')}"),
        "reason": s.reason or "",
    }


# --- sealing ---------------------------------------------------------------------------


def _padded(plain: bytes, length: int) -> bytes:
    return plain + b" " * (length - len(plain))


def _filler(salt: bytes, bucket: int, index: int, size: int) -> bytes:
    """Pseudorandom bytes in the place of a record, the same for every build."""
    return hashlib.shake_256(salt + f"filler/{bucket}/{index}".encode()).digest(size)


def seal(found: dict[str, list[dict[str, str]]], salt: bytes, iterations: int = ITERATIONS) -> list[list[list[str]]]:
    """The buckets: each a sorted list of `[tag, sealed record]`, all of one size."""
    plains = {receipt: json.dumps(records, ensure_ascii=False, separators=(",", ":")).encode("utf-8") for receipt, records in found.items()}
    length = RECORD_BLOCK * max(1, math.ceil(max((len(p) for p in plains.values()), default=1) / RECORD_BLOCK))
    buckets: list[list[tuple[bytes, bytes]]] = [[] for _ in range(bucket_count(len(found)))]
    for receipt in sorted(plains):
        keys = receipt_keys(receipt, salt, iterations)
        sealed = AESGCM(keys.key).encrypt(keys.nonce, _padded(plains[receipt], length), None)
        buckets[keys.bucket(len(buckets))].append((keys.tag, sealed))
    size = PAD_TO * max(1, math.ceil(max(len(b) for b in buckets) / PAD_TO))
    sealed_size = length + 16  # AES-GCM appends a 16-byte tag
    for n, bucket in enumerate(buckets):
        for index in range(size - len(bucket)):
            filler = _filler(salt, n, index, TAG_BYTES + sealed_size)
            bucket.append((filler[:TAG_BYTES], filler[TAG_BYTES:]))
    return [sorted([b64(tag), b64(sealed)] for tag, sealed in bucket) for bucket in buckets]


def bucket_path(n: int) -> str:
    return f"{BUCKET_DIR}/{n}.json"


def lookup_files(site: Site, publisher: Publisher) -> Published:
    """The sealed buckets of the site's receipts; nothing when the site has no lookup page."""
    here = publisher.urls.url(LOOKUP_ID)
    if here is None:
        return Published({}, 0, 0, 0)
    found, others = findings(site, publisher.urls.at(here), publisher.settings)
    buckets = seal(found, site_salt(publisher.settings))
    files = {bucket_path(n): _json({"format": FORMAT, "records": records}) for n, records in enumerate(buckets)}
    return Published(files, len(found), others, len(buckets))


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def published_receipts(site: Site) -> Iterable[str]:
    """Every id of the site's notices that is a receipt (the lookup page is
    made when there is one, or when a draft takes comments through the service)."""
    return (i for notice in site.notices.values() for s in notice.suggestions for i in s.ids if is_receipt(i))
