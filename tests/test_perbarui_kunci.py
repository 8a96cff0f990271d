"""Marks follow meaning, not position: a figure a person typed stays with its indicator when the
workbook inserts, reorders, removes or renames indicators (issue 18, item 2).

The report's Tabel 3.1 row of IK 1.3 ("Persentase peningkatan pelayanan terhadap pemilih")
carries a hand-typed realisasi, stored as Word stores a retyping (split runs, revision-save ids,
proofing marks). Before keyed marks, a new indicator above it put that figure on the row of the
indicator that took the code IK 1.3.
"""

from __future__ import annotations

import difflib
import shutil

import pytest
from typer.testing import CliRunner

from generator.commands.cli import app
from generator.pipeline import build, update
from kasus_perbarui import (
    IK13,
    IK_SISIP,
    SAMPLE,
    baris_tabel,
    buku,
    ganti_nama_ik13,
    hapus_ik13,
    ketik_sel,
    laporan_v1,
    sisipkan_di_atas_ik13,
    tukar_ik12_ik13,
)
from test_perbarui import baris, chart_figures

DIKETIK = "77,3%"


@pytest.fixture(scope="module")
def dasar(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kunci")
    asli = build(SAMPLE, folder / "asli.docx").path
    sunting = folder / "sunting.docx"
    shutil.copy2(asli, sunting)
    ketik_sel(sunting, "IK 1.3", "77,29%", DIKETIK)
    return {"folder": folder, "asli": asli, "sunting": sunting}


UBAHAN = {"sisip": sisipkan_di_atas_ik13, "tukar": tukar_ik12_ik13, "hapus": hapus_ik13}


@pytest.mark.parametrize("nama", sorted(UBAHAN))
def test_an_untouched_report_becomes_exactly_the_fresh_one(dasar, nama, tmp_path):
    """Inserted, reordered or removed indicators: every part, chart and Word list number lands
    where a fresh report has it."""
    b = buku(tmp_path / f"{nama}.xlsx", UBAHAN[nama])
    fresh = build(b, tmp_path / "segar.docx").path
    done = update(b, dasar["asli"], tmp_path / "hasil.docx")
    diff = list(difflib.unified_diff(baris(fresh), baris(done.path), lineterm="", n=0))
    assert diff == []
    assert chart_figures(done.path) == chart_figures(fresh)
    assert done.hasil.tak_ditulis_lagi == []


def test_an_indicator_inserted_above_keeps_the_typed_figure_on_its_indicator(dasar, tmp_path):
    b = buku(tmp_path / "sisip.xlsx", sisipkan_di_atas_ik13)
    done = update(b, dasar["sunting"], tmp_path / "hasil.docx")
    # the typed figure stays on IK 1.3's indicator, which is now IK 1.4
    rows = baris_tabel(done.path, "IK 1.4")
    assert [r[1:4] for r in rows if len(r) == 6][0] == [IK13, "75%", DIKETIK]
    new = [r for r in baris_tabel(done.path, "IK 1.3") if len(r) == 6][0]
    assert new[1:4] == [IK_SISIP, "90%", "92%"]
    assert [(c.tempat, c.baru) for c in done.hasil.angka_disunting] == [
        (f'Bab III, Tabel 3.1, baris IK 1.4: "{DIKETIK}"', "77,29%")]


def test_indicators_reordered_keep_the_typed_figure_on_its_indicator(dasar, tmp_path):
    b = buku(tmp_path / "tukar.xlsx", tukar_ik12_ik13)
    done = update(b, dasar["sunting"], tmp_path / "hasil.docx")
    tabel = [r for r in baris(done.path) if r.startswith("| IK 1.") and r.count("|") == 6]
    assert tabel[:3] == [
        "| IK 1.1 | Persentase KPU Kabupaten yang menyelenggarakan Pemilu/Pemilihan sesuai jadwal"
        " dan ketentuan yang berlaku | 100% | 100% | 100,00 | Sangat Baik",
        f"| IK 1.2 | {IK13} | 75% | {DIKETIK} | 103,05 | Sangat Baik",
        "| IK 1.3 | Persentase peningkatan pelayanan terhadap partai politik calon peserta Pemilu"
        " | 100% | 100% | 100,00 | Sangat Baik"]
    assert [c.tempat for c in done.hasil.angka_disunting] == [
        f'Bab III, Tabel 3.1, baris IK 1.2: "{DIKETIK}"']


def test_an_indicator_removed_leaves_its_edited_row_listed_with_its_place(dasar, tmp_path):
    b = buku(tmp_path / "hapus.xlsx", hapus_ik13)
    result = CliRunner().invoke(app, ["perbarui", str(b), str(dasar["sunting"]), "-o",
                                      str(tmp_path / "hasil.docx")])
    assert result.exit_code == 0, result.output
    assert ("Bagian yang tidak lagi ditulis lkj (indikator, sasaran, atau baris anggarannya "
            "tidak ada lagi di buku kerja atau namanya diubah)") in result.output
    assert f"  - Bab III, Tabel 3.1, baris IK 1.3: IK 1.3 | {IK13} | 75% | {DIKETIK}" \
        in result.output
    # no other indicator took the typed figure; the untouched parts of IK 1.3 are gone
    lines = baris(tmp_path / "hasil.docx")
    assert sum(DIKETIK in x for x in lines) == 1
    assert not any(x.startswith("Realisasi IK 1.3") for x in lines)


def test_a_renamed_indicator_is_said_to_be_renamed_or_gone(dasar, tmp_path):
    b = buku(tmp_path / "ganti.xlsx", ganti_nama_ik13)
    done = update(b, dasar["sunting"], tmp_path / "hasil.docx")
    kept = [c.tempat for c in done.hasil.tak_ditulis_lagi]
    assert kept == [f"Bab III, Tabel 3.1, baris IK 1.3: IK 1.3 | {IK13} | 75% | {DIKETIK} | "
                    "103,05 | Sanga…"]
    rows = [r for r in baris_tabel(done.path, "IK 1.3") if len(r) == 6 and r[2] == "75%"]
    assert [r[1] for r in rows] == ["Persentase peningkatan pelayanan kepada pemilih", IK13]
    places = [c.tempat for c in done.hasil.ditambahkan]
    assert len(places) == len(set(places))  # a chart and its caption are one line


def test_a_report_of_an_earlier_lkj_is_read_by_its_positions_once(dasar, tmp_path):
    """A report marked by position (before keyed marks, no lkj-versi-tanda) is renamed to keyed
    marks on its first update: the typed figure is kept, and a later insertion above it no
    longer moves it."""
    lama = laporan_v1(SAMPLE, tmp_path / "v1.docx")
    ketik_sel(lama, "IK 1.3", "77,29%", DIKETIK)
    pertama = update(SAMPLE, lama)
    assert pertama.berubah  # marks renamed, version and identity recorded
    assert [c.tempat for c in pertama.hasil.angka_disunting] == [
        f'Bab III, Tabel 3.1, baris IK 1.3: "{DIKETIK}"']
    b = buku(tmp_path / "sisip.xlsx", sisipkan_di_atas_ik13)
    kedua = update(b, lama)
    rows = [r for r in baris_tabel(kedua.path, "IK 1.4") if len(r) == 6]
    assert rows[0][1:4] == [IK13, "75%", DIKETIK]
    assert update(b, lama).berubah is False
