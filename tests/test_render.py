"""Rendering the sample report: structure, figures, escaping, placeholders, paper, PDF."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample_data import contoh_data
from wordnum import tampilkan_nomor

from generator.figures.capaian import hitung
from generator.report import build
from generator.report.satker import baris_kapital
from generator.errors import InputErrors, LkjError
from generator.writing.render import TAGS, default_template, periksa_tag, render_report

FIGURES = (
    "103,05", "101,02", "100,51", "Rp20.350.023.000", "Rp39.798.749.000",
    "Rp60.148.772.000", "99,74%",
)
CHAPTERS = (
    "KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "DAFTAR ISI", "DAFTAR TABEL",
    "BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA",
    "BAB IV PENUTUP", "LAMPIRAN",
)


def render(data, folder: Path, name: str = "laporan.docx", **extra) -> Path:
    context = {**build(data, hitung(data)).context, **extra}
    return render_report(context, folder / name)


def with_identitas(data, **changes):
    return dataclasses.replace(data, identitas=dataclasses.replace(data.identitas, **changes))


def paragraphs(doc):
    """Every paragraph, in tables too, in document order."""
    return [el for el in doc.element.body.iter(qn("w:p"))]


def text_of(p) -> str:
    parts = []
    for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        parts.append(el.text or "" if el.tag == qn("w:t") else " ")
    return " ".join("".join(parts).split())


def style_of(p) -> str:
    s = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return s.get(qn("w:val")) if s is not None else ""


def all_text(doc) -> str:
    return "\n".join(text_of(p) for p in paragraphs(doc))


def parts_xml(path: Path) -> dict[str, str]:
    """document.xml, headers and footers as text."""
    with zipfile.ZipFile(path) as z:
        return {
            n: z.read(n).decode("utf-8") for n in z.namelist()
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)
        }


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = render(contoh_data(), tmp_path_factory.mktemp("laporan"))
    return path, tampilkan_nomor(Document(str(path)))


# --- the sample report ---------------------------------------------------------------------


def test_default_template_is_the_repository_file():
    repo = Path(__file__).resolve().parents[1] / "templates" / "laporan.docx"
    assert default_template().resolve() == repo
    assert default_template().is_file()


def test_reopens_with_three_sections(sample):
    _, doc = sample
    assert len(doc.sections) == 3
    fmt = [s._sectPr.find(qn("w:pgNumType")) for s in doc.sections]
    assert fmt[0] is None
    assert fmt[1].get(qn("w:fmt")) == "lowerRoman" and fmt[1].get(qn("w:start")) == "1"
    assert fmt[2].get(qn("w:fmt")) == "decimal" and fmt[2].get(qn("w:start")) == "1"
    assert [(s.page_width.twips, s.page_height.twips) for s in doc.sections] == [(11906, 16838)] * 3


def test_every_chapter_heading_present_in_order(sample):
    _, doc = sample
    headings = [text_of(p) for p in paragraphs(doc) if style_of(p) == "Heading1"]
    assert headings == list(CHAPTERS)


@pytest.mark.parametrize("figure", FIGURES)
def test_figures_present(sample, figure):
    _, doc = sample
    assert figure in all_text(doc)


def test_budget_sentence_gives_realisasi_not_pagu(sample):
    text = all_text(sample[1])
    assert "Realisasi anggaran Tahun 2024 sebesar Rp59.992.385.000 dari pagu " \
        "Rp60.148.772.000, atau 99,74%." in text
    assert "20.5350" not in text


def test_one_signing_date(sample):
    text = all_text(sample[1])
    assert text.count("Langgur, 13 Maret 2025") == 2  # Kata Pengantar and Bab IV
    assert "Langgur, 8 Januari 2024" in text  # the Perjanjian Kinerja's own date
    assert "NIP." not in text  # no NIP in the workbook: no empty "NIP." line


def test_no_tag_leftovers(sample):
    path, _ = sample
    xml = parts_xml(path)
    assert any(n.startswith("word/footer") for n in xml)
    for name, content in xml.items():
        assert not [t for t in TAGS if t in content], name


def test_lists_are_numbered_by_word(sample):
    """Issue 9 item 2: lists and headings are numbered through numbering.xml, restarting at
    each new list; no number is typed as text (wordnum shows Word's labels for reading)."""
    path, doc = sample
    items = [text_of(p) for p in paragraphs(doc) if style_of(p) == "DaftarBernomor"]
    assert "a. membantu penyusunan program dan anggaran Pemilu;" in items
    assert "7. Rekapitulasi hasil penghitungan suara Pemilu dan Pemilihan Tahun 2024" in items
    plain = Document(str(path))
    numbered = {"Heading2", "Heading3", "JudulKecil", "DaftarBernomor"}
    for p in plain.element.body.iter(qn("w:p")):
        if style_of(p) in numbered | {"Heading1"}:
            assert not re.match(r"^(BAB [IVX]+|[A-Za-z0-9]{1,3}\.)[\t ]", text_of(p)), text_of(p)
        if style_of(p) in ("Heading2", "DaftarBernomor"):  # every one numbered in the sample
            assert p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None, text_of(p)
    starts = [text_of(p) for p in paragraphs(doc) if style_of(p) == "DaftarBernomor"
              and re.match(r"^(1|a)\. ", text_of(p))]
    assert len(starts) >= 8  # each list restarts at 1 or a


def test_table_captions_numbered_per_chapter(sample):
    _, doc = sample
    captions = [text_of(p) for p in paragraphs(doc) if style_of(p) == "Caption"]
    # Bab III: per sasaran capaian, earlier years, Renstra, (standard), budget lines; the
    # summary; three budget tables.
    bab3 = [f"3.{n}" for n in range(1, 14)]
    assert [c.split(" ")[1] for c in captions] == ["1.1", "2.1", "2.2", *bab3]
    instr = [t.text for t in doc.element.body.iter(qn("w:instrText"))]  # complex fields
    assert instr.count(" SEQ Tabel \\r 1 \\* ARABIC ") == 3


def test_daftar_isi_and_daftar_tabel_filled(sample):
    path, doc = sample
    toc1 = [text_of(p) for p in paragraphs(doc) if style_of(p) == "TOC1"]
    assert toc1 == list(CHAPTERS)
    figures = [text_of(p) for p in paragraphs(doc) if style_of(p) == "TableofFigures"]
    assert figures[0] == "Tabel 1.1 Pegawai Menurut Tingkat Pendidikan Tahun 2024"
    instr = " ".join(t.text for t in doc.element.body.iter(qn("w:instrText")))
    assert 'TOC \\o "1-3" \\h \\z \\u' in instr and 'TOC \\h \\z \\c "Tabel"' in instr
    with zipfile.ZipFile(path) as z:
        assert '<w:updateFields w:val="true"/>' in z.read("word/settings.xml").decode()


def test_header_rows_repeat_and_rows_do_not_split(sample):
    _, doc = sample
    tables = [t for t in doc.tables if t.style is not None and t.style.name == "Tabel Laporan"]
    assert len(tables) >= 10
    for t in tables:
        rows = t._tbl.findall(qn("w:tr"))
        assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)
    header = [t for t in tables if t.rows[0].cells[0].text in ("No", "Sumber Dana", "Kode", "Uraian")]
    assert len(header) == len(tables) - 1  # all but the logo box
    assert all(t._tbl.find(f".//{qn('w:tblHeader')}") is not None for t in header)


