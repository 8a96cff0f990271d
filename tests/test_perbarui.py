"""`lkj perbarui`: new figures into a report a person finished by hand, without losing a word.

The sample report is made from input/contoh.xlsx, then edited the way a person does in Word
(python-docx writes what Word writes: a changed run, new paragraphs, a picture, a table, a
comment, a tracked change, a deleted paragraph, a retyped figure). The workbook then changes:
IK 1.3's realisasi goes from 77,29% to 79% and sasaran 2 gets a third indicator. The merged
report must read exactly like a fresh report from the new workbook, except for the person's work.
"""

from __future__ import annotations

import difflib
import io
import shutil
import struct
import subprocess
import zipfile
import zlib
from copy import deepcopy
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from typer.testing import CliRunner

from doctools import ROOT, libreoffice, validate_docx
from wordnum import tampilkan_nomor
from generator.commands.cli import app
from generator.marks import sidik, tanda
from generator.merge.pembaruan import update
from generator.pipeline import build
from generator.writing.selesai import teks_paragraf

SAMPLE = ROOT / "input" / "contoh.xlsx"
TAMBAHAN = "Paragraf tambahan yang ditulis staf sendiri di Word."
CATATAN = "Catatan staf tentang sasaran 1: tahapan berjalan tertib."
SISIPAN = " (disisipkan dengan lacak perubahan)"
KOMENTAR = "Mohon dicek ulang oleh Kasubbag."
TERHAPUS = "Realisasi IK 1.3 naik"
IK_BARU = "Persentase laporan dana kampanye yang diumumkan tepat waktu"


def _png() -> bytes:
    """A 2x2 grey PNG, written by hand."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def new_workbook(path: Path) -> Path:
    wb = openpyxl.load_workbook(SAMPLE)
    ws = wb["Kinerja"]
    assert ws["B4"].value == "Persentase peningkatan pelayanan terhadap pemilih"
    ws["F4"] = 0.79
    tw4 = next(c.column_letter for c in ws[1] if c.value == "Realisasi TW IV")
    ws[f"{tw4}4"] = 79  # the year's final figure is also the position at the end of TW IV
    ws["B7"], ws["C7"], ws["E7"], ws["F7"] = IK_BARU, "%", 100, 90
    ws["I7"] = "Dua laporan terlambat diumumkan karena peserta menyerahkannya mendekati batas."
    wb.save(path)
    return path


def _cari(doc, awal: str, gaya: str | None = None):
    for p in doc.paragraphs:
        if p.text.startswith(awal) and (gaya is None or p.style.name.startswith(gaya)):
            return p
    raise AssertionError(f"no paragraph starts with {awal!r}")


def edit_like_a_person(path: Path) -> None:
    """What a staff member does to the report in Word over a few days."""
    doc = docx.Document(str(path))
    pengantar = _cari(doc, "Puji syukur")
    pengantar.runs[0].text = pengantar.runs[0].text.replace("Puji syukur", "Puji dan syukur", 1)
    pengantar.insert_paragraph_before(TAMBAHAN)
    judul = _cari(doc, "Sasaran 1:", "Heading")
    # after the Sasaran 1 heading: a note with a tracked insertion and a comment, a picture, a table
    catatan = deepcopy(judul._p)
    for child in list(catatan):
        catatan.remove(child)
    judul._p.addnext(catatan)
    p = Paragraph(catatan, judul._parent)
    run = p.add_run(CATATAN)
    catatan.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="9901" w:author="Staf" w:date="2026-02-01T09:00:00Z">'
        f'<w:r><w:t xml:space="preserve">{SISIPAN}</w:t></w:r></w:ins>'))
    doc.add_comment(run, text=KOMENTAR, author="Staf", initials="S")
    gambar = doc.add_paragraph()
    gambar.add_run().add_picture(io.BytesIO(_png()), width=Cm(2))
    tabel = doc.add_table(rows=2, cols=2)
    tabel.cell(0, 0).text, tabel.cell(1, 1).text = "Tabel staf", "isi staf"
    catatan.addnext(gambar._p)
    gambar._p.addnext(tabel._tbl)
    # a figure retyped inside Tabel 3.1 (IK 1.3's realisasi)
    for t in doc.tables:
        for row in t.rows:
            cells = [c.text for c in row.cells]
            if cells[0] == "IK 1.3" and "77,29%" in cells:
                cell = row.cells[cells.index("77,29%")]
                cell.paragraphs[0].runs[0].text = "77,3%"
                break
        else:
            continue
        break
    else:
        raise AssertionError("Tabel 3.1's IK 1.3 row not found")
    # a generated paragraph deleted
    hapus = _cari(doc, TERHAPUS)
    hapus._p.getparent().remove(hapus._p)
    doc.save(str(path))


def baris(path: Path) -> list[str]:
    """The report as lines, with Word's list and heading numbers as text (so a list the merge
    split or renumbered shows): each body paragraph, each table row as `| cell | cell`."""
    doc = tampilkan_nomor(docx.Document(str(path)))
    lines = []
    for el in tanda.blok(doc.element.body):  # also inside content controls (a Daftar Isi)
        if el.tag == qn("w:p"):
            lines.append(teks_paragraf(el))
        elif el.tag == qn("w:tbl"):
            for tr in el.iter(qn("w:tr")):
                lines.append("| " + " | ".join(teks_paragraf(p) for p in tr.iter(qn("w:p"))))
    return lines


def chart_figures(path: Path) -> dict[str, list]:
    """Each lkj chart's embedded workbook values, by chart name."""
    doc = docx.Document(str(path))
    hasil = {}
    for drawing in doc.element.body.iter(qn("w:drawing")):
        nama = sidik.nama_grafik(drawing)
        if not nama:
            continue
        part = sidik.bagian_grafik(drawing, doc.part)
        xlsx = next(r.target_part for r in part.rels.values() if not r.is_external)
        ws = openpyxl.load_workbook(io.BytesIO(xlsx.blob)).active
        hasil[nama] = [list(r) for r in ws.iter_rows(values_only=True)]
    return hasil


