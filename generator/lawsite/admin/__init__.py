"""The web editor at /admin/ for editors who never use git: Decap CMS,
vendored from npm (bundle.py, vendor.py), with collections made from
lawsite's own schema (config.py) and a page with a policy of its own (page.py).
The MkDocs adapter writes the three into the built site."""
