"""One build at a time per site folder, and every publication whole or not at all.

The reproducer (issue 16): two `lawsite build` runs into one folder, the
second started while the first was writing. The second build's clean-up
deleted the folder the first was writing, and the first then published 63
of the sample's 124 files with exit 0. Builds now take a lock beside the
site folder and wait for each other; a folder is cleaned up only once no
process of its build runs.

Every `lawsite` here runs in a process group of its own, bounded in time and
killed in `finally` (sample_project.stop).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.build.sample_project import TIMEOUT, big_content, copy_project, lawsite, leftovers, small_published_project, start_lawsite, stop, wait_until_written
from tests.pagefind_files import comparable_snapshot

pytestmark = pytest.mark.usefixtures("english")  # the assertions read the English messages

WAITING = "waiting for it to finish"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The sample project and the snapshot of a normal build of it."""
    config = copy_project(tmp_path_factory.mktemp("sample") / "project")
    run = lawsite(config, "build", "-d", str(config.parent / "normal"))
    assert run.returncode == 0, run.stderr[-3000:]
    return config, comparable_snapshot(config.parent / "normal")


def _wait_for_text(path: Path, text: str, process: subprocess.Popen, seconds: float = 120) -> bool:  # type: ignore[type-arg]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        if text in path.read_text(encoding="utf-8", errors="replace"):
            return True
        time.sleep(0.05)
    return False


