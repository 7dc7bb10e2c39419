"""Find a site's content folder and lawsite settings from its mkdocs.yml,
without starting MkDocs (so `check` and `outline` stay fast)."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .messages import msg
from .model import ConfigError
from .settings import Settings


class _PermissiveLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !ENV or !!python/name; we only need plain keys."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_PermissiveLoader.add_multi_constructor("", _ignore_tag)


@dataclass(frozen=True)
class Project:
    config_file: Path
    content_dir: Path
    site_dir: Path
    settings: Settings


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and "lawsite" in entry:
            return entry["lawsite"] or {}
    return {}


def theme_dirs(config: dict[str, Any], base: Path) -> tuple[str, ...]:
    """The template folders MkDocs will search, as far as known without MkDocs:
    the `custom_dir`, then the theme package's `templates/` (Material's).
    Empty when the theme is not found, so that nothing is wrongly refused."""
    theme = config.get("theme")
    theme = theme if isinstance(theme, dict) else {"name": theme}
    name, custom = theme.get("name"), theme.get("custom_dir")
    spec = importlib.util.find_spec(name) if isinstance(name, str) and name.isidentifier() else None
    if spec is None or spec.origin is None:
        return ()
    folders = [base / str(custom)] if custom else []
    folders.append(Path(spec.origin).parent / "templates")
    return tuple(str(f) for f in folders)


def load_project(config_file: Path) -> Project:
    if not config_file.is_file():
        raise ConfigError(msg("error.no-config", config_file=config_file))
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_PermissiveLoader) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(msg("error.config-yaml", config_file=config_file, exc=exc)) from exc
    base = config_file.parent
    settings = Settings.from_options(config.get("site_url"), plugin_options(config), theme_dirs(config, base))
    return Project(
        config_file=config_file,
        content_dir=base / str(config.get("docs_dir", "docs")),
        site_dir=base / str(config.get("site_dir", "site")),
        settings=settings,
    )
