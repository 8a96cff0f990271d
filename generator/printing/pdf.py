"""The report as PDF through LibreOffice (optional): find it, run it with a time limit, keep no debris."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.errors import LkjError
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


def _spawn(command: list[str], stderr) -> subprocess.Popen:
    """The worker in its own process group, so it and the soffice it starts can be ended
    together (and a Ctrl-C in the console reaches lkj only, which ends them itself)."""
    pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": stderr}
    if sys.platform == "win32":
        return subprocess.Popen(command, **pipes,
                                creationflags=subprocess.CREATE_NEW_PROCESS_GROUP)
    return subprocess.Popen(command, **pipes, start_new_session=True)


def end_process_tree(proc: subprocess.Popen) -> None:
    """End the worker and everything it started (soffice, its splash and office processes)."""
    if sys.platform == "win32":
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True,
                       check=False)
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "tanpa keterangan"


def _baca_baris(stream, antrian: queue.Queue) -> None:
    """Reader thread: each answer line as it comes, then None at the end."""
    for line in stream:
        antrian.put(line)
    antrian.put(None)


def _satu_putaran(office: LibreOffice, pasangan: list[tuple[Path, Path]], timeout: float,
                  terima: Callable[[int, dict], None]) -> None:
    """One LibreOffice start for the documents in `pasangan`; `terima(i, answer)` as each is
    done. Raises LkjError, after ending it, when LibreOffice stops before the last one or takes
    more than `timeout` seconds over one document."""
    import tempfile
    import threading

    with tempfile.TemporaryFile() as galat:
        proc = _spawn([office.python, str(WORKER), str(office.soffice), "-"], galat)
        pembaca = None
        try:
            with contextlib.suppress(BrokenPipeError):  # it ended at once: its stderr says why
                proc.stdin.write(json.dumps([[str(a), str(b)] for a, b in pasangan])
                                 .encode("utf-8"))
                proc.stdin.close()
            antrian: queue.Queue = queue.Queue()
            pembaca = threading.Thread(target=_baca_baris, args=(proc.stdout, antrian),
                                       daemon=True)
            pembaca.start()
            selesai = _terima_semua(antrian, len(pasangan), timeout, terima)
            proc.wait(timeout=60)
        finally:
            # Nothing it started may outlive it; on Windows the id of a worker that has
            # exited may already belong to another program, so only a running one is ended.
            if sys.platform != "win32" or proc.poll() is None:
                end_process_tree(proc)
            if pembaca is not None:
                pembaca.join(timeout=30)
            proc.stdout.close()
        if selesai < len(pasangan):
            galat.seek(0)
            raise LkjError("LibreOffice gagal membuat PDF ("
                           f"{_last_line(galat.read().decode('utf-8', 'replace'))}); PDF tidak "
                           "dibuat (laporan .docx tetap ditulis)")


def _terima_semua(antrian: queue.Queue, jumlah: int, timeout: float,
                  terima: Callable[[int, dict], None]) -> int:
    """Answers read so far; LkjError when one takes longer than `timeout`."""
    import time

    selesai, batas = 0, time.monotonic() + timeout
    while selesai < jumlah:
        try:
            # Short waits: on Windows a long one would hold Ctrl-C back until it ends.
            line = antrian.get(timeout=0.5)
        except queue.Empty:
            if time.monotonic() > batas:
                raise LkjError(f"LibreOffice tidak selesai dalam {timeout:g} detik dan "
                               "dihentikan; PDF tidak dibuat (laporan .docx tetap ditulis)") \
                    from None
            continue
        if line is None:
            break
        terima(selesai, _jawaban(line))
        selesai, batas = selesai + 1, time.monotonic() + timeout
    return selesai


def _jawaban(line: bytes) -> dict:
    try:
        answer = json.loads(line.decode("utf-8"))
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        return {"galat": "LibreOffice memberi jawaban yang tidak terbaca"}
    return answer


class _Giliran:
    """The answers of one LibreOffice start, numbered from `mulai` in the whole list."""

    def __init__(self, mulai: int, terima: Callable[[int, dict], None]) -> None:
        self.mulai, self.terima, self.dijawab = mulai, terima, 0

    def __call__(self, i: int, answer: dict) -> None:
        self.dijawab = i + 1
        self.terima(self.mulai + i, answer)


def run_libreoffice_banyak(office: LibreOffice, pasangan: list[tuple[Path, Path]],
                           timeout: float, terima: Callable[[int, dict], None]) -> None:
    """Convert every (docx, pdf) pair with as few LibreOffice starts as possible (one, unless a
    document stops it): `terima(i, answer)` for each, answer {"halaman", "jumlah"} or
    {"galat": reason in Indonesian}. A document that hangs or crashes LibreOffice fails alone
    and the rest go on in a new start; when LibreOffice fails before its first document, every
    document left fails with that reason."""
    mulai = 0
    while mulai < len(pasangan):
        giliran = _Giliran(mulai, terima)
        try:
            _satu_putaran(office, pasangan[mulai:], timeout, giliran)
            return
        except LkjError as exc:
            gagal = mulai + giliran.dijawab
            akhir = gagal + 1 if giliran.dijawab else len(pasangan)
            for i in range(gagal, akhir):
                terima(i, {"galat": str(exc)})
            mulai = akhir


def run_libreoffice(office: LibreOffice, docx: Path, pdf: Path,
                    timeout: float = BATAS_DETIK) -> dict:
    """Run lo_uno.py on `docx`, writing `pdf`; its JSON answer ({"halaman", "jumlah"})."""
    jawaban: list[dict] = []
    _satu_putaran(office, [(docx, pdf)], timeout, lambda i, answer: jawaban.append(answer))
    answer = jawaban[0]
    if "galat" in answer or not pdf.is_file() or pdf.stat().st_size == 0:
        raise LkjError(f"LibreOffice gagal membuat PDF ({answer.get('galat', 'berkas kosong')}); "
                       "PDF tidak dibuat (laporan .docx tetap ditulis)")
    return answer


def _timeout() -> float:
    value = os.environ.get("LKJ_PDF_BATAS_DETIK", "")
    try:
        return float(value) if value else BATAS_DETIK
    except ValueError:
        return BATAS_DETIK


def write_pdf(docx: Path, office: LibreOffice | None = None, timeout: float | None = None) -> Path:
    """LAPORAN.pdf beside LAPORAN.docx, and that layout's page numbers written into the .docx's
    Daftar Isi, Daftar Tabel and Daftar Grafik. Either file is replaced whole or not at all."""
    from generator.printing.halaman import write_page_numbers
    from generator.files.output import atomic_target

    office = office or find_libreoffice()
    target = docx.with_suffix(".pdf")
    with atomic_target(target) as temp:
        answer = run_libreoffice(office, docx, temp, timeout or _timeout())
        write_page_numbers(docx, answer.get("halaman", {}))
    return target


def _sementara(target: Path) -> Path:
    """An empty temporary file beside `target` for LibreOffice to write into."""
    import tempfile

    from generator.files.output import TEMP_PREFIX

    handle, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".pdf", dir=target.parent)
    os.close(handle)
    return Path(name)


def write_pdfs(docxs: list[Path], office: LibreOffice | None = None,
               timeout: float | None = None,
               maju: Callable[[], None] | None = None) -> list[tuple[Path, Path | None, str]]:
    """write_pdf for many reports with one LibreOffice start: (docx, pdf or None, reason) each.

    Each PDF and each report's page numbers are written as that document is done, whole or not
    at all; after Ctrl-C (output.Interrupted) LibreOffice is ended and no temporary file stays.
    """
    from generator.printing.halaman import write_page_numbers
    from generator.files.output import atomic_target, interruptible

    office = office or find_libreoffice()
    hasil: list[tuple[Path, Path | None, str]] = []
    sementara = [_sementara(d.with_suffix(".pdf")) for d in docxs]

    def terima(i: int, answer: dict) -> None:
        docx, target = docxs[i], docxs[i].with_suffix(".pdf")
        try:
            if "galat" in answer or sementara[i].stat().st_size == 0:
                raise LkjError(answer.get("galat", "LibreOffice menulis PDF kosong"))
            write_page_numbers(docx, answer.get("halaman", {}))
            with atomic_target(target) as temp:
                os.replace(sementara[i], temp)
            hasil.append((docx, target, ""))
        except (LkjError, OSError) as exc:
            hasil.append((docx, None, str(exc)))
        if maju:
            maju()

    try:
        with interruptible():
            run_libreoffice_banyak(office, list(zip(docxs, sementara, strict=True)),
                                   timeout or _timeout(), terima)
    finally:
        for path in sementara:
            path.unlink(missing_ok=True)
    return sorted(hasil, key=lambda h: docxs.index(h[0]))
