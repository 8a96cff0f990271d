"""The workbook contract as data: sheets, headers, key/value items and allowed values."""

from __future__ import annotations

from dataclasses import dataclass

import re

from generator.format import romawi
from generator.model import ANGKA_TRIWULAN, KERTAS, NEGATIF, POSITIF, RUMUS_NEGATIF, TINGKAT, TRIWULAN


@dataclass(frozen=True)
class Kolom:
    """A column found by its header text; `wajib` columns must be present."""

    header: str
    wajib: bool = False
    petunjuk: str = ""


@dataclass(frozen=True)
class Lembar:
    """A sheet found by name; `wajib` sheets must be present."""

    nama: str
    kolom: tuple[Kolom, ...]
    wajib: bool = False
    petunjuk: str = ""

    @property
    def headers_wajib(self) -> tuple[str, ...]:
        return tuple(k.header for k in self.kolom if k.wajib)


@dataclass(frozen=True)
class Isian:
    """One item of a key/value sheet (Identitas, Pengaturan)."""

    nama: str
    wajib: bool = False
    jenis: str = "teks"  # teks, angka, tanggal, tahun, pilihan
    pilihan: tuple[str, ...] = ()
    petunjuk: str = ""


def kolom_triwulan(jenis: str, ke: int) -> str:
    """The header of quarter `ke` (1..4): `Target TW II`, `Realisasi TW IV`."""
    return f"{jenis} TW {romawi(ke)}"


# Also read: `Target Triwulan II`, `Realisasi TW 2`, `target tw.ii` (headers are lower-cased).
KOLOM_TRIWULAN = re.compile(r"^(target|realisasi)\s+(?:tw|triwulan)\s*\.?\s*(iv|i{1,3}|[1-4])$")


def _triwulan(jenis: str, petunjuk: str) -> tuple[Kolom, ...]:
    return tuple(Kolom(kolom_triwulan(jenis, n), False, petunjuk if n == 1 else "") for n in TRIWULAN)


IDENTITAS = Lembar(
    "Identitas",
    (Kolom("Isian", True), Kolom("Nilai", True)),
    wajib=True,
    petunjuk="Identitas satker dan penandatangan laporan, satu isian per baris.",
)
PENGATURAN = Lembar(
    "Pengaturan",
    (Kolom("Isian", True), Kolom("Nilai", True)),
    petunjuk="Pengaturan perhitungan dan tampilan; kosongkan untuk memakai nilai bawaan.",
)
KINERJA = Lembar(
    "Kinerja",
    (
        Kolom("Sasaran Strategis", True, "Kosong = sasaran yang sama dengan baris di atasnya"),
        Kolom("Indikator Kinerja", True),
        Kolom("Satuan", True, "%, Laporan, Dokumen, Kali, ..."),
        Kolom("Polaritas", False, "Positif (semakin tinggi semakin baik) atau Negatif"),
        Kolom("Target", True),
        Kolom("Realisasi", True, "Realisasi tahunan; boleh kosong selama tahun berjalan "
              "(Perjanjian Kinerja, Rencana Aksi), wajib untuk Laporan Kinerja"),
        Kolom("Target Renstra", False, "Target akhir periode Renstra"),
        Kolom("Standar Nasional", False),
        Kolom("Penjelasan", False, "Analisis penyebab keberhasilan/kegagalan dan solusinya"),
        Kolom("Program Pendukung", False),
        Kolom("Target Awal", False, "Hanya bila target diubah dengan Perjanjian Kinerja "
              "Perubahan: target pada Perjanjian Kinerja awal (kolom Target berisi target baru)"),
        Kolom("Angka Triwulan", False, "Kumulatif (angka triwulan = posisi s.d. triwulan itu; "
              "TW IV = target tahunan) atau Per Triwulan (angka triwulan itu saja; jumlah TW I-IV "
              "= target tahunan). Kosong: Kumulatif untuk satuan %, Per Triwulan untuk satuan lain"),
        *_triwulan("Target", "Target triwulan untuk Rencana Aksi; isi keempatnya"),
        *_triwulan("Realisasi", "Realisasi triwulan, diisi setiap akhir triwulan"),
        Kolom("Rencana Aksi", False, "Kegiatan untuk mencapai target; Alt+Enter = kegiatan berikutnya"),
    ),
    wajib=True,
    petunjuk="Satu baris per indikator kinerja. Kolom tambahan 'Realisasi 2023' dst. untuk tahun lalu. "
             "Kolom triwulan (Target TW I sampai Realisasi TW IV) tidak wajib untuk Laporan Kinerja.",
)
ANGGARAN = Lembar(
    "Anggaran",
    (
        Kolom("Sumber Dana", True, "Mis. Rupiah Murni (APBN), Hibah Pemilihan (APBD)"),
        Kolom("Uraian", False, "Program/kegiatan, bila dirinci"),
        Kolom("Pagu", True, "Rupiah"),
        Kolom("Realisasi", True, "Rupiah; boleh kosong selama tahun berjalan, wajib untuk "
              "Laporan Kinerja"),
        Kolom("Sasaran Strategis", False, "Sasaran yang didukung baris anggaran ini"),
        Kolom("Program", False, "Program DIPA baris ini, untuk tabel Program dan Anggaran "
              "Perjanjian Kinerja"),
        Kolom("Pagu Awal", False, "Hanya bila pagu diubah sesudah Perjanjian Kinerja awal: pagu "
              "semula (kolom Pagu berisi pagu baru)"),
        *_triwulan("Realisasi", "Rupiah yang dibelanjakan dalam triwulan itu saja (bukan "
                   "kumulatif), bila dicatat"),
    ),
    wajib=True,
    petunjuk="Satu baris per pos anggaran.",
)
RENSTRA = Lembar(
    "Renstra",
    (Kolom("Jenis", True, "Visi, Misi, Tujuan atau IKU"), Kolom("Uraian", True)),
    petunjuk="Visi, misi, tujuan dan IKU dari Rencana Strategis, satu butir per baris, berurutan.",
)
SDM = Lembar(
    "SDM",
    (Kolom("Pendidikan", True, "S2, S1, D3, SMA, SMP, ..."), Kolom("Jumlah", True)),
    petunjuk="Jumlah pegawai menurut jenjang pendidikan.",
)
NARASI = Lembar(
    "Narasi",
    (Kolom("Bagian", True), Kolom("Teks", True, "Baris baru (Alt+Enter) = paragraf baru")),
    petunjuk="Teks uraian laporan. Bagian yang tidak diisi tampil sebagai penanda kuning di laporan.",
)
DAFTAR = Lembar(
    "Daftar",
    (Kolom("Kelompok", True), Kolom("Uraian", True)),
    petunjuk="Butir daftar bernomor; nomor dibuat otomatis, jangan diketik.",
)

