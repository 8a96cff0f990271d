"""Where a report goes: fingerprints of lkj's own output, so a report finished by hand is never lost."""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import signal
import stat
import sys
import threading
import zipfile
from contextlib import contextmanager, suppress
from pathlib import Path
from collections.abc import Callable, Iterator
from typing import Any

from generator.errors import LkjError, UsageError, reason
from generator.files import henti
from generator.files.henti import tanpa_sela

TEMP_PREFIX = ".~lkj-"
_SIDIK = re.compile(r"[0-9a-f]{64}")


def __getattr__(nama: str) -> str:
    """`PROPERTY`, the fingerprint's property name (generator.kontrak), read only when asked:
    kontrak imports python-docx, which `lkj --help` and `lkj periksa` never need."""
    if nama == "PROPERTY":
        from generator.kontrak import PROPERTI_SIDIK

        return PROPERTI_SIDIK
    raise AttributeError(nama)


def fingerprint(path: Path) -> str:
    """A hash of the document's own parts (word/... of a .docx, xl/... of an .xlsx such as lkj's
    rekap), which any edit in Word or Excel rewrites."""
    digest = hashlib.sha256()
    isi = "xl/" if path.suffix.lower() == ".xlsx" else "word/"
    with zipfile.ZipFile(path) as archive:
        for name in sorted(n for n in archive.namelist() if n.startswith(isi)):
            digest.update(name.encode())
            with archive.open(name) as part:
                while chunk := part.read(1024 * 1024):
                    digest.update(chunk)
    return digest.hexdigest()


def stored_fingerprint(path: Path) -> str | None:
    """The fingerprint lkj wrote into the file; None for a file lkj did not write (or unreadable)."""
    from generator.kontrak import PROPERTI_SIDIK
    from generator.files.properti import baca_zip

    value = baca_zip(path).get(PROPERTI_SIDIK, "").strip()
    return value if _SIDIK.fullmatch(value) else None


def is_untouched(path: Path) -> bool:
    """True when the file is lkj's output exactly as written; False for a damaged one."""
    from generator.files.paket_docx import dapat_dibaca

    if not dapat_dibaca(path):  # unpacked within bounds first: no traceback, no bomb
        return False
    stored = stored_fingerprint(path)
    return stored is not None and stored == fingerprint(path)


def stamp(path: Path, extra: dict[str, str] | None = None) -> None:
    """Record the fingerprint as a custom document property (File > Info > Properties in Word),
    with the `extra` properties (the report's identity); the document's other custom
    properties (lkj's list of parts, a person's own) are kept."""
    from generator.files import properti
    from generator.kontrak import PROPERTI_SIDIK

    value = fingerprint(path)
    stamped = path.with_name(path.name + ".stamp")
    try:
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(stamped, "w",
                                                           zipfile.ZIP_DEFLATED) as dst:
            names = src.namelist()
            custom = src.read(properti.NAMA_ZIP) if properti.NAMA_ZIP in names else None
            for info in src.infolist():
                if info.filename != properti.NAMA_ZIP:
                    dst.writestr(info, properti.dengan_custom(info.filename,
                                                              src.read(info.filename)))
            dst.writestr(properti.NAMA_ZIP, properti.ubah_properti(
                custom, {**(extra or {}), PROPERTI_SIDIK: value}))
        os.replace(stamped, path)
    finally:
        _remove(stamped)


def _remove(path: Path) -> None:
    """Delete a leftover temporary file; one already gone (or still held open) is left be. A
    stop that comes meanwhile waits until it is gone (henti.tanpa_sela)."""
    with tanpa_sela(), suppress(OSError):
        path.unlink()


def choose_target(wanted: Path, overwrite: bool) -> tuple[Path, bool]:
    """The path to write and whether it differs from `wanted` because that file was edited.

    An untouched lkj report is replaced freely; any other existing file (edited in Word, or not
    written by lkj) is kept, and the report goes beside it as ...-2.docx, ...-3.docx, unless
    `overwrite`.
    """
    if overwrite or not wanted.exists() or is_untouched(wanted):
        return wanted, False
    n = 2
    while True:
        candidate = wanted.with_name(f"{wanted.stem}-{n}{wanted.suffix}")
        if not candidate.exists() or is_untouched(candidate):
            return candidate, True
        n += 1