def test_a_build_started_during_another_waits_and_both_publish_whole_sites(sample: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    config, normal = sample
    site = tmp_path / "site"
    first_err, second_err = tmp_path / "first.err", tmp_path / "second.err"
    first = start_lawsite(config, "build", "-d", str(site), stderr=first_err)
    second = None
    try:
        assert wait_until_written(site, first), first_err.read_text(encoding="utf-8")
        # Paused while half its pages are written (all of its processes), so that
        # the second build certainly starts in the middle of the first.
        os.killpg(first.pid, signal.SIGSTOP)
        second = start_lawsite(config, "build", "-d", str(site), stderr=second_err)
        waited = _wait_for_text(second_err, WAITING, second)  # False if it ran to its end instead
        published_while_paused = site.exists()
        os.killpg(first.pid, signal.SIGCONT)
        assert first.wait(timeout=TIMEOUT) == 0, first_err.read_text(encoding="utf-8")
        after_first = comparable_snapshot(site)  # the second is building still: it needs seconds
        assert second.wait(timeout=TIMEOUT) == 0, second_err.read_text(encoding="utf-8")
    finally:
        stop(first)
        if second is not None:
            stop(second)
    assert after_first == normal  # before the lock: 63 of 124 files, and exit 0
    assert comparable_snapshot(site) == normal
    assert waited and not published_while_paused, second_err.read_text(encoding="utf-8")
    assert leftovers(site) == []
    assert "Traceback" not in first_err.read_text(encoding="utf-8") + second_err.read_text(encoding="utf-8")


def test_a_build_waiting_for_a_killed_build_goes_on_and_cleans_up(tmp_path: Path) -> None:
    # The first build (a slow one, of another project into the same folder) is
    # killed while the second waits for it: the kernel drops the dead build's
    # lock, and the second removes the dead build's folder once its MkDocs
    # process has ended too.
    config, published = small_published_project(tmp_path / "small")
    normal = comparable_snapshot(published)
    slow = copy_project(tmp_path / "slow" / "project")
    big_content(slow.parent / "content")
    site = tmp_path / "site"
    first_err, second_err = tmp_path / "first.err", tmp_path / "second.err"
    first = start_lawsite(slow, "build", "-d", str(site), stderr=first_err)
    second = None
    try:
        assert wait_until_written(site, first), first_err.read_text(encoding="utf-8")
        second = start_lawsite(config, "build", "-d", str(site), stderr=second_err)
        assert _wait_for_text(second_err, WAITING, second), second_err.read_text(encoding="utf-8")
        first.send_signal(signal.SIGKILL)  # lawsite only: its MkDocs process must notice by itself
        assert first.wait(timeout=60) == -signal.SIGKILL, "the first build finished before it could be killed: make big_content larger"
        assert second.wait(timeout=TIMEOUT) == 0, second_err.read_text(encoding="utf-8")
    finally:
        stop(first)
        if second is not None:
            stop(second)
    assert comparable_snapshot(site) == normal
    assert leftovers(site) == []
    run = lawsite(config, "build", "-d", str(site))  # the dead build's lock file does not block either
    assert run.returncode == 0 and WAITING not in run.stderr, run.stderr[-3000:]


# --- in the process: the checks around the swap ---------------------------------------


def _old_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    return site


def test_a_build_whose_folder_was_replaced_under_it_is_not_published(tmp_path: Path) -> None:
    # What the second build's clean-up did to the first: the folder removed
    # and written again from the middle of the build on.
    from lawsite.publish import PublishError, publish

    site = _old_site(tmp_path)

    def half_build(folder: Path) -> None:
        (folder / "a.html").write_text("first half", encoding="utf-8")
        os.rename(folder, tmp_path / "elsewhere")
        folder.mkdir()
        (folder / "b.html").write_text("second half", encoding="utf-8")

    with pytest.raises(PublishError, match="removed or replaced while it was built"):
        publish(site, half_build)
    assert [p.name for p in site.iterdir()] == ["index.html"] and (site / "index.html").read_text(encoding="utf-8") == "old"
    assert leftovers(site) == []


def test_a_swap_that_did_not_happen_is_found_and_the_old_site_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lawsite import publish as publishing

    site = _old_site(tmp_path)
    monkeypatch.setattr(publishing, "_exchange", lambda a, b: True)  # says it swapped; did nothing
    with pytest.raises(publishing.PublishError, match="not the folder that was built"):
        publishing.publish(site, lambda folder: (folder / "index.html").write_text("new", encoding="utf-8"))
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert leftovers(site) == []


def test_an_os_error_in_the_build_is_a_publish_error_naming_the_file(tmp_path: Path) -> None:
    from lawsite.publish import PublishError, publish

    site = _old_site(tmp_path)

    def full_disk(folder: Path) -> None:
        raise OSError(28, "No space left on device", str(folder / "big.html"))

    with pytest.raises(PublishError, match=r"No space left on device \(.*big\.html\); the site there was left as it was"):
        publish(site, full_disk)
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert leftovers(site) == []


def test_a_leftover_is_removed_only_once_no_process_of_its_build_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lawsite import publish as publishing

    site = _old_site(tmp_path)
    leftover = tmp_path / ".site-new-killed"
    leftover.mkdir()
    (leftover / "page.html").write_text("half", encoding="utf-8")
    holder = subprocess.Popen(  # a process of a killed build, still writing
        [sys.executable, "-c", f"import sys, time; from pathlib import Path; from lawsite.publish import hold_build_folder; assert hold_build_folder(Path({str(leftover)!r})); print('held', flush=True); time.sleep(600)"],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(publishing, "LEFTOVER_WAIT", 0.3)
        publishing.publish(site, lambda folder: (folder / "index.html").write_text("new", encoding="utf-8"))
        assert leftover.is_dir()  # its process runs: left alone
    finally:
        holder.kill()
        holder.wait()
    publishing.publish(site, lambda folder: (folder / "index.html").write_text("newer", encoding="utf-8"))
    assert not leftover.exists()
    assert (site / "index.html").read_text(encoding="utf-8") == "newer"


def test_a_build_process_that_starts_after_its_folder_was_removed_stops(tmp_path: Path) -> None:
    check = "import sys; from pathlib import Path; from lawsite.publish import hold_build_folder; print(hold_build_folder(Path(sys.argv[1])))"
    for folder, held in ((tmp_path, "True"), (tmp_path / "gone", "False")):
        run = subprocess.run([sys.executable, "-c", check, str(folder)], capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
        assert run.stdout.strip() == held, run.stderr
