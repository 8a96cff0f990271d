"""The figures of the SAKIP year's documents from one workbook: the Perjanjian Kinerja, the
Rencana Aksi and the quarterly progress report.

Pure: a DataLaporan in, frozen records out, exact Decimals (formatting is the templates' job).
The LKj's own Perjanjian Kinerja table (Bab II and Lampiran) is built from `perjanjian`, so
the LKj and the PK document never differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from generator.figures.capaian import (
    HasilAnggaran,
    TitikTriwulan,
    hitung_anggaran,
    kode_indikator,
    rata_rata,
    sampai_dengan,
    titik_triwulan,
)
from generator.model import NEGATIF, TRIWULAN, BarisAnggaran, DataLaporan, Empat, Indikator

# --- Perjanjian Kinerja ----------------------------------------------------------------------


@dataclass(frozen=True)
class Pihak:
    """A party of the Perjanjian Kinerja; None where the workbook leaves it blank."""

    jabatan: str | None
    nama: str | None
    nip: str | None = None


@dataclass(frozen=True)
class TargetPK:
    """One indicator of the PK with its code (`IK 1.2`), its target and, in a revised PK, the
    target it replaces (None when unchanged)."""

    kode: str
    indikator: Indikator
    target: Decimal
    target_semula: Decimal | None = None


@dataclass(frozen=True)
class SasaranPK:
    """A sasaran strategis of the PK, numbered from 1, with its indicators."""

    nomor: int
    nama: str
    indikator: tuple[TargetPK, ...]


@dataclass(frozen=True)
class ProgramPK:
    """One row of the PK's Program | Anggaran table: the pagu of the lines of one Program (of
    one Sumber Dana when the lines name no Program), and in a revised PK the pagu before."""

    nama: str
    pagu: Decimal
    pagu_semula: Decimal | None = None


@dataclass(frozen=True)
class PerjanjianKinerja:
    """Everything a Perjanjian Kinerja prints but its fixed words.

    `perubahan` marks a revised PK (Identitas › Tanggal Perjanjian Kinerja Perubahan); then
    `tanggal` is the revision's date and `tanggal_semula` the original one's. The first party
    is the LKj's signatory (the Sekretaris), the second the Ketua (Jabatan/Nama Atasan).
    """

    tahun: int
    perubahan: bool
    tempat: str
    tanggal: date | None
    tanggal_semula: date | None
    pertama: Pihak
    kedua: Pihak
    sasaran: tuple[SasaranPK, ...]
    program: tuple[ProgramPK, ...]
    jumlah_pagu: Decimal

    def berkode(self) -> list[TargetPK]:
        """Every indicator, in workbook order."""
        return [t for s in self.sasaran for t in s.indikator]


def _target(indikator: Indikator, awal: bool, perubahan: bool) -> tuple[Decimal, Decimal | None]:
    """(target printed, target it replaces) for the original PK (`awal`) or the latest one."""
    semula = indikator.target_awal if perubahan else None
    if awal:
        return (semula if semula is not None else indikator.target), None
    return indikator.target, semula if semula != indikator.target else None


def _program(anggaran: tuple[BarisAnggaran, ...], awal: bool, perubahan: bool) -> tuple[ProgramPK, ...]:
    groups: dict[str, list[BarisAnggaran]] = {}
    for b in anggaran:
        groups.setdefault(b.program or b.sumber, []).append(b)
    rows = []
    for nama, lines in groups.items():
        pagu = sum((b.pagu for b in lines), Decimal(0))
        semula = sum(((b.pagu_awal if b.pagu_awal is not None else b.pagu) for b in lines),
                     Decimal(0)) if perubahan else pagu
        rows.append(ProgramPK(nama, semula, None) if awal else
                    ProgramPK(nama, pagu, semula if semula != pagu else None))
    return tuple(rows)


def perjanjian(data: DataLaporan, awal: bool = False) -> PerjanjianKinerja:
    """The year's Perjanjian Kinerja: the latest one (the revised one when the workbook has a
    Tanggal Perjanjian Kinerja Perubahan), or with `awal` the original one, whose targets and
    pagu are Target Awal and Pagu Awal where given."""
    i = data.identitas
    perubahan = i.tanggal_pk_perubahan is not None
    sasaran = []
    for n, s in enumerate(data.sasaran, start=1):
        rows = tuple(TargetPK(kode_indikator(n, k), ind, *_target(ind, awal, perubahan))
                     for k, ind in enumerate(s.indikator, start=1))
        sasaran.append(SasaranPK(n, s.nama, rows))
    program = _program(data.anggaran, awal, perubahan)
    revisi = perubahan and not awal
    return PerjanjianKinerja(
        tahun=i.tahun, perubahan=revisi, tempat=i.tempat,
        tanggal=i.tanggal_pk_perubahan if revisi else i.tanggal_pk,
        tanggal_semula=i.tanggal_pk if revisi else None,
        pertama=Pihak(i.jabatan_penandatangan, i.nama_penandatangan, i.nip_penandatangan),
        kedua=Pihak(i.jabatan_pihak_kedua, i.nama_atasan),
        sasaran=tuple(sasaran), program=program,
        jumlah_pagu=sum((p.pagu for p in program), Decimal(0)),
    )


# --- Rencana Aksi ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RencanaIndikator:
    """An indicator's quarterly targets as written (TW I..IV), how they relate to the year's
    (`angka`), the targets to date they give, and the activities that carry them."""

    kode: str
    indikator: Indikator
    target: Empat
    target_sd: Empat
    angka: str
    kegiatan: tuple[str, ...]


@dataclass(frozen=True)
class RencanaAksi:
    """The Rencana Aksi: each sasaran's indicators with their quarterly targets."""

    tahun: int
    sasaran: tuple[tuple[int, str, tuple[RencanaIndikator, ...]], ...]


