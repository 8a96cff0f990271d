"""Tables of the template: fixed column widths, a repeated header row, tag rows and total rows.

Columns come from the words file (`rakit.kata.Kolom`: header, width, cell style, data cell) or
are given in code for layout tables without a header (the signatures, the logo box).
"""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm

from generator import kontrak as k
from generator.report.rakit.kata import Kolom
from generator.report.rakit.teks import W, para

SETELAH_TABEL = Cm(0.3)  # a paragraph right after a table needs air above it


def _tr_props(row, header: bool = False) -> None:
    """Rows never split across pages; the header row repeats on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(parse_xml(f"<w:cantSplit {W}/>"))
    if header:
        tr_pr.append(parse_xml(f"<w:tblHeader {W}/>"))


def tabel(doc, kolom: list[Kolom], baris: list, style: str = k.TABEL_LAPORAN, header: bool = True):
    """A fixed-width table of `kolom`; baris are row specs.

    A row spec is a str (a `{%tr ... %}` tag row), a list of cell texts (a data row in the
    column styles), or ("jumlah", [(text, span), ...]) for a bold total row.
    """
    t = doc.add_table(rows=0, cols=len(kolom))
    t._tbl.tblPr.insert(0, parse_xml(f'<w:tblStyle {W} w:val="{style}"/>'))
    _tabel_lebar(t, kolom, header)
    if header:
        _baris(t, [(c.judul, 1) for c in kolom], [k.SEL_KEPALA] * len(kolom), kolom, header=True)
    for spec in baris:
        if isinstance(spec, str):
            _baris(t, [(spec, len(kolom))], [k.KODE], kolom)
        elif isinstance(spec, tuple):
            gaya = [k.SEL_JUMLAH_ANGKA if c.gaya == k.SEL_ANGKA else k.SEL_JUMLAH for c in kolom]
            _baris(t, spec[1], gaya, kolom)
        else:
            _baris(t, [(c, 1) for c in spec], [c.gaya for c in kolom], kolom)
    return t


def tabel_data(doc, kata, nama: str, ulang: tuple[str, ...], jumlah: bool = False):
    """A report table from the words file: entry `nama` gives the columns, `ulang` the
    `{%tr for ... %}` headers around the data row (innermost last), `nama.jumlah` the total
    rows when `jumlah`."""
    kolom = kata.kolom(nama)
    baris: list = [f"{{%tr {u} %}}" for u in ulang]
    baris += [[c.isi for c in kolom]] + ["{%tr endfor %}"] * len(ulang)
    if jumlah:
        baris += kata.jumlah(f"{nama}.jumlah", len(kolom))
    return tabel(doc, kolom, baris)


def tabel_sasaran(doc, kata, nama: str, sasaran: str, jumlah: bool = False):
    """A report table grouped by sasaran: above each sasaran's indicator rows, a row spanning
    every column with the words entry `sasaran`; `sasaran` is the context's list of them."""
    kolom = kata.kolom(nama)
    baris: list = [f"{{%tr for s in {sasaran} %}}", ("jumlah", [(kata["sasaran"], len(kolom))]),
                   "{%tr for i in s.indikator %}", [c.isi for c in kolom], "{%tr endfor %}",
                   "{%tr endfor %}"]
    if jumlah:
        baris += kata.jumlah(f"{nama}.jumlah", len(kolom))
    return tabel(doc, kolom, baris)


def _tabel_lebar(t, kolom: list[Kolom], header: bool) -> None:
    """Fixed layout and exact column widths, so Word and LibreOffice agree.

    tblLook turns the style's first-row formatting on only for tables with a header row.
    """
    look = t._tbl.tblPr.find(qn("w:tblLook"))
    for attr, value in (("firstRow", header), ("lastRow", 0), ("firstColumn", 0),
                        ("lastColumn", 0), ("noHBand", 1), ("noVBand", 1)):
        look.set(qn(f"w:{attr}"), "1" if value else "0")
    look.set(qn("w:val"), "0620" if header else "0600")
    t.autofit = False
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl_w = t._tbl.tblPr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(Cm(c.lebar).twips for c in kolom)))
    for col, c in zip(t.columns, kolom, strict=True):
        col.width = Cm(c.lebar)


def _baris(t, sel: list[tuple], gaya: list[str], kolom: list[Kolom], header: bool = False) -> None:
    """Add one row; sel is (text, column span) and gaya the style per starting column."""
    row = t.add_row()
    _tr_props(row, header)
    for i, c in enumerate(row.cells):
        c.width = Cm(kolom[i].lebar)
    awal = 0
    for teks, span in sel:
        cell = row.cells[awal]
        if span > 1:
            cell = cell.merge(row.cells[awal + span - 1])
        if header:
            cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:vAlign {W} w:val="center"/>'))
        para(cell, gaya[awal], *(teks if isinstance(teks, list) else [teks]))
        awal += span

