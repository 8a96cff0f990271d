"""A .docx package's parts as lkj reads them: content types and relationships, walked and checked.

generator.files.paket_docx unpacks and parses the parts (bounded); this module holds what was read
(`Isi`) and checks it as python-docx will use it: every part has a content type, the package
relationships lead to a Word document, every internal relationship stays inside the package
and reaches a part that is there, of the type python-docx expects behind it. Refusals are
`rusak` lines naming the file and the part.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from generator.errors import LkjError
from generator.kontrak import NS

CONTENT_TYPES = "[Content_Types].xml"
ROOT_RELS = "_rels/.rels"
_NS_CT, _NS_REL = NS["ct"], NS["pr"]

# The part classes python-docx chooses by content type, and the relationship that leads to
# each: a part of another type behind such a relationship breaks python-docx later.
_EXPECTED = {
    RT.OFFICE_DOCUMENT: CT.WML_DOCUMENT_MAIN, RT.STYLES: CT.WML_STYLES,
    RT.NUMBERING: CT.WML_NUMBERING, RT.SETTINGS: CT.WML_SETTINGS, RT.HEADER: CT.WML_HEADER,
    RT.FOOTER: CT.WML_FOOTER, RT.COMMENTS: CT.WML_COMMENTS,
    RT.CORE_PROPERTIES: CT.OPC_CORE_PROPERTIES, RT.CUSTOM_PROPERTIES: CT.OFC_CUSTOM_PROPERTIES,
}

_W = NS["w"]
# The root element python-docx's class for each content type reads (a document also needs
# its body); "" is what a part without one was recorded as (see paket_docx).
AKAR = {
    CT.WML_DOCUMENT_MAIN: f"{{{_W}}}document", CT.WML_STYLES: f"{{{_W}}}styles",
    CT.WML_NUMBERING: f"{{{_W}}}numbering", CT.WML_SETTINGS: f"{{{_W}}}settings",
    CT.WML_HEADER: f"{{{_W}}}hdr", CT.WML_FOOTER: f"{{{_W}}}ftr",
    CT.WML_COMMENTS: f"{{{_W}}}comments",
    CT.OPC_CORE_PROPERTIES: f"{{{NS['cp']}}}coreProperties",
    CT.OFC_CUSTOM_PROPERTIES: f"{{{NS['op']}}}Properties",
}
W_BODY = f"{{{_W}}}body"


def akar(root: etree._Element) -> str:
    """What `root` is, as AKAR names it; a document without its body is no document."""
    if root.tag == AKAR[CT.WML_DOCUMENT_MAIN] and root.find(W_BODY) is None:
        return ""
    return root.tag


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
    the parts generator.files.tautan asked for)."""

    name: str
    data: bytes
    order: list[str] = field(default_factory=list)
    xml: dict[str, etree._Element] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    rels: dict[str, list[Rel]] = field(default_factory=dict)
    ubah: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    baru: dict[str, bytes] = field(default_factory=dict)
    akar: dict[str, str] = field(default_factory=dict)

    def pohon(self, part: str) -> etree._Element:
        """The part's XML tree, kept from now on (it was checked when the package was read)."""
        if part not in self.xml:
            with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
                self.xml[part] = etree.fromstring(archive.read(part), parser())
        return self.xml[part]


def parser() -> etree.XMLParser:
    # No entity is resolved, nothing is loaded from the network or the disk, and libxml2 keeps
    # its default limits (text nodes, depth): the same limits python-docx parses under.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False)



# --- messages ---------------------------------------------------------------------------------


def rusak(name: str, part: str, why: str = "tidak terbaca") -> LkjError:
    """The one message for a damaged part; library text never reaches the user."""
    return LkjError(f"{name}: berkas rusak, bagian {part} {why}; buka di Word, periksa isinya, "
                    "lalu simpan ulang sebagai .docx. Tidak ada berkas yang ditulis")


def bukan_docx(name: str, why: str) -> LkjError:
    return LkjError(f"{name}: bukan dokumen Word .docx yang dapat dibaca ({why}); buka di Word "
                    "lalu simpan sebagai Dokumen Word (.docx). Tidak ada berkas yang ditulis")


# --- content types and relationships ---------------------------------------------------------


def jenis(isi: Isi) -> dict[str, str]:
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


def periksa_relasi(isi: Isi) -> str:
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
        raise bukan_docx(isi.name, _jenis_utama(isi.types[main]))
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
    if isi.types[part] in AKAR and isi.akar.get(part) != AKAR[isi.types[part]]:
        raise rusak(isi.name, part, "isinya tidak sesuai jenisnya")
    return part


_NUMBERING = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="'
              + _W.encode() + b'"/>')


def lengkapi_penomoran(isi: Isi, utama: str) -> None:
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
