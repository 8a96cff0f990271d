"""Bab III Akuntabilitas Kinerja: A, each sasaran's analysis and the recap; B, Realisasi Anggaran.

`capaian.py` fills Bab III A from the seven-part analysis of each sasaran (`banding.py` parts
1-4, `analisis.py` parts 5-7); `anggaran.py` fills Bab III B. `templat.py` builds the chapter's
pages of the template from `kata.txt`.
"""

from __future__ import annotations

from generator.figures.capaian import Hasil
from generator.model import DataLaporan
from generator.report.bab3 import anggaran, capaian
from generator.report.dasar import Penanda


def konteks(data: DataLaporan, hasil: Hasil, penanda: Penanda, grafik) -> dict:
    """The context of Bab III: `capaian` (A) and `anggaran` (B), with their charts."""
    return {
        "capaian": capaian.capaian(data, hasil, penanda, grafik.capaian, grafik.tren),
        "anggaran": anggaran.anggaran(hasil, grafik.anggaran),
    }