@pytest.fixture(scope="module")
def kasus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("perbarui")
    laporan = build(SAMPLE, folder / "laporan.docx").path
    asli = folder / "asli.docx"
    shutil.copy2(laporan, asli)
    edit_like_a_person(laporan)
    sunting = folder / "sunting.docx"
    shutil.copy2(laporan, sunting)
    buku = new_workbook(folder / "baru.xlsx")
    segar = build(buku, folder / "segar.docx").path
    done = update(buku, laporan, folder / "hasil.docx")
    return {"folder": folder, "asli": asli, "sunting": sunting, "laporan": laporan,
            "buku": buku, "segar": segar, "hasil": done.path, "done": done}


def test_every_generated_part_is_marked(kasus):
    doc = docx.Document(str(kasus["asli"]))
    marks = tanda.tanda_di(doc.element.body)
    kinds = {k: sum(1 for m in marks.values() if m.jenis == k) for k in "NBTR"}
    blocks = [el for el in doc.element.body if el.tag in (qn("w:p"), qn("w:tbl"))]
    toc = [el for el in blocks if el.tag == qn("w:p") and
           el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is not None and
           el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) in
           ("TOC1", "TOC2", "TOC3", "TableofFigures")]
    # every block but the contents lists' lines (renewed whole), every table row
    assert kinds["B"] + kinds["T"] == len(blocks) - len(toc) + 0
    assert kinds["R"] == sum(len(t.findall(qn("w:tr"))) for t in doc.element.body.iter(qn("w:tbl")))
    assert kinds["N"] > 300
    # figures are marked where they are printed
    names = {m.end.getparent(): m for m in marks.values() if m.jenis == "N"}
    assert any(teks_paragraf(p).startswith("Dalam Perjanjian Kinerja") for p in names)


