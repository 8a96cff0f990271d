"""Build templates/laporan.docx, the docxtpl template of the Laporan Kinerja, from code.

Run `python tools/build_template.py` to overwrite the template. The output is byte-for-byte
reproducible (fixed zip timestamps and document properties), so a diff shows real changes.
The template stays editable in Word: every look comes from a named style, every tag is
plain text in the body, lists carry the numbers the generator writes.
"""

from __future__ import annotations

import sys
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor, Twips
from docx.table import _Cell

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]
from paket import bersihkan_paket  # noqa: E402

KELUARAN = Path(__file__).resolve().parents[1] / "templates" / "laporan.docx"

W = nsdecls("w")
LEBAR_TEKS = 7938  # twips: A4 21 cm minus 4 cm left and 3 cm right margin = 14 cm
A4 = (11906, 16838)
MARGIN = {"top": 1701, "right": 1701, "bottom": 1701, "left": 2268, "header": 851, "footer": 851}
ABU_ABU = "D9D9D9"
SETELAH_TABEL = Cm(0.3)  # a paragraph right after a table needs air above it

# Paragraph style ids (styleId, not the display name).
H1, H2, H3 = "Heading1", "Heading2", "Heading3"
ISI = "IsiLaporan"
DAFTAR = "DaftarBernomor"
KECIL = "JudulKecil"
KODE = "KodeTemplat"
TTD = "TandaTangan"
TTD_SEL = "TandaTanganTabel"
CAPTION = "Caption"
GAMBAR = "Gambar"
KETERANGAN = "KeteranganTabel"
SEL, SEL_ANGKA, SEL_TENGAH = "IsiTabel", "AngkaTabel", "TengahTabel"
SEL_KEPALA, SEL_JUMLAH, SEL_JUMLAH_ANGKA = "KepalaTabel", "JumlahTabel", "JumlahAngkaTabel"

TAB = object()
BR = object()


# --- runs and paragraphs -------------------------------------------------------------------


class R:
    """A run: text with optional bold/underline and character style."""

    def __init__(self, text: str, bold: bool = False, underline: bool = False, style: str = ""):
        self.text, self.bold, self.underline, self.style = text, bold, underline, style


def B(text: str) -> R:
    return R(text, bold=True)


def isi(var: str) -> list[R]:
    """A value that may be a highlighted placeholder: `{"teks": ..., "petunjuk": ...}`."""
    return [R(f"{{{{ {var}.petunjuk }}}}", style="Placeholder"), R(f"{{{{ {var}.teks }}}}")]


def _run_xml(part: object) -> str:
    """The w:r of one part (text, R, TAB or BR)."""
    if part is TAB:
        return f"<w:r {W}><w:tab/></w:r>"
    if part is BR:
        return f"<w:r {W}><w:br/></w:r>"
    r = part if isinstance(part, R) else R(str(part))
    props = "".join(
        [
            f'<w:rStyle w:val="{r.style}"/>' if r.style else "",
            "<w:b/><w:bCs/>" if r.bold else "",
            '<w:u w:val="single"/>' if r.underline else "",
        ]
    )
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    text = r.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<w:r {W}>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _flatten(parts: tuple) -> list:
    out: list = []
    for p in parts:
        out.extend(p if isinstance(p, list) else [p])
    return out


def para(container, style: str, *parts, **fmt):
    """Add a paragraph of `style`; a new table cell's empty first paragraph is used first."""
    first = container.paragraphs[0] if isinstance(container, _Cell) else None
    if first is not None and len(container.paragraphs) == 1 and len(first._p) == 0:
        p = first
    else:
        p = container.add_paragraph()
    p._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {W} w:val="{style}"/>'))
    for part in _flatten(parts):
        p._p.append(parse_xml(_run_xml(part)))
    for key, value in fmt.items():
        setattr(p.paragraph_format, key, value)
    return p


def tag(container, text: str):
    """A paragraph holding only a docxtpl paragraph tag such as `{%p for ... %}`."""
    return para(container, KODE, text)


def ulang(container, header: str, style: str, *parts) -> None:
    """`{%p for ... %}`, one paragraph of `style`, `{%p endfor %}`."""
    tag(container, "{%p " + header + " %}")
    para(container, style, *parts)
    tag(container, "{%p endfor %}")


def paragraf(container, var: str, style: str = ISI, **fmt) -> None:
    """One paragraph per item of a list of {teks, petunjuk}."""
    tag(container, "{%p for p in " + var + " %}")
    para(container, style, isi("p"), **fmt)
    tag(container, "{%p endfor %}")


def daftar(container, var: str) -> None:
    """A numbered list; the numbers come from the context (`no`), never from Word."""
    ulang(container, f"for i in {var}", DAFTAR, "{{ i.no }}", TAB, isi("i"))


