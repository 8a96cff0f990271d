"""The whole template: every part of the report in the registry's order, its pages and settings.

`buat_dokumen()` starts from python-docx's default document, installs the styles, lets each
part of `generator.report.BAGIAN` build its pages (the part's `templat.bangun(doc)`), then sets
paper, margins and page numbers per section. `simpan_tetap` writes the zip with fixed
timestamps so the same source gives the same bytes. tools/build_template.py runs both, with
the package clean-up of tools/paket.py in between.
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
from generator.report.rakit.gaya import atur_gaya
from generator.report.rakit.teks import W

# The three sections and their page numbers: cover none, front matter i, ii, ..., body 1, 2, ...
NOMOR_HALAMAN = (None, "lowerRoman", "decimal")


def bagian_templat(bagian) -> object:
    """The module that builds a part's pages: `<part package>.templat`."""
    return importlib.import_module(f"{bagian.__name__}.templat")


def buat_dokumen():
    """The whole template as a python-docx Document."""
    from generator.report import BAGIAN

    doc = Document()
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    atur_gaya(doc)
    atur_settings(doc)
    for bagian in BAGIAN:
        bagian_templat(bagian).bangun(doc)
    sections = list(zip(doc.sections, NOMOR_HALAMAN, strict=True))
    for section, fmt in sections:
        _halaman(section, fmt)
    for section, fmt in sections:
        if fmt:
            _footer(section)
    _properti(doc)
    return doc


def _halaman(section, fmt: str | None) -> None:
    """A4 portrait, KPU margins; fmt sets the page number format, restarting at 1."""
    sect = section._sectPr
    for child in sect.findall(qn("w:pgSz")) + sect.findall(qn("w:pgMar")) + sect.findall(
        qn("w:pgNumType")
    ):
        sect.remove(child)
    lebar, tinggi = k.KERTAS["A4"]
    mar = " ".join(f'w:{nama}="{v}"' for nama, v in k.MARGIN.items())
    nodes = [f'<w:pgSz {W} w:w="{lebar}" w:h="{tinggi}"/>', f'<w:pgMar {W} {mar} w:gutter="0"/>']
    if fmt:
        nodes.append(f'<w:pgNumType {W} w:fmt="{fmt}" w:start="1"/>')
    anchor = sect.find(qn("w:cols"))
    for xml in nodes:
        anchor.addprevious(parse_xml(xml))


def _footer(section) -> None:
    """A centred PAGE field in the footer; the section's pgNumType decides i, ii or 1, 2."""
    section.footer.is_linked_to_previous = False
    p = section.footer.paragraphs[0]
    # python-docx's new footer paragraph already has the Footer style.
    p._p.append(parse_xml(f'<w:fldSimple {W} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


_SETELAH_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator",
)


def atur_settings(doc) -> None:
    """w:updateFields (Word refreshes TOC and page references on open), in schema order."""
    settings = doc.settings.element
    baru = parse_xml(f'<w:updateFields {W} w:val="true"/>')
    later = {qn(f"w:{name}") for name in _SETELAH_UPDATE_FIELDS}
    for child in settings:
        if child.tag in later:
            child.addprevious(baru)
            return
    settings.append(baru)


def _properti(doc) -> None:
    """Fixed document properties so that the file does not change between builds."""
    cp = doc.core_properties
    cp.title = "Laporan Kinerja"
    cp.subject = "Templat Laporan Kinerja (LKj) Sekretariat KPU"
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