def test_marks_print_as_nothing(kasus, tmp_path):
    """The text of a marked report equals the text with every mark taken out."""
    doc = docx.Document(str(kasus["asli"]))
    before = baris(kasus["asli"])
    tanda.buang_tanda(doc.element.body)
    doc.save(str(tmp_path / "tanpa.docx"))
    assert baris(tmp_path / "tanpa.docx") == before


def test_merged_report_reads_like_a_fresh_one_except_the_persons_work(kasus):
    diff = [line for line in difflib.ndiff(baris(kasus["segar"]), baris(kasus["hasil"]))
            if line[:2] in ("- ", "+ ")]
    fresh_foreword = next(x for x in baris(kasus["segar"]) if x.startswith("Puji syukur"))
    fresh_row = next(x for x in baris(kasus["segar"]) if x.startswith("| IK 1.3 |")
                     and "| 79% | 105,33 |" in x)
    fresh_trend = next(x for x in baris(kasus["segar"]) if x.startswith(TERHAPUS))
    expected = {
        "- " + fresh_foreword,
        "+ " + TAMBAHAN,
        "+ " + fresh_foreword.replace("Puji syukur", "Puji dan syukur"),
        "+ " + CATATAN + SISIPAN,
        "+ ",  # the picture's paragraph
        "+ | Tabel staf | ",
        "+ |  | isi staf",
        "- " + fresh_row,
        "+ " + fresh_row.replace("| 79% |", "| 77,3% |"),  # the person's figure, capaian renewed
        "- " + fresh_trend,  # deleted by the person, stays deleted
    }
    assert set(diff) == expected, "\n".join(diff)


def test_stale_figures_are_gone(kasus):
    text = "\n".join(baris(kasus["hasil"]))
    for old in ("100,51", "101,02", "103,05", "dengan 5 (lima) indikator"):
        assert old not in text, old
    for new in ("99,22", "101,78", "105,33", "96,67", "6 (enam) indikator", IK_BARU):
        assert new in text, new
    ikhtisar = next(x for x in baris(kasus["hasil"]) if x.startswith("Dalam Perjanjian Kinerja"))
    assert "99,22%" in ikhtisar
    penutup = next(x for x in baris(kasus["hasil"]) if x.startswith("Laporan Kinerja ini menyajikan"))
    assert "99,22%" in penutup and "6 (enam)" in penutup


def test_charts_get_the_new_figures(kasus):
    merged, fresh = chart_figures(kasus["hasil"]), chart_figures(kasus["segar"])
    assert merged == fresh
    assert any(IK_BARU in str(rows) or "IK 2.3" in str(rows) for rows in merged.values())
    # no chart part is left behind or doubled
    with zipfile.ZipFile(kasus["hasil"]) as z:
        charts = [n for n in z.namelist() if n.startswith("word/charts/chart")]
    assert len(charts) == len(merged)


def test_what_was_kept_deleted_and_added_is_listed(kasus):
    hasil = kasus["done"].hasil
    assert [c.tempat.split(" (")[0] for c in hasil.disunting] == ["Kata Pengantar",
                                                                  "Bab III, Tabel 3.1"]
    assert [(c.tempat, c.baru) for c in hasil.angka_disunting] == [
        ('Bab III, Tabel 3.1, baris IK 1.3: "77,3%"', "79%")]
    assert len(hasil.dihapus) == 1 and hasil.dihapus[0].baru.startswith(TERHAPUS)
    assert hasil.dihapus[0].tempat.startswith("Bab III")
    assert any("IK 2.3" in c.baru for c in hasil.ditambahkan)
    assert hasil.tak_ditempatkan == [] and hasil.tak_ditulis_lagi == []


