"""The Laporan Kinerja: its parts in reading order and the context of the whole report.

Each part of `BAGIAN` is a folder holding what fills its context (`konteks(data, hasil,
penanda, grafik) -> dict`), what builds its pages of templates/laporan.docx
(`templat.bangun(doc)`, used only by the template builder) and its fixed words (`kata.txt`).
A new chapter is its folder, its name in `BAGIAN` (and the import above it) and its package
in pyproject.toml.
"""

from __future__ import annotations

from generator.figures.capaian import Hasil
from generator.model import DataLaporan
from generator.report.dasar import Penanda, satu_baris
from generator.report.jenis import GrafikLaporan, Report
from generator.report.lkj import awal, bab1, bab2, bab3, bab4, lampiran
from generator.report.lkj.awal.ikhtisar import ringkasan
from generator.report.satker import konteks_satker, tanda_tangan

BAGIAN = (awal, bab1, bab2, bab3, bab4, lampiran)
"""The parts of the report in reading order: context and template are built in this order."""


def umum(data: DataLaporan, hasil: Hasil, grafik: GrafikLaporan) -> dict:
    """What several parts print: the year, level and names, the signature block, whether
    there are charts (`ada_grafik` "" or "ya"), and the Ikhtisar's summary (again in Bab IV)."""
    return {
        **konteks_satker(data),
        "ttd": tanda_tangan(data.identitas),
        "ada_grafik": "ya" if grafik.ada() else "",
        "ringkasan": satu_baris(ringkasan(data, hasil)),
    }


def build(data: DataLaporan, hasil: Hasil, grafik: GrafikLaporan | None = None,
          ke: int | None = None) -> Report:
    """Everything the template prints, as plain strings, lists and dicts (`ke` is not used:
    the LKj is the year's).

    Without `grafik` the report has no charts, chart captions or Daftar Grafik. `logo` is the
    logo's path as text, "" when none; the renderer turns it into a picture.
    """
    grafik = grafik or GrafikLaporan()
    penanda = Penanda()
    context = umum(data, hasil, grafik)
    for bagian in BAGIAN:  # in reading order, so the placeholders are listed in that order
        context.update(bagian.konteks(data, hasil, penanda, grafik))
    return Report(context, tuple(penanda.tempat))
