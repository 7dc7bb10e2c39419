"""A site folder that cannot (or must not) be replaced: a clear message, exit
2, no traceback, and what was there before left exactly as it was.

Before: `-d content` and `-d .` (the project folder) put the built site in
place of the content and the project with exit 0; a file where the folder
should be was deleted; a mount point, a read-only or foreign folder ended in
a traceback. Cases needing mounts run in a mount namespace of their own
(`unshare -m`, so nothing outlives the test) and need root; cases needing a
denied permission drop root's override capabilities (`setpriv`).
"""

from __future__ import annotations

import os
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from tests.build.sample_project import build_env, lawsite_command, run_bounded, small_published_project, snapshot

pytestmark = pytest.mark.usefixtures("english")  # the assertions read the English messages

ROOT = os.geteuid() == 0
NO_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]  # root as an ordinary owner


@dataclass(frozen=True)
class Setup:
    target: Path  # the site folder given to `-d`
    kept: Path  # the file or folder that must stay as it was, as the build sees it
    mounts: str = ""  # shell lines run first, in the mount namespace
    original: Path | None = None  # where its content is outside the namespace, if not at `kept`


@dataclass
class Case:
    """`prepare(config, site)` sets the case up on a project with its site published."""

    prepare: Callable[[Path, Path], Setup]
    message: str
    needs_root: bool = False
    without_override: bool = False  # run lawsite without root's permission overrides


def _file(config: Path, site: Path) -> Setup:
    shutil.rmtree(site)
    site.write_text("not a folder", encoding="utf-8")
    return Setup(site, site)


def _file_as_parent(config: Path, site: Path) -> Setup:
    shutil.rmtree(site)
    site.write_text("not a folder", encoding="utf-8")
    return Setup(site / "inner" / "site", site)


def _content(config: Path, site: Path) -> Setup:
    return Setup(config.parent / "content", config.parent / "content")


def _project(config: Path, site: Path) -> Setup:
    return Setup(config.parent, config.parent)


def _repository(config: Path, site: Path) -> Setup:
    (config.parent.parent / ".git").mkdir()  # the project lies in a repository
    return Setup(config.parent.parent, config.parent.parent)


def _inside_content(config: Path, site: Path) -> Setup:
    return Setup(config.parent / "content" / "site", config.parent / "content")


def _a_repository(config: Path, site: Path) -> Setup:
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    return Setup(site, site)


def _read_only(config: Path, site: Path) -> Setup:
    parent = shlex.quote(str(site.parent))
    return Setup(site, site, f"mount --bind {parent} {parent} && mount -o remount,bind,ro {parent}")


def _permission_denied(config: Path, site: Path) -> Setup:
    site.parent.chmod(0o555)
    return Setup(site, site)


def _not_permitted(config: Path, site: Path) -> Setup:
    # /tmp-like: anyone may write in it, but only the owner may rename her folder.
    for path in (site, *site.rglob("*")):
        os.chown(path, 12345, 12345)
    os.chown(site.parent, 54321, 54321)
    site.parent.chmod(0o1777)
    return Setup(site, site)


def _bind_mount(config: Path, site: Path) -> Setup:
    quoted = shlex.quote(str(site))
    return Setup(site, site, f"mount --bind {quoted} {quoted}")  # as `docker run -v ./site:…` does


def _other_file_system(config: Path, site: Path) -> Setup:
    quoted = shlex.quote(str(site))
    keep = shlex.quote(str(site.parent / "old"))
    shutil.copytree(site, site.parent / "old")
    return Setup(site, site, f"mount -t tmpfs lawsite-test {quoted} && cp -a {keep}/. {quoted}/", site.parent / "old")


def _lower_layer(config: Path, site: Path) -> Setup:
    # The site folder in a lower layer of an overlay, as in a container image:
    # renaming it is refused with EXDEV.
    layers = site.parent / "layers"
    for name in ("lower", "upper", "work", "merged"):
        (layers / name).mkdir(parents=True)
    shutil.move(site, layers / "lower" / "site")
    options = f"lowerdir={layers / 'lower'},upperdir={layers / 'upper'},workdir={layers / 'work'},redirect_dir=off"
    merged = layers / "merged"
    return Setup(merged / "site", merged / "site", f"mount -t overlay overlay -o {shlex.quote(options)} {shlex.quote(str(merged))}", layers / "lower" / "site")


CASES = {
    "a file": Case(_file, "is a file, not a folder"),
    "a file where a parent folder should be": Case(_file_as_parent, "is a file, not a folder"),
    "the content folder": Case(_content, "which the build reads"),
    "the project folder": Case(_project, "which the build reads"),
    "the repository": Case(_repository, "which the build reads"),
    "inside the content folder": Case(_inside_content, "is inside the content folder"),
    "a repository of its own": Case(_a_repository, "holds .git"),
    "read-only": Case(_read_only, "Read-only file system", needs_root=True),
    "permission denied": Case(_permission_denied, "Permission denied", without_override=True),
    "another owner's folder": Case(_not_permitted, "Operation not permitted", needs_root=True, without_override=True),
    "a bind mount": Case(_bind_mount, "is a mount point", needs_root=True),
    "another file system": Case(_other_file_system, "is a mount point", needs_root=True),
    "a lower overlay layer": Case(_lower_layer, "Invalid cross-device link", needs_root=True),
}


@pytest.mark.parametrize("name", CASES)
def test_a_folder_that_cannot_be_replaced_is_refused_and_kept(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    if case.needs_root and not ROOT:
        pytest.skip("needs root: mounts, or folders of other owners")
    if case.without_override and ROOT and shutil.which("setpriv") is None:
        pytest.skip("setpriv is needed to build without root's permission overrides")
    config, site = small_published_project(tmp_path / "work")
    setup = case.prepare(config, site)
    original = setup.original or setup.kept
    before = _contents(original)
    after = tmp_path / "after"  # what the build left, copied out of the mount namespace
    command = [*(NO_OVERRIDE if case.without_override and ROOT else []), *lawsite_command(config, "build", "-d", str(setup.target))]
    script = "\n".join(["set -e", setup.mounts, "set +e", f"{shlex.join(command)}; code=$?", f"cp -a {shlex.quote(str(setup.kept))} {shlex.quote(str(after))}", "exit $code"])
    try:
        run = run_bounded(["unshare", "-m", "--propagation", "private", "sh", "-c", script] if setup.mounts else ["sh", "-c", script], config.parent, build_env())
    finally:
        site.parent.chmod(0o755)
    assert run.returncode == 2, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    assert "lawsite: " in run.stderr and case.message in run.stderr, run.stderr[-3000:]
    assert _contents(after) == before
    assert [p for p in tmp_path.rglob(".*-new-*")] == []  # no build folder left behind


def _contents(path: Path) -> dict[str, str] | bytes:
    return snapshot(path) if path.is_dir() else path.read_bytes()
