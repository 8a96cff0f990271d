"""Writes a folder of test workbooks: plausible KPU satker of the three levels, built from the sample.

Usage: python tools/build_folder.py FOLDER [--jumlah 553] [--provinsi "Jawa Barat"] [--benih 1]
                                    [--rusak K] [--tahun 2024] [--proses N]

Satker come from tools/satker.csv: the Sekretariat Jenderal, the 38 provinces and the 514
kabupaten/kota (names from Kepmendagri 300.2.2-2138/2025 on the codes and names of
administrative regions, as collected in github.com/cahyadsn/wilayah; Jakarta's five cities and
one regency without "Administrasi", as KPU names them). Aceh's bodies are the Komisi
Independen Pemilihan (KIP Aceh, KIP Kabupaten/Kota ...). Without --provinsi the first N of the
list are taken (the centre, then each province followed by its kabupaten/kota); with it, that
province and its kabupaten/kota.

Every workbook starts from input/contoh.xlsx (read by lkj itself) and is written by
tools/build_sample.py's `fill`, so it is what `lkj baru` gives, filled as staff fill it. Each
satker's figures come from its own seeded random stream (the same satker gets the same figures
in any folder): realisasi around its target, budgets scaled to its level. The sample's five
indicators are the national cascade every satker reports, some typed with small differences
(case, spacing, punctuation); one satker in about twenty words one of them differently (a
different indicator, which must not be matched); each satker adds an indicator of its own and
some pick one of a few optional ones. About one workbook in forty is broken on purpose (a
target typed in words, the place left blank, a realisasi that is not a number, or a file that
is not a workbook at all). Names of people are invented.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import random
import re
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from generator.model import (  # noqa: E402
    KABKOTA,
    NEGATIF,
    PROVINSI,
    PUSAT,
    BarisAnggaran,
    DataLaporan,
    Identitas,
    Indikator,
    Sasaran,
)

SAMPLE = ROOT / "input" / "contoh.xlsx"
DAFTAR = ROOT / "tools" / "satker.csv"
CATATAN = "Data uji buatan tools/build_folder.py: angka dan nama orang bersifat ilustrasi."
RUSAK = ("target-teks", "tempat-kosong", "bukan-xlsx", "realisasi-teks")
NAMA_DEPAN = ("Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gita", "Hendra", "Indah", "Joko",
              "Kartika", "Lukas", "Maria", "Nur", "Oktavia", "Putu", "Rahmat", "Sari", "Teuku",
              "Umi", "Wayan", "Yohanes", "Zainal", "Yulia", "Rudi", "Siti", "Made", "Ketut")
NAMA_BELAKANG = ("Santoso", "Wijaya", "Siregar", "Lestari", "Nasution", "Pratama", "Hasibuan",
                 "Kurniawan", "Manurung", "Rahayu", "Sembiring", "Tanjung", "Saputra",
                 "Wulandari", "Pattiasina", "Rumbiak", "Laoli", "Daulay", "Harahap", "Mahendra")
PILIHAN = (  # optional indicators a few satker pick (shared by some, not all)
    ("Persentase arsip yang dialihmediakan ke bentuk digital", "%", Decimal(60)),
    ("Jumlah publikasi informasi kepemiluan di laman resmi", "Kali", Decimal(24)),
    ("Persentase pegawai yang mengikuti pengembangan kompetensi", "%", Decimal(80)),
)
HAMPIR = ("pelayanan terhadap pemilih", "layanan kepada pemilih")  # one word apart: not shared


@dataclasses.dataclass(frozen=True)
class SatkerUji:
    """One satker of tools/satker.csv."""

    kode: str
    tingkat: str
    wilayah: str
    provinsi: str

    @property
    def aceh(self) -> bool:
        return self.provinsi == "Aceh"

    @property
    def instansi(self) -> str:
        if self.tingkat == PUSAT:
            return "Komisi Pemilihan Umum"
        if self.tingkat == PROVINSI:
            return ("Komisi Independen Pemilihan Aceh" if self.aceh
                    else f"Komisi Pemilihan Umum Provinsi {self.wilayah}")
        badan = "Komisi Independen Pemilihan" if self.aceh else "Komisi Pemilihan Umum"
        return f"{badan} {self.wilayah}"

    @property
    def nama_singkat(self) -> str:
        if self.tingkat == PUSAT:
            return "KPU"
        if self.tingkat == PROVINSI:
            return "KIP Aceh" if self.aceh else f"KPU Provinsi {self.wilayah}"
        return f"{'KIP' if self.aceh else 'KPU'} {self.wilayah}"

    @property
    def daerah(self) -> str:
        """The region the satker serves, as a government names it (`Kabupaten Bantul`)."""
        return {PUSAT: "Provinsi DKI Jakarta", PROVINSI: f"Provinsi {self.wilayah}"}.get(
            self.tingkat, self.wilayah)

    @property
    def tempat(self) -> str:
        if self.tingkat == PUSAT:
            return "Jakarta"
        return re.sub(r"^(Kabupaten|Kota) ", "", self.wilayah)

    @property
    def berkas(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", self.nama_singkat.lower()).strip("-")
        return f"{self.kode}-{slug}.xlsx"


def daftar_satker() -> list[SatkerUji]:
    """All 553 satker, the centre first, each province followed by its kabupaten/kota."""
    tingkat = {"Pusat": PUSAT, "Provinsi": PROVINSI, "Kabupaten/Kota": KABKOTA}
    with DAFTAR.open(encoding="utf-8", newline="") as f:
        return [SatkerUji(r["kode"], tingkat[r["tingkat"]], r["wilayah"], r["provinsi"])
                for r in csv.DictReader(f)]


def pilih(jumlah: int, provinsi: str | None = None) -> list[SatkerUji]:
    semua = daftar_satker()
    if provinsi:
        semua = [s for s in semua if s.provinsi.casefold() == provinsi.casefold()]
        if not semua:
            raise SystemExit(f"provinsi tidak dikenal: {provinsi}")
    return semua[:jumlah]


# --- one satker's content ------------------------------------------------------------------


def _ejaan(nama: str, rng: random.Random) -> str:
    """The name as some staff type it: case, spacing or punctuation changed (never a word)."""
    cara = rng.randrange(6)
    if cara == 0:
        return nama.lower()
    if cara == 1:
        return " ".join(w[:1].upper() + w[1:] for w in nama.split(" "))
    if cara == 2:
        return nama.replace(" ", "  ", 1).replace("/", " / ")
    if cara == 3:
        return nama + "."
    if cara == 4:
        return nama.replace(",", " ,").replace(" yang", "  yang")
    return nama.upper()


def _angka(nilai: Decimal, tempat: int = 2) -> Decimal:
    return nilai.quantize(Decimal(1).scaleb(-tempat))


def _realisasi(i: Indikator, rng: random.Random) -> Decimal:
    if i.polaritas == NEGATIF:
        return _angka(Decimal(rng.uniform(0, float(i.target) * 1.6)))
    nilai = Decimal(rng.gauss(1.0, 0.09)) * i.target
    if i.satuan == "%":
        nilai = min(nilai, Decimal(100))
    return _angka(max(nilai, Decimal(0)))


def _indikator(i: Indikator, rng: random.Random, hampir: bool) -> Indikator:
    nama = i.nama.replace(*HAMPIR) if hampir else i.nama
    if rng.random() < 0.3:
        nama = _ejaan(nama, rng)
    lalu = tuple((t, _angka(v * Decimal(rng.uniform(0.9, 1.05)))) for t, v in i.realisasi_lalu)
    return dataclasses.replace(i, nama=nama, realisasi=_realisasi(i, rng), realisasi_lalu=lalu)


def _sendiri(s: SatkerUji, rng: random.Random) -> list[Indikator]:
    """One indicator of the satker's own, and perhaps one of the optional few."""
    sendiri = Indikator(f"Persentase desa/kelurahan di {s.daerah} yang dijangkau sosialisasi "
                        "pemilih", "%", Decimal(70), None)
    hasil = [sendiri]
    if rng.random() < 0.4:
        nama, satuan, target = rng.choice(PILIHAN)
        hasil.append(Indikator(nama, satuan, target, None))
    return [dataclasses.replace(i, realisasi=_realisasi(i, rng)) for i in hasil]


