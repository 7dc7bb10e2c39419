"""The real service (uvicorn in a subprocess) on SQLite and on PostgreSQL:
post → receipt page → export → `lawsite tally`; every refusal with its
status and Chinese message; the origin; purge; SIGKILL; the schema upgrade."""

from __future__ import annotations

import csv
import io
import json
import socket
import time
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from lawsite.intake.backends import open_store
from lawsite.intake.store import CURRENT_VERSION

from .harness import CLOSED, OPEN, ORIGIN, POINT, SITE_URL, TOKEN, UPCOMING, Service, lawsite, running

pytestmark = pytest.mark.usefixtures("english")  # asserts on English texts

COLUMNS = ["id", "channel", "point", "article", "text", "received"]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def service(request: pytest.FixtureRequest, project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("intake-db") / "comments.sqlite3")
    else:
        db = request.getfixturevalue("postgres").new_database()
    with running(project / "site", db, "--per-minute", "100000") as started:
        yield started


def post(service: Service, fields: dict[str, str], **options: object) -> httpx.Response:
    return service.client.post("/comments", data=fields, **options)  # type: ignore[arg-type]


def post_json(service: Service, payload: object, **headers: str) -> httpx.Response:
    return service.client.post("/comments", content=json.dumps(payload, ensure_ascii=False).encode(), headers={"Content-Type": "application/json", **headers})


def chinese(text: str) -> bool:
    return sum("\u4e00" <= c <= "\u9fff" for c in text) >= 4


def test_a_form_post_redirects_to_the_receipt_page(service: Service) -> None:
    text = "第一条应当写明立法依据。<script>alert(1)</script>"
    answer = post(service, {"doc": OPEN, "article": "art_1", "text": text, "name": "张三", "contact": "13800000000"})
    assert answer.status_code == 303
    location = answer.headers["location"]
    assert location.startswith("receipts/")  # relative, so a prefix in front of the service (nginx) stays
    page = service.client.get("/" + location)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    receipt = location.rsplit("/", 1)[1]
    assert receipt in page.text and "意见已收到" in page.text and "第一条" in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text and "<script" not in page.text
    assert "张三" not in page.text and "13800000000" not in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert " src=" not in page.text and "<link" not in page.text  # nothing loaded from anywhere
    # the site's lookup page, the receipt in the fragment (never in a request log), and when to look
    assert f'<a href="{SITE_URL}lookup/#receipt={receipt}">查询我的意见</a>' in page.text
    assert "意见处理情况随《意见采纳情况的说明》公布，说明公布后" in page.text


def test_json_is_answered_with_201_and_the_receipt(service: Service) -> None:
    answer = post_json(service, {"doc": OPEN, "article": "总体", "text": "整体上赞成。", "point": POINT})
    assert answer.status_code == 201
    receipt = answer.json()["receipt"]
    assert service.client.get(f"/receipts/{receipt}").status_code == 200
    # a form asking for JSON is answered in JSON too
    asked = post(service, {"doc": OPEN, "article": "art_2", "text": "同意"}, headers={"Accept": "application/json"})
    assert asked.status_code == 201 and set(asked.json()) == {"receipt"}


def test_a_receipt_typed_back_loosely_is_found_and_an_unknown_one_is_not(service: Service) -> None:
    receipt = post_json(service, {"doc": OPEN, "article": "art_3", "text": "施行日期宜推迟。"}).json()["receipt"]
    loose = service.client.get(f"/receipts/{receipt.lower().replace('-', '')}")
    assert loose.status_code == 301 and loose.headers["location"] == receipt
    for unknown in ("0000-0000-0000", "nonsense"):
        missing = service.client.get(f"/receipts/{unknown}")
        assert missing.status_code == 404 and "没有这个回执号" in missing.text


