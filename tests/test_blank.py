"""`lkj baru`: the empty workbook holds the contract, refuses to overwrite, and once filled works;
the sample workbook built from it matches the contract and is rebuilt the same."""

from __future__ import annotations

import importlib.util
import os
import stat
from datetime import datetime

import docx
import openpyxl
import pytest
from doctools import ROOT
from openpyxl.styles.numbers import is_date_format
from typer.testing import CliRunner

from generator.reading import schema
from generator.reading.blank import write_blank_workbook
from generator.commands.cli import app
from generator.errors import LkjError
from generator.reading.validate import load

runner = CliRunner()
SAMPLE = ROOT / "input" / "contoh.xlsx"
KEY_VALUE = ("Identitas", "Pengaturan")


@pytest.fixture
def blank(tmp_path):
    path = tmp_path / "kosong.xlsx"
    result = runner.invoke(app, ["baru", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def wb(blank):
    return openpyxl.load_workbook(blank)


def _headers(sheet):
    return [c.value for c in sheet[1] if c.value]


def test_every_sheet_and_header(wb):
    assert wb.sheetnames == ["Petunjuk", *(lembar.nama for lembar in schema.LEMBAR)]
    for lembar in schema.LEMBAR:
        expected = ([k.header for k in lembar.kolom] if lembar.nama not in KEY_VALUE
                    else ["Isian", "Nilai", "Keterangan"])
        assert _headers(wb[lembar.nama]) == expected, lembar.nama


def test_petunjuk_is_the_first_and_active_sheet(wb):
    assert wb.active.title == "Petunjuk"


@pytest.mark.parametrize("lembar", schema.LEMBAR, ids=lambda lembar: lembar.nama)
def test_header_row_is_bold_filled_frozen_and_wide_enough(wb, lembar):
    sheet = wb[lembar.nama]
    assert sheet.freeze_panes == "A2"
    for cell in sheet[1]:
        assert cell.font.b and cell.fill.fill_type == "solid", cell.coordinate
        width = sheet.column_dimensions[cell.column_letter].width
        assert width >= len(cell.value), cell.coordinate


def test_key_value_items_are_listed(wb):
    assert [r[0].value for r in wb["Identitas"].iter_rows(min_row=2)] == [
        i.nama for i in schema.ISIAN_IDENTITAS]
    assert [r[0].value for r in wb["Pengaturan"].iter_rows(min_row=2)] == [
        i.nama for i in schema.ISIAN_PENGATURAN]
    for name in KEY_VALUE:
        assert all(r[1].value is None for r in wb[name].iter_rows(min_row=2)), name


def _keterangan(sheet):
    return {r[0].value: r[2].value for r in sheet.iter_rows(min_row=2)}


def test_every_item_has_a_note_saying_whether_it_is_required(wb):
    for name, items in (("Identitas", schema.ISIAN_IDENTITAS), ("Pengaturan", schema.ISIAN_PENGATURAN)):
        notes = _keterangan(wb[name])
        for isian in items:
            assert notes[isian.nama].startswith("Wajib" if isian.wajib else "Boleh"), isian.nama


def test_settings_notes_show_defaults_and_choices(wb):
    notes = _keterangan(wb["Pengaturan"])
    assert "Bawaan bila kosong: 100 jika tercapai" in notes["Rumus Negatif"]
    assert "Pilihan: 100 jika tercapai, 2T-R, T/R" in notes["Rumus Negatif"]
    assert "Bawaan bila kosong: 2" in notes["Desimal"]
    assert "Bawaan bila kosong: A4" in notes["Ukuran Kertas"]
    assert "Sangat Baik" in notes["Skala Kategori"]


def _validations(sheet):
    return {v.formula1: v for v in sheet.data_validations.dataValidation}


def _quoted(options):
    return '"' + ",".join(options) + '"'


@pytest.mark.parametrize(("sheet", "options", "column", "style"), [
    ("Kinerja", schema.POLARITAS, "D", "stop"),
    ("Kinerja", schema.ANGKA, "L", "stop"),
    ("Renstra", schema.JENIS_RENSTRA, "A", "stop"),
    ("Narasi", schema.BAGIAN_NARASI, "A", "warning"),
    ("Daftar", schema.KELOMPOK_DAFTAR, "A", "warning"),
])
def test_column_dropdowns(wb, sheet, options, column, style):
    validations = _validations(wb[sheet])
    assert _quoted(options) in validations
    validation = validations[_quoted(options)]
    assert (validation.type, validation.errorStyle, validation.showErrorMessage) == ("list", style, True)
    assert f"{column}2" in validation.sqref and f"{column}300" in validation.sqref
    header = wb[sheet][f"{column}1"].value
    assert header in {k.header for k in next(x for x in schema.LEMBAR if x.nama == sheet).kolom}


def test_settings_dropdowns_sit_on_their_value_cells(wb):
    sheet = wb["Pengaturan"]
    rows = {r[0].value: r[1].coordinate for r in sheet.iter_rows(min_row=2)}
    validations = _validations(sheet)
    assert set(validations) == {_quoted(schema.ISIAN_PENGATURAN[0].pilihan), '"A4,F4"'}
    assert str(validations['"A4,F4"'].sqref) == rows["Ukuran Kertas"]
    assert str(validations[_quoted(schema.ISIAN_PENGATURAN[0].pilihan)].sqref) == rows["Rumus Negatif"]
    assert all(v.errorStyle == "stop" for v in validations.values())


def test_number_and_date_formats(wb):
    kinerja, anggaran = wb["Kinerja"], wb["Anggaran"]
    assert kinerja["E2"].number_format == kinerja["F2"].number_format == "#,##0.00"
    assert anggaran["C2"].number_format == anggaran["D2"].number_format == "#,##0"
    assert wb["SDM"]["B2"].number_format == "0"
    values = {r[0].value: r[1] for r in wb["Identitas"].iter_rows(min_row=2)}
    for name in ("Tanggal", "Tanggal Perjanjian Kinerja"):
        assert values[name].number_format.endswith("d mmmm yyyy")
        assert is_date_format(values[name].number_format)
    assert values["NIP Penandatangan"].number_format == "@"  # 18 digits would be rounded otherwise
    assert values["Tahun"].number_format == "0"  # not 2.024


def test_petunjuk_sheet_explains_every_sheet_and_the_rules(wb):
    text = " ".join(str(c.value) for row in wb["Petunjuk"].iter_rows() for c in row if c.value)
    for lembar in schema.LEMBAR:
        assert f"Lembar {lembar.nama}" in text
        for kolom in lembar.kolom:
            assert kolom.header in text
    for isian in schema.ISIAN_IDENTITAS + schema.ISIAN_PENGATURAN:
        assert isian.nama in text
    for rule in ("77,29%", "bukan nol", "disembunyikan", "Nomor daftar jangan diketik",
                 "lkj periksa", "lkj buat", "Alt+Enter", "Realisasi 2023"):
        assert rule in text, rule


def test_never_overwrites(tmp_path):
    path = tmp_path / "punya-saya.xlsx"
    path.write_bytes(b"isian staf")
    result = runner.invoke(app, ["baru", str(path)])
    assert result.exit_code == 1
    assert path.read_bytes() == b"isian staf"
    assert result.output.strip() == f"Galat: {path} sudah ada dan tidak ditimpa; pilih nama lain"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["punya-saya.xlsx"]


def test_never_overwrites_a_real_workbook(blank):
    before = blank.read_bytes()
    with pytest.raises(LkjError, match="sudah ada dan tidak ditimpa"):
        write_blank_workbook(blank)
    assert blank.read_bytes() == before


def test_written_atomically_with_ordinary_permissions(tmp_path):
    path = write_blank_workbook(tmp_path / "baru.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baru.xlsx"]  # no temporary file left
    if os.name == "posix":
        umask = os.umask(0)
        os.umask(umask)
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_missing_folder_is_a_plain_error(tmp_path):
    with pytest.raises(LkjError, match="tidak ada"):
        write_blank_workbook(tmp_path / "tidak-ada" / "baru.xlsx")


def test_name_must_be_xlsx(tmp_path):
    assert runner.invoke(app, ["baru", str(tmp_path / "a.xls")]).exit_code == 2


def test_empty_workbook_says_what_is_missing(blank):
    result = runner.invoke(app, ["periksa", str(blank)])
    assert result.exit_code == 1
    assert "kosong.xlsx, 'Identitas'!B2: Instansi wajib diisi" in result.output
    assert "kosong.xlsx, 'Kinerja': belum ada indikator kinerja yang diisi" in result.output


def _type_rows(sheet, rows):
    """Type rows from row 2, into the cells the blank workbook prepared, as staff do."""
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(row=r, column=c).value = value


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
    _type_rows(wb["Kinerja"], [["Sasaran A", "Persentase tahapan tepat waktu", "%", "Positif", 100, 95],
                               [None, "Jumlah laporan", "Laporan", None, 2, 2]])
    _type_rows(wb["Anggaran"], [["Rupiah Murni (APBN)", None, 1500000000, 1450000000]])
    _type_rows(wb["SDM"], [["S1", 10]])
    _type_rows(wb["Narasi"], [["Penutup", "Laporan ini ditutup dengan harapan.\nParagraf kedua."]])
    wb.save(path)


def test_filled_blank_workbook_produces_a_report(blank, tmp_path):
    _fill_by_hand(blank)
    loaded = load(blank)
    assert loaded.data.identitas.nama_singkat == "KPU Kota Contoh"
    assert loaded.data.identitas.nip_penandatangan == "198001012005011001"
    out = tmp_path / "laporan.docx"
    result = runner.invoke(app, ["buat", str(blank), "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    assert "Paragraf kedua." in "\n".join(p.text for p in document.paragraphs)
    assert "97,50" in "\n".join(cell.text for t in document.tables
                                for row in t.rows for cell in row.cells)


# --- the sample workbook ---------------------------------------------------------------------

def _builder():
    spec = importlib.util.spec_from_file_location("build_sample", ROOT / "tools" / "build_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sample_matches_the_contract():
    sample = openpyxl.load_workbook(SAMPLE)
    assert sample.sheetnames == ["Petunjuk", *(lembar.nama for lembar in schema.LEMBAR)]
    for lembar in schema.LEMBAR:
        contract = [k.header for k in lembar.kolom]
        headers = _headers(sample[lembar.nama])
        assert headers[:len(contract)] == contract, lembar.nama  # extra columns only after them


def test_sample_uses_a_percent_cell_and_date_cells():
    sample = openpyxl.load_workbook(SAMPLE)
    percent = [c for row in sample["Kinerja"].iter_rows(min_row=2) for c in row
               if c.value is not None and "%" in c.number_format]
    assert [c.value for c in percent] == [pytest.approx(0.7729)]
    values = {r[0].value: r[1].value for r in sample["Identitas"].iter_rows(min_row=2)}
    assert values["Tanggal"] == datetime(2025, 3, 13)
    assert values["Tanggal Perjanjian Kinerja"] == datetime(2024, 1, 8)
    assert values["NIP Penandatangan"] is None and values["Nama Atasan"] is None


def _cells(path):
    wb = openpyxl.load_workbook(path)
    return {(ws.title, c.coordinate): (c.value, c.number_format)
            for ws in wb.worksheets for row in ws.iter_rows() for c in row}


def test_sample_build_is_deterministic(tmp_path):
    builder = _builder()
    first = builder.build(tmp_path / "satu.xlsx")
    second = builder.build(tmp_path / "dua.xlsx")
    assert _cells(first) == _cells(second)
    assert _cells(first) == _cells(SAMPLE), "input/contoh.xlsx is stale: run python tools/build_sample.py"