@contextmanager
def atomic_target(target: Path, check_open: bool = False) -> Iterator[Path]:
    """A temporary path beside `target`, moved into place only when the block succeeds.

    Whatever happens in the block (a full disk, Ctrl-C, SIGTERM), the temporary file is removed
    and `target` is left as it was; an OSError becomes one Indonesian line. A symbolic link is
    followed (the real file is replaced), an existing file's permissions kept, and with
    `check_open` a report opened in Word or LibreOffice meanwhile is not replaced.
    """
    target = real_path(target)
    folder = target.parent
    if not folder.is_dir():
        raise LkjError(f"folder keluaran {folder} tidak ada; buat foldernya lebih dulu atau "
                       "pilih tempat lain")
    # The name is chosen before the file exists, so a signal at any moment after it is made
    # finds it already in `temp` and the `finally` below removes it (mkstemp would hand the
    # name back only after making the file).
    temp = temp_name(folder, target.suffix)
    try:
        claim(temp)
        yield temp
        os.chmod(temp, _mode_for(target))
        if henti.BERHENTI.is_set():  # a stop whose exception a library swallowed: no replacing now
            raise KeyboardInterrupt
        _replace(temp, target, check_open)
    except OSError as exc:
        raise WriteFailed(target, reason(exc)) from exc
    except WriteFailed as exc:
        # Nested inside another atomic_target, whose target is the file the user named.
        if exc.target.name.startswith(TEMP_PREFIX) and exc.target != target:
            raise WriteFailed(target, exc.reason) from exc
        raise
    finally:
        _remove(temp)


def temp_name(folder: Path, suffix: str) -> Path:
    """A fresh temporary name in `folder`, not yet a file: the caller makes it with `claim`
    inside the `try` whose `finally` removes it, so no signal can fall between the two."""
    return folder / f"{TEMP_PREFIX}{secrets.token_hex(8)}{suffix}"


def claim(temp: Path) -> None:
    """Create `temp` empty and private (0600, as mkstemp does); never over an existing file."""
    folder = temp.parent
    try:
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0),
                         0o600))
    except OSError as exc:
        raise LkjError(f"tidak dapat menulis di folder {folder} ({reason(exc)})") from exc


