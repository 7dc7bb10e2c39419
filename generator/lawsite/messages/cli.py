"""The command line: argparse help (`cli.*`), what the commands print, their
errors (`error.*`) and what the MkDocs plugin logs. Sorted by key; how to add
one: the docstring of `lawsite.messages`.
"""

from __future__ import annotations

from .entry import Message

MESSAGES: dict[str, Message] = {
    "build.done": Message(
        zh="网站已构建到 {site_dir}",
        en="site built into {site_dir}",
    ),
    "build.failed": Message(
        zh="构建失败；{site_dir} 保持原样。",
        en="build failed; {site_dir} was left as it was.",
    ),
    "build.index-failed": Message(
        zh="搜索索引建立失败",
        en="the search index failed",
    ),
    "build.indexed": Message(
        zh="搜索索引：{pages} 个页面，分为 {shards} 部分",
        en="search index: {pages} pages in {shards} part(s)",
    ),
    "build.mkdocs-exit": Message(
        zh="MkDocs 退出，退出码 {code}",
        en="MkDocs ended with exit code {code}",
    ),
    "build.precompressed": Message(
        zh="已预压缩 {files} 个文本文件（.gz 共 {gzip} 字节，.br 共 {brotli} 字节，原文件共 {size} 字节）",
        en="precompressed: {files} text files (.gz {gzip} and .br {brotli} bytes of {size})",
    ),
    "check.csv-note": Message(
        zh="{path}：从 {file} 按 {encoding} 读取了 {rows} 条意见",
        en="{path}: {rows} suggestion(s) read from {file} as {encoding}",
    ),
    "check.summary": Message(
        zh="共检查 {documents} 份文件：{errors} 个错误，{warnings} 个警告",
        en="{documents} document(s) checked: {errors} error(s), {warnings} warning(s)",
    ),
    "check.written": Message(
        zh="{summary}；报告已写入 {output}",
        en="{summary}; report written to {output}",
    ),
    "cli.build": Message(
        zh="构建网站；构建失败时保留原来的网站",
        en="build the site; the previous site stays if the build fails",
    ),
    "cli.build.site-dir": Message(
        zh="发布到哪个文件夹（默认：mkdocs.yml 中的 site_dir）",
        en="where to publish (default: site_dir of mkdocs.yml)",
    ),
    "cli.check": Message(
        zh="检查全部内容，报告每一个问题",
        en="validate all content and report every problem",
    ),
    "cli.check.format": Message(
        zh="github：在拉取请求上标注问题的工作流命令；gitlab：代码质量报告（JSON）",
        en="github: workflow commands that annotate pull requests; gitlab: a Code Quality report (JSON)",
    ),
    "cli.check.output": Message(
        zh="把报告写入 FILE（日志中仍列出每一个问题）",
        en="write the report to FILE (the log still lists every problem)",
    ),
    "cli.collect": Message(
        zh="把意见征集服务、邮箱、CSV/xlsx 表格中的意见汇总成一张表格（id,channel,point,article,text,received,…）",
        en="comments from intake, mailboxes, CSV/xlsx → one table (id,channel,point,article,text,received,…)",
    ),
    "cli.collect.concerns": Message(
        zh="意见所针对的草案的 id",
        en="the id of the draft the comments are on",
    ),
    "cli.collect.output": Message(
        zh="写出的汇总表格",
        en="the table to write",
    ),
    "cli.collect.sources": Message(
        zh="意见征集服务的数据库（文件、sqlite:路径、postgresql://…）、.mbox、Maildir、.eml 文件夹、.eml、.csv 或 .xlsx（表格算作书面意见；座谈会记录写 meeting:文件）",
        en="an intake database (file, sqlite:PATH, postgresql://…), an .mbox, a Maildir, a folder of .eml, .eml, .csv or .xlsx (a table is paper; write meeting:FILE for meeting minutes)",
    ),
    "cli.commands": Message(
        zh="命令",
        en="commands",
    ),
    "cli.config-file": Message(
        zh="网站的 mkdocs.yml（默认：./mkdocs.yml）",
        en="the site's mkdocs.yml (default: ./mkdocs.yml)",
    ),
    "cli.description": Message(
        zh="把法律草案、释义和意见采纳情况的说明发布为静态网站。",
        en="Publish draft laws, interpretations and adoption notices as a static site.",
    ),
    "cli.help": Message(
        zh="显示此帮助信息并退出",
        en="show this help message and exit",
    ),
    "cli.import": Message(
        zh="把法律 Markdown 文件（标题、日期行、<!-- INFO END -->）、Word 文档（.docx；.doc/.wps 需 LibreOffice）或纯文本（.txt）转换为内容文件",
        en="convert law Markdown (title, dated lines, <!-- INFO END -->), Word (.docx; .doc/.wps with LibreOffice) or plain text (.txt) into content files",
    ),
    "cli.import.force": Message(
        zh="覆盖已存在的文件",
        en="overwrite files that exist already",
    ),
    "cli.import.into": Message(
        zh="写入哪个内容文件夹，例如 content/laws/",
        en="content folder to write into, e.g. content/laws/",
    ),
    "cli.import.kind": Message(
        zh="导入为已通过的法规（默认），或导入为草案（带待填写的 comments: 征求意见信息）",
        en="import as laws (default) or as drafts with a comments: block to fill in",
    ),
    "cli.import.sources": Message(
        zh=".md、.docx、.doc、.wps 或 .txt 文件或文件夹（子文件夹成为分类）",
        en=".md, .docx, .doc, .wps or .txt files, or folders (subfolders become categories)",
    ),
    "cli.intake": Message(
        zh="意见收集服务：运行服务、导出意见、清除个人信息",
        en="the comment service: serve, export comments, purge personal data",
    ),
    "cli.intake.before": Message(
        zh="保留个人信息的第一天（按网站时区）",
        en="first day whose personal data is kept (site time zone)",
    ),
    "cli.intake.concerns": Message(
        zh="草案的 id",
        en="the id of the draft",
    ),
    "cli.intake.db": Message(
        zh="SQLite 文件（不存在时新建）或 postgresql://用户@主机/数据库名",
        en="a SQLite file (created if missing) or postgresql://user@host/dbname",
    ),
    "cli.intake.export": Message(
        zh="导出对一件草案的意见 → CSV（id,channel,point,article,text,received）",
        en="comments on one draft → CSV (id,channel,point,article,text,received)",
    ),
    "cli.intake.forwarded": Message(
        zh="信任其 X-Forwarded-For 的代理（按 uvicorn 的写法）",
        en="proxies whose X-Forwarded-For is trusted (as uvicorn takes it)",
    ),
    "cli.intake.host": Message(
        zh="监听的地址（默认：127.0.0.1）",
        en="the address to listen on (default: 127.0.0.1)",
    ),
    "cli.intake.origin": Message(
        zh="网站的源地址，只接受从这里提交的意见（默认：取开放数据中的 site_url）",
        en="the site's origin, the only one allowed to post (default: from site_url in the open data)",
    ),
    "cli.intake.output": Message(
        zh="写入的 CSV 文件",
        en="the CSV file to write",
    ),
    "cli.intake.per-minute": Message(
        zh="每个客户端地址每分钟的请求数（默认：30）",
        en="requests per client address and minute (default: 30)",
    ),
    "cli.intake.port": Message(
        zh="监听的端口（默认：8000）",
        en="the port to listen on (default: 8000)",
    ),
    "cli.intake.purge": Message(
        zh="删除某日之前收到的意见中的姓名和联系方式",
        en="delete names and contacts of comments received before a day",
    ),
    "cli.intake.serve": Message(
        zh="接收对网站上正在征求意见的草案提出的意见（ASGI，uvicorn）",
        en="take comments on the site's open drafts (ASGI, uvicorn)",
    ),
    "cli.intake.site": Message(
        zh="构建好的网站文件夹（从其中的 data/ 读取哪些草案正在征求意见）",
        en="the built site folder (its data/ is read for what is open)",
    ),
    "cli.intake.timezone": Message(
        zh="网站的时区（默认：{default}）",
        en="the site's time zone (default: {default})",
    ),
    "cli.lang": Message(
        zh="输出语言：zh（中文，默认）或 en（英文）；也可用环境变量 LAWSITE_LANG 设置，未设置时用网站的 language",
        en="language of the output: zh (Chinese, the default) or en (English); also set by the environment variable LAWSITE_LANG, else the site's language",
    ),
    "cli.ledger": Message(
        zh="导出一个联系点一年的工作台账（.xlsx，可直接报送）",
        en="a contact point's 台账 for a year, as an .xlsx workbook to hand in",
    ),
    "cli.ledger.out": Message(
        zh="要写入的工作簿文件",
        en="the workbook to write",
    ),
    "cli.ledger.point": Message(
        zh="联系点的 id",
        en="the contact point's id",
    ),
    "cli.ledger.year": Message(
        zh="年度，例如 2026",
        en="the year, e.g. 2026",
    ),
    "cli.new": Message(
        zh="按模板新建内容文件",
        en="create a content file from a template",
    ),
    "cli.new.concerns": Message(
        zh="说明：意见所针对草案的 id",
        en="notice: the id of the draft the suggestions were made on",
    ),
    "cli.new.id": Message(
        zh="文件的 id（默认：类型-年-月-日）",
        en="document id (default: KIND-YYYY-MM-DD)",
    ),
    "cli.new.interprets": Message(
        zh="释义：所解释的草案或法律的 id",
        en="interpretation: the id of the draft or law it explains",
    ),
    "cli.new.kind": Message(
        zh="文件类型：draft（草案）、law（法律法规）、interpretation（释义）、notice（意见采纳情况的说明）、contact-point（基层立法联系点）、page（普通页面）",
        en="the kind of file: draft, law, interpretation, notice, contact-point or page",
    ),
    "cli.new.path": Message(
        zh="写入哪个文件（默认：content/<类型文件夹>/<id>.md）",
        en="file to write (default: content/<kind folder>/<id>.md)",
    ),
    "cli.new.point": Message(
        zh="活动：举办活动的联系点 id",
        en="activity: the id of the contact point that held it",
    ),
    "cli.new.title": Message(
        zh="文件标题（未给出时在终端上询问）",
        en="document title (asked for on a terminal when missing)",
    ),
    "cli.options": Message(
        zh="选项",
        en="options",
    ),
    "cli.outline": Message(
        zh="显示文件的解析结果（编、章、节和条文）",
        en="show how files were parsed (divisions, articles)",
    ),
    "cli.outline.json": Message(
        zh="输出稳定格式的 JSON（见 lawsite.outline）",
        en="stable JSON (see lawsite.outline)",
    ),
    "cli.outline.paths": Message(
        zh="Markdown 文件或文件夹",
        en="Markdown files or folders",
    ),
    "cli.serve": Message(
        zh="本地预览，修改后自动刷新",
        en="preview with live reload",
    ),
    "cli.serve.dev-addr": Message(
        zh="预览服务的地址和端口（默认：127.0.0.1:8000）",
        en="address and port of the preview (default: 127.0.0.1:8000)",
    ),
    "cli.serve.poll": Message(
        zh="每 0.5 秒检查一次文件是否修改，不等系统通知（保存了却没有显示时使用；WSL 中的 Windows 文件夹、网络共享会自动这样做）",
        en="look for changes every 0.5 s instead of waiting for the system's file events (when a save is not shown; a Windows folder under WSL or a network share gets this by itself)",
    ),
    "cli.serve.full-rebuild": Message(
        zh="每次修改都重新生成全部页面（大型网站较慢；默认只重新生成修改过的页面）",
        en="rebuild every page on each change (slow on large sites; default: only changed pages)",
    ),
    "cli.sort": Message(
        zh="收集到的意见 → 分组并建议所涉条文，写入审阅工作表",
        en="collected comments → groups with a proposed article, in a review worksheet",
    ),
    "cli.sort.concerns": Message(
        zh="意见所针对草案的 id，或草案 Markdown 文件的路径",
        en="the id of the draft commented on, or the path of a draft's Markdown file",
    ),
    "cli.sort.file": Message(
        zh="collect 格式的意见表：id,channel,point,article,text,received（UTF-8 或 GBK）",
        en="the collect table: id,channel,point,article,text,received (UTF-8 or GBK)",
    ),
    "cli.sort.format": Message(
        zh="csv：每条意见一行（id,article,group,confidence,reason，其后是输入表的各列）",
        en="csv: one row per comment (id,article,group,confidence,reason, then the input's columns)",
    ),
    "cli.sort.output": Message(
        zh="要写入的工作表（.xlsx），或配合 --format csv 写入的 CSV",
        en="the worksheet (.xlsx) or, with --format csv, the CSV to write",
    ),
    "cli.build.jobs": Message(
        zh="同时生成页面的进程数（默认每个 CPU 一个；1 表示只用一个进程，内存最省）",
        en="processes rendering pages at once (default: one per CPU; 1 uses the least memory)",
    ),
    "cli.strict": Message(
        zh="把警告当作错误处理",
        en="treat warnings as errors",
    ),
    "cli.tally": Message(
        zh="整理后的意见工作表（lawsite sort 写出、已填写处理结果的 .xlsx）或收集到的意见（CSV）→ 意见采纳情况的说明",
        en="the reviewed worksheet (the .xlsx `lawsite sort` writes, outcomes filled in) or collected comments (CSV) → a notice",
    ),
    "cli.tally.concerns": Message(
        zh="意见所针对草案的 id",
        en="the id of the draft the comments were made on",
    ),
    "cli.tally.file": Message(
        zh=("FILE.xlsx：lawsite sort 写出的工作表，“意见分组”表每组一行，读取 组、建议条文、意见样例、处理结果（采纳、部分采纳、未采纳、留作研究）和 理由 列，"
            "部分采纳、未采纳、留作研究必须写理由，处理结果留空的组列出但不写入；各组的意见编号和来源取自“全部意见”表（id、group、channel、point、from、count 列）。"
            "FILE.csv：第一行必须是表头，每行一条意见，列为 article,from,text[,count][,outcome,reason]（已定的处理结果和理由照抄，留空的为待处理），或收集格式 id,channel,point,article,text,received,…；UTF-8（带不带 BOM 均可）或 GBK 编码"),
        en=("FILE.xlsx: the worksheet `lawsite sort` writes; on its sheet 意见分组, one row per group, the columns 组, 建议条文, 意见样例, 处理结果 (采纳, 部分采纳, 未采纳, 留作研究) and 理由 are read; "
            "部分采纳, 未采纳 and 留作研究 need a 理由, groups without an outcome are listed and left out; each group's ids and sources come from the sheet 全部意见 (columns id, group, channel, point, from, count). "
            "FILE.csv: a header row first, then one row per comment, columns article,from,text[,count][,outcome,reason] (an outcome decided is kept with its reason, an empty one is pending), or the collect format id,channel,point,article,text,received,…; UTF-8 (with or without BOM) or GBK"),
    ),
    "cli.tally.force": Message(
        zh="草案已有说明时，用这次的结果替换它（同一文件、同一 id）",
        en="when the draft has a notice already, replace it with this one (same file, same id)",
    ),
    "cli.tally.id": Message(
        zh="说明的 id（默认：草案id-feedback）",
        en="the notice's id (default: ID-feedback)",
    ),
    "cli.tally.out": Message(
        zh="写入哪个文件（默认：content/notices/<id>.md）；不加 --force 时不会覆盖已有文件",
        en="file to write (default: content/notices/<id>.md); never overwritten without --force",
    ),
    "cli.version": Message(
        zh="显示版本号并退出",
        en="show the version and exit",
    ),
    "collect.flagged": Message(
        zh="{n} 条需要查看：{codes}",
        en="{n} flagged: {codes}",
    ),
    "collect.skipped": Message(
        zh="{n} 条已跳过：{codes}",
        en="{n} skipped: {codes}",
    ),
    "collect.source": Message(
        zh="  {source}	{n} 行",
        en="  {source}	{n} row(s)",
    ),
    "collect.unlisted": Message(
        zh="（另有 {n} 个问题已计入上面的数字，未逐条列出）",
        en="({n} more problem(s) counted above but not listed)",
    ),
    "collect.without-article": Message(
        zh="{n} 行没有条文，待整理",
        en="{n} row(s) without an article, for 整理",
    ),
    "collect.written": Message(
        zh="{n} 条意见已写入 {output}",
        en="{n} comment(s) written to {output}",
    ),
    "error.collect-concerns": Message(
        zh="--concerns {id}：没有这个 id 的草案（已有：{known}）",
        en="--concerns {id}: no draft with that id (known: {known})",
    ),
    "error.collect-db": Message(
        zh="{source}：无法打开意见征集服务的数据库（{error}）",
        en="{source}: the intake database cannot be opened ({error})",
    ),
    "error.collect-db-missing": Message(
        zh="{source}：没有这个数据库文件",
        en="{source}: no such database file",
    ),
    "error.collect-kind": Message(
        zh="{source}：不是可以汇总的来源（意见征集服务的数据库、.mbox、Maildir、.eml 文件夹、.eml、.csv 或 .xlsx）",
        en="{source}: not a source collect reads (an intake database, .mbox, Maildir, folder of .eml, .eml, .csv or .xlsx)",
    ),
    "error.collect-missing": Message(
        zh="{source}：没有这个文件或文件夹",
        en="{source}: no such file or folder",
    ),
    "error.config-yaml": Message(
        zh="{config_file}：不是有效的 YAML：{exc}",
        en="{config_file}: not valid YAML: {exc}",
    ),
    "error.engine": Message(
        zh='lawsite {own} 需要 {supported}；本次构建使用的是 MkDocs {version}。请安装受支持的版本：pip install "mkdocs>=1.6,<2"，或改用 ProperDocs：pip install properdocs，然后运行 properdocs build -f mkdocs.yml',
        en='lawsite {own} needs {supported}; this build runs MkDocs {version}. Install a supported one: pip install "mkdocs>=1.6,<2" — or switch to ProperDocs: pip install properdocs, then properdocs build -f mkdocs.yml',
    ),
    "error.intake-before": Message(
        zh="--before {before!r}：不是日期；请写作 YYYY-MM-DD",
        en="--before {before!r}: not a date; write YYYY-MM-DD",
    ),
    "error.intake-db": Message(
        zh="--db：{error}",
        en="--db: {error}",
    ),
    "error.intake-site": Message(
        zh="--site {site}：没有可用的开放数据（{error}）；请先构建网站",
        en="--site {site}: no open data to serve ({error}); build the site first",
    ),
    "error.language": Message(
        zh="lawsite：language 应为 {languages} 之一，现为 {language!r}",
        en="lawsite: language must be one of {languages}, not {language!r}",
    ),
    "error.ledger-point": Message(
        zh="--point {point}：没有这个 id 的联系点（已有：{known}）",
        en="--point {point}: no contact point with that id (known: {known})",
    ),
    "error.ledger-suffix": Message(
        zh="-o {out}：台账保存为 .xlsx 文件，例如 -o 台账.xlsx",
        en="-o {out}: the 台账 is written as .xlsx, e.g. -o 台账.xlsx",
    ),
    "error.new-exists": Message(
        zh="{target} 已存在；请换一个 --id 或 --path（没有覆盖任何文件）",
        en="{target} already exists; choose another --id or --path (nothing was overwritten)",
    ),
    "error.new-id": Message(
        zh="--id {doc_id!r} 不能用作 id：它{why}；{rule}",
        en="--id {doc_id!r} cannot be an id: it {why}; {rule}",
    ),
    "error.new-id-used": Message(
        zh="id {doc_id!r} 已被 {path} 使用；请换一个 --id",
        en="id {doc_id!r} is already used by {path}; choose another --id",
    ),
    "error.new-kind": Message(
        zh="未知的文件类型 {kind!r}；应为 {kinds} 之一",
        en="unknown kind {kind!r}; one of {kinds}",
    ),
    "error.new-point": Message(
        zh="--{needed} {target_id!r} 在网站中找不到对应的联系点；已有：{known}",
        en="--{needed} {target_id!r} names no contact point in the site; known: {known}",
    ),
    "error.new-required": Message(
        zh="必须给出 {flag}（没有可以询问的终端）",
        en="{flag} is required (no terminal to ask on)",
    ),
    "error.new-required-known": Message(
        zh="必须给出 {flag}（没有可以询问的终端）；已有：{known}",
        en="{flag} is required (no terminal to ask on); known: {known}",
    ),
    "error.new-target": Message(
        zh="--{needed} {target_id!r} 在网站中找不到对应的草案或法律；已有：{known}",
        en="--{needed} {target_id!r} names no draft or law in the site; known: {known}",
    ),
    "error.no-config": Message(
        zh="{config_file}：没有这个文件；请在 mkdocs.yml 所在的文件夹中运行 lawsite，或使用 --config-file 指定",
        en="{config_file}: no such file; run lawsite in the folder that holds mkdocs.yml or pass --config-file",
    ),
    "error.no-such-path": Message(
        zh="没有这个文件或文件夹：{paths}",
        en="no such file or folder: {paths}",
    ),
    "error.sort-concerns": Message(
        zh="--concerns {concerns}：没有这个 id 的草案或法律（已有：{known}）",
        en="--concerns {concerns}: no draft or law with that id (known: {known})",
    ),
    "error.sort-no-articles": Message(
        zh="--concerns {path}：不是含有条文的草案或法律（可用 `lawsite outline {path}` 检查）",
        en="--concerns {path}: not a draft or law with articles (check it with `lawsite outline {path}`)",
    ),
    "error.sort-unreadable": Message(
        zh="--concerns {path}：无法读取文件（{exc}）",
        en="--concerns {path}: cannot read the file ({exc})",
    ),
    "error.serve-address": Message(
        zh="无法在 {address} 上预览：{error}。可能另一个预览还开着：关掉它，或者换一个端口，例如 `lawsite serve -a 127.0.0.1:8001`",
        en="cannot preview on {address}: {error}. Another preview may still be running: close it, or use another port, e.g. `lawsite serve -a 127.0.0.1:8001`",
    ),
    "error.source-date-epoch": Message(
        zh="SOURCE_DATE_EPOCH 应为自 1970 年起的整秒数，现为 {epoch!r}",
        en="SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}",
    ),
    "error.tally-concerns": Message(
        zh="--concerns {concerns}：没有这个 id 的草案或法律（已有：{known}）",
        en="--concerns {concerns}: no draft or law with that id (known: {known})",
    ),
    "error.tally-exists": Message(
        zh="{out} 已存在；请换一个 --out（tally 从不覆盖文件）",
        en="{out} exists already; choose another --out (tally never overwrites)",
    ),
    "error.tally-id-used": Message(
        zh="id {notice_id} 已被 {path} 使用；请换一个 --id",
        en="id {notice_id} is already used by {path}; choose another --id",
    ),
    "error.intake": Message(
        zh="lawsite：intake 应是意见征集服务的 http(s) 地址（例如 https://yj.example.gov.cn/intake），而不是 {intake!r}",
        en="lawsite: intake must be the http(s) address of the comment service (e.g. https://yj.example.gov.cn/intake), not {intake!r}",
    ),
    "error.tally-notice-exists": Message(
        zh="草案 {draft} 已有意见采纳情况的说明：{path}；再写一份会重复计数。要用这次的结果替换它，加 --force",
        en="the draft {draft} has a notice already: {path}; a second one would count every comment twice. To replace it with this one, add --force",
    ),
    "error.timezone": Message(
        zh="lawsite：未知的时区 {timezone!r}；请使用 IANA 名称，例如 'Asia/Shanghai'",
        en="lawsite: unknown time zone {timezone!r}; use an IANA name such as 'Asia/Shanghai'",
    ),
    "hint": Message(
        zh="提示：{hint}",
        en="hint: {hint}",
    ),
    "import.done": Message(
        zh="已写入 {written} 个文件到 {into}，{skipped} 个保持原样（加 --force 可覆盖），{unread} 个无法读取",
        en="{written} file(s) written into {into}, {skipped} left as they were (use --force to overwrite), {unread} could not be read",
    ),
    "intake.exported": Message(
        zh="对 {concerns} 的 {n} 条意见已写入 {target}",
        en="{n} comment(s) on {concerns} written to {target}",
    ),
    "intake.purged": Message(
        zh="已删除 {day} 之前（{timezone}）收到的 {n} 条意见中的姓名和联系方式；意见本身保留",
        en="deleted the name and contact of {n} comment(s) received before {day} ({timezone}); the comments stay",
    ),
    "ledger.done": Message(
        zh="已写入 {out}：{title}{year}年度工作台账",
        en="wrote {out}: {title} {year}年度工作台账",
    ),
    "ledger.refused": Message(
        zh="{n} 个错误：内容未通过 `lawsite check`，不生成台账",
        en="{n} error(s): the 台账 is not made from content that `lawsite check` refuses",
    ),
    "new.ask.concerns": Message(
        zh="这些意见针对哪一件草案？请输入它的 id",
        en="Which draft are these comments on? Type its id",
    ),
    "new.ask.interprets": Message(
        zh="解读哪一件草案或法规？请输入它的 id",
        en="Which draft or law does it interpret? Type its id",
    ),
    "new.ask.point": Message(
        zh="哪一个联系点举办的活动？请输入联系点的 id",
        en="Which contact point held the activity? Type its id",
    ),
    "new.ask.title": Message(
        zh="标题（例如：青川市某某条例（草案））",
        en="Title (e.g. 青川市某某条例（草案）)",
    ),
    "new.done": Message(
        zh="已创建 {target}；下一步：编辑该文件，然后运行 `lawsite check`",
        en="created {target}; next: edit it, then run `lawsite check`",
    ),
    "outline.no-site": Message(
        zh="lawsite：{error}；显示大纲，但不含释义和意见统计",
        en="lawsite: {error}; outlining without interpretations and ledger counts",
    ),
    "plan.exists": Message(
        zh="lawsite：内容文件夹中已有 {src}；{consequence}",
        en="lawsite: {src} exists in the content folder; {consequence}",
    ),
    "plan.not-made": Message(
        zh="不再生成该页面",
        en="the generated page is not made",
    ),
    "plan.lookup-not-made": Message(
        zh="不再生成“查询我的意见”页面，回执号不公布",
        en="the generated lookup page is not made, and no receipt is published",
    ),
    "plan.redline-not-made": Message(
        zh="不再生成该修改对照页面",
        en="the generated redline page is not made",
    ),
    "plan.yearly-not-made": Message(
        zh="不再生成该年度统计页面",
        en="the generated yearly statistics are not made",
    ),
    "plugin.errors": Message(
        zh="lawsite：内容中有 {n} 个错误（运行 `lawsite check` 查看全部详情）：\n  {lines}",
        en="lawsite: {n} error(s) in content (run `lawsite check` for all details):\n  {lines}",
    ),
    "plugin.index-deferred": Message(
        zh="lawsite：搜索索引在 MkDocs 完成后建立（lawsite build）",
        en="lawsite: the search index is built once MkDocs is done (lawsite build)",
    ),
    "plugin.indexed": Message(
        zh="lawsite：Pagefind 索引了 {pages} 个页面，分为 {shards} 部分",
        en="lawsite: Pagefind indexed {pages} pages in {shards} shard(s)",
    ),
    "plugin.part-failed": Message(
        zh="lawsite：第 {parts} 部分页面没有生成成功（原因见上文）；网站未更新",
        en="lawsite: part {parts} of the pages failed (the cause is printed above); the site is unchanged",
    ),
    "plugin.lookup": Message(
        zh="lawsite：查询我的意见：公布回执号 {receipts} 个，分为 {buckets} 个文件；另有 {others} 个意见编号不是回执号（邮件、纸质意见），未公布",
        en="lawsite: look up my comment: {receipts} receipts published in {buckets} file(s); {others} comment ids that are no receipt (mail, paper) not published",
    ),
    "plugin.links": Message(
        zh="lawsite：内容中有 {n} 个构建时会跟随的链接（运行 `lawsite check` 查看）：\n  {lines}",
        en="lawsite: {n} link(s) in content that the build would follow (run `lawsite check`):\n  {lines}",
    ),
    "plugin.precompressed": Message(
        zh="lawsite：已为 {files} 个文本文件写入预压缩的 .gz 和 .br",
        en="lawsite: precompressed {files} text files (.gz and .br)",
    ),
    "plugin.preview-on-request": Message(
        zh="lawsite：预览；{count} 个法律页面在第一次打开时生成；不生成订阅源、开放数据和搜索索引（lawsite build 生成）",
        en="lawsite: preview; {count} law page(s) built when first asked for; no feeds, open data or search index (lawsite build makes them)",
    ),
    "plugin.serve-polling": Message(
        zh="lawsite：按 --poll 每 0.5 秒检查一次文件是否修改",
        en="lawsite: looking for changes every 0.5 s (--poll)",
    ),
    "plugin.serve-polling.filesystem": Message(
        zh="lawsite：网站文件夹所在的文件系统（{filesystem}，例如 WSL 中打开的 Windows 文件夹、网络共享）不会通知修改，改为每 0.5 秒检查一次",
        en="lawsite: the site's folder is on {filesystem} (a Windows folder opened under WSL, a network share…), which announces no changes: looking for them every 0.5 s instead",
    ),
    "plugin.preview-rebuild": Message(
        zh="lawsite：预览重新生成；订阅源、开放数据和搜索索引沿用第一次构建的",
        en="lawsite: preview rebuild; feeds, open data and search index kept from the first build",
    ),
    "plugin.serving": Message(
        zh="lawsite：正在预览，请用浏览器打开 {url}（按 Ctrl+C 结束预览）",
        en="lawsite: previewing; open {url} in a browser (Ctrl+C ends the preview)",
    ),
    "progress.checking": Message(
        zh="检查",
        en="checking",
    ),
    "progress.importing": Message(
        zh="导入",
        en="importing",
    ),
    "progress.indexing": Message(
        zh="建立搜索索引",
        en="indexing for search",
    ),
    "progress.reading": Message(
        zh="读取内容",
        en="reading content",
    ),
    "progress.rendering": Message(
        zh="生成页面",
        en="rendering pages",
    ),
    "publish.cross-device": Message(
        zh="无法发布到 {site_dir}：{reason}{where}；那里的网站保持原样；其文件系统不能重命名它（例如位于容器镜像的下层）：请删除一次，或发布到由构建创建的文件夹",
        en="cannot publish into {site_dir}: {reason}{where}; the site there was left as it was; its file system cannot rename it (e.g. it lies in a lower layer of a container image): remove it once, or publish into a folder that a build created",
    ),
    "publish.file-in-way": Message(
        zh="{existing} 是文件而不是文件夹；发布到 {site_dir} 需要删除它；请把该文件移走，或换一个 --site-dir",
        en="{existing} is a file, not a folder; publishing into {site_dir} would have to delete it; move the file away or choose another --site-dir",
    ),
    "publish.fresh-gone": Message(
        zh="无法发布到 {site_dir}：构建写出的文件夹（{fresh}）在构建期间被删除或替换；那里的网站保持原样；是否有其他程序在 {site_dir} 旁边清理文件？",
        en="cannot publish into {site_dir}: the folder the build wrote ({fresh}) was removed or replaced while it was built; the site there was left as it was; is another program cleaning up beside {site_dir}?",
    ),
    "publish.holds-sources": Message(
        zh="{site_dir} 就是或包含构建要读取的 {kept}；发布会用网站替换它；请选择一个既不是 {kept}、也不包含它的 --site-dir",
        en="{site_dir} is or holds {kept}, which the build reads; publishing would replace it with the site; choose a --site-dir that is neither {kept} nor a folder around it",
    ),
    "publish.inside-content": Message(
        zh="{site_dir} 位于内容文件夹 {content_dir} 之中；下次构建会把网站当作内容读取；请选择内容文件夹之外的 --site-dir",
        en="{site_dir} is inside the content folder {content_dir}; the next build would read the site as content; choose a --site-dir outside it",
    ),
    "publish.leftover": Message(
        zh="无法删除 {folder}（构建遗留的文件夹）；请手动删除",
        en="could not remove {folder}, a folder left by a build; remove it by hand",
    ),
    "publish.mount-point": Message(
        zh="{site_dir} 是挂载点，不能通过重命名替换；那里的网站保持原样；请发布到其中的一个文件夹（例如 {inside}），并以它提供服务",
        en="{site_dir} is a mount point, which cannot be replaced by a rename; the site there was left as it was; publish into a folder inside it (e.g. {inside}) and serve that",
    ),
    "publish.not-writable": Message(
        zh="无法发布到 {site_dir}：{reason}{where}；那里的网站保持原样；请选择你有写入权限的文件夹中的 --site-dir",
        en="cannot publish into {site_dir}: {reason}{where}; the site there was left as it was; choose a --site-dir in a folder you may write in",
    ),
    "publish.os-error": Message(
        zh="无法发布到 {site_dir}：{reason}{where}；那里的网站保持原样",
        en="cannot publish into {site_dir}: {reason}{where}; the site there was left as it was",
    ),
    "publish.project-folder": Message(
        zh="{site_dir} 中有 {marker}，说明它是项目或代码仓库，而不是构建出的网站；构建会替换整个文件夹，从而删除它；请换一个 --site-dir",
        en="{site_dir} holds {marker}, so it is a project or repository, not a built site; a build replaces the whole folder and would delete it; choose another --site-dir",
    ),
    "publish.stopped": Message(
        zh="在等待另一个发布到 {site_dir} 的构建时停止；没有构建任何内容，那里的网站保持原样",
        en="stopped while waiting for the other build into {site_dir}; nothing was built and the site there was left as it was",
    ),
    "publish.swapped": Message(
        zh="无法发布到 {site_dir}：交换之后它不是构建出的文件夹；原来的网站已恢复；是否有其他程序在 {site_dir} 旁边写入？",
        en="cannot publish into {site_dir}: after the swap it is not the folder that was built; the previous site was put back; is another program writing beside {site_dir}?",
    ),
    "publish.waiting": Message(
        zh="另一个构建正在发布到 {site_dir}（进程 {holder}）；等待其完成（按 Ctrl-C 停止）",
        en="another build into {site_dir} is running (process {holder}); waiting for it to finish (Ctrl-C to stop)",
    ),
    "severity.error": Message(
        zh="错误",
        en="error",
    ),
    "severity.warning": Message(
        zh="警告",
        en="warning",
    ),
    "sort.done": Message(
        zh="{draft} 的 {n} 条意见分为 {groups} 组：{low} 条置信度低，留待编辑判断；{flagged} 条所提条号与内容不符；已写入 {output}",
        en="{n} comment(s) in {groups} group(s) on {draft}: {low} left to the editor (low confidence), {flagged} naming an article they are not about; wrote {output}",
    ),
    "tally.done": Message(
        zh="已创建 {out}；下一步：逐条确定处理结果，然后运行 `lawsite check`",
        en="created {out}; next: decide each outcome, then run `lawsite check`",
    ),
    "tally.done.decided": Message(
        zh="已创建 {out}；下一步：写好正文说明，然后运行 `lawsite check`",
        en="created {out}; next: write the notice's body, then run `lawsite check`",
    ),
    "tally.done.replaced": Message(
        zh="已用这次的结果替换 {out}；下一步：看看正文说明是否仍然准确，然后运行 `lawsite check`",
        en="replaced {out} with this tally; next: see that the notice's body still holds, then run `lawsite check`",
    ),
    "tally.refused": Message(
        zh="{source} 中有 {n} 个问题；没有写入任何文件",
        en="{n} problem(s) in {source}; nothing written",
    ),
}