def _sasaran(dasar: DataLaporan, s: SatkerUji, rng: random.Random) -> tuple[Sasaran, ...]:
    hampir = rng.random() < 0.05
    sasaran = [dataclasses.replace(ss, indikator=tuple(_indikator(i, rng, hampir)
                                                       for i in ss.indikator))
               for ss in dasar.sasaran]
    akhir = sasaran[-1]
    sasaran[-1] = dataclasses.replace(akhir, indikator=akhir.indikator + tuple(_sendiri(s, rng)))
    return tuple(sasaran)


SKALA = {PUSAT: (150.0, 260.0), PROVINSI: (1.4, 3.2), KABKOTA: (0.25, 1.7)}


def _anggaran(dasar: DataLaporan, s: SatkerUji, rng: random.Random) -> tuple[BarisAnggaran, ...]:
    skala = Decimal(rng.uniform(*SKALA[s.tingkat]))
    hasil = []
    for b in dasar.anggaran:
        pagu = (b.pagu * skala / 1000).quantize(Decimal(1)) * 1000
        # now and then a line spent above its pagu (a warning, not an error)
        serap = Decimal(rng.uniform(0.86, 1.0)) if rng.random() > 0.005 else Decimal("1.01")
        hasil.append(dataclasses.replace(b, pagu=pagu, realisasi=(pagu * serap).quantize(1)))
    return tuple(hasil)


