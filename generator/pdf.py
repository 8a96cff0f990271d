"""The report as PDF through LibreOffice (optional): find it, run it with a time limit, keep no debris."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from . import kontrak as k
from .errors import LkjError
import contextlib

UNDUH = "https://id.libreoffice.org (atau https://www.libreoffice.org)"
BATAS_DETIK = 300.0
WORKER = Path(__file__).with_name("lo_uno.py")

_WINDOWS_FOLDERS = ("PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432")
_MAC_APP = Path("/Applications/LibreOffice.app/Contents")


class LibreOfficeTidakAda(LkjError):
    """LibreOffice (or its Python with `uno`) is not installed; the .docx is still written."""


@dataclass(frozen=True)
class LibreOffice:
    """A LibreOffice install: its `soffice` and a Python that can `import uno`."""

    soffice: Path
    python: str


def _soffice_candidates() -> list[Path]:
    found = [shutil.which(name) for name in ("soffice", "libreoffice")]
    paths = [Path(p) for p in found if p]
    if sys.platform == "win32":
        for var in _WINDOWS_FOLDERS:
            base = os.environ.get(var)
            if base:
                paths.append(Path(base) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        paths.append(_MAC_APP / "MacOS" / "soffice")
    else:
        paths += [Path("/usr/bin/soffice"), Path("/usr/lib/libreoffice/program/soffice"),
                  Path("/opt/libreoffice/program/soffice")]
    return paths


def find_soffice() -> Path | None:
    """`soffice` on PATH, else in LibreOffice's usual Windows, macOS or Linux install folder."""
    for path in _soffice_candidates():
        if path.is_file():
            return path
    return None


def _python_candidates(soffice: Path) -> list[str]:
    """LibreOffice's own Python first (Windows program\\python.exe, macOS Resources/python, a
    tarball install's program/python), then this Python and the system one (Debian python3-uno)."""
    program = soffice.resolve().parent
    own = [program / "python.exe", program / "python",
           program.parent / "Resources" / "python"]
    names = [str(p) for p in own if p.is_file()]
    names.append(sys.executable)
    names += [p for p in ("/usr/bin/python3", shutil.which("python3")) if p]
    return list(dict.fromkeys(names))


def _has_uno(python: str) -> bool:
    try:
        return subprocess.run([python, "-c", "import uno"], capture_output=True,
                              timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def find_libreoffice() -> LibreOffice:
    """The LibreOffice to use; LibreOfficeTidakAda with where to get it when there is none."""
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeTidakAda(
            "LibreOffice tidak ditemukan, jadi PDF tidak dibuat (laporan .docx tetap ditulis). "
            f"Pasang LibreOffice yang gratis dari {UNDUH}, lalu jalankan lagi dengan --pdf")
    for python in _python_candidates(soffice):
        if _has_uno(python):
            return LibreOffice(soffice, python)
    raise LibreOfficeTidakAda(
        f"LibreOffice ditemukan di {soffice}, tetapi Python-nya tanpa modul uno, jadi PDF tidak "
        "dibuat (laporan .docx tetap ditulis). Di Debian/Ubuntu pasang paket python3-uno; di "
        f"Windows dan macOS pasang ulang LibreOffice dari {UNDUH}")


def _spawn(command: list[str]) -> subprocess.Popen:
    """The worker in its own process group, so it and the soffice it starts can be ended together."""
    if sys.platform == "win32":
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL,
                                creationflags=subprocess.CREATE_NEW_PROCESS_GROUP)
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, start_new_session=True)


def end_process_tree(proc: subprocess.Popen) -> None:
    """End the worker and everything it started (soffice, its splash and office processes)."""
    if sys.platform == "win32":
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True,
                       check=False)
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    try:
        proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "tanpa keterangan"


def run_libreoffice(office: LibreOffice, docx: Path, pdf: Path,
                    timeout: float = BATAS_DETIK) -> dict:
    """Run lo_uno.py on `docx`, writing `pdf`; its JSON answer ({"halaman", "jumlah"})."""
    proc = _spawn([office.python, str(WORKER), str(office.soffice), str(docx), str(pdf), k.TANDA])
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        end_process_tree(proc)
        raise LkjError(f"LibreOffice tidak selesai dalam {timeout:g} detik dan dihentikan; "
                       "PDF tidak dibuat (laporan .docx tetap ditulis)") from None
    if sys.platform != "win32":  # nothing it started may outlive it (on Windows the exited
        end_process_tree(proc)   # worker's id may already belong to another program)
    if proc.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        raise LkjError("LibreOffice gagal membuat PDF ("
                       f"{_last_line(err.decode('utf-8', 'replace'))}); PDF tidak dibuat "
                       "(laporan .docx tetap ditulis)")
    try:
        return json.loads(out.decode("utf-8"))
    except ValueError:
        raise LkjError("LibreOffice memberi jawaban yang tidak terbaca; PDF tidak dibuat") from None


def _timeout() -> float:
    value = os.environ.get("LKJ_PDF_BATAS_DETIK", "")
    try:
        return float(value) if value else BATAS_DETIK
    except ValueError:
        return BATAS_DETIK


def write_pdf(docx: Path, office: LibreOffice | None = None, timeout: float | None = None) -> Path:
    """LAPORAN.pdf beside LAPORAN.docx, and that layout's page numbers written into the .docx's
    Daftar Isi, Daftar Tabel and Daftar Grafik. Either file is replaced whole or not at all."""
    from .halaman import write_page_numbers
    from .output import atomic_target

    office = office or find_libreoffice()
    target = docx.with_suffix(".pdf")
    with atomic_target(target) as temp:
        answer = run_libreoffice(office, docx, temp, timeout or _timeout())
        write_page_numbers(docx, answer.get("halaman", {}))
    return target
