"""`lawsite new KIND`: a content file that `lawsite check --strict` accepts,
with a Chinese comment on every field, never overwriting an existing file.

Only what cannot be guessed is asked for: the title, and for an
interpretation (notice) the id of the text it interprets (concerns). Answers
come from flags, or from questions when a person is at the terminal (`ask`);
the site's own ids are offered so nobody has to remember them. Templates
know the target document, so the first section of an interpretation and the
first suggestion of a notice name an article that really exists.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .gather.site import Site
from .ids import id_problem
from .messages import DEFAULT, msg
from .model import ConfigError, Document, Kind

FOLDERS = {
    "draft": "drafts",
    "law": "laws",
    "interpretation": "interpretations",
    "notice": "notices",
    "contact-point": "contact-points",
    "activity": "activities",
    "page": "",
}
KINDS = tuple(FOLDERS)

# Which documents each reference may name, shown when asking for it.
TARGET_KINDS = {"interprets": (Kind.DRAFT, Kind.LAW), "concerns": (Kind.DRAFT, Kind.LAW), "point": (Kind.CONTACT_POINT,)}
NEEDS = {"interpretation": "interprets", "notice": "concerns", "activity": "point"}
QUESTIONS = {
    "title": msg("new.ask.title"),
    "interprets": msg("new.ask.interprets"),
    "concerns": msg("new.ask.concerns"),
    "point": msg("new.ask.point"),
}

Ask = Callable[[str], str]

TEMPLATES = {
    "draft": """\
---
kind: draft                      # 文件类型：法规草案（必填，不要改）
id: {id}                         # 唯一标识，用于网址和互相引用（只用汉字、字母、数字和 - _ . ( )）
title: {title}                   # 草案名称，显示为页面标题
stage: 征求意见稿                 # 审议阶段：征求意见稿、一审稿、二审稿……
# previous: 上一审稿的id          # 有上一审稿时去掉行首的 # 并填写，用于生成修改对照
drafted_by: 法制工作委员会         # 起草单位
published: {today}               # 发布日期，格式 YYYY-MM-DD
comments:                        # 公开征求意见（下面各行前面保留两个空格）
  opens: {today}                 # 开始日期（含当日）
  closes: {closes}               # 截止日期（含当日，按本站时区）；过了这一天，意见入口自动关闭
  email: yijian@example.gov.cn   # 接收意见的电子邮箱
  subject: "征求意见：{{title}}{{label}}"   # 邮件主题：{{title}} 换成草案名称，{{label}} 换成条文序号
  # form: https://example.gov.cn/yj?doc={{doc}}&article={{article}}   # 网上意见表地址（可选）
  # post: 某某市某某路1号（邮编000000）   # 信函地址（可选）
  # fax: 0000-0000000              # 传真（可选）
  # phone: 0000-0000000            # 联系电话（可选）
summary: 一两句话说明立法目的和主要内容。   # 在首页列表中显示
---

## 第一章 总则

第一条（立法目的）为了……，根据有关法律、行政法规，结合本市实际，制定本条例。

第二条（适用范围）本市行政区域内……，适用本条例。

## 第二章 附则

第三条（施行日期）本条例自　　年　　月　　日起施行。
""",
    "law": """\
---
kind: law                        # 文件类型：已通过的法规（必填，不要改）
id: {id}                         # 唯一标识，用于网址和互相引用
title: {title}                   # 法规名称
adopted: {today}                 # 通过日期，格式 YYYY-MM-DD
effective: {today}               # 施行日期
# from_draft: 草案的id            # 由本站哪一件草案通过时，去掉行首的 # 并填写（可选）
published: {today}               # 公布日期
---

## 第一章 总则

第一条　为了……，制定本条例。

第二条　本条例自公布之日起施行。
""",
    "interpretation": """\
---
kind: interpretation             # 文件类型：释义、解读（必填，不要改）
id: {id}                         # 唯一标识
title: {title}                   # 释义标题
interprets: {target}             # 被解读的草案或法规的 id（必填）
published: {today}               # 发布日期，格式 YYYY-MM-DD
author: 法制工作委员会             # 作者或发布单位
---

这里写总体说明（前言）：为什么要立这部法规，主要解决什么问题。

## {article}

用通俗的语言解释{article}：它是什么意思、对群众有什么影响、举个例子。
每一条的解读以“## 第N条”开头，也可以写“## 第N条至第M条”“## 第N条、第M条”。
""",
    "notice": """\
---
kind: notice                     # 文件类型：意见采纳情况反馈（必填，不要改）
id: {id}                         # 唯一标识
title: {title}                   # 标题
concerns: {target}               # 这些意见针对哪一件草案（填它的 id，必填）
published: {today}               # 发布日期，格式 YYYY-MM-DD
received: 1                      # 共收到意见条数（含未逐条列出的），不能少于下面逐条列出的条数
suggestions:                     # 逐条列出的意见；也可以改用 suggestions_file: 同目录下的 CSV 文件
  - article: {article}           # 条文序号（如 第十二条 或 art_12）；对整部草案的意见写“总体”
    from: 网民                    # 来源：联系点的 id，或者“网民”“企业”等
    count: 1                      # 相同或相近意见的条数
    text: 意见内容                # 意见摘要
    outcome: pending              # 处理结果：adopted 采纳 / partly 部分采纳 / not-adopted 未采纳 / noted 留作研究 / pending 待处理
    # reason: 说明理由             # 未采纳、部分采纳的，必须写明理由
---

这里说明征求意见的过程和总体采纳情况。
""",
    "contact-point": """\
