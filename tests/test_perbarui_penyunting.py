"""`lkj perbarui` on reports other editors saved: LibreOffice itself (a plain re-save and a
person's edits through UNO), Word's kind of edits, and what WPS Office and Google Docs are known
to rewrite (issue 18, items 3, 5 and 6).

The workbook changes as in tests/test_perbarui.py: IK 1.3's realisasi 77,29% -> 79% (so the
overall average 100,51 -> 99,22) and sasaran 2 gets a third indicator.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn
from typer.testing import CliRunner

from doctools import pdftotext, to_pdf, validate_docx
from generator.merge import nilai
from generator.commands.cli import app
from generator.pipeline import build, update
from generator.files.properti import baca_properti
from kasus_perbarui import SAMPLE
from penyunting import (
    hitung,
    ratakan_daftar_isi,
    simpan_di_libreoffice,
    simpan_seperti_google_docs,
    simpan_seperti_wps,
    sunting_di_libreoffice,
    sunting_seperti_word,
)
from test_perbarui import baris, chart_figures, new_workbook

TOC = r"<w:instrText[^>]*>\s*TOC "


@pytest.fixture(scope="module")
def dasar(tmp_path_factory):
    folder = tmp_path_factory.mktemp("penyunting")
    buku = new_workbook(folder / "baru.xlsx")
    return {"folder": folder, "asli": build(SAMPLE, folder / "asli.docx").path, "buku": buku,
            "segar": build(buku, folder / "segar.docx").path}


@pytest.fixture(scope="module")
def lo(dasar):
    """The report opened and saved (no change) in LibreOffice, then updated."""
    simpan = simpan_di_libreoffice(dasar["asli"], dasar["folder"] / "lo")
    hasil = dasar["folder"] / "lo-hasil.docx"
    result = CliRunner().invoke(app, ["perbarui", str(dasar["buku"]), str(simpan), "-o",
                                      str(hasil)])
    assert result.exit_code == 0, result.output
    return {"simpan": simpan, "hasil": hasil, "output": result.output}


def _sect(path):
    """Each section break as (page numbering format, has a footer, landscape)."""
    doc = docx.Document(str(path))
    hasil = []
    for s in doc.element.body.iter(qn("w:sectPr")):
        num, sz = s.find(qn("w:pgNumType")), s.find(qn("w:pgSz"))
        hasil.append((num.get(qn("w:fmt")) if num is not None else None,
                      s.find(qn("w:footerReference")) is not None,
                      sz is not None and sz.get(qn("w:orient")) == "landscape"))
    return hasil


def _gaya_caption(path):
    doc = docx.Document(str(path))
    gaya = next(s for s in doc.styles.element.iter(qn("w:style"))
                if s.get(qn("w:styleId")) == "Caption")
    jc = gaya.find(f"{qn('w:pPr')}/{qn('w:jc')}")
    italic = gaya.find(f"{qn('w:rPr')}/{qn('w:i')}")
    return (gaya.find(qn("w:name")).get(qn("w:val")), jc.get(qn("w:val")) if jc is not None
            else None, italic is not None and italic.get(qn("w:val")) not in ("false", "0"))


def test_a_libreoffice_save_loses_nothing_lkj_made(dasar, lo):
    """Before: 0 TOC fields, 0 PAGEREF, no updateFields, the cover numbered "i", captions in
    LibreOffice's italic left-aligned Caption style."""
    # LibreOffice folded the cover's empty section-break paragraph into the line before it:
    # one empty line less, nothing else
    diff = [x for x in difflib.ndiff(baris(dasar["segar"]), baris(lo["hasil"]))
            if x[:2] in ("- ", "+ ")]
    assert diff == ["- "]
    assert chart_figures(lo["hasil"]) == chart_figures(dasar["segar"])
    for pola in (TOC, r"PAGEREF _Toc", r'w:val="Caption"', r"<w:updateFields"):
        if pola == r"<w:updateFields":
            with __import__("zipfile").ZipFile(lo["hasil"]) as z:
                assert b'<w:updateFields w:val="true"/>' in z.read("word/settings.xml")
            continue
        assert hitung(lo["hasil"], pola) == hitung(dasar["segar"], pola) > 0, pola
    # the cover without a footer (no page number), then i, ii, ... and 1, 2, ...
    assert [s[1:] for s in _sect(lo["hasil"])] == [s[1:] for s in _sect(dasar["segar"])] == [
        (False, False), (True, False), (True, False)]
    assert [s[0] for s in _sect(lo["hasil"])][1:] == ["lowerRoman", "decimal"]
    assert _gaya_caption(lo["hasil"]) == ("caption", "center", False)
    assert "Dipulihkan dari penyimpanan program lain (2):" in lo["output"]
    assert ("gaya yang dinamai ulang oleh penyunting dipetakan kembali menurut namanya: TOC 1, "
            "TOC 2, TOC 3, caption, table of figures") in lo["output"]
    errors, out = validate_docx(lo["hasil"])
    assert errors == 0, out


