"""The Rencana Aksi (`lkj renaksi`): each target of the Perjanjian Kinerja broken into quarters,
with the activities that carry it, on landscape pages.

No official KPU form was found (docs/sakip.md); the columns follow what is confirmed: the
quarterly targets (TW I-IV) per indicator, stated cumulative or per quarter as SAKTI does, and
the activities that support them.
"""

from __future__ import annotations

from generator.figures.capaian import Hasil
from generator.model import DataLaporan
from generator.report.dasar import Penanda
from generator.report.jenis import GrafikLaporan, Report
from generator.report.renaksi import rencana
from generator.report.satker import konteks_satker, sampul

BAGIAN = (rencana,)


def build(data: DataLaporan, hasil: Hasil, grafik: GrafikLaporan | None = None,
          ke: int | None = None) -> Report:
    """The Rencana Aksi's context (no charts, no quarter)."""
    penanda = Penanda()
    context = {**konteks_satker(data), "sampul": sampul(data.identitas, data.identitas.tahun)}
    for bagian in BAGIAN:
        context.update(bagian.konteks(data, hasil, penanda, grafik))
    return Report(context, tuple(penanda.tempat))
