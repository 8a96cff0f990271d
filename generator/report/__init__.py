"""The report layer: figures in, the template's context and the list of placeholders out.

Pure: nothing here reads or writes a file. The report's parts, in reading order, are the
packages of `BAGIAN`; each holds what fills its context (`konteks(data, hasil, penanda,
grafik) -> dict`), what builds its pages of the template (`templat.bangun(doc)`, used only by
tools/build_template.py through `rakit`) and its fixed words (`kata.txt`). A new chapter is its
folder, its name in `BAGIAN` (and the import above it) and its package in pyproject.toml.
Shared helpers: `dasar` (the one text cleaner, list joiner and placeholder collector), `satker`
(names, cover, signature), `skala` (capaian as printed). Fixed words live in the template; the
context carries only what the data says.

Charts are made by the caller (generator.pipeline.draw_charts) and handed in as a `Grafik`:
each chart is an object the renderer knows how to place (today a dict {"gambar", "judul",
"alt"}); this layer only puts them where the template expects them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.figures.capaian import Hasil
from generator.model import DataLaporan
from generator.report import awal, bab1, bab2, bab3, bab4, lampiran
from generator.report.awal.ikhtisar import ringkasan
from generator.report.dasar import Penanda, satu_baris
from generator.report.satker import kpu, nama_satker, tanda_tangan, tingkat

BAGIAN = (awal, bab1, bab2, bab3, bab4, lampiran)
"""The parts of the report in reading order: context and template are built in this order."""


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


def umum(data: DataLaporan, hasil: Hasil, grafik: Grafik) -> dict:
    """What several parts print: the year, level and names, the signature block, whether
    there are charts (`ada_grafik` "" or "ya"), and the Ikhtisar's summary (again in Bab IV)."""
    i = data.identitas
    return {
        "kertas": data.pengaturan.ukuran_kertas,
        "tahun": str(i.tahun),
        "tingkat": tingkat(i),
        "instansi": satu_baris(i.instansi),
        "nama_singkat": satu_baris(i.nama_singkat),
        "satker": nama_satker(i),
        "kpu": kpu(i),
        "periode": satu_baris(i.periode_renstra),
        "ttd": tanda_tangan(i),
        "ada_grafik": "ya" if grafik.ada() else "",
        "ringkasan": satu_baris(ringkasan(data, hasil)),
    }


def build(data: DataLaporan, hasil: Hasil, grafik: Grafik | None = None) -> Report:
    """Everything the template prints, as plain strings, lists and dicts.

    Without `grafik` the report has no charts, chart captions or Daftar Grafik. `logo` is the
    logo's path as text, "" when none; the renderer turns it into a picture.
    """
    grafik = grafik or Grafik()
    penanda = Penanda()
    context = umum(data, hasil, grafik)
    for bagian in BAGIAN:  # in reading order, so the placeholders are listed in that order
        context.update(bagian.konteks(data, hasil, penanda, grafik))
    return Report(context, tuple(penanda.tempat))
