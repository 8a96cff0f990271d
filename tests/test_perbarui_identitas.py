"""A report knows whose it is: another satker's or another year's workbook is refused, with both
named and nothing written, unless --ganti-identitas says the change is meant (issue 18, item 1)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import docx
import openpyxl
import pytest
from typer.testing import CliRunner

from doctools import soffice
from generator.writing import identitas_laporan as ident
from generator.commands.cli import app
from generator.pipeline import build
from generator.files.properti import baca_properti, properti
from kasus_perbarui import SAMPLE, laporan_v1

SATKER = "Sekretariat KPU Kabupaten Maluku Tenggara"


def _identitas(path, nama=None, tahun=None):
    """The sample workbook of another satker (`nama` = (Instansi, Nama Singkat), Nama Singkat
    None to keep it) or another year."""
    wb = openpyxl.load_workbook(SAMPLE)
    ws = wb["Identitas"]
    isian = {"Tahun": tahun}
    if nama:
        isian.update({"Instansi": nama[0], "Nama Singkat": nama[1]})
    for row in ws.iter_rows(min_row=2):
        if isian.get(row[0].value):
            row[1].value = isian[row[0].value]
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def laporan(tmp_path_factory):
    folder = tmp_path_factory.mktemp("identitas")
    return build(SAMPLE, folder / "LKj-2024.docx").path


def _perbarui(*args):
    return CliRunner().invoke(app, ["perbarui", *map(str, args)])


def test_lkj_buat_records_whose_report_it_is(laporan):
    props = baca_properti(docx.Document(str(laporan)))
    assert {k: props[k] for k in (ident.SATKER, ident.INSTANSI, ident.TINGKAT, ident.TAHUN,
                                  ident.BUKU)} == {
        ident.SATKER: SATKER, ident.INSTANSI: "Komisi Pemilihan Umum Kabupaten Maluku Tenggara",
        ident.TINGKAT: "kabkota", ident.TAHUN: "2024", ident.BUKU: "contoh.xlsx"}
    assert len(props[ident.KUNCI]) == 16


def test_libreoffice_keeps_the_identity(laporan, tmp_path):
    subprocess.run([soffice(), f"-env:UserInstallation=file://{tmp_path / 'profil'}",
                    "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                    str(tmp_path / "lo"), str(laporan)], check=True, capture_output=True,
                   timeout=300)
    with zipfile.ZipFile(tmp_path / "lo" / laporan.name) as z:
        props = properti(z.read("docProps/custom.xml"))
    assert props[ident.SATKER] == SATKER and props[ident.TAHUN] == "2024"


PAREPARE = ("Komisi Pemilihan Umum Kota Parepare", "KPU Kota Parepare")


@pytest.mark.parametrize("nama, tahun, lama, lain, beda", [
    (PAREPARE, None, SATKER, "Sekretariat KPU Kota Parepare tahun 2024", "satker"),
    (None, 2025, SATKER, f"{SATKER} tahun 2025", "tahun"),
    (PAREPARE, 2023, SATKER, "Sekretariat KPU Kota Parepare tahun 2023", "satker dan tahun"),
    # only the official name differs: the message names the official names
    ((PAREPARE[0], None), None, "Komisi Pemilihan Umum Kabupaten Maluku Tenggara",
     "Komisi Pemilihan Umum Kota Parepare tahun 2024", "satker"),
])
def test_another_satker_or_year_is_refused_and_nothing_written(laporan, tmp_path, nama, tahun,
                                                                lama, lain, beda):
    lap = tmp_path / laporan.name
    shutil.copy2(laporan, lap)
    before = lap.read_bytes()
    b = _identitas(tmp_path / "lain.xlsx", nama, tahun)
    result = _perbarui(b, lap)
    assert result.exit_code == 1
    assert result.output == (
        f"Galat: {lap.name} adalah laporan {lama} tahun 2024, sedangkan buku kerja lain.xlsx "
        f"berisi {lain} ({beda} berbeda); angkanya tidak dimasukkan. Pilih buku kerja yang "
        "benar, atau bila memang disengaja (nama satker berubah, laporan dibawa ke tahun "
        "berikutnya) ulangi dengan --ganti-identitas. Tidak ada berkas yang ditulis\n")
    assert lap.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [lap.name, "lain.xlsx"]


def test_ganti_identitas_carries_the_report_into_the_next_year(laporan, tmp_path):
    lap = tmp_path / laporan.name
    shutil.copy2(laporan, lap)
    b = _identitas(tmp_path / "2025.xlsx", tahun=2025)
    result = _perbarui(b, lap, "--ganti-identitas")
    assert result.exit_code == 0, result.output
    assert ("Catatan: identitas laporan diganti atas permintaan (--ganti-identitas): dari "
            f"{SATKER} tahun 2024 menjadi {SATKER} tahun 2025") in result.output
    props = baca_properti(docx.Document(str(lap)))
    assert props[ident.TAHUN] == "2025" and props[ident.BUKU] == "2025.xlsx"
    assert "TAHUN 2025" in "\n".join(p.text for p in docx.Document(str(lap)).paragraphs)
    # from now on the report is 2025's: the 2024 workbook is refused
    assert _perbarui(SAMPLE, lap).exit_code == 1


def test_a_report_of_an_earlier_lkj_is_known_by_what_it_prints(tmp_path):
    """No identity properties (an lkj before them): the satker and year lkj printed, found by
    their marks, are compared instead."""
    lama = laporan_v1(SAMPLE, tmp_path / "v1.docx")
    assert ident.SATKER not in baca_properti(docx.Document(str(lama)))
    b = _identitas(tmp_path / "lain.xlsx", PAREPARE)
    result = _perbarui(b, lama)
    assert result.exit_code == 1
    assert f"adalah laporan {SATKER} tahun 2024, sedangkan buku kerja lain.xlsx" in result.output
    ok = _perbarui(SAMPLE, lama)
    assert ok.exit_code == 0, ok.output
    assert baca_properti(docx.Document(str(lama)))[ident.SATKER] == SATKER


def test_a_report_whose_identity_cannot_be_read_is_accepted_with_a_warning(tmp_path):
    from generator.marks import tanda

    lama = laporan_v1(SAMPLE, tmp_path / "v1.docx")
    doc = docx.Document(str(lama))
    marks = tanda.tanda_di(doc.element.body)
    for jalur in ("satker", "tahun"):  # every copy lkj printed retyped away
        for k in range(1, 21):
            m = marks.get(tanda.id_dari(f"{jalur}#{k}"))
            if m is not None:
                m.start.getparent().remove(m.start)
    doc.save(str(lama))
    result = _perbarui(SAMPLE, lama)
    assert result.exit_code == 0, result.output
    assert (f"Catatan: {lama.name} tidak menyimpan identitas satker dan tahunnya (tandanya "
            f"hilang), jadi tidak dapat dipastikan bahwa laporan itu milik {SATKER} tahun 2024; "
            "periksa hasilnya") in result.output
