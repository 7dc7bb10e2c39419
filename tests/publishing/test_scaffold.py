"""`lawsite new KIND` writes a file that `lawsite check` accepts, and that
`check --strict` accepts once the placeholders it warns about are filled in."""

from __future__ import annotations

import io
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from lawsite.cli import main
from lawsite.parse.placeholders import PLACEHOLDERS
from lawsite.scaffold import KINDS, TEMPLATES

pytestmark = pytest.mark.usefixtures("english")  # asserts on English texts

REPO = Path(__file__).resolve().parents[2]

FLAGS = {
    "draft": ["--title", "青川市测试条例（草案）", "--id", "test-draft"],
    "law": ["--title", "青川市测试条例", "--id", "test-law"],
    "interpretation": ["--title", "《物业管理条例（草案二审稿）》解读：第一条", "--id", "test-interp", "--interprets", "qingchuan-property-2026-r2"],
    "notice": ["--title", "意见采纳情况的说明", "--id", "test-notice", "--concerns", "qingchuan-civilized-behavior-2026"],
    "contact-point": ["--title", "测试街道基层立法联系点", "--id", "test-point"],
    "activity": ["--title", "测试条例草案座谈会", "--id", "test-activity", "--point", "xinghai-road"],
    "page": ["--title", "关于本站", "--id", "about"],
}


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal: nothing is asked
    return tmp_path


def created(capsys: pytest.CaptureFixture[str]) -> Path:
    out = capsys.readouterr().out
    match = re.search(r"created (\S+);", out)
    assert match, out
    return Path(match.group(1))


# What an editor writes over each placeholder of the scaffold.
FILLED = {
    "yijian@example.gov.cn": "yijian@qingchuan.gov.cn",
    "一两句话说明立法目的和主要内容。": "规范测试活动。",
    "意见内容": "建议明确适用范围",
    "某某区": "星海区",
    "某某路1号": "星海路8号",
    "0000-0000000": "0571-8888888",
    "为了……": "为了规范测试活动",
    "本市行政区域内……": "本市行政区域内的测试活动",
    "这里写总体说明": "总体说明",
    "用通俗的语言解释": "解释",
    "这里说明征求意见的过程": "征求意见的过程",
    "这里介绍联系点的情况": "联系点的情况",
    "这里记录活动情况": "活动情况",
}


def placeholders_left(out: str, path: Path) -> list[tuple[int, str | None]]:
    """(line, field) of each placeholder warning `check --format json` gives `path`."""
    found = json.loads(out)["problems"]
    return [(p["line"], p.get("field")) for p in found if p["code"] == "placeholder" and path.as_posix().endswith(p["path"])]


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_passes_check_strict_once_its_placeholders_are_filled_in(site, capsys, kind):
    assert main(["new", kind, *FLAGS[kind]]) == 0
    path = created(capsys)
    assert path.is_file() and path.is_relative_to("content")
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    live = [line for line in lines if not line.lstrip().startswith("#")]  # a commented-out example is no value
    left = [placeholder for placeholder in PLACEHOLDERS if placeholder.text in text]
    assert main(["check", "--format", "json"]) == 0  # warnings, no error
    warned = placeholders_left(capsys.readouterr().out, path)
    assert len(warned) == sum(line.count(p.text) for p in left for line in live) and all(line for line, _ in warned)
    for line, field in warned:
        assert any(p.text in lines[line - 1] for p in left), (line, lines[line - 1])
        if field:  # a front matter value: its key is on the line
            assert field.split(".")[-1].split("[")[0] + ":" in lines[line - 1]
    if left:
        assert main(["check", "--strict"]) == 1, "an unedited scaffold must not pass check --strict"
        capsys.readouterr()
    for placeholder in left:
        text = text.replace(placeholder.text, FILLED[placeholder.text])
    path.write_text(text, encoding="utf-8")
    assert main(["check", "--strict"]) == 0, capsys.readouterr().out
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().out


def test_every_placeholder_is_one_the_scaffold_writes():
    written = "".join(TEMPLATES.values())
    assert [p.text for p in PLACEHOLDERS if p.text not in written] == []
    assert set(FILLED) == {p.text for p in PLACEHOLDERS}


