"""The service's own pages: the receipt and a refusal. Plain HTML in Chinese,
no script, one inline style allowed by its hash, nothing from any host."""

from __future__ import annotations

import base64
import hashlib
import html
from zoneinfo import ZoneInfo

from .catalogue import Catalogue
from .store import Stored

_STYLE = (
    "body{font:16px/1.7 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}"
    ".receipt{font:700 1.6rem/1.4 ui-monospace,monospace;letter-spacing:.08em}"
    "blockquote{white-space:pre-wrap;border-left:4px solid #b71c1c;margin:1rem 0;padding:.5rem 1rem;background:#f6f6f6}"
)
_STYLE_HASH = base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()
CSP = (
    f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; img-src 'none'; "
    "form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
)


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<meta name="referrer" content="no-referrer"><title>{html.escape(title)}</title>'
        f"<style>{_STYLE}</style></head><body>{body}</body></html>"
    )


def _back(catalogue: Catalogue, url: str = "") -> str:
    target = url or catalogue.site_url
    return f'<p><a href="{html.escape(target)}">返回网站</a></p>' if target else ""


def receipt_page(comment: Stored, catalogue: Catalogue, tz: ZoneInfo) -> str:
    draft = catalogue.drafts.get(comment.doc)
    title = draft.title if draft else comment.doc
    received = comment.received.astimezone(tz)
    body = (
        "<h1>意见已收到</h1>"
        f'<p>回执号：<span class="receipt">{html.escape(comment.receipt)}</span></p>'
        + _lookup(catalogue, comment.receipt)
        + f"<p>文件：《{html.escape(title)}》<br>条文：{html.escape(catalogue.label(comment.doc, comment.article))}<br>"
        f"收到时间：{received:%Y年%m月%d日 %H:%M}</p>"
        f"<p>您提交的意见：</p><blockquote>{html.escape(comment.text)}</blockquote>"
        "<p>姓名和联系方式与意见分开保存，不会公开。</p>"
        + _back(catalogue, draft.url if draft else "")
    )
    return _page(f"回执 {comment.receipt}", body)


def _lookup(catalogue: Catalogue, receipt: str) -> str:
    """When and where the outcome can be looked up: the site's lookup page,
    the receipt in the fragment (never sent to a server, so in no log)."""
    when = "请记下回执号。意见处理情况随《意见采纳情况的说明》公布，说明公布后，"
    if not catalogue.lookup_url:
        return f"<p>{when}可凭回执号在网站上查询。</p>"
    href = html.escape(f"{catalogue.lookup_url}#receipt={receipt}")
    return f'<p>{when}可凭回执号在网站的<a href="{href}">查询我的意见</a>页面查到处理结果和理由。</p>'


def refusal_page(message: str, catalogue: Catalogue) -> str:
    return _page("未能受理", f"<h1>未能受理</h1><p>{html.escape(message)}</p>" + _back(catalogue))