LEMBAR = (IDENTITAS, KINERJA, ANGGARAN, RENSTRA, SDM, NARASI, DAFTAR, PENGATURAN)

ISIAN_IDENTITAS = (
    Isian("Instansi", True, petunjuk="Komisi Pemilihan Umum Kabupaten ..."),
    Isian("Nama Singkat", True, petunjuk="KPU Kabupaten ..."),
    Isian("Tahun", True, "tahun", petunjuk="Tahun yang dilaporkan"),
    Isian("Periode Renstra", True, petunjuk="Mis. 2020-2024"),
    Isian("Tempat", True, petunjuk="Kota tempat laporan ditandatangani"),
    Isian("Tanggal", jenis="tanggal", petunjuk="Tanggal penandatanganan Laporan Kinerja; harus "
          "diisi sebelum membuat Laporan Kinerja (lkj buat)"),
    Isian("Jabatan Penandatangan", True),
    Isian("Nama Penandatangan", True),
    Isian("NIP Penandatangan", petunjuk="18 digit, bila ada"),
    Isian("Tanggal Perjanjian Kinerja", jenis="tanggal"),
    Isian("Tanggal Perjanjian Kinerja Perubahan", jenis="tanggal",
          petunjuk="Hanya bila target atau pagu diubah di tengah tahun; Target dan Pagu di "
                   "lembar Kinerja dan Anggaran lalu berisi angka yang baru"),
    Isian("Jabatan Atasan", petunjuk="Pihak Kedua Perjanjian Kinerja (Ketua)"),
    Isian("Nama Atasan"),
    Isian("Alamat", petunjuk="Alamat kantor, untuk sampul"),
    Isian("Logo", petunjuk="Berkas gambar, relatif terhadap letak buku kerja"),
    Isian("Tingkat", jenis="pilihan", pilihan=TINGKAT,
          petunjuk="Pusat (Sekretariat Jenderal KPU), Provinsi, atau Kabupaten/Kota; "
                   "kosong = ditentukan dari Instansi"),
)

SKALA_BAWAAN = ">= 91 Sangat Baik; 76-90 Baik; 66-75 Cukup; 51-65 Kurang; <= 50 Sangat Kurang"

ISIAN_PENGATURAN = (
    Isian("Rumus Negatif", jenis="pilihan", pilihan=RUMUS_NEGATIF,
          petunjuk="Rumus capaian indikator negatif (semakin kecil semakin baik)"),
    Isian("Batas Capaian", jenis="angka", petunjuk="Kosong = tanpa batas; mis. 100, 110, 120"),
    Isian("Desimal", jenis="angka", petunjuk="Jumlah angka desimal capaian (0-4)"),
    Isian("Ukuran Kertas", jenis="pilihan", pilihan=KERTAS),
    Isian("Skala Kategori", petunjuk=f"Bawaan: {SKALA_BAWAAN}"),
)

POLARITAS = (POSITIF, NEGATIF)
ANGKA = ANGKA_TRIWULAN

# The Bagian of sheet Narasi; the report's parts look their text up by these names.
KATA_PENGANTAR, IKHTISAR, LATAR_BELAKANG = "Kata Pengantar", "Ikhtisar Eksekutif", "Latar Belakang"
STRUKTUR, PERMASALAHAN, PENUTUP = "Struktur Organisasi", "Permasalahan Utama", "Penutup"
BAGIAN_NARASI = (KATA_PENGANTAR, IKHTISAR, LATAR_BELAKANG, STRUKTUR, PERMASALAHAN, PENUTUP)

KELOMPOK_DAFTAR = (
    "Capaian Penting",
    "Tahapan Pemilu",
    "Tahapan Pemilihan",
    "Kegiatan",
    "Kendala",
    "Langkah Perbaikan",
)

JENIS_RENSTRA = ("Visi", "Misi", "Tujuan", "IKU")
