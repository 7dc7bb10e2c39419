"""The intake web service: an ASGI application for uvicorn.

Starlette, because the service is four routes and a middleware: it gives
routing, requests, responses and lifespan on plain ASGI and nothing more.
FastAPI would add pydantic and generated OpenAPI pages for an API with one
form; Litestar is larger still. The body is read and parsed here (no
python-multipart): the size limit is enforced while reading, and forms are
URL-encoded, which is what a plain HTML form sends.

Routes: POST /comments (one comment, form or JSON; or a basket's comments
in one JSON request, `{"comments": [...]}`, stored all or none and answered
with all the receipts), GET /receipts/{receipt}, GET /export?concerns=ID
(bearer token from LAWSITE_INTAKE_TOKEN; off without it), GET /health.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import time
import urllib.parse
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import AsyncIterator, Callable, Mapping
from zoneinfo import ZoneInfo

from starlette.applications import Starlette
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..numerals import whole_number
from .catalogue import LiveCatalogue
from .export import csv_chunks
from .pages import CSP, receipt_page, refusal_page
from .ratelimit import RateLimit
from .receipts import normalise_receipt
from .store import Store
from .submission import (MAX_BATCH, MAX_BATCH_BODY_BYTES, MAX_BODY_BYTES, SHARED_FIELDS, Comment, Refusal, check_batch, check_target,
                         in_batch, read_batch, read_comment)
from .writer import Writer

log = logging.getLogger("lawsite.intake")
MAX_FIELDS = 20  # a form with more fields than this is not ours


@dataclass(frozen=True)
class Options:
    timezone: str = "Asia/Shanghai"
    origin: str | None = None  # the site's origin; None: from the open data's site_url
    per_minute: int = 30  # requests per address and minute
    token: str | None = None  # bearer token of GET /export; None: the endpoint is off


def origin_of(url: str) -> str | None:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


class _Service:
    """What the routes share."""

    def __init__(self, catalogue: LiveCatalogue, store: Store, options: Options, clock: Callable[[], dt.datetime]) -> None:
        self.catalogue = catalogue
        self.store = store
        self.tz = ZoneInfo(options.timezone)
        self.clock = clock
        self.limit = RateLimit(options.per_minute)
        self.token = options.token
        self.writer: Writer | None = None


@dataclass(frozen=True)
class _Batch:
    """A basket's comments: each entry's fields, and those given once for all."""

    entries: list[dict[str, str]]
    shared: dict[str, str]


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "") or request.headers.get("content-type", "").startswith("application/json")


def _refuse(request: Request, service: _Service, refusal: Refusal, headers: Mapping[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": refusal.code, "message": refusal.message}, refusal.status, headers)
    return HTMLResponse(refusal_page(refusal.message, service.catalogue.current()), refusal.status, headers)


def _media_type(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


async def _body(request: Request) -> bytes | Refusal:
    """The body, read no further than the limit (larger for JSON, which may carry a basket)."""
    limit = MAX_BATCH_BODY_BYTES if _media_type(request.headers.get("content-type", "")) == "application/json" else MAX_BODY_BYTES
    too_large = Refusal(413, "body-too-large", f"提交的内容过大（上限 {limit // 1024} KB），请缩短意见或分几次提交。")
    # Not str.isdigit() and int(): '²' is a digit to isdigit and not to int.
    declared = whole_number(request.headers.get("content-length", "") or "0")
    if declared is not None and declared > limit:
        return too_large  # an unreadable length meets the limit below, while reading
    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                return too_large
            chunks.append(chunk)
    except ClientDisconnect:
        return Refusal(400, "incomplete", "提交的内容没有传完，请重新提交。")  # nobody is left to read it
    return b"".join(chunks)


_BAD_UTF8 = Refusal(400, "bad-utf8", "提交的内容不是有效的 UTF-8 文本，请用网站上的表单重新提交。")


def _text_fields(data: object) -> bool:
    """A JSON object of text values, no larger than a form of ours."""
    return isinstance(data, dict) and len(data) <= MAX_FIELDS and all(isinstance(v, str) for v in data.values())


def _encodable(fields: dict[str, str]) -> bool:
    """False when JSON carried lone surrogates (\\ud800): no UTF-8, which no database takes."""
    try:
        "".join(fields.values()).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_fields(body: bytes) -> dict[str, str] | _Batch | Refusal:
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        return _BAD_UTF8
    except ValueError:
        return Refusal(400, "bad-json", "提交的 JSON 格式有误，无法读取。")
    if not (isinstance(data, dict) and "comments" in data):
        if not _text_fields(data):
            return Refusal(422, "bad-json-shape", "提交的 JSON 应是一个对象，各项的值都是文本。")
        return data if _encodable(data) else _BAD_UTF8
    entries, shared = data.pop("comments"), data
    if not (isinstance(entries, list) and entries and all(_text_fields(e) for e in entries) and _text_fields(shared) and set(shared) <= set(SHARED_FIELDS)):
        return Refusal(422, "bad-json-shape", f"一次提交多条意见时，JSON 应是 {{\"comments\": [...]}}：每条意见是一个对象，各项的值都是文本；此外只可有 {'、'.join(SHARED_FIELDS)}。")
    if len(entries) > MAX_BATCH:
        return Refusal(413, "batch-too-large", f"一次最多提交 {MAX_BATCH} 条意见，现有 {len(entries)} 条，请分几次提交。")
    if not all(_encodable(fields) for fields in (*entries, shared)):
        return _BAD_UTF8
    return _Batch(entries, shared)


def _form_fields(body: bytes) -> dict[str, str] | Refusal:
    try:
        # strict twice: raw bytes (curl -d) and percent-escapes must both be UTF-8
        return dict(urllib.parse.parse_qsl(body.decode("utf-8"), errors="strict", max_num_fields=MAX_FIELDS))
    except UnicodeDecodeError:
        return _BAD_UTF8
    except ValueError:
        return Refusal(400, "bad-form", "表单内容有误或栏目过多，无法读取。")


def _fields(body: bytes, content_type: str) -> dict[str, str] | _Batch | Refusal:
    kind = _media_type(content_type)
    if kind == "application/json":
        return _json_fields(body)
    if kind == "application/x-www-form-urlencoded":
        return _form_fields(body)
    return Refusal(415, "unsupported-type", "只接受网页表单（application/x-www-form-urlencoded）或 JSON 格式的提交。")


def _address(request: Request) -> str:
    return request.client.host if request.client else "-"


def _limited(request: Request, service: _Service, cost: int = 1) -> Response | None:
    """A refusal when `cost` more comments from this address are over the limit."""
    wait = service.limit.allow(_address(request), cost)
    if not wait:
        return None
    seconds = max(1, round(wait))
    refusal = Refusal(429, "too-many-requests", f"提交过于频繁（每分钟最多 {service.limit.per_minute} 次），请 {seconds} 秒后再试。")
    return _refuse(request, service, refusal, {"Retry-After": str(seconds)})


async def post_comment(request: Request) -> Response:
    service: _Service = request.app.state.service
    limited = _limited(request, service)
    if limited:
        return limited
    body = await _body(request)
    fields = body if isinstance(body, Refusal) else _fields(body, request.headers.get("content-type", ""))
    if isinstance(fields, _Batch):
        return await _post_batch(request, service, fields)
    comment = fields if isinstance(fields, Refusal) else read_comment(fields)
    if isinstance(comment, Refusal):
        return _refuse(request, service, comment)
    refusal = check_target(comment, service.catalogue.current(), service.clock(), service.tz)
    if refusal:
        return _refuse(request, service, refusal)
    receipts = await _stored(service, [comment])
    if isinstance(receipts, Refusal):
        return _refuse(request, service, receipts)
    if _wants_json(request):
        return JSONResponse({"receipt": receipts[0]}, 201)
    return RedirectResponse(f"receipts/{receipts[0]}", 303)  # relative: the service may sit under a prefix (/intake/)


async def _post_batch(request: Request, service: _Service, batch: _Batch) -> Response:
    """A basket: every comment is checked first, then all are stored in one
    transaction, or none is; the limit counts each comment."""
    comments = read_batch(batch.entries, batch.shared)
    failed = comments if isinstance(comments, tuple) else check_batch(comments, service.catalogue.current(), service.clock(), service.tz)
    if failed:
        return _refuse(request, service, in_batch(*failed))
    assert isinstance(comments, list)
    if len(comments) > service.limit.per_minute:  # it would never pass
        return _refuse(request, service, Refusal(429, "batch-over-limit", f"一次提交的意见超过每分钟的上限（{service.limit.per_minute} 条），请分几次提交。"))
    limited = _limited(request, service, len(comments) - 1)  # the request itself was counted as one
    if limited:
        return limited
    receipts = await _stored(service, comments)
    if isinstance(receipts, Refusal):
        return _refuse(request, service, receipts)
    return JSONResponse({"receipts": receipts}, 201)


async def _stored(service: _Service, comments: list[Comment]) -> list[str] | Refusal:
    """The receipts of `comments` once committed together."""
    assert service.writer is not None
    try:
        return await service.writer.add_all(comments)
    except Exception:
        return Refusal(503, "not-stored", "意见暂时无法保存，请稍后重新提交。")


async def show_receipt(request: Request) -> Response:
    service: _Service = request.app.state.service
    limited = _limited(request, service)  # the same bucket: receipts cannot be tried in bulk
    if limited:
        return limited
    receipt = normalise_receipt(request.path_params["receipt"])
    stored = await run_in_threadpool(service.store.get, receipt) if receipt else None
    if stored is None:
        return _refuse(request, service, Refusal(404, "unknown-receipt", "没有这个回执号，请核对后重新输入。"))
    if receipt != request.path_params["receipt"]:
        return RedirectResponse(receipt, 301)
    return HTMLResponse(receipt_page(stored, service.catalogue.current(), service.tz))


async def export(request: Request) -> Response:
    service: _Service = request.app.state.service
    if not service.token:
        return PlainTextResponse("Not Found", 404)
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), service.token.encode()):
        return PlainTextResponse("需要有效的令牌（Authorization: Bearer …）", 401, {"WWW-Authenticate": 'Bearer realm="lawsite-intake"'})
    doc = request.query_params.get("concerns", "")
    if doc not in service.catalogue.current().drafts:
        return PlainTextResponse(f"没有编号为“{doc}”的征求意见稿", 404)
    rows = csv_chunks(service.store.comments_on(doc), service.tz, doc)
    return StreamingResponse(
        iterate_in_threadpool(rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{doc}-comments.csv"', "Cache-Control": "no-store"},
    )


async def health(request: Request) -> Response:
    service: _Service = request.app.state.service
    try:
        version = await run_in_threadpool(service.store.version)
    except Exception as exc:
        return JSONResponse({"status": "error", "error": type(exc).__name__}, 503)
    return JSONResponse({"status": "ok", "schema": version})


class Guard:
    """Around every request: the site's origin only (CORS and Origin), the
    security headers, and one log line (method, path, status, milliseconds;
    no address, no body: those are personal data)."""

    def __init__(self, app: ASGIApp, origin: str | None) -> None:
        self.app = app
        self.origin = origin

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        status = 500
        origin = dict(scope["headers"]).get(b"origin", b"").decode("latin-1")
        allowed = bool(origin) and origin == self.origin

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
                if allowed:
                    headers += [(b"access-control-allow-origin", origin.encode()), (b"vary", b"Origin")]
                message = {**message, "headers": headers}
            await send(message)

        try:
            if origin and not allowed and scope["method"] != "GET":
                await _plain(send_with_headers, 403, "只接受本站网页提交的意见（Origin 不符）。")
            elif scope["method"] == "OPTIONS":
                await _preflight(send_with_headers)
            else:
                await self.app(scope, receive, send_with_headers)
        finally:
            log.info("%s %s %d %.1fms", scope["method"], scope["path"], status, (time.perf_counter() - started) * 1000)


async def _plain(send: Send, status: int, text: str, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = text.encode()
    await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()), *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


async def _preflight(send: Send) -> None:
    """Reached only from the site's origin (others are refused before)."""
    await _plain(send, 204, "", [(b"access-control-allow-methods", b"POST"), (b"access-control-allow-headers", b"Content-Type, Accept"), (b"access-control-max-age", b"600")])


def create_app(catalogue: LiveCatalogue, store: Store, options: Options, clock: Callable[[], dt.datetime]) -> ASGIApp:
    """The service over an opened store. The store is the caller's to close."""
    service = _Service(catalogue, store, options, clock)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        service.writer = Writer(store, clock)
        try:
            yield
        finally:
            await run_in_threadpool(service.writer.stop)

    app = Starlette(
        routes=[
            Route("/comments", post_comment, methods=["POST"]),
            Route("/receipts/{receipt}", show_receipt, methods=["GET"]),
            Route("/export", export, methods=["GET"]),
            Route("/health", health, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
    app.state.service = service
    origin = options.origin or origin_of(catalogue.current().site_url)
    return Guard(app, origin)
