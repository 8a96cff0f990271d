"""Bab III A, parts 1 to 4 of each sasaran: the comparisons with target, earlier years, Renstra
and national standard, as printed rows and sentences built from the figures.

Realisasi and differences print with up to 4 decimals (format.angka); rises and falls are
judged on those printed values, so "naik 0" cannot happen. The workbook holds only the current
year's target, so earlier capaian are computed against the CURRENT target; the table's note says
so in the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.figures.capaian import HasilIndikator, HasilSasaran, capaian
from generator.format import KOSONG, MAKS_DESIMAL, angka, bulatkan, nilai_satuan, persen
from generator.model import NEGATIF, DataLaporan, Indikator, Pengaturan
from generator.report.dasar import Berkode, gabung
from generator.report.skala import (
    BELUM_DIISI,
    TERCAPAI,
    TIDAK_TERCAPAI,
    deskripsi_skala,
    kategori_cetak,
    teks_capaian,
)

_ALASAN_NEGATIF = "karena makin kecil realisasi makin baik"


@dataclass(frozen=True)
class BarisCapaian:
    """Part 1, one indicator: every figure printed; capaian and kategori `-` when none."""

    kode: str
    nama: str
    satuan: str
    polaritas: str
    target: str
    realisasi: str
    capaian: str
    kategori: str
    status: str  # TERCAPAI, TIDAK_TERCAPAI, BELUM_DIISI, or "-" (capaian not computable)


@dataclass(frozen=True)
class PerbandinganTarget:
    """Part 1: target vs realisasi of the year; capaian/kategori of the sasaran `-` when none."""

    baris: tuple[BarisCapaian, ...]
    capaian: str
    kategori: str
    skala: str
    kalimat: str


@dataclass(frozen=True)
class NilaiTahun:
    """Realisasi and capaian of one year; both `-` when the year has no figure."""

    tahun: int
    realisasi: str
    capaian: str


@dataclass(frozen=True)
class BarisTahun:
    """Part 2, one indicator: `nilai` aligned with PerbandinganTahun.tahun, and its sentence."""

    kode: str
    nama: str
    nilai: tuple[NilaiTahun, ...]
    kalimat: str


@dataclass(frozen=True)
class PerbandinganTahun:
    """Part 2: the years (oldest first, the report's year last) as columns, and rows.

    `lalu` names the earlier years (`2022 dan 2023`) for the template's note that their
    capaian is measured against this year's target.
    """

    tahun: tuple[int, ...]
    baris: tuple[BarisTahun, ...]
    lalu: str


@dataclass(frozen=True)
class BarisRenstra:
    """Part 3, one indicator with a Target Renstra; capaian is a percentage or `-`."""

    kode: str
    nama: str
    realisasi: str
    target_renstra: str
    capaian: str
    status: str
    kalimat: str


@dataclass(frozen=True)
class BarisStandar:
    """Part 4, one indicator with a Standar Nasional; posisi/penilaian `-` without realisasi."""

    kode: str
    nama: str
    realisasi: str
    standar: str
    selisih: str
    posisi: str  # "Di atas", "Di bawah", "Sama"
    penilaian: str  # "Lebih baik", "Lebih buruk", "Setara"
    kalimat: str



def _tercetak(value: Decimal) -> Decimal:
    """The value as format.angka prints it by default (at most 4 decimals)."""
    return bulatkan(value, MAKS_DESIMAL)



def _selisih(nilai: Decimal, satuan: str) -> str:
    """A difference in the indicator's unit: `2,29 poin persen`, `3 Laporan`."""
    if satuan.strip() == "%":
        return f"{angka(nilai)} poin persen"
    return nilai_satuan(nilai, satuan)



def _status(hi: HasilIndikator) -> str:
    if hi.indikator.realisasi is None:
        return BELUM_DIISI
    if hi.tercapai is None:
        return KOSONG
    return TERCAPAI if hi.tercapai else TIDAK_TERCAPAI


def _baris_capaian(kode: str, hi: HasilIndikator, pengaturan: Pengaturan) -> BarisCapaian:
    i = hi.indikator
    return BarisCapaian(
        kode=kode, nama=i.nama, satuan=i.satuan, polaritas=i.polaritas,
        target=nilai_satuan(i.target, i.satuan), realisasi=nilai_satuan(i.realisasi, i.satuan),
        capaian=teks_capaian(hi.capaian, pengaturan),
        kategori=kategori_cetak(hi.capaian, pengaturan), status=_status(hi),
    )


def _kalimat_sasaran(nilai: Decimal | None, pengaturan: Pengaturan) -> str:
    if nilai is None:
        return "Capaian sasaran ini belum dapat dihitung karena belum ada indikator yang " \
               "capaiannya dapat dihitung."
    label = kategori_cetak(nilai, pengaturan)
    teks = persen(nilai, pengaturan.desimal)
    if label == KOSONG:
        return f"Capaian sasaran ini, rata-rata capaian indikatornya, sebesar {teks}."
    return f"Capaian sasaran ini, rata-rata capaian indikatornya, sebesar {teks} dengan " \
           f"kategori {label}."


def perbandingan_target(hs: HasilSasaran, items: Berkode,
                         pengaturan: Pengaturan) -> PerbandinganTarget:
    return PerbandinganTarget(
        baris=tuple(_baris_capaian(kode, hi, pengaturan) for kode, hi in items),
        capaian=teks_capaian(hs.capaian, pengaturan),
        kategori=kategori_cetak(hs.capaian, pengaturan),
        skala=deskripsi_skala(pengaturan.skala_kategori),
        kalimat=_kalimat_sasaran(hs.capaian, pengaturan),
    )


# --- part 2: earlier years -------------------------------------------------------------------


def _arah(beda: Decimal, polaritas: str) -> str:
    """`membaik`/`memburuk` for a change in realisasi, with the reason for negative indicators."""
    membaik = (beda > 0) != (polaritas == NEGATIF)
    hasil = "membaik" if membaik else "memburuk"
    return f"{hasil} {_ALASAN_NEGATIF}" if polaritas == NEGATIF else hasil


def kalimat_tren(kode: str, indikator: Indikator, tahun: int) -> str:
    """Realisasi of `tahun` against the latest earlier year, with the change in the unit."""
    tahun_lalu, lalu = indikator.realisasi_lalu[-1]
    sebelum = nilai_satuan(lalu, indikator.satuan)
    if indikator.realisasi is None:
        return f"Realisasi {kode} tahun {tahun} belum diisi, sehingga belum dapat dibandingkan " \
               f"dengan realisasi tahun {tahun_lalu} sebesar {sebelum}."
    kini = nilai_satuan(indikator.realisasi, indikator.satuan)
    beda = _tercetak(indikator.realisasi) - _tercetak(lalu)
    if beda == 0:
        return f"Realisasi {kode} tetap {kini} pada tahun {tahun_lalu} dan {tahun}; " \
               "kinerjanya tidak berubah."
    gerak = "naik" if beda > 0 else "turun"
    return f"Realisasi {kode} {gerak} {_selisih(abs(beda), indikator.satuan)}, dari {sebelum} " \
           f"pada tahun {tahun_lalu} menjadi {kini} pada tahun {tahun}; kinerjanya " \
           f"{_arah(beda, indikator.polaritas)}."


def _nilai_tahun(tahun: int, realisasi: Decimal | None, i: Indikator,
                 pengaturan: Pengaturan) -> NilaiTahun:
    c = capaian(i.target, realisasi, i.polaritas, pengaturan)
    return NilaiTahun(tahun, nilai_satuan(realisasi, i.satuan), teks_capaian(c, pengaturan))


def _baris_tahun(kode: str, i: Indikator, daftar_tahun: tuple[int, ...], tahun: int,
                 pengaturan: Pengaturan) -> BarisTahun:
    per_tahun: dict[int, Decimal | None] = {**dict(i.realisasi_lalu), tahun: i.realisasi}
    nilai = tuple(_nilai_tahun(t, per_tahun.get(t), i, pengaturan) for t in daftar_tahun)
    return BarisTahun(kode, i.nama, nilai, kalimat_tren(kode, i, tahun))


def perbandingan_tahun(items: Berkode, tahun: int, pengaturan: Pengaturan) -> PerbandinganTahun | None:
    dengan_lalu = [(kode, hi.indikator) for kode, hi in items if hi.indikator.realisasi_lalu]
    if not dengan_lalu:
        return None
    lalu = tuple(sorted({t for _, i in dengan_lalu for t, _ in i.realisasi_lalu if t != tahun}))
    daftar_tahun = (*lalu, tahun)
    baris = tuple(_baris_tahun(kode, i, daftar_tahun, tahun, pengaturan) for kode, i in dengan_lalu)
    return PerbandinganTahun(daftar_tahun, baris, gabung([str(t) for t in lalu]))


# --- part 3: Renstra target ------------------------------------------------------------------


def _status_target(i: Indikator, target: Decimal) -> str:
    if i.realisasi is None:
        return BELUM_DIISI
    met = i.realisasi <= target if i.polaritas == NEGATIF else i.realisasi >= target
    return TERCAPAI if met else "Belum tercapai"


def _kalimat_renstra(kode: str, i: Indikator, c: Decimal | None, status: str,
                     tahun: int, periode: str, pengaturan: Pengaturan) -> str:
    target = nilai_satuan(i.target_renstra, i.satuan)
    awal = f"Target Renstra {periode} untuk {kode} sebesar {target}"
    if i.realisasi is None:
        return f"{awal}; realisasi tahun {tahun} belum diisi sehingga belum dapat dibandingkan."
    realisasi = nilai_satuan(i.realisasi, i.satuan)
    if c is None:
        return f"{awal}; dengan target 0, capaian realisasi tahun {tahun} sebesar {realisasi} " \
               "terhadapnya tidak dapat dihitung."
    kata = "telah tercapai" if status == TERCAPAI else "belum tercapai"
    return f"{awal}; realisasi tahun {tahun} sebesar {realisasi} setara capaian " \
           f"{persen(c, pengaturan.desimal)} terhadap target tersebut, sehingga target Renstra " \
           f"{kata}."


def _baris_renstra(kode: str, i: Indikator, target: Decimal, tahun: int, periode: str,
                   pengaturan: Pengaturan) -> BarisRenstra:
    c = capaian(target, i.realisasi, i.polaritas, pengaturan)
    status = KOSONG if c is None and i.realisasi is not None else _status_target(i, target)
    return BarisRenstra(
        kode=kode, nama=i.nama, realisasi=nilai_satuan(i.realisasi, i.satuan),
        target_renstra=nilai_satuan(target, i.satuan),
        capaian=persen(c, pengaturan.desimal), status=status,
        kalimat=_kalimat_renstra(kode, i, c, status, tahun, periode, pengaturan),
    )


def perbandingan_renstra(items: Berkode, data: DataLaporan) -> tuple[BarisRenstra, ...]:
    tahun, periode = data.identitas.tahun, data.identitas.periode_renstra
    return tuple(_baris_renstra(kode, hi.indikator, target, tahun, periode, data.pengaturan)
                 for kode, hi in items if (target := hi.indikator.target_renstra) is not None)


# --- part 4: national standard ---------------------------------------------------------------


def _penilaian(beda: Decimal, polaritas: str) -> str:
    if beda == 0:
        return "Setara"
    lebih_baik = (beda > 0) != (polaritas == NEGATIF)
    return "Lebih baik" if lebih_baik else "Lebih buruk"


def _kalimat_standar(kode: str, i: Indikator, beda: Decimal | None) -> str:
    standar = nilai_satuan(i.standar_nasional, i.satuan)
    if beda is None:
        return f"Realisasi {kode} belum diisi sehingga belum dapat dibandingkan dengan standar " \
               f"nasional sebesar {standar}."
    realisasi = nilai_satuan(i.realisasi, i.satuan)
    if beda == 0:
        return f"Realisasi {kode} sebesar {realisasi} sama dengan standar nasional {standar}."
    letak = "di atas" if beda > 0 else "di bawah"
    nilai = _penilaian(beda, i.polaritas).lower()
    alasan = f" {_ALASAN_NEGATIF}" if i.polaritas == NEGATIF else ""
    return f"Realisasi {kode} sebesar {realisasi} berada {letak} standar nasional {standar} " \
           f"dengan selisih {_selisih(abs(beda), i.satuan)}; hasil ini {nilai} daripada standar " \
           f"nasional{alasan}."


def _baris_standar(kode: str, i: Indikator, standar: Decimal) -> BarisStandar:
    beda = None if i.realisasi is None else _tercetak(i.realisasi) - _tercetak(standar)
    posisi = KOSONG if beda is None else \
        ("Sama" if beda == 0 else "Di atas" if beda > 0 else "Di bawah")
    return BarisStandar(
        kode=kode, nama=i.nama, realisasi=nilai_satuan(i.realisasi, i.satuan),
        standar=nilai_satuan(standar, i.satuan),
        selisih=KOSONG if beda is None else _selisih(abs(beda), i.satuan),
        posisi=posisi, penilaian=KOSONG if beda is None else _penilaian(beda, i.polaritas),
        kalimat=_kalimat_standar(kode, i, beda),
    )


def perbandingan_standar(items: Berkode) -> tuple[BarisStandar, ...]:
    """Part 4: the indicators that have a Standar Nasional."""
    return tuple(_baris_standar(kode, hi.indikator, standar) for kode, hi in items
                 if (standar := hi.indikator.standar_nasional) is not None)
