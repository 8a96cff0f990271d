"""A .docx lkj reads (a template or a report), checked whole and bounded before python-docx sees it.

Every template and report goes through `periksa` (or `buka`) first. The package is refused,
with one Indonesian line naming the file and the part, when it is no zip, holds too many parts
or unpacks to too many bytes (counted on the bytes really unpacked), a part does not unpack
(flipped bytes) or is no well-formed XML, any XML part declares a DTD (entities, billion
laughs), the content types or root relationships are missing, the main part is not a Word
document, or a relationship points outside the package or to a part that is not there. What
python-docx opens afterwards is `Paket.data`: the same package, with every reach outside it
removed (generator.files.tautan), and a list of warnings naming what was removed.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from generator.errors import Issue, LkjError, reason
from generator.files.isi_docx import (CONTENT_TYPES, Isi, akar, bukan_docx, jenis, lengkapi_penomoran, parser,
                       periksa_relasi, rusak)

# A report of 10.000 indicators with history unpacks to 238 MB in 30.021 parts.
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
MAX_PARTS = 100_000
CHUNK = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML_TYPES = ("xml", "rels")


@dataclass(frozen=True)
class Paket:
    """A checked package: the bytes python-docx may open, the main part, what was removed."""

    data: bytes
    utama: str
    peringatan: tuple[Issue, ...] = ()

    def berkas(self) -> io.BytesIO:
        """A fresh file object over the checked package (python-docx and docxtpl read one)."""
        return io.BytesIO(self.data)

    def baca(self, part: str) -> bytes:
        with zipfile.ZipFile(self.berkas()) as archive:
            return archive.read(part)


# --- messages --------------------------------------------------------------------------------


def _terlalu_besar(name: str, what: str) -> LkjError:
    return LkjError(f"{name}: {what}, jauh lebih besar daripada templat atau laporan LKj mana "
                    "pun; berkas ditolak. Tidak ada berkas yang ditulis")


# --- reading ---------------------------------------------------------------------------------

_CACHE: dict[tuple, Paket] = {}


def periksa(path: Path, peran: str = "laporan") -> Paket:
    """The checked package of `path` (a template or a report: `peran` names it in messages).

    Raises LkjError with one line for a file that cannot be read or a damaged part; the same
    unchanged file is checked once per process.
    """
    from generator.files.tautan import bersihkan

    path = Path(path)
    data = _baca_berkas(path, peran)
    kunci = (str(path.resolve()), len(data), hash(data))
    if kunci not in _CACHE:
        isi = _periksa_isi(data, path.name)
        utama = periksa_relasi(isi)
        lengkapi_penomoran(isi, utama)
        peringatan = bersihkan(isi)
        while len(_CACHE) >= 2:  # a report and a template at most are read in one run
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[kunci] = Paket(_tulis(isi) if isi.ubah or isi.baru else data, utama,
                              tuple(peringatan))
    return _CACHE[kunci]


def buka(path: Path, peran: str = "laporan") -> io.BytesIO:
    """The checked package of `path` as a file object, for docx.Document or DocxTemplate."""
    return periksa(path, peran).berkas()


def dapat_dibaca(path: Path) -> bool:
    """Whether `path` is a package whose parts all unpack within the bounds (no XML checks):
    enough to hash it (generator.files.output.fingerprint) without a traceback or a bomb."""
    try:
        data = _baca_berkas(Path(path), "laporan")
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _cek_jumlah(archive, path.name, data)
            budget = [MAX_UNPACKED_BYTES]
            for info in archive.infolist():
                for _ in _potongan(archive, info, budget, path.name):
                    pass
    except (LkjError, zipfile.BadZipFile, OSError, ValueError):
        return False
    return True


def _baca_berkas(path: Path, peran: str) -> bytes:
    try:
        if path.stat().st_size > MAX_UNPACKED_BYTES:
            raise _terlalu_besar(path.name, "berkas lebih dari "
                                 f"{MAX_UNPACKED_BYTES // 2**20} MB")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise LkjError(f"{peran} {path} tidak ditemukan") from exc
    except IsADirectoryError as exc:
        raise LkjError(f"{path} adalah folder, bukan {peran} .docx") from exc
    except OSError as exc:
        raise LkjError(f"{path.name}: berkas tidak dapat dibaca "
                       f"({reason(exc, menulis=False)})") from exc
    if not data:
        raise LkjError(f"{path.name}: berkas kosong (0 bita), bukan dokumen Word")
    if data.startswith(OLE_MAGIC):
        raise LkjError(f"{path.name}: berkas ini berformat Word lama (.doc) atau dilindungi kata "
                       "sandi; buka di Word, hapus kata sandinya bila ada, lalu simpan sebagai "
                       "Dokumen Word (.docx)")
    if not data.startswith(b"PK"):
        raise bukan_docx(path.name, "bukan berkas zip; mungkin teks atau berkas lain")
    return data


def _jumlah_entri(data: bytes) -> int | None:
    """The entry count the zip's end record declares, read before zipfile builds an object
    per entry (a zip of millions of empty entries would take gigabytes there)."""
    tail = data[-(65535 + 22):]
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 12:
        return None
    count = int.from_bytes(tail[at + 10:at + 12], "little")
    if count == 0xFFFF and at >= 20 and tail[at - 20:at - 16] == b"PK\x06\x07":
        offset = int.from_bytes(tail[at - 12:at - 4], "little")
        record = data[offset:offset + 56]
        if record[:4] == b"PK\x06\x06" and len(record) >= 40:
            count = int.from_bytes(record[32:40], "little")
    return count


def _cek_jumlah(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise _terlalu_besar(name, f"berkas berisi {len(infos)} bagian")
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise _terlalu_besar(name, "isi berkas lebih dari "
                             f"{MAX_UNPACKED_BYTES // 2**20} MB setelah dibongkar")
    for info in infos:
        if info.flag_bits & 0x1:
            raise rusak(name, info.filename, "terkunci kata sandi")


def _buka_zip(data: bytes, name: str) -> zipfile.ZipFile:
    count = _jumlah_entri(data)
    if count is not None and count > MAX_PARTS:
        raise _terlalu_besar(name, f"berkas berisi {count} bagian")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise bukan_docx(name, "berkas zip rusak atau terpotong") from exc
    _cek_jumlah(archive, name, data)
    return archive


def _periksa_isi(data: bytes, name: str) -> Isi:
    """Every part unpacked within the budget; every XML part (by name or by content type)
    parsed, DTDs refused. Trees are kept for relationships, content types and parts holding a
    field that reaches outside."""
    from generator.files.tautan import perlu_dibersihkan

    isi = Isi(name, data)
    budget = [MAX_UNPACKED_BYTES]
    with _buka_zip(data, name) as archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        isi.order = [info.filename for info in infos]
        isi.names = set(isi.order)
        if CONTENT_TYPES not in isi.names:
            raise rusak(name, CONTENT_TYPES, "tidak ada")
        for info in sorted(infos, key=lambda info: info.filename != CONTENT_TYPES):
            if info.filename != CONTENT_TYPES and not _xml(isi, info.filename):
                for _ in _potongan(archive, info, budget, name):
                    pass
                continue
            root = _urai(archive, info, budget, name)
            isi.akar[info.filename] = akar(root)
            if info.filename.endswith(".rels") or info.filename == CONTENT_TYPES \
                    or perlu_dibersihkan(root):
                isi.xml[info.filename] = root
            if info.filename == CONTENT_TYPES:  # read first: the others' types come from it
                isi.types = jenis(isi)
    return isi


def _xml(isi: Isi, part: str) -> bool:
    """Whether python-docx would parse `part` as XML: by its name or its content type."""
    return part.rsplit(".", 1)[-1].lower() in _XML_TYPES or \
        isi.types.get(part, "").endswith("xml")


def _potongan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int], name: str):
    """The part's bytes as they unpack, counted against the budget; damage is one line."""
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                budget[0] -= len(chunk)
                if budget[0] < 0:
                    raise _terlalu_besar(name, "isi berkas lebih dari "
                                         f"{MAX_UNPACKED_BYTES // 2**20} MB setelah dibongkar")
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
            RuntimeError, ValueError) as exc:
        raise rusak(name, info.filename) from exc


