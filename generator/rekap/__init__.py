"""The overview of many satker (`lkj rekap`): each satker's figures exactly as its own report
computes them (pipeline.check, capaian.hitung), grouped by year and level, the indicators several
satker share, and every problem found.

Pure: results in, a Rekap out; `excel.py` and `word.py` write it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from generator import format as fmt
from generator.figures.capaian import rata_rata
from generator.errors import Issue
from generator.model import KABKOTA, PROVINSI, PUSAT

from generator.rekap.cocok import kunci, kunci_nama

NAMA_TINGKAT = {PUSAT: "Sekretariat Jenderal KPU", PROVINSI: "KPU Provinsi",
                KABKOTA: "KPU Kabupaten/Kota"}
URUT_TINGKAT = {PUSAT: 0, PROVINSI: 1, KABKOTA: 2}
SERATUS = Decimal(100)


@dataclass(frozen=True)
class Indikator:
    """One indicator of one satker, with its code and capaian as its report prints them."""

    kode: str
    nama: str
    satuan: str
    target: Decimal
    realisasi: Decimal | None
    capaian: Decimal | None
    ref: str = ""


@dataclass(frozen=True)
class Satker:
    """One satker's row. Figures are exact (Decimal); `desimal` is how its report prints capaian."""

    berkas: Path
    nama: str
    instansi: str
    tingkat: str
    tahun: int
    desimal: int
    sasaran: int
    indikator: tuple[Indikator, ...]
    capaian: Decimal | None
    pagu: Decimal
    realisasi: Decimal
    serapan: Decimal | None
    peringatan: tuple[Issue, ...]
    peringkat: int = 0
    belum_lkj: str = ""  # what it still lacks for its Laporan Kinerja ("" when ready)

    @property
    def terendah(self) -> Indikator | None:
        """The indicator with the lowest capaian (the first of equals); None when none has one."""
        ada = [i for i in self.indikator if i.capaian is not None]
        return min(ada, key=lambda i: i.capaian) if ada else None

    def tercetak(self, nilai: Decimal | None) -> Decimal | None:
        """A capaian rounded half-up as this satker's report prints it."""
        return None if nilai is None else fmt.bulatkan(nilai, self.desimal)


@dataclass(frozen=True)
class Entri:
    """One satker's figures for a shared indicator, the name as that satker typed it."""

    satker: Satker
    indikator: Indikator


@dataclass(frozen=True)
class Bersama:
    """An indicator several satker report (names equal but for case, spacing, punctuation)."""

    nama: str
    satuan: str
    entri: tuple[Entri, ...]

    @property
    def rata_rata(self) -> Decimal | None:
        return rata_rata(e.indikator.capaian for e in self.entri)

    @property
    def ejaan(self) -> tuple[str, ...]:
        """Every way the name was typed, most common first."""
        return _menurut_jumlah(e.indikator.nama for e in self.entri)

    @property
    def satker(self) -> int:
        return len({e.satker.berkas for e in self.entri})


@dataclass(frozen=True)
class Kelompok:
    """The satker of one year and one level, ranked by capaian, and what they share."""

    tahun: int
    tingkat: str
    satker: tuple[Satker, ...]
    bersama: tuple[Bersama, ...]

    @property
    def judul(self) -> str:
        return f"{NAMA_TINGKAT[self.tingkat]} Tahun {self.tahun}"

    @property
    def capaian(self) -> Decimal | None:
        """The mean of the satker's capaian."""
        return rata_rata(s.capaian for s in self.satker)


@dataclass(frozen=True)
class Masalah:
    """One problem of one workbook, with its place (`'Kinerja'!E7`)."""

    berkas: str
    satker: str
    galat: bool
    tempat: str
    pesan: str


@dataclass(frozen=True)
class Rekap:
    """The whole overview. `bermasalah` names the workbooks that could not be read (file,
    number of errors); `catatan` says plainly what a reader must know (mixed years or levels,
    a satker twice)."""

    kelompok: tuple[Kelompok, ...]
    masalah: tuple[Masalah, ...]
    bermasalah: tuple[tuple[str, int], ...]
    catatan: tuple[str, ...]

    @property
    def tahun(self) -> list[int]:
        return sorted({k.tahun for k in self.kelompok})


def _menurut_jumlah(teks: Iterable[str]) -> tuple[str, ...]:
    hitung: dict[str, int] = {}
    for t in teks:
        hitung[t] = hitung.get(t, 0) + 1
    return tuple(sorted(hitung, key=lambda t: -hitung[t]))


def satker_dari(berkas: Path, checked, belum_lkj: str = "") -> Satker:
    """A satker's row from pipeline.check's result: the same figures its report prints."""
    data, hasil = checked.loaded.data, checked.hasil
    total = hasil.anggaran.total
    return Satker(
        berkas=berkas, nama=data.identitas.nama_singkat, instansi=data.identitas.instansi,
        tingkat=data.identitas.level, tahun=data.identitas.tahun,
        desimal=data.pengaturan.desimal, sasaran=len(hasil.sasaran),
        indikator=tuple(Indikator(kode, hi.indikator.nama, hi.indikator.satuan,
                                  hi.indikator.target, hi.indikator.realisasi, hi.capaian,
                                  hi.indikator.ref) for kode, hi in hasil.berkode()),
        capaian=hasil.capaian, pagu=total.pagu, realisasi=total.realisasi,
        serapan=total.persen, peringatan=tuple(checked.warnings), belum_lkj=belum_lkj)


