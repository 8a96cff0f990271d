"""The quarterly report's cover: its quarter, the secretariat, the logo (or a box to replace)."""

from __future__ import annotations

from generator.format import romawi
from generator.model import DataLaporan
from generator.report.dasar import Penanda
from generator.report.satker import sampul


def konteks(data: DataLaporan, hasil, penanda: Penanda, grafik, ke: int) -> dict:
    i = data.identitas
    if not i.logo:
        penanda.catat("Sampul: logo instansi")
    return {"sampul": sampul(i, i.tahun), "logo": str(i.logo) if i.logo else "",
            "triwulan": {"ke": str(ke), "romawi": romawi(ke)}}
