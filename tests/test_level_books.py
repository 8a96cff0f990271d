"""The provincial and the national workbook: valid, read back exactly, turned into reports."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from dump import dump
from level_books import (
    N_SASARAN_3,
    P_SASARAN_5,
    provinsi_book,
    provinsi_data,
    pusat_book,
    pusat_data,
)

from test_sample import _plain

from generator import format as fmt
from generator.pipeline import check

ROOT = Path(__file__).resolve().parents[1]
BOOKS = {"provinsi": (provinsi_book, provinsi_data), "pusat": (pusat_book, pusat_data)}


def _lkj(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("level", sorted(BOOKS))
def test_periksa_accepts_the_workbook(tmp_path, level):
    path = BOOKS[level][0](tmp_path)
    result = _lkj("periksa", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Rata-rata capaian kinerja" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("level", sorted(BOOKS))
def test_workbook_reads_back_as_its_data_without_warnings(tmp_path, level):
    make, data = BOOKS[level]
    checked = check(make(tmp_path))
    assert _plain(checked.loaded.data) == _plain(data())
    assert checked.warnings == ()


def test_provincial_capaian(tmp_path):
    hasil = check(provinsi_book(tmp_path)).hasil
    assert provinsi_data().sasaran[4].nama == P_SASARAN_5
    late = hasil.sasaran[4].indikator[1]
    # Negative indicator, default rule "100 jika tercapai": not met, so (2T-R)/T = 18,20.
    assert fmt.angka(late.capaian, 2) == "18,20"
    assert fmt.angka(hasil.sasaran[0].capaian, 2) == "100,00"


def test_national_capaian(tmp_path):
    hasil = check(pusat_book(tmp_path)).hasil
    assert fmt.angka(hasil.sasaran[1].capaian, 2) == "98,60"
    logistik = hasil.sasaran[2]
    # 99,2 and (2 x 1 - 0,6) / 1 x 100 = 140 under "2T-R": mean 119,60.
    assert fmt.angka(logistik.capaian, 2) == "119,60"
    assert pusat_data().sasaran[2].nama == N_SASARAN_3


@pytest.mark.parametrize("level", sorted(BOOKS))
def test_buat_writes_a_report(tmp_path, level):
    make, data = BOOKS[level]
    out = tmp_path / "laporan.docx"
    result = _lkj("buat", str(make(tmp_path)), "-o", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"Laporan ditulis: .*laporan\.docx", result.stdout)
    text = dump(out)
    content = data()
    assert content.identitas.nama_penandatangan in text
    for sasaran in content.sasaran:
        assert sasaran.nama in text
    assert len(docx.Document(str(out)).inline_shapes) >= 1  # the charts


def _report_text(folder: Path, make) -> str:
    folder.mkdir()
    out = folder / "laporan.docx"
    result = _lkj("buat", str(make(folder)), "-o", str(out), "--tanpa-grafik")
    assert result.returncode == 0, result.stdout + result.stderr
    return dump(out)


REGENCY_SELF = (
    re.compile(r"sebagai sekretariat KPU Kabupaten/Kota", re.IGNORECASE),
    re.compile(r"inventaris KPU Kabupaten/Kota", re.IGNORECASE),
    re.compile(r"rancangan keputusan KPU Kabupaten/Kota", re.IGNORECASE),
)
# "Sekretariat KPU" / "Sekretariat Komisi Pemilihan Umum" not followed by a regional level: the
# national satker is the Sekretariat Jenderal, never a plain "Sekretariat KPU".
PLAIN_SECRETARIAT = re.compile(
    r"sekretariat (KPU|Komisi Pemilihan Umum)\b(?!\s+(Provinsi|Kabupaten|Kota))", re.IGNORECASE)


def test_report_names_its_own_level(tmp_path):
    provinsi = _report_text(tmp_path / "provinsi", provinsi_book)
    assert "Sekretariat KPU Provinsi Kalimantan Timur" in provinsi
    assert "inventaris KPU Provinsi" in provinsi  # its own duty list
    for pattern in REGENCY_SELF:
        assert not pattern.search(provinsi), pattern.pattern

    pusat = _report_text(tmp_path / "pusat", pusat_book)
    assert "Sekretariat Jenderal" in pusat
    assert not PLAIN_SECRETARIAT.search(pusat), PLAIN_SECRETARIAT.search(pusat)
    for pattern in REGENCY_SELF:
        assert not pattern.search(pusat), pattern.pattern


def test_trillions_of_rupiah_stay_on_one_line(tmp_path):
    # The Sekretariat Jenderal's budget runs to 13 digits; the rupiah columns must hold a whole
    # amount with its dots, bold totals included, instead of wrapping its last digits.
    from doctools import lo_pdf, pdf_text

    report = tmp_path / "pusat.docx"
    assert _lkj("buat", str(pusat_book(tmp_path)), "-o", str(report)).returncode == 0
    folder = tmp_path / "pdf"
    folder.mkdir()
    text = pdf_text(lo_pdf(report, folder))
    for amount in ("2.148.905.400.000", "14.764.475.400.000", "14.467.950.247.500",
                   "Rp1.275.000.000.000"):
        assert amount in text, amount
