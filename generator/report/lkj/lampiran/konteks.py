"""Lampiran: the Perjanjian Kinerja's context, the same the PK document has (generator.report.pk)."""

from __future__ import annotations

from generator.figures.capaian import Hasil
from generator.model import DataLaporan
from generator.report.dasar import Penanda
from generator.report.pk.perjanjian.konteks import KONTEKS, perjanjian_konteks


def konteks(data: DataLaporan, hasil: Hasil, penanda: Penanda, grafik) -> dict:
    """The year's latest Perjanjian Kinerja (Lampiran 2); the RKT and the Pengukuran Kinerja
    print what Bab II and Bab III hold."""
    return {KONTEKS: perjanjian_konteks(data, penanda, "Lampiran 2")}
