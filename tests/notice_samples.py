"""Small texts shared by the notice and tally tests: a draft with an inserted
article (第二条之一) and one contact point."""

DRAFT = """---
kind: draft
id: d1
title: 测试条例（草案）
---

第一条 为了测试，制定本条例。

第二条 本条例适用于测试。

第二条之一 测试应当及时。

第三条 本条例自公布之日起施行。
"""

POINT = """---
kind: contact-point
id: east-street
title: 东街联系点
level: 县级
---
"""
