"""The template's styles: document defaults, every paragraph style, the table and character styles.

Every look of the report comes from a named style (ids in generator.kontrak), so a person
changes one style in Word and the whole report follows. Paragraph styles go through
python-docx's style API; table borders and shading and a character style's shading have no
API and are written as XML.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips

from generator import kontrak as k
from generator.report.rakit.teks import W

ABU_ABU = "D9D9D9"


@dataclass(frozen=True)
class Gaya:
    """One paragraph style: sizes in half-points, spacing and indents in twips, line in 240ths."""

    sid: str
    name: str
    based: str | None = k.NORMAL
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
_TOC = ("toc", k.LEBAR_TEKS)
_SEL = {"size": 22, "before": 40, "after": 40}
GAYA_PARAGRAF = (
    Gaya(k.NORMAL, "Normal", None),
    Gaya(k.ISI, "Isi Laporan", jc="both", after=120, line=360, first=709, nxt=k.ISI),
    Gaya(k.JUDUL_1, "heading 1", **{**_HEADING, "size": 28}, jc="center", after=480,
         page_break=True, outline=0, nxt=k.ISI),
    Gaya(k.JUDUL_2, "heading 2", **{**_HEADING, "before": 240}, after=120, left=425, hanging=425,
         outline=1, nxt=k.ISI),
    Gaya(k.JUDUL_3, "heading 3", **{**_HEADING, "before": 120}, after=60, left=425, hanging=425,
         outline=2, nxt=k.ISI),
    Gaya(k.JUDUL_KECIL, "Judul Kecil", bold=True, before=120, after=60, line=360, keep=True,
         keep_lines=True, nxt=k.ISI),
    Gaya(k.DAFTAR, "Daftar Bernomor", jc="both", after=60, line=360, left=709, hanging=425,
         tab=("left", 709), nxt=k.DAFTAR),
    Gaya(k.CAPTION, "caption", size=22, bold=True, jc="center", before=240, after=120, keep=True,
         ui=35),
    Gaya(k.GAMBAR, "Gambar", jc="center", after=240),
    Gaya(k.KETERANGAN, "Keterangan Tabel", size=20, jc="both", before=60, after=120),
    Gaya(k.TTD, "Tanda Tangan", jc="center", left=3402, keep=True),
    Gaya(k.TTD_SEL, "Tanda Tangan Tabel", size=22, jc="center"),
    Gaya(k.SEL, "Isi Tabel", **_SEL),
    Gaya(k.SEL_ANGKA, "Angka Tabel", k.SEL, jc="right", **_SEL),
    Gaya(k.SEL_TENGAH, "Tengah Tabel", k.SEL, jc="center", **_SEL),
    Gaya(k.SEL_KEPALA, "Kepala Tabel", k.SEL, bold=True, jc="center", keep=True, **_SEL),
    Gaya(k.SEL_JUMLAH, "Jumlah Tabel", k.SEL, bold=True, **_SEL),
    Gaya(k.SEL_JUMLAH_ANGKA, "Jumlah Angka Tabel", k.SEL, bold=True, jc="right", **_SEL),
    Gaya(k.JUDUL_SAMPUL, "Judul Sampul", size=36, bold=True, jc="center", after=120),
    Gaya(k.SAMPUL, "Sampul", size=28, bold=True, jc="center", after=60),
    Gaya(k.ALAMAT_SAMPUL, "Alamat Sampul", size=22, jc="center", before=60),
    Gaya(k.JUDUL_DOKUMEN, "Judul Dokumen", bold=True, jc="center", line=360, keep=True),
    Gaya(k.KOTAK_GAMBAR, "Kotak Gambar", size=22, jc="center", before=240, after=240, left=1418,
         right=1418, kotak=True),
    Gaya(k.KODE, "Kode Templat", size=16, color="7F7F7F"),
    Gaya(k.TOC_1, "toc 1", bold=True, before=120, line=264, tab=_TOC, nxt=k.NORMAL, ui=39),
    Gaya(k.TOC_2, "toc 2", line=264, left=425, tab=_TOC, nxt=k.NORMAL, ui=39),
    Gaya(k.TOC_3, "toc 3", line=264, left=851, tab=_TOC, nxt=k.NORMAL, ui=39),
    Gaya(k.DAFTAR_GAMBAR, "table of figures", after=60, line=276, left=1134, hanging=1134,
         tab=_TOC, nxt=k.NORMAL, ui=99),
    Gaya(k.FOOTER, "footer", size=22, jc="center"),
)
_JC = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
       "right": WD_ALIGN_PARAGRAPH.RIGHT, "both": WD_ALIGN_PARAGRAPH.JUSTIFY}
DOC_DEFAULTS = (
    f"<w:docDefaults {W}><w:rPrDefault><w:rPr>"
    '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>'
    '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="id-ID" w:eastAsia="en-US" w:bidi="ar-SA"/>'
    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
)


def _style(kind: str, sid: str, name: str, based: str | None, body: str) -> str:
    """A complete w:style element as XML text (table and character styles only)."""
    based_xml = f'<w:basedOn w:val="{based}"/>' if based else ""
    return (f'<w:style {W} w:type="{kind}" w:styleId="{sid}"><w:name w:val="{name}"/>'
            f"{based_xml}<w:qFormat/>{body}</w:style>")


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
    # Word gives a paragraph without a style Normal's look only when Normal is the default.
    by_id[k.NORMAL].element.set(qn("w:default"), "1")
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
    rapat = '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    return [
        _style("table", k.TABEL_LAPORAN, "Tabel Laporan", k.TABEL_BAWAAN,
               f"{rapat}<w:tblPr><w:tblBorders>{garis}</w:tblBorders>{mar}</w:tblPr>{kepala}"),
        _style("table", k.TABEL_TANPA_GARIS, "Tabel Tanpa Garis", k.TABEL_BAWAAN,
               f"{rapat}<w:tblPr>{mar}</w:tblPr>"),
    ]


def _char_styles() -> list[str]:
    """Placeholder: yellow background for the bracketed instructions staff replace in Word.

    Yellow shading, not w:highlight: the schema allows no highlight in a style (Word's style
    dialog offers shading for the same look).
    """
    rpr = '<w:rPr><w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/></w:rPr>'
    return [_style("character", k.PLACEHOLDER, "Placeholder", k.HURUF_BAWAAN, rpr)]


def atur_gaya(doc) -> None:
    """Replace docDefaults and install the report's styles (black Arial, no theme colours)."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    defaults.getparent().replace(defaults, parse_xml(DOC_DEFAULTS))
    _gaya_paragraf(doc.styles)
    for xml in _table_styles() + _char_styles():
        baru = parse_xml(xml)
        lama = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{baru.get(qn('w:styleId'))}']")
        if lama is not None:
            styles.replace(lama, baru)
        else:
            styles.append(baru)
