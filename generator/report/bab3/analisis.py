"""Bab III A, parts 5 to 7 of each sasaran (causes, efficiency, programs), and the whole
seven-part analysis of one sasaran (PermenPANRB 53/2014).

AnalisisSasaran holds one field per part; a part without data is None or empty so the
template leaves it out. Efficiency compares capaian and serapan rounded to
`pengaturan.desimal`, and the printed difference is the difference of the printed figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from generator.figures.capaian import Hasil, HasilSasaran, Realisasi
from generator.format import KOSONG, angka, bulatkan, persen, rupiah
from generator.model import BarisAnggaran, DataLaporan
from generator.report.awal.ikhtisar import RingkasanSasaran, ringkasan_sasaran
from generator.report.bab3 import banding
from generator.report.dasar import Berkode, pecah

# "1. ", "a) ", "- ", "• " typed by staff: the template numbers the items itself.
_PENANDA = re.compile(r"^(?:[-–•*·]|\d{1,3}[.)]|[a-zA-Z][.)])\s+")


@dataclass(frozen=True)
class Penjelasan:
    """Part 5, one indicator: its paragraphs, or None when the workbook gave no Penjelasan."""

    kode: str
    nama: str
    paragraf: tuple[str, ...] | None


@dataclass(frozen=True)
class BarisEfisiensi:
    """Part 6, one budget line: uraian (or the sumber when no uraian), pagu, realisasi, serapan."""

    uraian: str
    pagu: str
    realisasi: str
    serapan: str


@dataclass(frozen=True)
class Efisiensi:
    """Part 6: the sasaran's budget lines summed, its capaian beside the serapan, one sentence.

    selisih is capaian minus serapan in percentage points, signed (`+2,52`, `-3,10`, `0,00`).
    serapan, capaian and selisih are `-` when they cannot be computed (pagu 0, no capaian).
    """

    baris: tuple[BarisEfisiensi, ...]
    pagu: str
    realisasi: str
    serapan: str
    capaian: str
    selisih: str
    kalimat: str


@dataclass(frozen=True)
class AnalisisSasaran:
    """The seven parts of one sasaran's analysis and its summary; a part without data is None
    or empty."""

    nomor: int
    nama: str
    ringkasan: RingkasanSasaran
    target: banding.PerbandinganTarget
    tahun_lalu: banding.PerbandinganTahun | None
    renstra: tuple[banding.BarisRenstra, ...]
    standar: tuple[banding.BarisStandar, ...]
    penjelasan: tuple[Penjelasan, ...]
    efisiensi: Efisiensi | None
    program: tuple[str, ...]



def _sama_nama(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()



def paragraf(teks: str | None) -> tuple[str, ...] | None:
    """Text split at line breaks, blank lines dropped (dasar.pecah); None when nothing is left."""
    return tuple(pecah(teks)) or None


def _penjelasan(items: Berkode) -> tuple[Penjelasan, ...]:
    return tuple(Penjelasan(kode, hi.indikator.nama, paragraf(hi.indikator.penjelasan))
                 for kode, hi in items)


def _program(items: Berkode) -> tuple[str, ...]:
    """Program Pendukung lines of all indicators, markers removed, first spelling kept."""
    hasil: dict[str, str] = {}
    for _, hi in items:
        for baris in paragraf(hi.indikator.program_pendukung) or ():
            teks = _PENANDA.sub("", baris).strip()
            if teks:
                hasil.setdefault(" ".join(teks.split()).casefold(), teks)
    return tuple(hasil.values())


# --- part 6: efficiency ----------------------------------------------------------------------


def _baris_efisiensi(b: BarisAnggaran) -> BarisEfisiensi:
    r = Realisasi(b.pagu, b.realisasi)
    return BarisEfisiensi(b.uraian or b.sumber, rupiah(b.pagu), rupiah(b.realisasi),
                          persen(r.persen))


def kalimat_efisiensi(c: Decimal | None, serapan: Decimal | None, desimal: int = 2) -> str:
    """The efficiency sentence; c and serapan are compared as printed with `desimal` places."""
    c, serapan = _dibulatkan(c, desimal), _dibulatkan(serapan, desimal)
    if serapan is None:
        return "Pagu anggaran yang mendukung sasaran ini Rp0, sehingga serapan anggaran dan " \
               "efisiensinya tidak dapat dihitung."
    if c is None:
        return f"Serapan anggaran yang mendukung sasaran ini {persen(serapan, desimal)}, tetapi " \
               "capaian kinerjanya belum dapat dihitung sehingga efisiensinya belum dapat dinilai."
    awal = f"Capaian kinerja sasaran ini {persen(c, desimal)} dengan serapan anggaran " \
           f"{persen(serapan, desimal)}"
    beda = c - serapan
    if beda > 0:
        return f"{awal}: capaian melampaui serapan sebesar {angka(beda, desimal)} poin persen, artinya " \
               "hasil kinerja secara proporsional lebih besar daripada anggaran yang digunakan, " \
               "sehingga penggunaan anggaran efisien."
    if beda == 0:
        return f"{awal}: capaian sama dengan serapan, artinya hasil kinerja sebanding dengan " \
               "anggaran yang digunakan."
    return f"{awal}: capaian lebih rendah {angka(-beda, desimal)} poin persen daripada serapan, artinya " \
           "anggaran yang terserap belum menghasilkan kinerja yang sepadan, sehingga efisiensi " \
           "penggunaan anggaran perlu ditingkatkan."


def _bertanda(value: Decimal, desimal: int) -> str:
    """`+2,52`, `-3,10`, `0,00`."""
    return ("+" if value > 0 else "") + angka(value, desimal)


def _dibulatkan(value: Decimal | None, desimal: int) -> Decimal | None:
    return None if value is None else bulatkan(value, desimal)


def _efisiensi(hs: HasilSasaran, data: DataLaporan) -> Efisiensi | None:
    baris = [b for b in data.anggaran if b.sasaran and _sama_nama(b.sasaran, hs.sasaran.nama)]
    if not baris:
        return None
    desimal = data.pengaturan.desimal
    total = Realisasi(sum((b.pagu for b in baris), Decimal(0)),
                      sum((b.realisasi for b in baris), Decimal(0)))
    c, serapan = _dibulatkan(hs.capaian, desimal), _dibulatkan(total.persen, desimal)
    selisih = KOSONG if c is None or serapan is None else _bertanda(c - serapan, desimal)
    return Efisiensi(
        baris=tuple(_baris_efisiensi(b) for b in baris), pagu=rupiah(total.pagu),
        realisasi=rupiah(total.realisasi), serapan=persen(serapan, desimal),
        capaian=persen(c, desimal), selisih=selisih, kalimat=kalimat_efisiensi(c, serapan, desimal),
    )


# --- the whole sasaran -----------------------------------------------------------------------


def analisis_sasaran(hs: HasilSasaran, data: DataLaporan) -> AnalisisSasaran:
    """The seven-part analysis of one sasaran (numbered and coded by capaian.hitung)."""
    items: Berkode = [(hi.kode, hi) for hi in hs.indikator]
    pengaturan = data.pengaturan
    return AnalisisSasaran(
        nomor=hs.nomor, nama=hs.sasaran.nama, ringkasan=ringkasan_sasaran(items),
        target=banding.perbandingan_target(hs, items, pengaturan),
        tahun_lalu=banding.perbandingan_tahun(items, data.identitas.tahun, pengaturan),
        renstra=banding.perbandingan_renstra(items, data),
        standar=banding.perbandingan_standar(items),
        penjelasan=_penjelasan(items), efisiensi=_efisiensi(hs, data), program=_program(items),
    )


def analisis_semua(data: DataLaporan, hasil: Hasil) -> tuple[AnalisisSasaran, ...]:
    """analisis_sasaran for every sasaran, in order."""
    return tuple(analisis_sasaran(hs, data) for hs in hasil.sasaran)
