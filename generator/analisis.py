"""Bab III analysis of each sasaran (the seven parts of PermenPANRB 53/2014) as ready-to-print text.

Pure: no I/O, exact Decimal arithmetic, every figure formatted with generator.format. The lead
wires the result into the template context; nothing here needs further formatting.

Public API
- `analisis_sasaran(hs, data, hasil) -> AnalisisSasaran`; `analisis_semua(data, hasil)` for all.
- `ringkasan(data, hasil) -> str`: the Ikhtisar Eksekutif paragraph (counts, average capaian,
  budget), consistent with the Bab III figures.
- `kode_indikator(nomor_sasaran, nomor_indikator) -> str`: `IK 1.2`, the short label used in the
  sentences and charts (sasaran and indicators numbered from 1 in workbook order);
  `indikator_berkode(hasil)` lists every (kode, HasilIndikator).
- `rentang_skala(skala)` and `deskripsi_skala(skala)`: the category scale as rows / one line,
  `≥ 91 Sangat Baik; 76 s.d. < 91 Baik; ...; < 51 Sangat Kurang`, exact for any custom scale.
- `kategori_cetak(nilai, pengaturan) -> str`: the category of a capaian as printed.

AnalisisSasaran holds one field per part; a part without data is None or empty so the template
can leave it out:
1. `target` (PerbandinganTarget, always there): rows of target, realisasi, capaian, category and
   status, the sasaran's capaian and category, the printed scale, and one sentence.
2. `tahun_lalu` (PerbandinganTahun | None): only indicators with earlier realisasi; years as
   columns, realisasi and capaian per year, one sentence per indicator, and `catatan`. The
   workbook holds only the current year's target, so earlier capaian are computed against the
   CURRENT target (PermenPANRB 53/2014 asks to compare capaian across years but the earlier
   targets are not in the workbook); `catatan` states this in the report.
3. `renstra` (tuple, empty when no indicator has Target Renstra): realisasi of the year against
   the Renstra target, as a capaian under the same rules (polarity, negative rule, cap).
4. `standar` (tuple, empty when none): realisasi against the national standard, with the
   direction judged by polarity.
5. `penjelasan` (one entry per indicator): its Penjelasan split into paragraphs, or `paragraf`
   None so the template shows a placeholder.
6. `efisiensi` (Efisiensi | None): budget lines whose Sasaran Strategis names this sasaran
   (case and spacing ignored), their pagu, realisasi and serapan beside the sasaran's capaian.
7. `program` (tuple, empty when none): Program Pendukung lines of all indicators, list markers
   removed, duplicates dropped.
Plus `ringkasan` (RingkasanSasaran): counts and one sentence on which indicators met the target.

Rules that keep the text consistent with the tables:
- Capaian prints with `pengaturan.desimal` decimals; its category is taken from the value as
  printed, so 90,996 printed `91,00` is never labelled below the `≥ 91` band.
- Realisasi and differences print with up to 4 decimals (format.angka); rises and falls are
  judged on those printed values, so "naik 0" cannot happen.
- "Tercapai" is HasilIndikator.tercapai. An indicator without realisasi is "belum diisi" and is
  neither met nor missed; one with realisasi but no capaian (positive target 0) is named apart.
- Efficiency compares capaian and serapan rounded to `pengaturan.desimal`, and the printed
  difference is the difference of the printed figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.capaian import Hasil, HasilIndikator, HasilSasaran, Realisasi, capaian, kategori
from generator.format import (
    KOSONG,
    MAKS_DESIMAL,
    angka,
    bulatkan,
    jumlah_terbilang,
    nilai_satuan,
    persen,
    rupiah,
)
from generator.model import NEGATIF, BarisAnggaran, DataLaporan, Indikator, Kategori, Pengaturan

TERCAPAI = "Tercapai"
TIDAK_TERCAPAI = "Tidak tercapai"
BELUM_DIISI = "Belum diisi"

_ALASAN_NEGATIF = "karena makin kecil realisasi makin baik"
Berkode = list[tuple[str, HasilIndikator]]  # (kode, indicator result), in workbook order
# "1. ", "a) ", "- ", "• " typed by staff: the template numbers the items itself.
_PENANDA = re.compile(r"^(?:[-–•*·]|\d{1,3}[.)]|[a-zA-Z][.)])\s+")


# --- results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RentangKategori:
    """One band of the category scale as printed: `76 s.d. < 91` and `Baik`."""

    rentang: str
    label: str


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
    """Part 2: the years (oldest first, the report's year last) as columns, rows, and a note."""

    tahun: tuple[int, ...]
    baris: tuple[BarisTahun, ...]
    catatan: str


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
class RingkasanSasaran:
    """How many indicators met, missed, are not filled, or have no capaian; and one sentence."""

    jumlah: int
    tercapai: int
    tidak_tercapai: int
    belum_diisi: int
    tanpa_capaian: int
    kalimat: str


@dataclass(frozen=True)
class AnalisisSasaran:
    """The seven parts of one sasaran's analysis and its summary (see the module docstring)."""

    nomor: int
    nama: str
    ringkasan: RingkasanSasaran
    target: PerbandinganTarget
    tahun_lalu: PerbandinganTahun | None
    renstra: tuple[BarisRenstra, ...]
    standar: tuple[BarisStandar, ...]
    penjelasan: tuple[Penjelasan, ...]
    efisiensi: Efisiensi | None
    program: tuple[str, ...]


# --- small helpers -------------------------------------------------------------------------


def kode_indikator(nomor_sasaran: int, nomor_indikator: int) -> str:
    """`IK 1.2`: indicator 2 of sasaran 1, both counted from 1."""
    return f"IK {nomor_sasaran}.{nomor_indikator}"


def _tercetak(value: Decimal) -> Decimal:
    """The value as format.angka prints it by default (at most 4 decimals)."""
    return bulatkan(value, MAKS_DESIMAL)


def _capaian_tercetak(nilai: Decimal | None, pengaturan: Pengaturan) -> Decimal | None:
    return None if nilai is None else bulatkan(nilai, pengaturan.desimal)


def teks_capaian(nilai: Decimal | None, pengaturan: Pengaturan) -> str:
    """`103,05` with pengaturan.desimal decimals; `-` when None."""
    return angka(nilai, pengaturan.desimal)


def kategori_cetak(nilai: Decimal | None, pengaturan: Pengaturan) -> str:
    """Category of the capaian as printed (rounded to pengaturan.desimal); `-` when none."""
    label = kategori(_capaian_tercetak(nilai, pengaturan), pengaturan.skala_kategori)
    return label or KOSONG


def _selisih(nilai: Decimal, satuan: str) -> str:
    """A difference in the indicator's unit: `2,29 poin persen`, `3 Laporan`."""
    if satuan.strip() == "%":
        return f"{angka(nilai)} poin persen"
    return nilai_satuan(nilai, satuan)


def _daftar(items: Sequence[str]) -> str:
    """`a`, `a dan b`, `a, b, dan c`."""
    if len(items) <= 2:
        return " dan ".join(items)
    return ", ".join(items[:-1]) + ", dan " + items[-1]


def _sama_nama(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _nomor_sasaran(hs: HasilSasaran, hasil: Hasil) -> int:
    """Position (from 1) of hs in hasil; identity first so two equal sasaran stay apart."""
    for i, item in enumerate(hasil.sasaran, start=1):
        if item is hs:
            return i
    for i, item in enumerate(hasil.sasaran, start=1):
        if item == hs:
            return i
    raise ValueError(f"sasaran not in hasil: {hs.sasaran.nama!r}")


def _berkode(hs: HasilSasaran, nomor: int) -> Berkode:
    return [(kode_indikator(nomor, j), hi) for j, hi in enumerate(hs.indikator, start=1)]


def _sebut(kode: str, indikator: Indikator) -> str:
    return f"{kode} ({indikator.nama})"


# --- the category scale ----------------------------------------------------------------------


def _rentang(bawah: Decimal, atas: Decimal | None) -> str:
    if not bawah.is_finite():
        return "semua nilai" if atas is None else f"< {angka(atas)}"
    if atas is None:
        return f"≥ {angka(bawah)}"
    return f"{angka(bawah)} s.d. < {angka(atas)}"


def rentang_skala(skala: Iterable[Kategori]) -> tuple[RentangKategori, ...]:
    """The bands as capaian.kategori applies them (first match wins); unreachable bands dropped."""
    hasil: list[RentangKategori] = []
    atas: Decimal | None = None  # lowest bound seen so far: everything >= it went to a band above
    for k in skala:
        if atas is not None and k.batas_bawah >= atas:
            continue
        hasil.append(RentangKategori(_rentang(k.batas_bawah, atas), k.label))
        atas = k.batas_bawah
    return tuple(hasil)


def deskripsi_skala(skala: Iterable[Kategori]) -> str:
    """`≥ 91 Sangat Baik; 76 s.d. < 91 Baik; 66 s.d. < 76 Cukup; 51 s.d. < 66 Kurang; < 51 ...`."""
    return "; ".join(f"{r.rentang} {r.label}" for r in rentang_skala(skala))


# --- summary of met targets ------------------------------------------------------------------


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
        return f"Semua indikator yang capaiannya dapat dihitung ({jumlah_terbilang(ok)}) " \
               "mencapai target."
    gagal_teks = f"{jumlah_terbilang(gagal)} indikator belum mencapai target, yaitu " \
                 f"{_daftar(k.tidak)}."
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
                       f"yaitu {_daftar(k.belum)}.")
    if k.tanpa:
        kalimat.append(f"Capaian {jumlah_terbilang(len(k.tanpa))} indikator tidak dapat dihitung "
                       f"karena targetnya 0, yaitu {_daftar(k.tanpa)}.")
    return kalimat


def _kalimat_kelompok(k: _Kelompok, jumlah: int) -> str:
    bagian = [_kalimat_capaian_target(k), *_kalimat_sisa(k, jumlah)]
    return " ".join(b for b in bagian if b)


def _ringkasan_sasaran(items: Berkode) -> RingkasanSasaran:
    k = _kelompokkan(items)
    awal = f"Sasaran ini diukur dengan {jumlah_terbilang(len(items))} indikator kinerja."
    kalimat = " ".join(b for b in (awal, _kalimat_kelompok(k, len(items))) if b)
    return RingkasanSasaran(len(items), len(k.tercapai), len(k.tidak), len(k.belum),
                            len(k.tanpa), kalimat)


# --- part 1: target vs realisasi -------------------------------------------------------------


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


def _perbandingan_target(hs: HasilSasaran, items: Berkode,
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


def _catatan_tahun(lalu: tuple[int, ...], tahun: int) -> str:
    daftar = _daftar([str(t) for t in lalu])
    return f"Capaian tahun {daftar} dihitung terhadap target tahun {tahun}, karena buku kerja " \
           "hanya memuat target tahun berjalan."


def _perbandingan_tahun(items: Berkode, tahun: int, pengaturan: Pengaturan) -> PerbandinganTahun | None:
    dengan_lalu = [(kode, hi.indikator) for kode, hi in items if hi.indikator.realisasi_lalu]
    if not dengan_lalu:
        return None
    lalu = tuple(sorted({t for _, i in dengan_lalu for t, _ in i.realisasi_lalu if t != tahun}))
    daftar_tahun = (*lalu, tahun)
    baris = tuple(_baris_tahun(kode, i, daftar_tahun, tahun, pengaturan) for kode, i in dengan_lalu)
    return PerbandinganTahun(daftar_tahun, baris, _catatan_tahun(lalu, tahun))


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


def _perbandingan_renstra(items: Berkode, data: DataLaporan) -> tuple[BarisRenstra, ...]:
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


# --- parts 5 and 7: text from the workbook ---------------------------------------------------


def paragraf(teks: str | None) -> tuple[str, ...] | None:
    """Text split at line breaks, blank lines dropped; None when nothing is left."""
    bagian = tuple(p.strip() for p in (teks or "").split("\n") if p.strip())
    return bagian or None


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


def analisis_sasaran(hs: HasilSasaran, data: DataLaporan, hasil: Hasil) -> AnalisisSasaran:
    """The seven-part analysis of one sasaran of `hasil` (numbered by its place there)."""
    nomor = _nomor_sasaran(hs, hasil)
    items = _berkode(hs, nomor)
    pengaturan = data.pengaturan
    return AnalisisSasaran(
        nomor=nomor, nama=hs.sasaran.nama, ringkasan=_ringkasan_sasaran(items),
        target=_perbandingan_target(hs, items, pengaturan),
        tahun_lalu=_perbandingan_tahun(items, data.identitas.tahun, pengaturan),
        renstra=_perbandingan_renstra(items, data),
        standar=tuple(_baris_standar(kode, hi.indikator, standar) for kode, hi in items
                      if (standar := hi.indikator.standar_nasional) is not None),
        penjelasan=_penjelasan(items), efisiensi=_efisiensi(hs, data), program=_program(items),
    )


def analisis_semua(data: DataLaporan, hasil: Hasil) -> tuple[AnalisisSasaran, ...]:
    """analisis_sasaran for every sasaran, in order."""
    return tuple(analisis_sasaran(hs, data, hasil) for hs in hasil.sasaran)


# --- Ikhtisar Eksekutif ----------------------------------------------------------------------


def indikator_berkode(hasil: Hasil) -> Berkode:
    """Every indicator of the report with its code (`IK 1.1`, ...), in workbook order."""
    return [item for n, hs in enumerate(hasil.sasaran, start=1) for item in _berkode(hs, n)]


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
    items = indikator_berkode(hasil)
    identitas = data.identitas
    awal = f"Dalam Perjanjian Kinerja Tahun {identitas.tahun}, {identitas.nama_singkat} " \
           f"menetapkan {jumlah_terbilang(len(hasil.sasaran))} sasaran strategis yang diukur " \
           f"dengan {jumlah_terbilang(len(items))} indikator kinerja."
    bagian = [awal, _kalimat_kelompok(_kelompokkan(items), len(items)),
              _kalimat_rata_rata(hasil, data.pengaturan),
              _kalimat_anggaran(hasil.anggaran.total, identitas.tahun)]
    return " ".join(b for b in bagian if b)
