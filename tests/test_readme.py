"""The README's example outputs are what lkj prints today, and its user section keeps its promises."""

from __future__ import annotations

import re
from pathlib import Path

from books import base_sheets, write_book
from typer.testing import CliRunner

from generator.commands.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def _block_after(marker: str) -> list[str]:
    start = README.index(marker)
    match = re.search(r"```\n(.*?)```", README[start:], re.S)
    assert match is not None
    return match[1].rstrip("\n").splitlines()


def test_readme_starts_with_the_two_commands():
    assert README.split("```")[1] == (
        "sh\npip install . && lkj buat input/contoh.xlsx\npip install \".[test]\" && python -m pytest\n")


def test_readme_error_example_is_what_lkj_prints(tmp_path, monkeypatch):
    sheets = base_sheets()
    sheets["Kinerja"][2][4] = "tujuh puluh lima"
    sheets["Identitas"] = [r for r in sheets["Identitas"] if r[0] != "Tempat"]
    write_book(tmp_path / "buku.xlsx", sheets)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["periksa", "buku.xlsx"])
    assert result.exit_code == 1
    assert result.output.splitlines() == _block_after("Contoh keluaran `lkj periksa buku.xlsx`")


def test_readme_usage_error_example_is_what_lkj_prints():
    lines = _block_after("Contoh perintah salah tulis")
    assert lines[0].startswith("> lkj ")
    result = runner.invoke(app, lines[0].removeprefix("> lkj ").split())
    assert result.exit_code == 2
    assert result.output.splitlines() == lines[1:]


def test_readme_user_section_covers_a_windows_laptop_without_python():
    section = README[README.index("## Memakai lkj di laptop Windows"):README.index("## Apa itu lkj")]
    for needed in ("python.org", "Add python.exe to PATH", "cmd", "python -m pip install .",
                   "lkj buat kinerja-2025.xlsx", "output", "Laporan ditulis: C:\\"):
        assert needed in section, needed


def _folder_contoh(root: Path) -> None:
    """The README's folder: two good workbooks and one with a target written in words."""
    folder = root / "kabkota-2025"
    folder.mkdir()
    write_book(folder / "kab-contoh.xlsx", base_sheets())
    kota = base_sheets()
    for row in kota["Identitas"]:
        if isinstance(row[1], str):
            row[1] = row[1].replace("Kabupaten Contoh", "Kota Contoh")
    kota["Kinerja"][1][5] = 70
    write_book(folder / "kota-contoh.xlsx", kota)
    rusak = base_sheets()
    rusak["Kinerja"][2][4] = "tiga persen"
    write_book(folder / "kab-lain.xlsx", rusak)


def test_readme_folder_example_is_what_lkj_prints(tmp_path, monkeypatch):
    _folder_contoh(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["periksa", "kabkota-2025"])
    assert result.exit_code == 1
    block = [line.removeprefix("   ") for line in
             _block_after("Contoh keluaran `lkj periksa kabkota-2025`")]
    assert result.output.splitlines() == [line for line in block if line.strip()]


def test_readme_explains_every_folder_promise():
    start = README.index("## Banyak satker sekaligus")
    section = README[start:README.index("## Data Anda aman")]
    for needed in ("lkj periksa kabkota-2025", "lkj buat kabkota-2025 -o laporan-2025 --pdf",
                   "lkj rekap kabkota-2025 -o rekap-2025.docx", "--proses 1", "--subfolder",
                   "Ctrl-C", "sekali untuk seluruh folder", "kode keluar 1", "Seberapa besar"):
        assert needed in section, needed


def test_readme_template_example_is_what_lkj_prints(tmp_path, monkeypatch):
    from hostile import templat

    templat(tmp_path, "Tahun {{ tahun.__class__ }}", "{% for i in range(1000000) %}{{ i }}{% endfor %}",
            nama="templat-kami.docx")
    monkeypatch.chdir(tmp_path)
    lines = _block_after("Contoh keluaran `lkj templat periksa`")
    result = runner.invoke(app, lines[0].removeprefix("> lkj ").split())
    assert result.exit_code == 1
    assert result.output.splitlines() == lines[1:]
