"""Write a chart specification (generator.writing.charts.Grafik) as a native Word chart in a document.

A chart is a DrawingML chart part (`/word/charts/chartN.xml`) with cached values, so Word and
LibreOffice draw it without recalculating, and an embedded workbook (`/word/embeddings/`) with
the same figures, so Word's "Edit Data" opens them. The run placed in the text is an inline
`w:drawing` whose `wp:docPr` carries the alternative text and the chart's stable name.

Public API:
- `tambah_grafik(part, grafik, lebar_emu) -> str`: add the chart and its workbook to `part`
  (a python-docx part) and return the `<w:drawing>` XML of the inline chart.
- `buku_kerja(grafik) -> bytes`: the embedded .xlsx (sheet `Data`: categories in column A,
  one column per series, values as numbers).
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from html import escape as _html_escape

from docx.opc.part import Part

from generator.writing.charts import ARSIR, BATANG, GARIS, Grafik, Seri
from generator.kontrak import CT, EMU_CM, GRAFIK, NS, RT, RT_WORKSHEET
from generator.files.nama_part import partname_baru, relasi_baru


# xml.sax.saxutils would do, but it imports urllib.request (about 20 ms on every start).
def escape(text: str) -> str:
    """Text content for XML: &, < and > escaped."""
    return _html_escape(text, quote=False)


def quoteattr(text: str) -> str:
    """An XML attribute value with its double quotes."""
    return f'"{_html_escape(text, quote=True)}"'


XMLNS = " ".join(f'xmlns:{p}="{NS[p]}"' for p in ("c", "a", "r"))
SHEET = "Data"
HURUF = "Arial"
AX_KATEGORI, AX_NILAI = "500100001", "500100002"


# --- embedded workbook -----------------------------------------------------------------------


def _kolom(i: int) -> str:
    """Column letter of series i (0 -> B)."""
    n, huruf = i + 2, ""
    while n:
        n, sisa = divmod(n - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return huruf


_XLSX_TETAP = {
    "[Content_Types].xml": (
        f'<Types xmlns="{NS["ct"]}"><Default Extension="rels" ContentType="{CT.OPC_RELATIONSHIPS}"/>'
        f'<Default Extension="xml" ContentType="{CT.XML}"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{CT.SML_SHEET_MAIN}"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{CT.SML_WORKSHEET}"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{CT.SML_STYLES}"/></Types>'),
    "_rels/.rels": (
        f'<Relationships xmlns="{NS["pr"]}"><Relationship Id="rId1" '
        f'Type="{RT.OFFICE_DOCUMENT}" Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (
        f'<workbook xmlns="{NS["x"]}" xmlns:r="{NS["r"]}">'
        f'<sheets><sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{NS["pr"]}"><Relationship Id="rId1" Type="{RT_WORKSHEET}" '
        f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{RT.STYLES}" '
        'Target="styles.xml"/></Relationships>'),
}
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _styles_xlsx(format_angka: str) -> str:
    """Style 0 plain, style 1 the chart's number format (custom id 164)."""
    return (
        f'<styleSheet xmlns="{NS["x"]}">'
        f'<numFmts count="1"><numFmt numFmtId="164" formatCode={quoteattr(format_angka)}/>'
        '</numFmts><fonts count="1"><font><sz val="11"/><name val="Arial"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill '
        'patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/>'
        '<top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" '
        'fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" '
        'fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" '
        'borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1">'
        '<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def _sel(ref: str, nilai) -> str:
    """A cell: text inline, a year as a plain number (General), a figure in the chart's format."""
    if nilai is None:
        return ""
    if isinstance(nilai, str):
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(nilai)}</t></is></c>'
    if isinstance(nilai, int):
        return f'<c r="{ref}"><v>{nilai}</v></c>'
    return f'<c r="{ref}" s="1"><v>{format(nilai, "f")}</v></c>'


def _sheet_xlsx(grafik: Grafik) -> str:
    baris = [[grafik.kolom_kategori, *(s.nama for s in grafik.seri)]]
    baris += [[k, *(s.nilai[i] for s in grafik.seri)] for i, k in enumerate(grafik.kategori)]
    lebar = [max(12, *(len(str(k)) + 2 for k in grafik.kategori))] + \
        [max(12, len(s.nama) + 2) for s in grafik.seri]
    kolom = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                    for i, w in enumerate(lebar, start=1))
    isi = "".join(
        f'<row r="{r}">' + "".join(_sel(f"{'A' if c == 0 else _kolom(c - 1)}{r}", v)
                                   for c, v in enumerate(nilai)) + "</row>"
        for r, nilai in enumerate(baris, start=1))
    return (f'<worksheet xmlns="{NS["x"]}">'
            f'<cols>{kolom}</cols><sheetData>{isi}</sheetData></worksheet>')


