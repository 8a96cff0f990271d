"""Bab III's pages of the template: each sasaran's lettered parts, the recap, Realisasi Anggaran.

A part without data is left out by its `{%p if %}`; its letter comes from the context (`huruf`),
so the letters have no gaps.
"""

from __future__ import annotations

from generator import kontrak as k
from generator.report.bab3.capaian import KEGIATAN
from generator.report.rakit.kata import muat
from generator.report.rakit.tabel import SETELAH_TABEL, tabel_data
from generator.report.rakit.teks import B, caption, daftar, grafik, isi, judul, para, paragraf, tag, ulang

KATA = muat(__file__)


def _judul_bagian(doc, var: str, nama: str) -> None:
    """A part's sub-heading: the letter the context gives, then the title."""
    para(doc, k.JUDUL_KECIL, "{{ " + var + ".huruf }}. " + KATA[f"{nama}.judul"])


def _bagian_target(doc) -> None:
    """Part 1: target, realisasi, capaian and category, with the scale printed below."""
    _judul_bagian(doc, "s.target", "target")
    caption(doc, 3, KATA["target.caption"])
    tabel_data(doc, KATA, "tabel.capaian", ("for i in s.indikator",), jumlah=True)
    para(doc, k.KETERANGAN, KATA["target.keterangan"])
    paragraf(doc, "s.target.kalimat")


def _bagian_tahun(doc) -> None:
    """Part 2: one row per indicator and year; a sentence and a trend chart per indicator."""
    tag(doc, "{%p if s.tahun_lalu %}")
    _judul_bagian(doc, "s.tahun_lalu", "tahun")
    caption(doc, 3, KATA["tahun.caption"])
    tabel_data(doc, KATA, "tabel.tahun", ("for b in s.tahun_lalu.baris", "for n in b.nilai"))
    para(doc, k.KETERANGAN, KATA["tahun.keterangan"])
    tag(doc, "{%p for u in s.tahun_lalu.uraian %}")
    paragraf(doc, "u.kalimat", keep_with_next=True)  # the sentence stays with its chart
    grafik(doc, "u.grafik", 3)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def _bagian_tabel(doc, var: str, nama: str) -> None:
    """Parts 3 and 4: a captioned table of `var`.baris, then one sentence per row."""
    tag(doc, "{%p if " + var + " %}")
    _judul_bagian(doc, var, nama)
    caption(doc, 3, KATA[f"{nama}.caption"])
    tabel_data(doc, KATA, f"tabel.{nama}", (f"for r in {var}.baris",))
    paragraf(doc, f"{var}.kalimat", space_before=SETELAH_TABEL)
    tag(doc, "{%p endif %}")


def _bagian_penjelasan(doc) -> None:
    """Part 5: always there; a missing Penjelasan is a highlighted placeholder."""
    _judul_bagian(doc, "s.penjelasan", "penjelasan")
    ulang(doc, "for p in s.penjelasan.paragraf", k.ISI, B("{{ p.label }}"), isi("p"))


def _bagian_efisiensi(doc) -> None:
    """Part 6: the sasaran's budget lines, their serapan, and the capaian beside it."""
    tag(doc, "{%p if s.efisiensi %}")
    _judul_bagian(doc, "s.efisiensi", "efisiensi")
    caption(doc, 3, KATA["efisiensi.caption"])
    tabel_data(doc, KATA, "tabel.efisiensi", ("for r in s.efisiensi.baris",), jumlah=True)
    paragraf(doc, "s.efisiensi.kalimat", space_before=SETELAH_TABEL)
    tag(doc, "{%p endif %}")


def _bagian_program(doc) -> None:
    """Part 7: the programs and activities that supported the sasaran."""
    tag(doc, "{%p if s.program %}")
    _judul_bagian(doc, "s.program", "program")
    para(doc, k.ISI, KATA["program.pengantar"])
    daftar(doc, "s.program.item")
    tag(doc, "{%p endif %}")


def _kegiatan(doc) -> None:
    """The Tahapan and Kegiatan lists of the Daftar sheet, each when the workbook has it."""
    for kunci in KEGIATAN:
        tag(doc, f"{{%p if capaian.kegiatan.{kunci} %}}")
        para(doc, k.JUDUL_KECIL, KATA[f"kegiatan.{kunci}"])
        daftar(doc, f"capaian.kegiatan.{kunci}")
        tag(doc, "{%p endif %}")


def _rekap(doc) -> None:
    judul(doc, k.JUDUL_3, KATA["rekap.judul"])
    caption(doc, 3, KATA["rekap.caption"])
    tabel_data(doc, KATA, "tabel.rekap", ("for r in capaian.rekap",), jumlah=True)
    para(doc, k.KETERANGAN, KATA["rekap.keterangan"])
    grafik(doc, "capaian.grafik", 3)


def capaian(doc) -> None:
    """Bab III A: how capaian is measured, each sasaran's parts, the lists, the recap."""
    judul(doc, k.JUDUL_2, KATA["capaian.judul"])
    for kalimat in KATA.baris("capaian.pengantar"):
        para(doc, k.ISI, kalimat)
    tag(doc, "{%p for s in capaian.sasaran %}")
    judul(doc, k.JUDUL_3, KATA["sasaran.judul"])
    _bagian_target(doc)
    _bagian_tahun(doc)
    _bagian_tabel(doc, "s.renstra", "renstra")
    _bagian_tabel(doc, "s.standar", "standar")
    _bagian_penjelasan(doc)
    _bagian_efisiensi(doc)
    _bagian_program(doc)
    tag(doc, "{%p endfor %}")
    _kegiatan(doc)
    _rekap(doc)


def anggaran(doc) -> None:
    """Bab III B: a table per sumber dana, the totals, the sentence on what is left, the chart."""
    judul(doc, k.JUDUL_2, KATA["anggaran.judul"])
    para(doc, k.ISI, KATA["anggaran.pengantar"])
    tag(doc, "{%p for d in anggaran.sumber %}")
    caption(doc, 3, KATA["sumber.caption"])
    tabel_data(doc, KATA, "tabel.sumber", ("for r in d.baris",), jumlah=True)
    tag(doc, "{%p endfor %}")
    caption(doc, 3, KATA["total.caption"])
    tabel_data(doc, KATA, "tabel.total", ("for r in anggaran.total.baris",), jumlah=True)
    paragraf(doc, "anggaran.kalimat", space_before=SETELAH_TABEL)
    grafik(doc, "anggaran.grafik", 3)


def bangun(doc) -> None:
    judul(doc, k.JUDUL_1, KATA.baris("judul"))
    capaian(doc)
    anggaran(doc)
