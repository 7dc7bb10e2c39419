"""`lawsite collect`: every channel's comments on one draft in one table.

    sources.collect(sources, target) -> table.Collected   (rows, skips, flags)
    table.csv_chunks(rows, concerns)                      (the collect format)

One module per kind of source: `intake_source` (the intake database, read
through the intake's own store and export), `mail` (mbox, Maildir, .eml;
`text` for charsets, HTML and quotes, `templates` for the mails the site
writes), `sheet` (CSV and .xlsx typed in from paper and meetings). The
format and its columns are described in `table`.
"""