def buku_kerja(grafik: Grafik) -> bytes:
    """The chart's figures as an .xlsx: header row, one row per category, numbers formatted.

    Written directly (a handful of fixed parts), which is deterministic and much faster than
    building it through openpyxl; openpyxl, Excel and LibreOffice read it.
    """
    buffer = io.BytesIO()
    bagian = {**_XLSX_TETAP, "xl/styles.xml": _styles_xlsx(grafik.format_angka),
              "xl/worksheets/sheet1.xml": _sheet_xlsx(grafik)}
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, xml in bagian.items():
            info = zipfile.ZipInfo(nama, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, _XML + xml)
    return buffer.getvalue()


# --- chart XML -------------------------------------------------------------------------------


def _teks(ukuran: int = 900, tebal: bool = False) -> str:
    b = ' b="1"' if tebal else ""
    return (f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{ukuran}"{b}>'
            f'<a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
            f'<a:latin typeface="{HURUF}"/><a:cs typeface="{HURUF}"/></a:defRPr></a:pPr>'
            f'<a:endParaRPr lang="id-ID"/></a:p></c:txPr>')


def _judul_sumbu(teks: str, putar: bool = False) -> str:
    if not teks:
        return ""
    rot = ' rot="-5400000" vert="horz"' if putar else ""
    return (f'<c:title><c:tx><c:rich><a:bodyPr{rot}/><a:lstStyle/><a:p><a:pPr>'
            f'<a:defRPr sz="900" b="0"><a:latin typeface="{HURUF}"/></a:defRPr></a:pPr>'
            f'<a:r><a:rPr lang="id-ID" sz="900" b="0"><a:latin typeface="{HURUF}"/></a:rPr>'
            f'<a:t>{escape(teks)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/>'
            f'</c:title>')


def _garis_tepi(warna: str = "000000", lebar: int = 6350) -> str:
    return f'<a:ln w="{lebar}"><a:solidFill><a:srgbClr val="{warna}"/></a:solidFill></a:ln>'


def _isi(warna: str, arsir: bool = False) -> str:
    if arsir:
        return (f'<a:pattFill prst="{ARSIR}"><a:fgClr><a:srgbClr val="000000"/></a:fgClr>'
                f'<a:bgClr><a:srgbClr val="FFFFFF"/></a:bgClr></a:pattFill>')
    return f'<a:solidFill><a:srgbClr val="{warna}"/></a:solidFill>'


def _str_cache(ref: str, teks: tuple[str, ...]) -> str:
    pts = "".join(f'<c:pt idx="{i}"><c:v>{escape(t)}</c:v></c:pt>' for i, t in enumerate(teks))
    return (f"<c:strRef><c:f>{ref}</c:f><c:strCache><c:ptCount val=\"{len(teks)}\"/>{pts}"
            f"</c:strCache></c:strRef>")


def _kategori(grafik: Grafik) -> str:
    """The categories' reference and cache: numbers for years (so Excel's Edit Data shows no
    number-stored-as-text warning), texts otherwise."""
    ref = f"{SHEET}!$A$2:$A${len(grafik.kategori) + 1}"
    if all(isinstance(k, int) for k in grafik.kategori):
        return _num_cache(ref, grafik.kategori, "General")
    return _str_cache(ref, grafik.kategori)


def _num_cache(ref: str, nilai: tuple, format_angka: str) -> str:
    pts = "".join(f'<c:pt idx="{i}"><c:v>{v if isinstance(v, int) else format(v, "f")}</c:v></c:pt>'
                  for i, v in enumerate(nilai) if v is not None)
    return (f"<c:numRef><c:f>{ref}</c:f><c:numCache><c:formatCode>{escape(format_angka)}"
            f"</c:formatCode><c:ptCount val=\"{len(nilai)}\"/>{pts}</c:numCache></c:numRef>")


_TAMPIL_NILAI = ('<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>'
                 '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>')
# How far below a line a column's top may be for its label above the column to meet the line:
# the label is about a tenth of the axis high (plot about 4,5 cm, label 8 pt and its margin).
DEKAT_GARIS = Decimal("0.12")


