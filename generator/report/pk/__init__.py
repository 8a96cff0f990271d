"""The Perjanjian Kinerja (`lkj pk`): the year's PK as the official form KPU satker sign.

One part, `perjanjian` (the statement page and its lampiran), which the LKj's Lampiran 2
prints too. See docs/sakip.md for the form's sources.
"""

from __future__ import annotations

from generator.figures.capaian import Hasil
from generator.model import DataLaporan
from generator.report.dasar import Penanda
from generator.report.jenis import GrafikLaporan, Report
from generator.report.pk import perjanjian
from generator.report.satker import konteks_satker

BAGIAN = (perjanjian,)


def build(data: DataLaporan, hasil: Hasil, grafik: GrafikLaporan | None = None,
          ke: int | None = None) -> Report:
    """The PK's context (no charts, no quarter); the logo "" when the workbook names none."""
    penanda = Penanda()
    context = {**konteks_satker(data), "logo": str(data.identitas.logo or "")}
    for bagian in BAGIAN:
        context.update(bagian.konteks(data, hasil, penanda, grafik))
    return Report(context, tuple(penanda.tempat))