def test_sample_has_only_the_expected_placeholders():
    data = contoh_data()
    assert list(build(data, hitung(data)).placeholders) == [
        "Sampul: logo instansi",  # issue 10 item 6: the cover's yellow [Logo] is listed too
        "Bab I C.2: bagan struktur organisasi",
        "Lampiran 2: nama Pihak Kedua",
    ]


# --- escaping and failure ------------------------------------------------------------------

TRICKY = 'PT "Maju" & <Sejahtera> {{ 7*7 }} {% if x %} 100%}'


def test_special_characters_survive_literally(tmp_path):
    data = with_identitas(contoh_data(), nama_penandatangan=TRICKY)
    data = dataclasses.replace(data, narasi={**data.narasi, "Penutup": ("{{ ttd }} & {# x #}",)})
    path = render(data, tmp_path)
    text = all_text(tampilkan_nomor(Document(str(path))))
    assert TRICKY in text
    assert "{{ ttd }} & {# x #}" in text


XML_TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff"),
    min_size=1, max_size=40,
).filter(lambda s: s.strip())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(XML_TEXT)
def test_any_text_survives_the_round_trip(teks):
    data = with_identitas(contoh_data(), nama_penandatangan=teks)
    with tempfile.TemporaryDirectory() as folder:
        doc = tampilkan_nomor(Document(str(render(data, Path(folder)))))
    assert " ".join(teks.split()) in all_text(doc)