def di_bawah_garis(grafik: Grafik, seri: Seri) -> list[int]:
    """The columns whose label, above the column, would sit on a line series (a target): the
    top is just below the line. Their labels go inside the column's top instead."""
    garis = [s.nilai for s in grafik.seri if s.jenis == GARIS]
    semua = [v for s in grafik.seri for v in s.nilai if v is not None]
    if not garis or not semua:
        return []
    dekat = max(semua) * DEKAT_GARIS
    return [i for i, v in enumerate(seri.nilai) if v is not None
            and any(g[i] is not None and g[i] - dekat < v < g[i] for g in garis)]


def _label_nilai(grafik: Grafik, seri: Seri, posisi: str) -> str:
    if not seri.label:
        return ('<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/>'
                '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>'
                '</c:dLbls>')
    # A white box keeps a label readable inside a grey or hatched column.
    tampil = (f'<c:numFmt formatCode={quoteattr(grafik.format_angka)} sourceLinked="0"/>'
              f'<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/>'
              f'</a:ln></c:spPr>{_teks(800)}')
    dalam = "".join(f'<c:dLbl><c:idx val="{i}"/>{tampil}<c:dLblPos val="inEnd"/>{_TAMPIL_NILAI}'
                    f'</c:dLbl>' for i in (di_bawah_garis(grafik, seri) if posisi == "outEnd" else ()))
    return f'<c:dLbls>{dalam}{tampil}<c:dLblPos val="{posisi}"/>{_TAMPIL_NILAI}</c:dLbls>'


def _seri(grafik: Grafik, i: int, seri: Seri) -> str:
    """One c:ser: name, look, points drawn hatched, labels, categories and values."""
    n = len(grafik.kategori)
    kolom = _kolom(i)
    kepala = (f'<c:idx val="{i}"/><c:order val="{i}"/>'
              f'<c:tx>{_str_cache(f"{SHEET}!${kolom}$1", (seri.nama,))}</c:tx>')
    data = (f'<c:cat>{_kategori(grafik)}</c:cat>'
            f'<c:val>{_num_cache(f"{SHEET}!${kolom}$2:${kolom}${n + 1}", seri.nilai, grafik.format_angka)}'
            f'</c:val>')
    if seri.jenis == GARIS:
        garis = ('<c:spPr><a:ln w="19050" cap="flat"><a:solidFill><a:srgbClr val="000000"/>'
                 '</a:solidFill><a:prstDash val="dash"/></a:ln></c:spPr>')
        return (f"<c:ser>{kepala}{garis}<c:marker><c:symbol val=\"none\"/></c:marker>"
                f"{_label_nilai(grafik, seri, 't')}{data}<c:smooth val=\"0\"/></c:ser>")
    tampil = f"<c:spPr>{_isi(seri.warna, seri.pola)}{_garis_tepi()}</c:spPr>"
    titik = "".join(f'<c:dPt><c:idx val="{p}"/><c:invertIfNegative val="0"/>'
                    f'<c:bubble3D val="0"/><c:spPr>{_isi(seri.warna, True)}{_garis_tepi()}'
                    f'</c:spPr></c:dPt>' for p in seri.arsir)
    return (f'<c:ser>{kepala}{tampil}<c:invertIfNegative val="0"/>{titik}'
            f"{_label_nilai(grafik, seri, 'outEnd')}{data}</c:ser>")


def _batas_bawah(grafik: Grafik) -> str:
    """Columns start at 0 (an automatic minimum of 84 would exaggerate differences)."""
    nilai = [v for s in grafik.seri for v in s.nilai if v is not None]
    return '<c:min val="0"/>' if all(v >= 0 for v in nilai) else ""


