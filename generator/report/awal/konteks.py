"""The context of the front matter: the cover, the foreword, the executive summary's lists."""

from __future__ import annotations

from generator.figures.capaian import Hasil
from generator.model import DataLaporan
from generator.report.dasar import Penanda, daftar
from generator.report.satker import sampul

# Bagian of the Narasi sheet and Kelompok of the Daftar sheet (WORKBOOK.md).
KATA_PENGANTAR = "Kata Pengantar"
IKHTISAR = "Ikhtisar Eksekutif"
CAPAIAN_PENTING = "Capaian Penting"


def konteks(data: DataLaporan, hasil: Hasil, penanda: Penanda, grafik) -> dict:
    """Cover, logo ("" when none: the template prints a box to replace), foreword, Ikhtisar
    paragraphs and its list of highlights."""
    i = data.identitas
    if not i.logo:
        penanda.catat("Sampul: logo instansi")
    return {
        "sampul": sampul(i),
        "logo": str(i.logo) if i.logo else "",
        "kata_pengantar": penanda.narasi(
            data.narasi, KATA_PENGANTAR, "Kata Pengantar", "[Tuliskan kata pengantar di sini]"),
        "ikhtisar": penanda.narasi(
            data.narasi, IKHTISAR, "Ikhtisar Eksekutif", "[Tuliskan ikhtisar eksekutif di sini]"),
        "capaian_penting": daftar(data.daftar.get(CAPAIAN_PENTING, ())),
    }
