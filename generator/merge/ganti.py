"""Replacing a report in place (`lkj perbarui` without -o): the earlier version kept first, the
report replaced in one step, and what lkj says afterwards true at whatever moment Ctrl-C or
SIGTERM lands.

The order is: the new report written beside the old one; the old one checked unchanged since
lkj read it; `<name>-sebelum-N.docx` copied; the new one moved into place. When anything
interrupts that, the files themselves say how far it got: if the report still holds what lkj
read, nothing happened (the copy, if made, is removed); if it holds something else, it was
replaced, the copy stays, and the message says so.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from generator.errors import LkjError
from generator.files.output import atomic_target, keep_copy


class SudahDiperbarui(LkjError):
    """Interrupted after the report was replaced: the new report stands, its copy kept."""


class BerubahSaatDiolah(LkjError):
    """The report was saved by another program while lkj worked on it."""


def sidik_berkas(path: Path) -> str | None:
    """A hash of the file's bytes; None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def ganti_dengan_cadangan(laporan: Path, tulis: Callable[[Path], None], sidik_awal: str) -> Path:
    """Replace `laporan` by what `tulis(path)` writes, after a copy of it is kept beside it;
    returns the copy. `sidik_awal` is the hash of the report as lkj read it."""
    cadangan: list[Path] = []
    sementara: list[Path] = []
    try:
        with atomic_target(laporan, check_open=True) as temp:
            sementara.append(temp)
            tulis(temp)
            if sidik_berkas(laporan) != sidik_awal:
                raise BerubahSaatDiolah(
                    f"{laporan.name} berubah sejak lkj membacanya (disimpan dari program lain?), "
                    "jadi tidak ditimpa; ulangi perintahnya. Tidak ada berkas yang ditulis")
            keep_copy(laporan, cadangan.append)
        return cadangan[0]
    except BaseException as exc:
        _bereskan(laporan, cadangan, sementara, sidik_awal, exc)
        raise


def _bereskan(laporan: Path, cadangan: list[Path], sementara: list[Path], sidik_awal: str,
              exc: BaseException) -> None:
    """After an interruption: undo what did not take effect, and when the report was already
    replaced, say so (raise SudahDiperbarui) instead of "nothing was written"."""
    for temp in sementara:
        with suppress(OSError):
            temp.unlink()
    if isinstance(exc, BerubahSaatDiolah) or sidik_berkas(laporan) == sidik_awal:
        for salinan in cadangan:  # the report was not replaced: no copy needed
            with suppress(OSError):
                salinan.unlink()
        return
    if cadangan and sidik_berkas(cadangan[0]) == sidik_awal:
        raise SudahDiperbarui(
            f"dihentikan setelah laporan diganti: {laporan.name} sudah memuat angka baru, dan "
            f"versi sebelumnya tersimpan sebagai {cadangan[0].name}") from exc
