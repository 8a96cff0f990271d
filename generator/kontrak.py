"""The names templates/laporan.docx and the code must agree on, spelled once.

Style ids, the numbered paragraph kinds, bookmark and property prefixes, the chart name prefix,
the private-use sentinels, page geometry and the XML namespaces. The template builder
(generator.report.rakit) imports it as well as the modules that read or finish a report, and
tests/test_kontrak.py holds templates/laporan.docx to it: rename a style here and the builder,
the finishing code and the test follow. Namespaces, relationship and content types come from
python-docx (`docx.oxml.ns.nsmap`, `docx.opc.constants`) where it has them.

Nothing here imports from generator: every stage may import this module.
"""

from __future__ import annotations


from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsmap

__all__ = ["CT", "RT"]  # python-docx's relationship and content types, re-exported

# --- styles: w:styleId, not the display name (Word shows "heading 1" as "Heading 1") ---------

NORMAL = "Normal"
ISI = "IsiLaporan"
JUDUL_1, JUDUL_2, JUDUL_3 = "Heading1", "Heading2", "Heading3"
JUDUL_KECIL = "JudulKecil"
DAFTAR = "DaftarBernomor"
CAPTION = "Caption"
GAMBAR = "Gambar"
KETERANGAN = "KeteranganTabel"
TTD, TTD_SEL = "TandaTangan", "TandaTanganTabel"
SEL, SEL_ANGKA, SEL_TENGAH = "IsiTabel", "AngkaTabel", "TengahTabel"
SEL_KEPALA, SEL_JUMLAH, SEL_JUMLAH_ANGKA = "KepalaTabel", "JumlahTabel", "JumlahAngkaTabel"
JUDUL_SAMPUL, SAMPUL, ALAMAT_SAMPUL = "JudulSampul", "Sampul", "AlamatSampul"
JUDUL_DOKUMEN = "JudulDokumen"
KOTAK_GAMBAR = "KotakGambar"
KODE = "KodeTemplat"  # a paragraph that holds only a docxtpl tag such as {%p for ... %}
TOC_1, TOC_2, TOC_3 = "TOC1", "TOC2", "TOC3"
DAFTAR_GAMBAR = "TableofFigures"  # Word's "table of figures": Daftar Tabel and Daftar Grafik
FOOTER = "Footer"

PLACEHOLDER = "Placeholder"  # character style: the yellow [Tuliskan ... di sini]
HURUF_BAWAAN = "DefaultParagraphFont"

TABEL_LAPORAN = "TabelLaporan"
TABEL_TANPA_GARIS = "TabelTanpaGaris"
TABEL_BAWAAN = "TableNormal"
DAFTAR_BAWAAN = "NoList"  # Word's default list style

PARAGRAF, KARAKTER, TABEL, PENOMORAN = "paragraph", "character", "table", "numbering"  # w:type
GAYA = {
    **dict.fromkeys((
        NORMAL, ISI, JUDUL_1, JUDUL_2, JUDUL_3, JUDUL_KECIL, DAFTAR, CAPTION, GAMBAR, KETERANGAN,
        TTD, TTD_SEL, SEL, SEL_ANGKA, SEL_TENGAH, SEL_KEPALA, SEL_JUMLAH, SEL_JUMLAH_ANGKA,
        JUDUL_SAMPUL, SAMPUL, ALAMAT_SAMPUL, JUDUL_DOKUMEN, KOTAK_GAMBAR, KODE,
        TOC_1, TOC_2, TOC_3, DAFTAR_GAMBAR, FOOTER), PARAGRAF),
    **dict.fromkeys((PLACEHOLDER, HURUF_BAWAAN), KARAKTER),
    **dict.fromkeys((TABEL_LAPORAN, TABEL_TANPA_GARIS, TABEL_BAWAAN), TABEL),
    DAFTAR_BAWAAN: PENOMORAN,
}
"""Every style the template defines and the code may name, with its type."""

JUDUL = {JUDUL_1: 1, JUDUL_2: 2, JUDUL_3: 3}  # heading style -> contents-list level
GAYA_DAFTAR_ISI = {1: TOC_1, 2: TOC_2, 3: TOC_3}
DAFTAR_ISI = (TOC_1, TOC_2, TOC_3, DAFTAR_GAMBAR)  # contents-list lines: renewed whole
# ... and the same styles as LibreOffice names them when it saves a .docx
DAFTAR_ISI_LO = frozenset({g.lower() for g in DAFTAR_ISI} | {"contents1", "contents2", "contents3"})
GAYA_TETAP = (TOC_1, TOC_2, TOC_3, DAFTAR_GAMBAR, CAPTION)
"""Kept in a package though no paragraph uses them yet: lkj writes the contents lists after
rendering, and Word's Insert Caption looks for Caption."""

# --- levels: the template's `{%p if tingkat == "pusat" %}` branches -------------------------

TINGKAT = ("pusat", "provinsi", "kabkota")  # Sekretariat Jenderal, KPU Provinsi, KPU Kab/Kota

# --- numbered paragraphs (generator.writing.nomor): typed numbers that become Word numbering ---------