def test_missing_value_fails_and_writes_nothing(tmp_path):
    data = contoh_data()
    context = build(data, hitung(data)).context
    del context["sdm"]
    with pytest.raises(InputErrors) as caught:
        render_report(context, tmp_path / "laporan.docx")
    assert [issue.line() for issue in caught.value.issues] == [
        'paragraf 120 ("{%p for p in sdm.kalimat %}"): variabel "sdm" tidak dikenal oleh lkj']
    assert list(tmp_path.iterdir()) == []


def test_missing_template(tmp_path):
    data = contoh_data()
    with pytest.raises(LkjError, match="Templat tidak ditemukan"):
        render_report(build(data, hitung(data)).context, tmp_path / "x.docx", tmp_path / "t.docx")


def test_template_that_is_not_a_docx(tmp_path):
    bad = tmp_path / "templat.docx"
    bad.write_text("bukan zip")
    data = contoh_data()
    with pytest.raises(LkjError, match="bukan dokumen Word"):
        render_report(build(data, hitung(data)).context, tmp_path / "x.docx", bad)


def test_logo_that_is_not_a_picture(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_text("bukan gambar")
    with pytest.raises(LkjError, match="Logo bukan gambar"):
        render(with_identitas(contoh_data(), logo=logo), tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["logo.png"]


def test_leftover_tag_is_an_error():
    doc = Document()
    doc.add_paragraph("Nama: {{ nama }}")
    with pytest.raises(LkjError, match="tag yang tidak terisi"):
        periksa_tag(doc)


def test_overwrites_existing_report(tmp_path):
    (tmp_path / "laporan.docx").write_bytes(b"lama")
    path = render(contoh_data(), tmp_path)
    assert zipfile.is_zipfile(path)
    assert [p.name for p in tmp_path.iterdir()] == ["laporan.docx"]


# --- options: paper, logo, NIP, placeholders -----------------------------------------------


def test_f4_paper_on_every_section(tmp_path):
    path = render(contoh_data(), tmp_path, kertas="F4")
    sizes = [(s.page_width.twips, s.page_height.twips) for s in Document(str(path)).sections]
    assert sizes == [(12189, 18709)] * 3  # 215 x 330 mm


def test_unknown_paper(tmp_path):
    with pytest.raises(LkjError, match="Ukuran kertas"):
        render(contoh_data(), tmp_path, kertas="Letter")


def test_logo_picture_on_the_cover(tmp_path):
    from PIL import Image  # Pillow is a test extra

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 40), "red").save(logo)
    path = render(with_identitas(contoh_data(), logo=logo), tmp_path)
    doc = tampilkan_nomor(Document(str(path)))
    assert len(doc.inline_shapes) == 1
    assert "[Logo]" not in all_text(doc)


def test_logo_box_without_logo(sample):
    assert "[Logo]" in all_text(sample[1])


def test_missing_logo_file(tmp_path):
    with pytest.raises(LkjError, match="logo tidak ditemukan"):
        render(with_identitas(contoh_data(), logo=tmp_path / "tidak-ada.png"), tmp_path)


def test_nip_and_pk_parties(tmp_path):
    data = with_identitas(contoh_data(), nip_penandatangan="198001012005011001",
                          nama_atasan="Nama Ketua")
    text = all_text(tampilkan_nomor(Document(str(render(data, tmp_path)))))
    assert text.count("NIP. 198001012005011001") == 3  # two signatures and the PK
    assert "[Nama Pihak Kedua]" not in text and "Nama Ketua" in text


