"""Capaian and category as printed, and the category scale, shared by every chapter.

A capaian prints with `pengaturan.desimal` decimals; its category is taken from the value as
printed, so 90,996 printed `91,00` is never labelled below the `≥ 91` band.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from generator.figures.capaian import kategori
from generator.format import KOSONG, angka, bulatkan
from generator.model import Kategori, Pengaturan

TERCAPAI = "Tercapai"
TIDAK_TERCAPAI = "Tidak tercapai"
BELUM_DIISI = "Belum diisi"


@dataclass(frozen=True)
class RentangKategori:
    """One band of the category scale as printed: `76 s.d. < 91` and `Baik`."""

    rentang: str
    label: str



def _capaian_tercetak(nilai: Decimal | None, pengaturan: Pengaturan) -> Decimal | None:
    return None if nilai is None else bulatkan(nilai, pengaturan.desimal)


def teks_capaian(nilai: Decimal | None, pengaturan: Pengaturan) -> str:
    """`103,05` with pengaturan.desimal decimals; `-` when None."""
    return angka(nilai, pengaturan.desimal)


def kategori_cetak(nilai: Decimal | None, pengaturan: Pengaturan) -> str:
    """Category of the capaian as printed (rounded to pengaturan.desimal); `-` when none."""
    label = kategori(_capaian_tercetak(nilai, pengaturan), pengaturan.skala_kategori)
    return label or KOSONG



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
