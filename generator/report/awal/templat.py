"""The front matter's pages of the template: cover, Kata Pengantar, Ikhtisar Eksekutif, contents lists.

The front matter is its own section (pages i, ii, ...) between the cover's and the body's.
"""

from __future__ import annotations

from docx.enum.section import WD_SECTION
from docx.oxml import parse_xml
from docx.shared import Cm

from generator import kontrak as k
from generator.report.rakit.bersama import tanda_tangan
from generator.report.rakit.kata import Kolom, muat
from generator.report.rakit.tabel import tabel
from generator.report.rakit.teks import R, W, daftar, field, jika, judul, para, paragraf, tag, ulang

KATA = muat(__file__)


def _kotak_logo(doc) -> None:
    """A 4,5 cm box with the highlighted `[Logo]` for staff to replace with the picture."""
    para(doc, k.NORMAL, space_before=Cm(2.5))
    kotak = tabel(doc, [Kolom("", 4.5, k.SEL_TENGAH)],
                  [[R(KATA["sampul.logo"], style=k.PLACEHOLDER)]], header=False)
    kotak.rows[0]._tr.get_or_add_trPr().append(
        parse_xml(f'<w:trHeight {W} w:val="2552" w:hRule="exact"/>'))
    kotak.rows[0].cells[0]._tc.get_or_add_tcPr().append(parse_xml(f'<w:vAlign {W} w:val="center"/>'))
    para(doc, k.NORMAL, space_after=Cm(2.5))


def sampul(doc) -> None:
    """Cover: title, year, logo (or a box to replace), the secretariat, place and year."""
    for n, baris in enumerate(KATA.baris("sampul.judul")):
        para(doc, k.JUDUL_SAMPUL, baris, **({"space_before": Cm(1.5)} if n == 0 else {}))
    tag(doc, "{%p if logo %}")
    para(doc, k.SAMPUL, "{{ logo }}", space_before=Cm(2.5), space_after=Cm(2.5))
    tag(doc, "{%p else %}")
    _kotak_logo(doc)
    tag(doc, "{%p endif %}")
    ulang(doc, "for b in sampul.instansi", k.SAMPUL, "{{ b }}")
    jika(doc, "sampul.alamat", lambda d: para(d, k.ALAMAT_SAMPUL, "{{ sampul.alamat }}"))
    para(doc, k.SAMPUL, "{{ sampul.tempat }}", space_before=Cm(5.5))
    para(doc, k.SAMPUL, "{{ sampul.tahun }}")


def kata_pengantar(doc) -> None:
    judul(doc, k.JUDUL_1, KATA["kata_pengantar.judul"], page_break_before=False)
    paragraf(doc, "kata_pengantar")
    tanda_tangan(doc)


def _capaian_penting(doc) -> None:
    para(doc, k.ISI, KATA["ikhtisar.capaian_penting"])
    daftar(doc, "capaian_penting")


def ikhtisar(doc) -> None:
    judul(doc, k.JUDUL_1, KATA["ikhtisar.judul"])
    paragraf(doc, "ikhtisar")
    para(doc, k.ISI, "{{ ringkasan }}")
    jika(doc, "capaian_penting", _capaian_penting)


def _daftar(doc, nama: str, gaya: str, instr: str) -> None:
    """A contents list: its heading and a TOC field holding a note until it is filled
    (generator.writing.selesai fills it after rendering, Word again when it updates fields)."""
    judul(doc, k.JUDUL_1, KATA[f"{nama}.judul"])
    field(para(doc, gaya), instr, KATA[f"{nama}.sementara"], dirty=True)


def daftar_isi(doc) -> None:
    _daftar(doc, "daftar_isi", k.TOC_1, k.TOC_ISI)
    _daftar(doc, "daftar_tabel", k.DAFTAR_GAMBAR, k.toc_keterangan(k.LABEL_TABEL))
    jika(doc, "ada_grafik",
         lambda d: _daftar(d, "daftar_grafik", k.DAFTAR_GAMBAR, k.toc_keterangan(k.LABEL_GRAFIK)))


def bangun(doc) -> None:
    """The cover, a new section (pages i, ii, ...), the front matter, a new section for the body."""
    sampul(doc)
    doc.add_section(WD_SECTION.NEW_PAGE)
    kata_pengantar(doc)
    ikhtisar(doc)
    daftar_isi(doc)
    doc.add_section(WD_SECTION.NEW_PAGE)
