"""The template staff edit: built from its builder, reviewable as text, edits made in Word reach the report.

Refresh the template's text dump after an intended change with:
python tools/build_template.py && python -m pytest tests/test_template.py --update-golden
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from books import book
from doctools import ROOT
from dump import dump
from typer.testing import CliRunner

from generator.commands.cli import app

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


# --- the template's source: one words file per part ------------------------------------------


def test_every_entry_of_the_words_files_is_printed():
    """A misspelt entry name in a kata.txt, or words nothing prints, fails here."""
    from generator.report import BAGIAN
    from generator.report.rakit import bersama
    from generator.report.rakit.dokumen import bagian_templat, buat_dokumen

    buat_dokumen()
    kata = [bagian_templat(b).KATA for b in BAGIAN] + [bersama.KATA]
    assert {str(k.path.relative_to(ROOT)): k.tak_terbaca() for k in kata if k.tak_terbaca()} == {}


def test_every_table_of_the_words_files_fits_the_text_width():
    """Its columns add up to at most the A4 text width, 14 cm (generator.kontrak.LEBAR_TEKS)."""
    from generator.report import BAGIAN
    from generator.report.rakit.dokumen import bagian_templat

    lebar = {}
    for bagian in BAGIAN:
        kata = bagian_templat(bagian).KATA
        for nama in kata.entri:
            if nama.startswith("tabel.") and not nama.endswith(".jumlah"):
                lebar[f"{bagian.__name__}:{nama}"] = sum(c.lebar for c in kata.kolom(nama))
    assert len(lebar) >= 12
    assert {nama: cm for nama, cm in lebar.items() if cm > 14 + 1e-9} == {}


def test_a_words_file_names_its_mistakes(tmp_path):
    from generator.report.rakit.kata import Kata, KataError

    berkas = tmp_path / "kata.txt"
    berkas.write_text("# catatan\n[judul]\nBAB I\nPENDAHULUAN\n[tabel.x]\nNo | 1,0 | miring | x\n",
                      encoding="utf-8")
    kata = Kata(berkas)
    assert kata.baris("judul") == ("BAB I", "PENDAHULUAN")
    with pytest.raises(KataError, match=r"\[judul\] harus satu baris"):
        kata["judul"]
    with pytest.raises(KataError, match=r"\[tidak\.ada\] tidak ada"):
        kata["tidak.ada"]
    with pytest.raises(KataError, match="teks/angka/tengah"):
        kata.kolom("tabel.x")
    berkas.write_text("tanpa entri\n", encoding="utf-8")
    with pytest.raises(KataError, match=r"kata.txt:1: teks sebelum entri"):
        Kata(berkas)


def test_python_docx_reads_every_paragraph_style_of_the_template():
    """Normal is the default paragraph style, so a paragraph without one (a section break)
    reads as Normal, not None."""
    import docx

    doc = docx.Document(str(TEMPLATE))
    assert [p.style.name for p in doc.paragraphs if p.style is None or p.style.name is None] == []
    assert doc.styles.default(docx.enum.style.WD_STYLE_TYPE.PARAGRAPH).style_id == "Normal"


def _lebar_teks_cm(teks: str, tebal: bool) -> float:
    """Width of `teks` in Arial 11 pt (Liberation Sans has Arial's metrics), in cm."""
    from PIL import ImageFont

    from doctools import require

    nama = "LiberationSans-Bold.ttf" if tebal else "LiberationSans-Regular.ttf"
    berkas = next(iter(sorted(Path("/usr/share/fonts").rglob(nama))), None)
    huruf = ImageFont.truetype(require("fonts-liberation", berkas), 1100)
    return huruf.getlength(teks) / 100 / 72 * 2.54


def test_no_table_cuts_a_header_word_or_a_unit():
    """Every header word fits its column in bold, and every column of targets or realisasi
    fits a unit such as "2 Dokumen": no "N/o", no "4 Lapora n". A cell loses 0,3 cm to its
    margins (TabelLaporan: 85 twips each side)."""
    from generator.report import BAGIAN
    from generator.report.rakit.dokumen import bagian_templat

    sempit = []
    for bagian in BAGIAN:
        kata = bagian_templat(bagian).KATA
        for nama in [n for n in kata.entri if n.startswith("tabel.") and not n.endswith(".jumlah")]:
            for kolom in kata.kolom(nama):
                muat = kolom.lebar - 0.3
                kata_judul = [w for w in kolom.judul.split() if "{" not in w and "}" not in w]
                sempit += [(nama, w) for w in kata_judul if _lebar_teks_cm(w, True) > muat]
                if re.search(r"\.(target|realisasi|standar)\b", kolom.isi) and \
                        _lebar_teks_cm("Dokumen", False) > muat:
                    sempit.append((nama, kolom.judul))
    assert sempit == []


def test_the_steps_of_bab_iv_do_not_read_as_the_obstacles_last_item():
    import docx

    doc = docx.Document(str(TEMPLATE))
    p = next(p for p in doc.paragraphs if p.text.startswith("Langkah perbaikan"))
    assert p.paragraph_format.space_before is not None and p.paragraph_format.space_before.cm > 0.29
