"""`lkj buat --pdf`: the PDF beside the report, page numbers in the .docx's own contents lists."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from doctools import ROOT, libreoffice, pdf_text, pdfinfo, to_pdf, validate_docx
from lxml import etree
from typer.testing import CliRunner

from generator.printing import pdf as pdf_module
from generator.commands.cli import app
from generator.errors import LkjError
from generator.printing.halaman import fill_toc_pages
from generator.files.output import is_untouched
from generator.pipeline import build

SAMPLE = ROOT / "input" / "contoh.xlsx"
runner = CliRunner()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A contents line: its text, dot leaders, the page number (roman in the front matter).
ENTRY = re.compile(r"^\s*(\S.*?)\s*\.{3,}\s*([ivxl]+|\d+)\s*$")


def _pages(pdf: Path) -> list[str]:
    return pdf_text(pdf).split("\f")


def _footer(page: str) -> str:
    lines = [line.strip() for line in page.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _contents(pages: list[str]) -> dict[str, list[str]]:
    """Page numbers listed under DAFTAR ISI, DAFTAR TABEL and DAFTAR GRAFIK, in order."""
    lists: dict[str, list[str]] = {}
    current = None
    for page in pages:
        heading = re.search(r"^\s*(DAFTAR (?:ISI|TABEL|GRAFIK))\s*$", page, re.M)
        if heading:
            current = heading[1]
        elif current and not any(ENTRY.match(line) for line in page.splitlines()):
            current = None
        if current:
            lists.setdefault(current, []).extend(
                m[2] for m in map(ENTRY.match, page.splitlines()) if m)
        if re.search(r"^\s*BAB I\s*$", page, re.M):
            break
    return lists


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """`lkj buat contoh.xlsx -o LAPORAN.docx --pdf`, run once as a user runs it."""
    libreoffice()
    folder = tmp_path_factory.mktemp("pdf")
    docx = folder / "LAPORAN.docx"
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "generator", "buat", str(SAMPLE), "-o",
                             str(docx), "--pdf"], capture_output=True, text=True, cwd=ROOT,
                            timeout=600)
    return result, docx, time.perf_counter() - start


def test_pdf_option_writes_both_files(made):
    result, docx, _ = made
    assert result.returncode == 0, result.stderr
    pdf = docx.with_suffix(".pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert f"PDF ditulis: {pdf}" in result.stdout
    assert is_untouched(docx), "the page numbers must keep the report recognisable as lkj's"
    assert not list(docx.parent.glob(".~lkj-*")), "a temporary file was left behind"
    errors, output = validate_docx(docx)
    assert errors == 0, output


def test_pdf_has_title_language_tags_bookmarks_and_embedded_fonts(made):
    _, docx, _ = made
    pdf = docx.with_suffix(".pdf")
    info = pdfinfo(pdf)
    assert re.search(r"^Title:\s+Laporan Kinerja Tahun 2024$", info, re.M), info
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    raw = pdf.read_bytes()
    assert b"/Lang(id-ID)" in raw
    assert b"/Outlines" in raw and b"PENDAHULUAN" in pdf_text(pdf).encode()
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts


def test_daftar_isi_gives_each_chapter_its_first_page(made):
    _, docx, _ = made
    pages = _pages(docx.with_suffix(".pdf"))
    toc = next(p for p in pages if re.search(r"^\s*DAFTAR ISI\s*$", p, re.M))
    starts = {}
    for page in pages:
        first = [ln.strip() for ln in page.splitlines() if ln.strip()][:2]
        if first and re.fullmatch(r"BAB [IVX]+", first[0]):
            starts[f"{first[0]} {first[1]}"] = _footer(page)
    assert len(starts) == 4, starts
    for chapter, page in starts.items():
        listed = re.search(rf"^\s*{re.escape(chapter)}\s*\.{{3,}}\s*(\S+)\s*$", toc, re.M)
        assert listed, chapter
        assert listed[1] == page, (chapter, listed[1], page)
    assert starts["BAB I PENDAHULUAN"] == "1"


def test_plain_libreoffice_shows_the_same_numbers_without_updating(made, tmp_path):
    _, docx, _ = made
    updated = _contents(_pages(docx.with_suffix(".pdf")))
    plain = _contents(_pages(to_pdf(docx, tmp_path)))
    assert set(plain) == {"DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GRAFIK"}, plain
    assert plain == updated
    assert plain["DAFTAR ISI"][:2] == ["i", "ii"] and "1" in plain["DAFTAR ISI"]


def test_page_numbers_are_cached_results_of_every_toc_entry(made):
    _, docx, _ = made
    with zipfile.ZipFile(docx) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    anchors = root.findall(f".//{W}hyperlink[@{W}anchor]")
    assert anchors
    for link in anchors:
        texts = "".join(t.text or "" for t in link.iter(f"{W}t"))
        assert re.search(r"(?:[ivxl]+|\d+)$", texts), texts


def test_fill_toc_pages_touches_only_pagerefs_inside_toc_fields():
    xml = f"""<w:body xmlns:w="{W[1:-1]}"><w:p>
      <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>
      <w:r><w:fldChar w:fldCharType="separate"/></w:r>
      <w:hyperlink w:anchor="a"><w:r><w:t>Satu</w:t></w:r>
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF a \\h </w:instrText></w:r>
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>99</w:t></w:r>
        <w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>
      <w:fldSimple w:instr=" PAGEREF b \\h "><w:r><w:t>?</w:t></w:r></w:fldSimple>
      <w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
      <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF a </w:instrText></w:r>
      <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>
      <w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:body>"""
    root = etree.fromstring(xml)
    assert fill_toc_pages(root, {"a": "iii", "b": "12"}) == 2
    texts = ["".join(t.text for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]
    assert texts == ["Satuiii12", "7"]


def test_without_libreoffice_docx_is_written_and_message_is_indonesian(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: None)
    docx = tmp_path / "LAPORAN.docx"
    result = runner.invoke(app, ["buat", str(SAMPLE), "-o", str(docx), "--pdf", "--tanpa-grafik"])
    assert result.exit_code == 1
    assert docx.is_file() and is_untouched(docx)
    assert not docx.with_suffix(".pdf").exists()
    assert "LibreOffice tidak ditemukan, jadi PDF tidak dibuat" in result.output
    assert "https://id.libreoffice.org" in result.output


def test_finder_looks_on_path(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(pdf_module.sys, "platform", "linux")
    assert pdf_module.find_soffice() == fake


@pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a shell script")
def test_hang_hits_the_time_limit_and_leaves_nothing(tmp_path):
    office = libreoffice()
    docx = build(SAMPLE, tmp_path / "LAPORAN.docx", grafik=False).path
    pid_file = tmp_path / "soffice.pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\necho $$ > {pid_file}\nexec sleep 600\n")
    fake.chmod(0o755)
    hanging = pdf_module.LibreOffice(fake, office.python)
    with pytest.raises(LkjError, match=r"tidak selesai dalam 8 detik dan dihentikan; PDF tidak"):
        pdf_module.write_pdf(docx, hanging, timeout=8)
    assert not docx.with_suffix(".pdf").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["LAPORAN.docx", "soffice", "soffice.pid"]
    pid = int(pid_file.read_text())
    for _ in range(50):  # the killed process may need a moment to be reaped
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"the fake soffice (pid {pid}) outlived the time limit")


def test_failing_libreoffice_gives_a_clean_message(tmp_path):
    office = libreoffice()
    docx = build(SAMPLE, tmp_path / "LAPORAN.docx", grafik=False).path
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 3\n")
    fake.chmod(0o755)
    with pytest.raises(LkjError, match=r"^LibreOffice gagal membuat PDF \(LibreOffice berhenti"):
        pdf_module.write_pdf(docx, pdf_module.LibreOffice(fake, office.python), timeout=60)
    assert not docx.with_suffix(".pdf").exists()
    assert not list(tmp_path.glob(".~lkj-*"))


def test_report_open_in_libreoffice_does_not_stop_the_pdf(tmp_path):
    # A lock file beside the report (it is open in LibreOffice, or a crash left it) would make a
    # hidden load fail; the report is opened read-only and no lock of lkj's own stays behind.
    office = libreoffice()
    docx = build(SAMPLE, tmp_path / "LAPORAN.docx", grafik=False).path
    lock = tmp_path / ".~lock.LAPORAN.docx#"
    lock.write_text("Pengguna,host,pengguna,28.11.2026 07:00,file:///tmp;\n")
    pdf = pdf_module.write_pdf(docx, office, timeout=300)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == [lock.name, "LAPORAN.docx", "LAPORAN.pdf"]


def test_page_numbers_go_only_into_lkjs_untouched_report(tmp_path):
    from docx import Document

    from generator.printing.halaman import write_page_numbers

    ours = build(SAMPLE, tmp_path / "LAPORAN.docx", grafik=False).path
    edited = tmp_path / "disunting.docx"
    document = Document(str(ours))
    document.add_paragraph("Catatan tambahan dari kantor.")
    document.save(str(edited))
    before = edited.read_bytes()
    assert write_page_numbers(edited, {"_Toc_lkj_6": "1"}) == 0
    assert edited.read_bytes() == before
    assert write_page_numbers(ours, {"_Toc_lkj_6": "1", "_Toc_lkj_1": "i"}) == 2
    assert is_untouched(ours)
    with zipfile.ZipFile(ours) as archive:
        xml = archive.read("word/document.xml").decode()
    assert re.search(r'PAGEREF _Toc_lkj_6 \\h </w:instrText></w:r><w:r><w:fldChar '
                     r'w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>', xml)


def test_a_folder_of_reports_starts_libreoffice_once(folder_uji, tmp_path, monkeypatch):
    office = libreoffice()
    starts = tmp_path / "mulai.txt"
    wrapper = tmp_path / "soffice"  # counts its starts, then is the real LibreOffice
    wrapper.write_text(f'#!/bin/sh\necho mulai >> "{starts}"\nexec "{office.soffice}" "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setattr(pdf_module, "find_libreoffice",
                        lambda: pdf_module.LibreOffice(wrapper, office.python))
    out = tmp_path / "hasil"
    books = [str(b) for b in folder_uji.baik[1:4]]
    result = runner.invoke(app, ["buat", *books, "-o", str(out), "--pdf", "--tanpa-grafik",
                                 "--proses", "1"])
    assert result.exit_code == 0, result.output
    assert "3 PDF ditulis di sebelah laporannya." in result.stdout
    assert starts.read_text().splitlines() == ["mulai"]
    for docx in out.glob("*.docx"):
        pdf = docx.with_suffix(".pdf")
        assert pdf.read_bytes().startswith(b"%PDF")
        assert is_untouched(docx)
        printed = _contents(_pages(pdf))["DAFTAR ISI"]
        with zipfile.ZipFile(docx) as archive:  # each report got its own layout's page numbers
            root = etree.fromstring(archive.read("word/document.xml"))
        toc = [link for link in root.iter(f"{W}hyperlink") if link.get(f"{W}anchor")]
        assert [_after_tab(link) for link in toc[:len(printed)]] == printed
    assert sorted(p.suffix for p in out.iterdir()) == [".docx"] * 3 + [".pdf"] * 3


def _after_tab(link) -> str:
    """A contents line's page number: its text after the last tab."""
    text = ""
    for el in link.iter(f"{W}t", f"{W}tab"):
        text = "" if el.tag == f"{W}tab" else text + (el.text or "")
    return text


