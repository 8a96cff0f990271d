"""The front matter's pages of the template: cover, Kata Pengantar, Ikhtisar Eksekutif, contents lists.

The front matter is its own section (pages i, ii, ...) between the cover's and the body's.
"""

from __future__ import annotations

from docx.enum.section import WD_SECTION

from generator import kontrak as k
from generator.report.rakit import bersama
from generator.report.rakit.bersama import tanda_tangan
from generator.report.rakit.kata import muat
from generator.report.rakit.teks import daftar, jika, judul, para, paragraf

KATA = muat(__file__)


def sampul(doc) -> None:
    """Cover: title, year, logo (or a box to replace), the secretariat, place and year."""
    bersama.sampul(doc, KATA.baris("sampul.judul"))


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


def bangun(doc) -> None:
    """The cover, a new section (pages i, ii, ...), the front matter, a new section for the body."""
    sampul(doc)
    doc.add_section(WD_SECTION.NEW_PAGE)
    kata_pengantar(doc)
    ikhtisar(doc)
    bersama.daftar_isi(doc)
    doc.add_section(WD_SECTION.NEW_PAGE)
