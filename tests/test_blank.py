"""`lkj baru`: the empty workbook holds the contract, refuses to overwrite, and once filled works."""

from __future__ import annotations

from datetime import datetime

import docx
import openpyxl
import pytest
from typer.testing import CliRunner

from generator import schema
from generator.cli import app
from generator.validate import load

runner = CliRunner()


@pytest.fixture
def blank(tmp_path):
    path = tmp_path / "kosong.xlsx"
    result = runner.invoke(app, ["baru", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_every_sheet_and_header(blank):
    wb = openpyxl.load_workbook(blank)
    assert wb.sheetnames == ["Petunjuk", *(lembar.nama for lembar in schema.LEMBAR)]
    for lembar in schema.LEMBAR:
        headers = [c.value for c in wb[lembar.nama][1] if c.value]
        expected = ([k.header for k in lembar.kolom] if lembar.nama not in ("Identitas", "Pengaturan")
                    else ["Isian", "Nilai", "Keterangan"])
        assert headers == expected, lembar.nama


def test_key_value_items_are_listed(blank):
    wb = openpyxl.load_workbook(blank)
    assert [r[0].value for r in wb["Identitas"].iter_rows(min_row=2)] == [
        i.nama for i in schema.ISIAN_IDENTITAS]
    assert [r[0].value for r in wb["Pengaturan"].iter_rows(min_row=2)] == [
        i.nama for i in schema.ISIAN_PENGATURAN]


def test_dropdowns(blank):
    wb = openpyxl.load_workbook(blank)

    def lists(sheet):
        return {v.formula1 for v in wb[sheet].data_validations.dataValidation}

    assert lists("Kinerja") == {'"Positif,Negatif"'}
    assert lists("Pengaturan") == {'"100 jika tercapai,2T-R,T/R"', '"A4,F4"'}
    assert lists("Narasi") == {'"' + ",".join(schema.BAGIAN_NARASI) + '"'}
    assert lists("Daftar") == {'"' + ",".join(schema.KELOMPOK_DAFTAR) + '"'}
    strict = {v.formula1: v.errorStyle for v in wb["Kinerja"].data_validations.dataValidation}
    assert strict['"Positif,Negatif"'] == "stop"


def test_petunjuk_sheet_explains_every_sheet(blank):
    text = " ".join(str(c.value) for row in openpyxl.load_workbook(blank)["Petunjuk"].iter_rows()
                    for c in row if c.value)
    for lembar in schema.LEMBAR:
        assert lembar.nama in text
    assert "lkj buat" in text


def test_never_overwrites(tmp_path):
    path = tmp_path / "punya-saya.xlsx"
    path.write_bytes(b"isian staf")
    result = runner.invoke(app, ["baru", str(path)])
    assert result.exit_code == 1
    assert path.read_bytes() == b"isian staf"
    assert result.output.strip() == f"Galat: {path} sudah ada dan tidak ditimpa; pilih nama lain"


def test_name_must_be_xlsx(tmp_path):
    assert runner.invoke(app, ["baru", str(tmp_path / "a.xls")]).exit_code == 2


def test_empty_workbook_says_what_is_missing(blank):
    result = runner.invoke(app, ["periksa", str(blank)])
    assert result.exit_code == 1
    assert "kosong.xlsx, 'Identitas'!B2: Instansi wajib diisi" in result.output
    assert "kosong.xlsx, 'Kinerja': belum ada indikator kinerja yang diisi" in result.output


def _fill_by_hand(path):
    """What a staff member types into the blank workbook, in the cells the sheets offer."""
    wb = openpyxl.load_workbook(path)
    values = {"Instansi": "Komisi Pemilihan Umum Kota Contoh", "Nama Singkat": "KPU Kota Contoh",
              "Tahun": 2025, "Periode Renstra": "2025-2029", "Tempat": "Contoh",
              "Tanggal": datetime(2026, 2, 20), "Jabatan Penandatangan": "Sekretaris KPU Kota Contoh",
              "Nama Penandatangan": "Nama Sekretaris", "NIP Penandatangan": "198001012005011001"}
    for row in wb["Identitas"].iter_rows(min_row=2):
        if row[0].value in values:
            row[1].value = values[row[0].value]
    for row in wb["Pengaturan"].iter_rows(min_row=2):
        if row[0].value == "Rumus Negatif":
            row[1].value = "2T-R"
    wb["Kinerja"].append(["Sasaran A", "Persentase tahapan tepat waktu", "%", "Positif", 100, 95])
    wb["Kinerja"].append([None, "Jumlah laporan", "Laporan", None, 2, 2])
    wb["Anggaran"].append(["Rupiah Murni (APBN)", None, 1500000000, 1450000000])
    wb["SDM"].append(["S1", 10])
    wb["Narasi"].append(["Penutup", "Laporan ini ditutup dengan harapan.\nParagraf kedua."])
    wb.save(path)


def test_filled_blank_workbook_produces_a_report(blank, tmp_path):
    _fill_by_hand(blank)
    assert load(blank).data.identitas.nama_singkat == "KPU Kota Contoh"
    out = tmp_path / "laporan.docx"
    result = runner.invoke(app, ["buat", str(blank), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Paragraf kedua." in text
    assert "97,50" in "\n".join(cell.text for t in docx.Document(str(out)).tables
                                for row in t.rows for cell in row.cells)
