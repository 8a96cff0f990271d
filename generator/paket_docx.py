"""A .docx lkj reads (a template or a report), checked whole and bounded before python-docx sees it.

Every template and report goes through `periksa` (or `buka`) first. The package is refused,
with one Indonesian line naming the file and the part, when it is no zip, holds too many parts
or unpacks to too many bytes (counted on the bytes really unpacked), a part does not unpack
(flipped bytes) or is no well-formed XML, any XML part declares a DTD (entities, billion
laughs), the content types or root relationships are missing, the main part is not a Word
document, or a relationship points outside the package or to a part that is not there. What
python-docx opens afterwards is `Paket.data`: the same package, with every reach outside it
removed (generator.tautan), and a list of warnings naming what was removed.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from .errors import Issue, LkjError

# A report of 10.000 indicators with history unpacks to about 200 MB in some 30.000 parts.
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
MAX_PARTS = 100_000
CHUNK = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONTENT_TYPES = "[Content_Types].xml"
ROOT_RELS = "_rels/.rels"
_NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_TYPES = ("xml", "rels")

# The part classes python-docx chooses by content type, and the relationship that leads to
# each: a part of another type behind such a relationship breaks python-docx later.
_EXPECTED = {
    RT.OFFICE_DOCUMENT: CT.WML_DOCUMENT_MAIN, RT.STYLES: CT.WML_STYLES,
    RT.NUMBERING: CT.WML_NUMBERING, RT.SETTINGS: CT.WML_SETTINGS, RT.HEADER: CT.WML_HEADER,
    RT.FOOTER: CT.WML_FOOTER, RT.COMMENTS: CT.WML_COMMENTS,
    RT.CORE_PROPERTIES: CT.OPC_CORE_PROPERTIES, RT.CUSTOM_PROPERTIES: CT.OFC_CUSTOM_PROPERTIES,
}


@dataclass(frozen=True)
class Rel:
    """One relationship as written: its source part ("" for the package), id, type, target."""

    source: str
    rid: str
    reltype: str
    target: str
    external: bool


@dataclass
class Isi:
    """The package as read and checked: part names in order, their content types and
    relationships, and the XML trees kept to be changed (relationships, content types, and
    the parts generator.tautan asked for)."""

    name: str
    data: bytes
    order: list[str] = field(default_factory=list)
    xml: dict[str, etree._Element] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    rels: dict[str, list[Rel]] = field(default_factory=dict)
    ubah: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    baru: dict[str, bytes] = field(default_factory=dict)

    def pohon(self, part: str) -> etree._Element:
        """The part's XML tree, kept from now on (it was checked when the package was read)."""
        if part not in self.xml:
            with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
                self.xml[part] = etree.fromstring(archive.read(part), _parser())
        return self.xml[part]


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


def rusak(name: str, part: str, why: str = "tidak terbaca") -> LkjError:
    """The one message for a damaged part; library text never reaches the user."""
    return LkjError(f"{name}: berkas rusak, bagian {part} {why}; buka di Word, periksa isinya, "
                    "lalu simpan ulang sebagai .docx. Tidak ada berkas yang ditulis")


