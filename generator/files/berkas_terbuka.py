"""Reports that are open elsewhere: Word's and LibreOffice's lock files, and lkj's own lock.

A report open in Word or LibreOffice must not be replaced: saving from the open program
afterwards would overwrite the new figures. Word keeps an "owner file" beside the document
(`~$` + the name with its first characters dropped, e.g. `~$poran.docx` for `laporan.docx`;
how many characters are dropped depends on the name's length, and the reports found disagree,
so all three forms are looked for); LibreOffice keeps `.~lock.<name>#`. Both are left behind
when the program crashes, so the refusal names the file to delete.

One lkj at a time per report: `KunciLkj` holds `.~lkj-kunci.<name>#` beside the report,
created exclusively and removed in every exit path. A lock whose process is gone (same
computer) or that is older than `BASI_DETIK` is stale and taken over.
"""

from __future__ import annotations

import os
import socket
import time
from contextlib import suppress
from pathlib import Path

from generator.errors import LkjError
from generator.files.henti import tanpa_sela

AWALAN_KUNCI = ".~lkj-kunci."
BASI_DETIK = 30 * 60  # no run of lkj takes half an hour; an older lock is a crashed run's


class BerkasTerbuka(LkjError):
    """The report is open in Word or LibreOffice (its lock file is beside it)."""


def berkas_kunci(path: Path) -> list[Path]:
    """The lock files Word and LibreOffice would keep beside `path` while it is open."""
    name = path.name
    nama = {f"~${name}", f"~${name[1:]}", f"~${name[2:]}"} - {"~$"}
    return [path.with_name(n) for n in sorted(nama)] + [path.with_name(f".~lock.{name}#")]


def periksa_tidak_terbuka(path: Path) -> None:
    """Raise BerkasTerbuka when `path` has an editor's lock file beside it."""
    for kunci in berkas_kunci(path):
        if kunci.is_file():
            raise BerkasTerbuka(_pesan_terbuka(path, kunci))


def _pesan_terbuka(path: Path, kunci: Path) -> str:
    program = "LibreOffice" if kunci.name.startswith(".~lock.") else "Word"
    oleh = _pembuka(kunci)
    siapa = f" oleh {oleh}" if oleh else ""
    return (f"{path.name} sedang dibuka di {program}{siapa}: tutup dulu berkasnya lalu ulangi. "
            f"Bila berkas itu sudah tertutup (programnya berhenti tidak wajar), hapus berkas "
            f"kunci {kunci} lalu ulangi. Tidak ada berkas yang ditulis")


def _pembuka(kunci: Path) -> str:
    """Who holds the lock, as the lock file says; "" when it cannot be read."""
    try:
        data = kunci.read_bytes()[:512]
    except OSError:
        return ""
    if kunci.name.startswith(".~lock."):
        # LibreOffice: "<office user>,<system user>,<host>,<date>,<profile>;"
        bagian = data.decode("utf-8", "replace").split(",")
        nama = next((b for b in bagian[:2] if b.strip()), "")
    else:
        # Word: one byte giving the length of the user's name, then the name
        nama = data[1:1 + data[0]].decode("cp1252", "replace") if data else ""
    return _bersih(nama)


def _bersih(teks: str) -> str:
    teks = "".join(c for c in teks if c.isprintable()).strip()
    return teks[:60]


# --- lkj's own lock ------------------------------------------------------------------------


class SedangDiolah(LkjError):
    """Another lkj is writing the same report."""


def berkas_kunci_lkj(path: Path) -> Path:
    return path.with_name(f"{AWALAN_KUNCI}{path.name}#")


class KunciLkj:
    """`with KunciLkj(report):` one lkj at a time writes `report`; a second one is refused."""

    def __init__(self, path: Path) -> None:
        self.kunci = berkas_kunci_lkj(path)
        self.path = path
        self.isi = f"{os.getpid()}\n{socket.gethostname()}\n{int(time.time())}\n"
        self.dipegang = False

    def __enter__(self) -> KunciLkj:
        for _ in range(2):  # a stale lock is removed once, then claimed
            try:
                self._buat()
                return self
            except FileExistsError:
                if not _basi(self.kunci):
                    raise SedangDiolah(self._pesan()) from None
                with suppress(OSError):
                    self.kunci.unlink()
            except OSError:
                return self  # a folder lkj cannot write in fails later with its own message
        raise SedangDiolah(self._pesan())

    def _buat(self) -> None:
        """Make the lock whole and own it; a stop meanwhile waits, then removes it again."""
        try:
            with tanpa_sela(), open(self.kunci, "x", encoding="utf-8") as f:
                self.dipegang = True
                f.write(self.isi)
        except KeyboardInterrupt:
            self.__exit__()
            raise

    def __exit__(self, *exc) -> None:
        if not self.dipegang:
            return
        with tanpa_sela(), suppress(OSError):
            if self.kunci.read_text(encoding="utf-8") == self.isi:
                self.kunci.unlink()
        self.dipegang = False

    def _pesan(self) -> str:
        pid, host, sejak = _baca_kunci(self.kunci)
        oleh = f" (proses {pid} di {host}, sejak {time.strftime('%H:%M', time.localtime(sejak))})" \
            if pid else ""
        return (f"{self.path.name} sedang diolah lkj lain{oleh}; tunggu sampai selesai lalu "
                f"ulangi. Bila tidak ada lkj lain yang berjalan, hapus berkas {self.kunci} lalu "
                "ulangi. Tidak ada berkas yang ditulis")


def _baca_kunci(kunci: Path) -> tuple[int, str, int]:
    """(pid, host, time) of a lock; (0, "", 0) when it cannot be read."""
    try:
        pid, host, sejak = kunci.read_text(encoding="utf-8").split("\n")[:3]
        return int(pid), _bersih(host), int(sejak)
    except (OSError, ValueError):
        return 0, "", 0


def _basi(kunci: Path) -> bool:
    """A lock left by a run that ended without removing it."""
    pid, host, sejak = _baca_kunci(kunci)
    if not pid:  # unreadable or half-written: judged by its age
        try:
            sejak = int(kunci.stat().st_mtime)
        except OSError:
            return True
    if time.time() - sejak > BASI_DETIK:
        return True
    return bool(pid) and host == _bersih(socket.gethostname()) and not _hidup(pid)


def _hidup(pid: int) -> bool:
    """Whether a process with this id runs on this computer."""
    if os.name == "nt":
        return _hidup_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to another user
        return True
    return True


def _hidup_windows(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.GetLastError() == 5  # access denied: it exists
    try:
        kode = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(kode))
        return kode.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
