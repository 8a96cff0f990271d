"""The report as current Word writes it: native charts carrying their figures, complex fields
other readers understand, and a package without python-docx's leftovers."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from lxml import etree
from openpyxl import load_workbook

from doctools import ROOT, pandoc
from generator.writing.charts import nama_tren, nilai_grafik, skala_rupiah
from generator.kontrak import GAYA_TETAP
from generator.pipeline import build

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}
RT_PACKAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    mulai = datetime.now(timezone.utc).replace(microsecond=0)
    hasil = build(ROOT / "input" / "contoh.xlsx", tmp_path_factory.mktemp("kemasan") / "l.docx")
    return hasil, mulai


@pytest.fixture(scope="module")
def paket(built):
    with zipfile.ZipFile(built[0].path) as z:
        return {n: z.read(n) for n in z.namelist()}


def xml(paket, nama):
    return etree.fromstring(paket[nama])


def _rels(paket, part: str) -> dict[str, str]:
    folder, nama = part.rsplit("/", 1)
    rels = xml(paket, f"{folder}/_rels/{nama}.rels")
    return {r.get("Id"): (r.get("Target"), r.get("Type")) for r in rels.findall("rel:Relationship", NS)}


def _grafik(paket) -> dict[str, tuple[etree._Element, list[tuple]]]:
    """Each chart in the document by its name: (chart XML, rows of its embedded workbook)."""
    doc = xml(paket, "word/document.xml")
    rels = _rels(paket, "word/document.xml")
    hasil = {}
    for inline in doc.iter(f"{{{NS['wp']}}}inline"):
        nama = inline.find("wp:docPr", NS).get("name")
        chart_ref = inline.find(".//c:chart", NS)
        if chart_ref is None:
            continue
        target = "word/" + rels[chart_ref.get(f"{{{NS['r']}}}id")][0]
        chart = xml(paket, target)
        rid = chart.find("c:externalData", NS).get(f"{{{NS['r']}}}id")
        sasaran, jenis = _rels(paket, target)[rid]
        assert jenis == RT_PACKAGE
        xlsx = paket["word/" + sasaran.replace("../", "")]
        ws = load_workbook(io.BytesIO(xlsx))["Data"]
        hasil[nama] = (chart, [tuple(r) for r in ws.iter_rows(values_only=True)])
    return hasil


def _sama(nilai, angka: Decimal | None) -> bool:
    if angka is None:
        return nilai is None
    return nilai is not None and abs(Decimal(str(nilai)) - angka) < Decimal("1e-9")


def _cache(chart, i: int) -> list[str | None]:
    ser = chart.findall(".//c:ser", NS)[i]
    cache = ser.find("c:val/c:numRef/c:numCache", NS)
    n = int(cache.find("c:ptCount", NS).get("val"))
    pts = {int(p.get("idx")): p.findtext("c:v", namespaces=NS) for p in cache.iter(f"{{{NS['c']}}}pt")}
    return [pts.get(k) for k in range(n)]


# --- native charts ---------------------------------------------------------------------------


def test_sample_report_has_native_charts_with_their_figures(built, paket):
    hasil = built[0].checked.hasil
    data = built[0].checked.loaded.data
    grafik = _grafik(paket)
    assert len(grafik) >= 5
    assert not [n for n in paket if n.startswith("word/media/")]  # no chart pictures left

    chart, rows = grafik["lkj-grafik:capaian"]
    berkode = list(hasil.berkode())
    assert [r[0] for r in rows[1:]] == [kode for kode, _ in berkode]
    for row, (_, hi) in zip(rows[1:], berkode, strict=True):
        assert _sama(row[1], nilai_grafik(hi.capaian, 2)) and row[2] == 100
    assert [Decimal(v) for v in _cache(chart, 0)] == [nilai_grafik(hi.capaian, 2) for _, hi in berkode]

    chart, rows = grafik["lkj-grafik:anggaran"]
    sumber = [(s.nama, s.jumlah) for s in hasil.anggaran.sumber] + [("Jumlah", hasil.anggaran.total)]
    pembagi, satuan = skala_rupiah(hasil.anggaran.total.pagu)
    assert rows[0] == ("Sumber dana", f"Pagu ({satuan})", f"Realisasi ({satuan})")
    for row, (nama, r) in zip(rows[1:], sumber, strict=True):
        assert row[0] == nama
        assert _sama(row[1], r.pagu / pembagi) and _sama(row[2], r.realisasi / pembagi)

    tren = 0
    for kode, hi in berkode:
        if not hi.indikator.realisasi_lalu:
            continue
        tren += 1
        chart, rows = grafik[f"lkj-grafik:{nama_tren(hi.indikator, kode)}"]
        titik = [*hi.indikator.realisasi_lalu, (data.identitas.tahun, hi.indikator.realisasi)]
        assert [r[0] for r in rows[1:]] == [t for t, _ in titik]
        for row, (_, v) in zip(rows[1:], titik, strict=True):
            assert _sama(row[1], v) and _sama(row[2], hi.indikator.target)
    assert tren >= 3


def test_charts_carry_alt_text_and_indonesian_format(paket):
    doc = xml(paket, "word/document.xml")
    for doc_pr in doc.iter(f"{{{NS['wp']}}}docPr"):
        if doc_pr.get("name", "").startswith("lkj-grafik:"):
            assert doc_pr.get("descr", "").startswith("Grafik kolom ")
    for chart, _ in _grafik(paket).values():
        assert chart.find("c:lang", NS).get("val") == "id-ID"
        formats = {f.get("formatCode") for f in chart.iter(f"{{{NS['c']}}}numFmt")} - {"General"}
        assert formats and all(f.startswith("[$-421]") for f in formats)
        # no 103.0533333333333333333333333: at most 4 places, 9 for rupiah in miliar
        angka = [v.text for v in chart.iter(f"{{{NS['c']}}}v") if re.fullmatch(r"[\d.]+", v.text)]
        assert angka and max(len(v.partition(".")[2]) for v in angka) <= 9


# --- fields read by other tools ---------------------------------------------------------------


def test_fields_are_complex_with_cached_results(paket):
    for nama in ("word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        root = xml(paket, nama)
        assert not list(root.iter(f"{{{NS['w']}}}fldSimple")), nama
    footer = xml(paket, "word/footer1.xml")
    assert [t.text.strip() for t in footer.iter(f"{{{NS['w']}}}instrText")] == ["PAGE"]


def test_pandoc_reads_caption_numbers(built):
    out = subprocess.run([pandoc(), str(built[0].path), "-t", "plain", "--wrap=none"],
                         capture_output=True, text=True, check=True, timeout=120).stdout
    assert re.search(r"^Tabel 1\.1 Pegawai Menurut Tingkat Pendidikan", out, re.M)
    assert re.search(r"^Tabel 3\.1 Capaian Indikator Kinerja Sasaran 1$", out, re.M)
    assert re.search(r"^Grafik 3\.1 Perkembangan Realisasi IK 1\.1 Tahun 2022–2024$", out, re.M)
    assert "Grafik 3.7 Pagu dan Realisasi Anggaran" in out


# --- the package -----------------------------------------------------------------------------


def test_package_has_no_leftovers(paket):
    assert not [n for n in paket if "thumbnail" in n or "stylesWithEffects" in n
                or n.startswith("customXml/")]
    settings = xml(paket, "word/settings.xml")
    w = f"{{{NS['w']}}}"
    mode = [c.get(f"{w}val") for c in settings.iter(f"{w}compatSetting")
            if c.get(f"{w}name") == "compatibilityMode"]
    assert mode == ["15"]
    assert settings.find("w:proofState", NS) is None
    assert settings.find("w:rsids", NS) is None
    assert settings.find("w:decimalSymbol", NS).get(f"{w}val") == ","
    assert settings.find("w:listSeparator", NS).get(f"{w}val") == ";"
    assert dict(settings.find("w:themeFontLang", NS).attrib) == {f"{w}val": "id-ID"}
    assert settings.find("w:doNotAutoCompressPictures", NS) is None  # photos get compressed
    assert settings.find("w:compat/w:useFELayout", NS) is None


def test_package_is_a_current_word_base(paket):
    """Normal is the default paragraph style, the theme is Office 2013's (with Arial), no Mac
    Office 2008 namespaces, no Word 2010 latent styles; every list has its own w:nsid."""
    w = f"{{{NS['w']}}}"
    styles = xml(paket, "word/styles.xml")
    normal = styles.find("w:style[@w:styleId='Normal']", NS)
    assert normal.get(f"{w}type") == "paragraph" and normal.get(f"{w}default") == "1"
    assert styles.find("w:latentStyles", NS) is None
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    tema = xml(paket, "word/theme/theme1.xml")
    assert tema.find(f"{a}themeElements/{a}clrScheme/{a}dk2/{a}srgbClr").get("val") == "44546A"
    assert {f.get("typeface") for f in tema.iter(f"{a}latin")} == {"Arial"}
    mac = [n for n, data in paket.items() if b"schemas.microsoft.com/office/mac" in data
           or b"urn:schemas-microsoft-com:mac:vml" in data]
    assert mac == []
    nsid = [n.get(f"{w}val") for n in xml(paket, "word/numbering.xml").iter(f"{w}nsid")]
    abstrak = xml(paket, "word/numbering.xml").findall("w:abstractNum", NS)
    assert len(nsid) == len(abstrak) == len(set(nsid)) > 3
    assert all(re.fullmatch(r"[0-9A-F]{8}", n) for n in nsid)


def test_properties_are_honest(built, paket):
    _, mulai = built
    core = xml(paket, "docProps/core.xml")
    assert core.findtext("dc:language", namespaces=NS) == "id-ID"
    assert core.find("cp:lastPrinted", NS) is None
    created = datetime.fromisoformat(core.findtext("dcterms:created", namespaces=NS)
                                     .replace("Z", "+00:00"))
    assert timedelta(0) <= created - mulai < timedelta(minutes=5)
    app = xml(paket, "docProps/app.xml")
    assert app.findtext("ep:Application", namespaces=NS) == "lkj"
    for bohong in ("Pages", "Words", "Characters", "Lines", "Paragraphs", "Template",
                   "TotalTime", "AppVersion"):
        assert app.find(f"ep:{bohong}", NS) is None, bohong


def test_no_empty_runs(paket):
    w = f"{{{NS['w']}}}"
    for nama in ("word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        for r in xml(paket, nama).iter(f"{w}r"):
            isi = [c for c in r if c.tag != f"{w}rPr"]
            assert isi and not all(c.tag == f"{w}t" and not c.text for c in isi), \
                etree.tostring(r)[:200]


def test_no_unused_styles_fonts_or_lists(paket):
    w = f"{{{NS['w']}}}"
    teks = b"".join(paket[n] for n in paket if re.fullmatch(r"word/(document|footer\d|header\d)\.xml", n))
    styles = xml(paket, "word/styles.xml")
    dirujuk = set(re.findall(rb'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', teks))
    for s in styles.findall("w:style", NS):
        dirujuk |= {e.get(f"{w}val").encode() for tag in ("basedOn", "link", "next")
                    for e in s.findall(f"w:{tag}", NS)}
    tetap = {g.encode() for g in GAYA_TETAP}
    for s in styles.findall("w:style", NS):
        sid = s.get(f"{w}styleId").encode()
        assert sid in dirujuk or sid in tetap or s.get(f"{w}default") == "1", sid
    fonts = {f.get(f"{w}name") for f in xml(paket, "word/fontTable.xml").findall("w:font", NS)}
    semua = teks + paket["word/styles.xml"]
    assert fonts and all(f'"{f}"'.encode() in semua for f in fonts), fonts
    numbering = paket.get("word/numbering.xml")
    if numbering:
        num_ids = re.findall(rb'<w:num w:numId="(\d+)"', numbering)
        dipakai = set(re.findall(rb'<w:numId w:val="(\d+)"', teks + paket["word/styles.xml"]))
        assert set(num_ids) <= dipakai


def test_list_nsids_are_stable_and_never_repeat_one_the_document_has():
    from docx import Document
    from docx.oxml.ns import qn

    from generator.writing.nomor import JENIS, Penomor

    def nsid(ada: tuple[str, ...] = ()) -> list[str]:
        numbering = Document().part.numbering_part.element
        sudah = {el.get(qn("w:val")) for el in numbering.iter(qn("w:nsid"))}
        for n, val in enumerate(ada):
            numbering.append(etree.fromstring(
                f'<w:abstractNum xmlns:w="{NS["w"]}" w:abstractNumId="{90 + n}">'
                f'<w:nsid w:val="{val}"/></w:abstractNum>'))
        penomor = Penomor(numbering)
        for jenis in JENIS:
            penomor.daftar_baru(jenis, "decimal")
        return [v for el in numbering.iter(qn("w:nsid")) if (v := el.get(qn("w:val"))) not in sudah
                and v not in ada]

    pertama = nsid()
    assert pertama == nsid() and len(set(pertama)) == len(JENIS)
    kedua = nsid(ada=(pertama[0],))
    assert len(kedua) == len(JENIS) and kedua[1:] == pertama[1:]  # only the first moved