def _bukan_docx(name: str, why: str) -> LkjError:
    return LkjError(f"{name}: bukan dokumen Word .docx yang dapat dibaca ({why}); buka di Word "
                    "lalu simpan sebagai Dokumen Word (.docx). Tidak ada berkas yang ditulis")


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
    from .tautan import bersihkan

    path = Path(path)
    data = _baca_berkas(path, peran)
    kunci = (str(path.resolve()), len(data), hash(data))
    if kunci not in _CACHE:
        isi = _periksa_isi(data, path.name)
        utama = _periksa_relasi(isi)
        _lengkapi_penomoran(isi, utama)
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
    enough to hash it (generator.output.fingerprint) without a traceback or a bomb."""
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
        from .output import reason

        raise LkjError(f"{path.name}: berkas tidak dapat dibaca ({reason(exc)})") from exc
    if not data:
        raise LkjError(f"{path.name}: berkas kosong (0 bita), bukan dokumen Word")
    if data.startswith(OLE_MAGIC):
        raise LkjError(f"{path.name}: berkas ini berformat Word lama (.doc) atau dilindungi kata "
                       "sandi; buka di Word, hapus kata sandinya bila ada, lalu simpan sebagai "
                       "Dokumen Word (.docx)")
    if not data.startswith(b"PK"):
        raise _bukan_docx(path.name, "bukan berkas zip; mungkin teks atau berkas lain")
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
        raise _bukan_docx(name, "berkas zip rusak atau terpotong") from exc
    _cek_jumlah(archive, name, data)
    return archive


def _periksa_isi(data: bytes, name: str) -> Isi:
    """Every part unpacked within the budget; every XML part parsed, DTDs refused. Trees are
    kept for relationships, content types and parts holding a field that reaches outside."""
    from .tautan import perlu_dibersihkan

    isi = Isi(name, data)
    budget = [MAX_UNPACKED_BYTES]
    with _buka_zip(data, name) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            isi.order.append(info.filename)
            if info.filename.rsplit(".", 1)[-1].lower() not in _XML_TYPES:
                for _ in _potongan(archive, info, budget, name):
                    pass
                continue
            root = _urai(archive, info, budget, name)
            if info.filename.endswith(".rels") or info.filename == CONTENT_TYPES \
                    or perlu_dibersihkan(root):
                isi.xml[info.filename] = root
    isi.names = set(isi.order)
    isi.types = _jenis(isi)
    return isi


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


def _parser() -> etree.XMLParser:
    # No entity is resolved, nothing is loaded from the network or the disk, and libxml2 keeps
    # its default limits (text nodes, depth): the same limits python-docx parses under.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False)


def _urai(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int],
          name: str) -> etree._Element:
    parser = _parser()
    tail = b""
    try:
        for chunk in _potongan(archive, info, budget, name):
            if b"<!DOCTYPE" in tail + chunk[:16] or b"<!DOCTYPE" in chunk:
                raise _dtd(name, info.filename)
            tail = chunk[-16:]
            parser.feed(chunk)
        root = parser.close()
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


# --- content types and relationships ---------------------------------------------------------


def _jenis(isi: Isi) -> dict[str, str]:
    """Every part's content type, as python-docx reads [Content_Types].xml."""
    types = isi.xml.get(CONTENT_TYPES)
    if types is None:
        raise rusak(isi.name, CONTENT_TYPES, "tidak ada")
    defaults = {d.get("Extension", "").lower(): d.get("ContentType", "")
                for d in types.iter(f"{{{_NS_CT}}}Default")}
    overrides = {o.get("PartName", "").lower(): o.get("ContentType", "")
                 for o in types.iter(f"{{{_NS_CT}}}Override")}
    found = {}
    for part in isi.order:
        key = "/" + part.lower()
        if key in overrides:
            found[part] = overrides[key]
        elif "." in part.rsplit("/", 1)[-1] and part.rsplit(".", 1)[-1].lower() in defaults:
            found[part] = defaults[part.rsplit(".", 1)[-1].lower()]
    return found


def rels_part(source: str) -> str:
    """The relationships part of `source` ("" for the package itself)."""
    folder, base = posixpath.split(source)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def target_part(source: str, target: str) -> str | None:
    """The part an internal relationship of `source` points to; None when it leaves the
    package (more `..` than folders)."""
    base = "/" + posixpath.dirname(source) if not target.startswith("/") else ""
    depth, parts = 0, []
    for piece in f"{base}/{target}".split("/"):
        if piece in ("", "."):
            continue
        if piece == "..":
            depth -= 1
            if depth < 0:
                return None
            parts.pop()
        else:
            depth += 1
            parts.append(piece)
    return "/".join(parts)


def _relasi(isi: Isi, source: str) -> list[Rel]:
    root = isi.xml.get(rels_part(source))
    if root is None:
        return []
    rels = []
    for el in root.iter(f"{{{_NS_REL}}}Relationship"):
        rid, reltype, target = el.get("Id"), el.get("Type"), el.get("Target")
        if rid is None or reltype is None or target is None:
            raise rusak(isi.name, rels_part(source), "memuat relasi tanpa Id, Type, atau Target")
        rels.append(Rel(source, rid, reltype, target, el.get("TargetMode") == "External"))
    return rels