def _urai(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int],
          name: str) -> etree._Element:
    reader = parser()
    tail = b""
    try:
        for chunk in _potongan(archive, info, budget, name):
            if b"<!DOCTYPE" in tail + chunk[:16] or b"<!DOCTYPE" in chunk:
                raise _dtd(name, info.filename)
            tail = chunk[-16:]
            reader.feed(chunk)
        root = reader.close()
    except etree.XMLSyntaxError as exc:
        # libxml2's own limits (a text node over 10 MB, nesting over 256 deep) are no damage
        # but are refused alike, because python-docx parses under the same limits.
        batas = any(word in str(exc).lower() for word in ("limit", "huge", "depth"))
        raise rusak(name, info.filename, "terlalu besar atau bersarang terlalu dalam" if batas
                    else "bukan XML yang utuh") from exc
    if root.getroottree().docinfo.doctype:
        raise _dtd(name, info.filename)
    return root


def _dtd(name: str, part: str) -> LkjError:
    return LkjError(f"{name}: bagian {part} memuat deklarasi XML (DTD/entitas) yang ditolak "
                    "demi keamanan; simpan ulang dokumen dari Word. Tidak ada berkas yang ditulis")


# --- writing the cleaned package ---------------------------------------------------------------


def _tulis(isi: Isi) -> bytes:
    """The package again, with the parts generator.files.tautan changed re-serialised."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(isi.data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            if info.is_dir():
                continue
            dst.writestr(info.filename, _isi_bagian(isi, info.filename, src))
        for name, blob in isi.baru.items():
            dst.writestr(name, _isi_bagian(isi, name, src) if name in isi.ubah else blob)
    return out.getvalue()


def _isi_bagian(isi: Isi, name: str, src: zipfile.ZipFile) -> bytes:
    if name in isi.ubah:
        return etree.tostring(isi.xml[name], xml_declaration=True, encoding="UTF-8",
                              standalone=True)
    return src.read(name)
