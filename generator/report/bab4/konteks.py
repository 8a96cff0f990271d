"""The context of Bab IV: the Narasi's closing and the Daftar's steps to improve.

The summary it repeats (`ringkasan`) and the obstacles (`kendala`) are shared with the
Ikhtisar and Bab I.
"""

from __future__ import annotations

from generator.figures.capaian import Hasil
from generator.model import DataLaporan
from generator.report.dasar import Penanda, daftar

# Bagian of the Narasi sheet and Kelompok of the Daftar sheet (WORKBOOK.md).
PENUTUP = "Penutup"
LANGKAH = "Langkah Perbaikan"


def konteks(data: DataLaporan, hasil: Hasil, penanda: Penanda, grafik) -> dict:
    return {
        "penutup": penanda.narasi(
            data.narasi, PENUTUP, "Bab IV: penutup", "[Tuliskan penutup dan rencana ke depan di sini]"),
        "langkah_perbaikan": daftar(data.daftar.get(LANGKAH, ())),
    }
