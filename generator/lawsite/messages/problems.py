"""Problems and hints: what `check`, `build`, `import` and `tally` report.

Sorted by key; a key is the problem's `code`, a suffix tells apart several
messages under one code, `.hint` is what would be right. How to add one: the
docstring of `lawsite.messages`.
"""

from __future__ import annotations

from .entry import Message

MESSAGES: dict[str, Message] = {
    "activity-type": Message(
        zh="`{key}` 写的是 {value}，不是常见的活动形式",
        en="`{key}` {value} is not one of the usual kinds of activity",
    ),
    "activity-type.hint": Message(
        zh="常见的形式有：{choices}{suggestion}",
        en="one of {choices}{suggestion}",
    ),
    "article-duplicate": Message(
        zh="{label}重复出现（首次出现在第 {first_line} 行）",
        en="{label} appears again (first on line {first_line})",
    ),
    "article-duplicate.hint": Message(
        zh="每一条应有自己的条号；请为后出现的一条重新编号",
        en="give every article its own number; renumber the later one",
    ),
    "article-gap": Message(
        zh="{label}排在{label2}之后，缺少{expected}",
        en="{label} follows {label2}; {expected} is missing",
    ),
    "article-gap.hint": Message(
        zh="条文应连续编号（下一条应为{expected}）；已删去的条文保留为「（删去）」",
        en="number articles consecutively (the next one is {expected}); keep a removed article as 「（删去）」",
    ),
    "article-head-missed": Message(
        zh="「{start}」像是{label}的开头（“第×条”后面没有空格），但{previous}之后应为{next_label}；按正文读取",
        en="「{start}」 looks like the head of {label} without a space after the label, but after {previous}, {next_label} comes next; read as text",
    ),
    "article-head-missed.first": Message(
        zh="「{start}」像是{label}的开头（“第×条”后面没有空格），但第一条应为{next_label}；按正文读取",
        en="「{start}」 looks like the head of {label} without a space after the label, but {next_label} comes first; read as text",
    ),
    "article-head-missed.hint": Message(
        zh="如果是新的一条，请核对序号，并在{label}后加空格；如果是引用，不用改",
        en="if it is an article, check its number and write a space after {label}; if it is a reference, ignore this",
    ),
    "article-number": Message(
        zh="条号{zero}超出范围：“之”条从“之一”起编号",
        en="article number {zero} is out of range: 之 sub-articles are numbered from 之一",
    ),
    "article-number.hint": Message(
        zh="请检查条号；在第N条之后增加的条文写作“第N条之一”",
        en="check the label; an article inserted after 第N条 is 第N条之一",
    ),
    "article-number.range": Message(
        zh="条号{written}超出范围：lawsite 支持的条号及“之”条序号为 1 至 {MAX_ARTICLE}",
        en="article number {written} is out of range: lawsite numbers articles and 之 sub-articles from 1 to {MAX_ARTICLE}",
    ),
    "article-number.range.hint": Message(
        zh="请检查条号（现行法典均不超过 1300 条）；后来增加的条文写作“第N条之一”",
        en="check the label (real codes stay under 1,300 articles); an article inserted later is 第N条之一",
    ),
    "article-order": Message(
        zh="{label}排在{label2}之后",
        en="{label} comes after {label2}",
    ),
    "article-order.hint": Message(
        zh="条文应按条号由小到大排列；{label}应在{label2}之前",
        en="articles must be in ascending order; {label} belongs before {label2}",
    ),
    "articles-run-together": Message(
        zh="一行中连写了 {count} 条；已在每个句末标点后跟空格处分开",
        en="{count} articles run together on one line; they were split at each sentence end followed by a space",
    ),
    "articles-run-together.hint": Message(
        zh="每一条、每一款各占一段，段与段之间空一行",
        en="put each article and each paragraph on its own line, separated by a blank line",
    ),
    "bad-article": Message(
        zh="“{raw}”不是条号",
        en="`{raw}` is not an article",
    ),
    "bad-date": Message(
        zh="字段 `{key}` 不是有效日期：{value!r}",
        en="`{key}` is not a valid date: {value!r}",
    ),
    "bad-date.hint": Message(
        zh="日期写作 YYYY-MM-DD，例如 2025-06-01",
        en="write dates as YYYY-MM-DD, e.g. 2025-06-01",
    ),
    "bad-email": Message(
        zh="字段 `{key}` 的值 {cleaned!r} 不是电子邮件地址",
        en="`{key}` {cleaned!r} is not an e-mail address",
    ),
    "bad-email.hint": Message(
        zh="例如 fzw@example.gov.cn",
        en="e.g. fzw@example.gov.cn",
    ),
    "bad-event-type": Message(
        zh="未知的事件类型 {cleaned!r}",
        en="unknown event type {cleaned!r}",
    ),
    "bad-event-type.hint": Message(
        zh="应为以下之一：{choices}{suggestion}",
        en="one of {choices}{suggestion}",
    ),
    "bad-id.character": Message(
        zh="含有字符“{char}”（U+{code_point:04X}）",
        en="holds the character '{char}' (U+{code_point:04X})",
    ),
    "bad-id.dot": Message(
        zh="以点开头（“.”和“..”表示文件夹，其他以点开头的名称是隐藏文件）",
        en="starts with a dot (`.` and `..` name folders, other dot names are hidden)",
    ),
    "bad-id.empty": Message(
        zh="是空的",
        en="is empty",
    ),
    "bad-id.file-name": Message(
        zh="文件名不能用作 id：它{why}",
        en="this file's name cannot be its id: it {why}",
    ),
    "bad-id.file-name.hint": Message(
        zh="在前置元数据中加上 `id:`，或者给文件改名；{rule}",
        en="add `id:` to the front matter, or rename the file; {rule}",
    ),
    "bad-id.hint": Message(
        zh="id 只用汉字、字母、数字和 - _ . ( ) （ ），不以点开头，例如 qingchuan-property-2026 或 电动车管理条例(2026)",
        en="an id holds only letters (Chinese too), digits and - _ . ( ) （ ）, and does not start with a dot, e.g. qingchuan-property-2026 or 电动车管理条例(2026)",
    ),
    "bad-id.invisible": Message(
        zh="含有不可见字符或控制字符 U+{code_point:04X}",
        en="holds the invisible or control character U+{code_point:04X}",
    ),
    "bad-id.too-long": Message(
        zh="长 {size} 字节，超过网站文件名所能容纳的 {limit} 字节",
        en="is {size} bytes long, more than the {limit} a file name of the site can take",
    ),
    "bad-id.unsafe": Message(
        zh="字段 `{key}` 的值 {shown!r} 不能用作 id：它{why}",
        en="`{key}` {shown!r} cannot be an id: it {why}",
    ),
    "bad-number.count": Message(
        zh="`count` 应为不超过 {MAX_COUNT_DIGITS} 位、不小于 1 的整数，现为 {raw}",
        en="`count` must be a whole number ≥ 1 of at most {MAX_COUNT_DIGITS} digits, not {raw}",
    ),
    "bad-number.count.hint": Message(
        zh="本条目代表的相同意见件数，例如 3（只有 1 件时可以不写）",
        en="how many identical suggestions this entry stands for, e.g. 3 (leave it out for 1)",
    ),
    "bad-number.front": Message(
        zh="字段 `{key}` 应为不小于 0 的整数，现为 {value}",
        en="`{key}` must be a whole number ≥ 0, not {value}",
    ),
    "bad-number.front.hint": Message(
        zh="例如 3（最多 {MAX_COUNT_DIGITS} 位）",
        en="e.g. 3 (at most {MAX_COUNT_DIGITS} digits)",
    ),
    "bad-number.tally": Message(
        zh="`count` 应为不超过 {MAX_COUNT_DIGITS} 位、不小于 1 的整数，现为 {count_text}",
        en="`count` must be a whole number ≥ 1 of at most {MAX_COUNT_DIGITS} digits, not {count_text}",
    ),
    "bad-number.tally.hint": Message(
        zh="只有 1 件时留空",
        en="leave it empty for 1",
    ),
    "bad-template": Message(
        zh="字段 `{field_name}` 中有不属于任何占位符的花括号：{shown}",
        en="`{field_name}` has a brace that opens or closes no placeholder: {shown}",
    ),
    "bad-template.hint": Message(
        zh="花括号本身写作 {{{{ 或 }}}}；可用的占位符为 {allowed}",
        en="write a literal brace as {{{{ or }}}}; the placeholders are {allowed}",
    ),
    "bad-template.more": Message(
        zh="{listed} 等，另有 {n} 处",
        en="{listed} and {n} more",
    ),
    "bad-template.subject-lines": Message(
        zh="邮件主题只能写一行",
        en="the mail subject must be one line",
    ),
    "bad-type.a-group": Message(
        zh="一组字段",
        en="a group of keys",
    ),
    "bad-type.a-list": Message(
        zh="一个列表",
        en="a list",
    ),
    "bad-type.entries": Message(
        zh="字段 `{key}` 应为列表，每一项以“- ”开头",
        en="`{key}` must be a list of entries, each starting with '- '",
    ),
    "bad-type.flag": Message(
        zh="`{key}` 只能写 true 或 false，不能写 {value}",
        en="`{key}` must be true or false, not {value}",
    ),
    "bad-type.flag.hint": Message(
        zh="写 `{name}: true`；不公开的，删去这一行即可",
        en="write `{name}: true`, or leave the line out for false",
    ),
    "bad-type.group": Message(
        zh="字段 `{key}` 应为一组 `字段: 值` 行",
        en="`{key}` must be a group of `key: value` lines",
    ),
    "bad-type.counts": Message(
        zh="字段 `{key}` 应为每个联系点一行 `联系点id: 条数`",
        en="`{key}` must be one `point-id: number` line per contact point",
    ),
    "bad-type.counts.hint": Message(
        zh="例如\nforwarded:\n  xinghai-road: 40\n  hubin-street: 12",
        en="e.g.\nforwarded:\n  xinghai-road: 40\n  hubin-street: 12",
    ),
    "bad-type.ids": Message(
        zh="字段 `{key}` 应为 id 列表",
        en="`{key}` must be a list of ids",
    ),
    "bad-type.ids.hint": Message(
        zh="例如 [xinghai-road, chengzhong]",
        en="e.g. [xinghai-road, chengzhong]",
    ),
    "bad-type.comment-ids": Message(
        zh="`ids` 应为意见编号的列表（每项一段文字）",
        en="`ids` must be a list of comment ids (each one a text)",
    ),
    "bad-type.comment-ids.hint": Message(
        zh="例如 ids: [7KQ2-M9XD-4TNB, mail-3f9a2c81]：汇总表 id 列中并入这条意见的编号",
        en="e.g. ids: [7KQ2-M9XD-4TNB, mail-3f9a2c81]: the collect table's ids of the comments merged into this suggestion",
    ),
    "bad-type.suggestion": Message(
        zh="每条意见应为一组 `字段: 值` 行",
        en="each suggestion must be a group of `key: value` lines",
    ),
    "bad-type.suggestion.hint": Message(
        zh="以 `- article: 第十二条` 开头，其他字段缩进写在其下",
        en="start it with `- article: 第十二条` and indent the other keys under it",
    ),
    "bad-type.text": Message(
        zh="字段 `{key}` 应为文字，而不是{describe}",
        en="`{key}` must be text, not {describe}",
    ),
    "bad-type.text.hint": Message(
        zh="写在冒号后面的同一行",
        en="write it on one line after the colon",
    ),
    "bad-intake-url": Message(
        zh="字段 `{key}` 应为意见征集服务的 http(s) 地址，不带问号、# 或占位符，现为 {cleaned!r}",
        en="`{key}` must be the http(s) address of the comment service, without query or placeholders, not {cleaned!r}",
    ),
    "bad-intake-url.hint": Message(
        zh="例如 https://yj.example.gov.cn/intake（`lawsite intake serve` 对外的地址）",
        en="e.g. https://yj.example.gov.cn/intake (where `lawsite intake serve` answers)",
    ),
    "bad-url": Message(
        zh="字段 `{key}` 应为 http(s) 网址，现为 {cleaned!r}",
        en="`{key}` must be an http(s) address, not {cleaned!r}",
    ),
    "bad-url.hint": Message(
        zh="例如 https://example.gov.cn/yj?doc={{doc}}&article={{article}}",
        en="e.g. https://example.gov.cn/yj?doc={{doc}}&article={{article}}",
    ),
    "closes-before-opens": Message(
        zh="征求意见截止日期（{closes}）早于开始日期（{opens}）",
        en="comments close ({closes}) before they open ({opens})",
    ),
    "closes-before-opens.hint": Message(
        zh="`closes` 是接受意见的最后一天，不能早于 `opens`",
        en="`closes` is the last day comments are accepted; it must be on or after `opens`",
    ),
    "code-file": Message(
        zh="此文件{shown}，不属于网站原样发布的文件类型；浏览器可能把它当作能运行脚本的文档打开",
        en="this file has {shown}, which is not among the types the site publishes as they are; a browser could open it as a document that runs script",
    ),
    "code-file.active": Message(
        zh="内容文件夹中不能放 {suffix} 文件：网站会把它们当作在读者浏览器中运行的代码发布",
        en="content may not hold {suffix} files: the site would publish them as code that runs in readers' browsers",
    ),
    "code-file.active.hint": Message(
        zh="页面用 Markdown（.md）编写，数据用 CSV；脚本、HTML 和 XML 属于主题或由 lawsite 生成",
        en="write pages as Markdown (.md) and data as CSV; scripts, HTML and XML belong to the theme or are made by lawsite",
    ),
    "code-file.cname": Message(
        zh="CNAME 文件只能写网站的主机名（GitHub Pages 读取它），不能有其他内容",
        en="CNAME must hold only the site's host name (GitHub Pages reads it), nothing else",
    ),
    "code-file.cname.hint": Message(
        zh="只写一行，例如 lawsite.example.org",
        en="write one line such as lawsite.example.org",
    ),
    "code-file.double-suffix": Message(
        zh="文件名中含有 {hidden}，有些网站服务器会据此判断文件类型：网站会把它作为能运行脚本的文档发布",
        en="the name holds {hidden}, which some web servers read as the file's type: the site would publish it as a document that can run script",
    ),
    "code-file.double-suffix.hint": Message(
        zh="给文件改名，只让最后一个后缀表示类型（例如 report.pdf）",
        en="rename the file so that only its last suffix names a type (for example report.pdf)",
    ),
    "code-file.hint": Message(
        zh="图片用 PNG、JPEG、WebP 或 SVG，文档用 PDF，数据用 CSV；允许的后缀：{INERT_SUFFIXES}",
        en="publish images as PNG, JPEG, WebP or SVG, documents as PDF, data as CSV; allowed suffixes: {INERT_SUFFIXES}",
    ),
    "code-file.no-suffix": Message(
        zh="没有后缀",
        en="no suffix",
    ),
    "code-file.svg": Message(
        zh="此 SVG 图片不能发布：{what}",
        en="this SVG image cannot be published: {what}",
    ),
    "code-file.svg-attribute": Message(
        zh="<{element}> 有属性 {name}=，不属于单纯的图形",
        en="<{element}> has the attribute {name}=, which is not plain drawing",
    ),
    "code-file.svg-attribute-url": Message(
        zh="<{element} {name}> 含有 {group!r}，可能从其他地方加载内容",
        en="<{element} {name}> holds {group!r}, which can load from elsewhere",
    ),
    "code-file.svg-dtd": Message(
        zh="它声明了 DTD 或实体，可能隐藏图片的真实内容",
        en="it declares a DTD or entities, which can hide what the image holds",
    ),
    "code-file.svg-element": Message(
        zh="它含有元素 <{value}>{value2}，不属于单纯的图形",
        en="it holds the element <{value}>{value2}, which is not plain drawing",
    ),
    "code-file.svg-event": Message(
        zh="<{element}> 有事件处理属性 {name}=，会运行脚本",
        en="<{element}> has the event handler {name}=, which runs script",
    ),
    "code-file.svg-link": Message(
        zh="<{element}> 链接到 {value!r}；链接只能指向图片内部（#id）",
        en="<{element}> links to {value!r}; links may only point inside the image (#id)",
    ),
    "code-file.svg-processing": Message(
        zh="处理指令 <?{target} …?>（其中的样式表可能把图片变成能运行脚本的页面）",
        en="the processing instruction <?{target} …?> (a stylesheet there can turn the image into a page that runs script)",
    ),
    "code-file.svg-root": Message(
        zh="根元素是命名空间 {value2} 中的 <{value}>，而不是 SVG 命名空间中的 <svg>",
        en="its root element is <{value}> in namespace {value2}, not <svg> in the SVG namespace",
    ),
    "code-file.svg-style-url": Message(
        zh="它的 <style> 含有 {group!r}，可能从其他地方加载内容",
        en="its <style> holds {group!r}, which can load from elsewhere",
    ),
    "code-file.svg-too-large": Message(
        zh="它大于 {MAX_SVG_BYTES} MB，太大，无法检查（请简化图片，或导出为 PNG）",
        en="it is larger than {MAX_SVG_BYTES} MB, too large to check (simplify it, or export it as PNG)",
    ),
    "code-file.svg-xml": Message(
        zh="它不是格式正确的 XML（{getMessage}）",
        en="it is not well-formed XML ({getMessage})",
    ),
    "code-file.svg.hint": Message(
        zh="重新导出为单纯的图形（不含脚本、链接、动画或嵌入内容），或导出为 PNG",
        en="export the image again as plain drawing (no scripts, links, animation or embedded content), or as PNG",
    ),
    "code-file.the-suffix": Message(
        zh="的后缀是 {suffix}",
        en="the suffix {suffix}",
    ),
    "collect-attachment-only": Message(
        zh="意见在附件中",
        en="the comment is in the attachment(s)",
    ),
    "collect-auto-reply": Message(
        zh="自动回复 {id} 已跳过（{why}）",
        en="auto-reply {id} skipped ({why})",
    ),
    "collect-auto-reply.hint": Message(
        zh="无需处理：自动回复里没有意见",
        en="nothing to do: an auto-reply holds no comment",
    ),
    "collect-bad-count": Message(
        zh="人数“{count}”不是不小于 1 的整数",
        en="count `{count}` is not a whole number ≥ 1",
    ),
    "collect-bad-count.hint": Message(
        zh="一个人的意见留空即可",
        en="leave it empty for one person",
    ),
    "collect-bad-date": Message(
        zh="日期“{date}”无法识别",
        en="date `{date}` not read",
    ),
    "collect-bad-date.hint": Message(
        zh="写成 2026-11-05 或 2026年11月5日",
        en="write 2026-11-05 or 2026年11月5日",
    ),
    "collect-bad-row.cell": Message(
        zh="此行未读取：有一格超过 {limit} 个字",
        en="row not read: a cell over {limit} characters",
    ),
    "collect-bad-row.cell.hint": Message(
        zh="一条意见通常只有几段：请拆开，或检查是否有未闭合的引号",
        en="a comment is a few paragraphs: split it, or check for an unclosed quote",
    ),
    "collect-bad-row.csv": Message(
        zh="此行未读取：{error}",
        en="row not read: {error}",
    ),
    "collect-bad-row.csv.hint": Message(
        zh="每格最多 {limit} 个字；检查是否有未闭合的引号（\"）",
        en="a cell holds at most {limit} characters; look for an unclosed quote (\")",
    ),
    "collect-cells": Message(
        zh="此行未读取：单元格比表头的列多",
        en="row not read: more cells than the header has columns",
    ),
    "collect-duplicate": Message(
        zh="{id} 已经汇总过",
        en="row {id} was collected already",
    ),
    "collect-duplicate.hint": Message(
        zh="每个来源写一次即可",
        en="each source once is enough",
    ),
    "collect-empty.basket": Message(
        zh="邮件 {id}：{label}下面没有写内容",
        en="mail {id}: nothing written under {label}",
    ),
    "collect-empty.hint": Message(
        zh="无需处理",
        en="nothing to do",
    ),
    "collect-empty.mail": Message(
        zh="邮件 {id} 没有自己写的内容",
        en="mail {id} has no text of its own",
    ),
    "collect-empty.mail.hint": Message(
        zh="无需处理（只有引用的原邮件或签名）",
        en="nothing to do (only quoted text or a signature)",
    ),
    "collect-empty.row": Message(
        zh="没有意见内容的一行，已跳过",
        en="row without a comment skipped",
    ),
    "collect-empty.row.hint": Message(
        zh="把意见写在“意见”一列",
        en="write the comment in the text column",
    ),
    "collect-mail-duplicate": Message(
        zh="邮件 {id} 已经汇总过",
        en="mail {id} collected already",
    ),
    "collect-mail-duplicate.hint": Message(
        zh="无需处理：同一封邮件出现在两个来源里",
        en="nothing to do: the same mail was in two sources",
    ),
    "collect-mail-html-too-large": Message(
        zh="邮件只有 {n} 个字符的网页格式正文，未读取：上限为 {limit}",
        en="mail whose only text is {n} characters of HTML not read: the limit is {limit}",
    ),
    "collect-mail-lines": Message(
        zh="邮件有 {n} 行，未读取：上限为 {limit} 行",
        en="mail of {n} lines not read: the limit is {limit}",
    ),
    "collect-mail-parts": Message(
        zh="邮件有超过 {limit} 个部分，未读取",
        en="mail with more than {limit} parts not read",
    ),
    "collect-mail-parts.hint": Message(
        zh="把意见用普通邮件再转发一次",
        en="forward the comment in a plain mail",
    ),
    "collect-mail-text.hint": Message(
        zh="把正文复制到一封普通邮件里",
        en="copy its text into a plain mail",
    ),
    "collect-mail-too-large": Message(
        zh="邮件有 {size} 字节，未读取：上限为 {limit} 字节",
        en="mail of {size} bytes not read: the limit is {limit}",
    ),
    "collect-mail-too-large.hint": Message(
        zh="把附件另存，只转发正文",
        en="save the attachments apart and forward the text alone",
    ),
    "collect-mail-unreadable": Message(
        zh="邮件无法读取：{error}",
        en="mail cannot be read: {error}",
    ),
    "collect-mail-unreadable.hint": Message(
        zh="在邮件客户端里打开后重新转发",
        en="open it in a mail client and forward it again",
    ),
    "collect-no-text-column": Message(
        zh="表格没有意见一列，未读取",
        en="the table has no column of comments: not read",
    ),
    "collect-no-text-column.hint": Message(
        zh="把意见一列命名为“意见”（或 text）；还可以有条文、联系点、日期、来源、人数",
        en="name the column of comments text (or 意见); article, point, received, from, count may follow",
    ),
    "collect-not-a-mail": Message(
        zh="文件夹中有 {n} 个文件未读取：{names}",
        en="{n} file(s) in the folder not read: {names}",
    ),
    "collect-not-a-mail.hint": Message(
        zh="这里只读 .eml 邮件；表格或 mbox 请单独作为来源",
        en="only .eml files are mails here; give a table or an mbox as a source of its own",
    ),
    "collect-other-draft": Message(
        zh="邮件 {id} 是对《{title}》的意见，不是对 {draft}",
        en="mail {id} is on 《{title}》, not on {draft}",
    ),
    "collect-other-draft.hint": Message(
        zh="用那份草案的 --concerns 汇总",
        en="collect it with --concerns for that draft",
    ),
    "collect-personal-column": Message(
        zh="{columns} 列未抄录：个人信息留在原表格中",
        en="column(s) {columns} not copied: personal data stays in this table",
    ),
    "collect-personal-column.hint": Message(
        zh="无需处理：source 一栏写明了原表格的哪一行",
        en="nothing to do: `source` names the row to look it up",
    ),
    "collect-table-too-large": Message(
        zh="表格有 {size} 字节，未读取：上限为 {limit} 字节",
        en="table of {size} bytes not read: the limit is {limit}",
    ),
    "collect-table-too-large.hint": Message(
        zh="拆成几个文件",
        en="split it into several files",
    ),
    "collect-table-too-long": Message(
        zh="第 {limit} 行以后未读取",
        en="rows after {limit} not read",
    ),
    "collect-unknown-article": Message(
        zh="{draft} 没有条文“{article}”",
        en="{draft} has no article `{article}`",
    ),
    "collect-unknown-article.comment": Message(
        zh="意见 {id}：{draft} 没有（或不再有）条文“{article}”",
        en="comment {id}: {draft} has no article `{article}` (any more)",
    ),
    "collect-unknown-article.hint": Message(
        zh="整理时填写条文",
        en="set the article in 整理",
    ),
    "collect-unknown-article.mail": Message(
        zh="邮件 {id}：{draft} 没有{label}",
        en="mail {id}: {draft} has no article {label}",
    ),
    "collect-unknown-article.table.hint": Message(
        zh="写“第十二条”、art_12，或对整体的意见写“总体”",
        en="write 第十二条, art_12, or 总体 for the whole draft",
    ),
    "collect-unknown-channel": Message(
        zh="渠道“{channel}”无法识别，按 {default} 处理",
        en="unknown channel `{channel}`, taken as {default}",
    ),
    "collect-unknown-channel.hint": Message(
        zh="写 web、mail、paper 或 meeting（书面、座谈会……）",
        en="write web, mail, paper or meeting (书面, 座谈会 …)",
    ),
    "collect-unknown-column": Message(
        zh="{columns} 列未抄录",
        en="column(s) {columns} not copied",
    ),
    "collect-unknown-column.hint": Message(
        zh="可以识别的列：{known}",
        en="known columns: {known}",
    ),
    "collect-unknown-point": Message(
        zh="没有联系点“{point}”",
        en="no contact point `{point}`",
    ),
    "collect-unknown-point.hint": Message(
        zh="写 content/contact-points/ 中某个联系点的编号",
        en="write the id of a contact point in content/contact-points/",
    ),
    "collect-xlsx-too-large.parts": Message(
        zh="工作簿有 {n} 个部分，未读取：上限为 {limit}",
        en="workbook not read: {n} parts (the limit is {limit})",
    ),
    "collect-xlsx-too-large.unpacked": Message(
        zh="工作簿解压后有 {size} 字节，未读取：上限为 {limit} 字节",
        en="workbook not read: it unpacks to {size} bytes (the limit is {limit})",
    ),
    "collect-xlsx-unreadable": Message(
        zh="工作簿无法读取：{error}",
        en="workbook cannot be read: {error}",
    ),
    "collect-xlsx-unreadable.zip": Message(
        zh="工作簿未读取：不是 .xlsx 文件（{error}）",
        en="workbook not read: not an .xlsx file ({error})",
    ),
    "collect-xlsx.hint": Message(
        zh="用 Excel 或 WPS 重新保存，或另存为 CSV",
        en="save it again from Excel or WPS, or as CSV",
    ),
    "control-character": Message(
        zh="第 {number} 行含有{what}（U+{code_point:04X}，第 {start} 列）",
        en="line {number} holds {what} (U+{code_point:04X}, column {start})",
    ),
    "control-character.bidi": Message(
        zh="双向文字控制符，会使文字的显示顺序与阅读顺序不同",
        en="a bidirectional override, which can make the text display in a different order than it reads",
    ),
    "control-character.bidi.hint": Message(
        zh="删除它；中文和西文都不需要方向控制符",
        en="delete it; Chinese and Latin text need no direction marks",
    ),
    "control-character.control": Message(
        zh="不可见的控制字符",
        en="an invisible control character",
    ),
    "control-character.control.hint": Message(
        zh="删除它（通常是从 PDF 或文字处理软件中复制带来的）",
        en="delete it (it usually comes from copying out of a PDF or a word processor)",
    ),
    "csv-cells": Message(
        zh="有 {n_cells} 个单元格，表头有 {n_header} 个",
        en="has {n_cells} cells, the header has {n_header}",
    ),
    "csv-cells.hint": Message(
        zh='检查是否多了或少了逗号；含逗号的文字用 "…" 括起来',
        en='check for a missing or extra comma; quote text that contains commas with "…"',
    ),
    "csv-cells.row": Message(
        zh="第 {line} 行：有 {n_cells} 个单元格，表头有 {n_header} 个",
        en="row {line}: {n_cells} cells, the header has {n_header}",
    ),
    "csv-cells.tally": Message(
        zh="单元格数与表头不一致",
        en="the number of cells differs from the header",
    ),
    "csv-cells.tally.hint": Message(
        zh="检查是否多了或少了逗号；含逗号的文字用引号括起来",
        en="check for a missing or extra comma; quote text containing commas",
    ),
    "csv-control-character": Message(
        zh="CSV 含有控制字符 U+{code_point:04X}，任何意见都无法显示它",
        en="the CSV holds the control character U+{code_point:04X}, which no suggestion can show",
    ),
    "csv-control-character.hint": Message(
        zh="在 Excel 或 WPS 中重新另存为“CSV UTF-8”；检查这一行是否粘贴了二进制数据",
        en="save the sheet again from Excel or WPS as “CSV UTF-8”; look for pasted binary data on this line",
    ),
    "csv-empty.file": Message(
        zh="文件是空的",
        en="the file is empty",
    ),
    "csv-empty.file.hint": Message(
        zh="第一行是表头：{columns}",
        en="the first row is the header: {columns}",
    ),
    "csv-empty.rows": Message(
        zh="表格只有表头，没有意见",
        en="the table has a header and no comments",
    ),
    "csv-empty.rows.hint": Message(
        zh="在表头下每行写一条意见",
        en="one row per comment under the header",
    ),
    "csv-encoding": Message(
        zh="CSV 既不是 UTF-8 编码，也不是 GBK 编码",
        en="the CSV is neither UTF-8 nor GBK",
    ),
    "csv-encoding.hint": Message(
        zh="在 Excel 中：另存为 → CSV UTF-8（逗号分隔）",
        en="in Excel: 另存为 → CSV UTF-8（逗号分隔）",
    ),
    "csv-gbk": Message(
        zh="按 {ENCODING_NAMES} 读取（中文版 Windows 上 Excel 使用的编码）",
        en="read as {ENCODING_NAMES} (the encoding Excel uses on Chinese Windows)",
    ),
    "csv-gbk.hint": Message(
        zh="可以读取；另存为“CSV UTF-8”可避免生僻字出错",
        en="this works; saving as “CSV UTF-8” avoids mistakes with rare characters",
    ),
    "csv-header.both": Message(
        zh="CSV 表头：未知的列 {unknown}；缺少的列 {missing}",
        en="CSV header: unknown column(s) {unknown}; missing column(s) {missing}",
    ),
    "csv-header.hint": Message(
        zh="表头行应为 {columns}{suggestion}",
        en="the header row is {columns}{suggestion}",
    ),
    "csv-header.missing": Message(
        zh="CSV 表头：缺少的列 {missing}",
        en="CSV header: missing column(s) {missing}",
    ),
    "csv-header.missing-repeated": Message(
        zh="CSV 表头：缺少的列 {missing}；重复的列 {repeated}",
        en="CSV header: missing column(s) {missing}; repeated column(s) {repeated}",
    ),
    "csv-header.repeated": Message(
        zh="CSV 表头：重复的列 {repeated}",
        en="CSV header: repeated column(s) {repeated}",
    ),
    "csv-header.sort.hint": Message(
        zh="表头行应为 {columns}（其后的其他列会保留）",
        en="the header row is {columns} (extra columns after them are kept)",
    ),
    "csv-header.unknown": Message(
        zh="CSV 表头：未知的列 {unknown}",
        en="CSV header: unknown column(s) {unknown}",
    ),
    "csv-malformed": Message(
        zh="无法读取 CSV：{exc}",
        en="the CSV cannot be read: {exc}",
    ),
    "csv-malformed.hint": Message(
        zh='一条意见只有几句话：检查是否有未闭合的引号（"）一直延续到文件末尾',
        en='a suggestion is a few sentences: look for an unclosed quote (") that runs on to the end of the file',
    ),
    "csv-malformed.sort": Message(
        zh="第 {line} 行：从这里起无法继续读取 CSV：{exc}",
        en="row {line}: the CSV cannot be read on from here: {exc}",
    ),
    "csv-malformed.sort.hint": Message(
        zh='检查是否有未闭合的引号（"），或某个单元格粘贴了整份文件',
        en='look for an unclosed quote (") or a cell pasted with a whole document in it',
    ),
    "csv-row": Message(
        zh="第 {row} 行：{message}",
        en="row {row}: {message}",
    ),
    "csv-unreadable": Message(
        zh="`suggestions_file: {name}` {reason}",
        en="`suggestions_file: {name}` {reason}",
    ),
    "csv-unreadable.hint": Message(
        zh="把意见拆分到几份说明中，每份使用自己的 CSV",
        en="split the suggestions into several notices, each with its own CSV",
    ),
    "csv-unreadable.link": Message(
        zh="是指向内容文件夹之外的链接",
        en="is a link to a place outside the content folder",
    ),
    "csv-unreadable.too-large": Message(
        zh="大小为 {mb:.1f} MB（{size} 字节），超过内容文件上限 {limit} MB",
        en="is {mb:.1f} MB ({size} bytes), more than the {limit} MB a content file may have",
    ),
    "csv-unreadable.unreadable": Message(
        zh="无法读取：{reason}",
        en="cannot be read: {reason}",
    ),
    "date-out-of-range": Message(
        zh="字段 `{key}` 的日期 {date} 超出 lawsite 能计算的范围（{first} 至 {last}）",
        en="`{key}` {date} is outside the dates lawsite can compute with ({first} to {last})",
    ),
    "date-out-of-range.hint": Message(
        zh="写实际日期；征求意见没有截止日期的，可写一个很远的日期，如 2099-12-31",
        en="write the real date; for a consultation without an end, choose a far date such as 2099-12-31",
    ),
    "did-you-mean": Message(
        zh="；是不是要写 `{choice}`？",
        en="; did you mean `{choice}`?",
    ),
    "division-duplicate": Message(
        zh="{value}在同一层级出现两次；其 id 改为 {id}",
        en="{value} appears twice at this level; its id became {id}",
    ),
    "division-duplicate.hint": Message(
        zh="同一上级之下的编、章、节应连续编号",
        en="number divisions consecutively within their parent",
    ),
    "docx-comment": Message(
        zh="{author}的 Word 批注「{text}」未导入",
        en="Word comment by {author} 「{text}」 left out",
    ),
    "docx-comment.anonymous": Message(
        zh="Word 批注「{text}」未导入",
        en="Word comment 「{text}」 left out",
    ),
    "docx-comment.hint": Message(
        zh="批注不是条文的一部分；处理完后请在 Word 中删除",
        en="comments are not part of the text; delete them in Word once dealt with",
    ),
    "docx-hidden-text": Message(
        zh="隐藏文字「{text}」未导入（Word 既不显示也不打印它）",
        en="hidden text 「{text}」 left out (Word neither shows nor prints it)",
    ),
    "docx-hidden-text.hint": Message(
        zh="如果它属于条文，请在 Word 中取消隐藏（字体 → 取消“隐藏”）后重新导入",
        en="if it belongs to the law, unhide it in Word (字体 → 取消“隐藏”) and import again",
    ),
    "docx-numbering-format": Message(
        zh="Word 自动编号格式 {fmt} 无法识别，编号按阿拉伯数字写出",
        en="Word list numbering format {fmt} is not known; its numbers were written as digits",
    ),
    "docx-numbering-format.hint": Message(
        zh="请核对这一列表的条号、项号",
        en="check the article and item labels of that list",
    ),
    "docx-too-large": Message(
        zh="这个 .docx 解压后有 {total:,} 字节（其中 XML {xml:,} 字节），共 {parts:,} 个部件；最多读取 {max_total:,} 字节、XML {max_xml:,} 字节、{max_parts:,} 个部件",
        en="the .docx would unpack to {total:,} bytes ({xml:,} of them XML) in {parts:,} parts; at most {max_total:,} bytes, {max_xml:,} of XML and {max_parts:,} parts are read",
    ),
    "docx-too-large.hint": Message(
        zh="一个文件只放一部法规：拆分文档、删去图片，或者存为纯文本再导入",
        en="one law per file: split the document, remove its images, or import it as text",
    ),
    "docx-tracked-change": Message(
        zh="Word 文档有修订痕迹：插入「{inserted}」，删除「{deleted}」",
        en="tracked change in Word: inserted 「{inserted}」, deleted 「{deleted}」",
    ),
    "docx-tracked-change.hint": Message(
        zh="请在 Word 中接受或拒绝所有修订（审阅 → 接受/拒绝所有修订），保存后重新导入",
        en="accept or reject every change in Word (审阅 → 接受/拒绝所有修订), save, and import again",
    ),
    "docx-unreadable": Message(
        zh="无法读取这个 Word 文档：{error}",
        en="cannot read the Word document: {error}",
    ),
    "docx-unreadable.hint": Message(
        zh="用 Word 或 WPS 打开，另存为“Word 文档 (*.docx)”后重新导入",
        en="open it in Word or WPS, save it as “Word 文档 (*.docx)” and import again",
    ),
    "docx-unreadable.not-zip": Message(
        zh="不是 Word .docx 文件（不是 zip 文件包）",
        en="not a Word .docx file (it is not a zip package)",
    ),
    "duplicate-comment-id": Message(
        zh="意见编号 {id} 已在 {where} 列出",
        en="comment id {id} is listed already at {where}",
    ),
    "duplicate-comment-id.hint": Message(
        zh="一条意见只并入本说明的一个条目：从其中一处删去这个编号",
        en="a comment is merged into one entry of the notice: remove the id from one of them",
    ),
    "duplicate-id": Message(
        zh="id `{id}` 已被 {path} 使用",
        en="id `{id}` is already used by {path}",
    ),
    "duplicate-id.hint": Message(
        zh="每份文件应有自己的 `id:`（未写时以文件名为 id）",
        en="give each document its own `id:` (ids default to the file name)",
    ),
    "duplicate-id.row": Message(
        zh="第 {line} 行，id 列：`{id}` 也是第 {first} 行的 id",
        en="row {line}, column id: `{id}` is also the id of row {first}",
    ),
    "duplicate-id.row.hint": Message(
        zh="id 是回执号：每条意见各有自己的 id",
        en="ids are receipts: each comment has its own",
    ),
    "duplicate-suggestion": Message(
        zh="来自{source}、针对本条的相同意见已在 {where} 列出",
        en="the same suggestion from {source} on this article is itemised already at {where}",
    ),
    "duplicate-suggestion.hint": Message(
        zh="合并这两个条目，并把 `count` 相加",
        en="merge the two entries and add up their `count`",
    ),
    "exists": Message(
        zh="文件已存在，未覆盖",
        en="exists already; not overwritten",
    ),
    "exists.hint": Message(
        zh="加 --force 可以替换",
        en="pass --force to replace it",
    ),
    "extra-title": Message(
        zh="多余的标题行 `# {t}`，已忽略",
        en="extra title line `# {t}` ignored",
    ),
    "extra-title.hint": Message(
        zh="一个文件只有一个标题（民法典各编另有一个编名）",
        en="a file has one title (and a part for Civil Code parts)",
    ),
    "field.activity-date": Message(
        zh="活动日期，格式 YYYY-MM-DD",
        en="the day it was held, YYYY-MM-DD",
    ),
    "field.activity-point": Message(
        zh="举办活动的联系点 id",
        en="the id of the contact point that held it",
    ),
    "field.closes": Message(
        zh="接受意见的最后一天（含当天），YYYY-MM-DD",
        en="last day comments are accepted (inclusive), YYYY-MM-DD",
    ),
    "field.concerns": Message(
        zh="所针对草案的 id",
        en="the id of the draft the suggestions were made on",
    ),
    "field.event-date": Message(
        zh="事件发生的日期，YYYY-MM-DD",
        en="the day of the event, YYYY-MM-DD",
    ),
    "field.interprets": Message(
        zh="所解释的草案或法律的 id",
        en="the id of the draft or law it explains",
    ),
    "field.level": Message(
        zh="国家级、省级、市级或县级",
        en="国家级, 省级, 市级 or 县级",
    ),
    "field.numbering": Message(
        zh="zh-Hans、zh-Hant 或 en",
        en="zh-Hans, zh-Hant or en",
    ),
    "field.one-of": Message(
        zh="{choices}",
        en="{choices}",
    ),
    "field.opens": Message(
        zh="开始接受意见的日期，YYYY-MM-DD",
        en="first day comments are accepted, YYYY-MM-DD",
    ),
    "field.person-name": Message(
        zh="姓名，例如：张明",
        en="the person's name, e.g. 张明",
    ),
    "field.poster-from": Message(
        zh="条号，例如 第一条",
        en="an article label, e.g. 第一条",
    ),
    "field.poster-to": Message(
        zh="条号，例如 第十条",
        en="an article label, e.g. 第十条",
    ),
    "file-too-large": Message(
        zh="文件大小为 {size} MB，超过内容文件上限 {MAX_FILE_BYTES} MB",
        en="file is {size} MB, more than the {MAX_FILE_BYTES} MB a content file may have",
    ),
    "file-too-large.hint": Message(
        zh="拆分为几份文件",
        en="split it into several documents",
    ),
    "forwarded-too-small": Message(
        zh="`forwarded` 中 {point} 上报 {forwarded} 条，少于本说明逐条列出的该联系点意见 {itemised} 条",
        en="`forwarded` gives {point} {forwarded} suggestions forwarded, fewer than the {itemised} this notice itemises from it",
    ),
    "forwarded-too-small.hint": Message(
        zh="上报数是该联系点就本草案上报的意见总数，不少于逐条列出的（含采纳的）意见数；改为不少于 {itemised}，或更正逐条列出意见的 `from`/`count`",
        en="the number forwarded is every suggestion the point forwarded on this draft, at least those itemised (adopted ones included); make it {itemised} or more, or correct the itemised suggestions' `from`/`count`",
    ),
    "forwarded-unknown-point": Message(
        zh="`forwarded` 中的 {point} 不是联系点的 id",
        en="{point} in `forwarded` is not the id of a contact point",
    ),
    "forwarded-unknown-point.hint": Message(
        zh="`forwarded` 的每一行以联系点的 id 开头（contact-points/ 下文件的 id）{suggestion}",
        en="each line of `forwarded` starts with a contact point's id (a file under contact-points/){suggestion}",
    ),
    "ids-exceed-count": Message(
        zh="`count` 为 {count}，但 `ids` 列出了 {n} 条意见",
        en="`count` is {count} but `ids` lists {n} comments",
    ),
    "ids-exceed-count.hint": Message(
        zh="`count` 至少为 {n}：每个编号是一条意见（多人联名的一条意见可以计为多人）",
        en="make `count` at least {n}: each id is one comment (one signed by many may count more)",
    ),
    "import-conversion-failed": Message(
        zh="LibreOffice 未能转换这个文件（退出码 {code}）{said}",
        en="LibreOffice could not convert the file (exit {code}) {said}",
    ),
    "import-conversion-failed.hint": Message(
        zh="用 Word、WPS 或 LibreOffice 打开，另存为 .docx 后导入",
        en="open it in Word, WPS or LibreOffice, save it as .docx and import that",
    ),
    "import-conversion-failed.timeout": Message(
        zh="LibreOffice 在 {seconds} 秒内没有完成转换",
        en="LibreOffice did not convert the file within {seconds} s",
    ),
    "import-encoding": Message(
        zh="无法按 {encoding} 读取文字（第 {start} 个字节）",
        en="cannot read the text as {encoding} (byte at offset {start})",
    ),
    "import-encoding.hint": Message(
        zh="把文件另存为 UTF-8 编码的文本（记事本：另存为 → 编码 UTF-8）",
        en="save the file as UTF-8 text (记事本: 另存为 → 编码 UTF-8)",
    ),
    "import-no-articles": Message(
        zh="没有找到条文（第一条……）：全文按普通文字导入",
        en="no article head (第一条 …) found: the whole text was imported as plain text",
    ),
    "import-no-articles.hint": Message(
        zh="检查每一条是否在一行的开头写“第一条”“第二条”……",
        en="check that articles start with 第一条, 第二条 … at the start of a line",
    ),
    "import-no-libreoffice": Message(
        zh="{suffix} 文件需要用 LibreOffice 转换，但本机没有安装（PATH 中没有 soffice）",
        en="{suffix} files are converted with LibreOffice, which is not installed (no `soffice` on PATH)",
    ),
    "import-no-libreoffice.hint": Message(
        zh="安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer），或者在 Word、WPS 中另存为 .docx 后导入",
        en="install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer), or save the file as .docx in Word or WPS and import that",
    ),
    "import-no-title": Message(
        zh="正文前没有标题行；用文件名「{stem}」作为标题",
        en="no title line before the text; the file's name 「{stem}」 became the title",
    ),
    "import-no-title.hint": Message(
        zh="在第一行写法规名称，或者在导入的文件中改正 `title:`",
        en="put the law's name on the first line, or correct `title:` in the imported file",
    ),
    "import-not-text": Message(
        zh="文件中有 NUL 字节：不是文本文件",
        en="file holds NUL bytes: it is not a text file",
    ),
    "import-not-text.hint": Message(
        zh="导入 .txt、.docx、.doc 或 .wps 文件，或者把这个文件另存为文本",
        en="import a .txt, .docx, .doc or .wps file, or save this one as text",
    ),
    "import-outside-articles": Message(
        zh="「{start}」既不属于任何一条，也不是章节标题；按普通文字保留",
        en="「{start}」 is not part of any article or division heading; kept as text",
    ),
    "import-outside-articles.hint": Message(
        zh="如果它是章、节标题，写成“第N章 ……”；否则把它移进某一条",
        en="if it is a chapter or section heading, write it as 第N章 …; else move it into an article",
    ),
    "import-too-large": Message(
        zh="文件有 {size:,} 字节；最多读取 {limit:,} 字节",
        en="file is {size:,} bytes; at most {limit:,} are read",
    ),
    "import-too-large.hint": Message(
        zh="一个文件只放一部法规：拆分文件，或删去其中的图片",
        en="one law per file: split it, or remove its images",
    ),
    "interpretation-duplicate": Message(
        zh="{label_of}已在第 {seen} 行的部分中解释过",
        en="{label_of} is already explained in the section on line {seen}",
    ),
    "interpretation-duplicate.hint": Message(
        zh="每一条只在一个部分中解释；“释义”链接指向第一处",
        en="explain each article in one section; the 释义 link goes to the first",
    ),
    "interpretation-range": Message(
        zh="范围“{heading}”前后颠倒",
        en="the range `{heading}` runs backwards",
    ),
    "interpretation-range.hint": Message(
        zh="小的条号写在前面：{label}至{label2}",
        en="write the lower number first: {label}至{label2}",
    ),
    "invisible-character": Message(
        zh="“{visible}”含有不可见字符 {hidden}；已去除后读取",
        en="`{visible}` holds invisible character(s) {hidden}; read without them",
    ),
    "invisible-character.hint": Message(
        zh="从条号中删除不可见字符",
        en="delete the invisible character(s) from the article",
    ),
    "label-invisible": Message(
        zh="条号{label}中含有不可见字符 {invisible}；已去除",
        en="invisible character(s) {invisible} inside the article label {label}; removed",
    ),
    "label-invisible.hint": Message(
        zh="删除不可见字符：把{label}写成普通文字",
        en="delete the invisible character(s): write {label} as plain text",
    ),
    "label-stray-space": Message(
        zh="条号{label}中有多余的空格",
        en="stray space inside the article label {label}",
    ),
    "label-stray-space.hint": Message(
        zh="{label}中间不留空格，其后空一格再写正文",
        en="write {label} without a space, followed by a space and the text",
    ),
    "label-typo": Message(
        zh="{label}中把“第”误写为“笫”（U+7B2B）；已按“第”读取",
        en="笫 (U+7B2B) instead of 第 in {label}; read as 第",
    ),
    "label-typo.hint": Message(
        zh="写“第”（U+7B2C），不要写形近字“笫”",
        en="write 第 (U+7B2C), not the look-alike 笫",
    ),
    "link-broken": Message(
        zh="此链接指向不存在的位置或形成循环（{target}）",
        en="this link leads nowhere or round in a circle ({target})",
    ),
    "link-folder": Message(
        zh="此文件夹是指向内容中另一个文件夹的链接（{target}）：其中的文件会被发布两次",
        en="this folder is a link to another folder of the content ({target}): its files would be published twice",
    ),
    "link-loop": Message(
        zh="此文件夹是指向其上级文件夹的链接（{target}）：跟随它将永无止境",
        en="this folder is a link to a folder it is in ({target}): following it would never end",
    ),
    "link-outside.file": Message(
        zh="此文件是指向内容文件夹之外的链接（{target}）",
        en="this file is a link to a place outside the content folder ({target})",
    ),
    "link-outside.folder": Message(
        zh="此文件夹是指向内容文件夹之外的链接（{target}）",
        en="this folder is a link to a place outside the content folder ({target})",
    ),
    "link.hint": Message(
        zh="把文件复制到内容文件夹中，不要使用链接",
        en="copy the file into the content folder instead of linking to it",
    ),
    "link.points.hint": Message(
        zh="把链接指向的内容复制到内容文件夹中，不要使用链接",
        en="copy what it points to into the content folder instead of linking to it",
    ),
    "missing-file": Message(
        zh="`suggestions_file: {name}` {why}",
        en="`suggestions_file: {name}` {why}",
    ),
    "missing-file.hint": Message(
        zh="把 CSV 放在说明文件旁边，并写上文件名，例如 suggestions_file: feedback.csv",
        en="put the CSV beside the notice and write its file name, e.g. suggestions_file: feedback.csv",
    ),
    "missing-file.not-csv": Message(
        zh="应为内容文件夹中的 .csv 文件，以相对于说明文件的路径书写",
        en="must be a .csv file in the content folder, named relative to the notice",
    ),
    "missing-file.not-found": Message(
        zh="找不到文件：{path}",
        en="file not found: {path}",
    ),
    "missing-file.photo": Message(
        zh="照片 `{name}` 找不到（查找的是 {path}）",
        en="photo `{name}` names no file (looked for {path})",
    ),
    "missing-file.photo.hint": Message(
        zh="写照片相对于本文件的文件名",
        en="write the photo's file name relative to this file",
    ),
    "broken-link": Message(
        zh="链接 `{href}` 指向的文件不存在（查找的是 {path}）",
        en="the link `{href}` names no file (looked for {path})",
    ),
    "broken-link.outside": Message(
        zh="链接 `{href}` 指向内容文件夹之外",
        en="the link `{href}` leads out of the content folder",
    ),
    "broken-link.hint": Message(
        zh="写相对于本文件的路径，例如 ../laws/water-protection.md#art_3；网上的地址以 https:// 开头",
        en="write the path relative to this file, e.g. ../laws/water-protection.md#art_3; an address on the web starts with https://",
    ),
    "tally-unknown-outcome": Message(
        zh="处理结果“{value}”不是采纳、部分采纳、未采纳、留作研究之一",
        en="the outcome {value} is none of adopted, partly, not-adopted, noted",
    ),
    "tally-unknown-outcome.hint": Message(
        zh="写 采纳、部分采纳、未采纳 或 留作研究（也可写 adopted、partly、not-adopted、noted）；尚未决定的留空",
        en="write adopted, partly, not-adopted or noted (or 采纳, 部分采纳, 未采纳, 留作研究); leave it empty while undecided",
    ),
    "tally-outcome-differs": Message(
        zh="与第 {first} 行是同一条意见，处理结果或理由却不同",
        en="the same comment as row {first}, with another outcome or reason",
    ),
    "tally-outcome-differs.hint": Message(
        zh="同一来源对同一条的相同意见合并为一条，只能有一个处理结果和理由：改成一致",
        en="the same comment from the same source on the same article is merged into one, with one outcome and reason: make them agree",
    ),
    "missing-key.add": Message(
        zh="加上 `{key}:`",
        en="add `{key}:`",
    ),
    "missing-key.front": Message(
        zh="缺少必填字段 `{base}`",
        en="missing required key `{base}`",
    ),
    "missing-key.front.hint": Message(
        zh="加上 `{key}:`，即{what}",
        en="add `{key}:` — {what}",
    ),
    "missing-key.sort": Message(
        zh="第 {line} 行，{name} 列为空；该行未计入",
        en="row {line}, column {name}: empty; the row is left out",
    ),
    "missing-key.sort.hint": Message(
        zh="每条意见都需要 id（回执号）和 text（意见内容）",
        en="every comment needs its id (the receipt) and its text",
    ),
    "missing-key.suggestion": Message(
        zh="缺少 `{key}`",
        en="missing `{key}`",
    ),
    "missing-key.tally-from": Message(
        zh="缺少 `from`",
        en="missing `from`",
    ),
    "missing-key.tally-from.hint": Message(
        zh="写基层立法联系点的 id 或意见来源（网民、来信……）",
        en="write a contact-point id or who it came from (网民, 来信…)",
    ),
    "missing-key.tally-text": Message(
        zh="缺少 `text`",
        en="missing `text`",
    ),
    "missing-key.tally-text.hint": Message(
        zh="写意见的内容",
        en="write the comment itself",
    ),
    "missing-kind": Message(
        zh="缺少 `kind:`，但前置元数据中有普通页面不使用的字段 {value}",
        en="`kind:` is missing, but the front matter has {value}, which a plain page does not take",
    ),
    "missing-kind.any": Message(
        zh="加上 `kind:`（{kinds}之一）",
        en="add `kind:` (one of {kinds})",
    ),
    "missing-kind.fitting": Message(
        zh="加上 `kind: {kind}`",
        en="add `kind: {kind}`",
    ),
    "missing-kind.hint": Message(
        zh="在前置元数据开头{suggestion}",
        en="{suggestion} at the top of the front matter",
    ),
    "missing-reason": Message(
        zh="处理结果为 `{value}` 时必须写明理由",
        en="a reason is required when the outcome is `{value}`",
    ),
    "missing-reason.hint": Message(
        zh="加上 `reason:`，说明未采纳（或未完全采纳）的理由",
        en="add `reason:` saying why it was not (fully) adopted",
    ),
    "no-articles": Message(
        zh="此草案没有条文",
        en="this draft has no articles",
    ),
    "no-articles.hint": Message(
        zh="每一条单独成段，以条号开头，例如 `第一条\u3000为了……`",
        en="start each article on its own paragraph with its number, e.g. `第一条\u3000为了……`",
    ),
    "no-comment-channel": Message(
        zh="征求意见既没有 `email`、`form`，也没有 `intake`：读者无法对条文提出意见",
        en="comments have neither `email` nor `form` nor `intake`: readers would have no way to comment on an article",
    ),
    "no-comment-channel.hint": Message(
        zh="加上 `email: …`、`form: https://…?doc={{doc}}&article={{article}}` 和（或）`intake: https://…`（意见征集服务）；全站共用一个意见征集服务的，在 mkdocs.yml 的 lawsite 插件下写 `intake: https://…`",
        en="add `email: …`, `form: https://…?doc={{doc}}&article={{article}}` and/or `intake: https://…` (the comment service); for one service for the whole site, set `intake: https://…` under the lawsite plugin in mkdocs.yml",
    ),
    "no-info-end": Message(
        zh="没有 `{INFO_END}` 行：无法区分文件头（标题、日期）和正文",
        en="no `{INFO_END}` line: cannot tell the header (title, dates) from the text",
    ),
    "no-info-end.hint": Message(
        zh="在各日期行之后加一行 `{INFO_END}`",
        en="add a line `{INFO_END}` after the dated lines",
    ),
    "no-suggestions": Message(
        zh="此说明没有逐条列出意见",
        en="this notice itemises no suggestions",
    ),
    "no-suggestions.hint": Message(
        zh="加上 `suggestions:`（列表）或 `suggestions_file: 文件名.csv`",
        en="add `suggestions:` (a list) or `suggestions_file: name.csv`",
    ),
    "no-title": Message(
        zh="文件头结束前没有 `# 标题` 行",
        en="no `# Title` line before the header ends",
    ),
    "no-title.hint": Message(
        zh="文件以 `# 中华人民共和国…法` 开头",
        en="start the file with `# 中华人民共和国…法`",
    ),
    "not-utf8": Message(
        zh="文件不是 UTF-8 编码",
        en="file is not UTF-8",
    ),
    "not-utf8.content": Message(
        zh="文件不是 UTF-8 编码（第 {start} 字节为 0x{raw:02x}）",
        en="file is not UTF-8 (byte 0x{raw:02x} at offset {start})",
    ),
    "not-utf8.content.hint": Message(
        zh="把文件另存为 UTF-8 编码（记事本：另存为 → 编码 UTF-8；WPS/Word：纯文本，UTF-8）",
        en="save the file as UTF-8 (in Notepad: 另存为 → 编码 UTF-8; in WPS/Word: 纯文本, UTF-8)",
    ),
    "not-utf8.hint": Message(
        zh="把文件另存为 UTF-8 编码",
        en="save the file as UTF-8",
    ),
    "not-utf8.import": Message(
        zh="文件不是 UTF-8 编码（第 {start} 字节）",
        en="file is not UTF-8 (byte at offset {start})",
    ),
    "not-utf8.import.hint": Message(
        zh="先转换为 UTF-8，例如 `iconv -f GB18030 -t UTF-8`",
        en="convert it to UTF-8 first, e.g. `iconv -f GB18030 -t UTF-8`",
    ),
    "numeral-form": Message(
        zh="条号{odd_numeral}中写了规范写法中没有的“零”；已按{label}读取",
        en="the article label {odd_numeral} writes a zero where the legal style has none; read as {label}",
    ),
    "numeral-form.hint": Message(
        zh="写作{label}",
        en="write {label}",
    ),
    "page-suffix": Message(
        zh="MkDocs 会把 {suffix} 文件作为页面发布，但 lawsite 只读取 .md：此页面的前置元数据、链接和 HTML 将不经检查",
        en="MkDocs publishes {suffix} files as pages, but lawsite reads only .md: this page's front matter, links and raw HTML would go unchecked",
    ),
    "page-suffix.hint": Message(
        zh="改名为 {stem}.md",
        en="rename it to {stem}.md",
    ),
    "photo-outside": Message(
        zh="照片 `{name}` 不是内容文件夹里的文件",
        en="photo `{name}` is not a file of the content folder",
    ),
    "photo-outside.hint": Message(
        zh="把照片放进内容文件夹（例如本文件旁边），写它的文件名：photos: [2026-05-座谈会.jpg]",
        en="put the photo in the content folder, e.g. beside this file, and write its name: photos: [2026-05-座谈会.jpg]",
    ),
    "photo-type": Message(
        zh="`{name}` 不是照片",
        en="`{name}` is not a photo",
    ),
    "photo-type.hint": Message(
        zh="请使用图片文件（{suffixes}）",
        en="use an image file ({suffixes})",
    ),
    "photo-unreadable": Message(
        zh="照片 `{name}` {reason}",
        en="photo `{name}` {reason}",
    ),
    "photo-unreadable.hint": Message(
        zh="把照片缩小一些（网页上宽 1600 像素就够了）",
        en="make the photo smaller (a width of 1600 pixels is plenty for the web)",
    ),
    "placeholder": Message(
        zh="还是 `lawsite new` 写的示例内容“{text}”",
        en="still the sample text `lawsite new` wrote: “{text}”",
    ),
    "placeholder.article.hint": Message(
        zh="把“……”换成条文的真实内容",
        en="replace “……” with the article's real text",
    ),
    "placeholder.email.hint": Message(
        zh="写本单位接收意见的真实邮箱；不用邮件收意见的，删去这一行并填写 `form:`",
        en="write the real address that receives comments; if comments do not come by mail, delete the line and fill in `form:`",
    ),
    "placeholder.point.hint": Message(
        zh="写联系点真实的所在地区、地址和电话；不公开的，删去这一行",
        en="write the contact point's real region, address and phone; delete the line if it is not public",
    ),
    "placeholder.prose.hint": Message(
        zh="把这段说明换成真实的内容",
        en="replace this paragraph with the real text",
    ),
    "placeholder.suggestion.hint": Message(
        zh="写这条意见的摘要，或者改用 `suggestions_file:` 指向意见汇总表",
        en="write the suggestion's summary, or use `suggestions_file:` for the table of suggestions",
    ),
    "placeholder.summary.hint": Message(
        zh="用一两句话写明这部草案的立法目的和主要内容",
        en="say in a sentence or two what the draft is for and what it does",
    ),
    "poster-no-site-url": Message(
        zh="没有设置 site_url：海报上的二维码只含页面路径，没有网站地址",
        en="site_url is not set: the posters' QR codes hold page addresses without the host",
    ),
    "poster-no-site-url.hint": Message(
        zh="把 site_url 设为网站发布的地址，例如 site_url: https://rd.example.gov.cn/",
        en="set site_url to the address the site is published at, e.g. site_url: https://rd.example.gov.cn/",
    ),
    "poster-range": Message(
        zh="`poster.{key}: {chosen}` 不是此草案的条文",
        en="`poster.{key}: {chosen}` names no article of this draft",
    ),
    "poster-range.backwards": Message(
        zh="`poster.to`（{label}）在 `poster.from`（{label2}）之前",
        en="`poster.to` ({label}) comes before `poster.from` ({label2})",
    ),
    "poster-range.backwards.hint": Message(
        zh="交换两个界限",
        en="swap the two bounds",
    ),
    "poster-range.hint": Message(
        zh="使用条号（如{label}）或 id（如 {id}）",
        en="use an article label such as {label} or an id such as {id}",
    ),
    "readings-cycle": Message(
        zh="各审次的 `previous:` 首尾相接形成循环：{names}",
        en="the readings' `previous:` go round in a circle: {names}",
    ),
    "readings-cycle.hint": Message(
        zh="最早的审次不写 `previous:`；其后每一审次写前一审次的 id",
        en="the earliest reading has no `previous:`; each later one names the one before it",
    ),
    "readings-too-many": Message(
        zh="这是同一文本的第 {base} 个审次：lawsite 一个审次链最多显示 {MAX_READINGS} 个审次",
        en="this is reading {base} of one text: lawsite shows at most {MAX_READINGS} readings in a chain",
    ),
    "readings-too-many.hint": Message(
        zh="文本成为新法律或新草案时，另起一个审次链（不写 `previous:`）",
        en="start a new chain (leave out `previous:`) where the text became a new law or a new draft",
    ),
    "received-too-small": Message(
        zh="`received: {received}` 少于逐条列出的 {itemised} 条意见",
        en="`received: {received}` is less than the {itemised} suggestions itemised",
    ),
    "received-too-small.hint": Message(
        zh="`received` 是收到意见的总数，包括未逐条列出的",
        en="`received` is the total number of suggestions received, itemised or not",
    ),
    "script-attribute": Message(
        zh="属性 {attribute} 由 lawsite 使用：其脚本读取它（意见篮的邮件地址和表单、截止日期提示），写在这里可能把读者的意见发往别处",
        en="the attribute {attribute} belongs to lawsite: its scripts read it (the comment basket's mail address and form, the deadline banner), so written here it could send readers' comments elsewhere",
    ),
    "script-attribute.hint": Message(
        zh="删除该属性；lawsite 会根据前置元数据（comments.email、comments.form、comments.closes）自行写入",
        en="remove the attribute; lawsite writes it itself from the front matter (comments.email, comments.form, comments.closes)",
    ),
    "script-attribute.id": Message(
        zh="id {element_id!r} 由 lawsite 使用：其脚本按此 id 查找元素",
        en="the id {element_id!r} belongs to lawsite: its scripts look the element up by this id",
    ),
    "script-attribute.id.hint": Message(
        zh="换一个 id",
        en="choose another id",
    ),
    "search-index.empty": Message(
        zh="Pagefind 没有索引任何页面",
        en="Pagefind indexed no page",
    ),
    "search-index.empty.hint": Message(
        zh="页面需要 Material 的内容元素；主题是 `material` 吗？",
        en="pages need Material's content element; is the theme `material`?",
    ),
    "search-index.failed": Message(
        zh="Pagefind 处理 {name} 失败：{detail}",
        en="Pagefind failed on {name}: {detail}",
    ),
    "search-index.failed.hint": Message(
        zh="检查程序能否运行：python -m pagefind --version",
        en="check that the binary runs: python -m pagefind --version",
    ),
    "search-index.incomplete": Message(
        zh="Pagefind 在 {name} 中只索引了 {pages} 个页面中的 {indexed} 个",
        en="Pagefind indexed {indexed} of {pages} pages in {name}",
    ),
    "search-index.incomplete.hint": Message(
        zh="重新构建；如果再次出现，请报告问题",
        en="run the build again; report it if it repeats",
    ),
    "search-index.not-installed": Message(
        zh="没有安装 Pagefind 扩展版程序",
        en="the Pagefind extended binary is not installed",
    ),
    "search-index.not-installed.hint": Message(
        zh="pip install 'pagefind[extended]'",
        en="pip install 'pagefind[extended]'",
    ),
    "search-index.unreadable": Message(
        zh="Pagefind 在 {name} 中写出了无法读取的索引包：{exc}",
        en="Pagefind wrote an unreadable bundle in {name}: {exc}",
    ),
    "second-notice": Message(
        zh="草案 {draft} 已有一份意见采纳情况的说明：{path}；其中的意见会被重复计数",
        en="the draft {draft} has a notice already, {path}; its suggestions would be counted twice",
    ),
    "second-notice.hint": Message(
        zh="一部草案只发一份说明：把两份合并为一份（suggestions 和 suggestions_file 可以同时用），或删去多余的一份；下一审次的草案另有自己的 id 和说明",
        en="one notice per draft: merge the two (suggestions and suggestions_file may be used together) or delete one; a later reading is a draft of its own, with its own notice",
    ),
    "self-reference": Message(
        zh="`{key}: {target_id}` 指向本文件自身",
        en="`{key}: {target_id}` names this document itself",
    ),
    "self-reference.hint": Message(
        zh="写另一份文件的 id；已有：{known}",
        en="name the id of another document; known: {known}",
    ),
    "share-image-glyph": Message(
        zh="中文字体 {font} 没有“{chars}”的字形：此草案不生成分享图片（og:image），以免显示成方框",
        en="the CJK font {font} has no glyph for “{chars}”: this draft gets no share image (og:image) rather than boxes",
    ),
    "share-image-glyph.hint": Message(
        zh="安装字形更全的字体（如 fonts-noto-cjk），或检查标题中是否有误输入的字符",
        en="install a font with more glyphs (e.g. fonts-noto-cjk), or check the title for a mistyped character",
    ),
    "share-image-no-font": Message(
        zh="没有找到能显示中文的字体：各草案不生成分享图片（og:image），分享卡片只有标题和简介",
        en="no font that draws Chinese is installed: the drafts get no share image (og:image); their share cards show title and description only",
    ),
    "share-image-no-font.hint": Message(
        zh="安装中文字体后重新构建，例如 Debian/Ubuntu：apt-get install fonts-noto-cjk",
        en="install a CJK font and build again, e.g. on Debian/Ubuntu: apt-get install fonts-noto-cjk",
    ),
    "sheet-bad-count": Message(
        zh="count 为“{count}”，应为不小于 1 的整数",
        en="count is '{count}', not a whole number of at least 1",
    ),
    "sheet-duplicate-group": Message(
        zh="组 {group} 已在第 {first} 行出现",
        en="group {group} is on row {first} already",
    ),
    "sheet-duplicate-group.hint": Message(
        zh="每组只占一行：删去复制出来的这一行，或改用“全部意见”表的 group 列调整分组",
        en="each group has one row: delete this copy, or move comments with the group column of the 全部意见 sheet",
    ),
    "sheet-duplicate-id": Message(
        zh="意见编号 {id} 已在第 {first} 行出现",
        en="comment id {id} is on row {first} already",
    ),
    "sheet-empty-group": Message(
        zh="组 {group} 填写了处理结果，但“全部意见”表中没有属于这一组的意见",
        en="group {group} has an outcome but no comment on the 全部意见 sheet",
    ),
    "sheet-empty-group.hint": Message(
        zh="“全部意见”表的 group 列写明每条意见所在的组：这一组的意见都已移到别的组时，清空这一行的处理结果",
        en="the group column of the 全部意见 sheet says which group each comment is in: when all of this group's comments moved elsewhere, clear this row's outcome",
    ),
    "sheet-empty.group": Message(
        zh="这条意见没有写所在的组",
        en="this comment names no group",
    ),
    "sheet-empty.group.hint": Message(
        zh="填写“意见分组”表中的一个组名，例如 G0001",
        en="write the name of a group on the 意见分组 sheet, e.g. G0001",
    ),
    "sheet-empty.id": Message(
        zh="这条意见没有编号",
        en="this comment has no id",
    ),
    "sheet-empty.id.hint": Message(
        zh="编号来自收集的意见表（id 列）：不要删改，需要时重新运行 `lawsite sort`",
        en="the ids come from the collected table (its id column): keep them, or run `lawsite sort` again",
    ),
    "sheet-empty.sample": Message(
        zh="意见样例为空：说明里这一条意见写什么？",
        en="the sample text is empty: what would the notice say of this suggestion?",
    ),
    "sheet-empty.sample.hint": Message(
        zh="在“意见样例”一栏写意见内容（可以改写为概括）",
        en="write the suggestion in the 意见样例 column (a summary will do)",
    ),
    "sheet-header": Message(
        zh="表头应为“{expected}”，现在是“{found}”",
        en="the header should be '{expected}', it is '{found}'",
    ),
    "sheet-header.comments": Message(
        zh="“全部意见”表的表头缺少 {missing} 列",
        en="the 全部意见 sheet's header lacks the column(s) {missing}",
    ),
    "sheet-header.comments.hint": Message(
        zh="第一行是 `lawsite sort` 写的表头（id、article、group……）：不要改动，需要时重新运行 `lawsite sort`",
        en="row 1 is the header `lawsite sort` wrote (id, article, group …): keep it, or run `lawsite sort` again",
    ),
    "sheet-header.hint": Message(
        zh="把表头改回“{expected}”：tally 按第一行的表头找各列（可以增加列，但不要改动已有的表头）",
        en="change the header back to '{expected}': tally finds each column by the header in row 1 (columns may be added; keep the existing headers)",
    ),
    "sheet-missing": Message(
        zh="工作簿中没有 {sheets} 表（现有：{found}）",
        en="the workbook has no sheet {sheets} (it has: {found})",
    ),
    "sheet-missing-reason": Message(
        zh="处理结果为“{outcome}”时必须写明理由",
        en="a reason is required when the outcome is {outcome}",
    ),
    "sheet-missing-reason.hint": Message(
        zh="在“理由”一栏说明：部分采纳、未采纳、留作研究的意见，提意见的人会在网站上看到这个理由",
        en="write it in the 理由 column: for 部分采纳, 未采纳 and 留作研究 the commenter reads it on the site",
    ),
    "sheet-missing.hint": Message(
        zh="tally 读取 `lawsite sort` 写出的工作表（“意见分组”和“全部意见”两张表）；不要改表名",
        en="tally reads the worksheet `lawsite sort` writes (sheets 意见分组 and 全部意见); keep their names",
    ),
    "sheet-not-xlsx": Message(
        zh="{name} 不是 .xlsx 或 CSV 文件",
        en="{name} is not an .xlsx or CSV file",
    ),
    "sheet-not-xlsx.hint": Message(
        zh="在 Excel 或 WPS 中“另存为 → Excel 工作簿（.xlsx）”，或另存为 CSV UTF-8",
        en="in Excel or WPS, save it as an Excel workbook (.xlsx), or as CSV UTF-8",
    ),
    "sheet-too-many-rows": Message(
        zh="工作簿未读取：{part} 超过 {limit} 行",
        en="workbook not read: {part} has more than {limit} rows",
    ),
    "sheet-unknown-article": Message(
        zh="建议条文“{article}”不是草案 {draft} 的条文",
        en="'{article}' is no article of the draft {draft}",
    ),
    "sheet-unknown-article.hint": Message(
        zh="从下拉列表中选择：{span}、{general}（对整部草案）或 {none}（与草案无关）",
        en="choose from the drop-down: {span}, {general} (the draft as a whole) or {none} (off the draft)",
    ),
    "sheet-unknown-group": Message(
        zh="{n} 条意见（第一条为 {first}）的组 {group} 不在“意见分组”表中",
        en="{n} comment(s) (the first {first}) are in group {group}, which is not on the 意见分组 sheet",
    ),
    "sheet-unknown-group.hint": Message(
        zh="group 列写“意见分组”表中已有的组名，或在那张表加回这一组",
        en="write a group of the 意见分组 sheet in the group column, or add the group back there",
    ),
    "sheet-unknown-outcome": Message(
        zh="处理结果“{value}”不在列表中",
        en="the outcome '{value}' is not in the list",
    ),
    "sheet-unknown-outcome.hint": Message(
        zh="从下拉列表中选择：{outcomes}；尚未决定的留空",
        en="choose from the drop-down: {outcomes}; leave it empty while undecided",
    ),
    "sheet-unreadable.hint": Message(
        zh="用 Excel 或 WPS 重新保存为 .xlsx，或重新运行 `lawsite sort`",
        en="save it again as .xlsx from Excel or WPS, or run `lawsite sort` again",
    ),
    "suggestion.article": Message(
        zh="条号写作 第十二条、art_12，针对草案整体的写 总体",
        en="write the article as 第十二条, art_12, or 总体 for the whole draft",
    ),
    "suggestion.from": Message(
        zh="写基层立法联系点的 id 或意见来源（网民、企业、来信……）",
        en="write a contact-point id or who it came from (网民, 企业, 来信…)",
    ),
    "suggestion.outcome": Message(
        zh="应为以下之一：{outcomes}",
        en="one of {outcomes}",
    ),
    "suggestion.text": Message(
        zh="写意见的内容",
        en="write the suggestion itself",
    ),
    "tally-header.hint": Message(
        zh="表头行为 article,from,text,count,outcome,reason（后三列可以省略），或收集格式的 id,channel,point,article,text,received，或 lawsite sort --format csv 写的表头（id,article,group,confidence,reason 开头，可在右边加“处理结果”“理由”两列）",
        en="the header row is article,from,text,count,outcome,reason (the last three may be left out), the collect format's id,channel,point,article,text,received, or the header lawsite sort --format csv writes (id,article,group,confidence,reason first; 处理结果 and 理由 columns may be added on the right)",
    ),
    "tally.article": Message(
        zh="  {label}\t{comments} 件意见，{entries}",
        en="  {label}\t{comments} comment(s), {entries}",
    ),
    "tally.entries": Message(
        zh="{n} 个条目",
        en="{n} entries",
    ),
    "tally.entries.one": Message(
        zh="{n} 个条目",
        en="{n} entry",
    ),
    "tally.general": Message(
        zh="总体",
        en="总体",
    ),
    "tally.off-topic": Message(
        zh="与草案无关（none）的意见 {comments} 件，未列入说明",
        en="{comments} comment(s) off the draft (none), not itemised",
    ),
    "tally.per-article": Message(
        zh="按条文：",
        en="per article:",
    ),
    "tally.per-source": Message(
        zh="按来源：",
        en="per source:",
    ),
    "tally.read": Message(
        zh="读取 {rows} 行意见（{encoding}）：合并后共 {comments} 件意见，{entries}",
        en="read {rows} comment row(s) as {encoding}: {comments} comment(s) in {entries} after merging",
    ),
    "tally.read.sheet": Message(
        zh="读取工作表中已填写处理结果的 {rows} 件意见：共 {comments} 件意见，{entries}",
        en="read {rows} comment(s) with an outcome from the worksheet: {comments} comment(s) in {entries}",
    ),
    "tally.source": Message(
        zh="  {source}\t{comments} 件意见",
        en="  {source}\t{comments} comment(s)",
    ),
    "tally.undecided": Message(
        zh="{n} 组尚未填写处理结果（{comments} 件意见），未列入说明：",
        en="{n} group(s) have no outcome yet ({comments} comment(s)), not itemised:",
    ),
    "tally.undecided.group": Message(
        zh="  {cell}\t{group}，{comments} 件意见",
        en="  {cell}\t{group}, {comments} comment(s)",
    ),
    "tally.undecided.more": Message(
        zh="  ……另有 {n} 组",
        en="  … and {n} more group(s)",
    ),
    "template-attribute": Message(
        zh="字段 `{field_name}` 在 {shown} 中访问了值的内部，模板不支持",
        en="`{field_name}` reaches into a value in {shown}, which templates do not support",
    ),
    "template-attribute.hint": Message(
        zh="写不带 `.` 或 `[…]` 的占位符，例如 {{doc}}；可用的占位符为 {allowed}",
        en="write the plain placeholder without `.` or `[…]`, e.g. {{doc}}; the placeholders are {allowed}",
    ),
    "template-conversion": Message(
        zh="字段 `{field_name}` 在 {shown} 中使用了转换，模板不支持",
        en="`{field_name}` uses a conversion in {shown}, which templates do not support",
    ),
    "template-conversion.hint": Message(
        zh="写不带 `!` 的占位符，例如 {{title}}；可用的占位符为 {allowed}",
        en="write the plain placeholder without `!`, e.g. {{title}}; the placeholders are {allowed}",
    ),
    "template-empty": Message(
        zh="字段 `{field_name}` 中有空占位符 {{}}",
        en="`{field_name}` has an empty placeholder {{}}",
    ),
    "template-empty.hint": Message(
        zh="写明此处填什么；可用的占位符为 {allowed}",
        en="name what goes there; the placeholders are {allowed}",
    ),
    "template-format-spec": Message(
        zh="字段 `{field_name}` 在 {shown} 中使用了格式说明，模板不支持",
        en="`{field_name}` uses a format spec in {shown}, which templates do not support",
    ),
    "template-format-spec.hint": Message(
        zh="写普通的占位符，例如 {{title}}；可用的占位符为 {allowed}",
        en="write the plain placeholder, e.g. {{title}}; the placeholders are {allowed}",
    ),
    "text-too-long": Message(
        zh="第 {line} 行，text 列：{n:,} 个字符；只比较前 {limit:,} 个",
        en="row {line}, column text: {n:,} characters; only the first {limit:,} are compared",
    ),
    "text-too-long.hint": Message(
        zh="一条意见只有几段话：检查这个单元格是否只有一条意见",
        en="a comment is a few paragraphs: check that the cell holds one comment",
    ),
    "tier-cycle": Message(
        zh="联系点的 `parent:` 绕成了一个圈：{names}",
        en="the contact points' `parent:` go round in a circle: {names}",
    ),
    "tier-cycle.hint": Message(
        zh="最上级的联系点不写 `parent:`；下级各自写直接上级的 id",
        en="the top point has no `parent:`; each point below names the one directly above it",
    ),
    "too-big": Message(
        zh="文件有 {size:,} 字节，超过可读取的 {limit:,} 字节",
        en="the file has {size:,} bytes, more than the {limit:,} read",
    ),
    "too-big.hint": Message(
        zh="按草案或按月份拆分表格",
        en="split the table by draft or by month",
    ),
    "too-deep": Message(
        zh="{what}嵌套了 {depth} 层；最多只能显示 {limit} 层",
        en="{what} nested {depth} levels deep; at most {limit} can be shown",
    ),
    "too-deep.brackets": Message(
        zh="一个段落中有 {count} 个括号或链接；最多只能显示 {MAX_BRACKETS_PER_BLOCK} 个",
        en="one paragraph holds {count} brackets or links; at most {MAX_BRACKETS_PER_BLOCK} can be shown",
    ),
    "too-deep.brackets.hint": Message(
        zh="拆分段落，或把长串链接写成表格或列表",
        en="split the paragraph, or write long lists of links as a table or list",
    ),
    "too-deep.hint": Message(
        zh="简化结构：法律文本只需要少数几层（条、款、项、目）",
        en="flatten the structure: legal texts need only a few levels (条, 款, 项, 目)",
    ),
    "too-deep.html": Message(
        zh="HTML 元素",
        en="raw HTML elements",
    ),
    "too-deep.lists": Message(
        zh="列表或缩进块",
        en="lists or indented blocks",
    ),
    "too-deep.quotes": Message(
        zh="引用块（>）",
        en="block quotes (>)",
    ),
    "too-many-problems": Message(
        zh="另有 {n} 个问题未列出",
        en="{n} more problem(s) not listed",
    ),
    "too-many-problems.hint": Message(
        zh="先改正列出的问题，再运行一次",
        en="fix those listed and run again",
    ),
    "too-many-rows": Message(
        zh="超过 {limit:,} 行；其余部分未读取",
        en="more than {limit:,} rows; the rest is not read",
    ),
    "too-many-rows.hint": Message(
        zh="按草案或按月份拆分表格",
        en="split the table by draft or by month",
    ),
    "unknown-article": Message(
        zh="“{heading}”解释{label}（{article_id}），但《{title}》没有这一条",
        en="`{heading}` explains {label} ({article_id}), but 《{title}》 has no such article",
    ),
    "unknown-article.hint": Message(
        zh="使用被解释文本中的条文（{span}），或检查 `interprets:`",
        en="use an article of the interpreted text ({span}), or check `interprets:`",
    ),
    "unknown-article.suggestion": Message(
        zh="{id} 没有“{raw}”这一条",
        en="{id} has no article `{raw}`",
    ),
    "unknown-article.suggestion.hint": Message(
        zh="其条文从{value}到{last}",
        en="its articles run from {value} to {last}",
    ),
    "unknown-article.tally": Message(
        zh="{id} 没有“{get}”这一条",
        en="{id} has no article `{get}`",
    ),
    "unknown-article.tally.hint": Message(
        zh="写 第十二条、art_12，针对草案整体的写 总体",
        en="write 第十二条, art_12, or 总体 for the whole draft",
    ),
    "unknown-contact-point": Message(
        zh="“{source}”看起来是基层立法联系点的 id，但没有这个联系点",
        en="`{source}` looks like a contact-point id, but there is no such contact point",
    ),
    "unknown-contact-point.hint": Message(
        zh="使用某个 `kind: contact-point` 文件的 id{suggestion}",
        en="use the id of a `kind: contact-point` file{suggestion}",
    ),
    "unknown-icon": Message(
        zh="`icon: {icon}` 不是主题中的图标",
        en="`icon: {icon}` names no icon of the theme",
    ),
    "unknown-icon.hint": Message(
        zh="写 Material 图标集中的图标，格式为 文件夹/名称，例如 material/file-document-outline；或把 名称.svg 放在 custom_dir 的 .icons/ 下",
        en="write an icon of Material's set as folder/name, e.g. material/file-document-outline, or put NAME.svg under the custom_dir's .icons/",
    ),
    "unknown-key.front": Message(
        zh="未知字段 `{here}`",
        en="unknown key `{here}`",
    ),
    "unknown-key.front.hint": Message(
        zh="此处可用的字段：{allowed}{suggestion}",
        en="allowed here: {allowed}{suggestion}",
    ),
    "unknown-key.suggestion": Message(
        zh="未知字段 `{key}`",
        en="unknown key `{key}`",
    ),
    "unknown-key.suggestion.hint": Message(
        zh="一条意见的字段有 {fields}{suggestion}",
        en="a suggestion has {fields}{suggestion}",
    ),
    "unknown-kind": Message(
        zh="未知的文件类型 {raw!r}",
        en="unknown kind {raw!r}",
    ),
    "unknown-kind.hint": Message(
        zh="kind 应为以下之一：{kinds}{suggestion}",
        en="kind is one of {kinds}{suggestion}",
    ),
    "unknown-numbering": Message(
        zh="未知的编号方式 {numbering_name!r}",
        en="unknown numbering {numbering_name!r}",
    ),
    "unknown-numbering.hint": Message(
        zh="应为以下之一：{choices}{suggestion}",
        en="one of {choices}{suggestion}",
    ),
    "unknown-outcome": Message(
        zh="未知的处理结果“{raw}”",
        en="unknown outcome `{raw}`",
    ),
    "unknown-outcome.hint": Message(
        zh="应为以下之一：{outcomes}（或 采纳、部分采纳、未采纳、留作研究、待处理）{suggestion}",
        en="one of {outcomes} (or 采纳, 部分采纳, 未采纳, 留作研究, 待处理){suggestion}",
    ),
    "unknown-parent": Message(
        zh="`parent: {parent}` 在网站中找不到对应的联系点",
        en="`parent: {parent}` names no contact point in the site",
    ),
    "unknown-parent.hint": Message(
        zh="填写上级联系点（`kind: contact-point` 文件）的 id；已有：{known}",
        en="use the id of a `kind: contact-point` file; known: {known}",
    ),
    "unknown-button": Message(
        zh="`[[button:{key}]]` 没有这个按钮：帮助页面只能写网页上真有的按钮",
        en="`[[button:{key}]]` names no button: a help page can only name a button the site has",
    ),
    "unknown-button.hint": Message(
        zh="可用的按钮为 {buttons}{suggestion}（网页上显示为各自的按钮文字）",
        en="the buttons are {buttons}{suggestion} (each shows as its button's text on the site)",
    ),
    "unknown-placeholder": Message(
        zh="字段 `{field_name}` 使用了未知的占位符 {shown}",
        en="`{field_name}` uses unknown placeholder(s) {shown}",
    ),
    "unknown-placeholder.hint": Message(
        zh="可用的占位符为 {allowed}{suggestion}",
        en="the placeholders are {allowed}{suggestion}",
    ),
    "unknown-reference": Message(
        zh="`{key}: {target_id}` 在网站中找不到（应为类型 {names} 的文件）",
        en="`{key}: {target_id}` names no {names} in the site",
    ),
    "unknown-reference.activity-draft": Message(
        zh="`drafts` 中的 `{draft_id}` 不是本站的草案或法规",
        en="`drafts` names `{draft_id}`, which is no draft or law in the site",
    ),
    "unknown-reference.activity-draft.hint": Message(
        zh="填写草案或法规的 `id`；已有：{known}",
        en="use the `id` of a draft or law; known: {known}",
    ),
    "unknown-reference.contact-point": Message(
        zh="未知的基层立法联系点“{point}”",
        en="unknown contact point `{point}`",
    ),
    "unknown-reference.contact-point.hint": Message(
        zh="使用某个 `kind: contact-point` 文件的 id；已有：{value}",
        en="use the id of a `kind: contact-point` file; known: {value}",
    ),
    "unknown-reference.hint": Message(
        zh="写类型为 {names} 的文件的 `id`；已有：{known}",
        en="use the `id` of a {names}; known: {known}",
    ),
    "unknown-template": Message(
        zh="`template: {template}` 不是主题中的模板",
        en="`template: {template}` names no template of the theme",
    ),
    "unknown-template.hint": Message(
        zh="写主题 custom_dir（{theme_dirs}）中模板的文件名，例如 main.html；或者不写 `template:`",
        en="write the file name of a template in the theme's custom_dir ({theme_dirs}), e.g. main.html; or leave `template:` out",
    ),
    "unreadable": Message(
        zh="无法读取文件：{strerror}",
        en="cannot read the file: {strerror}",
    ),
    "unsafe-url": Message(
        zh="不安全的链接目标 {shown!r}：不接受 javascript:、vbscript: 和 data: 地址",
        en="unsafe link target {shown!r}: javascript:, vbscript: and data: addresses are refused",
    ),
    "unsafe-url.hint": Message(
        zh="链接到 http(s) 地址或本网站的页面；图片作为文件放在页面旁边",
        en="link to an http(s) address or to a page of this site; put images as files beside the page",
    ),
    "yaml-alias": Message(
        zh="前置元数据使用了 YAML 别名 `*{value}`，lawsite 不接受",
        en="front matter uses the YAML alias `*{value}`, which lawsite does not accept",
    ),
    "yaml-alias.hint": Message(
        zh="在需要的地方把值完整写出，不用 `&名称` 和 `*名称`",
        en="write the value out in full where it is needed, without `&name` and `*name`",
    ),
    "yaml-bad-value": Message(
        zh="前置元数据的值 {value} 不能按 `{tag}` 读取",
        en="front matter value {value} cannot be read as `{tag}`",
    ),
    "yaml-bad-value.hint": Message(
        zh="去掉 `!!` 标记，直接写值，例如 published: 2025-06-01",
        en="remove the `!!` tag and write the value plainly, e.g. published: 2025-06-01",
    ),
    "yaml-not-mapping": Message(
        zh="前置元数据不是 `字段: 值` 形式的若干行",
        en="front matter is not a mapping of `key: value` lines",
    ),
    "yaml-not-mapping.hint": Message(
        zh="在两行 `---` 之间每行写一个 `字段: 值`",
        en="write one `key: value` per line between the two `---` lines",
    ),
    "yaml-number-too-long": Message(
        zh="前置元数据中的一个数字长 {n_value:,} 个字符；最多按数字读取 {MAX_NUMBER_CHARS} 个字符",
        en="a number in the front matter is {n_value:,} characters long; at most {MAX_NUMBER_CHARS} are read as a number",
    ),
    "yaml-number-too-long.hint": Message(
        zh='如果是文字，请加引号，例如 id: "12345…"',
        en='quote it if it is text, e.g. id: "12345…"',
    ),
    "yaml-syntax": Message(
        zh="前置元数据 YAML 语法错误：{what}",
        en="YAML syntax error in front matter: {what}",
    ),
    "yaml-syntax.hint": Message(
        zh='检查缩进；含有“:”或“#”的值加引号，例如 title: "…"',
        en='check the indentation and quote values that contain \':\' or \'#\', e.g. title: "…"',
    ),
    "yaml-too-deep": Message(
        zh="前置元数据嵌套超过 {MAX_YAML_DEPTH} 层",
        en="front matter is nested more than {MAX_YAML_DEPTH} levels deep",
    ),
    "yaml-too-deep.hint": Message(
        zh="前置元数据最多只需几层：`字段: 值`、条目列表及其字段",
        en="front matter needs a few levels at most: `key: value`, a list of entries, their keys",
    ),
    "yaml-too-large": Message(
        zh="前置元数据含有超过 {MAX_YAML_NODES:,} 个值",
        en="front matter holds more than {MAX_YAML_NODES:,} values",
    ),
    "yaml-too-large.hint": Message(
        zh="把长列表（如意见）移到 CSV 文件中，用 `suggestions_file:` 指明",
        en="move long lists (e.g. suggestions) into a CSV file named by `suggestions_file:`",
    ),
}
