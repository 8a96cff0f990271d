"""Typed total rows are never counted, long numbers in text fields are refused, refs hit the cell."""

from __future__ import annotations

import pytest
from books import base_sheets, book, write_book
from typer.testing import CliRunner

from generator.commands.cli import app
from generator.reading.validate import load

runner = CliRunner()
ANGGARAN = [
    ["Sumber Dana", "Pagu", "Realisasi", "Uraian", "Sasaran Strategis"],
    ["Rupiah Murni (APBN)", 20350023000, 20300000000, None, None],
    ["Hibah APBD", 39798749000, 39692385000, None, None],
]
TOTAL = "Rp60.148.772.000"


def _periksa(path):
    result = runner.invoke(app, ["periksa", str(path)])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("row", [
    ["JUMLAH", 60148772000, 59992385000, None, None],
    ["Jumlah Total", 60148772000, 59992385000, None, None],
    [None, 60148772000, 59992385000, "Total", None],
    ["Sub Jumlah", 60148772000, 59992385000, None, None],
    ["Dana", 60148772000, 59992385000, None, None],  # figures equal the sum of the rows above
])
def test_typed_total_row_in_anggaran_is_skipped_with_a_warning(tmp_path, row):
    out = _periksa(book(tmp_path, Anggaran=ANGGARAN + [row]))
    assert f"Realisasi anggaran: Rp59.992.385.000 dari {TOTAL} (99,74%)" in out
    assert "'Anggaran'!" in out and "baris 4" in out and "tidak dihitung" in out


def test_subtotals_and_grand_total_are_all_skipped(tmp_path):
    rows = [ANGGARAN[0], ANGGARAN[1], ["Jumlah RM", 20350023000, 20300000000, None, None],
            ANGGARAN[2], ["Sub Total", 39798749000, 39692385000, None, None],
            ["Sumber lain", 60148772000, 59992385000, None, None]]
    loaded = load(book(tmp_path, Anggaran=rows))
    assert [line.sumber for line in loaded.data.anggaran] == ["Rupiah Murni (APBN)", "Hibah APBD"]
    assert [w.ref for w in loaded.warnings if w.code == "total-row"] == [
        "'Anggaran'!A3", "'Anggaran'!A5", "'Anggaran'!B6"]


def test_a_real_line_named_like_jumlah_is_kept(tmp_path):
    loaded = load(book(tmp_path, Anggaran=ANGGARAN + [["Jumlahan Dana", 5, 4, None, None]]))
    assert len(loaded.data.anggaran) == 3


def test_typed_total_row_in_kinerja_is_skipped(tmp_path):
    sheets = base_sheets()
    sheets["Kinerja"].append(["Jumlah", None, None, None, 78, 77.69])
    sheets["Kinerja"].append([None, "Rata-rata capaian", "%", None, 100, 101.5])
    loaded = load(write_book(tmp_path / "b.xlsx", sheets))
    assert [i.nama for s in loaded.data.sasaran for i in s.indikator] == ["Indikator A", "Indikator B"]
    assert [w.ref for w in loaded.warnings if w.code == "total-row"] == [
        "'Kinerja'!A4", "'Kinerja'!B5"]
    # an indicator whose name merely starts with "Jumlah" is a real indicator
    sheets["Kinerja"][3] = [None, "Jumlah pemilih terdaftar", "Orang", None, 100, 100]
    loaded = load(write_book(tmp_path / "c.xlsx", sheets))
    assert "Jumlah pemilih terdaftar" in [i.nama for s in loaded.data.sasaran for i in s.indikator]


@pytest.mark.parametrize("value", [1.97905152006042e17, 197905152006041984])
def test_nip_stored_as_a_long_number_is_an_error_naming_the_cell(tmp_path, value):
    sheets = base_sheets()
    sheets["Identitas"].append(["NIP Penandatangan", value])
    path = write_book(tmp_path / "b.xlsx", sheets)
    result = runner.invoke(app, ["periksa", str(path)])
    assert result.exit_code == 1
    assert "'Identitas'!B10: NIP Penandatangan tersimpan sebagai angka" in result.output
    assert "ketik ulang sebagai teks" in result.output
    assert "197905152006041984" not in result.output


def test_nip_typed_as_text_is_kept(tmp_path):
    sheets = base_sheets()
    sheets["Identitas"].append(["NIP Penandatangan", "197905152006042001"])
    assert load(write_book(tmp_path / "b.xlsx", sheets)).data.identitas.nip_penandatangan == \
        "197905152006042001"


def test_unknown_budget_sasaran_is_reported_at_its_own_cell(tmp_path):
    rows = [ANGGARAN[0], ["Rupiah Murni (APBN)", 100, 90, None, "Sasaran yang tidak ada"]]
    warnings = [w for w in load(book(tmp_path, Anggaran=rows)).warnings if w.code == "budget-sasaran"]
    assert [w.ref for w in warnings] == ["'Anggaran'!E2"]


def test_figure_warnings_point_at_the_figure(tmp_path):
    sheets = base_sheets()
    sheets["Kinerja"] += [[None, "Target nol", "Laporan", None, 0, 1],
                          [None, "Jauh di atas", "%", None, 10, 75]]
    loaded = load(write_book(tmp_path / "b.xlsx", sheets))
    refs = {w.code: w.ref for w in loaded.warnings}
    assert refs["target-zero"] == "'Kinerja'!E4"
    assert refs["capaian-high"] == "'Kinerja'!F5"
    assert refs["rule-unstated"] == "'Kinerja'!D3"
