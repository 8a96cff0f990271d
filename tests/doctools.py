"""External tools the document tests use, found or skipped (but never skipped under CI)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def require(name: str, path: Path | str | None) -> str:
    """The tool's path; skip the test when it is missing, except under CI where that fails."""
    if path and Path(path).exists():
        return str(path)
    reason = f"{name} tidak terpasang"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: .ci/run harus memasangnya)")
    pytest.skip(reason)


def soffice() -> str:
    return require("LibreOffice (soffice)", shutil.which("soffice"))


def validator() -> str:
    return require("@ooxml-tools/validate (npm ci)", ROOT / "node_modules" / ".bin" / "ooxml-validate")


def pdftotext() -> str:
    return require("pdftotext (poppler-utils)", shutil.which("pdftotext"))


def validate_docx(path: Path) -> tuple[int, str]:
    """Errors the Open XML SDK validator finds; it exits 0 either way, so its words are read."""
    result = subprocess.run([validator(), str(path)], capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    match = re.search(r"Found (\d+) error", output)
    if match is None:
        raise AssertionError(f"validator said something unexpected:\n{output}")
    return int(match[1]), output


def to_pdf(docx_path: Path, folder: Path) -> Path:
    """LibreOffice's PDF of a .docx, with a private profile so parallel runs do not collide."""
    profile = folder / "lo-profile"
    subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{profile.as_posix()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(docx_path)],
        check=True, capture_output=True, timeout=300,
    )
    pdf = folder / (docx_path.stem + ".pdf")
    assert pdf.exists(), "LibreOffice did not write a PDF"
    return pdf


def libreoffice():
    """The product's LibreOffice (soffice plus a Python with uno), or skip (fail under CI)."""
    from generator.errors import LkjError
    from generator.printing.pdf import find_libreoffice

    soffice()
    try:
        return find_libreoffice()
    except LkjError as exc:
        return require(f"LibreOffice dengan uno ({exc})", None)


def lo_pdf(docx_path: Path, folder: Path) -> Path:
    """The product's PDF (lkj buat --pdf): indexes and fields updated first, as Word does on open;
    the page numbers are written back into a copy of the .docx, the original stays as it is."""
    from generator.printing.pdf import write_pdf

    copy = folder / docx_path.name
    if copy.resolve() != docx_path.resolve():
        shutil.copy2(docx_path, copy)
    return write_pdf(copy, libreoffice())


def pdf_text(pdf: Path) -> str:
    return subprocess.run([pdftotext(), "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=120).stdout


def pdfinfo(pdf: Path) -> str:
    tool = require("pdfinfo (poppler-utils)", shutil.which("pdfinfo"))
    return subprocess.run([tool, str(pdf)], capture_output=True, text=True, check=True,
                          timeout=120).stdout


def pandoc() -> str:
    return require("pandoc", shutil.which("pandoc"))
