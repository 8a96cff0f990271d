"""`lkj perbarui` on the year's other documents: a hand-finished Perjanjian Kinerja or Rencana
Aksi takes new figures, knows what it is from its properties, and refuses another's template."""

from __future__ import annotations

import shutil

import docx
import openpyxl
from kasus_perbarui import SAMPLE
from typer.testing import CliRunner

from generator.commands.cli import app
from generator.kontrak import PROPERTI_DOKUMEN
from generator.files.properti import baca_properti, tulis_properti

runner = CliRunner()
KALIMAT = "Kalimat tambahan yang diketik tangan di Word."


def _run(*args):
    return runner.invoke(app, [str(a) for a in args])


def _target_ik11(path, nilai: int):
    """The sample with IK 1.1's target changed (row 2 of Kinerja), TW IV with it (cumulative)."""
    wb = openpyxl.load_workbook(SAMPLE)
    ws = wb["Kinerja"]
    for judul in ("Target", "Target TW IV"):
        kolom = next(c.column for c in ws[1] if c.value == judul)
        ws.cell(row=2, column=kolom).value = nilai
    wb.save(path)
    return path


def _sunting(path) -> None:
    """A sentence added by hand to the paragraph opening the PK, as python-docx saves it."""
    doc = docx.Document(str(path))
    p = next(p for p in doc.paragraphs if p.text.startswith("Dalam rangka mewujudkan"))
    p.add_run(" " + KALIMAT)
    doc.save(str(path))


def test_hand_finished_pk_takes_new_targets(tmp_path):
    pk = tmp_path / "pk.docx"
    assert _run("pk", SAMPLE, "-o", pk).exit_code == 0
    assert baca_properti(docx.Document(str(pk)))[PROPERTI_DOKUMEN] == "pk"
    _sunting(pk)
    baru = _target_ik11(tmp_path / "baru.xlsx", 90)
    result = _run("perbarui", baru, pk)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Perjanjian Kinerja diperbarui:")
    doc = docx.Document(str(pk))
    assert any(KALIMAT in p.text for p in doc.paragraphs)
    rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    assert any(r[2].startswith("Persentase KPU Kabupaten") and r[3] == "90%" for r in rows
               if len(r) == 4)
    assert "Word diminta lagi" not in result.output  # the PK has no contents list to update


def test_rencana_aksi_is_updated_as_a_rencana_aksi(tmp_path):
    renaksi = tmp_path / "renaksi.docx"
    assert _run("renaksi", SAMPLE, "-o", renaksi).exit_code == 0
    same = _run("perbarui", SAMPLE, renaksi)
    assert same.exit_code == 0, same.output
    assert same.output.startswith("Tidak ada yang berubah")


def test_pk_refuses_the_lkj_template_and_an_unknown_kind(tmp_path):
    pk = tmp_path / "pk.docx"
    assert _run("pk", SAMPLE, "-o", pk).exit_code == 0
    templat = tmp_path / "lkj-templat.docx"
    assert _run("templat", "salin", templat).exit_code == 0
    result = _run("perbarui", SAMPLE, pk, "--templat", templat)
    assert result.exit_code == 1
    assert "templat ini untuk Laporan Kinerja, bukan Perjanjian Kinerja" in result.output
    asing = tmp_path / "asing.docx"
    shutil.copy(pk, asing)
    doc = docx.Document(str(asing))
    tulis_properti(doc, {PROPERTI_DOKUMEN: "sk"})
    doc.save(str(asing))
    before = asing.read_bytes()
    result = _run("perbarui", SAMPLE, asing)
    assert result.exit_code == 1
    assert "lkj-dokumen = \"sk\" tidak dikenal" in result.output
    assert asing.read_bytes() == before


def test_pk_saved_in_libreoffice_takes_new_targets(tmp_path):
    """The path staff take: lkj pk, finished and saved in LibreOffice, then lkj perbarui."""
    from penyunting import simpan_di_libreoffice

    pk = tmp_path / "pk.docx"
    assert _run("pk", SAMPLE, "-o", pk).exit_code == 0
    _sunting(pk)
    disimpan = simpan_di_libreoffice(pk, tmp_path / "lo")
    assert baca_properti(docx.Document(str(disimpan)))[PROPERTI_DOKUMEN] == "pk"
    result = _run("perbarui", _target_ik11(tmp_path / "baru.xlsx", 90), disimpan)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Perjanjian Kinerja diperbarui:")
    doc = docx.Document(str(disimpan))
    assert any(KALIMAT in p.text for p in doc.paragraphs)
    rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    assert any(len(r) == 4 and r[2].startswith("Persentase KPU Kabupaten") and r[3] == "90%"
               for r in rows)
