"""The quarterly report's body in its template: capaian table and chart, budget table and chart,
the generated reading, the follow-up to write, the signature."""

from __future__ import annotations

from generator import kontrak as k
from generator.report.rakit.bersama import tanda_tangan
from generator.report.rakit.kata import muat
from generator.report.rakit.tabel import SETELAH_TABEL, tabel_data, tabel_sasaran
from generator.report.rakit.teks import caption, grafik, judul, para, paragraf

KATA = muat(__file__)


def _capaian(doc) -> None:
    judul(doc, k.JUDUL_2, KATA["capaian.judul"])
    caption(doc, 1, KATA["capaian.caption"])
    tabel_sasaran(doc, KATA, "tabel.capaian", "capaian_tw.sasaran", jumlah=True)
    para(doc, k.KETERANGAN, KATA["capaian.keterangan"])
    grafik(doc, "capaian_tw.grafik", 1)


def _anggaran(doc) -> None:
    judul(doc, k.JUDUL_2, KATA["anggaran.judul"])
    caption(doc, 1, KATA["anggaran.caption"])
    tabel_data(doc, KATA, "tabel.anggaran", ("for r in anggaran_tw.baris",), jumlah=True)
    paragraf(doc, "anggaran_tw.kalimat", space_before=SETELAH_TABEL)
    grafik(doc, "anggaran_tw.grafik", 1)


def bangun(doc) -> None:
    judul(doc, k.JUDUL_1, KATA.baris("judul"))
    para(doc, k.ISI, KATA["pengantar"])
    _capaian(doc)
    _anggaran(doc)
    judul(doc, k.JUDUL_2, KATA["analisis.judul"])
    para(doc, k.ISI, KATA["analisis.pengantar"])
    paragraf(doc, "capaian_tw.bacaan")
    paragraf(doc, "tindak_lanjut")
    tanda_tangan(doc, tanggal_isi=True)
