"""Which kind of source a command-line argument is, recognised by what it is
(a database URL or file, a Maildir, a folder of mails, an mbox, a mail, a
CSV, a workbook), and the rows of every source in one table."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator

from ..messages import msg
from ..model import ConfigError, Problem, Severity
from .intake_source import SQLITE_MAGIC, collect_database, is_database_url
from .mail import RawMail, collect_mail, eml_files, file_mail, is_maildir, maildir_mails, mbox_mails
from .sheet import collect_csv, collect_xlsx
from .table import Collected, Target

TABLE_CHANNELS = ("paper", "meeting")  # a table's channel: `meeting:minutes.xlsx`; paper when not said
_ZIP_MAGIC = b"PK\x03\x04"
_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]")


def collect(sources: Iterable[str], target: Target) -> Collected:
    into = Collected()
    for source in sources:
        collect_one(source, target, into)
    return into


def collect_one(source: str, target: Target, into: Collected) -> None:
    if is_database_url(source):
        collect_database(source, target, into)
        return
    channel, path = _table_channel(source)
    if not path.exists():
        raise ConfigError(msg("error.collect-missing", source=source))
    if path.is_dir():
        mails = maildir_mails(path) if is_maildir(path) else _eml_folder(path, into)
        for raw in mails:
            collect_mail(raw, source, target, into)
        return
    with path.open("rb") as handle:
        head = handle.read(64)
    kind = _kind(path, head)
    if kind == "database":
        collect_database(str(path), target, into)
    elif kind == "xlsx":
        collect_xlsx(path, channel, source, target, into)
    elif kind == "csv":
        collect_csv(path, channel, source, target, into)
    elif kind == "mbox":
        for raw in mbox_mails(path):
            collect_mail(raw, source, target, into)
    elif kind == "eml":
        collect_mail(file_mail(path), source, target, into)
    else:
        raise ConfigError(msg("error.collect-kind", source=source))


def _eml_folder(folder: Path, into: Collected) -> Iterator[RawMail]:
    mails, others = eml_files(folder)
    if others:
        shown = ", ".join(p.name for p in others[:5]) + (" …" if len(others) > 5 else "")
        into.note(Problem(str(folder), None, None, msg("collect-not-a-mail", n=len(others), names=shown), msg("collect-not-a-mail.hint"), Severity.WARNING, "collect-not-a-mail"))
    return (file_mail(p) for p in mails)


def _table_channel(source: str) -> tuple[str, Path]:
    for channel in TABLE_CHANNELS:
        if source.startswith(channel + ":"):
            return channel, Path(source[len(channel) + 1:])
    return "paper", Path(source)


def _kind(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if head.startswith(SQLITE_MAGIC):
        return "database"
    if head.startswith(_ZIP_MAGIC):
        return "xlsx" if suffix in (".xlsx", ".xlsm") else ""
    if head.startswith(b"From ") or suffix == ".mbox":
        return "mbox"
    if suffix == ".eml" or (suffix != ".csv" and _HEADER_LINE.match(head)):
        return "eml"
    if suffix in (".csv", ".txt"):
        return "csv"
    return ""
