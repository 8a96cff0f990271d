"""The command line speaks Indonesian everywhere, including where the CLI framework prints itself."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from generator.commands.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

# Words the CLI framework prints in English on its own.
ENGLISH = re.compile(r"Usage|Options|Commands|Arguments|Show this message|\[required\]|No such|"
                     r"Did you mean|Missing|Invalid value|not readable|Error|Try '|for help|"
                     r"unexpected|requires|Possible|Aborted|\.\.\.$", re.M)

CASES = [
    ([], 2), (["--help"], 0), (["buat", "--help"], 0), (["periksa", "--help"], 0),
    (["baru", "--help"], 0), (["templat"], 2), (["templat", "salin", "--help"], 0),
    (["templat", "periksa", "--help"], 0), (["bauat"], 2), (["buat"], 2),
    (["buat", "a.xlsx", "b.xlsx"], 2), (["buat", "--kelauran", "x.docx", "a.xlsx"], 2),
    (["buat", "a.xlsx", "-o"], 2), (["buat", "--timpa=ya", "a.xlsx"], 2),
]


@pytest.mark.parametrize(("args", "code"), CASES,
                         ids=lambda a: " ".join(a) if isinstance(a, list) else str(a))
def test_no_english_from_the_framework(args, code):
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    assert not ENGLISH.search(result.output), result.output


def test_help_lists_every_command_in_full():
    out = runner.invoke(app, ["--help"]).output
    assert out.startswith("Pemakaian: lkj [PILIHAN] PERINTAH")
    assert "Pilihan:" in out and "Perintah:" in out and "Tampilkan bantuan ini lalu keluar." in out
    flat = " ".join(out.split())
    assert "Periksa buku kerja dan tampilkan angka hasil hitungan tanpa menulis laporan." in flat
    assert "..." not in out and "…" not in out


def test_mistyped_command_suggests_and_exits_2():
    result = runner.invoke(app, ["bauat"])
    assert result.exit_code == 2
    assert "Galat: perintah 'bauat' tidak dikenal; mungkin maksud Anda buat atau baru?" in result.output
    assert "Coba 'lkj --help' untuk bantuan." in result.output


def test_missing_workbook_names_the_argument():
    result = runner.invoke(app, ["buat"])
    assert result.exit_code == 2
    assert "Galat: argumen BUKU_KERJA belum diisi" in result.output
    assert "Pemakaian: lkj buat [PILIHAN] BUKU_KERJA" in result.output


def test_a_name_with_spaces_without_quotes_is_explained():
    # Several workbooks may be given, so the second word is another workbook that is not there.
    result = runner.invoke(app, ["periksa", "Laporan", "2025.xlsx"])
    assert result.exit_code == 2
    assert "tidak ditemukan: Laporan, 2025.xlsx" in result.output
    assert "diapit tanda kutip" in result.output


@pytest.mark.parametrize("command", ["buat", "periksa"])
def test_unreadable_or_folder_workbook_is_bad_input(tmp_path, command, monkeypatch):
    folder = runner.invoke(app, [command, str(tmp_path)])
    assert folder.exit_code == 1
    assert f"Galat: folder {tmp_path} tidak memuat buku kerja .xlsx" in folder.output
    locked = tmp_path / "terkunci.xlsx"
    locked.write_bytes(b"PK")
    real_read = Path.read_bytes

    def refuse(self):
        if self.name == "terkunci.xlsx":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(os, "access", lambda *a, **k: False)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = runner.invoke(app, [command, str(locked)])
    assert result.exit_code == 1, result.output
    assert "terkunci.xlsx: berkas tidak dapat dibaca" in result.output
    assert not ENGLISH.search(result.output)


def test_python_m_generator_speaks_indonesian():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for args, code in (([], 2), (["buat", "--help"], 0), (["bauat"], 2), (["buat"], 2)):
        done = subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True,
                              text=True, cwd=ROOT, env=env, timeout=60)
        assert done.returncode == code
        assert "Pemakaian:" in done.stdout + done.stderr
        assert not ENGLISH.search(done.stdout + done.stderr), done.stdout + done.stderr


def test_template_that_cannot_be_read_is_bad_input(tmp_path):
    folder = runner.invoke(app, ["templat", "periksa", str(tmp_path)])
    assert folder.exit_code == 1
    assert "ini sebuah folder, bukan templat Word .docx" in folder.output
    missing = runner.invoke(app, ["templat", "periksa", str(tmp_path / "tidak-ada.docx")])
    assert missing.exit_code == 1
    assert "tidak-ada.docx: berkas templat tidak ditemukan" in missing.output
    for result in (folder, missing):
        assert not ENGLISH.search(result.output) and "Errno" not in result.output