def _orang(rng: random.Random) -> str:
    return f"{rng.choice(NAMA_DEPAN)} {rng.choice(NAMA_BELAKANG)}"


def _nip(rng: random.Random) -> str:
    lahir = date(rng.randrange(1966, 1990), rng.randrange(1, 13), rng.randrange(1, 29))
    return (f"{lahir:%Y%m%d}{lahir.year + rng.randrange(22, 30)}{rng.randrange(1, 13):02d}"
            f"{rng.randrange(1, 3)}{rng.randrange(1, 20):03d}")


def _identitas(dasar: Identitas, s: SatkerUji, rng: random.Random, tahun: int) -> Identitas:
    jabatan = "Sekretaris Jenderal" if s.tingkat == PUSAT else "Sekretaris"
    return dataclasses.replace(
        dasar, instansi=s.instansi, nama_singkat=s.nama_singkat, tahun=tahun,
        tempat=s.tempat, tanggal=date(tahun + 1, rng.randrange(1, 4), rng.randrange(1, 28)),
        jabatan_penandatangan=f"{jabatan} {s.instansi}", nama_penandatangan=_orang(rng),
        nip_penandatangan=_nip(rng), tanggal_pk=date(tahun, 1, rng.randrange(2, 20)),
        jabatan_atasan=f"Ketua {s.instansi}", nama_atasan=_orang(rng))


def _teks(teks: str, s: SatkerUji) -> str:
    return (teks.replace("KPU Kabupaten Maluku Tenggara", s.nama_singkat)
            .replace("Kabupaten Maluku Tenggara", s.daerah))


def data_satker(dasar: DataLaporan, s: SatkerUji, benih: int = 1,
                tahun: int = 2024) -> DataLaporan:
    """The satker's workbook content: the sample with its own names, figures and budget."""
    rng = random.Random(f"{benih}-{s.kode}")
    return dataclasses.replace(
        dasar, identitas=_identitas(dasar.identitas, s, rng, tahun),
        sasaran=_sasaran(dasar, s, rng), anggaran=_anggaran(dasar, s, rng),
        narasi={k: tuple(_teks(t, s) for t in v) for k, v in dasar.narasi.items()},
        daftar={k: tuple(_teks(t, s) for t in v) for k, v in dasar.daftar.items()})