def _peringkat(satker: list[Satker]) -> tuple[Satker, ...]:
    """Highest capaian first (as printed; equal figures share a rank); no capaian last."""
    import dataclasses

    urut = sorted(satker, key=lambda s: (s.capaian is None, -(s.tercetak(s.capaian) or 0),
                                         s.nama.casefold()))
    hasil, sebelum, rank = [], None, 0
    for n, s in enumerate(urut, start=1):
        nilai = s.tercetak(s.capaian)
        if nilai is None or nilai != sebelum:
            rank = n
        sebelum = nilai
        hasil.append(dataclasses.replace(s, peringkat=rank))
    return tuple(hasil)


def _bersama(satker: tuple[Satker, ...]) -> tuple[Bersama, ...]:
    """Indicators reported by two satker or more, most widely shared first."""
    kelompok: dict[tuple[str, str], list[Entri]] = {}
    for s in satker:
        for i in s.indikator:
            kelompok.setdefault(kunci(i.nama, i.satuan), []).append(Entri(s, i))
    hasil = []
    for entri in kelompok.values():
        if len({e.satker.berkas for e in entri}) < 2:
            continue
        nama = _menurut_jumlah(e.indikator.nama for e in entri)[0]
        satuan = _menurut_jumlah(e.indikator.satuan for e in entri)[0]
        hasil.append(Bersama(nama, satuan, tuple(entri)))
    hasil.sort(key=lambda b: -b.satker)  # stable: first reported first among equals
    return tuple(hasil)


def _kelompokkan(satker: list[Satker]) -> tuple[Kelompok, ...]:
    grup: dict[tuple[int, str], list[Satker]] = {}
    for s in satker:
        grup.setdefault((s.tahun, s.tingkat), []).append(s)
    urut = sorted(grup, key=lambda k: (-k[0], URUT_TINGKAT[k[1]]))
    hasil = []
    for tahun, tingkat in urut:
        ranked = _peringkat(grup[(tahun, tingkat)])
        hasil.append(Kelompok(tahun, tingkat, ranked, _bersama(ranked)))
    return tuple(hasil)


def _catatan(kelompok: tuple[Kelompok, ...], satker: list[Satker]) -> list[str]:
    catatan = []
    tahun = sorted({k.tahun for k in kelompok})
    tingkat = sorted({k.tingkat for k in kelompok}, key=URUT_TINGKAT.get)
    if len(tahun) > 1:
        catatan.append(f"Buku kerja di folder ini berasal dari {len(tahun)} tahun "
                       f"({fmt_daftar(map(str, tahun))}); setiap tahun disajikan terpisah dan "
                       "tidak dirata-ratakan bersama.")
    if len(tingkat) > 1:
        catatan.append(f"Buku kerja di folder ini berasal dari {len(tingkat)} tingkat "
                       f"({fmt_daftar(NAMA_TINGKAT[t] for t in tingkat)}); setiap tingkat "
                       "disajikan terpisah dan tidak dirata-ratakan bersama.")
    return catatan


def fmt_daftar(items: Iterable[str]) -> str:
    from generator.report.dasar import gabung

    return gabung(list(items))


def _ganda(satker: list[Satker]) -> list[Masalah]:
    """A satker and year found in more than one workbook: each copy is named."""
    grup: dict[tuple[str, int], list[Satker]] = {}
    for s in satker:
        grup.setdefault((kunci_nama(s.nama), s.tahun), []).append(s)
    masalah = []
    for sama in grup.values():
        if len(sama) > 1:
            nama = fmt_daftar(s.berkas.name for s in sama)
            for s in sama:
                masalah.append(Masalah(s.berkas.name, s.nama, False, "",
                                       f"{s.nama} tahun {s.tahun} ada di {len(sama)} buku kerja "
                                       f"({nama}); semuanya ikut dihitung, periksa mana yang "
                                       "benar"))
    return masalah


def susun(hasil: Iterable) -> Rekap:
    """The overview of folder.Hasil results (one per workbook, in the folder's order)."""
    satker, masalah, bermasalah = [], [], []
    for h in hasil:
        if h.checked is None:
            galat = h.galat
            bermasalah.append((h.buku.name, len(galat)))
            masalah += [Masalah(h.buku.name, "", i.is_error, i.ref, i.message)
                        for i in [*galat, *h.peringatan]]
            continue
        s = satker_dari(h.buku, h.checked, h.belum_lkj)
        satker.append(s)
        masalah += [Masalah(h.buku.name, s.nama, False, i.ref, i.message) for i in s.peringatan]
        if s.belum_lkj:
            masalah.append(Masalah(h.buku.name, s.nama, False, "", s.belum_lkj))
    kelompok = _kelompokkan(satker)
    ganda = _ganda(satker)
    catatan = _catatan(kelompok, satker)
    if ganda:
        catatan.append(f"{len({m.satker for m in ganda})} satker tercantum lebih dari sekali "
                       "untuk tahun yang sama (lihat daftar masalah).")
    return Rekap(kelompok, tuple(masalah + ganda), tuple(bermasalah), tuple(catatan))
