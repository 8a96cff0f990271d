"""The quarterly progress report (`lkj triwulan --ke N`): the LKj's house style for one quarter.

Two parts: `awal` (cover and contents lists, its own sections as in the LKj) and `capaian`
(realisasi to date against the quarter's and the year's target, the budget absorbed to date,
a generated reading of what is on track and what is not, native charts). No official KPU form
was found (docs/sakip.md); the contents follow what the Rencana Aksi promises to monitor.
"""

from __future__ import annotations

from generator.figures.capaian import Hasil
from generator.model import DataLaporan
from generator.report.dasar import Penanda
from generator.report.jenis import GrafikLaporan, Report
from generator.report.satker import konteks_satker
from generator.report.triwulan import awal, capaian

BAGIAN = (awal, capaian)


def build(data: DataLaporan, hasil: Hasil, grafik: GrafikLaporan | None = None,
          ke: int | None = None) -> Report:
    """The report of quarter `ke` (1..4); charts only when `grafik` holds some."""
    if ke is None:
        raise ValueError("the quarterly report needs its quarter")
    grafik = grafik or GrafikLaporan()
    penanda = Penanda()
    context = {**konteks_satker(data), "ada_grafik": "ya" if grafik.ada() else ""}
    for bagian in BAGIAN:
        context.update(bagian.konteks(data, hasil, penanda, grafik, ke))
    return Report(context, tuple(penanda.tempat))