# --- writing ---------------------------------------------------------------------------------


def _builder():
    import build_sample

    return build_sample


def _kolom(ws, judul: str) -> int:
    return next(c.column for c in ws[1] if c.value == judul)


def _rusakkan(wb, cara: str) -> None:
    """Break a workbook the way staff do by accident."""
    if cara == "target-teks":
        wb["Kinerja"].cell(row=3, column=_kolom(wb["Kinerja"], "Target"), value="tujuh puluh")
    elif cara == "realisasi-teks":
        wb["Kinerja"].cell(row=4, column=_kolom(wb["Kinerja"], "Realisasi"), value="sekitar 80")
    elif cara == "tempat-kosong":
        for row in wb["Identitas"].iter_rows(min_row=2):
            if row[0].value == "Tempat":
                row[1].value = None


def tulis(path: Path, data: DataLaporan, rusak: str | None = None) -> Path:
    """Write `data` as a workbook at `path`, broken the given way (RUSAK) if asked."""
    if rusak == "bukan-xlsx":
        path.write_text("Nomor;Satker;Capaian\n1;contoh;100\n", encoding="utf-8")
        return path
    wb = _builder().fill(data)
    for lembar in ("Kinerja", "Anggaran"):
        ws = wb[lembar]
        ws.cell(row=2, column=_kolom(ws, "Keterangan"), value=CATATAN)
    if rusak:
        _rusakkan(wb, rusak)
    wb.save(path)
    return path


def dasar() -> DataLaporan:
    """The sample workbook's content, as lkj reads it."""
    from generator.reading.validate import load

    return load(SAMPLE).data


def _satu(tugas: tuple) -> Path:
    folder, s, benih, tahun, rusak = tugas
    return tulis(Path(folder) / s.berkas, data_satker(_dasar_sekali(), s, benih, tahun), rusak)


_DASAR: list[DataLaporan] = []


def _dasar_sekali() -> DataLaporan:
    if not _DASAR:
        _DASAR.append(dasar())
    return _DASAR[0]


def rusak_di(jumlah: int, benih: int, rusak: int | None = None) -> dict[int, str]:
    """Which workbooks (by position) are broken, and how: about one in forty, never the first."""
    n = max(1, jumlah // 40) if rusak is None and jumlah >= 5 else (rusak or 0)
    posisi = random.Random(f"{benih}-rusak").sample(range(1, jumlah), min(n, jumlah - 1))
    return {p: RUSAK[k % len(RUSAK)] for k, p in enumerate(sorted(posisi))}


def buat_folder(folder: Path, jumlah: int = 553, provinsi: str | None = None, benih: int = 1,
                rusak: int | None = None, tahun: int = 2024, proses: int = 1) -> list[Path]:
    """Write the folder's workbooks; returns their paths in list order."""
    folder.mkdir(parents=True, exist_ok=True)
    satker = pilih(jumlah, provinsi)
    patah = rusak_di(len(satker), benih, rusak)
    tugas = [(str(folder), s, benih, tahun, patah.get(n)) for n, s in enumerate(satker)]
    if proses <= 1:
        return [_satu(t) for t in tugas]
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(proses) as pool:
        return pool.map(_satu, tugas, chunksize=8)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--jumlah", type=int, default=553)
    parser.add_argument("--provinsi")
    parser.add_argument("--benih", type=int, default=1)
    parser.add_argument("--rusak", type=int, help="broken workbooks (default: one in forty)")
    parser.add_argument("--tahun", type=int, default=2024)
    parser.add_argument("--proses", type=int, default=1)
    args = parser.parse_args()
    paths = buat_folder(args.folder, args.jumlah, args.provinsi, args.benih, args.rusak,
                        args.tahun, args.proses)
    print(f"{len(paths)} buku kerja ditulis ke {args.folder}")


if __name__ == "__main__":
    main()