def test_what_libreoffice_did_before_the_merge(lo):
    """The damage the merge repairs is really in LibreOffice's file (so the test above tests
    the repair, not an unchanged file)."""
    assert hitung(lo["simpan"], r"<w:updateFields") == 0
    assert _gaya_caption(lo["simpan"]) == ("Caption", None, True)
    assert [s[0] for s in _sect(lo["simpan"])] == ["decimal", "lowerRoman", "decimal"]
    # LibreOffice folded the cover's section break into the paragraph before it
    assert hitung(lo["simpan"], r"<w:sectPr") == 3


def test_a_libreoffice_report_updated_twice_changes_nothing_the_second_time(dasar, lo, tmp_path):
    again = shutil.copy2(lo["hasil"], tmp_path / "lagi.docx")
    done = update(dasar["buku"], again)
    assert done.berubah is False and done.cadangan is None


def test_a_contents_list_flattened_into_plain_text_is_rebuilt(dasar, lo, tmp_path):
    rata = ratakan_daftar_isi(lo["simpan"], tmp_path / "rata.docx")
    assert hitung(rata, TOC) == 2
    result = CliRunner().invoke(app, ["perbarui", str(dasar["buku"]), str(rata), "-o",
                                      str(tmp_path / "hasil.docx")])
    assert result.exit_code == 0, result.output
    assert ("Daftar Isi dibangun kembali sebagai daftar yang dapat diperbarui (penyuntingnya "
            "menjadikannya teks biasa)") in result.output
    assert hitung(tmp_path / "hasil.docx", TOC) == 3
    assert baris(tmp_path / "hasil.docx") == baris(lo["hasil"])


def test_the_updated_libreoffice_report_renders_as_lkj_made_it(lo, tmp_path):
    """The PDF of the merged report: the cover has no page number, the contents lists are
    there, a caption reads as a caption (pages looked at by hand; see CHANGELOG)."""
    pdf = to_pdf(lo["hasil"], tmp_path)
    halaman = [subprocess.run([pdftotext(), "-layout", "-f", str(n), "-l", str(n), str(pdf),
                               "-"], capture_output=True, text=True, check=True).stdout
               for n in range(1, 8)]
    sampul = [x.strip() for x in halaman[0].splitlines() if x.strip()]
    assert sampul[0] == "LAPORAN KINERJA" and sampul[-1] == "2025"  # no "i" under the cover
    semua = "\n".join(halaman)
    for judul in ("DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GRAFIK", "Tabel 3.1 Capaian Indikator",
                  "Grafik 3.6"):
        assert judul in semua, judul


# --- a person's edits in LibreOffice ----------------------------------------------------------

LANGKAH_LO = [
    {"op": "format", "cari": "100,51", "bold": True, "italic": True, "underline": True,
     "warna": 0xC00000, "ukuran": 14, "sorot": 0xFFFF00},
    {"op": "tautan", "cari": "Dalam Perjanjian Kinerja", "url": "https://jdih.kpu.go.id/"},
    {"op": "bookmark", "cari": "Laporan Kinerja ini menyajikan", "nama": "RingkasanPenutup"},
    {"op": "halaman_baru", "cari": "Realisasi IK 1.3 naik"},
    # LibreOffice's search does not see a caption's number field: found by its words
    {"op": "lanskap", "cari": "Capaian Indikator Kinerja Sasaran 1", "ke": 2,
     "sampai": "Kategori capaian:"},
    {"op": "ketik_sel", "cari": "103,05", "baris": "IK 1.3", "teks": "103"},
    {"op": "ketik_depan", "cari": "77,29%", "baris": "IK 1.3", "ke": 2, "teks": "72,2 "},
]


