"""Site-wide settings of the domain code, free of MkDocs.

The MkDocs adapter fills this from `plugins: - lawsite: …` in mkdocs.yml; the
CLI fills it from the same file. Tests build it directly.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .messages import msg
from .model import ConfigError
from .urls import service_origin

LANGUAGES = ("zh", "zh-Hant", "en")


@dataclass(frozen=True)
class Footer:
    """What a government site's footer states (政府网站发展指引): who runs the
    site, how to reach them and its registrations. Each absent one is not shown."""

    sponsor: str = ""  # 主办单位
    contact: str = ""  # 联系方式
    site_code: str = ""  # 网站标识码
    icp: str = ""  # ICP备案号, linked to MIIT's register
    police: str = ""  # 公安机关备案号, linked to the MPS register

    @classmethod
    def from_options(cls, options: object) -> "Footer":
        values = dict(options) if isinstance(options, dict) or hasattr(options, "keys") else {}  # type: ignore[call-overload]
        return cls(**{key: str(values.get(key) or "").strip() for key in cls.__dataclass_fields__})

    @property
    def shown(self) -> bool:
        return any(getattr(self, key) for key in self.__dataclass_fields__)


@dataclass(frozen=True)
class Settings:
    site_url: str = ""  # absolute base URL, for permalinks in mail bodies and QR codes
    timezone: str = "Asia/Shanghai"
    numbering: str = "zh-Hans"  # see lawsite.parse.legal.NUMBERINGS
    language: str = "zh"  # labels: zh, zh-Hant, en
    now: dt.datetime | None = None  # build time; None means "now" (or SOURCE_DATE_EPOCH)
    # The theme's template folders, first wins (custom_dir, Material's); icons are in
    # their `.icons/`. Empty: not known, and `template:`/`icon:` are not checked.
    theme_dirs: tuple[str, ...] = ()
    footer: Footer = Footer()
    intake: str = ""  # the comment service of every draft without its own `comments.intake`; "" none
    lookup_salt: str = ""  # the salt of the published receipts (emit/lookup.py); "" derives it from site_url

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ConfigError(msg("error.timezone", timezone=self.timezone)) from exc
        if self.intake and service_origin(self.intake) is None:
            raise ConfigError(msg("error.intake", intake=self.intake))
        if self.language not in LANGUAGES:
            raise ConfigError(msg("error.language", languages=", ".join(LANGUAGES), language=self.language))

    @classmethod
    def from_options(cls, site_url: str | None, options: dict[str, object], theme_dirs: tuple[str, ...] = ()) -> "Settings":
        """From mkdocs.yml: `site_url`, the `lawsite:` plugin options and the theme's folders."""
        return cls(
            theme_dirs=theme_dirs,
            site_url=site_url.rstrip("/") + "/" if site_url else "",
            timezone=str(options.get("timezone", cls.timezone)),
            numbering=str(options.get("numbering", cls.numbering)),
            language=str(options.get("language", cls.language)),
            footer=Footer.from_options(options.get("footer")),
            intake=str(options.get("intake") or ""),
            lookup_salt=str(options.get("lookup_salt") or ""),
        )

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def build_time(self) -> dt.datetime:
        """The moment the build happens, in the site's time zone.

        SOURCE_DATE_EPOCH (reproducible builds) wins over the clock, so two
        builds of the same content print the same dates and "days left".
        """
        if self.now is not None:
            return self.now.astimezone(self.tz)
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch:
            try:
                return dt.datetime.fromtimestamp(int(epoch), tz=self.tz)
            except ValueError as exc:
                raise ConfigError(msg("error.source-date-epoch", epoch=epoch)) from exc
        return dt.datetime.now(tz=self.tz)

    def today(self) -> dt.date:
        return self.build_time().date()
