"""The report as Word and LibreOffice see it: valid Open XML, contents, page numbers, tables."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from books import many_indicators
from doctools import ROOT, lo_pdf, pdf_text, soffice, validate_docx

from generator.pipeline import build

SAMPLE = ROOT / "input" / "contoh.xlsx"


def _pages(pdf: Path) -> list[str]:
    return pdf_text(pdf).split("\f")


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("contoh")
    return build(SAMPLE, folder / "contoh.docx").path


@pytest.fixture(scope="module")
def big_report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("banyak")
    return build(many_indicators(folder / "banyak.xlsx"), folder / "banyak.docx").path


@pytest.fixture(scope="module")
def sample_pages(sample_report, tmp_path_factory) -> list[str]:
    return _pages(lo_pdf(sample_report, tmp_path_factory.mktemp("pdf")))


def test_sample_report_is_valid_open_xml(sample_report):
    errors, output = validate_docx(sample_report)
    assert errors == 0, output


def test_many_indicators_report_is_valid_open_xml(big_report):
    errors, output = validate_docx(big_report)
    assert errors == 0, output


def test_plain_libreoffice_conversion_works(sample_report, tmp_path):
    pdf_dir = tmp_path / "pdf"
    pdf_dir.mkdir()
    subprocess.run([soffice(), f"-env:UserInstallation=file://{(tmp_path / 'p').as_posix()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(pdf_dir),
                    str(sample_report)], check=True, capture_output=True, timeout=300)
    assert (pdf_dir / "contoh.pdf").stat().st_size > 10_000


def _footer_number(page: str) -> str:
    lines = [line.strip() for line in page.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def test_toc_lists_chapters_with_page_numbers(sample_pages):
    toc = next(p for p in sample_pages if "DAFTAR ISI" in p)
    for chapter in ("PENDAHULUAN", "PERENCANAAN KINERJA", "AKUNTABILITAS KINERJA", "PENUTUP"):
        assert re.search(rf"{chapter}.*?\.{{3,}}\s*\d+\s*$", toc, re.M), chapter


def test_front_matter_roman_and_chapters_arabic(sample_pages):
    bab1 = next(n for n, p in enumerate(sample_pages) if re.search(r"^\s*BAB I\s*$", p, re.M))
    front = [_footer_number(p) for p in sample_pages[1:bab1]]
    assert front and all(re.fullmatch(r"[ivxl]+", n) for n in front), front
    assert front[0] == "i"
    assert _footer_number(sample_pages[bab1]) == "1"
    # The cover carries no number: the first front-matter page after it is "i".
    assert _footer_number(sample_pages[0]) not in ("i", "1")


@pytest.fixture(scope="module")
def big_pages(big_report, tmp_path_factory) -> list[str]:
    return _pages(lo_pdf(big_report, tmp_path_factory.mktemp("banyak-pdf")))


def test_table_header_repeats_on_every_page(big_pages):
    # The Lampiran table of 40 indicators runs over several pages; each continued page must open
    # with the header row again (w:tblHeader), not with a data row.
    pages = big_pages
    header = re.compile(r"^\s*No\s+Sasaran Strategis\s+Indikator Kinerja\s+Target")
    opening = [n for n, page in enumerate(pages)
               if header.match(next((ln for ln in page.splitlines() if ln.strip()), ""))]
    assert len(opening) >= 2, "no table page opens with the repeated header row"
    for n in opening:
        assert "Persentase indikator kinerja ke-" in pages[n]


def test_report_from_customised_template_is_valid_open_xml(tmp_path):
    import docx

    from generator.templat import copy_template

    template = copy_template(tmp_path / "kantor.docx")
    document = docx.Document(str(template))
    document.paragraphs[1].insert_paragraph_before("Catatan kantor: laporan tahun {{ tahun }}")
    document.save(str(template))
    report = build(SAMPLE, tmp_path / "kantor-laporan.docx", template=template).path
    errors, output = validate_docx(report)
    assert errors == 0, output


def test_long_groups_break_without_half_empty_pages(big_pages):
    # Each sasaran of the Pengukuran Kinerja table holds about 7 indicators, too tall to keep
    # whole; kept whole they left pages with a few lines and the rest empty (57 pages).
    awal = max(n for n, page in enumerate(big_pages) if "3. Pengukuran Kinerja" in page)
    isi = [len([ln for ln in page.splitlines() if ln.strip()]) for page in big_pages[awal:]]
    isi = [n for n in isi if n]  # the text after the last form feed
    assert len(isi) >= 3
    assert all(n >= max(isi) * 2 // 3 for n in isi[:-1]), isi
