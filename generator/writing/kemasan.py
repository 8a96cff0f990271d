"""Finish a rendered report's package as current Word writes it: fields, runs, properties.

- `medan_kompleks(root)`: every `w:fldSimple` (SEQ captions, PAGE) becomes a complex field
  (begin, instruction, separate, cached result, end), which pandoc, mammoth and Word's own
  field code view all read; the cached result keeps the number LibreOffice shows.
- `buang_run_kosong(root)`: drop runs that hold nothing (docxtpl leaves one around each tag).
- `buang_gaya_tak_terpakai`, `buang_daftar_tak_terpakai`, `buang_huruf_tak_terpakai`: remove
  styles, list definitions and fonts nothing uses (tools/build_template.py and the report).
- `properti(doc, judul, satker, waktu)`: core properties (Indonesian, created now, never
  printed) and an honest `app.xml` (written by lkj; no page or word count lkj cannot know).
"""

from __future__ import annotations

from datetime import datetime

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from lxml import etree

from generator.kontrak import GAYA_TETAP, NS, RT

APLIKASI = "lkj"
RUJUKAN_GAYA = ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleId", "w:styleLink")
ATRIBUT_HURUF = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
_ISI_RUN = {qn("w:rPr")}
_APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Properties xmlns="{NS["ep"]}" xmlns:vt="{NS["vt"]}">'
    "<Application>{aplikasi}</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def _run_medan(jenis: str, rpr) -> object:
    r = OxmlElement("w:r")
    if rpr is not None:
        r.append(_salin(rpr))
    r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): jenis}))
    return r


def _salin(el):
    from copy import deepcopy

    return deepcopy(el)


def medan_kompleks(root) -> int:
    """Turn every w:fldSimple under root into a complex field; returns how many."""
    daftar = list(root.iter(qn("w:fldSimple")))
    for fld in daftar:
        hasil = [r for r in fld if r.tag == qn("w:r")]
        rpr = hasil[0].find(qn("w:rPr")) if hasil else None
        instr = OxmlElement("w:r")
        if rpr is not None:
            instr.append(_salin(rpr))
        teks = OxmlElement("w:instrText")
        teks.text = fld.get(qn("w:instr"))
        teks.set(qn("xml:space"), "preserve")
        instr.append(teks)
        runs = [_run_medan("begin", rpr), instr, _run_medan("separate", rpr), *hasil,
                _run_medan("end", rpr)]
        if fld.get(qn("w:dirty")) in ("true", "1"):
            runs[0][-1].set(qn("w:dirty"), "true")
        for r in runs:
            fld.addprevious(r)
        fld.getparent().remove(fld)
    return len(daftar)


def buang_run_kosong(root) -> int:
    """Remove runs with no content but their properties (or an empty w:t); returns how many."""
    kosong = []
    for r in root.iter(qn("w:r")):
        isi = [c for c in r if c.tag not in _ISI_RUN]
        if all(c.tag == qn("w:t") and not c.text for c in isi):
            kosong.append(r)
    for r in kosong:
        r.getparent().remove(r)
    return len(kosong)


def properti(doc, judul: str, satker: str, waktu: datetime) -> None:
    """Core properties of a newly generated report, and an honest app.xml."""
    cp = doc.core_properties
    cp.title = judul
    cp.subject = satker
    cp.author = satker
    cp.last_modified_by = APLIKASI
    cp.comments = "Dibuat dengan lkj dari buku kerja Excel."
    cp.language = "id-ID"
    cp.revision = 1
    cp.created = cp.modified = waktu
    for el in cp._element.findall(qn("cp:lastPrinted")):
        cp._element.remove(el)
    for rel in doc.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            rel.target_part._blob = _APP.format(aplikasi=APLIKASI).encode("utf-8")


# --- unused definitions ----------------------------------------------------------------


def buang_tak_terpakai(doc, gaya_tetap: tuple[str, ...] = GAYA_TETAP) -> None:
    """Remove the styles, list definitions and fonts no part of `doc` uses."""
    bagian = [doc.element]
    bagian += [r.target_part.element for r in doc.part.rels.values()
               if r.reltype in (RT.HEADER, RT.FOOTER)]
    buang_gaya_tak_terpakai(doc.styles.element, bagian, gaya_tetap)
    numbering = _bagian_rel(doc.part, RT.NUMBERING)
    if numbering is not None:
        buang_daftar_tak_terpakai(numbering.element, [*bagian, doc.styles.element])
        bagian.append(numbering.element)
    font_table = _bagian_rel(doc.part, RT.FONT_TABLE)
    if font_table is not None:
        elemen = parse_xml(font_table.blob)
        buang_huruf_tak_terpakai(elemen, [*bagian, doc.styles.element])
        font_table._blob = etree.tostring(elemen, xml_declaration=True, encoding="UTF-8",
                                          standalone=True)


def _bagian_rel(part, reltype):
    return next((r.target_part for r in part.rels.values()
                 if r.reltype == reltype and not r.is_external), None)


def buang_gaya_tak_terpakai(styles, bagian: list, tetap: tuple[str, ...] = ()) -> None:
    """Remove styles no part uses, keeping defaults, `tetap` and what those are based on."""
    dipakai = set(tetap)
    for root in bagian:
        for tag in RUJUKAN_GAYA:
            dipakai.update(el.get(qn("w:val")) for el in root.iter(qn(tag)))
    semua = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    dipakai.update(sid for sid, s in semua.items() if s.get(qn("w:default")) == "1")
    antre = list(dipakai)
    while antre:
        s = semua.get(antre.pop())
        if s is None:
            continue
        for tag in ("w:basedOn", "w:link", "w:next", "w:rPr/w:rStyle", "w:pPr/w:pStyle"):
            el = s.find(qn(tag)) if "/" not in tag else s.find("/".join(map(qn, tag.split("/"))))
            if el is not None and el.get(qn("w:val")) not in dipakai:
                dipakai.add(el.get(qn("w:val")))
                antre.append(el.get(qn("w:val")))
    for sid, s in semua.items():
        if sid not in dipakai:
            styles.remove(s)


def buang_daftar_tak_terpakai(numbering, bagian: list) -> None:
    """Remove list instances (w:num) nothing refers to, then abstract lists no instance uses."""
    dipakai = {el.get(qn("w:val")) for root in bagian for el in root.iter(qn("w:numId"))}
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) not in dipakai:
            numbering.remove(num)
    abstrak = {el.get(qn("w:val")) for el in numbering.iter(qn("w:abstractNumId"))
               if el.getparent().tag == qn("w:num")}
    for ab in numbering.findall(qn("w:abstractNum")):
        if ab.get(qn("w:abstractNumId")) not in abstrak:
            numbering.remove(ab)


def buang_huruf_tak_terpakai(font_table, bagian: list) -> None:
    """Keep only the fonts some rFonts names."""
    dipakai = {el.get(qn(a)) for root in bagian for el in root.iter(qn("w:rFonts"))
               for a in ATRIBUT_HURUF}
    for font in font_table.findall(qn("w:font")):
        if font.get(qn("w:name")) not in dipakai:
            font_table.remove(font)
