"""A disk cache of the prepared template, like Python's __pycache__: same template, no recompiling.

docxtpl rewrites the document XML with regular expressions and Jinja then compiles it to
Python; for the report template that is about half of the rendering time and gives the same
result on every run. `TemplatCepat` keeps both results in the user's cache folder keyed by a
hash of the input (and of the Python, Jinja and docxtpl versions), and falls back to the
normal path on any problem with the cache. `LKJ_CACHE=0` turns it off; `LKJ_CACHE=FOLDER`
moves it. Rendering itself (the data, every check after it) is never cached.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
from copy import deepcopy
from pathlib import Path

import docxtpl
import jinja2
from docxtpl import DocxTemplate
from lxml import etree

from generator.kontrak import NS
from generator.guard.sandbox import LingkunganAman

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
    """Write atomically; a cache that cannot be written is simply not used, and leaves no
    temporary file behind (a full disk, an interruption)."""
    folder = folder_cache()
    if folder is None:
        return
    sementara = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, sementara = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(hashlib.sha256(data).digest() + data)
        os.replace(sementara, folder / kunci)
        sementara = None
    except OSError:
        pass
    finally:
        if sementara is not None:
            with contextlib.suppress(OSError):
                os.unlink(sementara)


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


_W = NS["w"]
_BODY_KOSONG = re.compile(rb"<w:body\b[^>]*?(?:/>|>\s*</w:body>)")
_XMLNS = re.compile(rb' xmlns:([\w.-]+)="([^"]*)"')
CHUNK_XML = 1024 * 1024  # libxml2 refuses a pushed piece over 10 MB without XML_PARSE_HUGE


class TemplatCepat(DocxTemplate):
    """DocxTemplate whose XML preparation (patch_xml) is cached by its input, and whose
    rendered body joins the document in linear time (map_tree)."""

    def map_tree(self, tree):
        """The document part's XML parsed once more, whole, with the rendered body in it.

        docxtpl moves the body it parsed into the document; lxml fixes each moved attribute's
        namespace through a cache that never holds xml:space, so the move takes time that
        grows with the square of the `<w:t xml:space="preserve">` count: 2 minutes of 7 for a
        report of 10.000 indicators. One parse of the whole part costs a few seconds there.
        """
        from docx.oxml.parser import element_class_lookup

        kerangka = deepcopy(self.docx._element)
        body = kerangka.find(f"{{{_W}}}body")
        body.clear()
        teks = etree.tostring(kerangka)
        kosong = _BODY_KOSONG.search(teks)
        if kosong is None:  # a template writing WordprocessingML under another prefix
            return super().map_tree(tree)
        isi = etree.tostring(tree)
        tree.clear()  # freed now, not when docxtpl's render returns
        awal = isi.index(b">")
        prefixes = sorted({m[1].decode() for xml in (teks, isi) for m in _XMLNS.finditer(xml)})
        reader = etree.XMLParser(resolve_entities=False)
        reader.set_element_class_lookup(element_class_lookup)
        reader.feed(teks[:kosong.start()])
        # the body's declarations repeat the document's: left out, as lxml's move did
        reader.feed(_XMLNS.sub(lambda m: b"" if kerangka.nsmap.get(m[1].decode()) ==
                               m[2].decode() else m[0], isi[:awal]))
        for at in range(awal, len(isi), CHUNK_XML):
            reader.feed(isi[at:at + CHUNK_XML])
        reader.feed(teks[kosong.end():])
        root = reader.close()
        # declarations repeating an ancestor's (each chart's) go, as lxml's move dropped them;
        # every prefix stays declared somewhere (mc:Ignorable names some only in its value)
        etree.cleanup_namespaces(root, top_nsmap=dict(kerangka.nsmap), keep_ns_prefixes=prefixes)
        part = self.docx._part
        part._element = root
        self.docx = part.document

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
