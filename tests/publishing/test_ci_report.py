"""`lawsite check --format github|gitlab` against the formats' documented shapes.

GitHub: "Workflow commands for GitHub Actions" — `::error file={name},line={line},
title={title}::{message}`; in the message `%`, CR and LF are escaped as `%25`,
`%0D`, `%0A`; in properties also `:` as `%3A` and `,` as `%2C`.
GitLab: "Code Quality report format" — a JSON array of objects with
description, check_name, fingerprint, severity (info|minor|major|critical|blocker)
and location.path + location.lines.begin.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from lawsite.cli import main
from lawsite.model import Problem, Severity
from lawsite.messages import msg
from lawsite.report import escape_data, escape_property, github_annotation, gitlab_issues

REPO = Path(__file__).resolve().parents[2]

# One command per line: ::error|warning <k=v,…>::<message> — the shape in GitHub's docs.
COMMAND = re.compile(r"^::(?P<cmd>error|warning) (?P<props>[^:]*)::(?P<msg>.*)$")
ALLOWED_PROPS = {"file", "line", "endLine", "col", "endColumn", "title"}

GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^[^/]"},
                    "lines": {"type": "object", "required": ["begin"], "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def unescape(value: str) -> str:
    # Reverse order of escaping, '%25' last, as the runner does.
    for code, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        value = value.replace(code, char)
    return value


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, f"not a workflow command: {line!r}"
    props = dict(p.split("=", 1) for p in match["props"].split(","))
    assert set(props) <= ALLOWED_PROPS, props
    for value in props.values():
        assert not re.search(r"[,:\r\n]", value), value  # escaped, so the runner cannot split them
    assert not re.search(r"[\r\n]", match["msg"])
    return match["cmd"], {k: unescape(v) for k, v in props.items()}, unescape(match["msg"])


@pytest.fixture
def broken_site(tmp_path: Path) -> Path:
    """The sample site with one error and one warning added, in a repo-like folder."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    draft = tmp_path / "content" / "drafts" / "property-r2.md"
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("\nstage:", "\nstaeg: 二审稿\nstage:", 1), encoding="utf-8")
    return tmp_path


def test_escaping_follows_githubs_rules():
    assert escape_data("100%\r\nnext: a,b") == "100%25%0D%0Anext: a,b"
    assert escape_property("drafts/a:b,c%.md") == "drafts/a%3Ab%2Cc%25.md"


def test_annotation_shape_and_round_trip():
    problem = Problem("drafts/a,b.md", 7, "comments.closes", msg("bad-date", key="comments.closes", value="50% done: bad,\nvery bad"), msg("bad-date.hint"), Severity.WARNING, "bad-date")
    cmd, props, message = parse_command(github_annotation(problem, "content", "en"))
    assert cmd == "warning"
    assert props == {"file": "content/drafts/a,b.md", "line": "7", "title": "lawsite bad-date"}
    assert message == "[comments.closes] `comments.closes` is not a valid date: '50% done: bad,\\nvery bad'\nhint: write dates as YYYY-MM-DD, e.g. 2025-06-01"
    _, _, chinese = parse_command(github_annotation(problem, "content", "zh"))
    assert chinese == "[comments.closes] 字段 `comments.closes` 不是有效日期：'50% done: bad,\\nvery bad'\n提示：日期写作 YYYY-MM-DD，例如 2025-06-01"


def test_annotation_without_line_has_no_line_property():
    cmd, props, _ = parse_command(github_annotation(Problem("a.md", None, None, msg("not-utf8"), code="not-utf8"), ".", "en"))
    assert cmd == "error" and props == {"file": "a.md", "title": "lawsite not-utf8"}


def test_check_format_github_annotates_repo_relative_lines(broken_site, capsys, monkeypatch):
    monkeypatch.chdir(broken_site)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    code = main(["check", "--lang", "en", "--format", "github"])
    out = capsys.readouterr().out.splitlines()
    commands = [parse_command(line) for line in out if line.startswith("::")]
    assert code == 1
    assert len(commands) == 1, out
    cmd, props, message = commands[0]
    path = broken_site / props["file"]
    assert cmd == "error" and props["file"] == "content/drafts/property-r2.md" and path.is_file()
    assert path.read_text(encoding="utf-8").split("\n")[int(props["line"]) - 1].startswith("staeg:")
    assert "unknown key `staeg`" in message and "did you mean `stage`" in message
    assert out[-1].endswith("1 error(s), 0 warning(s)")


def test_github_workspace_decides_the_prefix(broken_site, capsys, monkeypatch):
    # A site kept in a sub-folder of the repository: paths start at the checkout.
    monkeypatch.chdir(broken_site)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(broken_site.parent))
    main(["check", "--format", "github"])
    _, props, _ = parse_command(capsys.readouterr().out.splitlines()[0])
    assert props["file"] == f"{broken_site.name}/content/drafts/property-r2.md"


def test_check_format_gitlab_writes_a_code_quality_report(broken_site, capsys, monkeypatch):
    monkeypatch.chdir(broken_site)
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    code = main(["check", "--lang", "en", "--format", "gitlab", "--output", "gl-code-quality-report.json"])
    log = capsys.readouterr().out
    report = json.loads((broken_site / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, GITLAB_SCHEMA)
    assert code == 1 and len(report) == 1
    issue = report[0]
    assert issue["check_name"] == "unknown-key" and issue["severity"] == "major"
    assert issue["location"]["path"] == "content/drafts/property-r2.md"
    line = (broken_site / issue["location"]["path"]).read_text(encoding="utf-8").split("\n")[issue["location"]["lines"]["begin"] - 1]
    assert line.startswith("staeg:")
    assert "drafts/property-r2.md:" in log and "report written to gl-code-quality-report.json" in log


def test_gitlab_report_on_stdout_is_pure_json(tmp_path, capsys, monkeypatch):
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "gitlab"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_fingerprints_are_stable_and_distinct():
    a = Problem("x.md", 3, "title", msg("bad-type.text", key="title", describe=msg("bad-type.a-list")), code="bad-type")
    moved = Problem("x.md", 9, "title", msg("bad-type.text", key="title", describe=msg("bad-type.a-list")), code="bad-type")
    warning = Problem("x.md", 4, None, msg("article-gap", label="第三条", label2="第一条", expected="第二条"), severity=Severity.WARNING, code="article-gap")
    first = gitlab_issues([a, warning], "content", "zh")
    again = gitlab_issues([moved, warning], "content", "zh")
    assert [i["fingerprint"] for i in first] == [i["fingerprint"] for i in again]  # lines moved, same problems
    english = gitlab_issues([a, warning], "content", "en")
    assert [i["fingerprint"] for i in english] == [i["fingerprint"] for i in first]  # the report's language does not count
    assert english[0]["description"] != first[0]["description"]
    twice = gitlab_issues([a, moved], "content", "zh")
    assert twice[0]["fingerprint"] != twice[1]["fingerprint"]  # same problem twice is two issues
    jsonschema.validate(first, GITLAB_SCHEMA)
    assert first[1]["severity"] == "minor"