def field(p, instr: str, cached: str, dirty: bool = False) -> None:
    """Append a complex field (begin, instruction, separate, cached result, end) to p."""
    flag = ' w:dirty="true"' if dirty else ""
    for xml in (
        f'<w:r {W}><w:fldChar w:fldCharType="begin"{flag}/></w:r>',
        f'<w:r {W}><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>',
        f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>',
        _run_xml(cached),
        f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        p._p.append(parse_xml(xml))


def caption(doc, bab: int, judul: str, label: str = "Tabel") -> None:
    """`Tabel 3.` (or `Grafik 3.`) + SEQ field + title; render.py renumbers the SEQ fields per
    chapter and lists each label in its own table of figures."""
    p = para(doc, CAPTION, f"{label} {bab}.")
    p._p.append(
        parse_xml(
            f'<w:fldSimple {W} w:instr=" SEQ {label} \\* ARABIC "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )
    p._p.append(parse_xml(_run_xml(" " + judul)))


def grafik(doc, var: str, bab: int) -> None:
    """The charts of a list (empty when no chart was drawn): caption above, then the picture.

    render.py turns `g.gambar` into a picture 14 cm wide with `g.alt` as its Alt Text.
    """
    tag(doc, "{%p for g in " + var + " %}")
    caption(doc, bab, "{{ g.judul }}", "Grafik")
    para(doc, GAMBAR, "{{ g.gambar }}")
    tag(doc, "{%p endfor %}")


# --- styles --------------------------------------------------------------------------------


def _style(kind: str, sid: str, name: str, based: str | None, body: str, nxt: str | None = None,
           ui: int | None = None) -> str:
    """A complete w:style element as XML text (table and character styles only)."""
    parts = [f'<w:name w:val="{name}"/>']
    parts.append(f'<w:basedOn w:val="{based}"/>' if based else "")
    parts.append(f'<w:next w:val="{nxt}"/>' if nxt else "")
    parts.append(f'<w:uiPriority w:val="{ui}"/>' if ui is not None else "")
    parts.append("<w:qFormat/>")
    return f'<w:style {W} w:type="{kind}" w:styleId="{sid}">{"".join(parts)}{body}</w:style>'


@dataclass(frozen=True)
class Gaya:
    """One paragraph style: sizes in half-points, spacing and indents in twips, line in 240ths."""

    sid: str
    name: str
    based: str | None = "Normal"
    size: int = 24
    bold: bool = False
    jc: str = "left"
    before: int = 0
    after: int = 0
    line: int = 240
    left: int | None = None
    right: int | None = None
    hanging: int | None = None
    first: int | None = None
    keep: bool = False
    keep_lines: bool = False
    page_break: bool = False
    outline: int | None = None
    tab: tuple[str, int] | None = None  # ("left" | "toc", position)
    kotak: bool = False
    color: str = "000000"
    nxt: str | None = None
    ui: int | None = None


_HEADING = {"before": 0, "line": 360, "bold": True, "keep": True, "keep_lines": True, "ui": 9}
GAYA_PARAGRAF = (
    Gaya("Normal", "Normal", None),
    Gaya(ISI, "Isi Laporan", jc="both", after=120, line=360, first=709, nxt=ISI),
    Gaya(H1, "heading 1", **{**_HEADING, "size": 28}, jc="center", after=480, page_break=True,
         outline=0, nxt=ISI),
    Gaya(H2, "heading 2", **{**_HEADING, "before": 240}, after=120, left=425, hanging=425,
         outline=1, nxt=ISI),
    Gaya(H3, "heading 3", **{**_HEADING, "before": 120}, after=60, left=425, hanging=425,
         outline=2, nxt=ISI),
    Gaya(KECIL, "Judul Kecil", bold=True, before=120, after=60, line=360, keep=True,
         keep_lines=True, nxt=ISI),
    Gaya(DAFTAR, "Daftar Bernomor", jc="both", after=60, line=360, left=709, hanging=425,
         tab=("left", 709), nxt=DAFTAR),
    Gaya(CAPTION, "caption", size=22, bold=True, jc="center", before=240, after=120, keep=True,
         ui=35),
    Gaya(GAMBAR, "Gambar", jc="center", after=240),
    Gaya(KETERANGAN, "Keterangan Tabel", size=20, jc="both", before=60, after=120),
    Gaya(TTD, "Tanda Tangan", jc="center", left=3402, keep=True),
    Gaya(TTD_SEL, "Tanda Tangan Tabel", size=22, jc="center"),
    Gaya(SEL, "Isi Tabel", size=22, before=40, after=40),
    Gaya(SEL_ANGKA, "Angka Tabel", SEL, size=22, jc="right", before=40, after=40),
    Gaya(SEL_TENGAH, "Tengah Tabel", SEL, size=22, jc="center", before=40, after=40),
    Gaya(SEL_KEPALA, "Kepala Tabel", SEL, size=22, bold=True, jc="center", before=40, after=40,
         keep=True),
    Gaya(SEL_JUMLAH, "Jumlah Tabel", SEL, size=22, bold=True, before=40, after=40),
    Gaya(SEL_JUMLAH_ANGKA, "Jumlah Angka Tabel", SEL, size=22, bold=True, jc="right", before=40,
         after=40),
    Gaya("JudulSampul", "Judul Sampul", size=36, bold=True, jc="center", after=120),
    Gaya("Sampul", "Sampul", size=28, bold=True, jc="center", after=60),
    Gaya("AlamatSampul", "Alamat Sampul", size=22, jc="center", before=60),
    Gaya("JudulDokumen", "Judul Dokumen", bold=True, jc="center", line=360, keep=True),
    Gaya("KotakGambar", "Kotak Gambar", size=22, jc="center", before=240, after=240, left=1418,
         right=1418, kotak=True),
    Gaya(KODE, "Kode Templat", size=16, color="7F7F7F"),
    Gaya("TOC1", "toc 1", bold=True, before=120, line=276, tab=("toc", LEBAR_TEKS), nxt="Normal",
         ui=39),
    Gaya("TOC2", "toc 2", line=276, left=425, tab=("toc", LEBAR_TEKS), nxt="Normal", ui=39),
    Gaya("TOC3", "toc 3", line=276, left=851, tab=("toc", LEBAR_TEKS), nxt="Normal", ui=39),
    Gaya("TableofFigures", "table of figures", after=60, line=276, left=1134, hanging=1134,
         tab=("toc", LEBAR_TEKS), nxt="Normal", ui=99),
    Gaya("Footer", "footer", size=22, jc="center"),
)
_JC = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
       "right": WD_ALIGN_PARAGRAPH.RIGHT, "both": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _hapus_gaya(styles, sid: str) -> None:
    lama = styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{sid}']")
    if lama is not None:
        styles.element.remove(lama)


def _font(style, g: Gaya) -> None:
    """Black (unless told) Arial from docDefaults, never italic; the complex-script size and
    bold follow (python-docx has no API for szCs/bCs)."""
    f = style.font
    f.size = Pt(g.size / 2)
    f.bold, f.italic = g.bold, False
    f.color.rgb = RGBColor.from_string(g.color)
    rpr = style.element.get_or_add_rPr()
    rpr.insert_element_before(parse_xml(f'<w:bCs {W} w:val="{1 if g.bold else 0}"/>'),
                              *[f"w:{t}" for t in ("i", "iCs", "caps", "color", "sz")])
    rpr.append(parse_xml(f'<w:szCs {W} w:val="{g.size}"/>'))


def _format_paragraf(style, g: Gaya) -> None:
    pf = style.paragraph_format
    pf.alignment = _JC[g.jc]
    pf.space_before, pf.space_after = Twips(g.before), Twips(g.after)
    pf.line_spacing = g.line / 240
    pf.left_indent = Twips(g.left) if g.left is not None else None
    pf.right_indent = Twips(g.right) if g.right is not None else None
    if g.hanging is not None:
        pf.first_line_indent = Twips(-g.hanging)
    elif g.first is not None:
        pf.first_line_indent = Twips(g.first)
    pf.keep_with_next = g.keep or None
    pf.keep_together = g.keep_lines or None
    pf.page_break_before = g.page_break or None
    if g.tab:
        toc = g.tab[0] == "toc"
        pf.tab_stops.add_tab_stop(Twips(g.tab[1]), WD_TAB_ALIGNMENT.RIGHT if toc else WD_TAB_ALIGNMENT.LEFT,
                                  WD_TAB_LEADER.DOTS if toc else WD_TAB_LEADER.SPACES)


def _xml_tanpa_api(style, g: Gaya) -> None:
    """The two looks python-docx has no API for: the outline level and the box border."""
    ppr = style.element.get_or_add_pPr()
    if g.kotak:
        garis = "".join(f'<w:{s} w:val="single" w:sz="6" w:space="24" w:color="000000"/>'
                        for s in ("top", "left", "bottom", "right"))
        ppr.insert_element_before(parse_xml(f"<w:pBdr {W}>{garis}</w:pBdr>"),
                                  *[f"w:{t}" for t in ("shd", "tabs", "spacing", "ind", "jc")])
    if g.outline is not None:
        ppr.append(parse_xml(f'<w:outlineLvl {W} w:val="{g.outline}"/>'))


def _gaya_paragraf(styles) -> None:
    """Every paragraph style of the report, through python-docx's style API."""
    for g in GAYA_PARAGRAF:
        _hapus_gaya(styles, g.sid)
        style = styles.add_style(g.name, WD_STYLE_TYPE.PARAGRAPH, builtin=g.name[0].islower()
                                 or g.name == "Normal")
        style.element.set(qn("w:styleId"), g.sid)
        style.quick_style = True
        if g.ui is not None:
            style.priority = g.ui
        _font(style, g)
        _format_paragraf(style, g)
        _xml_tanpa_api(style, g)
    by_id = {s.style_id: s for s in styles}
    for g in GAYA_PARAGRAF:
        if g.based:
            by_id[g.sid].base_style = by_id[g.based]
        if g.nxt:
            by_id[g.sid].next_paragraph_style = by_id[g.nxt]


def _table_styles() -> list[str]:
    """The bordered report table (header row bold and grey) and a borderless layout table."""
    garis = "".join(
        f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for s in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    mar = '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
    kepala = (
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{ABU_ABU}"/></w:tcPr></w:tblStylePr>'
    )
    return [
        _style("table", "TabelLaporan", "Tabel Laporan", "TableNormal",
               f"<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
               f"<w:tblPr><w:tblBorders>{garis}</w:tblBorders>{mar}</w:tblPr>{kepala}"),
        _style("table", "TabelTanpaGaris", "Tabel Tanpa Garis", "TableNormal",
               f"<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
               f"<w:tblPr>{mar}</w:tblPr>"),
    ]


def _char_styles() -> list[str]:
    """Placeholder: yellow background for the bracketed instructions staff replace in Word.

    Yellow shading, not w:highlight: the schema allows no highlight in a style (Word's style
    dialog offers shading for the same look).
    """
    rpr = '<w:rPr><w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/></w:rPr>'
    return [_style("character", "Placeholder", "Placeholder", "DefaultParagraphFont", rpr)]


def atur_gaya(doc) -> None:
    """Replace docDefaults and install the report's styles (black Arial, no theme colours)."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    defaults.getparent().replace(defaults, parse_xml(
        f"<w:docDefaults {W}><w:rPrDefault><w:rPr>"
        '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>'
        '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="id-ID" w:eastAsia="en-US" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    ))
    _gaya_paragraf(doc.styles)
    # Table borders and shading, and a character style's shading, have no python-docx API.
    for xml in _table_styles() + _char_styles():
        baru = parse_xml(xml)
        lama = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{baru.get(qn('w:styleId'))}']")
        if lama is not None:
            styles.replace(lama, baru)
        else:
            styles.append(baru)


# --- tables --------------------------------------------------------------------------------


def _tr_props(row, header: bool = False) -> None:
    """Rows never split across pages; the header row repeats on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(parse_xml(f"<w:cantSplit {W}/>"))
    if header:
        tr_pr.append(parse_xml(f"<w:tblHeader {W}/>"))


def tabel(doc, kolom: list[tuple[str, float, str]], baris: list, style: str = "TabelLaporan",
          header: bool = True):
    """A fixed-width table: kolom is (header, width cm, cell style); baris are row specs.

    A row spec is a str (a `{%tr ... %}` tag row), a list of cell texts (a data row in the
    column styles), or ("jumlah", [(text, span), ...]) for a bold total row.
    """
    t = doc.add_table(rows=0, cols=len(kolom))
    t._tbl.tblPr.insert(0, parse_xml(f'<w:tblStyle {W} w:val="{style}"/>'))
    _tabel_lebar(t, kolom, header)
    if header:
        _baris(t, [(k[0], 1) for k in kolom], [SEL_KEPALA] * len(kolom), kolom, header=True)
    for spec in baris:
        if isinstance(spec, str):
            _baris(t, [(spec, len(kolom))], [KODE], kolom)
        elif isinstance(spec, tuple):
            gaya = [SEL_JUMLAH_ANGKA if k[2] == SEL_ANGKA else SEL_JUMLAH for k in kolom]
            _baris(t, spec[1], gaya, kolom)
        else:
            _baris(t, [(c, 1) for c in spec], [k[2] for k in kolom], kolom)
    return t


def _tabel_lebar(t, kolom, header: bool) -> None:
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
    tbl_w.set(qn("w:w"), str(sum(Cm(k[1]).twips for k in kolom)))
    for col, k in zip(t.columns, kolom, strict=True):
        col.width = Cm(k[1])


def _baris(t, sel: list[tuple[str, int]], gaya: list[str], kolom, header: bool = False) -> None:
    """Add one row; sel is (text, column span) and gaya the style per starting column."""
    row = t.add_row()
    _tr_props(row, header)
    for i, c in enumerate(row.cells):
        c.width = Cm(kolom[i][1])
    awal = 0
    for teks, span in sel:
        cell = row.cells[awal]
        if span > 1:
            cell = cell.merge(row.cells[awal + span - 1])
        if header:
            cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:vAlign {W} w:val="center"/>'))
        para(cell, gaya[awal], *(teks if isinstance(teks, list) else [teks]))
        awal += span


# --- sections, footers, settings -----------------------------------------------------------


def _halaman(section, fmt: str | None) -> None:
    """A4 portrait, KPU margins; fmt sets the page number format, restarting at 1."""
    sect = section._sectPr
    for child in sect.findall(qn("w:pgSz")) + sect.findall(qn("w:pgMar")) + sect.findall(
        qn("w:pgNumType")
    ):
        sect.remove(child)
    mar = " ".join(f'w:{k}="{v}"' for k, v in MARGIN.items())
    nodes = [f'<w:pgSz {W} w:w="{A4[0]}" w:h="{A4[1]}"/>', f'<w:pgMar {W} {mar} w:gutter="0"/>']
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


# --- report content ------------------------------------------------------------------------


def tanda_tangan(doc) -> None:
    """Place and date, the office in capitals, room to sign, the name, NIP when given."""
    para(doc, TTD, "{{ ttd.tempat_tanggal }}", space_before=Cm(0.8))
    ulang(doc, "for b in ttd.jabatan", TTD, B("{{ b }}"))
    for _ in range(4):
        para(doc, TTD)
    para(doc, TTD, R("{{ ttd.nama }}", bold=True, underline=True), keep_with_next=False)
    tag(doc, "{%p if ttd.nip %}")
    para(doc, TTD, "NIP. {{ ttd.nip }}", keep_with_next=False)
    tag(doc, "{%p endif %}")


def sampul(doc) -> None:
    """Cover: title, year, logo (or a box to replace), the secretariat, place and year."""
    para(doc, "JudulSampul", "LAPORAN KINERJA", space_before=Cm(1.5))
    para(doc, "JudulSampul", "TAHUN {{ tahun }}")
    tag(doc, "{%p if logo %}")
    para(doc, "Sampul", "{{ logo }}", space_before=Cm(2.5), space_after=Cm(2.5))
    tag(doc, "{%p else %}")
    para(doc, "Normal", space_before=Cm(2.5))
    kotak = tabel(doc, [("", 4.5, SEL_TENGAH)], [[R("[Logo]", style="Placeholder")]],
                  style="TabelLaporan", header=False)
    kotak.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:trHeight {W} w:val="2552" w:hRule="exact"/>'))
    kotak.rows[0].cells[0]._tc.get_or_add_tcPr().append(parse_xml(f'<w:vAlign {W} w:val="center"/>'))
    para(doc, "Normal", space_after=Cm(2.5))
    tag(doc, "{%p endif %}")
    ulang(doc, "for b in sampul.instansi", "Sampul", "{{ b }}")
    tag(doc, "{%p if sampul.alamat %}")
    para(doc, "AlamatSampul", "{{ sampul.alamat }}")
    tag(doc, "{%p endif %}")
    para(doc, "Sampul", "{{ sampul.tempat }}", space_before=Cm(5.5))
    para(doc, "Sampul", "{{ sampul.tahun }}")


def kata_pengantar(doc) -> None:
    para(doc, H1, "KATA PENGANTAR", page_break_before=False)
    paragraf(doc, "kata_pengantar")
    tanda_tangan(doc)


def ikhtisar(doc) -> None:
    para(doc, H1, "IKHTISAR EKSEKUTIF")
    paragraf(doc, "ikhtisar")
    para(doc, ISI, "{{ ringkasan }}")
    tag(doc, "{%p if capaian_penting %}")
    para(doc, ISI, "Capaian penting pada Tahun {{ tahun }} antara lain:")
    daftar(doc, "capaian_penting")
    tag(doc, "{%p endif %}")


DIPERBARUI = "diperbarui saat dokumen dibuka (perbarui bidang)."


def daftar_isi(doc) -> None:
    """TOC fields with an instruction as cached text; render.py fills the entries."""
    para(doc, H1, "DAFTAR ISI")
    p = para(doc, "TOC1")
    field(p, 'TOC \\o "1-3" \\h \\z \\u', f"Daftar isi {DIPERBARUI}", dirty=True)
    para(doc, H1, "DAFTAR TABEL")
    p = para(doc, "TableofFigures")
    field(p, 'TOC \\h \\z \\c "Tabel"', f"Daftar tabel {DIPERBARUI}", dirty=True)
    tag(doc, "{%p if ada_grafik %}")
    para(doc, H1, "DAFTAR GRAFIK")
    p = para(doc, "TableofFigures")
    field(p, 'TOC \\h \\z \\c "Grafik"', f"Daftar grafik {DIPERBARUI}", dirty=True)
    tag(doc, "{%p endif %}")


# --- Bab I: each level of secretariat in its own words ---------------------------------------
# UU 7/2017 gives each level its tasks, powers and duties: Pasal 86 (Sekretariat Jenderal KPU),
# Pasal 87 (sekretariat KPU Provinsi) and Pasal 88 (sekretariat KPU Kabupaten/Kota), each in
# ayat (1) tugas, (2) wewenang, (3) kewajiban and (4) financial administration. The lists below
# are the statute's own words, checked against the law's text. Pasal 87 ayat (1) huruf g is cut
# by a page break in the copy that was read and is completed as in Pasal 88. They are plain
# template text: staff correct them in Word.

_TUGAS_UMUM = (
    "membantu penyusunan program dan anggaran Pemilu;",
    "memberikan dukungan teknis administratif;",
    "membantu pelaksanaan tugas {kpu} dalam menyelenggarakan Pemilu;",
    "membantu pendistribusian perlengkapan Penyelenggaraan Pemilu anggota DPR, DPD, Presiden dan "
    "Wakil Presiden, serta DPRD;",
    "membantu perumusan dan penyusunan rancangan keputusan {kpu};",
    "membantu penyusunan laporan penyelenggaraan kegiatan dan pertanggungjawaban {kpu}; dan",
    "membantu pelaksanaan {lain} sesuai dengan ketentuan peraturan perundang-undangan.",
)
_TUGAS_PUSAT = (  # Pasal 86 ayat (1): no distribution; legal aid and internal control instead
    "membantu penyusunan program dan anggaran Pemilu;",
    "memberikan dukungan teknis administratif dan membantu pelaksanaan tugas KPU dalam "
    "menyelenggarakan Pemilu;",
    "membantu perumusan dan penyusunan rancangan peraturan dan keputusan KPU;",
    "memberikan bantuan hukum dan memfasilitasi penyelesaian sengketa Pemilu;",
    "membantu penyusunan laporan penyelenggaraan kegiatan dan pertanggungjawaban KPU;",
    "membantu pelaksanaan sistem pengendalian internal; dan",
    "membantu pelaksanaan tugas-tugas lain sesuai dengan ketentuan peraturan perundang-undangan.",
)
_MENGADAKAN = (
    "mengadakan dan mendistribusikan perlengkapan Penyelenggaraan Pemilu berdasarkan norma, "
    "standar, prosedur, dan kebutuhan yang ditetapkan oleh KPU;",
    "mengadakan perlengkapan Penyelenggaraan Pemilu sebagaimana dimaksud pada huruf a sesuai "
    "dengan ketentuan peraturan perundang-undangan;",
)
_LAYANAN = ("memberikan layanan administrasi, ketatausahaan, dan kepegawaian sesuai dengan "
            "ketentuan peraturan perundang-undangan")
_KEWAJIBAN = (
    "menyusun laporan pertanggungjawaban keuangan;",
    "memelihara arsip dan dokumen Pemilu; dan",
    "mengelola barang inventaris {kpu}.",
)
_PENUTUP = ("Selain itu, {{ satker }} bertanggung jawab atas administrasi keuangan serta pengadaan "
            "barang dan jasa sesuai dengan ketentuan peraturan perundang-undangan.")
_ATURAN_ORGANISASI = ("Peraturan Presiden Nomor 105 Tahun 2018 dan Peraturan Komisi Pemilihan Umum "
                      "Nomor 14 Tahun 2020")
TINGKAT = {
    "pusat": {
        "pengantar": "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum membentuk "
                     "Sekretariat Jenderal KPU untuk mendukung kelancaran tugas dan wewenang "
                     "Komisi Pemilihan Umum. Sebagai unsur pendukung KPU di tingkat pusat, "
                     "{{ satker }} mengemban tugas, wewenang, dan kewajiban yang diatur dalam "
                     "Pasal 86 undang-undang tersebut, sebagai berikut.",
        "tugas": _TUGAS_PUSAT,
        "wewenang": (
            *_MENGADAKAN,
            "mengangkat tenaga pakar/ahli berdasarkan kebutuhan atas persetujuan KPU;",
            _LAYANAN + "; dan",
            "menjatuhkan sanksi administratif dan/atau menonaktifkan sementara pegawai "
            "Sekretariat Jenderal KPU, sekretariat KPU Provinsi, dan sekretariat KPU "
            "Kabupaten/Kota, yang nyata-nyata melakukan tindakan yang mengakibatkan terganggunya "
            "tahapan Penyelenggaraan Pemilu yang sedang berlangsung berdasarkan putusan Bawaslu "
            "dan/atau berdasarkan ketentuan peraturan perundang-undangan.",
        ),
        "kewajiban": tuple(t.format(kpu="KPU") for t in _KEWAJIBAN),
        "struktur": "{{ satker }} dipimpin oleh Sekretaris Jenderal yang dibantu oleh deputi dan "
                    "Inspektur Utama serta membawahkan biro, pusat, dan inspektorat wilayah sesuai "
                    f"dengan {_ATURAN_ORGANISASI}. Bagan struktur organisasinya adalah sebagai "
                    "berikut.",
    },
    "provinsi": {
        "pengantar": "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum membentuk "
                     "sekretariat pada setiap tingkatan KPU. Sebagai sekretariat KPU Provinsi, "
                     "{{ satker }} mendukung kelancaran tugas dan wewenang {{ kpu }} serta "
                     "mengemban tugas, wewenang, dan kewajiban yang diatur dalam Pasal 87 "
                     "undang-undang tersebut, sebagai berikut.",
        "tugas": tuple(t.format(kpu="KPU Provinsi", lain="tugas lainnya") for t in _TUGAS_UMUM),
        "wewenang": (_MENGADAKAN[0], _MENGADAKAN[1] + " dan", _LAYANAN + "."),
        "kewajiban": tuple(t.format(kpu="KPU Provinsi") for t in _KEWAJIBAN),
        "struktur": "{{ satker }} dipimpin oleh seorang Sekretaris yang membawahkan bagian-bagian "
                    f"dan subbagian-subbagian sesuai dengan {_ATURAN_ORGANISASI}. Bagan struktur "
                    "organisasinya adalah sebagai berikut.",
    },
    "kabkota": {
        "pengantar": "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum membentuk "
                     "sekretariat pada setiap tingkatan KPU. Sebagai sekretariat KPU "
                     "Kabupaten/Kota, {{ satker }} mendukung kelancaran tugas dan wewenang "
                     "{{ kpu }} serta mengemban tugas, wewenang, dan kewajiban yang diatur dalam "
                     "Pasal 88 undang-undang tersebut, sebagai berikut.",
        "tugas": tuple(t.format(kpu="KPU Kabupaten/Kota", lain="tugas-tugas lainnya")
                       for t in _TUGAS_UMUM),
        "wewenang": (_MENGADAKAN[0], _MENGADAKAN[1] + " dan", _LAYANAN + "."),
        "kewajiban": tuple(t.format(kpu="KPU Kabupaten/Kota") for t in _KEWAJIBAN),
        "struktur": "{{ satker }} dipimpin oleh seorang Sekretaris yang membawahkan "
                    f"subbagian-subbagian sesuai dengan {_ATURAN_ORGANISASI}. Bagan struktur "
                    "organisasinya adalah sebagai berikut.",
    },
}

SISTEMATIKA = (
    ("Kata Pengantar", "pengantar singkat mengenai penyusunan Laporan Kinerja ini."),
    ("Ikhtisar Eksekutif", "ringkasan capaian kinerja dan realisasi anggaran tahun berkenaan."),
    ("Bab I Pendahuluan", "latar belakang, tugas, wewenang dan kewajiban, struktur organisasi "
     "dan sumber daya manusia, serta permasalahan utama yang dihadapi organisasi."),
    ("Bab II Perencanaan Kinerja", "ringkasan Rencana Strategis dan Perjanjian Kinerja "
     "tahun berkenaan."),
    ("Bab III Akuntabilitas Kinerja", "capaian kinerja organisasi untuk setiap sasaran "
     "strategis beserta analisisnya, serta realisasi anggaran."),
    ("Bab IV Penutup", "kesimpulan atas capaian kinerja serta langkah perbaikan ke depan."),
    ("Lampiran", "Rencana Kinerja Tahunan, Perjanjian Kinerja, dan Pengukuran Kinerja."),
)


def daftar_tetap(doc, items, huruf: bool = True) -> None:
    """A fixed list typed in the template, numbered `a.`, `b.` (or `1.`, `2.`)."""
    for n, teks in enumerate(items, start=1):
        no = "abcdefghijklmnopqrstuvwxyz"[n - 1] if huruf else str(n)
        para(doc, DAFTAR, f"{no}.", TAB, teks)


def per_tingkat(doc, isi) -> None:
    """`isi(doc, kode)` once per level, each inside its own `{%p if tingkat == ... %}` branch."""
    for n, kode in enumerate(TINGKAT):
        tag(doc, ("{%p if " if n == 0 else "{%p elif ") + f'tingkat == "{kode}" %}}')
        isi(doc, kode)
    tag(doc, "{%p endif %}")


def _sekretariat(doc, kode: str) -> None:
    teks = TINGKAT[kode]
    para(doc, ISI, teks["pengantar"])
    for no, judul, kunci in ((1, "Tugas", "tugas"), (2, "Wewenang", "wewenang"),
                             (3, "Kewajiban", "kewajiban")):
        para(doc, H3, f"{no}.", TAB, judul)
        daftar_tetap(doc, teks[kunci])


def bab_1(doc) -> None:
    para(doc, H1, "BAB I", BR, "PENDAHULUAN", page_break_before=False)
    para(doc, H2, "A.", TAB, "Latar Belakang")
    paragraf(doc, "latar_belakang")
    para(doc, H2, "B.", TAB, "Tugas, Wewenang dan Kewajiban Sekretariat")
    per_tingkat(doc, _sekretariat)
    para(doc, ISI, _PENUTUP)
    para(doc, H2, "C.", TAB, "Struktur Organisasi dan Sumber Daya Manusia")
    para(doc, H3, "1.", TAB, "Sumber Daya Manusia")
    paragraf(doc, "sdm.kalimat")
    tag(doc, "{%p if sdm.baris %}")
    caption(doc, 1, "Pegawai Menurut Tingkat Pendidikan Tahun {{ tahun }}")
    tabel(doc, [("No", 1.2, SEL_TENGAH), ("Pendidikan", 8.8, SEL), ("Jumlah (orang)", 4.0, SEL_ANGKA)], [
        "{%tr for r in sdm.baris %}",
        ["{{ r.no }}", "{{ r.pendidikan }}", "{{ r.jumlah }}"],
        "{%tr endfor %}",
        ("jumlah", [("Jumlah", 2), ("{{ sdm.total }}", 1)]),
    ])
    tag(doc, "{%p endif %}")
    para(doc, H3, "2.", TAB, "Struktur Organisasi", space_before=SETELAH_TABEL)
    tag(doc, "{%p if struktur.uraian %}")
    paragraf(doc, "struktur.uraian")
    tag(doc, "{%p else %}")
    per_tingkat(doc, lambda d, kode: para(d, ISI, TINGKAT[kode]["struktur"]))
    tag(doc, "{%p endif %}")
    para(doc, "KotakGambar", isi("struktur.bagan"))
    para(doc, H2, "D.", TAB, "Permasalahan Utama")
    paragraf(doc, "permasalahan")
    tag(doc, "{%p if kendala %}")
    para(doc, ISI, "Kendala yang dihadapi antara lain:")
    daftar(doc, "kendala")
    tag(doc, "{%p endif %}")
    para(doc, H2, "E.", TAB, "Sistematika Penulisan")
    para(doc, ISI, "Laporan Kinerja ini disusun dengan sistematika sebagai berikut:")
    for n, (judul, uraian) in enumerate(SISTEMATIKA, start=1):
        para(doc, DAFTAR, f"{n}.", TAB, B(judul), f": {uraian}")


def bab_2(doc) -> None:
    para(doc, H1, "BAB II", BR, "PERENCANAAN KINERJA")
    para(doc, H2, "A.", TAB, "Rencana Strategis {{ periode }}")
    para(doc, ISI, "Rencana Strategis (Renstra) KPU periode {{ periode }} menjadi acuan "
         "{{ satker }} dalam menyusun rencana kinerja tahunan dan Perjanjian Kinerja. Visi, misi, "
         "tujuan, sasaran strategis, dan indikator kinerja utamanya adalah sebagai berikut.")
    para(doc, H3, "1.", TAB, "Visi")
    paragraf(doc, "renstra.visi")
    for no, judul, var in ((2, "Misi", "misi"), (3, "Tujuan", "tujuan"),
                           (4, "Sasaran Strategis", "sasaran"),
                           (5, "Indikator Kinerja Utama (IKU)", "iku")):
        para(doc, H3, f"{no}.", TAB, judul)
        daftar(doc, f"renstra.{var}")
    para(doc, H2, "B.", TAB, "Perjanjian Kinerja Tahun {{ tahun }}")
    para(doc, ISI, "Perjanjian Kinerja Tahun {{ tahun }} ditetapkan{% if pk.tanggal %} pada "
         "tanggal {{ pk.tanggal }}{% endif %} antara {{ pk.pertama }} sebagai Pihak Pertama dan "
         "{{ pk.kedua }} sebagai Pihak Kedua. "
         "Perjanjian ini memuat {{ pk.jumlah_sasaran }} sasaran strategis dengan "
         "{{ pk.jumlah_indikator }} indikator kinerja beserta targetnya, sebagaimana tercantum "
         "pada tabel-tabel berikut.")
    tag(doc, "{%p for s in pk.sasaran %}")
    caption(doc, 2, "Target Kinerja Sasaran {{ s.no }}: {{ s.nama }}")
    tabel(doc, [("No", 1.2, SEL_TENGAH), ("Indikator Kinerja", 10.0, SEL), ("Target", 2.8, SEL_ANGKA)], [
        "{%tr for i in s.indikator %}",
        ["{{ i.no }}", "{{ i.nama }}", "{{ i.target }}"],
        "{%tr endfor %}",
    ])
    tag(doc, "{%p endfor %}")


KOLOM_CAPAIAN = [
    ("Kode", 1.4, SEL_TENGAH), ("Indikator Kinerja", 4.2, SEL), ("Target", 1.7, SEL_ANGKA),
    ("Realisasi", 2.0, SEL_ANGKA), ("Capaian (%)", 2.1, SEL_ANGKA), ("Kategori", 2.6, SEL_TENGAH),
]
KOLOM_TAHUN = [
    ("Kode", 1.4, SEL_TENGAH), ("Indikator Kinerja", 5.7, SEL), ("Tahun", 1.5, SEL_TENGAH),
    ("Realisasi", 2.6, SEL_ANGKA), ("Capaian (%)", 2.8, SEL_ANGKA),
]
KOLOM_RENSTRA = [
    ("Kode", 1.4, SEL_TENGAH), ("Indikator Kinerja", 4.2, SEL), ("Target Renstra", 2.1, SEL_ANGKA),
    ("Realisasi {{ tahun }}", 2.1, SEL_ANGKA), ("Capaian", 2.1, SEL_ANGKA), ("Status", 2.1, SEL_TENGAH),
]
KOLOM_STANDAR = [
    ("Kode", 1.4, SEL_TENGAH), ("Indikator Kinerja", 4.0, SEL), ("Realisasi", 2.0, SEL_ANGKA),
    ("Standar Nasional", 2.2, SEL_ANGKA), ("Selisih", 2.1, SEL_ANGKA), ("Penilaian", 2.3, SEL_TENGAH),
]
KOLOM_EFISIENSI = [
    ("Uraian", 3.6, SEL), ("Pagu", 4.1, SEL_ANGKA), ("Realisasi", 4.1, SEL_ANGKA),
    ("Serapan", 2.2, SEL_ANGKA),
]


def _judul_bagian(doc, var: str, judul: str) -> None:
    """A part's sub-heading: the letter the context gives (parts without data are skipped)."""
    para(doc, KECIL, "{{ " + var + ".huruf }}. " + judul)


def _bagian_target(doc) -> None:
    """Part 1: target, realisasi, capaian and category, with the scale printed below."""
    _judul_bagian(doc, "s.target", "Perbandingan Target dan Realisasi Tahun {{ tahun }}")
    caption(doc, 3, "Capaian Indikator Kinerja Sasaran {{ s.no }}")
    tabel(doc, KOLOM_CAPAIAN, [
        "{%tr for i in s.indikator %}",
        ["{{ i.kode }}", "{{ i.nama }}", "{{ i.target }}", "{{ i.realisasi }}", "{{ i.capaian }}",
         "{{ i.kategori }}"],
        "{%tr endfor %}",
        ("jumlah", [("Rata-rata capaian sasaran", 4), ("{{ s.capaian }}", 1), ("{{ s.kategori }}", 1)]),
    ])
    para(doc, KETERANGAN, "Kategori capaian: {{ s.target.skala }}.")
    paragraf(doc, "s.target.kalimat")


def _bagian_tahun(doc) -> None:
    """Part 2: one row per indicator and year; a sentence and a trend chart per indicator."""
    tag(doc, "{%p if s.tahun_lalu %}")
    _judul_bagian(doc, "s.tahun_lalu", "Perbandingan dengan Tahun Sebelumnya")
    caption(doc, 3, "Realisasi dan Capaian Indikator Sasaran {{ s.no }} Tahun {{ s.tahun_lalu.rentang }}")
    tabel(doc, KOLOM_TAHUN, [
        "{%tr for b in s.tahun_lalu.baris %}",
        "{%tr for n in b.nilai %}",
        ["{% vm %}{{ b.kode }}", "{% vm %}{{ b.nama }}", "{{ n.tahun }}", "{{ n.realisasi }}",
         "{{ n.capaian }}"],
        "{%tr endfor %}",
        "{%tr endfor %}",
    ])
    para(doc, KETERANGAN, "Catatan: Capaian tahun {{ s.tahun_lalu.lalu }} dihitung terhadap target "
         "tahun {{ tahun }}, sehingga perubahan capaian dari tahun ke tahun mencerminkan perubahan "
         "realisasinya.")
    tag(doc, "{%p for u in s.tahun_lalu.uraian %}")
    paragraf(doc, "u.kalimat", keep_with_next=True)  # the sentence stays with its chart
    grafik(doc, "u.grafik", 3)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def _bagian_tabel(doc, var: str, judul: str, judul_tabel: str, kolom, sel: list[str]) -> None:
    """Parts 3 and 4: a captioned table of `var`.baris, then one sentence per row."""
    tag(doc, "{%p if " + var + " %}")
    _judul_bagian(doc, var, judul)
    caption(doc, 3, judul_tabel)
    tabel(doc, kolom, ["{%tr for r in " + var + ".baris %}", ["{{ r." + n + " }}" for n in sel],
                       "{%tr endfor %}"])
    paragraf(doc, f"{var}.kalimat", space_before=SETELAH_TABEL)
    tag(doc, "{%p endif %}")


def _bagian_penjelasan(doc) -> None:
    """Part 5: always there; a missing Penjelasan is a highlighted placeholder."""
    _judul_bagian(doc, "s.penjelasan", "Analisis Penyebab Keberhasilan atau Kegagalan dan Solusinya")
    ulang(doc, "for p in s.penjelasan.paragraf", ISI, B("{{ p.label }}"), isi("p"))


def _bagian_efisiensi(doc) -> None:
    """Part 6: the sasaran's budget lines, their serapan, and the capaian beside it."""
    tag(doc, "{%p if s.efisiensi %}")
    _judul_bagian(doc, "s.efisiensi", "Efisiensi Penggunaan Anggaran")
    caption(doc, 3, "Anggaran yang Mendukung Sasaran {{ s.no }}")
    tabel(doc, KOLOM_EFISIENSI, [
        "{%tr for r in s.efisiensi.baris %}",
        ["{{ r.uraian }}", "{{ r.pagu }}", "{{ r.realisasi }}", "{{ r.serapan }}"],
        "{%tr endfor %}",
        ("jumlah", [("Jumlah", 1), ("{{ s.efisiensi.pagu }}", 1), ("{{ s.efisiensi.realisasi }}", 1),
                    ("{{ s.efisiensi.serapan }}", 1)]),
        ("jumlah", [("Capaian kinerja sasaran", 3), ("{{ s.efisiensi.capaian }}", 1)]),
        ("jumlah", [("Selisih capaian terhadap serapan (poin persen)", 3),
                    ("{{ s.efisiensi.selisih }}", 1)]),
    ])
    paragraf(doc, "s.efisiensi.kalimat", space_before=SETELAH_TABEL)
    tag(doc, "{%p endif %}")


def _bagian_program(doc) -> None:
    tag(doc, "{%p if s.program %}")
    _judul_bagian(doc, "s.program", "Program dan Kegiatan Pendukung")
    para(doc, ISI, "Capaian sasaran ini didukung oleh program dan kegiatan berikut:")
    daftar(doc, "s.program.item")
    tag(doc, "{%p endif %}")


KEGIATAN = (
    ("tahapan_pemilu", "Tahapan Pemilu yang didukung pada Tahun {{ tahun }}:"),
    ("tahapan_pemilihan", "Tahapan Pemilihan yang didukung pada Tahun {{ tahun }}:"),
    ("kegiatan", "Kegiatan yang mendukung capaian kinerja pada Tahun {{ tahun }}:"),
)


def bab_3_capaian(doc) -> None:
    para(doc, H1, "BAB III", BR, "AKUNTABILITAS KINERJA")
    para(doc, H2, "A.", TAB, "Capaian Kinerja Organisasi")
    para(doc, ISI, "Pengukuran kinerja dilakukan dengan membandingkan realisasi setiap indikator "
         "kinerja dengan target dalam Perjanjian Kinerja Tahun {{ tahun }}{% if pk.tanggal %} yang "
         "ditetapkan pada tanggal {{ pk.tanggal }}{% endif %}. {{ capaian.rumus }}")
    para(doc, ISI, "Uraian setiap sasaran strategis berikut memuat perbandingan target dan "
         "realisasi beserta kategori capaiannya, analisis penyebab keberhasilan atau kegagalan "
         "beserta solusinya, dan bagian lain sesuai dengan data yang tersedia. Setiap indikator "
         "diberi kode IK yang diikuti nomor sasaran dan nomor urut indikatornya; misalnya, IK 1.2 "
         "adalah indikator kedua Sasaran 1.")
    tag(doc, "{%p for s in capaian.sasaran %}")
    para(doc, H3, "Sasaran {{ s.no }}: {{ s.nama }}")
    _bagian_target(doc)
    _bagian_tahun(doc)
    _bagian_tabel(doc, "s.renstra", "Perbandingan dengan Target Renstra {{ periode }}",
                  "Capaian Indikator Sasaran {{ s.no }} terhadap Target Renstra {{ periode }}",
                  KOLOM_RENSTRA, ["kode", "nama", "target_renstra", "realisasi", "capaian", "status"])
    _bagian_tabel(doc, "s.standar", "Perbandingan dengan Standar Nasional",
                  "Perbandingan Indikator Sasaran {{ s.no }} dengan Standar Nasional",
                  KOLOM_STANDAR, ["kode", "nama", "realisasi", "standar", "selisih", "penilaian"])
    _bagian_penjelasan(doc)
    _bagian_efisiensi(doc)
    _bagian_program(doc)
    tag(doc, "{%p endfor %}")
    for kunci, judul in KEGIATAN:
        tag(doc, f"{{%p if capaian.kegiatan.{kunci} %}}")
        para(doc, KECIL, judul)
        daftar(doc, f"capaian.kegiatan.{kunci}")
        tag(doc, "{%p endif %}")
    para(doc, H3, "Ringkasan Capaian Sasaran Strategis")
    caption(doc, 3, "Rekapitulasi Capaian Sasaran Strategis Tahun {{ tahun }}")
    tabel(doc, [("No", 1.0, SEL_TENGAH), ("Sasaran Strategis", 5.7, SEL),
                ("Jumlah Indikator", 2.2, SEL_TENGAH), ("Capaian (%)", 2.0, SEL_ANGKA),
                ("Kategori", 3.1, SEL_TENGAH)], [
        "{%tr for r in capaian.rekap %}",
        ["{{ r.no }}", "{{ r.nama }}", "{{ r.jumlah }}", "{{ r.capaian }}", "{{ r.kategori }}"],
        "{%tr endfor %}",
        ("jumlah", [("Capaian kinerja organisasi (rata-rata)", 3), ("{{ capaian.rata_rata }}", 1),
                    ("{{ capaian.kategori }}", 1)]),
    ])
    para(doc, KETERANGAN, "Kategori capaian: {{ capaian.skala }}.")
    grafik(doc, "capaian.grafik", 3)


def bab_3_anggaran(doc) -> None:
    para(doc, H2, "B.", TAB, "Realisasi Anggaran")
    para(doc, ISI, "Pada Tahun {{ tahun }}, {{ satker }} mengelola pagu anggaran sebesar "
         "{{ anggaran.pagu }} yang bersumber dari {{ anggaran.rincian }}. Realisasi anggaran "
         "menurut sumber dana adalah sebagai berikut.")
    tag(doc, "{%p for d in anggaran.sumber %}")
    caption(doc, 3, "Realisasi Anggaran Sumber Dana {{ d.nama }}")
    # Rupiah columns hold a 13-digit amount with its dots on one line (trillions at the
    # Sekretariat Jenderal).
    tabel(doc, [("No", 1.0, SEL_TENGAH), ("Uraian", 3.5, SEL), ("Pagu (Rp)", 4.1, SEL_ANGKA),
                ("Realisasi (Rp)", 4.1, SEL_ANGKA), ("%", 1.3, SEL_ANGKA)], [
        "{%tr for r in d.baris %}",
        ["{{ r.no }}", "{{ r.uraian }}", "{{ r.pagu }}", "{{ r.realisasi }}", "{{ r.persen }}"],
        "{%tr endfor %}",
        ("jumlah", [("Jumlah", 2), ("{{ d.pagu }}", 1), ("{{ d.realisasi }}", 1), ("{{ d.persen }}", 1)]),
    ])
    tag(doc, "{%p endfor %}")
    caption(doc, 3, "Realisasi Anggaran Menurut Sumber Dana Tahun {{ tahun }}")
    tabel(doc, [("Sumber Dana", 4.3, SEL), ("Pagu (Rp)", 4.1, SEL_ANGKA),
                ("Realisasi (Rp)", 4.1, SEL_ANGKA), ("%", 1.5, SEL_ANGKA)], [
        "{%tr for r in anggaran.total.baris %}",
        ["{{ r.nama }}", "{{ r.pagu }}", "{{ r.realisasi }}", "{{ r.persen }}"],
        "{%tr endfor %}",
        ("jumlah", [("Total", 1), ("{{ anggaran.total.pagu }}", 1),
                    ("{{ anggaran.total.realisasi }}", 1), ("{{ anggaran.total.persen }}", 1)]),
    ])
    paragraf(doc, "anggaran.kalimat", space_before=SETELAH_TABEL)
    grafik(doc, "anggaran.grafik", 3)


def bab_4(doc) -> None:
    para(doc, H1, "BAB IV", BR, "PENUTUP")
    para(doc, ISI, "Laporan Kinerja ini menyajikan capaian kinerja {{ satker }} Tahun {{ tahun }}. "
         "{{ ringkasan }}")
    paragraf(doc, "penutup")
    tag(doc, "{%p if kendala %}")
    para(doc, ISI, "Kendala yang dihadapi selama Tahun {{ tahun }} antara lain:")
    daftar(doc, "kendala")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if langkah_perbaikan %}")
    para(doc, ISI, "Langkah perbaikan yang akan ditempuh antara lain:")
    daftar(doc, "langkah_perbaikan")
    tag(doc, "{%p endif %}")
    tanda_tangan(doc)


KOLOM_RKT = [("No", 1.0, SEL_TENGAH), ("Sasaran Strategis", 4.4, SEL),
             ("Indikator Kinerja", 6.4, SEL), ("Target", 2.2, SEL_ANGKA)]


def _tabel_rkt(doc, var: str) -> None:
    """Sasaran and their indicators; the sasaran cells merge down over their indicators."""
    tabel(doc, KOLOM_RKT, [
        f"{{%tr for s in {var} %}}",
        "{%tr for i in s.indikator %}",
        ["{% vm %}{{ s.no }}", "{% vm %}{{ s.nama }}", "{{ i.nama }}", "{{ i.target }}"],
        "{%tr endfor %}",
        "{%tr endfor %}",
    ])


def _pihak(doc, var: str, sebutan: str) -> None:
    """Name and position of one party of the Perjanjian Kinerja."""
    t = tabel(doc, [("", 2.5, SEL), ("", 0.5, SEL), ("", 11.0, SEL)], [
        ["Nama", ":", isi(f"{var}.nama")],
        ["Jabatan", ":", isi(f"{var}.jabatan")],
    ], style="TabelTanpaGaris", header=False)
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    para(doc, ISI, sebutan, first_line_indent=Cm(0), space_before=Cm(0.2))


def _ttd_atas(cell, var: str, sebutan: str, tanggal: bool) -> None:
    """Date (right column only), party and position: the top row of the PK signatures."""
    if tanggal:
        para(cell, TTD_SEL, isi("lampiran.pk.tempat_tanggal"))
    else:
        para(cell, TTD_SEL)
    para(cell, TTD_SEL, B(sebutan))
    tag(cell, f"{{%p for b in {var}.jabatan_baris %}}")
    para(cell, TTD_SEL, R("{{ b.petunjuk }}", True, False, "Placeholder"), B("{{ b.teks }}"))
    tag(cell, "{%p endfor %}")


def _ttd_bawah(cell, var: str) -> None:
    """Room to sign, the name and the NIP: a row of its own so both names line up."""
    for _ in range(4):
        para(cell, TTD_SEL)
    para(cell, TTD_SEL, R(f"{{{{ {var}.nama.petunjuk }}}}", True, False, "Placeholder"),
         R(f"{{{{ {var}.nama.teks }}}}", True, True))
    tag(cell, f"{{%p if {var}.nip %}}")
    para(cell, TTD_SEL, f"NIP. {{{{ {var}.nip }}}}")
    tag(cell, "{%p endif %}")


def lampiran_pk(doc) -> None:
    """The Perjanjian Kinerja: parties, promise, targets, two signatures."""
    para(doc, H2, "2.", TAB, "Perjanjian Kinerja Tahun {{ tahun }}", page_break_before=True)
    para(doc, "JudulDokumen", "PERJANJIAN KINERJA TAHUN {{ tahun }}")
    ulang(doc, "for b in sampul.instansi", "JudulDokumen", "{{ b }}")
    para(doc, ISI, "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan "
         "akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
         space_before=Cm(0.5))
    _pihak(doc, "lampiran.pk.pertama", "selanjutnya disebut Pihak Pertama;")
    _pihak(doc, "lampiran.pk.kedua", "selaku atasan Pihak Pertama, selanjutnya disebut Pihak Kedua.")
    para(doc, ISI, "Pihak Pertama berjanji mewujudkan target kinerja tahunan sebagaimana "
         "tercantum dalam tabel berikut, sebagai bagian dari pencapaian sasaran jangka menengah "
         "Rencana Strategis {{ periode }}. Keberhasilan maupun kegagalan pencapaian target "
         "tersebut menjadi tanggung jawab Pihak Pertama.")
    para(doc, ISI, "Pihak Kedua memberikan supervisi yang diperlukan, mengevaluasi capaian kinerja "
         "atas perjanjian ini, dan mengambil tindakan yang diperlukan dalam rangka pemberian "
         "penghargaan dan sanksi.")
    _tabel_rkt(doc, "pk.sasaran")
    para(doc, "Normal")  # two adjacent tables would merge into one
    t = tabel(doc, [("", 7.0, TTD_SEL), ("", 7.0, TTD_SEL)], [["", ""], ["", ""]],
              style="TabelTanpaGaris", header=False)
    atas, bawah = t.rows[0].cells, t.rows[1].cells
    _ttd_atas(atas[0], "lampiran.pk.kedua", "Pihak Kedua,", tanggal=False)
    _ttd_atas(atas[1], "lampiran.pk.pertama", "Pihak Pertama,", tanggal=True)
    _ttd_bawah(bawah[0], "lampiran.pk.kedua")
    _ttd_bawah(bawah[1], "lampiran.pk.pertama")


def lampiran(doc) -> None:
    para(doc, H1, "LAMPIRAN")
    para(doc, H2, "1.", TAB, "Rencana Kinerja Tahunan Tahun {{ tahun }}")
    _tabel_rkt(doc, "pk.sasaran")
    lampiran_pk(doc)
    para(doc, H2, "3.", TAB, "Pengukuran Kinerja Tahun {{ tahun }}", page_break_before=True)
    tabel(doc, [("No", 0.8, SEL_TENGAH), ("Sasaran Strategis", 3.4, SEL), ("Indikator Kinerja", 3.8, SEL),
                ("Target", 1.7, SEL_ANGKA), ("Realisasi", 2.1, SEL_ANGKA), ("Capaian (%)", 2.2, SEL_ANGKA)], [
        "{%tr for s in capaian.sasaran %}",
        "{%tr for i in s.indikator %}",
        ["{% vm %}{{ s.no }}", "{% vm %}{{ s.nama }}", "{{ i.nama }}", "{{ i.target }}",
         "{{ i.realisasi }}", "{{ i.capaian }}"],
        "{%tr endfor %}",
        "{%tr endfor %}",
        ("jumlah", [("Capaian kinerja organisasi (rata-rata)", 5), ("{{ capaian.rata_rata }}", 1)]),
    ])
    para(doc, ISI, "Keterangan: {{ capaian.rumus }}", first_line_indent=Cm(0), space_before=Cm(0.3))


# --- assembly ------------------------------------------------------------------------------


def buat_dokumen():
    """The whole template as a python-docx Document."""
    doc = Document()
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    atur_gaya(doc)
    atur_settings(doc)
    sampul(doc)
    doc.add_section(WD_SECTION.NEW_PAGE)
    kata_pengantar(doc)
    ikhtisar(doc)
    daftar_isi(doc)
    doc.add_section(WD_SECTION.NEW_PAGE)
    bab_1(doc)
    bab_2(doc)
    bab_3_capaian(doc)
    bab_3_anggaran(doc)
    bab_4(doc)
    lampiran(doc)
    sampul_, depan, isi_ = doc.sections
    _halaman(sampul_, None)
    _halaman(depan, "lowerRoman")
    _halaman(isi_, "decimal")
    _footer(depan)
    _footer(isi_)
    _properti(doc)
    return doc


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


def _zip_tetap(path: Path) -> None:
    """Rewrite the zip with fixed timestamps and order: same input, same bytes."""
    with zipfile.ZipFile(path) as z:
        isi_zip = [(n, z.read(n)) for n in z.namelist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, data in isi_zip:
            info = zipfile.ZipInfo(nama, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def simpan(doc, keluaran: Path) -> None:
    """Clean the package and write it with fixed bytes (also used for templates/rekap.docx)."""
    keluaran.parent.mkdir(parents=True, exist_ok=True)
    bersihkan_paket(doc)
    doc.save(str(keluaran))
    _zip_tetap(keluaran)


def main(argv: list[str] | None = None) -> int:
    keluaran = Path(argv[0]) if argv else KELUARAN
    simpan(buat_dokumen(), keluaran)
    print(f"Templat ditulis: {keluaran}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
