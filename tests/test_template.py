"""The template staff edit: built from its builder, reviewable as text, edits made in Word reach the report.

Refresh the template's text dump after an intended change with:
python tools/build_template.py && python -m pytest tests/test_template.py --update-golden
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile

from books import book
from doctools import ROOT
from dump import dump
from typer.testing import CliRunner

from generator.cli import app

TEMPLATE = ROOT / "templates" / "laporan.docx"
GOLDEN = ROOT / "tests" / "golden" / "templat.txt"
runner = CliRunner()


def test_committed_template_is_what_its_builder_makes(tmp_path):
    """What ships is what the builder makes: a stale templates/laporan.docx fails here."""
    fresh = tmp_path / "laporan.docx"
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_template.py"), str(fresh)],
                   check=True, capture_output=True)
    assert fresh.read_bytes() == TEMPLATE.read_bytes(), \
        "templates/laporan.docx is stale: run python tools/build_template.py"


def test_template_text_matches_golden_dump(request):
    """Every change of the template's words or tags shows in tests/golden/templat.txt."""
    text = dump(TEMPLATE)
    if request.config.getoption("--update-golden"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_fixed_words_are_template_text_not_tags():
    """Bab I's duties, the sistematika and the PK's promise are plain text in the template."""
    text = dump(TEMPLATE)
    for fixed in ("memberikan dukungan teknis administratif;",
                  "Laporan Kinerja ini disusun dengan sistematika sebagai berikut:",
                  "Pihak Kedua memberikan supervisi yang diperlukan",
                  "Uraian setiap sasaran strategis berikut memuat perbandingan target"):
        assert fixed in text
    for tag in ("sekretariat.", "in sistematika", "pk.janji", ".pengantar", ".caption"):
        assert tag not in text


# Word keeps an edited sentence in several runs: revision ids, a proofing mark, and a template
# tag cut in two where the spelling checker stopped.
WORD_RUNS = (
    '<w:r w:rsidR="00A41B2C"><w:t xml:space="preserve">Di samping tugas di atas, {{ sat</w:t></w:r>'
    '<w:proofErr w:type="spellStart"/>'
    '<w:r w:rsidR="00A41B2C" w:rsidRPr="00C3D4E5"><w:t xml:space="preserve">ker }} juga '
    'mengelola </w:t></w:r>'
    '<w:proofErr w:type="spellEnd"/>'
    '<w:r w:rsidR="00B7F8A9"><w:t>keuangan dan pengadaan barang/jasa kantor.</w:t></w:r>'
)


def _edit_like_word(path, old: str) -> None:
    """Replace the runs of the paragraph that holds `old` with WORD_RUNS, inside the .docx."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.DOTALL)
    target = next(p for p in paragraphs if old in p)
    edited = re.sub(r"<w:r[ >].*</w:r>", WORD_RUNS, target, flags=re.DOTALL)
    parts["word/document.xml"] = xml.replace(target, edited).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_a_bab1_sentence_edited_in_word_reaches_the_next_report(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    workbook = book(tmp_path)
    assert runner.invoke(app, ["templat", "salin", "saya.docx"]).exit_code == 0
    _edit_like_word(tmp_path / "saya.docx", "bertanggung jawab atas administrasi keuangan")
    result = runner.invoke(app, ["buat", str(workbook), "--templat", "saya.docx",
                                 "-o", "laporan.docx", "--tanpa-grafik"])
    assert result.exit_code == 0, result.output
    text = dump(tmp_path / "laporan.docx")
    assert ("Di samping tugas di atas, Sekretariat KPU Kabupaten Contoh juga mengelola keuangan "
            "dan pengadaan barang/jasa kantor.") in text
    assert "bertanggung jawab atas administrasi keuangan" not in text