@pytest.fixture(scope="module")
def lo_orang(dasar):
    sunting = sunting_di_libreoffice(dasar["asli"], dasar["folder"] / "lo-orang.docx",
                                     LANGKAH_LO)
    hasil = dasar["folder"] / "lo-orang-hasil.docx"
    result = CliRunner().invoke(app, ["perbarui", str(dasar["buku"]), str(sunting), "-o",
                                      str(hasil)])
    assert result.exit_code == 0, result.output
    return {"sunting": sunting, "hasil": hasil, "output": result.output,
            "doc": docx.Document(str(hasil))}


def _paragraf(doc, awal: str):
    return next(p for p in doc.paragraphs if p.text.startswith(awal))


def test_libreoffice_formatting_of_a_figure_is_kept_as_the_figure_changes(lo_orang):
    runs = [r for p in lo_orang["doc"].paragraphs for r in p.runs if "99,22" in r.text
            and r.bold and r.italic and r.underline]
    assert runs, "the bold, italic, underlined figure lost its formatting"
    r = runs[0]
    assert str(r.font.color.rgb) == "C00000" and r.font.size.pt == 14
    assert "100,51" not in "\n".join(baris(lo_orang["hasil"]))


def test_libreoffice_hyperlink_bookmark_and_breaks_survive(lo_orang):
    """(A comment could not be added through LibreOffice: 7.4 crashes exporting a comment
    inserted through UNO. Comments are tested on the Word path below and in test_perbarui.)"""
    doc = lo_orang["doc"]
    ikhtisar = _paragraf(doc, "Dalam Perjanjian Kinerja")
    link = ikhtisar._p.find(qn("w:hyperlink"))
    assert link is not None and "".join(t.text for t in link.iter(qn("w:t"))) == \
        "Dalam Perjanjian Kinerja"
    assert "99,22" in ikhtisar.text
    penutup = _paragraf(doc, "Laporan Kinerja ini menyajikan")
    assert any(b.get(qn("w:name")) == "RingkasanPenutup" for b in penutup._p.iter(
        qn("w:bookmarkStart")))
    assert "99,22" in penutup.text
    naik = _paragraf(doc, "Realisasi IK 1.3 naik")
    assert "menjadi 79%" in naik.text
    # LibreOffice writes "page break before" as a break ending the paragraph before
    sebelum = naik._p.getprevious()
    assert [c.tag for c in sebelum[-1]] == [qn("w:br")] and \
        sebelum[-1][0].get(qn("w:type")) == "page"
    assert any(s[2] for s in _sect(lo_orang["hasil"])), "the landscape section was lost"


def test_libreoffice_typing_in_a_cell_is_kept_and_quoted_as_it_reads(lo_orang):
    out = lo_orang["output"]
    # only the two tables typed in are kept whole; LibreOffice's page breaks (written at the
    # end of the paragraph before) do not make a part the person's
    assert ("dipertahankan (angka di dalamnya yang tidak disunting tetap diperbarui) (2):\n"
            "  - Bab III, Tabel 3.1\n  - Bab III, Tabel 3.3\n") in out
    assert 'Bab III, Tabel 3.1, baris IK 1.3: "103"' in out
    assert 'baris IK 1.3: "72,2 77,29%"' in out  # before: quoted as "77,29%"
    lines = baris(lo_orang["hasil"])
    assert any(x.startswith("| IK 1.3 |") and "| 103 |" in x for x in lines)
    assert any("| 72,2 77,29% |" in x for x in lines)


def test_libreoffice_edited_report_is_valid(lo_orang):
    errors, out = validate_docx(lo_orang["hasil"])
    assert errors == 0, out


# --- Word's kind of edits ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def word(dasar):
    sunting = sunting_seperti_word(
        dasar["asli"], dasar["folder"] / "word.docx", angka="100,51",
        tautan="Dalam Perjanjian Kinerja", bookmark="Laporan Kinerja ini menyajikan",
        halaman_baru="Realisasi IK 1.3 naik", lanskap="Kategori capaian:",
        komentar="Sasaran ini diukur")
    done = update(dasar["buku"], sunting, dasar["folder"] / "word-hasil.docx")
    return {"done": done, "doc": docx.Document(str(done.path))}