def test_the_persons_additions_survive_whole(kasus):
    doc = docx.Document(str(kasus["hasil"]))
    body = doc.element.body
    assert len(list(body.iter(qn("w:ins")))) == 1
    assert len(list(body.iter(qn("w:commentRangeStart")))) == 1
    assert [c.text for c in doc.comments] == [KOMENTAR]
    pictures = [b for b in body.iter(qn("w:drawing")) if not sidik.nama_grafik(b)]
    assert len(pictures) == 1  # the person's (the sample has no logo)
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/image"):
            assert rel.target_part.blob


def test_merged_report_is_valid(kasus):
    errors, output = validate_docx(kasus["hasil"])
    assert errors == 0, output


def test_updating_again_changes_nothing(kasus, tmp_path):
    again = update(kasus["buku"], kasus["hasil"], tmp_path / "lagi.docx")
    assert again.hasil.diperbarui == 0 and again.hasil.ditambahkan == []
    assert baris(again.path) == baris(kasus["hasil"])


def test_in_place_keeps_the_earlier_version(kasus, tmp_path):
    laporan = tmp_path / "LKj.docx"
    shutil.copy2(kasus["sunting"], laporan)
    before = laporan.read_bytes()
    done = update(kasus["buku"], laporan)
    assert done.path == laporan and done.cadangan == tmp_path / "LKj-sebelum-1.docx"
    assert done.cadangan.read_bytes() == before
    assert laporan.read_bytes() != before
    assert baris(laporan) == baris(kasus["hasil"])
    # the same workbook again changes nothing: nothing is written, no copy is made
    merged = laporan.read_bytes()
    same = update(kasus["buku"], laporan)
    assert not same.berubah and same.cadangan is None and laporan.read_bytes() == merged
    # new figures again: the next copy, the first one never overwritten
    second = update(_ik21(kasus["buku"], tmp_path / "buku2.xlsx", 97), laporan)
    assert second.berubah and second.cadangan == tmp_path / "LKj-sebelum-2.docx"
    assert second.cadangan.read_bytes() == merged
    assert (tmp_path / "LKj-sebelum-1.docx").read_bytes() == before  # never overwritten
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "LKj-sebelum-1.docx", "LKj-sebelum-2.docx", "LKj.docx", "buku2.xlsx"]


def _ik21(buku: Path, path: Path, realisasi) -> Path:
    """The workbook with IK 2.1's realisasi changed."""
    wb = openpyxl.load_workbook(buku)
    ws = wb["Kinerja"]
    assert ws["B5"].value.startswith("Persentase KPU, KPU Provinsi")
    ws["F5"] = realisasi
    wb.save(path)
    return path


def test_output_option_leaves_the_report_untouched(kasus, tmp_path):
    laporan = tmp_path / "LKj.docx"
    shutil.copy2(kasus["sunting"], laporan)
    before = laporan.read_bytes()
    result = CliRunner().invoke(app, ["perbarui", str(kasus["buku"]), str(laporan), "-o",
                                      str(tmp_path / "baru.docx")])
    assert result.exit_code == 0, result.output
    assert laporan.read_bytes() == before
    assert "Bab III, Tabel 3.1" in result.output and "lkj kini menulis: 79%" in result.output
    assert "Kata Pengantar" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["LKj.docx", "baru.docx"]


def test_result_is_never_taken_for_untouched_lkj_output(kasus, tmp_path):
    """A merged report holds a person's work: a later `lkj buat` writes beside it."""
    from generator.files.output import is_untouched

    assert not is_untouched(kasus["hasil"])


def test_foreign_docx_is_refused_and_untouched(kasus, tmp_path):
    foreign = tmp_path / "lain.docx"
    d = docx.Document()
    d.add_paragraph("Dokumen yang tidak dibuat lkj.")
    d.save(str(foreign))
    before = foreign.read_bytes()
    result = CliRunner().invoke(app, ["perbarui", str(kasus["buku"]), str(foreign)])
    assert result.exit_code == 1
    assert "tidak memuat tanda bagian dari lkj" in result.output
    assert "Traceback" not in result.output
    assert foreign.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lain.docx"]


