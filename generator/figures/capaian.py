"""Capaian of indicators and sasaran, and budget realisation: exact Decimal, never rounded."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from generator.model import (
    KUMULATIF,
    NEGATIF,
    POSITIF,
    RUMUS_2T_R,
    RUMUS_T_R,
    RUMUS_TERCAPAI,
    BarisAnggaran,
    DataLaporan,
    Indikator,
    Kategori,
    Pengaturan,
    Sasaran,
    Empat,
)

SERATUS = Decimal(100)
NOL = Decimal(0)


# --- indicator capaian -----------------------------------------------------------------------


def _rasio(pembilang: Decimal, penyebut: Decimal) -> Decimal:
    """pembilang / penyebut x 100; multiplying first keeps 77,29/75 at 103,0533... exactly."""
    return pembilang * SERATUS / penyebut


def _negatif(target: Decimal, realisasi: Decimal, rumus: str) -> Decimal:
    """Capaian of a lower-is-better indicator with target > 0, before the cap."""
    if rumus == RUMUS_TERCAPAI:
        if realisasi <= target:
            return SERATUS
        return max(NOL, _rasio(2 * target - realisasi, target))
    if rumus == RUMUS_2T_R:
        return max(NOL, _rasio(2 * target - realisasi, target))
    if rumus == RUMUS_T_R:
        # Realisasi 0 beats any target but T/R is infinite; 100 ("fully met") is the one
        # figure that needs no invention. A cap above 100 lifts it in capaian().
        return SERATUS if realisasi == 0 else _rasio(target, realisasi)
    raise ValueError(f"unknown rumus_negatif: {rumus!r}")


def _tanpa_batas(target: Decimal, realisasi: Decimal, polaritas: str, rumus: str) -> Decimal | None:
    """Capaian before the cap; None when a positive indicator has target 0."""
    if polaritas == POSITIF:
        return None if target == 0 else _rasio(realisasi, target)
    if polaritas != NEGATIF:
        raise ValueError(f"unknown polaritas: {polaritas!r}")
    if target == 0:
        return SERATUS if realisasi == 0 else NOL
    return _negatif(target, realisasi, rumus)


def capaian(
    target: Decimal, realisasi: Decimal | None, polaritas: str, pengaturan: Pengaturan
) -> Decimal | None:
    """Capaian in percent points, exact (no rounding).

    None means no capaian: realisasi not filled, or a positive indicator with target 0.
    Negative indicators follow `pengaturan.rumus_negatif`; with rule T/R and realisasi 0 the
    capaian is the cap when one is set, else 100. The cap applies last to every indicator.
    """
    if realisasi is None:
        return None
    nilai = _tanpa_batas(target, realisasi, polaritas, pengaturan.rumus_negatif)
    batas = pengaturan.batas_capaian
    if nilai is None or batas is None:
        return nilai
    if polaritas == NEGATIF and pengaturan.rumus_negatif == RUMUS_T_R and realisasi == 0:
        return batas
    return min(nilai, batas)


def rata_rata(values: Iterable[Decimal | None]) -> Decimal | None:
    """Mean of the values, skipping None; None when no value is left."""
    ada = [v for v in values if v is not None]
    return sum(ada, NOL) / len(ada) if ada else None


def kategori(nilai: Decimal | None, skala: Iterable[Kategori]) -> str | None:
    """Label of the first band (skala runs high to low) whose batas_bawah <= nilai.

    None for a missing capaian, or when the scale has no band low enough.
    """
    if nilai is None:
        return None
    return next((k.label for k in skala if k.batas_bawah <= nilai), None)


# --- results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilIndikator:
    """An indicator with its capaian ("-" when None) and its code: `IK 1.2` is indicator 2 of
    sasaran 1, both counted from 1 in workbook order."""

    indikator: Indikator
    capaian: Decimal | None
    kode: str = ""

    @property
    def tercapai(self) -> bool | None:
        """Whether the target was met; None when there is no capaian."""
        if self.capaian is None or self.indikator.realisasi is None:
            return None
        if self.indikator.polaritas == NEGATIF:
            return self.indikator.realisasi <= self.indikator.target
        return self.indikator.realisasi >= self.indikator.target


@dataclass(frozen=True)
class HasilSasaran:
    """A sasaran, its number (from 1), its indicators' results and its capaian (their mean;
    None if none has one)."""

    sasaran: Sasaran
    indikator: tuple[HasilIndikator, ...]
    capaian: Decimal | None
    nomor: int = 1


@dataclass(frozen=True)
class Realisasi:
    """Pagu and realisasi in rupiah; realisasi None while not filled (then so are persen, sisa)."""

    pagu: Decimal
    realisasi: Decimal | None

    @property
    def persen(self) -> Decimal | None:
        """Realisasi as percent of pagu; None when pagu is 0 or realisasi not filled."""
        if self.pagu == 0 or self.realisasi is None:
            return None
        return _rasio(self.realisasi, self.pagu)

    @property
    def sisa(self) -> Decimal | None:
        """Pagu not spent (negative when realisasi exceeds pagu); None when not filled."""
        return None if self.realisasi is None else self.pagu - self.realisasi


@dataclass(frozen=True)
class SumberDana:
    """The budget lines of one funding source, in workbook order, and their sum."""

    nama: str
    baris: tuple[tuple[BarisAnggaran, Realisasi], ...]
    jumlah: Realisasi


@dataclass(frozen=True)
class HasilAnggaran:
    """Budget per funding source (in order of first appearance) and the total of all lines."""

    sumber: tuple[SumberDana, ...]
    total: Realisasi


@dataclass(frozen=True)
class Hasil:
    """Everything computed from a DataLaporan; capaian is the mean of the sasaran capaian."""

    def berkode(self) -> list[tuple[str, HasilIndikator]]:
        """Every indicator with its code (`IK 1.1`, ...), in workbook order."""
        return [(hi.kode, hi) for hs in self.sasaran for hi in hs.indikator]


    sasaran: tuple[HasilSasaran, ...]
    capaian: Decimal | None
    anggaran: HasilAnggaran


def jumlah(values: Iterable[Decimal | None]) -> Decimal | None:
    """The sum, or None when any value is not filled: a part unknown leaves the whole unknown."""
    values = list(values)
    if any(v is None for v in values):
        return None
    return sum((v for v in values if v is not None), NOL)


def _jumlah(items: Iterable[Realisasi]) -> Realisasi:
    """Sum of pagu and of realisasi (None when a line's realisasi is not filled)."""
    items = list(items)
    return Realisasi(sum((r.pagu for r in items), NOL), jumlah(r.realisasi for r in items))


def hitung_anggaran(baris: Iterable[BarisAnggaran], ke: int | None = None) -> HasilAnggaran:
    """Group budget lines by sumber, in order of first appearance, with sums and a total.

    With `ke` (1..4) the realisasi is what was spent up to the end of that quarter, from the
    quarterly columns (None for a line whose quarters up to `ke` are not all filled).
    """
    kelompok: dict[str, list[tuple[BarisAnggaran, Realisasi]]] = {}
    for b in baris:
        realisasi = b.realisasi if ke is None else jumlah(b.realisasi_triwulan[:ke])
        kelompok.setdefault(b.sumber, []).append((b, Realisasi(b.pagu, realisasi)))
    sumber = tuple(
        SumberDana(nama, tuple(isi), _jumlah(r for _, r in isi)) for nama, isi in kelompok.items()
    )
    return HasilAnggaran(sumber, _jumlah(s.jumlah for s in sumber))


def kode_indikator(nomor_sasaran: int, nomor_indikator: int) -> str:
    """`IK 1.2`: indicator 2 of sasaran 1, both counted from 1."""
    return f"IK {nomor_sasaran}.{nomor_indikator}"


def hitung_sasaran(sasaran: Sasaran, pengaturan: Pengaturan, nomor: int = 1) -> HasilSasaran:
    """Capaian of each indicator of sasaran number `nomor` and their mean."""
    hasil = tuple(
        HasilIndikator(i, capaian(i.target, i.realisasi, i.polaritas, pengaturan),
                       kode_indikator(nomor, n))
        for n, i in enumerate(sasaran.indikator, start=1)
    )
    return HasilSasaran(sasaran, hasil, rata_rata(h.capaian for h in hasil), nomor)


def hitung(data: DataLaporan) -> Hasil:
    """All capaian and budget figures of the report, exact."""
    sasaran = tuple(hitung_sasaran(s, data.pengaturan, n)
                    for n, s in enumerate(data.sasaran, start=1))
    return Hasil(sasaran, rata_rata(s.capaian for s in sasaran), hitung_anggaran(data.anggaran))


# --- quarters --------------------------------------------------------------------------------


def sampai_dengan(angka: str, values: Empat, ke: int) -> Decimal | None:
    """The figure to date at the end of quarter `ke` (1..4): that quarter's own when the
    figures are Kumulatif, else the sum of quarters 1..ke; None when one it needs is blank."""
    if angka == KUMULATIF:
        return values[ke - 1]
    return jumlah(values[:ke])


@dataclass(frozen=True)
class TitikTriwulan:
    """An indicator at the end of quarter `ke`: target and realisasi to date, capaian against
    the target to date and against the year's target; None where a figure is missing."""

    ke: int
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None
    capaian_tahun: Decimal | None


def titik_triwulan(indikator: Indikator, ke: int, pengaturan: Pengaturan) -> TitikTriwulan:
    """Where the indicator stands at the end of quarter `ke`, exact."""
    tw = indikator.triwulan
    target = sampai_dengan(indikator.angka, tw.target, ke)
    realisasi = sampai_dengan(indikator.angka, tw.realisasi, ke)
    return TitikTriwulan(
        ke, target, realisasi,
        None if target is None else capaian(target, realisasi, indikator.polaritas, pengaturan),
        capaian(indikator.target, realisasi, indikator.polaritas, pengaturan),
    )