def test_word_edits_without_new_text_survive_the_renewal(word):
    doc = word["doc"]
    r = next(r for p in doc.paragraphs for r in p.runs if r.text == "99,22")
    assert r.bold and r.italic and r.underline and str(r.font.color.rgb) == "C00000"
    assert r._r.find(f"{qn('w:rPr')}/{qn('w:highlight')}").get(qn("w:val")) == "yellow"
    ikhtisar = _paragraf(doc, "Dalam Perjanjian Kinerja")
    assert ikhtisar._p.find(qn("w:hyperlink")) is not None and "99,22" in ikhtisar.text
    penutup = _paragraf(doc, "Laporan Kinerja ini menyajikan")
    assert "_Ref190000001" in [b.get(qn("w:name")) for b in penutup._p.iter(qn("w:bookmarkStart"))]
    assert "99,22" in penutup.text
    naik = _paragraf(doc, "Realisasi IK 1.3 naik")
    assert [br.get(qn("w:type")) for br in naik._p.iter(qn("w:br"))] == ["page"]
    assert "menjadi 79%" in naik.text
    assert [s[2] for s in _sect(word["done"].path)].count(True) == 1
    assert [c.text for c in doc.comments] == ["Cek ulang dengan bagian Program."]


def test_word_edits_list_only_what_was_kept_whole(word):
    hasil = word["done"].hasil
    # the comment's paragraph is kept (a comment is an edit); its figures are renewed
    assert [c.tempat.split(" (")[0] for c in hasil.disunting] == ["Bab III, Sasaran 1: "
                                                                 "Meningkatnya penyelenggaraan "
                                                                 "pemilihan umum yang…"]
    errors, out = validate_docx(word["done"].path)
    assert errors == 0, out


# --- WPS Office and Google Docs (simulated: not available here) --------------------------------

def test_wps_numbered_style_ids_are_mapped_back(dasar, tmp_path):
    wps = simpan_seperti_wps(dasar["asli"], tmp_path / "wps.docx")
    assert hitung(wps, r'w:styleId="Caption"') == 0
    done = update(dasar["buku"], wps, tmp_path / "hasil.docx")
    assert baris(done.path) == baris(dasar["segar"])
    assert hitung(done.path, r'w:pStyle w:val="Caption"') == hitung(dasar["segar"],
                                                                    r'w:pStyle w:val="Caption"')
    assert baca_properti(docx.Document(str(done.path)))["KSOProductBuildVer"] == \
        "1033-12.2.0.13359"
    assert any("updateFields" in x for x in done.hasil.diperbaiki)
    errors, out = validate_docx(done.path)
    assert errors == 0, out


def test_google_docs_without_bookmarks_is_refused_plainly(dasar, tmp_path):
    gd = simpan_seperti_google_docs(dasar["asli"], tmp_path / "gdocs.docx", bookmark=False)
    before = gd.read_bytes()
    result = CliRunner().invoke(app, ["perbarui", str(dasar["buku"]), str(gd)])
    assert result.exit_code == 1
    assert "tidak memuat tanda bagian dari lkj" in result.output
    assert "Google Docs" in result.output
    assert gd.read_bytes() == before


def test_google_docs_with_bookmarks_keeps_what_it_flattened_and_says_so(dasar, tmp_path):
    """Captions whose numbering field became text are a person's now: kept and listed; the
    figures around them are renewed."""
    gd = simpan_seperti_google_docs(dasar["asli"], tmp_path / "gdocs.docx")
    done = update(dasar["buku"], gd, tmp_path / "hasil.docx")
    text = "\n".join(baris(done.path))
    assert "99,22" in text and "100,51" not in text
    assert any(c.tempat.startswith("Bab III, Tabel 3.1") for c in done.hasil.disunting)
    errors, out = validate_docx(done.path)
    assert errors == 0, out


def test_section_signature_tells_lkj_breaks_from_a_persons_landscape_page(dasar):
    doc = docx.Document(str(dasar["asli"]))
    ciri = [nilai.ciri_sect(s) for s in doc.element.body.iter(qn("w:sectPr"))]
    assert len(set(ciri)) == 3