def _periksa_relasi(isi: Isi) -> str:
    """Walk the relationships from the package as python-docx does; the main part's name."""
    if ROOT_RELS not in isi.xml:
        raise rusak(isi.name, ROOT_RELS, "tidak ada")
    isi.rels[""] = _relasi(isi, "")
    utama = [r for r in isi.rels[""] if r.reltype == RT.OFFICE_DOCUMENT and not r.external]
    if not utama:
        raise rusak(isi.name, ROOT_RELS, "tidak menunjuk ke isi dokumen")
    antre = [""]
    while antre:
        source = antre.pop()
        for rel in isi.rels[source]:
            if rel.external:
                continue
            part = _tujuan(isi, rel)
            if part not in isi.rels:
                isi.rels[part] = _relasi(isi, part)
                antre.append(part)
    main = _tujuan(isi, utama[0])
    if isi.types[main] != CT.WML_DOCUMENT_MAIN:
        raise _bukan_docx(isi.name, _jenis_utama(isi.types[main]))
    return main


def _jenis_utama(content_type: str) -> str:
    """What a package whose main part is no Word document is, in words."""
    for mark, words in (("macroEnabled", "dokumen bermakro (.docm), yang tidak dibaca lkj"),
                        ("template.main", "templat Word (.dotx), bukan dokumen"),
                        ("presentationml", "isinya presentasi PowerPoint"),
                        ("spreadsheetml", "isinya buku kerja Excel")):
        if mark in content_type:
            return words
    return f"isi utamanya berjenis {tampil(content_type)}"


def _tujuan(isi: Isi, rel: Rel) -> str:
    """The part `rel` points to, which must be in the package, with the expected content type."""
    where = rels_part(rel.source)
    part = target_part(rel.source, rel.target)
    if part is None:
        raise rusak(isi.name, where, f"menunjuk ke luar berkas ({tampil(rel.target)})")
    if part not in isi.names:
        raise rusak(isi.name, part, f"tidak ada (dirujuk oleh {where})")
    if part not in isi.types:
        raise rusak(isi.name, part, f"tidak punya jenis isi di {CONTENT_TYPES}")
    expected = _EXPECTED.get(rel.reltype)
    if expected and isi.types[part] != expected and rel.reltype != RT.OFFICE_DOCUMENT:
        raise rusak(isi.name, part, f"berjenis {tampil(isi.types[part])}, bukan {expected}")
    if rel.reltype == RT.IMAGE and not isi.types[part].startswith("image/"):
        raise rusak(isi.name, part, f"berjenis {tampil(isi.types[part])}, bukan gambar")
    return part


_NUMBERING = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w='
              b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')


def _lengkapi_penomoran(isi: Isi, utama: str) -> None:
    """A document without lists has no numbering part, which python-docx cannot add; lkj
    numbers headings and lists, so an empty one is added (Word writes the same when needed)."""
    if any(r.reltype == RT.NUMBERING for r in isi.rels.get(utama, ())):
        return
    folder = posixpath.dirname(utama)
    name = next(n for n in (posixpath.join(folder, f"numbering{k or ''}.xml") for k in
                            range(len(isi.order) + 1)) if n not in isi.names)
    isi.baru[name] = _NUMBERING
    where = rels_part(utama)
    if where not in isi.xml:
        isi.xml[where] = etree.Element(f"{{{_NS_REL}}}Relationships", nsmap={None: _NS_REL})
        isi.baru[where] = b""
    taken = {r.rid for r in isi.rels.get(utama, ())}
    rid = next(f"rIdLkj{k}" for k in range(len(taken) + 1) if f"rIdLkj{k}" not in taken)
    etree.SubElement(isi.xml[where], f"{{{_NS_REL}}}Relationship",
                     {"Id": rid, "Type": RT.NUMBERING, "Target": posixpath.basename(name)})
    etree.SubElement(isi.xml[CONTENT_TYPES], f"{{{_NS_CT}}}Override",
                     {"PartName": "/" + name, "ContentType": CT.WML_NUMBERING})
    isi.ubah |= {where, CONTENT_TYPES}


def tampil(text: str, limit: int = 80) -> str:
    """Text from the file, fit to print on one line: no control characters, shortened."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in text)
    return clean if len(clean) <= limit else clean[:limit - 1] + "…"


# --- writing the cleaned package ---------------------------------------------------------------


def _tulis(isi: Isi) -> bytes:
    """The package again, with the parts generator.tautan changed re-serialised."""
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
