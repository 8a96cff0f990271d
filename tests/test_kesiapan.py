"""A workbook from January: valid, ready for the Perjanjian Kinerja, refused for the LKj with
every blank cell named; what `lkj periksa` says each document still needs."""

from __future__ import annotations

from pathlib import Path

import pytest
from books import base_sheets, write_book
from typer.testing import CliRunner

from generator.commands.cli import app
from generator.errors import InputErrors
from generator.reading.kesiapan import ringkas
from generator.pipeline import check, require

runner = CliRunner()
QUARTERS = ["Angka Triwulan", "Target TW I", "Target TW II", "Target TW III", "Target TW IV",
            "Realisasi TW I", "Realisasi TW II", "Realisasi TW III", "Realisasi TW IV"]


def january(**changes) -> dict:
    """Targets and pagu only: no realisasi, no signing date for the LKj yet."""
    sheets = base_sheets()
    for row in sheets["Kinerja"][1:]:
        row[5] = None
    for row in sheets["Anggaran"][1:]:
        row[2] = None
    sheets["Identitas"] = [r for r in sheets["Identitas"] if r[0] != "Tanggal"]
    sheets.update(changes)
    return sheets


def _write(tmp_path: Path, sheets: dict) -> Path:
    return write_book(tmp_path / "buku.xlsx", sheets)


def test_january_workbook_is_valid_and_ready_for_the_pk(tmp_path):
    checked = check(_write(tmp_path, january()))
    siap = checked.loaded.kesiapan
    assert siap.dokumen("pk").siap
    assert not siap.dokumen("lkj").siap
    # No noise about blank realisasi in January: the readiness lines say it once.
    assert not [w for w in checked.warnings if w.code == "realisasi-blank"]


def test_periksa_says_what_each_document_still_needs(tmp_path):
    result = runner.invoke(app, ["periksa", str(_write(tmp_path, january()))])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "Siap untuk: Perjanjian Kinerja" in lines
    assert ("Belum siap untuk Laporan Kinerja: tanggal penandatanganan laporan belum diisi di "
            "'Identitas'; realisasi indikator belum diisi di 'Kinerja'!F2:F3; realisasi anggaran "
            "belum diisi di 'Anggaran'!C2") in lines
    assert ("Belum siap untuk Rencana Aksi: target triwulan: kolom Target TW I, Target TW II, "
            "Target TW III, dan Target TW IV belum ada di lembar 'Kinerja'") in lines
    assert "Realisasi anggaran: - dari Rp20.350.023.000 (-)" in lines


