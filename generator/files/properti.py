"""Custom document properties (docProps/custom.xml, Word's File > Info > Properties > Custom).

The one implementation: on a python-docx document (`baca_properti`, `tulis_properti`) and on
the package's files as a zip holds them (`baca_zip`, `dengan_custom`, for generator.files.output's
stamp, which writes after python-docx has saved).

lkj keeps two kinds there: `lkj-sidik`, the fingerprint of its untouched output
(generator.files.output), and `lkj-bagian-NN`, the ids of the parts it marked (generator.marks.tanda). A
person's own properties are always kept.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from generator.kontrak import CT, NS, RT

CUSTOM_PART = "/docProps/custom.xml"
NAMA_ZIP = CUSTOM_PART[1:]  # its name inside the .docx archive
CT_CUSTOM = CT.OFC_CUSTOM_PROPERTIES
RT_CUSTOM = RT.CUSTOM_PROPERTIES
_NS_CUSTOM = NS["op"]
_NS_VT = NS["vt"]
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def ubah_properti(xml: bytes | None, nilai: dict[str, str], buang: tuple[str, ...] = ()) -> bytes:
    """custom.xml with the properties in `nilai` set (others, a person's own, kept) and every
    property whose name starts with one of `buang` removed first."""
    if xml:
        root = etree.fromstring(xml)
    else:
        root = etree.Element(f"{{{_NS_CUSTOM}}}Properties", nsmap={None: _NS_CUSTOM, "vt": _NS_VT})
    for prop in list(root):
        nama = prop.get("name", "")
        if nama in nilai or any(nama.startswith(b) for b in buang if b):
            root.remove(prop)
    pids = [int(p.get("pid", "1")) for p in root]
    pid = max(pids, default=1) + 1
    for nama, isi_prop in nilai.items():
        prop = etree.SubElement(root, f"{{{_NS_CUSTOM}}}property",
                                {"fmtid": FMTID, "pid": str(pid), "name": nama})
        etree.SubElement(prop, f"{{{_NS_VT}}}lpwstr").text = isi_prop
        pid += 1
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def properti(xml: bytes | None) -> dict[str, str]:
    """The custom properties' names and text values."""
    if not xml:
        return {}
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError:
        return {}
    return {p.get("name", ""): "".join(p.itertext()) for p in root}


def _bagian_custom(doc):
    package = doc.part.package
    for rel in package.rels.values():
        if rel.reltype == RT_CUSTOM and not rel.is_external:
            return rel.target_part
    return None


def baca_properti(doc) -> dict[str, str]:
    part = _bagian_custom(doc)
    return properti(part.blob) if part is not None else {}


def tulis_properti(doc, nilai: dict[str, str], buang: tuple[str, ...] = ()) -> None:
    """Set properties of a python-docx document (adding custom.xml when it has none); a
    document that already holds exactly these values is left byte for byte as it is."""
    part = _bagian_custom(doc)
    if part is not None:
        ada = {k: v for k, v in properti(part.blob).items()
               if k in nilai or any(k.startswith(b) for b in buang if b)}
        if ada == nilai:
            return
    if part is None:
        part = Part(PackURI(CUSTOM_PART), CT_CUSTOM, b"", doc.part.package)
        doc.part.package.relate_to(part, RT_CUSTOM)
    part._blob = ubah_properti(part.blob or None, nilai, buang)


def buang_properti(doc, nama: str) -> None:
    """Remove one custom property (if the document has it)."""
    part = _bagian_custom(doc)
    if part is not None and nama in properti(part.blob):
        part._blob = ubah_properti(part.blob or None, {}, buang=(nama,))


# --- the same on the package's files (generator.files.output's stamp) ----------------------------


def baca_zip(path: Path) -> dict[str, str]:
    """The custom properties of a .docx file; {} when it has none or cannot be read."""
    try:
        with zipfile.ZipFile(path) as archive:
            return properti(archive.read(NAMA_ZIP))
    except (OSError, KeyError, zipfile.BadZipFile):
        return {}


def dengan_custom(nama: str, data: bytes) -> bytes:
    """`[Content_Types].xml` or `_rels/.rels` declaring docProps/custom.xml (other files as
    they are)."""
    if nama == "[Content_Types].xml":
        return _dengan_tipe(data)
    if nama == "_rels/.rels":
        return dengan_relasi(data)
    return data


def _dengan_tipe(data: bytes) -> bytes:
    text = data.decode("utf-8")
    if f'PartName="{CUSTOM_PART}"' not in text:
        override = f'<Override PartName="{CUSTOM_PART}" ContentType="{CT_CUSTOM}"/>'
        text = text.replace("</Types>", override + "</Types>")
    return text.encode("utf-8")


def dengan_relasi(data: bytes) -> bytes:
    text = data.decode("utf-8")
    if RT_CUSTOM not in text:
        rel = f'<Relationship Id="rIdLkjCustom" Type="{RT_CUSTOM}" Target="{NAMA_ZIP}"/>'
        text = text.replace("</Relationships>", rel + "</Relationships>")
    return text.encode("utf-8")
