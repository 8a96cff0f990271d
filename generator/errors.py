"""Error classes, each knowing its exit code, and the Issue record problems are collected as."""

from __future__ import annotations

import errno
from dataclasses import dataclass

GALAT = "galat"
PERINGATAN = "peringatan"


@dataclass(frozen=True)
class Issue:
    """One problem found in the input: a stable code, an Indonesian message and its place.

    `ref` is the cell in Excel's form ('Kinerja'!F7), a sheet name, or "" for the whole file.
    """

    code: str
    message: str
    ref: str = ""
    level: str = GALAT

    @property
    def is_error(self) -> bool:
        return self.level == GALAT

    def line(self, source: str = "") -> str:
        """The issue as one printed line: `contoh.xlsx, 'Kinerja'!F7: pesan`."""
        place = ", ".join(p for p in (source, self.ref) if p)
        prefix = "" if self.is_error else "Peringatan: "
        return f"{place}: {prefix}{self.message}" if place else f"{prefix}{self.message}"


class LkjError(Exception):
    """Bad input or an environment problem the user can fix; exit code 1."""

    exit_code = 1


class UsageError(LkjError):
    """The command was called wrongly; exit code 2."""

    exit_code = 2


class InputErrors(LkjError):
    """Every problem found in a workbook or template; raised only when at least one is an error."""

    def __init__(self, issues: list[Issue], source: str = "", judul: str = "") -> None:
        self.issues = list(issues)
        self.source = source
        self.judul = judul  # a line said before the problems (not one of them), "" for none
        errors = sum(1 for i in self.issues if i.is_error)
        super().__init__(f"{errors} masalah ditemukan")

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if not i.is_error]


def reason(exc: OSError, menulis: bool = True) -> str:
    """The cause of an OSError in Indonesian; the system's own (English) text is not shown.
    `menulis`: the file was being written (else read), which names a missing permission."""
    izin = "tidak ada izin menulis" if menulis else "tidak ada izin membaca"
    reasons = {
        errno.ENOSPC: "ruang disk penuh",
        errno.EFBIG: "berkas melebihi batas ukuran yang diizinkan",
        getattr(errno, "EDQUOT", -1): "kuota disk habis",
        errno.EACCES: izin,
        errno.EPERM: izin,
        errno.EROFS: "disk hanya dapat dibaca",
        errno.ENOENT: "folder tidak ada" if menulis else "berkas tidak ditemukan",
        errno.ENOTDIR: "bagian jalurnya bukan folder",
        errno.EISDIR: "itu sebuah folder",
        errno.EIO: "galat baca/tulis pada disk",
    }
    return reasons.get(exc.errno, f"galat sistem berkas nomor {exc.errno}")
