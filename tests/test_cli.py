"""The commands as a user runs them: output, exit codes, and nothing lost along the way."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
from books import base_sheets, book, write_book
from typer.testing import CliRunner

from generator.writing import render
from generator.commands.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args))


def test_every_command_has_indonesian_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in (["buat"], ["periksa"], ["rekap"], ["perbarui"], ["baru"], ["templat", "salin"],
                    ["templat", "periksa"]):
        result = _run(*command, "--help")
        assert result.exit_code == 0
        assert f"lkj {' '.join(command)}" in readme
    assert "Periksa buku kerja" in _run("periksa", "--help").output


def test_no_arguments_shows_usage():
    result = _run()
    assert result.exit_code == 2
    assert "buat" in result.output


def test_unknown_option_is_a_usage_error(tmp_path):
    assert _run("buat", str(book(tmp_path)), "--tidak-ada").exit_code == 2


def test_periksa_prints_figures_without_writing(tmp_path):
    path = book(tmp_path)
    result = _run("periksa", str(path))
    assert result.exit_code == 0, result.output
    assert "capaian 103,05" in result.output
    assert "Rata-rata capaian kinerja: 101,53" in result.output
    assert "Realisasi anggaran: Rp20.300.000.000 dari Rp20.350.023.000 (99,75%)" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["buku.xlsx"]


def test_periksa_lists_every_problem_and_exits_1(tmp_path):
    sheets = base_sheets()
    sheets["Kinerja"][1][4] = "tujuh puluh lima"
    sheets["Identitas"].pop(5)
    result = _run("periksa", str(write_book(tmp_path / "buku.xlsx", sheets)))
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == [
        "buku.xlsx, 'Identitas': Tempat wajib diisi",
        "buku.xlsx, 'Kinerja'!E2: Target harus berupa angka, tertulis \"tujuh puluh lima\" "
        "(bukan angka)",
    ]
    assert result.output.splitlines()[-1] == (
        "Galat: 2 masalah ditemukan di buku.xlsx; tidak ada berkas yang ditulis")


def test_buat_writes_report_and_summary(tmp_path):
    out = tmp_path / "laporan.docx"
    result = _run("buat", str(book(tmp_path)), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert f"Laporan ditulis: {out}" in result.output
    assert "1 sasaran, 2 indikator; rata-rata capaian 101,53; realisasi anggaran 99,75%" in result.output
    assert "Bagian yang perlu dilengkapi di Word" in result.output
    docx.Document(str(out))


def test_buat_default_output_name(tmp_path, monkeypatch):
    workbook = book(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = _run("buat", str(workbook))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "LKj-2024-KPU Kabupaten Contoh.docx").exists()


def test_bad_workbook_writes_nothing(tmp_path):
    sheets = base_sheets()
    sheets["Kinerja"][1][4] = -1
    out = tmp_path / "laporan.docx"
    result = _run("buat", str(write_book(tmp_path / "buku.xlsx", sheets)), "-o", str(out))
    assert result.exit_code == 1
    assert not out.exists()


def test_workbook_is_never_modified(tmp_path):
    path = book(tmp_path)
    before = path.read_bytes()
    assert _run("buat", str(path), "-o", str(tmp_path / "a.docx")).exit_code == 0
    assert _run("periksa", str(path)).exit_code == 0
    assert path.read_bytes() == before


def test_untouched_report_is_replaced_but_edited_one_survives(tmp_path):
    workbook = book(tmp_path)
    out = tmp_path / "laporan.docx"
    assert _run("buat", str(workbook), "-o", str(out)).exit_code == 0
    first = out.read_bytes()
    assert _run("buat", str(workbook), "-o", str(out)).exit_code == 0  # untouched: replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["buku.xlsx", "laporan.docx"]

    document = docx.Document(str(out))
    document.add_paragraph("Kalimat yang ditulis staf di Word.")
    document.save(str(out))
    edited = out.read_bytes()
    result = _run("buat", str(workbook), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == edited
    assert (tmp_path / "laporan-2.docx").exists()
    assert "sudah disunting sejak dibuat, jadi tidak ditimpa" in result.output
    assert first  # the first report existed and was a real file

    result = _run("buat", str(workbook), "-o", str(out), "--timpa")
    assert result.exit_code == 0
    assert out.read_bytes() != edited


def test_failure_in_the_middle_of_writing_leaves_no_file(tmp_path, monkeypatch):
    workbook = book(tmp_path)
    out = tmp_path / "laporan.docx"
    out.write_bytes(b"laporan lama")

    def half_then_fail(context, out_path, template=None):
        Path(out_path).write_bytes(b"PK\x03\x04 setengah")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(render, "render_report", half_then_fail)
    result = _run_raising("buat", str(workbook), "-o", str(out), "--timpa")
    assert result.exit_code == 1
    assert result.output == ("Galat: laporan.docx tidak dapat ditulis (ruang disk penuh); berkas "
                             "lama, bila ada, tidak berubah\n")
    assert out.read_bytes() == b"laporan lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["buku.xlsx", "laporan.docx"]


def _run_raising(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=True)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def test_output_folder_missing_is_one_line(tmp_path):
    result = _run("buat", str(book(tmp_path)), "-o", str(tmp_path / "tidak-ada" / "a.docx"))
    assert result.exit_code == 1
    assert result.output.strip().startswith("Galat: folder keluaran")
    assert len(result.output.strip().splitlines()) == 1


def test_output_must_be_docx(tmp_path):
    result = _run("buat", str(book(tmp_path)), "-o", str(tmp_path / "laporan.pdf"))
    assert result.exit_code == 2
    assert "harus berakhiran .docx" in result.output


def test_report_open_in_word_is_one_line(tmp_path, monkeypatch):
    # Word on Windows locks an open .docx; replacing it then fails with PermissionError.
    from generator.files import output

    workbook = book(tmp_path)
    out = tmp_path / "laporan.docx"
    real_replace = output.os.replace

    def locked(src, dst):
        if Path(dst) == out:
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    out.write_bytes(b"dibuka di Word")
    monkeypatch.setattr(output.os, "replace", locked)
    result = _run("buat", str(workbook), "-o", str(out), "--timpa")
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Galat: laporan.docx tidak dapat ditimpa: berkas sedang dibuka (mis. di Word) atau tidak "
        "ada izin menulis; tutup berkasnya lalu ulangi")
    assert out.read_bytes() == b"dibuka di Word"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["buku.xlsx", "laporan.docx"]


def test_installed_command_runs_as_a_process(tmp_path):
    lkj = shutil.which("lkj")
    command = [lkj] if lkj else [sys.executable, "-m", "generator"]
    out = tmp_path / "laporan.docx"
    result = subprocess.run([*command, "buat", str(book(tmp_path)), "-o", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert re.search(r"Laporan ditulis: .*laporan\.docx", result.stdout)
    bad = subprocess.run([*command, "periksa", str(tmp_path / "tidak-ada.xlsx")],
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr


def test_buat_tanpa_grafik(tmp_path):
    with_charts, without = tmp_path / "a.docx", tmp_path / "b.docx"
    assert _run("buat", str(book(tmp_path)), "-o", str(with_charts)).exit_code == 0
    assert _run("buat", str(book(tmp_path)), "-o", str(without), "--tanpa-grafik").exit_code == 0
    assert len(docx.Document(str(with_charts)).inline_shapes) >= 2
    assert len(docx.Document(str(without)).inline_shapes) == 0
