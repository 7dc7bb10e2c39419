"""Gather: every document of the content folder into one Site (documents by id,
cross-references, notices and their ledger, readings, interpretations)."""
