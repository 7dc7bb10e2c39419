"""Which MkDocs the plugin runs on, and a clear refusal otherwise.

The plugin uses only the public MkDocs 1.x plugin API (events, `Config`,
`Files`, `Page`, `Navigation`). MkDocs 2.0 drops plugins; ProperDocs, the
maintained 1.x continuation, keeps the API and reports its own version
(1.6.x) through the same `mkdocs.__version__` alias.
"""

from __future__ import annotations

import re

from .messages import msg
from .model import ConfigError

MINIMUM = (1, 6)
BELOW = (2, 0)
SUPPORTED = "MkDocs ≥ 1.6 and < 2.0, or ProperDocs 1.6.x"


def version_tuple(version: str) -> tuple[int, ...]:
    """'1.6.1' → (1, 6, 1); '2.0.0rc1' → (2, 0, 0); '' → ()."""
    return tuple(int(part) for part in re.findall(r"\d+", version.split("+")[0])[:3])


def require_supported_engine(version: str) -> None:
    """Raise ConfigError unless `version` (of mkdocs) is one the plugin supports."""
    found = version_tuple(version)
    if not found or not MINIMUM <= found[:2] < BELOW:
        raise ConfigError(msg("error.engine", own=_own_version(), supported=SUPPORTED, version=version or "?"))


def _own_version() -> str:
    from . import __version__

    return __version__