def test_a_document_that_stops_libreoffice_fails_alone(monkeypatch):
    # The first start answers one document and dies on the second; a new start does the rest.
    starts = []

    def fake(office, pairs, timeout, terima):
        starts.append([a for a, _ in pairs])
        if len(starts) == 1:
            terima(0, {"halaman": {}, "jumlah": 1})
            raise LkjError("LibreOffice tidak selesai dalam 5 detik dan dihentikan")
        for i in range(len(pairs)):
            terima(i, {"halaman": {}, "jumlah": 1})

    monkeypatch.setattr(pdf_module, "_satu_putaran", fake)
    answers = {}
    pdf_module.run_libreoffice_banyak(None, [(n, n) for n in "abcd"], 5,
                                      lambda i, a: answers.setdefault(i, a))
    assert starts == [["a", "b", "c", "d"], ["c", "d"]]
    assert [("galat" in answers[i]) for i in range(4)] == [False, True, False, False]


def test_libreoffice_that_cannot_start_fails_every_document_once(monkeypatch):
    starts = []

    def fake(office, pairs, timeout, terima):
        starts.append(len(pairs))
        raise LkjError("LibreOffice gagal membuat PDF (LibreOffice berhenti saat dijalankan)")

    monkeypatch.setattr(pdf_module, "_satu_putaran", fake)
    answers = {}
    pdf_module.run_libreoffice_banyak(None, [(n, n) for n in "abc"], 5,
                                      lambda i, a: answers.setdefault(i, a))
    assert starts == [3]
    assert all("berhenti saat dijalankan" in answers[i]["galat"] for i in range(3))