---
kind: contact-point              # 文件类型：基层立法联系点（必填，不要改）
id: {id}                         # 唯一标识；意见来源 from: 写这个 id
title: {title}                   # 联系点名称
level: 市级                       # 级别：国家级、省级、市级、县级（必填）
region: 某某区                    # 所在地区
address: 某某路1号                # 地址
phone: 0000-0000000              # 联系电话
hours: 工作日 9:00—17:00          # 接待时间
---

这里介绍联系点的情况。
""",
    "activity": """\
---
kind: activity                   # 文件类型：联系点活动（必填，不要改）
id: {id}                         # 唯一标识
title: {title}                   # 活动名称，例如：某某条例草案座谈会
type: 座谈会                      # 活动形式：座谈会、院坝会、板凳会、宣讲、培训、调研、走访、接待、其他（必填）
date: {today}                    # 活动日期，格式 YYYY-MM-DD（必填）
point: {target}                  # 举办活动的联系点 id（必填）
# drafts: [草案的id]              # 征求意见的草案或法规的 id，可以写几个（可选）
participants: 0                  # 参加人数
collected: 0                     # 收集到的意见条数
# photos: [照片.jpg]              # 活动照片：放在本文件旁边的图片文件名（可选）
---

这里记录活动情况：谁参加了，讨论了什么，提了哪些意见。
""",
    "page": """\
---
kind: page                       # 普通页面
title: {title}                   # 页面标题
---

正文。
""",
}

@dataclass
class Answers:
    """What the new file needs beyond the template."""

    title: str | None = None
    id: str | None = None
    interprets: str | None = None
    concerns: str | None = None
    point: str | None = None
    path: str | None = None


def known_targets(site: Site, kinds: tuple[Kind, ...]) -> list[Document]:
    return site.of_kind(*kinds)


def _menu(documents: list[Document]) -> str:
    return "\n".join(f"  {d.id}  {d.title}" for d in documents)


def complete(kind: str, given: Answers, site: Site, ask: Ask | None, lang: str = DEFAULT) -> Answers:
    """Fill in what `kind` must have: from `given`, else by asking (in `lang`), else refuse."""
    if kind not in TEMPLATES:
        raise ConfigError(msg("error.new-kind", kind=kind, kinds=", ".join(TEMPLATES)))
    answers = Answers(**vars(given))
    if not answers.title:
        answers.title = _required(ask, "title", "--title", QUESTIONS["title"].render(lang))
    needed = NEEDS.get(kind)
    if needed and not getattr(answers, needed):
        targets = known_targets(site, TARGET_KINDS[needed])
        prompt = QUESTIONS[needed].render(lang) + ("\n" + _menu(targets) if targets else "")
        setattr(answers, needed, _required(ask, needed, f"--{needed}", prompt, [d.id for d in targets]))
    return answers


def _required(ask: Ask | None, name: str, flag: str, question: str, known: list[str] | None = None) -> str:
    if ask is None:
        if known:
            raise ConfigError(msg("error.new-required-known", flag=flag, known=", ".join(known)))
        raise ConfigError(msg("error.new-required", flag=flag))
    while True:
        answer = ask(question + "\n> ").strip()
        if answer:
            return answer


def scaffold(kind: str, content_dir: Path, answers: Answers, site: Site, today: dt.date | None = None) -> Path:
    """Write a new file for `kind` and return its path; refuse to overwrite."""
    today = today or dt.date.today()
    doc_id = answers.id or f"{kind}-{today.isoformat()}"
    why = id_problem(doc_id)
    if why is not None:
        raise ConfigError(msg("error.new-id", doc_id=doc_id, why=why, rule=msg("bad-id.hint")))
    if kind != "page" and site.get(doc_id) is not None:
        raise ConfigError(msg("error.new-id-used", doc_id=doc_id, path=site.get(doc_id).path))  # type: ignore[union-attr]
    target = Path(answers.path) if answers.path else content_dir / FOLDERS[kind] / f"{doc_id}.md"
    if target.exists():
        raise ConfigError(msg("error.new-exists", target=target))
    text = _filled(kind, doc_id, answers.title or "新文件标题", today, _target_fields(kind, answers, site))
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    return target


def _filled(kind: str, doc_id: str, title: str, today: dt.date, targets: dict[str, str]) -> str:
    return TEMPLATES[kind].format(
        id=doc_id,
        title=_yaml_text(title),
        today=today.isoformat(),
        closes=(today + dt.timedelta(days=30)).isoformat(),
        **targets,
    )


def front_matter_text(kind: str, doc_id: str, title: str, today: dt.date) -> str:
    """The front matter `lawsite new KIND` writes (with its comments), for a
    body that comes from elsewhere (`lawsite import --kind draft`)."""
    text = _filled(kind, doc_id, title, today, {})
    return text[: text.index("\n---\n", 3) + 5]


def _target_fields(kind: str, answers: Answers, site: Site) -> dict[str, str]:
    """The referenced document's id and first article label, checked to exist."""
    needed = NEEDS.get(kind)
    if needed is None:
        return {}
    target_id = str(getattr(answers, needed))
    document = site.get(target_id)
    kinds = TARGET_KINDS[needed]
    if document is None or document.kind not in kinds:
        known = ", ".join(d.id for d in known_targets(site, kinds)) or "—"
        if needed == "point":
            raise ConfigError(msg("error.new-point", needed=needed, target_id=target_id, known=known))
        raise ConfigError(msg("error.new-target", needed=needed, target_id=target_id, known=known))
    articles = document.legal.articles if document.legal else []
    article = articles[0].label if articles else "总体"
    return {"target": target_id, "article": article}


def _yaml_text(value: str) -> str:
    """A title as YAML text: plain when safe, else double-quoted (JSON is valid YAML)."""
    value = " ".join(value.split())
    if re.search(r"[:#\[\]{},&*!|>'\"%@`]|^[-?\s]", value):
        return json.dumps(value, ensure_ascii=False)
    return value