def _sumbu(grafik: Grafik) -> str:
    kategori = (f'<c:catAx><c:axId val="{AX_KATEGORI}"/><c:scaling><c:orientation val="minMax"/>'
                f'</c:scaling><c:delete val="0"/><c:axPos val="b"/>'
                f'{_judul_sumbu(grafik.sumbu_kategori)}'
                f'<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>'
                f'<c:minorTickMark val="none"/><c:tickLblPos val="low"/>'
                f'<c:spPr>{_garis_tepi()}</c:spPr>{_teks(800)}'
                f'<c:crossAx val="{AX_NILAI}"/><c:crosses val="autoZero"/><c:auto val="1"/>'
                f'<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>'
                f'</c:catAx>')
    nilai = (f'<c:valAx><c:axId val="{AX_NILAI}"/><c:scaling><c:orientation val="minMax"/>'
             f'{_batas_bawah(grafik)}</c:scaling><c:delete val="0"/><c:axPos val="l"/>'
             f'<c:majorGridlines><c:spPr>{_garis_tepi("D9D9D9")}</c:spPr></c:majorGridlines>'
             f'{_judul_sumbu(grafik.sumbu_nilai, putar=True)}'
             f'<c:numFmt formatCode={quoteattr(grafik.format_sumbu)} '
             'sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>'
             f'<c:tickLblPos val="nextTo"/><c:spPr>{_garis_tepi()}</c:spPr>{_teks(800)}'
             f'<c:crossAx val="{AX_KATEGORI}"/><c:crosses val="autoZero"/>'
             f'<c:crossBetween val="between"/></c:valAx>')
    return kategori + nilai


def chart_xml(grafik: Grafik, rid_data: str) -> str:
    """The chartSpace: columns (clustered) plus lines on the same axes, legend below."""
    seri = list(enumerate(grafik.seri))
    sumbu = f'<c:axId val="{AX_KATEGORI}"/><c:axId val="{AX_NILAI}"/>'
    batang = "".join(_seri(grafik, i, s) for i, s in seri if s.jenis == BATANG)
    garis = "".join(_seri(grafik, i, s) for i, s in seri if s.jenis == GARIS)
    # One series with data (plus legend keys): overlap fully, so keys take no room.
    berisi = [s for s in grafik.seri if s.jenis == BATANG and any(v is not None for v in s.nilai)]
    tumpang = 100 if len(berisi) <= 1 else -5
    plot = ""
    if batang:
        plot += (f'<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>'
                 f'<c:varyColors val="0"/>{batang}<c:gapWidth val="60"/>'
                 f'<c:overlap val="{tumpang}"/>{sumbu}</c:barChart>')
    if garis:
        plot += (f'<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{garis}'
                 f'<c:marker val="1"/>{sumbu}</c:lineChart>')
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace {XMLNS}>'
        '<c:date1904 val="0"/><c:lang val="id-ID"/><c:roundedCorners val="0"/>'
        '<c:chart><c:autoTitleDeleted val="1"/>'
        f'<c:plotArea><c:layout/>{plot}{_sumbu(grafik)}<c:spPr><a:noFill/><a:ln><a:noFill/>'
        '</a:ln></c:spPr></c:plotArea>'
        f'<c:legend><c:legendPos val="b"/><c:overlay val="0"/>{_teks(900)}</c:legend>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f'<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        f'</c:spPr>{_teks(900)}'
        f'<c:externalData r:id="{rid_data}"><c:autoUpdate val="0"/></c:externalData>'
        '</c:chartSpace>'
    )


# --- into the document -----------------------------------------------------------------------


def _inline(grafik: Grafik, rid: str, lebar_emu: int, alt: str) -> str:
    tinggi = round(grafik.tinggi_cm * EMU_CM)
    return (
        f'<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="{NS["wp"]}">'
        f'<wp:extent cx="{lebar_emu}" cy="{tinggi}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="1" name={quoteattr(GRAFIK + grafik.nama)} descr={quoteattr(alt)}/>'
        '<wp:cNvGraphicFramePr/>'
        f'<a:graphic xmlns:a="{NS["a"]}"><a:graphicData uri="{NS["c"]}">'
        f'<c:chart xmlns:c="{NS["c"]}" xmlns:r="{NS["r"]}" r:id="{rid}"/>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing>'
    )


def tambah_grafik(part, grafik: Grafik, lebar_emu: int, alt: str | None = None) -> str:
    """Add the chart part and its workbook to `part`; return the inline `<w:drawing>` XML.

    `alt` overrides the alternative text (render.py passes it brace-encoded).
    """
    package = part.package
    xlsx = Part(partname_baru(package, "/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx"),
                CT.SML_SHEET, buku_kerja(grafik), package)
    chart = Part(partname_baru(package, "/word/charts/chart%d.xml"), CT.DML_CHART, b"", package)
    rid_data = relasi_baru(chart, xlsx, RT.PACKAGE)
    chart._blob = chart_xml(grafik, rid_data).encode("utf-8")
    rid = relasi_baru(part, chart, RT.CHART)
    return _inline(grafik, rid, lebar_emu, grafik.alt if alt is None else alt)

