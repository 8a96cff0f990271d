"""Where the report goes and faults while writing it: checked first, never the input, nothing left."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from books import IDENTITAS, base_sheets, book, many_indicators, write_book
from typer.testing import CliRunner

from generator import pipeline
from generator.commands.cli import app
from generator.files import properti

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "input" / "contoh.xlsx"
runner = CliRunner()
posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX resource limits/signals")


def _buat(*args: str):
    return runner.invoke(app, ["buat", *args])


def test_the_workbook_is_never_the_report(tmp_path):
    workbook = tmp_path / "buku.docx"
    shutil.copy(SAMPLE, workbook)
    before = workbook.read_bytes()
    result = _buat(str(workbook), "-o", str(workbook), "--timpa")
    assert result.exit_code == 2
    assert result.output == (f"Galat: berkas keluaran {workbook} adalah berkas masukan buku.docx "
                             "itu sendiri; pilih nama lain agar masukan tidak tertimpa\n")
    assert workbook.read_bytes() == before


@posix_only
@pytest.mark.parametrize("link", ["hard", "symbolic", "dotted"])
def test_the_workbook_under_another_name_is_never_the_report(tmp_path, link):
    workbook = tmp_path / "buku.docx"
    shutil.copy(SAMPLE, workbook)
    before = workbook.read_bytes()
    other = tmp_path / "lain.docx"
    if link == "hard":
        os.link(workbook, other)
    elif link == "symbolic":
        other.symlink_to(workbook)
    else:
        other = tmp_path / "." / "sub" / ".." / "buku.docx"
        (tmp_path / "sub").mkdir()
    result = _buat(str(workbook), "-o", str(other), "--timpa")
    assert result.exit_code == 2, result.output
    assert workbook.read_bytes() == before


def test_the_template_is_never_the_report(tmp_path):
    template = tmp_path / "templat.docx"
    runner.invoke(app, ["templat", "salin", str(template)])
    before = template.read_bytes()
    result = _buat(str(book(tmp_path)), "--templat", str(template), "-o", str(template), "--timpa")
    assert result.exit_code == 2
    assert "adalah berkas masukan templat.docx" in result.output
    assert template.read_bytes() == before


def _never_read(monkeypatch):
    def fail(workbook):
        raise AssertionError("the workbook was read before the destination was checked")

    monkeypatch.setattr(pipeline, "check", fail)


def test_a_missing_output_folder_is_reported_before_the_workbook_is_read(tmp_path, monkeypatch):
    _never_read(monkeypatch)
    result = _buat(str(SAMPLE), "-o", str(tmp_path / "tidak-ada" / "laporan.docx"))
    assert result.exit_code == 1
    assert result.output == (f"Galat: folder keluaran {tmp_path / 'tidak-ada'} tidak ada; buat "
                             "foldernya lebih dulu atau pilih tempat lain\n")


def test_an_existing_folder_as_output_is_a_usage_error(tmp_path, monkeypatch):
    _never_read(monkeypatch)
    folder = tmp_path / "laporan.docx"
    folder.mkdir()
    result = _buat(str(SAMPLE), "-o", str(folder))
    assert result.exit_code == 2
    assert result.output.startswith(f"Galat: {folder} adalah folder; berikan nama berkas .docx")
    assert list(folder.iterdir()) == []


def test_a_parent_that_is_a_file_is_called_a_file(tmp_path, monkeypatch):
    _never_read(monkeypatch)
    parent = tmp_path / "arsip"
    parent.write_text("bukan folder")
    result = _buat(str(SAMPLE), "-o", str(parent / "laporan.docx"))
    assert result.exit_code == 1
    assert result.output == (f"Galat: {parent} adalah berkas, bukan folder; pilih tempat lain "
                             "untuk laporan\n")


def test_an_output_name_without_docx_is_a_usage_error_before_reading(monkeypatch, tmp_path):
    _never_read(monkeypatch)
    result = _buat(str(SAMPLE), "-o", str(tmp_path / "laporan"))
    assert result.exit_code == 2
    assert result.output == "Galat: berkas keluaran harus berakhiran .docx, tertulis laporan\n"


def test_invisible_characters_stay_out_of_the_default_name(tmp_path, monkeypatch):
    rows = [list(r) for r in IDENTITAS]
    rows[2][1] = "KPU Kabupaten \u202excod.exe\u200b Contoh"
    workbook = write_book(tmp_path / "buku.xlsx", {**base_sheets(), "Identitas": rows})
    monkeypatch.chdir(tmp_path)
    result = _buat(str(workbook), "--tanpa-grafik")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "output").iterdir()] == [
        "LKj-2024-KPU Kabupaten xcod.exe Contoh.docx"]


def test_no_output_folder_is_made_for_a_workbook_with_errors(tmp_path, monkeypatch):
    rows = [list(r) for r in IDENTITAS[:3]]
    workbook = write_book(tmp_path / "buku.xlsx", {**base_sheets(), "Identitas": rows})
    monkeypatch.chdir(tmp_path)
    assert _buat(str(workbook)).exit_code == 1
    assert not (tmp_path / "output").exists()


def _leftovers(*folders: Path) -> list[str]:
    return sorted(p.name for folder in folders for p in folder.iterdir())


def _old_report(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A folder holding an earlier report (`laporan lama`), and an empty temporary folder."""
    out_dir = tmp_path / "keluaran"
    out_dir.mkdir()
    out = out_dir / "laporan.docx"
    out.write_bytes(b"laporan lama")
    temp_dir = tmp_path / "tmp"
    temp_dir.mkdir()
    return out_dir, out, temp_dir


