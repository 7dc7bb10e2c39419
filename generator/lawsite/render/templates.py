"""The Jinja environment for lawsite's partials (one partial per entity).

Templates hold no logic beyond loops over prepared values: the context
builders in `render/` compute every string and URL.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

import jinja2

from .i18n import translator


@lru_cache(maxsize=None)
def environment(language: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("lawsite", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,  # packaged templates do not change during a build; saves a stat() per render
    )
    env.globals["t"] = translator(language)
    return env


def render(language: str, template: str, **context: Any) -> str:
    return environment(language).get_template(template).render(**context).strip()


def render_macro(language: str, template: str, macro: str, *args: Any) -> str:
    """A macro of `template`, for a partial rendered many times a page: the
    template's module is made once, and a macro call needs no new context."""
    return str(getattr(environment(language).get_template(template).module, macro)(*args)).strip()


def format_date(value: dt.date, language: str) -> str:
    """2028年6月30日 in Chinese, 2028-06-30 in English."""
    if language == "en":
        return value.isoformat()
    return f"{value.year}年{value.month}月{value.day}日"