class WriteFailed(LkjError):
    """Writing `target` failed for `reason` (Indonesian); the old file, if any, is unchanged."""

    def __init__(self, target: Path, reason: str) -> None:
        self.target, self.reason = target, reason
        super().__init__(f"{target.name} tidak dapat ditulis ({reason}); berkas lama, bila ada, "
                         "tidak berubah")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def real_path(path: Path) -> Path:
    """The file a symbolic link points to (a report is replaced where it really is, and the
    link stays a link); any other path as it is."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _mode_for(target: Path) -> int:
    """An existing report keeps its permissions (a private 0600 report stays private); a new
    one gets an ordinary document's (mkstemp makes the temporary file 0600)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def require_writable(path: Path) -> None:
    """Refuse to replace a report marked read-only: someone meant it to stay as it is."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if not mode & stat.S_IWRITE:
        raise LkjError(f"{path.name} bertanda hanya-baca (read-only), jadi tidak ditimpa; "
                       "hilangkan tanda itu dulu (Properties > Read-only) bila memang ingin "
                       "memperbaruinya. Tidak ada berkas yang ditulis")


def _replace(temp: Path, target: Path, check_open: bool = False) -> None:
    from generator.files.berkas_terbuka import periksa_tidak_terbuka

    if check_open and target.exists():  # opened in Word or LibreOffice while lkj worked
        periksa_tidak_terbuka(target)
    try:
        os.replace(temp, target)
    except PermissionError as exc:
        raise LkjError(f"{target.name} tidak dapat ditimpa: berkas sedang dibuka (mis. di Word) "
                       "atau tidak ada izin menulis; tutup berkasnya lalu ulangi") from exc


class Interrupted(LkjError):
    """Ctrl-C or SIGTERM while writing; the clean-up has run by the time this is printed."""


@contextmanager
def interruptible() -> Iterator[None]:
    """SIGTERM and Ctrl-C end in Interrupted, after every `finally` clean-up has run (exit 1).

    Python's default SIGTERM ends the process at once, leaving temporary files behind. A stop
    inside a section that makes or removes a file (henti.tanpa_sela) waits for its end.
    """
    message = "dihentikan sebelum selesai; tidak ada berkas yang ditulis dan laporan lama utuh"

    stopped = []
    henti.mulai()

    def _stop(signum, frame):
        # Once: a second stop while the first one's clean-up runs must not cut it short.
        # KeyboardInterrupt, not Interrupted: a library's `except Exception` (Jinja's optimizer,
        # lxml callbacks) must not swallow it; it becomes Interrupted below.
        henti.BERHENTI.set()
        if stopped:
            return
        stopped.append(signum)
        if henti.dalam_sela():
            henti.tunda()
            return
        raise KeyboardInterrupt

    previous = {}
    if threading.current_thread() is threading.main_thread():
        previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    except KeyboardInterrupt as exc:
        raise Interrupted(message) from exc
    finally:
        henti.mulai()  # a later write outside this block must not see this stop
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def safe_name(text: str) -> str:
    """Text fit for a file name on Windows: no forbidden, control or invisible format characters.

    Format characters (category Cf) include the right-to-left override, which makes
    "LKj-gpj.docx" display as a different name than it is.
    """
    import unicodedata

    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf"))
    text = re.sub(r'[<>:"/\\|?*]+', "-", text).strip(" .-")
    return re.sub(r"\s+", " ", text)


def check_destination(wanted: Path, sources: tuple[Path | None, ...]) -> None:
    """Refuse a report path that cannot work, before any work is done.

    A name without .docx or an existing folder is a usage error (exit 2); so is the workbook or
    template itself, under whatever name or link. A missing folder, a file standing where a
    folder should be, or a folder lkj may not write in is exit 1.
    """
    if wanted.suffix.lower() != ".docx":
        raise UsageError(f"berkas keluaran harus berakhiran .docx, tertulis {wanted.name}")
    if wanted.is_dir():
        raise UsageError(f"{wanted} adalah folder; berikan nama berkas .docx, mis. "
                         f"{wanted / 'laporan.docx'}")
    for source in sources:
        if source is not None and _same_file(wanted, source):
            raise UsageError(f"berkas keluaran {wanted} adalah berkas masukan {source.name} itu "
                             "sendiri; pilih nama lain agar masukan tidak tertimpa")
    check_folder(wanted.parent)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def check_folder(folder: Path, may_create: bool = False) -> None:
    """The output folder exists (or, when `may_create`, can be made) and lkj may write there.

    Nothing is created here: a workbook with errors leaves no empty folder behind.
    """
    existing = next((p for p in (folder, *folder.parents) if p.exists()), Path("."))
    if not existing.is_dir():
        raise LkjError(f"{existing} adalah berkas, bukan folder; pilih tempat lain untuk laporan")
    if existing != folder and not may_create:
        raise LkjError(f"folder keluaran {folder} tidak ada; buat foldernya lebih dulu atau "
                       "pilih tempat lain")
    probe = temp_name(existing, "")
    with tanpa_sela():  # made and removed whole, even when a stop comes meanwhile
        try:
            claim(probe)
        finally:
            _remove(probe)


def quiet_unraisable(hook: Any = None) -> Any:
    """An unraisable-exception hook that drops OSErrors and interruptions, delegating
    everything else.

    When the disk fills while a library writes a zip, the library's ZipFile is left open and
    fails again as it is collected, after lkj has already said what happened. A SIGTERM that
    lands inside a weakref or garbage-collection callback is swallowed there; `interruptible`
    still stops the run (henti.BERHENTI), so the printed traceback would only mislead.
    """
    default = hook or sys.unraisablehook

    def _hook(unraisable: Any) -> None:
        if not isinstance(unraisable.exc_value, (OSError, KeyboardInterrupt)):
            default(unraisable)

    return _hook


def keep_copy(path: Path, claimed: Callable[[Path], None] | None = None) -> Path:
    """Copy `path` beside itself as <name>-sebelum-N.docx, N the first number never used, so no
    earlier copy is ever overwritten (the name is claimed exclusively before copying, and
    `claimed` is told the name at once, so an interruption cannot leave it unknown)."""
    import shutil

    n = 1
    while True:
        copy = path.with_name(f"{path.stem}-sebelum-{n}{path.suffix}")
        try:
            with open(copy, "xb") as dst, open(path, "rb") as src:
                if claimed is not None:
                    claimed(copy)
                try:
                    shutil.copyfileobj(src, dst)
                except BaseException:
                    dst.close()
                    _remove(copy)
                    raise
            shutil.copystat(path, copy)
            return copy
        except FileExistsError:
            n += 1
