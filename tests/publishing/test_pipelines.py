"""The CI definitions: linted, pinned, and their steps run here as CI runs them.

`.github/workflows/site.yml` is checked by actionlint (a binary from PyPI);
`.gitlab-ci.yml` by check-jsonschema against the GitLab CI schema it ships
(no network). Then the workflows' own `run:`/`script:` lines are executed in a
copy of the sample site: check → build → the folder that gets deployed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from lawsite.emit.qr import CACHE_DIR

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github" / "workflows" / "site.yml"
GITLAB = REPO / ".gitlab-ci.yml"
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def tool(name: str) -> str:
    found = shutil.which(name, path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    assert found, f"{name} not installed: pip install -e .[test]"
    return found


def run(*cmd: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)


def github() -> dict:
    # PyYAML reads the key `on:` as True.
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def gitlab() -> dict:
    return yaml.safe_load(GITLAB.read_text(encoding="utf-8"))


# --- lint ---------------------------------------------------------------------------


def test_actionlint_accepts_the_workflow():
    result = run(tool("actionlint"), "-no-color", str(WORKFLOW))
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_mistake(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "site.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    needz: nothing", 1), encoding="utf-8")
    result = run(tool("actionlint"), "-no-color", str(broken), cwd=tmp_path)
    assert result.returncode == 1 and "needz" in result.stdout


def test_gitlab_ci_matches_gitlabs_schema():
    result = run(tool("check-jsonschema"), "--builtin-schema", "vendor.gitlab-ci", "--data-transform", "gitlab-ci", str(GITLAB))
    assert result.returncode == 0, result.stdout + result.stderr


def test_gitlab_schema_check_would_catch_a_mistake(tmp_path):
    broken = tmp_path / ".gitlab-ci.yml"
    broken.write_text(GITLAB.read_text(encoding="utf-8").replace("  expire_in: 2 weeks", "  expire_in: 2 weeks\n  scirpt: [oops]", 1).replace("build:\n  stage: build\n  script:", "build:\n  stage: build\n  scirpt:"), encoding="utf-8")
    result = run(tool("check-jsonschema"), "--builtin-schema", "vendor.gitlab-ci", "--data-transform", "gitlab-ci", str(broken))
    assert result.returncode == 1


# --- what the pipelines promise -------------------------------------------------------


def test_every_action_is_pinned_to_a_commit_with_its_tag_noted():
    lines = [line for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert len(lines) == 7
    for line in lines:
        ref, _, comment = line.split("uses:", 1)[1].partition("#")
        assert PINNED.match(ref.strip()), line
        assert re.fullmatch(r" v\d+\.\d+\.\d+", comment.rstrip()), line


def test_github_triggers_preview_and_deploy():
    flow = github()
    on = flow[True]
    assert on["push"]["branches"] == ["main"] and "pull_request" in on
    assert on["schedule"] == [{"cron": "5 16 * * *"}]  # 00:05 in Asia/Shanghai
    steps = {s["name"]: s for s in flow["jobs"]["build"]["steps"]}
    assert steps["Check content"]["run"] == "lawsite check --format github"
    assert steps["Upload preview"]["if"] == "github.event_name == 'pull_request'"
    assert steps["Upload preview"]["with"]["path"] == "site/"
    assert steps["Upload Pages artefact"]["if"] == "github.event_name != 'pull_request'"
    deploy = flow["jobs"]["deploy"]
    assert "pull_request" in deploy["if"] and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert flow["permissions"] == {"contents": "read"}


def test_gitlab_stages_report_and_pages():
    ci = gitlab()
    assert ci["stages"] == ["check", "build", "deploy"]
    assert ci["check"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert "--format gitlab --output gl-code-quality-report.json" in ci["check"]["script"][0]
    assert ci["check"]["artifacts"]["when"] == "always"  # the report is kept when check fails
    assert ci["pages"]["artifacts"]["paths"] == ["public"]
    assert ci["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert "Pipeline schedules" in GITLAB.read_text(encoding="utf-8")


def test_both_pipelines_keep_the_build_cache_between_runs():
    """The folder lawsite keeps its cache in (README: The build cache) is the
    one each CI keeps: without it every published build is a first build."""
    steps = {s["name"]: s for s in github()["jobs"]["build"]["steps"]}
    kept = steps["Keep the build cache"]
    assert kept["uses"].startswith("actions/cache@")
    assert kept["with"]["path"] == CACHE_DIR.as_posix()
    assert "hashFiles('mkdocs.yml', 'content/**'" in kept["with"]["key"]
    assert kept["with"]["restore-keys"].strip() == "lawsite-${{ runner.os }}-"  # a changed site starts from the last cache
    names = list(steps)
    assert names.index("Keep the build cache") < names.index("Build site")
    caches = {entry["key"]: entry for entry in gitlab()["build"]["cache"]}
    assert caches["lawsite-$CI_COMMIT_REF_SLUG"]["paths"] == [CACHE_DIR.as_posix()]
    assert caches["lawsite-$CI_COMMIT_REF_SLUG"]["fallback_keys"] == ["lawsite-$CI_DEFAULT_BRANCH"]
    assert caches["pip-$CI_COMMIT_REF_SLUG"]["paths"] == [".cache/pip"]  # the build job's own cache replaces the default's


# --- the same steps, here ---------------------------------------------------------------


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    """What CI checks out: the site's config, content and theme."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copytree(REPO / "theme", tmp_path / "theme")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def shell(line: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "CI_PROJECT_DIR": str(cwd), "GITHUB_WORKSPACE": str(cwd)}
    return subprocess.run(["bash", "-euo", "pipefail", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_github_steps_run_locally(site_copy):
    steps = {s["name"]: s for s in github()["jobs"]["build"]["steps"]}
    check = shell(steps["Check content"]["run"], site_copy)
    assert check.returncode == 0 and not check.stdout.startswith("::"), check.stdout + check.stderr
    build = shell(steps["Build site"]["run"], site_copy)
    assert build.returncode == 0, build.stderr
    deployed = site_copy / steps["Upload Pages artefact"]["with"]["path"]
    assert (deployed / "index.html").is_file() and (deployed / "404.html").is_file()
    assert (deployed / "guide" / "index.html").is_file()
    kept = site_copy / steps["Keep the build cache"]["with"]["path"]  # what the next run restores
    assert {"compressed", "search"} <= {p.name for p in kept.iterdir()}
    assert any((kept / "search").iterdir()) and any((kept / "compressed").iterdir())


def test_gitlab_jobs_run_locally(site_copy):
    ci = gitlab()
    for job in ("check", "build", "pages"):
        for line in ci[job]["script"]:
            result = shell(line, site_copy)
            assert result.returncode == 0, f"{job}: {line}\n{result.stdout}{result.stderr}"
    assert (site_copy / "public" / "index.html").is_file()
    assert (site_copy / "gl-code-quality-report.json").read_text(encoding="utf-8").strip() == "[]"


def test_failing_check_stops_the_github_job_with_annotations(site_copy):
    draft = site_copy / "content" / "drafts" / "property-r2.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("published:", "published: 2025-13-01\npublishedx:", 1), encoding="utf-8")
    steps = {s["name"]: s for s in github()["jobs"]["build"]["steps"]}
    check = shell(steps["Check content"]["run"], site_copy)
    assert check.returncode == 1
    assert "::error file=content/drafts/property-r2.md,line=" in check.stdout


def test_dependabot_keeps_the_pins_fresh():
    config = REPO / ".github" / "dependabot.yml"
    result = run(tool("check-jsonschema"), "--builtin-schema", "vendor.dependabot", str(config))
    assert result.returncode == 0, result.stdout + result.stderr
    assert yaml.safe_load(config.read_text(encoding="utf-8"))["updates"][0]["package-ecosystem"] == "github-actions"
