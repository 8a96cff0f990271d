"""Tests of the report's charts: specifications (generator.writing.charts) and native chart parts
(generator.writing.chartpart) with their embedded workbooks."""

from __future__ import annotations

import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook

from generator.figures.capaian import Hasil, hitung_anggaran, hitung_sasaran, rata_rata
from generator.format import bulatkan
from generator.writing.chartpart import buku_kerja, chart_xml, di_bawah_garis
from generator.writing.charts import (
    FORMAT_SUMBU,
    GARIS,
    grafik_anggaran,
    grafik_capaian,
    grafik_tren,
    nilai_grafik,
)
from generator.model import NEGATIF, BarisAnggaran, Indikator, Pengaturan, Sasaran

D = Decimal
ROOT = Path(__file__).resolve().parent.parent
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def ind(nama: str, target: str, realisasi: str | None, **kw) -> Indikator:
    return Indikator(nama, kw.pop("satuan", "%"), D(target),
                     None if realisasi is None else D(realisasi), **kw)


def hasil_dari(*indikator: Indikator, pengaturan: Pengaturan | None = None):
    """A Hasil with one sasaran and no budget."""
    hs = hitung_sasaran(Sasaran("Sasaran uji", indikator), pengaturan or Pengaturan())
    return Hasil((hs,), rata_rata([hs.capaian]), hitung_anggaran([]))


def lembar(grafik) -> list[tuple]:
    """The rows of a chart's embedded workbook."""
    wb = load_workbook(io.BytesIO(buku_kerja(grafik)))
    return [tuple(r) for r in wb["Data"].iter_rows(values_only=True)]


def cache(grafik) -> list[list[str]]:
    """Each series' cached values as text, per chart XML (None for a gap)."""
    root = etree.fromstring(chart_xml(grafik, "rId1").encode())
    hasil = []
    for ser in root.iter(f"{C}ser"):
        cache = ser.find(f"{C}val/{C}numRef/{C}numCache")
        n = int(cache.find(f"{C}ptCount").get("val"))
        pts = {int(p.get("idx")): p.findtext(f"{C}v") for p in cache.iter(f"{C}pt")}
        hasil.append([pts.get(i) for i in range(n)])
    return hasil


