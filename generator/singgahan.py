"""A disk cache of the prepared template, like Python's __pycache__: same template, no recompiling.

docxtpl rewrites the document XML with regular expressions and Jinja then compiles it to
Python; for the report template that is about half of the rendering time and gives the same
result on every run. `TemplatCepat` keeps both results in the user's cache folder keyed by a
hash of the input (and of the Python, Jinja and docxtpl versions), and falls back to the
normal path on any problem with the cache. `LKJ_CACHE=0` turns it off; `LKJ_CACHE=FOLDER`
moves it. Rendering itself (the data, every check after it) is never cached.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

import docxtpl
import jinja2
from docxtpl import DocxTemplate

from .sandbox import LingkunganAman

VERSI = "1"  # bump when make_environment's options change


def folder_cache() -> Path | None:
    """Where the cache lives; None when turned off."""
    pilihan = os.environ.get("LKJ_CACHE", "")
    if pilihan == "0":
        return None
    if pilihan:
        return Path(pilihan)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "lkj" / "cache"
    dasar = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(dasar) / "lkj"


def _kunci(jenis: str, teks: str) -> str:
    h = hashlib.sha256()
    for bagian in (VERSI, jenis, sys.version, jinja2.__version__,
                   getattr(docxtpl, "__version__", ""), teks):
        h.update(bagian.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def _baca(kunci: str) -> bytes | None:
    folder = folder_cache()
    if folder is None:
        return None
    try:
        data = (folder / kunci).read_bytes()
    except OSError:
        return None
    # Each entry starts with the SHA-256 of its content: a damaged entry is not trusted.
    isi = data[32:]
    return isi if len(data) > 32 and hashlib.sha256(isi).digest() == data[:32] else None


def _tulis(kunci: str, data: bytes) -> None:
    """Write atomically; a cache that cannot be written is simply not used."""
    folder = folder_cache()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, sementara = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(hashlib.sha256(data).digest() + data)
        os.replace(sementara, folder / kunci)
    except OSError:
        pass


class LingkunganCepat(LingkunganAman):
    """lkj's sandboxed environment whose from_string reuses the compiled code of the same
    source; the source last compiled is kept as `sumber`, to name the place of an error."""

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002
        self.sumber = source
        if not isinstance(source, str) or template_class is not None:
            return super().from_string(source, globals, template_class)
        # The compiled code calls back into the environment: its version is part of the key.
        kunci = _kunci("jinja-" + self.versi_kode, source)
        data = _baca(kunci)
        kode = None
        if data is not None:
            try:
                kode = marshal.loads(data)
            except (EOFError, ValueError, TypeError):
                kode = None
        if kode is None:
            kode = self.compile(source)
            _tulis(kunci, marshal.dumps(kode))
        return self.template_class.from_code(self, kode, self.make_globals(globals), None)


class TemplatCepat(DocxTemplate):
    """DocxTemplate whose XML preparation (patch_xml) is cached by its input."""

    def patch_xml(self, src_xml):
        kunci = _kunci("patch", src_xml)
        data = _baca(kunci)
        if data is not None:
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                pass
        hasil = super().patch_xml(src_xml)
        _tulis(kunci, hasil.encode("utf-8"))
        return hasil
