"""Where a report goes: fingerprints of lkj's own output, so a report finished by hand is never lost."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path
from collections.abc import Iterator
from xml.sax.saxutils import escape

from .errors import LkjError

PROPERTY = "lkj-sidik"
CUSTOM_PART = "docProps/custom.xml"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
               "custom-properties")
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def fingerprint(path: Path) -> str:
    """A hash of the document's own parts (word/...), which any edit in Word rewrites."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(path) as archive:
        for name in sorted(n for n in archive.namelist() if n.startswith("word/")):
            digest.update(name.encode())
            digest.update(archive.read(name))
    return digest.hexdigest()


def stored_fingerprint(path: Path) -> str | None:
    """The fingerprint lkj wrote into the file; None for a file lkj did not write (or unreadable)."""
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read(CUSTOM_PART).decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        return None
    match = re.search(rf'name="{PROPERTY}"[^>]*>\s*<vt:lpwstr>([0-9a-f]{{64}})</vt:lpwstr>', xml)
    return match[1] if match else None


def is_untouched(path: Path) -> bool:
    """True when the file is lkj's output exactly as written."""
    stored = stored_fingerprint(path)
    return stored is not None and stored == fingerprint(path)


def stamp(path: Path) -> None:
    """Record the fingerprint as a custom document property (File > Info > Properties in Word)."""
    value = fingerprint(path)
    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f'<property fmtid="{_FMTID}" pid="2" name="{PROPERTY}"><vt:lpwstr>{escape(value)}'
        '</vt:lpwstr></property></Properties>'
    )
    stamped = path.with_name(path.name + ".stamp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(stamped, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == CUSTOM_PART:
                continue
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = _with_custom_type(data)
            elif info.filename == "_rels/.rels":
                data = _with_custom_rel(data)
            dst.writestr(info, data)
        dst.writestr(CUSTOM_PART, custom)
    os.replace(stamped, path)


def _with_custom_type(data: bytes) -> bytes:
    text = data.decode("utf-8")
    if f'PartName="/{CUSTOM_PART}"' not in text:
        override = f'<Override PartName="/{CUSTOM_PART}" ContentType="{_CUSTOM_TYPE}"/>'
        text = text.replace("</Types>", override + "</Types>")
    return text.encode("utf-8")


def _with_custom_rel(data: bytes) -> bytes:
    text = data.decode("utf-8")
    if _CUSTOM_REL not in text:
        rel = f'<Relationship Id="rIdLkjCustom" Type="{_CUSTOM_REL}" Target="{CUSTOM_PART}"/>'
        text = text.replace("</Relationships>", rel + "</Relationships>")
    return text.encode("utf-8")


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
def atomic_target(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`, moved into place only when the block succeeds."""
    folder = target.parent
    if not folder.is_dir():
        raise LkjError(f"folder keluaran {folder} tidak ada; buat foldernya lebih dulu atau "
                       "pilih tempat lain")
    try:
        handle, name = tempfile.mkstemp(prefix=".~lkj-", suffix=target.suffix, dir=folder)
    except OSError as exc:
        raise LkjError(f"tidak dapat menulis di folder {folder} ({exc.strerror})") from exc
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        # mkstemp makes the file private (0600); the result is an ordinary document.
        os.chmod(temp, 0o666 & ~_umask())
        _replace(temp, target)
    finally:
        if temp.exists():
            temp.unlink()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _replace(temp: Path, target: Path) -> None:
    try:
        os.replace(temp, target)
    except PermissionError as exc:
        raise LkjError(f"{target.name} tidak dapat ditimpa: berkas sedang dibuka (mis. di Word) "
                       "atau tidak ada izin menulis; tutup berkasnya lalu ulangi") from exc
    except OSError as exc:
        raise LkjError(f"{target.name} tidak dapat ditulis ({exc.strerror})") from exc