def test_buat_refuses_a_january_workbook_naming_every_cell(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = _write(tmp_path, january())
    result = runner.invoke(app, ["buat", str(path)])
    assert result.exit_code == 1
    assert result.output.splitlines()[:5] == [
        "buku.xlsx: Laporan Kinerja belum dapat dibuat; buku kerja ini baru siap untuk Perjanjian "
        "Kinerja (lihat lkj periksa)",
        "buku.xlsx, 'Identitas': Tanggal penandatanganan Laporan Kinerja belum diisi",
        "buku.xlsx, 'Kinerja'!F2: Realisasi indikator \"Indikator A\" belum diisi",
        "buku.xlsx, 'Kinerja'!F3: Realisasi indikator \"Indikator B\" belum diisi",
        "buku.xlsx, 'Anggaran'!C2: Realisasi anggaran \"Rupiah Murni (APBN)\" belum diisi",
    ]
    # the first line introduces the problems and is not counted as one of them
    assert "Galat: 4 masalah ditemukan di buku.xlsx; tidak ada berkas yang ditulis" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["buku.xlsx"]


def test_some_realisasi_blank_stays_a_warning(tmp_path):
    sheets = base_sheets()
    sheets["Kinerja"][2][5] = None
    checked = require(check(_write(tmp_path, sheets)), "lkj", "buku.xlsx")
    assert [(w.code, w.ref) for w in checked.warnings if w.code == "realisasi-blank"] == [
        ("realisasi-blank", "'Kinerja'!F3")]


def test_one_blank_budget_realisasi_stops_the_lkj(tmp_path):
    sheets = base_sheets()
    sheets["Anggaran"].append(["Hibah Pemilihan (APBD)", 1000, None])
    with pytest.raises(InputErrors) as caught:
        require(check(_write(tmp_path, sheets)), "lkj", "buku.xlsx")
    assert caught.value.judul == ("Laporan Kinerja belum dapat dibuat; buku kerja ini baru siap "
                                  "untuk Perjanjian Kinerja (lihat lkj periksa)")
    assert [(i.ref, i.message) for i in caught.value.errors] == [
        ("'Anggaran'!C3", "Realisasi anggaran \"Hibah Pemilihan (APBD)\" belum diisi"),
    ]


def _quarterly(targets: list, realisasi: list) -> list[list]:
    """Kinerja with quarterly columns; rows give TW I..IV targets and realisasi per indicator."""
    rows = [base_sheets()["Kinerja"][0] + QUARTERS]
    for base, t, r in zip(base_sheets()["Kinerja"][1:], targets, realisasi, strict=True):
        rows.append(base[:5] + [None, None] + t + r)
    return rows


def test_quarters_make_the_rencana_aksi_and_each_quarter_ready(tmp_path):
    kinerja = _quarterly([[60, 65, 70, 75], [3, 3, 3, 3]],
                         [[62, None, None, None], [0.5, None, None, None]])
    sheets = january(Kinerja=kinerja)
    siap = check(_write(tmp_path, sheets)).loaded.kesiapan
    assert [s.dokumen.nama for s in siap.status if s.siap] == [
        "Perjanjian Kinerja", "Rencana Aksi", "Laporan Triwulan I"]
    lines = siap.baris()
    assert "Belum siap untuk Laporan Triwulan II: realisasi s.d. TW II belum diisi di " \
           "'Kinerja'!M2:M3" in lines
    assert not any("Triwulan III" in line or "Triwulan IV" in line for line in lines)


def test_a_quarter_blank_for_one_indicator_is_listed_not_warned(tmp_path):
    kinerja = _quarterly([[60, 65, 70, 75], [3, 3, 3, 3]],
                         [[62, None, None, None], [None, None, None, None]])
    checked = check(_write(tmp_path, january(Kinerja=kinerja)))
    siap = checked.loaded.kesiapan
    assert siap.dokumen("triwulan-1").siap
    # Quarters are not the LKj's business: no warning from `lkj buat`, a line from periksa...
    assert [w.code for w in checked.warnings] == ["rule-unstated"]
    assert ("Sebagian belum diisi untuk Laporan Triwulan I (ditulis \"-\"): realisasi s.d. TW I "
            "belum diisi di 'Kinerja'!L3") in siap.baris()
    # ...and the warnings the quarterly report will give.
    assert [(w.code, w.ref) for w in siap.peringatan("triwulan-1")] == [
        ("quarter-blank", "'Kinerja'!L3")]


def test_per_triwulan_needs_every_quarter_so_far(tmp_path):
    sheets = january()
    sheets["Kinerja"] = [sheets["Kinerja"][0] + QUARTERS,
                         ["Sasaran", "Laporan terbit", "Laporan", None, 4, None,
                          None, 1, 1, 1, 1, None, 1, None, None]]
    status = check(_write(tmp_path, sheets)).loaded.kesiapan.dokumen("triwulan-2")
    # TW II is filled, TW I is not: the count to date is unknown.
    assert [sel.ref for k in status.kurang for sel in k.sel] == ["'Kinerja'!L2"]


def test_pk_lists_what_to_complete(tmp_path):
    lines = check(_write(tmp_path, january())).loaded.kesiapan.baris()
    assert ("Perlu dilengkapi untuk Perjanjian Kinerja (atau di Word nanti): tanggal Perjanjian "
            "Kinerja belum diisi di 'Identitas'; nama Pihak Kedua belum diisi di 'Identitas'; "
            "program anggaran: kolom Program belum ada di lembar 'Anggaran'") in lines


def test_sample_is_ready_for_every_document():
    from doctools import ROOT

    checked = check(ROOT / "input" / "contoh.xlsx")
    assert all(s.siap for s in checked.loaded.kesiapan.status)
    assert checked.loaded.kesiapan.baris() == [
        "Siap untuk: Perjanjian Kinerja, Rencana Aksi, Laporan Triwulan I, Laporan Triwulan II, "
        "Laporan Triwulan III, Laporan Triwulan IV, dan Laporan Kinerja",
        # The reference names no Ketua; the LKj shows a placeholder for it too.
        "Perlu dilengkapi untuk Perjanjian Kinerja (atau di Word nanti): nama Pihak Kedua belum "
        "diisi di 'Identitas'!B14"]


@pytest.mark.parametrize(("refs", "short"), [
    (["'Kinerja'!F2", "'Kinerja'!F3", "'Kinerja'!F4"], "'Kinerja'!F2:F4"),
    (["'Kinerja'!F2", "'Kinerja'!F4"], "'Kinerja'!F2, F4"),
    ([f"'Kinerja'!{c}{r}" for r in (2, 3) for c in "MNOP"], "'Kinerja'!M2:P3"),
    (["'Kinerja'!F2", "'Anggaran'!C2", "'Anggaran'!C3"], "'Kinerja'!F2, 'Anggaran'!C2:C3"),
    (["'Identitas'"], "'Identitas'"),
])
def test_cells_are_named_as_excel_ranges(refs, short):
    assert ringkas(refs) == short


def _january_sample(tmp_path: Path) -> Path:
    """input/contoh.xlsx as it stood in January: targets, quarterly targets and pagu only."""
    import openpyxl
    from doctools import ROOT

    wb = openpyxl.load_workbook(ROOT / "input" / "contoh.xlsx")
    for sheet, blank in (("Kinerja", "Realisasi"), ("Anggaran", "Realisasi")):
        ws = wb[sheet]
        for cell in ws[1]:
            if cell.value and str(cell.value).startswith(blank) and \
                    not str(cell.value).startswith("Realisasi 20"):
                for row in range(2, ws.max_row + 1):
                    ws.cell(row=row, column=cell.column).value = None
    for row in wb["Identitas"].iter_rows(min_row=2):
        if row[0].value == "Tanggal":
            row[1].value = None
    path = tmp_path / "kinerja-2025.xlsx"
    wb.save(path)
    return path


def _block(doc: str, marker: str) -> list[str]:
    import re

    from doctools import ROOT

    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    start = text.index(marker)
    match = re.search(r"```\n(.*?)```", text[start:], re.S)
    assert match is not None
    return match[1].rstrip("\n").splitlines()


def test_buku_kerja_examples_are_what_lkj_prints(tmp_path, monkeypatch):
    path = _january_sample(tmp_path)
    monkeypatch.chdir(tmp_path)
    periksa = runner.invoke(app, ["periksa", path.name])
    assert periksa.exit_code == 0, periksa.output
    expected = _block("buku-kerja.md", "buku kerja Januari mencetak")
    assert [line for line in periksa.output.splitlines() if line in expected] == expected
    buat = runner.invoke(app, ["buat", path.name])
    assert buat.exit_code == 1
    lines = buat.output.splitlines()
    shown = _block("buku-kerja.md", "tidak menulis berkas apa pun, dan menyebut")
    assert lines[:3] == shown[:3] and lines[-2:] == shown[-2:]
