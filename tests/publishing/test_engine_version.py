"""The plugin refuses an unsupported MkDocs with a clear message, not a stack trace."""

from __future__ import annotations

from pathlib import Path

import mkdocs
import pytest
from click.testing import CliRunner

from lawsite import __version__
from lawsite.cli import main
from lawsite.compat import require_supported_engine, version_tuple
from lawsite.model import ConfigError

pytestmark = pytest.mark.usefixtures("english")  # asserts on English texts

TINY_DRAFT = "---\nkind: draft\ntitle: 测试条例（草案）\n---\n\n第一条　为了测试，制定本条例。\n"


@pytest.mark.parametrize("version", ["1.6.0", "1.6.1", "1.6.7"])
def test_supported_versions_pass(version):
    require_supported_engine(version)


@pytest.mark.parametrize("version", ["1.5.3", "2.0.0", "2.0.0rc1", "0.17", ""])
def test_unsupported_versions_are_refused_with_what_to_do(version):
    with pytest.raises(ConfigError) as caught:
        require_supported_engine(version)
    message = str(caught.value)
    assert f"lawsite {__version__} needs MkDocs ≥ 1.6 and < 2.0" in message
    assert 'pip install "mkdocs>=1.6,<2"' in message and "properdocs" in message


def test_version_tuple():
    assert version_tuple("1.6.1") == (1, 6, 1)
    assert version_tuple("2.0.0rc1") == (2, 0, 0)
    assert version_tuple("1.6.1+local.3") == (1, 6, 1)


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ntheme: material\nplugins:\n  - lawsite\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(TINY_DRAFT, encoding="utf-8")
    return tmp_path


def test_lawsite_build_refuses_mkdocs_2(tiny_site, monkeypatch, capsys, caplog):
    monkeypatch.setattr(mkdocs, "__version__", "2.0.0")
    code = main(["-f", str(tiny_site / "mkdocs.yml"), "build", "-d", str(tiny_site / "out")])
    err = capsys.readouterr().err + caplog.text  # MkDocs logs the reason, lawsite says the site was kept
    assert code == 1
    assert "or ProperDocs 1.6.x; this build runs MkDocs 2.0.0" in err and "was left as it was" in err
    assert "Traceback" not in err
    assert not (tiny_site / "out").exists()


def test_mkdocs_cli_refuses_with_an_error_line_not_a_traceback(tiny_site, monkeypatch, caplog):
    from mkdocs.__main__ import cli

    monkeypatch.setattr(mkdocs, "__version__", "1.5.3")
    result = CliRunner().invoke(cli, ["build", "-q", "-f", str(tiny_site / "mkdocs.yml"), "-d", str(tiny_site / "out")])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)  # click's clean exit, not a crash
    logged = caplog.text + result.output
    assert "this build runs MkDocs 1.5.3" in logged and "Traceback" not in logged


def test_lawsite_build_works_with_the_installed_mkdocs(tiny_site):
    assert main(["-f", str(tiny_site / "mkdocs.yml"), "build", "-d", str(tiny_site / "out")]) == 0
    assert (tiny_site / "out" / "a" / "index.html").is_file()
