"""Reading workbooks built inline: number forms, dates, blanks, hidden rows, missing parts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from books import base_sheets, book, write_book

from generator.errors import InputErrors
from generator.reading.validate import load


def _indikator(data, n=0, s=0):
    return data.sasaran[s].indikator[n]


def _messages(exc: InputErrors) -> list[str]:
    return [i.line() for i in exc.errors]


def test_minimal_workbook_reads(tmp_path):
    data = load(book(tmp_path)).data
    assert data.identitas.tahun == 2024
    assert data.identitas.tanggal == date(2025, 3, 13)
    assert [i.nama for i in data.sasaran[0].indikator] == ["Indikator A", "Indikator B"]
    assert _indikator(data).realisasi == Decimal("77.29")


def test_percent_cell_is_read_as_percent_points(tmp_path):
    sheets = base_sheets()
    sheets["Kinerja"][1][5] = 0.7729
    path = write_book(tmp_path / "b.xlsx", sheets, {("Kinerja", "F2"): "0.00%"})
    assert _indikator(load(path).data).realisasi == Decimal("77.29")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("77,29", "77.29"), ("77,29%", "77.29"), ("1.234.567", "1234567"), (" 75 ", "75")],
)
def test_number_typed_as_text_is_read_the_indonesian_way(tmp_path, typed, expected):
    sheets = base_sheets()
    sheets["Kinerja"][1][5] = typed
    assert _indikator(load(write_book(tmp_path / "b.xlsx", sheets)).data).realisasi == Decimal(expected)


def test_rupiah_text_in_budget(tmp_path):
    sheets = base_sheets()
    sheets["Anggaran"][1][1] = "Rp 20.350.023.000"
    assert load(write_book(tmp_path / "b.xlsx", sheets)).data.anggaran[0].pagu == Decimal(20350023000)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(45729, date(2025, 3, 13)), ("13/03/2025", date(2025, 3, 13)),
     ("13 Maret 2025", date(2025, 3, 13))],
)
def test_dates_in_every_form(tmp_path, value, expected):
    sheets = base_sheets()
    sheets["Identitas"][6][1] = value
    assert load(write_book(tmp_path / "b.xlsx", sheets)).data.identitas.tanggal == expected


def test_blank_realisasi_is_not_zero(tmp_path):
    sheets = base_sheets()
    sheets["Kinerja"][1][5] = None
    loaded = load(write_book(tmp_path / "b.xlsx", sheets))
    assert _indikator(loaded.data).realisasi is None
    assert any(w.code == "realisasi-blank" and w.ref == "'Kinerja'!F2" for w in loaded.warnings)


def test_zero_realisasi_is_zero(tmp_path):
    sheets = base_sheets()
    sheets["Kinerja"][1][5] = 0
    assert _indikator(load(write_book(tmp_path / "b.xlsx", sheets)).data).realisasi == 0


def test_title_row_above_header_and_any_column_order(tmp_path):
    rows = [
        ["Data kinerja tahun 2024"],
        ["  REALISASI ", "target", "Satuan", "Indikator Kinerja", "Sasaran Strategis", "Catatan"],
        [77.29, 75, "%", "Indikator A", "Sasaran satu", "kolom lain diabaikan"],
    ]
    data = load(book(tmp_path, Kinerja=rows)).data
    ind = _indikator(data)
    assert (ind.nama, ind.target, ind.realisasi) == ("Indikator A", 75, Decimal("77.29"))


def test_sheet_names_are_case_insensitive(tmp_path):
    sheets = base_sheets()
    sheets["  kinerja "] = sheets.pop("Kinerja")
    assert load(write_book(tmp_path / "b.xlsx", sheets)).data.sasaran


def test_blank_sasaran_continues_the_one_above(tmp_path):
    data = load(book(tmp_path)).data
    assert len(data.sasaran) == 1 and len(data.sasaran[0].indikator) == 2


def test_hidden_rows_are_skipped_and_reported(tmp_path):
    loaded = load(book(tmp_path, hidden_rows={"Kinerja": [3]}))
    assert [i.nama for i in loaded.data.sasaran[0].indikator] == ["Indikator A"]
    assert any(w.code == "row-hidden" and w.ref == "'Kinerja'!3:3" for w in loaded.warnings)


def test_earlier_years_columns(tmp_path):
    rows = [r + extra for r, extra in zip(
        base_sheets()["Kinerja"], [["Realisasi 2022", "Realisasi 2023"], [70, 72.5], [2, 1]], strict=False)]
    ind = _indikator(load(book(tmp_path, Kinerja=rows)).data)
    assert ind.realisasi_lalu == ((2022, Decimal(70)), (2023, Decimal("72.5")))


def test_formula_without_cached_value_is_an_error(tmp_path):
    sheets = base_sheets()
    sheets["Kinerja"][1][5] = "=70+7.29"
    with pytest.raises(InputErrors) as caught:
        load(write_book(tmp_path / "b.xlsx", sheets))
    assert _messages(caught.value) == [
        "'Kinerja'!F2: Realisasi berisi rumus yang belum pernah dihitung; buka berkas di "
        "Excel/Calc lalu simpan ulang agar nilainya tersimpan",
    ]


def test_missing_sheet(tmp_path):
    with pytest.raises(InputErrors) as caught:
        load(book(tmp_path, Anggaran=None))
    assert _messages(caught.value) == [
        "'Anggaran': lembar 'Anggaran' tidak ada; lembar ini wajib dengan kolom "
        "Sumber Dana, Pagu, Realisasi",
    ]


def test_missing_header(tmp_path):
    rows = [["Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"],
            ["S", "I", "%", 75]]
    with pytest.raises(InputErrors) as caught:
        load(book(tmp_path, Kinerja=rows))
    assert _messages(caught.value) == [
        "'Kinerja': kolom 'Realisasi' tidak ditemukan pada 10 baris pertama; baris judul harus "
        "memuat Sasaran Strategis, Indikator Kinerja, Satuan, Target, Realisasi",
    ]


def test_workbook_bytes_unchanged_after_reading(tmp_path):
    path = book(tmp_path)
    before = path.read_bytes()
    load(path)
    assert path.read_bytes() == before


def test_saved_by_excel_formula_value_is_used(tmp_path):
    # openpyxl cannot compute formulas; emulate a cached value by writing the XML Excel writes.
    path = book(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["Kinerja"]["F2"] = 77.29
    wb.save(path)
    assert _indikator(load(path).data).realisasi == Decimal("77.29")
