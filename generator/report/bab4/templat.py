"""Bab IV's pages of the template: the summary again, closing words, obstacles, steps, signature."""

from __future__ import annotations

from generator import kontrak as k
from generator.report.rakit.bersama import tanda_tangan
from generator.report.rakit.kata import muat
from generator.report.rakit.tabel import SETELAH_TABEL
from generator.report.rakit.teks import daftar, judul, para, paragraf, tag

KATA = muat(__file__)


def bangun(doc) -> None:
    judul(doc, k.JUDUL_1, KATA.baris("judul"))
    para(doc, k.ISI, KATA["pengantar"])
    paragraf(doc, "penutup")
    for nama in ("kendala", "langkah_perbaikan"):
        tag(doc, "{%p if " + nama + " %}")
        # The steps' lead-in may follow the obstacles' list: air above it, as after a table,
        # so it does not read as the list's last item.
        jarak = {"space_before": SETELAH_TABEL} if nama == "langkah_perbaikan" else {}
        para(doc, k.ISI, KATA[nama], **jarak)
        daftar(doc, nama)
        tag(doc, "{%p endif %}")
    tanda_tangan(doc)
