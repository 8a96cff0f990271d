"""Issue 10, items 6 and 7: every yellow place is listed, and the report's text has no slips."""

from __future__ import annotations

import re

import pytest
from books import IDENTITAS, book
from doctools import ROOT
from dump import dump
from typer.testing import CliRunner

from generator.commands.cli import app
from generator.errors import InputErrors
from generator.format import parse_angka
from generator.pipeline import build
from generator.reading.validate import load

runner = CliRunner()


def test_cover_logo_box_is_listed_by_lkj_buat(tmp_path):
    """Item 6: the cover's yellow [Logo] is in the printed list of places to finish in Word."""
    out = tmp_path / "laporan.docx"
    result = runner.invoke(app, ["buat", str(book(tmp_path)), "-o", str(out), "--tanpa-grafik"])
    assert result.exit_code == 0, result.output
    daftar = result.output.split("Bagian yang perlu dilengkapi di Word", 1)[1].splitlines()
    assert daftar[1] == "  - Sampul: logo instansi"
    assert "[Logo]" in dump(out)


def test_logo_given_is_not_listed(tmp_path):
    _png(tmp_path / "logo.png")
    rows = [*[list(r) for r in IDENTITAS], ["Logo", "logo.png"]]
    built = build(book(tmp_path, Identitas=rows), tmp_path / "l.docx", grafik=False)
    assert "Sampul: logo instansi" not in built.placeholders
    assert "[Logo]" not in dump(built.path)


def _png(path):
    from PIL import Image

    Image.new("L", (40, 40), 128).save(path)


def test_iku_placeholder_keeps_its_capitals(tmp_path):
    """Item 7: "[Isi IKU pada lembar Renstra ...]", never "iku"."""
    text = dump(build(book(tmp_path), tmp_path / "l.docx", grafik=False).path)
    assert "[Isi IKU pada lembar Renstra (Jenis: IKU)]" in text
    assert "[Isi misi pada lembar Renstra (Jenis: Misi)]" in text
    assert "iku " not in text


def test_no_brackets_inside_brackets_in_any_sentence(tmp_path):
    """Item 7: "(1 (satu))" never appears: counts in words are not wrapped in more brackets."""
    kinerja = [["Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi"],
               ["Sasaran satu", "Indikator A", "%", 75, 80], [None, "Indikator B", "%", 75, None]]
    text = dump(build(book(tmp_path, Kinerja=kinerja), tmp_path / "l.docx", grafik=False).path)
    assert "yaitu 1 (satu) indikator, mencapai target" in text
    assert not re.search(r"\([^()\n]*\(", text)


@pytest.mark.parametrize(("typed", "reason"), [
    ("≥ 77,5", "diawali tanda ≥; isi angkanya saja, misalnya 77,5"),
    (">= 80", "diawali tanda >=; isi angkanya saja, misalnya 80"),
    ("(77,5)", "bukan angka yang jelas; isi angkanya saja, misalnya 77,5"),
    ("77;5", "bukan angka yang jelas; isi satu angka, dengan koma sebagai pemisah desimal"),
])
def test_number_message_gives_a_relevant_example(typed, reason):
    """Item 7: the example is the person's own number, never an unrelated 1.234,5."""
    with pytest.raises(ValueError) as caught:
        parse_angka(typed)
    assert str(caught.value) == reason


def test_comparison_sign_in_a_target_names_the_cell(tmp_path):
    kinerja = [["Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi"],
               ["Sasaran satu", "Indikator A", "%", "≥ 77,5", 80]]
    with pytest.raises(InputErrors) as caught:
        load(book(tmp_path, Kinerja=kinerja))
    [error] = caught.value.errors
    assert error.ref == "'Kinerja'!D2"
    assert "diawali tanda ≥; isi angkanya saja, misalnya 77,5" in error.message
    assert "1.234,5" not in error.message


def test_report_never_mentions_the_workbook(tmp_path):
    """Item 7: the Bab III note on earlier years speaks of targets, not of the "buku kerja"."""
    text = dump(build(ROOT / "input" / "contoh.xlsx", tmp_path / "c.docx", grafik=False).path)
    assert "Catatan: Capaian tahun 2022 dan 2023 dihitung terhadap target tahun 2024" in text
    assert "buku kerja" not in text.lower()