def _exported(service: Service) -> str:
    answer = service.client.get("/export", params={"concerns": OPEN}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    return answer.content.decode("utf-8-sig")


def test_export_then_tally(service: Service, project: Path, tmp_path: Path) -> None:
    texts = ["=HYPERLINK(\"http://evil\")", "+1", "@SUM(A1)", "-2", "普通意见，含逗号,和\"引号\"\n以及换行"]
    receipts = [post_json(service, {"doc": OPEN, "article": "art_2", "text": t, "name": "不公开的人"}).json()["receipt"] for t in texts]
    post_json(service, {"doc": OPEN, "article": "art_1", "text": "联系点收集", "point": POINT})
    via_endpoint = _exported(service)
    rows = list(csv.DictReader(io.StringIO(via_endpoint)))
    assert list(rows[0])[: len(COLUMNS)] == COLUMNS
    by_id = {row["id"]: row for row in rows}
    assert [by_id[r]["text"] for r in receipts] == ["'=HYPERLINK(\"http://evil\")", "'+1", "'@SUM(A1)", "'-2", texts[4]]
    assert {row["channel"] for row in rows} == {"web"}
    assert all(row["received"].startswith("2026-12-01T") and row["received"].endswith("+08:00") for row in rows)
    assert "不公开的人" not in via_endpoint and "13800000000" not in via_endpoint
    assert any(row["point"] == POINT for row in rows)

    out = tmp_path / "comments.csv"
    done = lawsite("intake", "export", "--db", service.db, "--concerns", OPEN, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert f"{len(rows)} comment(s)" in done.stdout
    assert out.read_bytes().decode("utf-8-sig") == via_endpoint

    notice = tmp_path / "notice.md"  # tally reads the export as it is (the collect format)
    tallied = lawsite("-f", str(project / "mkdocs.yml"), "tally", str(out), "--concerns", OPEN, "--out", str(notice))
    assert tallied.returncode == 0, tallied.stderr
    assert f"read {len(rows)} comment row(s)" in tallied.stdout
    from_point = sum(row["point"] == POINT for row in rows)
    assert f"  {POINT}\t{from_point} comment(s)" in tallied.stdout  # the point's comments count for the point
    assert "联系点收集" in notice.read_text(encoding="utf-8") and f"from: {POINT}" in notice.read_text(encoding="utf-8")


def test_export_needs_the_token(service: Service) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        answer = service.client.get("/export", params={"concerns": OPEN}, headers=headers)
        assert answer.status_code == 401, headers
    unknown = service.client.get("/export", params={"concerns": "nope"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert unknown.status_code == 404


REFUSALS = [
    ({"doc": CLOSED, "article": "art_1", "text": "x"}, 409, "closed", "已于2026年10月31日截止"),
    ({"doc": UPCOMING, "article": "art_1", "text": "x"}, 409, "not-yet-open", "2027年1月1日起"),
    ({"doc": "no-such", "article": "art_1", "text": "x"}, 404, "unknown-document", "没有编号为“no-such”的征求意见稿"),
    ({"doc": OPEN, "article": "art_9", "text": "x"}, 404, "unknown-article", "没有条文“art_9”"),
    ({"doc": OPEN, "article": "art_1", "text": "x", "point": "nowhere"}, 422, "unknown-point", "基层立法联系点"),
    ({"doc": OPEN, "article": "art_1", "text": "x", "website": "http://spam.example"}, 422, "honeypot", "应留空"),
    ({"doc": OPEN, "article": "art_1"}, 422, "missing-field", "缺少意见内容"),
    ({"doc": OPEN, "article": "art_1", "text": "长" * 10_001}, 413, "field-too-long", "最多 10000 个字"),
    ({"doc": OPEN, "article": "art_1", "text": "a\x00b"}, 422, "control-character", "控制字符"),
]


@pytest.mark.parametrize(("fields", "status", "code", "words"), REFUSALS, ids=[r[2] for r in REFUSALS])
def test_refusals_in_json_and_html(service: Service, fields: dict[str, str], status: int, code: str, words: str) -> None:
    as_json = post_json(service, fields)
    assert (as_json.status_code, as_json.json()["error"]) == (status, code)
    assert words in as_json.json()["message"] and chinese(as_json.json()["message"])
    as_form = post(service, fields)
    assert as_form.status_code == status and as_form.headers["content-type"].startswith("text/html")
    assert words in as_form.text


# --- a basket: several comments in one request ----------------------------------------


def _stored_on(service: Service, doc: str) -> dict[str, str]:
    store = open_store(service.db)
    try:
        return {c.receipt: c.text for c in store.comments_on(doc)}
    finally:
        store.close()


def test_a_basket_is_stored_in_one_request_with_every_receipt(service: Service) -> None:
    basket = {"comments": [{"doc": OPEN, "article": f"art_{n}", "text": f"篮中第{n}条的意见"} for n in (1, 2, 3)],
              "name": "李四", "contact": "li@example.org", "point": POINT, "website": ""}
    answer = post_json(service, basket, Origin=ORIGIN)
    assert answer.status_code == 201 and answer.headers["access-control-allow-origin"] == ORIGIN
    receipts = answer.json()["receipts"]
    assert len(set(receipts)) == 3
    stored = _stored_on(service, OPEN)
    assert [stored[r] for r in receipts] == ["篮中第1条的意见", "篮中第2条的意见", "篮中第3条的意见"]
    page = service.client.get(f"/receipts/{receipts[1]}")
    assert page.status_code == 200 and "第二条" in page.text and "李四" not in page.text
    store = open_store(service.db)
    try:
        assert all(store.personal(r) == ("李四", "li@example.org") and store.get(r).point == POINT for r in receipts)  # type: ignore[union-attr]
    finally:
        store.close()


@pytest.mark.parametrize(("bad", "status", "code"), [
    ({"doc": OPEN, "article": "art_9", "text": "x"}, 404, "unknown-article"),
    ({"doc": CLOSED, "article": "art_1", "text": "x"}, 409, "closed"),
    ({"doc": OPEN, "article": "art_1"}, 422, "missing-field"),
    ({"doc": OPEN, "article": "art_1", "text": "x", "website": "spam"}, 422, "honeypot"),
], ids=["unknown-article", "closed", "missing-field", "honeypot"])
def test_a_basket_with_one_bad_comment_stores_none(service: Service, bad: dict[str, str], status: int, code: str) -> None:
    before = _stored_on(service, OPEN)
    basket = {"comments": [{"doc": OPEN, "article": "art_1", "text": "好的一条"}, bad, {"doc": OPEN, "article": "art_3", "text": "又一条"}]}
    answer = post_json(service, basket)
    assert (answer.status_code, answer.json()["error"]) == (status, code)
    assert "第 2 条意见未能受理，全部意见均未保存" in answer.json()["message"]
    assert _stored_on(service, OPEN) == before


@pytest.mark.parametrize(("payload", "status", "code"), [
    ({"comments": []}, 422, "bad-json-shape"),
    ({"comments": "art_1"}, 422, "bad-json-shape"),
    ({"comments": [{"doc": OPEN, "article": "art_1", "text": 5}]}, 422, "bad-json-shape"),
    ({"comments": [{"doc": OPEN, "article": "art_1", "text": "x"}], "doc": OPEN}, 422, "bad-json-shape"),  # only name, contact, point shared
    ({"comments": [{"doc": OPEN, "article": "art_1", "text": "x"}] * 51}, 413, "batch-too-large"),
    ({"comments": [{"doc": OPEN, "article": "art_1", "text": "\ud800"}]}, 400, "bad-utf8"),
], ids=["empty", "not-a-list", "not-text", "shared-doc", "too-many", "surrogate"])
def test_malformed_baskets(service: Service, payload: dict[str, object], status: int, code: str) -> None:
    body = json.dumps(payload).replace("\\\\ud800", "\\ud800").encode()
    answer = service.client.post("/comments", content=body, headers={"Content-Type": "application/json"})
    assert (answer.status_code, answer.json()["error"]) == (status, code) and chinese(answer.json()["message"])


def test_a_basket_larger_than_a_form_is_taken_within_its_own_limit(service: Service) -> None:
    basket = {"comments": [{"doc": OPEN, "article": "art_1", "text": "长" * 9_000}] * 12}  # ~330 KB of JSON: above one form's 256 KB
    assert post_json(service, basket).status_code == 201


def _raw(service: Service, head: str, body: bytes = b"") -> tuple[int, str]:
    """A request written by hand (what httpx would refuse to send)."""
    with socket.create_connection(("127.0.0.1", service.port)) as sock:
        sock.sendall(head.replace("\n", "\r\n").encode() + b"\r\n" + body)
        data = b""
        while b"\r\n\r\n" not in data or len(data) < data.index(b"\r\n\r\n") + 4 + _length(data):
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data.split(b"\r\n\r\n", 1)[1].decode("utf-8")


def _length(data: bytes) -> int:
    for line in data.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":")[1])
    return 0


def test_a_huge_declared_body_is_refused_before_it_is_sent(service: Service) -> None:
    status, body = _raw(service, "POST /comments HTTP/1.1\nHost: x\nContent-Type: application/json\nAccept: application/json\nContent-Length: 1000000000\n")
    assert status == 413 and "过大" in json.loads(body)["message"]


def test_a_long_body_without_length_is_cut_off_at_the_limit(service: Service) -> None:
    def endless() -> Iterator[bytes]:
        for _ in range(64):  # 4 MB, sent chunked: no Content-Length to refuse on
            yield b"text=" + b"a" * 65536

    answer = service.client.post("/comments", content=endless(), headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
    assert answer.status_code == 413 and answer.json()["error"] == "body-too-large"


@pytest.mark.parametrize(
    ("content_type", "body", "status", "code"),
    [
        ("application/json", b'{"doc": "open-draft", "article": ', 400, "bad-json"),
        ("application/json", b"[1, 2]", 422, "bad-json-shape"),
        ("application/json", b'{"doc": "open-draft", "article": "art_1", "text": 5}', 422, "bad-json-shape"),
        ("application/json", b'{"doc": "open-draft", "article": "art_1", "text": "\xff\xfe"}', 400, "bad-utf8"),
        ("application/json", b'{"doc": "open-draft", "article": "art_1", "text": "\\ud800"}', 400, "bad-utf8"),
        ("application/x-www-form-urlencoded", b"doc=open-draft&article=art_1&text=%FF%FE", 400, "bad-utf8"),
        ("application/x-www-form-urlencoded", b"doc=open-draft&article=art_1&text=\xc3\x28", 400, "bad-utf8"),
        ("application/x-www-form-urlencoded", b"&".join(b"f%d=1" % n for n in range(50)), 400, "bad-form"),
        ("text/plain", b"doc=open-draft", 415, "unsupported-type"),
        ("multipart/form-data; boundary=x", b"--x--", 415, "unsupported-type"),
    ],
)
def test_malformed_bodies(service: Service, content_type: str, body: bytes, status: int, code: str) -> None:
    answer = service.client.post("/comments", content=body, headers={"Content-Type": content_type, "Accept": "application/json"})
    assert (answer.status_code, answer.json()["error"]) == (status, code)
    assert chinese(answer.json()["message"])


def test_raw_utf8_in_a_form_is_taken(service: Service) -> None:
    body = "doc=open-draft&article=art_1&text=直接发送的中文".encode()
    answer = service.client.post("/comments", content=body, headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
    assert answer.status_code == 201


def test_only_the_site_origin_may_post(service: Service) -> None:
    fields = {"doc": OPEN, "article": "art_1", "text": "跨站"}
    foreign = post(service, fields, headers={"Origin": "https://evil.example"})
    assert foreign.status_code == 403 and "Origin" in foreign.text and "access-control-allow-origin" not in foreign.headers
    null = post(service, fields, headers={"Origin": "null"})
    assert null.status_code == 403
    ours = post(service, fields, headers={"Origin": ORIGIN, "Accept": "application/json"})
    assert ours.status_code == 201 and ours.headers["access-control-allow-origin"] == ORIGIN
    preflight = service.client.options("/comments", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 204 and preflight.headers["access-control-allow-origin"] == ORIGIN
    assert "POST" in preflight.headers["access-control-allow-methods"]
    refused = service.client.options("/comments", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert refused.status_code == 403


def _log_lines(service: Service, needle: str) -> list[str]:
    """The service's log lines holding `needle`, once one has been written:
    the line reaches the log file a moment after the answer reaches us."""
    deadline = time.monotonic() + 10
    while True:
        lines = [line for line in service.output().splitlines() if needle in line]
        if lines or time.monotonic() > deadline:
            return lines
        time.sleep(0.05)


def test_health_and_one_log_line_per_request(service: Service) -> None:
    answer = service.client.get("/health")
    assert answer.json() == {"status": "ok", "schema": CURRENT_VERSION}
    service.client.get("/receipts/AAAA-BBBB-CCCC?marker=1")
    lines = _log_lines(service, "GET /receipts/AAAA-BBBB-CCCC")
    assert len(lines) == 1 and lines[0].split()[-2] == "404"
    assert "marker" not in lines[0]  # the query string is not logged


# --- services of their own --------------------------------------------------------


def test_too_many_requests(project: Path, db_url: str) -> None:
    with running(project / "site", db_url, "--per-minute", "3", token=None) as limited:
        fields = {"doc": OPEN, "article": "art_1", "text": "限流"}
        assert [post_json(limited, fields).status_code for _ in range(3)] == [201, 201, 201]
        refused = post_json(limited, fields)
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
        assert "提交过于频繁" in refused.json()["message"] and "每分钟最多 3 次" in refused.json()["message"]
        # without LAWSITE_INTAKE_TOKEN the export endpoint is off
        assert limited.client.get("/export", params={"concerns": OPEN}, headers={"Authorization": "Bearer x"}).status_code == 404


def test_the_limit_counts_each_comment_of_a_basket(project: Path, db_url: str) -> None:
    with running(project / "site", db_url, "--per-minute", "4", token=None) as limited:
        def basket(n: int) -> dict[str, object]:
            return {"comments": [{"doc": OPEN, "article": "art_1", "text": f"限流{i}"} for i in range(n)]}

        over = post_json(limited, basket(5))
        assert (over.status_code, over.json()["error"]) == (429, "batch-over-limit") and "4 条" in over.json()["message"]
        assert post_json(limited, basket(3)).status_code == 201  # 3 of 4 (the refused request took 1)
        refused = post_json(limited, basket(2))
        assert (refused.status_code, refused.json()["error"]) == (429, "too-many-requests")
    store = open_store(db_url)
    try:
        assert len(list(store.comments_on(OPEN))) == 3
    finally:
        store.close()


def test_purge_removes_names_and_contacts(project: Path, db_url: str) -> None:
    with running(project / "site", db_url) as started:
        receipts = [post_json(started, {"doc": OPEN, "article": "art_1", "text": f"意见{n}", "name": "张三", "contact": "zhang@example.org"}).json()["receipt"] for n in range(3)]
        post_json(started, {"doc": OPEN, "article": "art_1", "text": "匿名"})
    kept = lawsite("intake", "purge", "--db", db_url, "--before", "2026-12-01")  # received on the 1st (Shanghai): kept
    assert kept.returncode == 0 and "of 0 comment(s)" in kept.stdout
    purged = lawsite("intake", "purge", "--db", db_url, "--before", "2026-12-02")
    assert purged.returncode == 0 and "of 3 comment(s)" in purged.stdout, purged.stdout + purged.stderr
    store = open_store(db_url)
    try:
        assert all(store.personal(r) is None and store.get(r) is not None for r in receipts)
    finally:
        store.close()
    bad = lawsite("intake", "purge", "--db", db_url, "--before", "yesterday")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr


def test_every_receipt_survives_sigkill(project: Path, db_url: str) -> None:
    started = Service(project / "site", db_url, "--per-minute", "100000").start()
    try:
        receipts = [post_json(started, {"doc": OPEN, "article": "art_2", "text": f"第{n}条"}).json()["receipt"] for n in range(30)]
        started.kill()
    finally:
        started.stop()
    with running(project / "site", db_url) as again:
        assert all(again.client.get(f"/receipts/{r}").status_code == 200 for r in receipts)


def test_the_service_upgrades_a_version_1_database(project: Path, db_url: str) -> None:
    open_store(db_url, upto=1).close()
    with running(project / "site", db_url) as started:
        assert started.client.get("/health").json()["schema"] == CURRENT_VERSION


def test_serve_without_open_data_says_so(tmp_path: Path) -> None:
    done = lawsite("intake", "serve", "--site", str(tmp_path), "--db", str(tmp_path / "c.sqlite3"))
    assert done.returncode == 2 and "build the site first" in done.stderr
