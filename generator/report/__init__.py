"""The report layer: figures in, the template's context and the list of placeholders out.

Pure: nothing here reads or writes a file. Each chapter has its module (bab1, bab2, bab3,
bab3_anggaran, lampiran; ikhtisar for the summary shared by Ikhtisar, Bab III and Bab IV);
`dasar` holds the one text cleaner, list joiner and placeholder collector. Fixed words live in
templates/laporan.docx; the context carries only what the data says.

Charts are made by the caller (generator.pipeline.draw_charts) and handed in as a `Grafik`:
each chart is an object the renderer knows how to place (today a dict {"gambar", "judul",
"alt"}); this layer only puts them where the template expects them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.capaian import Hasil
from generator.model import DataLaporan
from generator.report import bab1, bab2, bab3, bab3_anggaran, lampiran
from generator.report.dasar import Penanda, daftar, satu_baris
from generator.report.ikhtisar import ringkasan
from generator.report.satker import kpu, nama_satker, sampul, tanda_tangan, tingkat

# Bagian of the Narasi sheet and Kelompok of the Daftar sheet (WORKBOOK.md).
KATA_PENGANTAR = "Kata Pengantar"
IKHTISAR = "Ikhtisar Eksekutif"
PENUTUP = "Penutup"
CAPAIAN_PENTING = "Capaian Penting"
LANGKAH = "Langkah Perbaikan"


@dataclass(frozen=True)
class Grafik:
    """Charts by place: the capaian and budget charts, and trend charts by indicator code."""

    capaian: list = field(default_factory=list)
    anggaran: list = field(default_factory=list)
    tren: dict[str, list] = field(default_factory=dict)

    def ada(self) -> bool:
        return bool(self.capaian or self.anggaran or any(self.tren.values()))


@dataclass(frozen=True)
class Report:
    """The template's context and, in reading order, each place that shows a placeholder."""

    context: dict
    placeholders: tuple[str, ...]


def build(data: DataLaporan, hasil: Hasil, grafik: Grafik | None = None) -> Report:
    """Everything the template prints, as plain strings, lists and dicts.

    Without `grafik` the report has no charts, chart captions or Daftar Grafik (`ada_grafik`
    is "" then, "ya" otherwise). `logo` is the logo's path as text, "" when none; the
    renderer turns it into a picture.
    """
    i = data.identitas
    grafik = grafik or Grafik()
    penanda = Penanda()
    if not i.logo:
        penanda.catat("Sampul: logo instansi")
    # Built in reading order, so that the placeholders are listed in that order.
    context = {
        "kertas": data.pengaturan.ukuran_kertas,
        "tahun": str(i.tahun),
        "tingkat": tingkat(i),
        "instansi": satu_baris(i.instansi),
        "nama_singkat": satu_baris(i.nama_singkat),
        "satker": nama_satker(i),
        "kpu": kpu(i),
        "periode": satu_baris(i.periode_renstra),
        "sampul": sampul(i),
        "logo": str(i.logo) if i.logo else "",
        "ttd": tanda_tangan(i),
        "ada_grafik": "ya" if grafik.ada() else "",
        "kata_pengantar": penanda.narasi(
            data.narasi, KATA_PENGANTAR, "Kata Pengantar", "[Tuliskan kata pengantar di sini]"),
        "ikhtisar": penanda.narasi(
            data.narasi, IKHTISAR, "Ikhtisar Eksekutif", "[Tuliskan ikhtisar eksekutif di sini]"),
        "ringkasan": satu_baris(ringkasan(data, hasil)),
        "capaian_penting": daftar(data.daftar.get(CAPAIAN_PENTING, ())),
        **bab1.bab1(data, penanda),
        "renstra": bab2.renstra(data, penanda),
        "pk": bab2.pk(data, hasil),
        "capaian": bab3.capaian(data, hasil, penanda, grafik.capaian, grafik.tren),
        "anggaran": bab3_anggaran.anggaran(hasil, grafik.anggaran),
        "penutup": penanda.narasi(
            data.narasi, PENUTUP, "Bab IV: penutup", "[Tuliskan penutup dan rencana ke depan di sini]"),
        "langkah_perbaikan": daftar(data.daftar.get(LANGKAH, ())),
        "lampiran": lampiran.lampiran(data, penanda),
    }
    return Report(context, tuple(penanda.tempat))