def test_report_whose_marks_are_all_gone_is_refused(kasus, tmp_path):
    laporan = tmp_path / "polos.docx"
    doc = docx.Document(str(kasus["asli"]))
    tanda.buang_tanda(doc.element.body)
    doc.save(str(laporan))
    before = laporan.read_bytes()
    result = CliRunner().invoke(app, ["perbarui", str(kasus["buku"]), str(laporan)])
    assert result.exit_code == 1 and "tanda bagian" in result.output
    assert laporan.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["polos.docx"]


def test_buat_beside_an_edited_report_points_to_perbarui(kasus, tmp_path):
    laporan = tmp_path / "LKj.docx"
    shutil.copy2(kasus["sunting"], laporan)
    result = CliRunner().invoke(app, ["buat", str(kasus["buku"]), "-o", str(laporan)])
    assert result.exit_code == 0, result.output
    assert "LKj-2.docx" in result.output and "lkj perbarui" in result.output


def test_round_trip_through_libreoffice(kasus, tmp_path):
    """LibreOffice opens the report, a person types in it, LibreOffice saves it as .docx; the
    marks survive and perbarui carries the new figures in, keeping the typing."""
    lo = libreoffice()
    edited = tmp_path / "lo.docx"
    script = Path(__file__).with_name("lo_sunting.py")
    tambahan = " Kalimat dari LibreOffice."
    baru = "Paragraf baru yang diketik di LibreOffice."
    subprocess.run([lo.python, str(script), str(lo.soffice), str(kasus["asli"]), str(edited),
                    "Puji syukur", tambahan, baru], check=True, timeout=300)
    before = tanda.tanda_di(docx.Document(str(kasus["asli"])).element.body)
    after = tanda.tanda_di(docx.Document(str(edited)).element.body)
    lost = set(before) - set(after)
    # LibreOffice folds the empty paragraph after the Daftar Grafik field into the list's last
    # line; its mark goes with the contents list, which is renewed whole. Nothing else is lost.
    assert len(lost) <= 1, f"{len(lost)} of {len(before)} marks lost"
    assert all(before[i].jenis == "B" and not teks_paragraf(before[i].start.getparent())
               for i in lost)
    done = update(kasus["buku"], edited, tmp_path / "hasil.docx")
    lines = baris(done.path)
    assert baru in lines
    assert any(x.startswith("Puji syukur") and x.endswith(tambahan.strip()) for x in lines)
    text = "\n".join(lines)
    assert "99,22" in text and "100,51" not in text and IK_BARU in text
    assert [c.tempat.split(" (")[0] for c in done.hasil.disunting] == ["Kata Pengantar"]
    # LibreOffice 7.4's own .docx breaks the schema (163 errors on the sample: doubled <w:b/> and
    # misordered run properties in its contents lists); the merge renews those lists, and the
    # result is valid.
    errors_lo, _ = validate_docx(edited)
    assert errors_lo > 0
    errors, output = validate_docx(done.path)
    assert errors == 0, output


def test_contents_links_all_lead_somewhere(kasus):
    """Every Daftar Isi/Tabel/Grafik line points to a bookmark that is in the merged report."""
    doc = docx.Document(str(kasus["hasil"]))
    names = {b.get(qn("w:name")) for b in doc.element.body.iter(qn("w:bookmarkStart"))}
    anchors = [h.get(qn("w:anchor")) for h in doc.element.body.iter(qn("w:hyperlink"))
               if h.get(qn("w:anchor"))]
    assert len(anchors) > 50
    assert [a for a in anchors if a not in names] == []
    ids = [b.get(qn("w:id")) for b in doc.element.body.iter(qn("w:bookmarkStart"))]
    ends = [b.get(qn("w:id")) for b in doc.element.body.iter(qn("w:bookmarkEnd"))]
    assert len(ids) == len(set(ids)) and sorted(ids) == sorted(ends)