def test_a_placeholder_warning_says_what_to_write_instead(site, capsys):
    assert main(["new", "draft", *FLAGS["draft"]]) == 0
    created(capsys)
    main(["check"])
    out = capsys.readouterr().out
    assert re.search(r"drafts/test-draft\.md:\d+ \[comments\.email\] warning: still the sample text `lawsite new` wrote: “yijian@example\.gov\.cn” \(placeholder\)\n    hint: write the real address", out), out


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_is_explained_in_chinese(site, capsys, kind):
    main(["new", kind, *FLAGS[kind]])
    front = created(capsys).read_text(encoding="utf-8").split("---")[1]
    for line in front.strip().splitlines():
        if line.strip().startswith("- ") or re.match(r"\s*#?\s*[a-z_]+:", line):
            comment = line.split(" # ", 1)[1] if " # " in line else line.split("#", 1)[1]
            assert re.search(r"[\u4e00-\u9fff]", comment), f"no Chinese comment: {line!r}"


def test_titles_with_yaml_characters_stay_text(site, capsys):
    assert main(["new", "page", "--title", "问答: 什么是 #立法联系点", "--id", "qa"]) == 0
    created(capsys)
    assert main(["check", "--strict"]) == 0
    assert '"问答: 什么是 #立法联系点"' in (site / "content" / "qa.md").read_text(encoding="utf-8")


def test_refuses_to_overwrite(site, capsys):
    target = site / "content" / "drafts" / "property-r2.md"
    before = target.read_bytes()
    assert main(["new", "draft", "--title", "x", "--path", str(target), "--id", "other"]) == 2
    assert "already exists" in capsys.readouterr().err and target.read_bytes() == before


def test_refuses_an_id_already_used(site, capsys):
    assert main(["new", "draft", "--title", "x", "--id", "qingchuan-property-2026-r2", "--path", "content/x.md"]) == 2
    assert "already used by drafts/property-r2.md" in capsys.readouterr().err
    assert not (site / "content" / "x.md").exists()


def test_without_a_terminal_missing_answers_are_an_error_listing_known_ids(site, capsys):
    assert main(["new", "interpretation", "--title", "解读"]) == 2
    err = capsys.readouterr().err
    assert "--interprets is required" in err and "qingchuan-property-2026-r2" in err and "qingchuan-water-protection-2025" in err


def test_unknown_target_is_refused(site, capsys):
    assert main(["new", "notice", "--title", "说明", "--concerns", "no-such-draft"]) == 2
    assert "names no draft or law" in capsys.readouterr().err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def answering(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """A person at the terminal giving `answers`; returns the questions asked."""
    asked: list[str] = []
    replies = iter(answers)

    def fake_input(prompt: str) -> str:
        asked.append(prompt)
        return next(replies)

    monkeypatch.setattr(sys, "stdin", Terminal(""))
    monkeypatch.setattr("builtins.input", fake_input)
    return asked


def test_on_a_terminal_it_asks_only_what_it_must(site, capsys, monkeypatch):
    monkeypatch.delenv("LAWSITE_LANG")  # Chinese, the default
    asked = answering(monkeypatch, "", "关于物业条例二审稿的说明", "qingchuan-property-2026-r2")  # an empty answer is asked again
    assert main(["new", "interpretation", "--id", "asked"]) == 0
    out = capsys.readouterr().out
    path = Path(out.split("已创建 ", 1)[1].split("；", 1)[0])
    assert len(asked) == 3 and "标题" in asked[0] and "解读哪一件" in asked[2]
    assert "qingchuan-property-2026-r2  青川市物业管理条例（草案二审稿）" in asked[2]  # the site's ids are offered
    text = path.read_text(encoding="utf-8")
    assert "interprets: qingchuan-property-2026-r2 " in text and "title: 关于物业条例二审稿的说明" in text
    assert "\n## 第一条\n" in text
    assert main(["check"]) == 0


@pytest.mark.parametrize("kind, flag, question", [("interpretation", "--interprets", "Which draft or law does it interpret?"), ("notice", "--concerns", "Which draft are these comments on?"), ("activity", "--point", "Which contact point held the activity?")])
def test_with_lang_en_the_questions_are_english(site, capsys, monkeypatch, kind, flag, question):
    monkeypatch.delenv("LAWSITE_LANG")
    target = {"--interprets": "qingchuan-property-2026-r2", "--concerns": "qingchuan-property-2026-r2", "--point": "xinghai-road"}[flag]
    asked = answering(monkeypatch, "A title", target)
    assert main(["new", kind, "--id", f"asked-{kind}", "--lang", "en"]) == 0
    assert asked[0].startswith("Title (e.g.") and asked[1].startswith(question), asked
    assert not any("\u6807\u9898" in q for q in asked)  # no 标题: nothing asked in Chinese
    assert f"  {target}  " in asked[1]  # the site's ids are offered in English too
    assert "created " in capsys.readouterr().out
