"""The service's clock, which tests can set.

`LAWSITE_NOW` (ISO 8601; a time without offset is in the site's time zone)
starts the clock at that moment; it then runs on with the real one, so
comments still arrive in order. Unset, the clock is the real time.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from typing import Callable
from zoneinfo import ZoneInfo

Clock = Callable[[], dt.datetime]


def clock_from_env(tz: ZoneInfo, environ: dict[str, str] | None = None) -> Clock:
    raw = (os.environ if environ is None else environ).get("LAWSITE_NOW")
    if not raw:
        return lambda: dt.datetime.now(dt.timezone.utc)
    start = dt.datetime.fromisoformat(raw)
    if start.tzinfo is None:
        start = start.replace(tzinfo=tz)
    began = time.monotonic()
    return lambda: start + dt.timedelta(seconds=time.monotonic() - began)