# style -> (typed prefix as a regular expression, Word's lvlText, suffix, left, hanging in
# twips, depth: 0 chapter, 1 section, 2 subsection, 3 part, 4 list item)
NOMOR = {
    JUDUL_1: (r"^BAB ([IVXLC]+)", "BAB %1", "nothing", 0, 0, 0),
    JUDUL_2: (r"^([A-Z]|\d{1,2})\.\t", "%1.", "tab", 425, 425, 1),
    JUDUL_3: (r"^(\d{1,2})\.\t", "%1.", "tab", 425, 425, 2),
    JUDUL_KECIL: (r"^([a-z])\. ", "%1.", "space", 0, 0, 3),
    DAFTAR: (r"^(\d{1,3}|[a-z])\.\t", "%1.", "tab", 709, 425, 4),
}

# --- captions and contents lists -----------------------------------------------------------

LABEL_TABEL, LABEL_GRAFIK = "Tabel", "Grafik"  # SEQ field names, one Daftar each
# \x keeps the line break between "BAB I" and the title when Word rebuilds the list (without
# it Word runs them together, "BAB IPENDAHULUAN"); LibreOffice ignores the switch.
TOC_ISI = 'TOC \\o "1-3" \\h \\z \\u \\x'


def toc_keterangan(label: str) -> str:
    """The TOC field instruction of the list of one caption label (`Tabel`, `Grafik`)."""
    return f'TOC \\h \\z \\c "{label}"'


# --- marks, bookmarks, properties, chart names ---------------------------------------------

TANDA = "_lkj"  # hidden bookmark of a part lkj wrote: _lkj + kind + id + fingerprint
TANDA_SEMENTARA = "_lkjTmp"  # a value's bookmark between rendering and naming
TOC_BOOKMARK = "_Toc"  # what Word and LibreOffice name contents-list targets
BOOKMARK_JUDUL = "_Toc_lkj_"  # lkj's own heading and caption bookmarks: _Toc_lkj_1, ...
PROPERTI_BAGIAN = "lkj-bagian-"  # custom properties lkj-bagian-01, ... : the ids of the parts
PROPERTI_SIDIK = "lkj-sidik"  # custom property: fingerprint of untouched output
PROPERTI_DOKUMEN = "lkj-dokumen"  # custom property: which document (generator.report.jenis code)
PROPERTI_TRIWULAN = "lkj-triwulan"  # custom property: the quarter of a quarterly report, 1..4
GRAFIK = "lkj-grafik:"  # wp:docPr name of a chart: lkj-grafik:<Grafik.nama>

# --- private-use sentinels -----------------------------------------------------------------

# generator.marks.tanda wraps each printed context value in MULAI id PISAH value AKHIR while rendering.
MULAI, PISAH, AKHIR = "\ue003", "\ue004", "\ue005"
# generator.writing.render encodes braces (and the sentinels) of values with ESC + a code while
# rendering, so the leftover-tag check sees only the template's own tags and typed text cannot
# fake a mark; the text is decoded before saving.
ESC = "\ue000"
KODE_NILAI = {ESC: ESC + ESC, "{": ESC + "\ue001", "}": ESC + "\ue002",
              MULAI: ESC + "\ue006", PISAH: ESC + "\ue007", AKHIR: ESC + "\ue008"}

# --- page geometry (twips unless named otherwise) ------------------------------------------

KERTAS = {"A4": (11906, 16838), "F4": (12189, 18709)}  # 210x297 mm, 215x330 mm
MARGIN = {"top": 1701, "right": 1701, "bottom": 1701, "left": 2268, "header": 851, "footer": 851}
LEBAR_TEKS = KERTAS["A4"][0] - MARGIN["left"] - MARGIN["right"]  # 7937: 21 - 4 - 3 = 14 cm
TINGGI_TEKS = KERTAS["A4"][1] - MARGIN["top"] - MARGIN["bottom"]  # 13436: 297 - 60 mm
# A landscape page (the Rencana Aksi's wide table): 29,7 - 4 - 3 = 22,7 cm of text
LEBAR_TEKS_LANSKAP = KERTAS["A4"][1] - MARGIN["left"] - MARGIN["right"]  # 12869
EMU_CM = 360000
LEBAR_GRAFIK_CM = 14  # charts fill the A4 text width

# --- namespaces, relationship and content types --------------------------------------------

NS = {
    **nsmap,
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "op": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
}
# Mac Office 2008 namespaces python-docx's default template declares; current Word writes none.
NS_MAC = ("http://schemas.microsoft.com/office/mac/office/2008/main", "urn:schemas-microsoft-com:mac:vml")
RT_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
RT_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
# Relationship types python-docx has no constant for (fields and links that reach outside)
RT_ATTACHED_TEMPLATE = f"{NS['r']}/attachedTemplate"
RT_FRAME = f"{NS['r']}/frame"
RT_SUBDOCUMENT = f"{NS['r']}/subDocument"

# CT_Settings' children after w:updateFields, in schema order: where lkj puts updateFields (the
# template builder, and perbarui when an editor dropped it).
SETELAH_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator",
)
