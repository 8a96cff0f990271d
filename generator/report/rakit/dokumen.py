"""A whole template: every part of one document in the registry's order, its pages and settings.

`buat_dokumen(kode)` starts from python-docx's default document, installs the styles, lets each
part of the document's `BAGIAN` (generator.report.jenis.JENIS) build its pages (the part's
`templat.bangun(doc)`), then sets paper, orientation, margins and page numbers per section
(`Jenis.halaman`). `simpan_tetap` writes the zip with fixed timestamps so the same source gives
the same bytes. tools/build_template.py runs both for every document, with the package clean-up
of tools/paket.py in between.
"""

from __future__ import annotations

import importlib
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from generator import kontrak as k
from generator.report.jenis import JENIS, LKJ, Halaman, Jenis
from generator.report.rakit.gaya import atur_gaya
from generator.report.rakit.teks import W


def bagian_templat(bagian) -> object:
    """The module that builds a part's pages: `<part package>.templat`."""
    return importlib.import_module(f"{bagian.__name__}.templat")


def buat_dokumen(kode: str = LKJ):
    """The whole template of document `kode` as a python-docx Document."""
    jenis = JENIS[kode]
    doc = Document()
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    atur_gaya(doc)
    for bagian in jenis.bagian:
        bagian_templat(bagian).bangun(doc)
    if any((i.text or "").strip().startswith("TOC") for i in body.iter(qn("w:instrText"))):
        atur_settings(doc)  # only a document with contents lists asks Word to update fields
    sections = list(zip(doc.sections, jenis.halaman, strict=True))
    for section, halaman in sections:
        _halaman(section, halaman)
    for section, halaman in sections:
        if halaman.nomor:
            _footer(section)
    _properti(doc, jenis)
    return doc


def _halaman(section, halaman: Halaman | str | None) -> None:
    """A4, portrait or landscape, KPU margins; the page number format, restarting at 1 (a
    format alone, as tools/build_rekap_template.py gives it, is a portrait Halaman)."""
    if not isinstance(halaman, Halaman):
        halaman = Halaman(halaman)
    sect = section._sectPr
    for child in sect.findall(qn("w:pgSz")) + sect.findall(qn("w:pgMar")) + sect.findall(
        qn("w:pgNumType")
    ):
        sect.remove(child)
    lebar, tinggi = k.KERTAS["A4"]
    mar = " ".join(f'w:{nama}="{v}"' for nama, v in k.MARGIN.items())
    ukuran = (f'w:w="{tinggi}" w:h="{lebar}" w:orient="landscape"' if halaman.lanskap
              else f'w:w="{lebar}" w:h="{tinggi}"')
    nodes = [f'<w:pgSz {W} {ukuran}/>', f'<w:pgMar {W} {mar} w:gutter="0"/>']
    if halaman.nomor:
        nodes.append(f'<w:pgNumType {W} w:fmt="{halaman.nomor}" w:start="1"/>')
    anchor = sect.find(qn("w:cols"))
    for xml in nodes:
        anchor.addprevious(parse_xml(xml))


def _footer(section) -> None:
    """A centred PAGE field in the footer; the section's pgNumType decides i, ii or 1, 2."""
    section.footer.is_linked_to_previous = False
    p = section.footer.paragraphs[0]
    # python-docx's new footer paragraph already has the Footer style.
    p._p.append(parse_xml(f'<w:fldSimple {W} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


def atur_settings(doc) -> None:
    """w:updateFields (Word refreshes TOC and page references on open), in schema order."""
    settings = doc.settings.element
    baru = parse_xml(f'<w:updateFields {W} w:val="true"/>')
    later = {qn(f"w:{name}") for name in k.SETELAH_UPDATE_FIELDS}
    for child in settings:
        if child.tag in later:
            child.addprevious(baru)
            return
    settings.append(baru)


def _properti(doc, jenis: Jenis | None = None) -> None:
    """Fixed document properties so that the file does not change between builds (the LKj's
    when no document is named: tools/build_rekap_template.py then sets its own title)."""
    jenis = jenis or JENIS[LKJ]
    cp = doc.core_properties
    cp.title = jenis.judul
    cp.subject = f"Templat {jenis.judul} Sekretariat KPU"
    cp.author = "lkj"
    cp.last_modified_by = "lkj"
    cp.comments = "Dibuat oleh tools/build_template.py; tag templat diisi oleh lkj."
    cp.keywords = ""
    cp.revision = 1
    cp.language = "id-ID"
    cp.created = cp.modified = datetime(2025, 1, 1)


def simpan_tetap(doc, path: Path) -> None:
    """Save `doc`, then rewrite the zip with fixed timestamps and order: same input, same bytes."""
    doc.save(str(path))
    with zipfile.ZipFile(path) as z:
        isi_zip = [(n, z.read(n)) for n in z.namelist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, data in isi_zip:
            info = zipfile.ZipInfo(nama, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
