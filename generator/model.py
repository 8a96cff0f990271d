"""The workbook's content as frozen dataclasses: what the rest of lkj works on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

POSITIF = "Positif"
NEGATIF = "Negatif"

RUMUS_TERCAPAI = "100 jika tercapai"
RUMUS_2T_R = "2T-R"
RUMUS_T_R = "T/R"
RUMUS_NEGATIF = (RUMUS_TERCAPAI, RUMUS_2T_R, RUMUS_T_R)

KERTAS = ("A4", "F4")


@dataclass(frozen=True)
class Identitas:
    """The satker and its signatory; optional fields are None when not filled."""

    instansi: str
    nama_singkat: str
    tahun: int
    periode_renstra: str
    tempat: str
    tanggal: date
    jabatan_penandatangan: str
    nama_penandatangan: str
    nip_penandatangan: str | None = None
    tanggal_pk: date | None = None
    jabatan_atasan: str | None = None
    nama_atasan: str | None = None
    alamat: str | None = None
    logo: Path | None = None


@dataclass(frozen=True)
class Indikator:
    """One performance indicator; realisasi None means "belum diisi".

    `realisasi_lalu` holds earlier years as (tahun, realisasi) pairs, oldest first.
    `ref` is the cell of the indicator's text, e.g. 'Kinerja'!B5, for messages.
    """

    nama: str
    satuan: str
    target: Decimal
    realisasi: Decimal | None
    polaritas: str = POSITIF
    realisasi_lalu: tuple[tuple[int, Decimal], ...] = ()
    target_renstra: Decimal | None = None
    standar_nasional: Decimal | None = None
    penjelasan: str | None = None
    program_pendukung: str | None = None
    ref: str = ""


@dataclass(frozen=True)
class Sasaran:
    """A sasaran strategis with its indicators, in workbook order."""

    nama: str
    indikator: tuple[Indikator, ...]


@dataclass(frozen=True)
class BarisAnggaran:
    """One budget line; uraian and sasaran are None when not given."""

    sumber: str
    pagu: Decimal
    realisasi: Decimal
    uraian: str | None = None
    sasaran: str | None = None
    ref: str = ""


@dataclass(frozen=True)
class Kategori:
    """One band of the category scale: capaian >= batas_bawah gets this label."""

    batas_bawah: Decimal
    label: str


DEFAULT_SKALA = (
    Kategori(Decimal(91), "Sangat Baik"),
    Kategori(Decimal(76), "Baik"),
    Kategori(Decimal(66), "Cukup"),
    Kategori(Decimal(51), "Kurang"),
    Kategori(Decimal("-Infinity"), "Sangat Kurang"),
)


@dataclass(frozen=True)
class Pengaturan:
    """Settings of the `Pengaturan` sheet; batas_capaian None means no cap."""

    rumus_negatif: str = RUMUS_TERCAPAI
    batas_capaian: Decimal | None = None
    desimal: int = 2
    ukuran_kertas: str = "A4"
    skala_kategori: tuple[Kategori, ...] = DEFAULT_SKALA
    # False when the workbook left Rumus Negatif blank: the report still states the rule used.
    rumus_dinyatakan: bool = False


@dataclass(frozen=True)
class DataLaporan:
    """Everything read from one workbook.

    renstra maps Jenis (Visi, Misi, Tujuan, IKU) to its items; narasi maps a Bagian
    to its paragraphs; daftar maps a Kelompok to its items. A missing key means the
    workbook did not give that part.
    """

    identitas: Identitas
    sasaran: tuple[Sasaran, ...]
    anggaran: tuple[BarisAnggaran, ...]
    renstra: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sdm: tuple[tuple[str, int], ...] = ()
    narasi: dict[str, tuple[str, ...]] = field(default_factory=dict)
    daftar: dict[str, tuple[str, ...]] = field(default_factory=dict)
    pengaturan: Pengaturan = field(default_factory=Pengaturan)
    sumber: Path | None = None
