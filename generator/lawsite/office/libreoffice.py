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
        return None, [Problem(shown, None, None, f"{source.suffix} files are converted with LibreOffice, which is not installed (no `soffice` on PATH)",
                              "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer), or save the file as .docx in Word or WPS and import that",
                              code="import-no-libreoffice")]  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="lawsite-soffice-") as work:
        folder = Path(work)
        copy = folder / f"source{source.suffix.lower()}"  # a known name, so that the output's is known too
        shutil.copyfile(source, copy)
        command = [program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "docx", "--outdir", str(folder / "out"), str(copy)]  # fmt: skip
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return None, [Problem(shown, None, None, f"LibreOffice did not convert the file within {TIMEOUT} s", "open it in Word, WPS or LibreOffice, save it as .docx and import that", code="import-conversion-failed")]
        converted = folder / "out" / "source.docx"
        if done.returncode != 0 or not converted.is_file():
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip()[-300:]
            return None, [Problem(shown, None, None, f"LibreOffice could not convert the file (exit {done.returncode}){': ' + said if said else ''}", "open it in Word, WPS or LibreOffice, save it as .docx and import that", code="import-conversion-failed")]
        return converted.read_bytes(), []