def _sd(i: Indikator) -> Empat:
    a, b, c, d = (sampai_dengan(i.angka, i.triwulan.target, ke) for ke in TRIWULAN)
    return (a, b, c, d)


def rencana_aksi(data: DataLaporan) -> RencanaAksi:
    """The Rencana Aksi of the year, in workbook order."""
    return RencanaAksi(data.identitas.tahun, tuple(
        (n, s.nama, tuple(
            RencanaIndikator(kode_indikator(n, k), i, i.triwulan.target, _sd(i), i.angka,
                             i.rencana_aksi)
            for k, i in enumerate(s.indikator, start=1)))
        for n, s in enumerate(data.sasaran, start=1)))


# --- the quarterly progress report -----------------------------------------------------------


@dataclass(frozen=True)
class IndikatorTriwulan:
    """An indicator in the report of quarter `ke`: where it stood at the end of each quarter
    so far (`jalan`, TW I..ke) and, for the report's quarter, `titik` (= jalan[-1])."""

    kode: str
    indikator: Indikator
    jalan: tuple[TitikTriwulan, ...]

    @property
    def titik(self) -> TitikTriwulan:
        return self.jalan[-1]

    @property
    def sesuai_rencana(self) -> bool | None:
        """Whether realisasi to date meets the target to date (at or above it; at or below
        for a lower-is-better indicator); None when either is missing."""
        t = self.titik
        if t.target is None or t.realisasi is None:
            return None
        if self.indikator.polaritas == NEGATIF:
            return t.realisasi <= t.target
        return t.realisasi >= t.target


@dataclass(frozen=True)
class LaporanTriwulan:
    """The figures of the progress report of quarter `ke` (1..4).

    `sasaran` holds each sasaran's number, name, indicators and capaian to date (the mean of
    its indicators', None if none has one); `capaian` the mean of the sasaran. `anggaran` is
    the budget absorbed to the end of the quarter, per line, per source and in total (a
    realisasi of None where a line's quarters are not all filled).
    """

    tahun: int
    ke: int
    sasaran: tuple[tuple[int, str, tuple[IndikatorTriwulan, ...], Decimal | None], ...]
    capaian: Decimal | None
    anggaran: HasilAnggaran

    def berkode(self) -> list[IndikatorTriwulan]:
        return [i for _, _, items, _ in self.sasaran for i in items]

    def sesuai(self) -> list[IndikatorTriwulan]:
        """The indicators on track: realisasi to date at or beyond the target to date."""
        return [i for i in self.berkode() if i.sesuai_rencana]

    def tertinggal(self) -> list[IndikatorTriwulan]:
        """The indicators behind their target to date."""
        return [i for i in self.berkode() if i.sesuai_rencana is False]


def triwulan(data: DataLaporan, ke: int) -> LaporanTriwulan:
    """The progress report of quarter `ke` (1..4), exact."""
    if ke not in TRIWULAN:
        raise ValueError(f"quarter must be 1..4, got {ke!r}")
    p = data.pengaturan
    sasaran = []
    for n, s in enumerate(data.sasaran, start=1):
        items = tuple(IndikatorTriwulan(kode_indikator(n, k), i,
                                        tuple(titik_triwulan(i, q, p) for q in range(1, ke + 1)))
                      for k, i in enumerate(s.indikator, start=1))
        sasaran.append((n, s.nama, items, rata_rata(i.titik.capaian for i in items)))
    return LaporanTriwulan(data.identitas.tahun, ke, tuple(sasaran),
                           rata_rata(c for *_, c in sasaran), hitung_anggaran(data.anggaran, ke))
