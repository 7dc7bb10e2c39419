"""`lawsite new KIND`: a content file that `lawsite check` accepts, with a
Chinese comment on every field, never overwriting an existing file."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .model import ConfigError

FOLDERS = {
    "draft": "drafts",
    "law": "laws",
    "interpretation": "interpretations",
    "notice": "notices",
    "contact-point": "contact-points",
    "page": "",
}

TEMPLATES = {
    "draft": """\
---
kind: draft                      # 文件类型：法规草案
id: {id}                         # 唯一标识，用于网址和互相引用（字母、数字、连字符）
title: {title}                   # 草案名称，显示为页面标题
stage: 征求意见稿                 # 审议阶段：征求意见稿、一审稿、二审稿……
# previous: 上一审稿的id          # 有上一审稿时填写，用于生成修改对照
drafted_by: 法制工作委员会         # 起草单位
published: {today}               # 发布日期，格式 YYYY-MM-DD
comments:                        # 公开征求意见
  opens: {today}                 # 开始日期（含当日）
  closes: {closes}               # 截止日期（含当日，按本站时区）
  email: yijian@example.gov.cn   # 接收意见的电子邮箱
  subject: "征求意见：{{title}}{{label}}"   # 邮件主题模板：{{title}} 草案名称，{{label}} 条文序号
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
kind: law                        # 文件类型：已通过的法规
id: {id}                         # 唯一标识
title: {title}                   # 法规名称
adopted: {today}                 # 通过日期
effective: {today}               # 施行日期
# from_draft: 草案的id            # 由哪一件草案通过（可选）
published: {today}               # 公布日期
---

## 第一章 总则

第一条　为了……，制定本条例。

第二条　本条例自公布之日起施行。
""",
    "interpretation": """\
---
kind: interpretation             # 文件类型：释义、解读
id: {id}                         # 唯一标识
title: {title}                   # 释义标题
interprets: 被解读的草案或法规的id   # 必填：写上被解读文件的 id
published: {today}               # 发布日期
author: 法制工作委员会             # 作者或发布单位
---

这里写总体说明（前言）。

## 第一条

用通俗的语言解释第一条：它是什么意思、对群众有什么影响、举个例子。
""",
    "notice": """\
---
kind: notice                     # 文件类型：意见采纳情况反馈
id: {id}                         # 唯一标识
title: {title}                   # 标题
concerns: 征求意见草案的id         # 必填：这些意见针对哪一件草案
published: {today}               # 发布日期
received: 0                      # 共收到意见条数（含未逐条列出的）
suggestions:                     # 逐条列出的意见；也可用 suggestions_file: 同目录下的 CSV 文件
  - article: 第一条               # 条文序号（第一条 或 art_1），对整部草案的意见写“总体”
    from: 网民                    # 来源：联系点 id，或“网民”“企业”等
    count: 1                      # 相同意见的条数
    text: 意见内容                # 意见摘要
    outcome: pending              # 处理结果：adopted 采纳 / partly 部分采纳 / not-adopted 未采纳 / noted 留作研究 / pending 待处理
    # reason: 说明理由             # 未采纳、部分采纳时必须说明理由
---

这里说明征求意见的过程和总体采纳情况。
""",
    "contact-point": """\
---
kind: contact-point              # 文件类型：基层立法联系点
id: {id}                         # 唯一标识，意见来源 from: 中引用
title: {title}                   # 联系点名称
level: 市级                       # 级别：国家级、省级、市级、县级
region: 某某区                    # 所在地区
address: 某某路1号                # 地址
phone: 0000-0000000              # 联系电话
hours: 工作日 9:00—17:00          # 接待时间
---

这里介绍联系点的情况。
""",
    "page": """\
---
kind: page                       # 普通页面
title: {title}                   # 页面标题
---

正文。
""",
}

_SLUG = re.compile(r"[^A-Za-z0-9_-]+")


def scaffold(kind: str, content_dir: Path, *, doc_id: str | None, title: str | None, path: str | None, today: dt.date | None = None) -> Path:
    """Write a new file for `kind` and return its path; refuse to overwrite."""
    if kind not in TEMPLATES:
        raise ConfigError(f"unknown kind {kind!r}; one of {', '.join(TEMPLATES)}")
    today = today or dt.date.today()
    doc_id = doc_id or f"{kind}-{today.isoformat()}"
    if _SLUG.search(doc_id):
        raise ConfigError(f"--id {doc_id!r}: use letters, digits, '-' and '_' only")
    target = Path(path) if path else content_dir / FOLDERS[kind] / f"{doc_id}.md"
    if target.exists():
        raise FileExistsError(f"{target} already exists; choose another --id or --path (nothing was overwritten)")
    text = TEMPLATES[kind].format(
        id=doc_id,
        title=title or "新文件标题",
        today=today.isoformat(),
        closes=(today + dt.timedelta(days=30)).isoformat(),
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return target