def test_edited_heading_keeps_its_contents_line(kasus, tmp_path):
    laporan = tmp_path / "LKj.docx"
    shutil.copy2(kasus["asli"], laporan)
    doc = docx.Document(str(laporan))
    judul = _cari(doc, "Sasaran 1:", "Heading")
    judul.runs[-1].text += " (direvisi)"
    doc.save(str(laporan))
    done = update(kasus["buku"], laporan, tmp_path / "hasil.docx")
    merged = docx.Document(str(done.path))
    kept = _cari(merged, "Sasaran 1:", "Heading")
    assert kept.text.endswith("(direvisi)")
    names = {b.get(qn("w:name")) for b in kept._p.iter(qn("w:bookmarkStart"))}
    anchors = {h.get(qn("w:anchor")) for h in merged.element.body.iter(qn("w:hyperlink"))}
    assert names & anchors, "the Daftar Isi line of the edited heading leads nowhere"
    assert [c.tempat for c in done.hasil.disunting] == [
        "Bab III, Sasaran 1: Meningkatnya penyelenggaraan pemilihan umum yang…"]


def _caption_tabel(nomor: str) -> str:
    r = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
    return (f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="Caption"/></w:pPr>'
            + r.format("Tabel ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> SEQ Tabel \\* ARABIC </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r.format(nomor) +
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + r.format(" Data staf") + "</w:p>")


def test_a_persons_caption_renumbers_the_captions_after_it(kasus, tmp_path):
    """A table a person captions with Word's Insert Caption (a SEQ Tabel field) before
    Tabel 3.1: lkj's captions after it count on from it."""
    laporan = tmp_path / "LKj.docx"
    shutil.copy2(kasus["asli"], laporan)
    doc = docx.Document(str(laporan))
    judul = _cari(doc, "Sasaran 1:", "Heading")
    judul._p.addnext(parse_xml(_caption_tabel("1")))
    doc.save(str(laporan))
    done = update(kasus["buku"], laporan, tmp_path / "hasil.docx")
    merged = docx.Document(str(done.path))
    def gaya(p):
        el = p._p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        return el.get(qn("w:val")) if el is not None else ""

    captions = [p.text for p in merged.paragraphs if gaya(p) == "Caption"
                and p.text.startswith("Tabel")]
    assert captions[:5] == ["Tabel 1.1 Pegawai Menurut Tingkat Pendidikan Tahun 2024",
                            "Tabel 2.1 Target Kinerja Sasaran 1: Meningkatnya penyelenggaraan "
                            "pemilihan umum yang demokratis",
                            "Tabel 2.2 Target Kinerja Sasaran 2: Terlaksananya pemilihan umum "
                            "yang aman, jujur dan adil",
                            "Tabel 1 Data staf",
                            "Tabel 3.2 Capaian Indikator Kinerja Sasaran 1"]
    # Daftar Tabel lists the person's table too, with the numbers the captions now show
    daftar = [p.text for p in merged.paragraphs if gaya(p) == "TableofFigures"
              and p.text.startswith("Tabel")]
    assert [d.split("\t")[0] for d in daftar] == captions


def test_report_open_in_word_gets_the_same_message_as_buat(kasus, tmp_path, monkeypatch):
    import os

    from generator.errors import LkjError

    laporan = tmp_path / "LKj.docx"
    shutil.copy2(kasus["sunting"], laporan)
    before = laporan.read_bytes()
    real = os.replace

    def locked(src, dst):
        if Path(dst) == laporan:
            raise PermissionError(13, "locked")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(LkjError, match="sedang dibuka \\(mis. di Word\\)"):
        update(kasus["buku"], laporan)
    assert laporan.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["LKj.docx"]


def test_report_made_without_charts_stays_without(kasus, tmp_path):
    laporan = build(SAMPLE, tmp_path / "LKj.docx", grafik=False).path
    done = update(kasus["buku"], laporan, tmp_path / "hasil.docx")
    assert chart_figures(done.path) == {}
    assert not any(x.startswith("Grafik ") for x in baris(done.path))
    assert all("grafik" not in c.baru for c in done.hasil.ditambahkan)


def test_tanpa_grafik_drops_untouched_charts_like_buat(kasus, tmp_path):
    done = update(kasus["buku"], kasus["asli"], tmp_path / "hasil.docx", grafik=False)
    assert chart_figures(done.path) == {}
    fresh = build(kasus["buku"], tmp_path / "segar.docx", grafik=False).path
    assert baris(done.path) == baris(fresh)


def test_readme_example_is_what_lkj_prints(kasus, tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```\nLaporan diperbarui:")
    example = readme[start + 4:readme.index("```", start + 4)].splitlines()
    laporan = tmp_path / "LKj-2024-KPU Kabupaten Maluku Tenggara.docx"
    shutil.copy2(kasus["sunting"], laporan)
    result = CliRunner().invoke(app, ["perbarui", str(kasus["buku"]), str(laporan)])
    assert result.exit_code == 0, result.output
    printed = result.output.splitlines()
    assert printed[0] == f"Laporan diperbarui: {laporan.absolute()}"
    assert printed[1] == example[1]
    assert printed[2:] == example[2:]


def test_a_second_round_keeps_everything_from_the_first(kasus, tmp_path):
    """Figures change again after the merged report was edited further: the first round's
    edits stay, the deleted paragraph stays deleted, the new figures come in."""
    laporan = tmp_path / "LKj.docx"
    shutil.copy2(kasus["hasil"], laporan)
    doc = docx.Document(str(laporan))
    _cari(doc, TAMBAHAN).insert_paragraph_before("Catatan putaran kedua.")
    doc.save(str(laporan))
    wb = openpyxl.load_workbook(kasus["buku"])
    ws = wb["Kinerja"]
    assert ws["B5"].value.startswith("Persentase KPU, KPU Provinsi")
    ws["F5"] = 97
    buku2 = new_path = tmp_path / "buku2.xlsx"
    wb.save(new_path)
    done = update(buku2, laporan)
    lines = baris(laporan)
    text = "\n".join(lines)
    assert "Catatan putaran kedua." in lines and TAMBAHAN in lines
    assert any(x.startswith("Puji dan syukur") for x in lines)
    assert any("| 77,3% |" in x for x in lines)
    assert not any(x.startswith(TERHAPUS) for x in lines)
    assert "102,11" in text  # IK 2.1: 97 / 95
    assert [c.baru[:len(TERHAPUS)] for c in done.hasil.dihapus] == [TERHAPUS]
    errors, output = validate_docx(laporan)
    assert errors == 0, output


def _new_sasaran(path: Path) -> Path:
    wb = openpyxl.load_workbook(SAMPLE)
    ws = wb["Kinerja"]
    ws["A7"], ws["B7"], ws["C7"], ws["E7"], ws["F7"] = (
        "Meningkatnya kualitas layanan informasi publik", "Persentase permohonan informasi yang "
        "dijawab tepat waktu", "%", 100, 96)
    ws["I7"] = "Empat permohonan dijawab melewati batas karena datanya masih direkapitulasi."
    wb.save(path)
    return path


def test_a_new_sasaran_goes_where_it_belongs(kasus, tmp_path):
    """A third sasaran: its Bab III section, table rows and chart come in where a fresh report
    has them, in an untouched report and around a person's edits alike."""
    buku = _new_sasaran(tmp_path / "sasaran3.xlsx")
    fresh = build(buku, tmp_path / "segar.docx").path
    untouched = update(buku, kasus["asli"], tmp_path / "utuh.docx")
    assert baris(untouched.path) == baris(fresh)
    assert chart_figures(untouched.path) == chart_figures(fresh)
    edited = update(buku, kasus["sunting"], tmp_path / "sunting.docx")
    lines = baris(fresh)
    foreword = next(x for x in lines if x.startswith("Puji syukur"))
    row = next(x for x in lines if x.startswith("| IK 1.3 |") and "| 79% |" not in x
               and "| 77,29% | 103,05 |" in x)
    trend = next(x for x in lines if x.startswith(TERHAPUS))
    expected = {"- " + foreword, "+ " + TAMBAHAN,
                "+ " + foreword.replace("Puji syukur", "Puji dan syukur"),
                "+ " + CATATAN + SISIPAN, "+ ", "+ | Tabel staf | ", "+ |  | isi staf",
                "- " + row, "+ " + row.replace("| 77,29% |", "| 77,3% |"), "- " + trend}
    diff = {line for line in difflib.ndiff(lines, baris(edited.path)) if line[:2] in ("- ", "+ ")}
    assert diff == expected, "\n".join(sorted(diff ^ expected))
    errors, output = validate_docx(edited.path)
    assert errors == 0, output


def test_an_indicator_dropped_from_the_workbook_leaves_the_report(kasus, tmp_path):
    """IK 1.2 deleted from the workbook (its row removed, the rows below move up): an untouched
    report reads exactly like a fresh one, its parts gone and the later codes renumbered."""
    wb = openpyxl.load_workbook(SAMPLE)
    ws = wb["Kinerja"]
    assert ws["B3"].value.startswith("Persentase peningkatan pelayanan terhadap partai")
    ws.delete_rows(3)
    buku = tmp_path / "tanpa-ik12.xlsx"
    wb.save(buku)
    fresh = build(buku, tmp_path / "segar.docx").path
    done = update(buku, kasus["asli"], tmp_path / "hasil.docx")
    assert baris(done.path) == baris(fresh)
    assert chart_figures(done.path) == chart_figures(fresh)
    assert done.hasil.tak_ditulis_lagi == [] and done.hasil.dihapus == []
    errors, output = validate_docx(done.path)
    assert errors == 0, output


def test_a_chart_whose_figure_a_person_changed_is_kept_and_listed(kasus, tmp_path):
    """Edit Data in Word changes the chart's cached figure and its embedded workbook: the chart
    stays as the person left it, and is listed by its caption."""
    laporan = tmp_path / "LKj.docx"
    doc = docx.Document(str(kasus["asli"]))
    drawing = next(d for d in doc.element.body.iter(qn("w:drawing"))
                   if sidik.nama_grafik(d) == "capaian")
    part = sidik.bagian_grafik(drawing, doc.part)
    xml = part.blob.decode("utf-8")
    awal = xml.index("<c:v>", xml.index("<c:val>"))
    part._blob = (xml[:awal] + "<c:v>55</c:v>" + xml[xml.index("</c:v>", awal) + 6:]).encode()
    embedded = next(r.target_part for r in part.rels.values())
    wb = openpyxl.load_workbook(io.BytesIO(embedded.blob))
    wb.active["B2"] = 55
    buffer = io.BytesIO()
    wb.save(buffer)
    embedded._blob = buffer.getvalue()
    doc.save(str(laporan))
    done = update(kasus["buku"], laporan, tmp_path / "hasil.docx")
    assert chart_figures(done.path)["capaian"][1] == ["IK 1.1", 55, 100]
    assert [c.tempat for c in done.hasil.disunting] == ["Bab III, Grafik 3.6"]
    others = {k: v for k, v in chart_figures(done.path).items() if k != "capaian"}
    fresh = chart_figures(kasus["segar"])
    assert others == {k: v for k, v in fresh.items() if k != "capaian"}