def test_missing_narrative_becomes_highlighted_placeholder(tmp_path):
    data = dataclasses.replace(contoh_data(), narasi={}, daftar={}, renstra={}, sdm=())
    data = with_identitas(data, tanggal_pk=None, jabatan_atasan=None)
    laporan = build(data, hitung(data))
    context = {**laporan.context, "placeholders": list(laporan.placeholders)}
    assert context["placeholders"][:4] == [
        "Sampul: logo instansi", "Kata Pengantar", "Ikhtisar Eksekutif", "Bab I A: latar belakang"
    ]
    assert "Lampiran 2: tanggal Perjanjian Kinerja" in context["placeholders"]
    doc = tampilkan_nomor(Document(str(render_report(context, tmp_path / "l.docx"))))
    marked = [
        r.find(qn("w:t")).text for r in doc.element.body.iter(qn("w:r"))
        if r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}") is not None
        and r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val")) == "Placeholder"
        and r.find(qn("w:t")) is not None and r.find(qn("w:t")).text
    ]
    assert "[Tuliskan kata pengantar di sini]" in marked
    assert "[Tuliskan latar belakang di sini]" in marked
    text = all_text(doc)
    assert "Capaian penting" not in text and "Kendala yang dihadapi" not in text


# --- sentences follow the figures (more in test_bab3) -----------------------------------------


def _tidak_tercapai():
    data = contoh_data()
    s1 = data.sasaran[0]
    turun = dataclasses.replace(s1.indikator[2], realisasi=Decimal("60"))
    kosong = dataclasses.replace(s1.indikator[1], realisasi=None)
    s1 = dataclasses.replace(s1, indikator=(s1.indikator[0], kosong, turun))
    return dataclasses.replace(data, sasaran=(s1, *data.sasaran[1:]))


def test_report_never_claims_all_met_when_not(tmp_path):
    doc = tampilkan_nomor(Document(str(render(_tidak_tercapai(), tmp_path))))
    ikhtisar = " ".join(text_of(p) for p in paragraphs(doc)[:60])
    assert "Semua indikator mencapai target" not in ikhtisar
    assert "Sebanyak 3 (tiga) indikator mencapai target, sedangkan 1 (satu) indikator belum " \
        "mencapai target, yaitu IK 1.3" in all_text(doc)
    assert "Realisasi 1 (satu) indikator belum diisi, yaitu IK 1.2" in all_text(doc)


def test_office_names_wrap_before_the_region():
    assert baris_kapital("Sekretaris Komisi Pemilihan Umum Kabupaten Maluku Tenggara", 28) == [
        "SEKRETARIS KOMISI", "PEMILIHAN UMUM", "KABUPATEN MALUKU TENGGARA"
    ]
    assert baris_kapital("Sekretariat KPU Kota Ambon") == ["SEKRETARIAT KPU", "KOTA AMBON"]


def test_context_is_plain_data():
    data = contoh_data()
    context = build(data, hitung(data)).context

    def check(value):
        if isinstance(value, dict):
            assert all(isinstance(k, str) for k in value)
            for v in value.values():
                check(v)
        elif isinstance(value, list):
            for v in value:
                check(v)
        else:
            assert isinstance(value, str), value
            assert "\n" not in value

    check(context)
    assert context["ttd"]["tempat_tanggal"] == "Langgur, 13 Maret 2025"
    assert context["sampul"] == {
        "instansi": ["SEKRETARIAT KOMISI PEMILIHAN UMUM", "KABUPATEN MALUKU TENGGARA"],
        "alamat": "", "tempat": "LANGGUR", "tahun": "2025",
    }


# --- LibreOffice ---------------------------------------------------------------------------


def test_libreoffice_converts_to_pdf(sample, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI") == "true":
            pytest.fail("soffice (LibreOffice) is required in CI")
        pytest.skip("soffice (LibreOffice) not installed")
    path, _ = sample
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profil",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = tmp_path / "laporan.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                              capture_output=True, text=True).stdout
        assert "AKUNTABILITAS KINERJA" in text and "Rp59.992.385.000" in text
        assert "Tabel 3.1 Capaian Indikator Kinerja Sasaran 1" in text
