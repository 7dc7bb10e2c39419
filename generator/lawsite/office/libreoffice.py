"""`.doc` and `.wps` → `.docx` bytes with LibreOffice headless, when installed.

The conversion runs in a temporary folder with a profile of its own (so that
it neither waits for nor disturbs a LibreOffice the editor has open) and is
stopped after `TIMEOUT` seconds.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..messages import msg
from ..model import Problem

TIMEOUT = 180
PROGRAMS = ("soffice", "libreoffice")


def soffice() -> str | None:
    """The LibreOffice program on PATH, if any."""
    return next((found for name in PROGRAMS if (found := shutil.which(name))), None)


def to_docx(source: Path, shown: str) -> tuple[bytes | None, list[Problem]]:
    """The .docx LibreOffice makes of `source`, or a Problem saying why not."""
    program = soffice()
    if program is None:
        return None, [Problem(shown, None, None, msg("import-no-libreoffice", suffix=source.suffix), msg("import-no-libreoffice.hint"), code="import-no-libreoffice")]
    with tempfile.TemporaryDirectory(prefix="lawsite-soffice-") as work:
        folder = Path(work)
        copy = folder / f"source{source.suffix.lower()}"  # a known name, so that the output's is known too
        shutil.copyfile(source, copy)
        command = [program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "docx", "--outdir", str(folder / "out"), str(copy)]  # fmt: skip
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return None, [Problem(shown, None, None, msg("import-conversion-failed.timeout", seconds=TIMEOUT), msg("import-conversion-failed.hint"), code="import-conversion-failed")]
        converted = folder / "out" / "source.docx"
        if done.returncode != 0 or not converted.is_file():
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip()[-300:]
            return None, [Problem(shown, None, None, msg("import-conversion-failed", code=done.returncode, said=said), msg("import-conversion-failed.hint"), code="import-conversion-failed")]
        return converted.read_bytes(), []
