"""`lkj triwulan --ke N`: the quarter's progress report on the sample and on each level; the
fourth quarter's figures to date are the year's."""

from __future__ import annotations

import docx
import pytest
from doctools import ROOT, lo_pdf, pdf_text
from dump import dump
from test_pk import docs  # noqa: F401 - the module-scoped documents fixture
from typer.testing import CliRunner

from generator.commands.cli import app

runner = CliRunner()
SAMPLE = ROOT / "input" / "contoh.xlsx"


def _rows(path, *head: str) -> list[list[str]]:
    """Rows of every table whose header starts with `head`."""
    return [[c.text.strip() for c in r.cells] for t in docx.Document(str(path)).tables
            if [c.text.strip() for c in t.rows[0].cells][:len(head)] == list(head)
            for r in t.rows]


@pytest.fixture(scope="module")
def keempat(tmp_path_factory):
    """The sample's fourth-quarter report and its LKj (without charts, to compare tables)."""
    folder = tmp_path_factory.mktemp("tw")
    tw4, lkj = folder / "tw4.docx", folder / "lkj.docx"
    result = runner.invoke(app, ["triwulan", str(SAMPLE), "--ke", "4", "-o", str(tw4)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["buat", str(SAMPLE), "-o", str(lkj)]).exit_code == 0
    return tw4, lkj


def test_second_quarter_of_the_sample(docs):  # noqa: F811
    text = dump(docs["triwulan", "contoh"])
    assert "TRIWULAN II TAHUN 2024" in text
    assert "| IK 1.3 | Persentase peningkatan pelayanan terhadap pemilih | 75% | 65% | 68% " \
           "| 104,62 | 90,67 |" in text
    assert "Dari 5 indikator kinerja, 5 sesuai dengan rencana sampai dengan Triwulan II dan " \
           "tidak ada yang tertinggal dari target triwulan." in text
    assert "| Total | 60.148.772.000 | 21.640.241.000 | 35,98 |" in text
    part_names = [p.partname for p in docx.Document(str(docs["triwulan", "contoh"])).part.package.parts]
    assert sum("/charts/" in str(n) and str(n).endswith(".xml") for n in part_names) >= 2


def test_fourth_quarter_to_date_is_the_year(keempat):
    """Realisasi to the end of TW IV, per indicator and in the budget total, is the LKj's."""
    tw4, lkj = keempat
    triwulan = {r[0]: (r[2], r[4]) for r in _rows(tw4, "Kode") if r[0].startswith("IK ")}
    tahunan = {r[0]: (r[2], r[3]) for r in _rows(lkj, "Kode", "Indikator Kinerja", "Target",
                                                   "Realisasi", "Capaian (%)")
               if r[0].startswith("IK ")}
    assert triwulan and triwulan == tahunan
    total_tw = next(r for r in _rows(tw4, "Sumber Dana") if r[0] == "Total")
    total_lkj = next(r for r in _rows(lkj, "Sumber Dana") if r[0] == "Total")
    assert total_tw[1:3] == total_lkj[1:3] == ["60.148.772.000", "59.992.385.000"]


@pytest.mark.parametrize("level", ["provinsi", "pusat"])
def test_each_level_reports_its_quarter(docs, level):  # noqa: F811
    text = dump(docs["triwulan", level])
    assert "CAPAIAN KINERJA TRIWULAN II" in text
    assert "belum dapat dihitung" in text  # the level books keep no quarterly budget


def test_a_january_workbook_is_refused_for_the_quarter(tmp_path):
    from books import write_book
    from test_kesiapan import january

    path = write_book(tmp_path / "buku.xlsx", january())
    result = runner.invoke(app, ["triwulan", str(path), "--ke", "1", "-o", str(tmp_path / "t.docx")])
    assert result.exit_code == 1
    assert "Laporan Triwulan I belum dapat dibuat" in result.output
    assert not (tmp_path / "t.docx").exists()


def test_quarter_outside_one_to_four(tmp_path):
    result = runner.invoke(app, ["triwulan", str(SAMPLE), "--ke", "5"])
    assert result.exit_code == 2
    assert "--ke harus 1, 2, 3, atau 4, tertulis 5" in result.output


def test_quarterly_report_renders_with_its_contents_lists(docs, tmp_path):  # noqa: F811
    text = pdf_text(lo_pdf(docs["triwulan", "contoh"], tmp_path))
    assert "DAFTAR GRAFIK" in text and "Grafik 1.1 Capaian Indikator Kinerja" in text
    assert "LAPORAN CAPAIAN KINERJA" in text
