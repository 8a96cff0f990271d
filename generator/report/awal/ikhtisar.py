"""Ikhtisar Eksekutif: the paragraph of counts, targets met, averages and budget.

Its sentences on which indicators met the target also open each sasaran of Bab III and Bab IV,
so the three places cannot disagree. "Tercapai" is HasilIndikator.tercapai; an indicator without
realisasi is "belum diisi" and is neither met nor missed; one with realisasi but no capaian
(positive target 0) is named apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.figures.capaian import Hasil, HasilIndikator, Realisasi
from generator.format import KOSONG, jumlah_terbilang, persen, rupiah
from generator.model import DataLaporan, Indikator, Pengaturan
from generator.report.dasar import Berkode, gabung
from generator.report.skala import kategori_cetak



@dataclass(frozen=True)
class RingkasanSasaran:
    """How many indicators met, missed, are not filled, or have no capaian; and one sentence."""

    jumlah: int
    tercapai: int
    tidak_tercapai: int
    belum_diisi: int
    tanpa_capaian: int
    kalimat: str



def _sebut(kode: str, indikator: Indikator) -> str:
    return f"{kode} ({indikator.nama})"



@dataclass(frozen=True)
class _Kelompok:
    tercapai: tuple[str, ...]
    tidak: tuple[str, ...]
    belum: tuple[str, ...]
    tanpa: tuple[str, ...]


def _kelompokkan(items: Iterable[tuple[str, HasilIndikator]]) -> _Kelompok:
    """Indicators (named `IK 1.2 (nama)`) sorted into met, missed, not filled, no capaian."""
    grup: dict[str, list[str]] = {"tercapai": [], "tidak": [], "belum": [], "tanpa": []}
    for kode, hi in items:
        if hi.indikator.realisasi is None:
            kunci = "belum"
        elif hi.tercapai is None:
            kunci = "tanpa"
        else:
            kunci = "tercapai" if hi.tercapai else "tidak"
        grup[kunci].append(_sebut(kode, hi.indikator))
    return _Kelompok(**{k: tuple(v) for k, v in grup.items()})


def _kalimat_capaian_target(k: _Kelompok) -> str:
    """Which indicators met the target; never "semua" unless every one with a capaian did."""
    ok, gagal = len(k.tercapai), len(k.tidak)
    if ok + gagal == 0:
        return ""
    if gagal == 0:
        if not (k.belum or k.tanpa):
            return "Semua indikator mencapai target." if ok > 1 else "Indikatornya mencapai target."
        return "Semua indikator yang capaiannya dapat dihitung, yaitu " \
               f"{jumlah_terbilang(ok)} indikator, mencapai target."
    gagal_teks = f"{jumlah_terbilang(gagal)} indikator belum mencapai target, yaitu " \
                 f"{gabung(k.tidak)}."
    if ok == 0:
        return f"Tidak ada indikator yang mencapai target; sebanyak {gagal_teks}"
    return f"Sebanyak {jumlah_terbilang(ok)} indikator mencapai target, sedangkan {gagal_teks}"


def _kalimat_sisa(k: _Kelompok, jumlah: int) -> list[str]:
    """Sentences on indicators not filled or without a capaian."""
    kalimat = []
    if k.belum and len(k.belum) == jumlah:
        kalimat.append("Realisasi semua indikator belum diisi.")
    elif k.belum:
        kalimat.append(f"Realisasi {jumlah_terbilang(len(k.belum))} indikator belum diisi, "
                       f"yaitu {gabung(k.belum)}.")
    if k.tanpa:
        kalimat.append(f"Capaian {jumlah_terbilang(len(k.tanpa))} indikator tidak dapat dihitung "
                       f"karena targetnya 0, yaitu {gabung(k.tanpa)}.")
    return kalimat


def _kalimat_kelompok(k: _Kelompok, jumlah: int) -> str:
    bagian = [_kalimat_capaian_target(k), *_kalimat_sisa(k, jumlah)]
    return " ".join(b for b in bagian if b)


def ringkasan_sasaran(items: Berkode) -> RingkasanSasaran:
    k = _kelompokkan(items)
    awal = f"Sasaran ini diukur dengan {jumlah_terbilang(len(items))} indikator kinerja."
    kalimat = " ".join(b for b in (awal, _kalimat_kelompok(k, len(items))) if b)
    return RingkasanSasaran(len(items), len(k.tercapai), len(k.tidak), len(k.belum),
                            len(k.tanpa), kalimat)



def _kalimat_rata_rata(hasil: Hasil, pengaturan: Pengaturan) -> str:
    if hasil.capaian is None:
        return "Rata-rata capaian kinerja belum dapat dihitung karena belum ada indikator yang " \
               "capaiannya dapat dihitung."
    teks = f"Rata-rata capaian kinerja seluruh sasaran sebesar " \
           f"{persen(hasil.capaian, pengaturan.desimal)}"
    label = kategori_cetak(hasil.capaian, pengaturan)
    return f"{teks} dengan kategori {label}." if label != KOSONG else f"{teks}."


def _kalimat_anggaran(total: Realisasi, tahun: int) -> str:
    if total.pagu == 0 and total.realisasi == 0:
        return ""
    teks = f"Realisasi anggaran Tahun {tahun} sebesar {rupiah(total.realisasi)} dari pagu " \
           f"{rupiah(total.pagu)}"
    return f"{teks}, atau {persen(total.persen)}." if total.persen is not None else f"{teks}."


def ringkasan(data: DataLaporan, hasil: Hasil) -> str:
    """The Ikhtisar Eksekutif paragraph: sasaran and indicators, targets met, averages, budget."""
    items = hasil.berkode()
    identitas = data.identitas
    awal = f"Dalam Perjanjian Kinerja Tahun {identitas.tahun}, {identitas.nama_singkat} " \
           f"menetapkan {jumlah_terbilang(len(hasil.sasaran))} sasaran strategis yang diukur " \
           f"dengan {jumlah_terbilang(len(items))} indikator kinerja."
    bagian = [awal, _kalimat_kelompok(_kelompokkan(items), len(items)),
              _kalimat_rata_rata(hasil, data.pengaturan),
              _kalimat_anggaran(hasil.anggaran.total, identitas.tahun)]
    return " ".join(b for b in bagian if b)