def test_importing_charts_does_not_import_matplotlib():
    code = ("import sys, generator.writing.charts, generator.writing.chartpart, generator.report; "
            "print('matplotlib' in sys.modules, 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "False False"


# --- capaian ---------------------------------------------------------------------------------


def test_capaian_chart():
    hasil = hasil_dari(ind("Pelayanan pemilih", "75", "77.29"), ind("Laporan", "80", "66"),
                       ind("Belum", "2", None))
    g = grafik_capaian(hasil, Pengaturan(), tahun=2024)
    assert g.nama == "capaian"
    assert g.judul == "Capaian Indikator Kinerja Tahun 2024"
    assert g.kategori == ("IK 1.1", "IK 1.2", "IK 1.3")
    assert g.keterangan == (("IK 1.1", "Pelayanan pemilih"), ("IK 1.2", "Laporan"),
                            ("IK 1.3", "Belum"))
    capaian, batas, kunci = g.seri
    assert kunci.nama == "Belum mencapai target" and kunci.pola  # legend key of the hatching
    assert kunci.nilai == (None, None, None)
    assert capaian.nilai == (D("103.0533"), D("82.5"), None)  # 103,05333... kept to 4 places
    assert capaian.arsir == (1,)  # below target: hatched
    assert batas.jenis == GARIS and batas.nilai == (100, 100, 100)
    assert "IK 1.1 103,05" in g.alt
    assert "IK 1.2 82,50 (belum mencapai target)" in g.alt
    assert "IK 1.3 belum diisi" in g.alt


def test_capaian_chart_grows_with_the_indicators():
    kecil = grafik_capaian(hasil_dari(ind("A", "1", "1")), Pengaturan())
    besar = grafik_capaian(hasil_dari(*(ind(f"I{n}", "1", "1") for n in range(12))), Pengaturan())
    assert besar.tinggi_cm > kecil.tinggi_cm
    assert kecil.seri[0].label
    banyak = grafik_capaian(hasil_dari(*(ind(f"I{n}", "1", "1") for n in range(16))), Pengaturan())
    assert not banyak.seri[0].label  # labels of 16 columns would overlap


def test_capaian_chart_uses_the_decimals():
    g = grafik_capaian(hasil_dari(ind("A", "75", "77.29")), Pengaturan(desimal=1))
    assert "IK 1.1 103,1" in g.alt and "103,05" not in g.alt
    assert g.format_angka == "[$-421]#,##0.0"


def test_capaian_chart_none_without_capaian():
    assert grafik_capaian(hasil_dari(ind("A", "75", None), ind("B", "0", "5")), Pengaturan()) \
        is None


def test_capaian_chart_part_holds_the_figures():
    hasil = hasil_dari(ind("A", "75", "77.29"), ind("B", "80", "66"), ind("C", "2", None))
    g = grafik_capaian(hasil, Pengaturan())
    rows = lembar(g)
    assert rows[0] == ("Indikator", "Capaian (%)", "Capaian 100", "Belum mencapai target")
    assert [r[0] for r in rows[1:]] == ["IK 1.1", "IK 1.2", "IK 1.3"]
    for row, hi in zip(rows[1:], hasil.sasaran[0].indikator, strict=True):
        assert (row[1] is None) == (hi.capaian is None)
        if hi.capaian is not None:
            assert abs(D(str(row[1])) - hi.capaian) < D("0.00005")
        assert row[2] == 100
    nilai, kunci, batas = cache(g)  # bars first, then the line, as in the XML
    assert kunci == [None, None, None]
    assert nilai[2] is None and nilai[0] == "103.0533"
    assert batas == ["100", "100", "100"]


def test_chart_xml_is_deterministic_and_black_and_white():
    hasil = hasil_dari(ind("A", "75", "77.29"), ind("B", "3", "0.4", polaritas=NEGATIF),
                       ind("C", "80", "60"))
    g = grafik_capaian(hasil, Pengaturan())
    xml = chart_xml(g, "rId1")
    assert xml == chart_xml(grafik_capaian(hasil, Pengaturan()), "rId1")
    root = etree.fromstring(xml.encode())
    warna = {e.get("val") for e in root.iter("{*}srgbClr")}
    assert all(w[0:2] == w[2:4] == w[4:6] for w in warna), warna  # greys only
    # the one indicator below target, and the legend key explaining the hatching
    assert len(list(root.iter("{*}pattFill"))) == 2
    assert root.find(f"{C}chart/{C}plotArea/{C}barChart/{C}overlap").get("val") == "100"
    assert root.find(f"{C}lang").get("val") == "id-ID"
    assert root.find(f"{C}externalData").get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id") == "rId1"


# --- budget ----------------------------------------------------------------------------------


def test_budget_chart():
    anggaran = hitung_anggaran([
        BarisAnggaran("Rupiah Murni (APBN)", D(20350023000), D(20300000000)),
        BarisAnggaran("Hibah Pemilihan Bupati dan Wakil Bupati (APBD)", D(39798749000),
                      D(39692385193)),
    ])
    g = grafik_anggaran(anggaran, tahun=2024)
    assert g.nama == "anggaran"
    assert g.judul == "Pagu dan Realisasi Anggaran per Sumber Dana Tahun 2024"
    assert g.kategori[-1] == "Jumlah"
    assert "Rupiah Murni (APBN): pagu Rp20.350.023.000, realisasi Rp20.300.000.000 (99,75%)" \
        in g.alt
    assert "Jumlah: pagu Rp60.148.772.000, realisasi Rp59.992.385.193 (99,74%)" in g.alt
    rows = lembar(g)
    assert rows[0] == ("Sumber dana", "Pagu (miliar rupiah)", "Realisasi (miliar rupiah)")
    assert D(str(rows[3][1])) * 10 ** 9 == D(60148772000)
    assert abs(D(str(rows[3][2])) * 10 ** 9 - D(59992385193)) < 1
    assert cache(g)[0][0] == "20.350023"


def test_budget_chart_single_source_has_no_total():
    g = grafik_anggaran(hitung_anggaran([BarisAnggaran("RM", D(850000000), D(712345678))]))
    assert "Jumlah" not in g.alt and "(83,81%)" in g.alt
    assert g.kategori == ("RM",) and g.seri[0].nama == "Pagu (juta rupiah)"


@pytest.mark.parametrize("baris", [[], [BarisAnggaran("RM", D(0), D(0))]])
def test_budget_chart_none_without_amounts(baris):
    assert grafik_anggaran(hitung_anggaran(baris)) is None


# --- trend -----------------------------------------------------------------------------------


def test_trend_chart():
    i = ind("Pelanggaran", "3", "0.4", polaritas=NEGATIF,
            realisasi_lalu=((2022, D("1.5")), (2023, D(1))))
    g = grafik_tren(i, 2024, kode="IK 2.2")
    assert g.nama == "tren-ik-2-2"
    assert g.judul == "Perkembangan Realisasi IK 2.2 Tahun 2022–2024"
    assert "2022: 1,5%; 2023: 1%; 2024: 0,4%" in g.alt
    assert "target tahun 2024 sebesar 3%" in g.alt
    assert "makin kecil realisasi makin baik" in g.alt
    assert g.keterangan == (("IK 2.2", "Pelanggaran"),)
    assert lembar(g)[1:] == [(2022, 1.5, 3), (2023, 1, 3), (2024, 0.4, 3)]  # years as numbers
    assert g.format_angka == "[$-421]#,##0.0"


def test_trend_chart_without_code_or_current_realisasi():
    i = ind("Jumlah laporan", "12", None, satuan="Laporan", realisasi_lalu=((2023, D(12)),))
    g = grafik_tren(i, 2024)
    assert g.nama.startswith("tren-") and g.nama != "tren-"
    assert "2023: 12 Laporan; 2024: belum diisi" in g.alt
    assert g.keterangan == ()
    assert cache(g)[0] == ["12", None]


def test_trend_chart_none_without_earlier_years():
    assert grafik_tren(ind("A", "75", "77.29"), 2024) is None


# --- what a chart keeps and shows ------------------------------------------------------------


@pytest.mark.parametrize(("nilai", "desimal", "tempat", "disimpan"), [
    ("103.0533333333333333333333333", 2, 4, "103.0533"),
    ("100.994999", 2, 4, "100.9949"),  # 100.9950 would be labelled 101,00 beside 100,99
    ("100.995", 2, 4, "100.995"),
    ("99.99996", 2, 4, "100"),
    ("82.50", 2, 4, "82.5"),
    ("60.148772", 2, 9, "60.148772"),  # miliar rupiah: exact to the rupiah
    ("0.00004", 2, 4, "0"),
])
def test_chart_figures_are_rounded_as_their_labels_read(nilai, desimal, tempat, disimpan):
    hasil = nilai_grafik(D(nilai), desimal, tempat)
    assert format(hasil, "f") == disimpan
    # the label (Excel and LibreOffice round half up) reads as the report's text
    assert bulatkan(hasil, desimal) == bulatkan(D(nilai), desimal)


def test_every_value_axis_shows_ticks_without_padded_decimals():
    hasil = hasil_dari(ind("A", "75", "77.29"))
    anggaran = hitung_anggaran([BarisAnggaran("RM", D(20350023000), D(20300000000))])
    tren = grafik_tren(ind("B", "3", "0.4", realisasi_lalu=((2023, D("1.25")),)), 2024)
    for g in (grafik_capaian(hasil, Pengaturan()), grafik_anggaran(anggaran), tren):
        root = etree.fromstring(chart_xml(g, "rId1").encode())
        assert root.find(f".//{C}valAx/{C}numFmt").get("formatCode") == FORMAT_SUMBU


def test_years_are_numbers_in_the_chart_and_its_workbook():
    g = grafik_tren(ind("A", "75", "77.29", realisasi_lalu=((2023, D("72.4")),)), 2024)
    assert g.kategori == (2023, 2024)
    root = etree.fromstring(chart_xml(g, "rId1").encode())
    cat = root.find(f".//{C}ser/{C}cat")
    assert cat.find(f"{C}strRef") is None
    assert [p.findtext(f"{C}v") for p in cat.iter(f"{C}pt")] == ["2023", "2024"]
    assert [r[0] for r in lembar(g)[1:]] == [2023, 2024]


def test_a_label_just_below_the_target_line_goes_inside_its_column():
    g = grafik_tren(ind("A", "100", "100", realisasi_lalu=((2022, D(90)), (2023, D(95)))), 2024)
    assert di_bawah_garis(g, g.seri[0]) == [0, 1]  # 90 and 95 under the line at 100
    root = etree.fromstring(chart_xml(g, "rId1").encode())
    dlbl = root.findall(f".//{C}barChart/{C}ser/{C}dLbls/{C}dLbl")
    assert [(d.find(f"{C}idx").get("val"), d.find(f"{C}dLblPos").get("val")) for d in dlbl] == \
        [("0", "inEnd"), ("1", "inEnd")]
    assert root.find(f".//{C}barChart/{C}ser/{C}dLbls/{C}dLblPos").get("val") == "outEnd"
    jauh = grafik_tren(ind("A", "100", "100", realisasi_lalu=((2023, D(40)),)), 2024)
    assert di_bawah_garis(jauh, jauh.seri[0]) == []  # far below, or on the line: above
