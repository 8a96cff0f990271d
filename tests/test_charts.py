"""Tests of the report's charts in generator.charts: valid greyscale PNGs, or None without data."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from generator.capaian import Hasil, hitung_anggaran, hitung_sasaran, rata_rata
from generator.charts import DPI, LEBAR_CM, grafik_anggaran, grafik_capaian, grafik_tren
from generator.model import NEGATIF, BarisAnggaran, Indikator, Pengaturan, Sasaran

D = Decimal
ROOT = Path(__file__).resolve().parent.parent
PNG = b"\x89PNG\r\n\x1a\n"
LEBAR_PX = round(LEBAR_CM / 2.54 * DPI)


def ind(nama: str, target: str, realisasi: str | None, **kw) -> Indikator:
    return Indikator(nama, kw.pop("satuan", "%"), D(target),
                     None if realisasi is None else D(realisasi), **kw)


def hasil_dari(*indikator: Indikator, pengaturan: Pengaturan | None = None):
    """A Hasil with one sasaran and no budget."""
    hs = hitung_sasaran(Sasaran("Sasaran uji", indikator), pengaturan or Pengaturan())
    return Hasil((hs,), rata_rata([hs.capaian]), hitung_anggaran([]))


def periksa_png(path: Path, tinggi_min: int = 300) -> Image.Image:
    """The file is a PNG 15 cm wide at 200 dpi; returns it opened as RGB."""
    assert path.read_bytes()[:8] == PNG
    with Image.open(path) as im:
        assert im.format == "PNG"
        assert im.width == LEBAR_PX
        assert im.height >= tinggi_min
        return im.convert("RGB")


def abu_abu(im: Image.Image) -> bool:
    """Every pixel is a shade of grey, so the chart prints the same in black and white."""
    r, g, b = im.split()
    return ImageChops.difference(r, g).getbbox() is None and \
        ImageChops.difference(g, b).getbbox() is None


def test_importing_charts_does_not_import_matplotlib():
    code = ("import sys, generator.charts, generator.report; "
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "False"


# --- capaian ---------------------------------------------------------------------------------


def test_capaian_chart(tmp_path):
    hasil = hasil_dari(ind("Pelayanan pemilih", "75", "77.29"), ind("Laporan", "80", "66"),
                       ind("Belum", "2", None))
    g = grafik_capaian(hasil, Pengaturan(), tmp_path / "gambar", tahun=2024)
    assert g is not None and g.path == tmp_path / "gambar" / "capaian.png"
    assert abu_abu(periksa_png(g.path))
    assert g.judul == "Capaian Indikator Kinerja Tahun 2024"
    assert g.keterangan == (("IK 1.1", "Pelayanan pemilih"), ("IK 1.2", "Laporan"),
                            ("IK 1.3", "Belum"))
    assert "IK 1.1 103,05" in g.alt
    assert "IK 1.2 82,50 (belum mencapai target)" in g.alt
    assert "IK 1.3 belum diisi" in g.alt


def test_capaian_chart_grows_with_the_indicators(tmp_path):
    kecil = grafik_capaian(hasil_dari(ind("A", "1", "1")), Pengaturan(), tmp_path / "a")
    besar = grafik_capaian(hasil_dari(*(ind(f"I{n}", "1", "1") for n in range(12))),
                           Pengaturan(), tmp_path / "b")
    with Image.open(kecil.path) as a, Image.open(besar.path) as b:
        assert b.height > a.height


def test_capaian_chart_uses_the_decimals(tmp_path):
    g = grafik_capaian(hasil_dari(ind("A", "75", "77.29")), Pengaturan(desimal=1), tmp_path)
    assert "IK 1.1 103,1" in g.alt and "103,05" not in g.alt


def test_capaian_chart_none_without_capaian(tmp_path):
    assert grafik_capaian(hasil_dari(ind("A", "75", None), ind("B", "0", "5")), Pengaturan(),
                          tmp_path) is None
    assert not list(tmp_path.iterdir())


def test_charts_are_deterministic(tmp_path):
    hasil = hasil_dari(ind("A", "75", "77.29"), ind("B", "3", "0.4", polaritas=NEGATIF))
    a = grafik_capaian(hasil, Pengaturan(), tmp_path / "a")
    b = grafik_capaian(hasil, Pengaturan(), tmp_path / "b")
    assert a.path.read_bytes() == b.path.read_bytes()
    assert b"matplotlib" not in a.path.read_bytes()


def test_drawing_leaves_global_settings_alone(tmp_path):
    import matplotlib

    before = dict(matplotlib.rcParams)
    grafik_capaian(hasil_dari(ind("A", "75", "77.29")), Pengaturan(), tmp_path)
    assert dict(matplotlib.rcParams) == before


# --- budget ----------------------------------------------------------------------------------


def test_budget_chart(tmp_path):
    anggaran = hitung_anggaran([
        BarisAnggaran("Rupiah Murni (APBN)", D(20350023000), D(20300000000)),
        BarisAnggaran("Hibah Pemilihan Bupati dan Wakil Bupati (APBD)", D(39798749000),
                      D(39692385193)),
    ])
    g = grafik_anggaran(anggaran, tmp_path, tahun=2024)
    assert abu_abu(periksa_png(g.path))
    assert g.judul == "Pagu dan Realisasi Anggaran per Sumber Dana Tahun 2024"
    assert "Rupiah Murni (APBN): pagu Rp20.350.023.000, realisasi Rp20.300.000.000 (99,75%)" \
        in g.alt
    assert "Jumlah: pagu Rp60.148.772.000, realisasi Rp59.992.385.193 (99,74%)" in g.alt


def test_budget_chart_single_source_has_no_total(tmp_path):
    g = grafik_anggaran(hitung_anggaran([BarisAnggaran("RM", D(850000000), D(712345678))]),
                        tmp_path)
    periksa_png(g.path)
    assert "Jumlah" not in g.alt and "(83,81%)" in g.alt


@pytest.mark.parametrize("baris", [[], [BarisAnggaran("RM", D(0), D(0))]])
def test_budget_chart_none_without_amounts(tmp_path, baris):
    assert grafik_anggaran(hitung_anggaran(baris), tmp_path) is None


# --- trend -----------------------------------------------------------------------------------


def test_trend_chart(tmp_path):
    i = ind("Pelanggaran", "3", "0.4", polaritas=NEGATIF,
            realisasi_lalu=((2022, D("1.5")), (2023, D(1))))
    g = grafik_tren(i, 2024, tmp_path, kode="IK 2.2")
    assert g.path.name == "tren-ik-2-2.png"
    assert abu_abu(periksa_png(g.path, tinggi_min=200))
    assert g.judul == "Perkembangan Realisasi IK 2.2 Tahun 2022–2024"
    assert "2022: 1,5%; 2023: 1%; 2024: 0,4%" in g.alt
    assert "target tahun 2024 sebesar 3%" in g.alt
    assert "makin kecil realisasi makin baik" in g.alt
    assert g.keterangan == (("IK 2.2", "Pelanggaran"),)


def test_trend_chart_without_code_or_current_realisasi(tmp_path):
    i = ind("Jumlah laporan", "12", None, satuan="Laporan", realisasi_lalu=((2023, D(12)),))
    g = grafik_tren(i, 2024, tmp_path)
    periksa_png(g.path, tinggi_min=200)
    assert g.path.name.startswith("tren-") and g.path.name != "tren-.png"
    assert "2023: 12 Laporan; 2024: belum diisi" in g.alt
    assert g.keterangan == ()


def test_trend_chart_none_without_earlier_years(tmp_path):
    assert grafik_tren(ind("A", "75", "77.29"), 2024, tmp_path) is None
