"""The documents lkj writes from one workbook, as data: code, title, template, parts, pages, file name.

One registry (`JENIS`) serves the whole pipeline: the command line finds a document by its
code, `generator.pipeline` checks the workbook's readiness for it (generator.reading.kesiapan's code),
builds its context with its package's `build`, renders its template and names its file; the
template builder (generator.report.rakit, tools/build_template.py) builds each template from
its package's parts (`BAGIAN`) with its pages (`halaman`). A document's package holds
`BAGIAN` (its parts in reading order, each a folder with `konteks.py`, `templat.py`,
`kata.txt`) and `build(data, hasil, grafik=None, ke=None) -> Report`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from generator.model import DataLaporan

LKJ, PK, RENAKSI, TRIWULAN = "lkj", "pk", "renaksi", "triwulan"


@dataclass(frozen=True)
class GrafikLaporan:
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


@dataclass(frozen=True)
class Halaman:
    """One section of a template: its page number format (None: no number; `lowerRoman`,
    `decimal`, restarting at 1) and whether its pages are landscape."""

    nomor: str | None
    lanskap: bool = False


@dataclass(frozen=True)
class Jenis:
    """A kind of document lkj writes.

    `awalan` starts its default file name (`PK-2025-KPU Kota Ambon.docx`); `triwulan` says it
    is written for one quarter (`--ke N`); `grafik` that it carries charts.
    """

    kode: str
    judul: str
    templat: str
    paket: str
    awalan: str
    halaman: tuple[Halaman, ...]
    grafik: bool = False
    triwulan: bool = False

    def modul(self):
        """The document's package (its BAGIAN and build)."""
        return importlib.import_module(self.paket)

    @property
    def bagian(self) -> tuple:
        return self.modul().BAGIAN

    def build(self, data: DataLaporan, hasil, grafik: GrafikLaporan | None = None,
              ke: int | None = None) -> Report:
        """The document's context and placeholders (its package's build)."""
        return self.modul().build(data, hasil, grafik, ke)

    def kesiapan(self, ke: int | None = None) -> str:
        """The code of generator.reading.kesiapan.DOKUMEN this document needs: `triwulan-2`."""
        return f"{self.kode}-{ke}" if self.triwulan else self.kode

    def nama(self, ke: int | None = None, perubahan: bool = False) -> str:
        """The document's name as a person says it: `Laporan Triwulan II`."""
        from generator.format import romawi

        if self.triwulan and ke:
            return f"{self.judul} {romawi(ke)}"
        return f"{self.judul} Perubahan" if perubahan and self.kode == PK else self.judul

    def nama_berkas(self, data: DataLaporan, nama: str, ke: int | None = None) -> str:
        """`LKj-2025-<nama>.docx`, `PK-Perubahan-2025-<nama>.docx` (a revised PK never takes
        the original's file), `Triwulan-2-2025-<nama>.docx`."""
        awalan = self.awalan
        if self.kode == PK and data.identitas.tanggal_pk_perubahan is not None:
            awalan += "-Perubahan"
        if self.triwulan:
            awalan += f"-{ke}"
        return f"{awalan}-{data.identitas.tahun}-{nama}.docx"

    def judul_berkas(self, tahun: int | str, ke: int | None = None) -> str:
        """The title in the document's properties: `Laporan Kinerja Tahun 2024`."""
        return f"{self.nama(ke)} Tahun {tahun}"


_BUKU = (Halaman(None), Halaman("lowerRoman"), Halaman("decimal"))  # cover, front matter, body

JENIS = {
    LKJ: Jenis(LKJ, "Laporan Kinerja", "laporan.docx", "generator.report.lkj", "LKj", _BUKU,
               grafik=True),
    PK: Jenis(PK, "Perjanjian Kinerja", "pk.docx", "generator.report.pk", "PK", (Halaman(None),)),
    RENAKSI: Jenis(RENAKSI, "Rencana Aksi", "renaksi.docx", "generator.report.renaksi", "Renaksi",
                   (Halaman("decimal", lanskap=True),)),
    TRIWULAN: Jenis(TRIWULAN, "Laporan Triwulan", "triwulan.docx", "generator.report.triwulan",
                    "Triwulan", _BUKU, grafik=True, triwulan=True),
}
"""Every document, by code: the LKj (the default) first, then the year's documents in order."""


def jenis(kode: str) -> Jenis:
    """The document of code `kode`; KeyError for an unknown one."""
    return JENIS[kode]