@pytest.mark.parametrize("fault", [KeyboardInterrupt, "SIGTERM"])
def test_a_signal_while_stamping_leaves_nothing_behind(tmp_path, monkeypatch, fault):
    if fault == "SIGTERM" and os.name != "posix":
        pytest.skip("POSIX signal")
    workbook = book(tmp_path)
    out_dir, out, temp_dir = _old_report(tmp_path)
    monkeypatch.setenv("TMPDIR", str(temp_dir))
    monkeypatch.setattr("tempfile.tempdir", None)
    seen = []

    def stop_mid_stamp(data):
        # Inside stamp: the temporary report and its .stamp copy exist.
        seen.extend(_leftovers(out_dir, temp_dir))
        if fault == "SIGTERM":
            os.kill(os.getpid(), signal.SIGTERM)
        raise KeyboardInterrupt

    monkeypatch.setattr(properti, "dengan_relasi", stop_mid_stamp)
    result = _buat(str(workbook), "-o", str(out), "--timpa")
    assert result.exit_code == 1
    assert result.output == ("Galat: dihentikan sebelum selesai; tidak ada berkas yang ditulis dan "
                             "laporan lama utuh\n")
    assert out.read_bytes() == b"laporan lama"
    assert any(name.endswith(".docx.stamp") for name in seen)
    assert _leftovers(out_dir, temp_dir) == ["laporan.docx"]


def _limited(limit: int):
    """In the child: files may grow to `limit` bytes; past it a write fails with EFBIG."""
    import resource

    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@posix_only
@pytest.mark.parametrize("args", [["--tanpa-grafik"], []], ids=["tanpa-grafik", "dengan-grafik"])
def test_a_full_disk_gives_one_line_and_leaves_nothing_behind(tmp_path, args):
    message = ("Galat: laporan.docx tidak dapat ditulis (berkas melebihi batas ukuran yang "
               "diizinkan); berkas lama, bila ada, tidak berubah\n")
    out_dir, out, temp_dir = _old_report(tmp_path)
    env = {**os.environ, "TMPDIR": str(temp_dir), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "generator", "buat", str(SAMPLE), "-o", str(out), "--timpa", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        preexec_fn=_limited(16_000))
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert done.stderr == message
    assert out.read_bytes() == b"laporan lama"
    assert _leftovers(out_dir, temp_dir) == ["laporan.docx"]


@posix_only
def test_sigterm_at_any_moment_of_a_long_build_leaves_nothing_behind(tmp_path):
    # 2.000 indicators: a few seconds of rendering while the temporary report exists.
    workbook = many_indicators(tmp_path / "banyak.xlsx", sasaran=10, indikator=2000)
    out_dir, out, temp_dir = _old_report(tmp_path)
    env = {**os.environ, "TMPDIR": str(temp_dir)}
    child = subprocess.Popen(
        [sys.executable, "-m", "generator", "buat", str(workbook), "-o", str(out), "--timpa"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(list(out_dir.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)  # until the temporary report beside laporan.docx exists
    child.send_signal(signal.SIGTERM)
    stdout, stderr = child.communicate(timeout=60)
    assert child.returncode == 1, stderr
    assert stderr == ("Galat: dihentikan sebelum selesai; tidak ada berkas yang ditulis dan "
                      "laporan lama utuh\n")
    assert out.read_bytes() == b"laporan lama"
    assert _leftovers(out_dir, temp_dir) == ["laporan.docx"]
