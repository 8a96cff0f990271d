"""Habits of Windows users: names typed without .xlsx, dates as Excel's long-date cells show them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from books import base_sheets, write_book
from typer.testing import CliRunner

from generator.commands.cli import app
from generator.reading.validate import load

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_workbook_name_without_extension_is_found(tmp_path):
    shutil.copy(ROOT / "input" / "contoh.xlsx", tmp_path / "kinerja.xlsx")
    result = runner.invoke(app, ["periksa", str(tmp_path / "kinerja")])
    assert result.exit_code == 0, result.output
    assert "Catatan: kinerja tidak ada; dipakai kinerja.xlsx" in result.output
    assert "Buku kerja kinerja.xlsx siap dipakai" in result.output


def test_double_extension_from_a_hidden_one_is_found(tmp_path):
    shutil.copy(ROOT / "input" / "contoh.xlsx", tmp_path / "kinerja.xlsx.xlsx")
    result = runner.invoke(app, ["periksa", str(tmp_path / "kinerja.xlsx")])
    assert result.exit_code == 0, result.output
    assert "dipakai kinerja.xlsx.xlsx" in result.output


def test_same_name_with_another_extension_is_named(tmp_path):
    (tmp_path / "kinerja.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    result = runner.invoke(app, ["buat", str(tmp_path / "kinerja")])
    assert result.exit_code == 1
    assert "kinerja: berkas tidak ditemukan; di folder itu ada kinerja.xls" in result.output


def test_extensionless_name_through_python_m_generator(tmp_path):
    shutil.copy(ROOT / "input" / "contoh.xlsx", tmp_path / "kinerja.xlsx")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "generator", "periksa", "kinerja"], cwd=tmp_path,
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "dipakai kinerja.xlsx" in done.stderr


@pytest.mark.parametrize("typed", ["Senin, 16 Februari 2026", "16/02/26"])
def test_signing_date_as_typed_is_read(tmp_path, typed):
    sheets = base_sheets()
    sheets["Identitas"][3][1] = 2025
    sheets["Identitas"][6][1] = typed
    loaded = load(write_book(tmp_path / "b.xlsx", sheets))
    assert loaded.data.identitas.tanggal == datetime(2026, 2, 16).date()
    assert not [w for w in loaded.warnings if w.code == "date-early"]


def test_signing_date_before_the_year_ends_is_warned(tmp_path):
    sheets = base_sheets()
    sheets["Identitas"][6][1] = "13/03/2024"  # Tahun is 2024
    path = write_book(tmp_path / "b.xlsx", sheets)
    result = runner.invoke(app, ["periksa", str(path)])
    assert result.exit_code == 0, result.output
    assert ("'Identitas'!B7: Peringatan: Tanggal 13 Maret 2024 belum melewati akhir tahun 2024 "
            "yang dilaporkan") in result.output
