"""The labels the reader sees, one module per language (`zh.py`, `zh_hant.py`,
`en.py`), each one plain dict grouped by feature. `render/i18n.py` looks
them up; a new label goes into every language's module."""
