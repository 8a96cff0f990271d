"""Fingerprints: what a part holds as a person would see a change to it, and its short hash.

`isi` reads a paragraph, row or table the way `lkj perbarui` compares them (text, breaks,
pictures, charts with the figures they plot, comments, notes, revisions; not formatting), and
`sidik` hashes it into the 8 hex digits a mark's name carries (generator.marks.tanda).
"""

from __future__ import annotations

import contextlib
import hashlib

from docx.oxml.ns import qn
from lxml import etree

from generator import kontrak as k

PANJANG_SIDIK = 8
_C = k.NS["c"]
_ISI_TAG = tuple(qn(t) for t in (
    "w:p", "w:tc", "w:t", "w:tab", "w:br", "w:cr", "w:fldChar", "w:fldSimple", "w:drawing",
    "w:pict", "w:object", "w:commentReference", "w:footnoteReference", "w:endnoteReference",
    "w:ins", "w:del", "w:moveFrom", "w:moveTo"))
_T, _P, _TC, _TAB, _BR, _CR, _FLD, _FLDS, _R = (qn(t) for t in (
    "w:t", "w:p", "w:tc", "w:tab", "w:br", "w:cr", "w:fldChar", "w:fldSimple", "w:r"))
_GAMBAR = (qn("w:drawing"), qn("w:pict"), qn("w:object"))
_CATATAN = {qn("w:commentReference"), qn("w:footnoteReference"), qn("w:endnoteReference")}
_FLDTYPE, _TYPE = qn("w:fldCharType"), qn("w:type")


def hash_teks(teks: str, n: int) -> str:
    """The first n hex digits of the text's SHA-1 (bookmark names allow letters and digits)."""
    return hashlib.sha1(teks.encode("utf-8")).hexdigest()[:n]


def sidik(teks: str) -> str:
    """The fingerprint of what a part holds (`isi`), as a mark's name carries it."""
    return hash_teks(teks, PANJANG_SIDIK)


def isi(el, package_part=None) -> str:
    """What a part holds, as a person would see a change to it: its text (not field results,
    which Word and LibreOffice recompute), line, paragraph and cell breaks, pictures, charts
    (with the figures they plot when `package_part` is given), comments, notes and tracked
    changes. Not formatting and page breaks: LibreOffice rewrites both when it saves a .docx
    (it adds direct formatting, and turns "page break before" into a break), so a change of
    formatting alone is not seen.
    """
    keluar: list[str] = []
    medan = kode = 0  # open complex fields: whose result is being read, before their separate
    for node in el.iter(_ISI_TAG):
        tag = node.tag
        if tag == _T:
            if not medan and not kode and node.getparent().getparent().tag != _FLDS:
                keluar.append(node.text or "")
        elif tag == _P:
            keluar.append("\n")
        elif tag == _TC:
            keluar.append("|")
        elif tag == _FLD:
            if not medan and not kode and node.get(_FLDTYPE) == "begin":
                keluar.append("[medan]")
            medan, kode = _medan(node.get(_FLDTYPE), medan, kode)
        elif not medan and not kode:
            keluar.append(_lain(node, package_part))
    return "".join(keluar)


def _medan(jenis: str | None, medan: int, kode: int) -> tuple[int, int]:
    """The open complex fields after a field's begin, separate or end mark."""
    if jenis == "begin":
        return medan, kode + 1
    if jenis == "separate" and kode:
        return medan + 1, kode - 1
    if jenis == "end":
        if medan:
            return medan - 1, kode
        if kode:
            return medan, kode - 1
    return medan, kode


def _lain(node, package_part) -> str:
    """What an element other than text, a paragraph, a cell or a field mark adds."""
    tag = node.tag
    if tag == _TAB:
        return "\t" if node.getparent().tag == _R else ""
    if tag == _BR:
        return "" if node.get(_TYPE) in ("page", "column") else "\n"  # page breaks: layout
    if tag == _CR:
        return "\n"
    if tag == _FLDS:
        return "[medan]"
    if tag in _GAMBAR:
        return _token_gambar(node, package_part)
    if tag in _CATATAN:
        return "[catatan]"
    return "[revisi]"  # w:ins, w:del, w:moveFrom, w:moveTo


def isi_antara(start, end, package_part=None) -> str:
    """What a value holds: the runs between its bookmark's start and end (one paragraph)."""
    keluar = []
    el = start.getnext()
    while el is not None and el is not end:
        keluar.append(isi(el, package_part))
        el = el.getnext()
    return "".join(keluar)


# --- charts --------------------------------------------------------------------------------


def nama_grafik(drawing) -> str:
    """The chart name lkj gave a drawing (`lkj-grafik:<nama>`), "" for any other drawing."""
    for doc_pr in drawing.iter(qn("wp:docPr")):
        nama = doc_pr.get("name", "")
        if nama.startswith(k.GRAFIK):
            return nama[len(k.GRAFIK):]
    return ""


def _token_gambar(drawing, package_part) -> str:
    """A picture, or a chart with the figures it plots (not its name: LibreOffice renames
    drawings `Object1`...)."""
    if next(drawing.iter(f"{{{_C}}}chart"), None) is None:
        return "[gambar]"
    data = data_grafik(drawing, package_part) if package_part is not None else ""
    return f"[grafik:{hash_teks(data, 8)}]"


def bagian_grafik(drawing, package_part):
    """The chart part a drawing shows, or None."""
    for chart in drawing.iter(f"{{{_C}}}chart"):
        rel = package_part.rels.get(chart.get(qn("r:id")))
        if rel is not None and not rel.is_external:
            return rel.target_part
    return None


def data_grafik(drawing, package_part) -> str:
    """The categories and figures a chart shows (its cached values), normalised so the same
    figures give the same text whichever program wrote the chart."""
    part = bagian_grafik(drawing, package_part)
    if part is None:
        return ""
    try:
        root = etree.fromstring(part.blob)
    except etree.XMLSyntaxError:
        return "?"
    nilai = []
    for ser in root.iter(f"{{{_C}}}ser"):
        nilai.extend(f"{pt.get('idx')}={_angka(pt)}" for pt in ser.iter(f"{{{_C}}}pt"))
        nilai.append(";")
    return "|".join(nilai)


def _angka(pt) -> str:
    v = pt.find(f"{{{_C}}}v")
    teks = (v.text or "").strip() if v is not None else ""
    with contextlib.suppress(ValueError):
        teks = f"{float(teks):.6g}"
    return teks
