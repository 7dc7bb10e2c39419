"""`lawsite intake`: the comment service beside the static site.

    catalogue   what is open, from the built site's open data
    submission  a posted comment checked (pure): a Comment or a Refusal
    receipts    回执号: random, readable, forgiving to type back
    store       the Store interface, the schema and its migrations
    sqlite_store, postgres_store   the two databases
    writer      group commit: one transaction for the comments posted together
    app         the ASGI application (Starlette) and its guard middleware
    pages       the receipt and refusal pages
    export      comments in the collect format (CSV)
    clock       the service's clock (LAWSITE_NOW for tests)

The command line is `lawsite.commands.intake`. Other channels of the
collect format (mail, paper) sit beside this package, not in it.
"""
