"""Bab II's pages of the template: the Renstra's items and one target table per sasaran of the PK."""

from __future__ import annotations

from generator import kontrak as k
from generator.report.rakit.kata import muat
from generator.report.rakit.tabel import tabel_data
from generator.report.rakit.teks import caption, daftar, judul, para, paragraf, tag

KATA = muat(__file__)


def renstra(doc) -> None:
    judul(doc, k.JUDUL_2, KATA["renstra.judul"])
    para(doc, k.ISI, KATA["renstra.pengantar"])
    judul(doc, k.JUDUL_3, KATA["visi.judul"])
    paragraf(doc, "renstra.visi")
    for bagian in ("misi", "tujuan", "sasaran", "iku"):
        judul(doc, k.JUDUL_3, KATA[f"{bagian}.judul"])
        daftar(doc, f"renstra.{bagian}")


def pk(doc) -> None:
    judul(doc, k.JUDUL_2, KATA["pk.judul"])
    para(doc, k.ISI, KATA["pk.pengantar"])
    tag(doc, "{%p for s in pk.sasaran %}")
    caption(doc, 2, KATA["pk.caption"])
    tabel_data(doc, KATA, "tabel.pk", ("for i in s.indikator",))
    tag(doc, "{%p endfor %}")


def bangun(doc) -> None:
    judul(doc, k.JUDUL_1, KATA.baris("judul"))
    renstra(doc)
    pk(doc)
