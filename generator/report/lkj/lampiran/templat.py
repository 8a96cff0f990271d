"""The Lampiran's pages of the template: RKT, the Perjanjian Kinerja (the PK document's pages), Pengukuran."""

from __future__ import annotations

from docx.shared import Cm

from generator import kontrak as k
from generator.report.pk.perjanjian import templat as pk
from generator.report.rakit.kata import muat
from generator.report.rakit.tabel import tabel_data
from generator.report.rakit.teks import judul, para

KATA = muat(__file__)
RKT = ("for s in pk.sasaran", "for i in s.indikator")  # sasaran cells merge over their indicators


def perjanjian(doc) -> None:
    """The Perjanjian Kinerja, as the PK document prints it (generator.report.pk.perjanjian)."""
    judul(doc, k.JUDUL_2, KATA["pk.judul"], page_break_before=True)
    pk.pernyataan(doc)
    pk.lampiran(doc)


def bangun(doc) -> None:
    judul(doc, k.JUDUL_1, KATA["judul"])
    judul(doc, k.JUDUL_2, KATA["rkt.judul"])
    tabel_data(doc, KATA, "tabel.rkt", RKT)
    perjanjian(doc)
    judul(doc, k.JUDUL_2, KATA["pengukuran.judul"], page_break_before=True)
    tabel_data(doc, KATA, "tabel.pengukuran", ("for s in capaian.sasaran", "for i in s.indikator"),
               jumlah=True)
    para(doc, k.ISI, KATA["pengukuran.keterangan"], first_line_indent=Cm(0), space_before=Cm(0.3))
