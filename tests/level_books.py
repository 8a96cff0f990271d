"""Workbooks of the two other KPU levels for tests: a KPU Provinsi and the Sekretariat Jenderal.

Both are written by the sample's own builder (tools/build_sample.py `fill`), so they have the
sample's format: the blank workbook of `lkj baru`, filled the way staff fill it.

KPU Provinsi Kalimantan Timur, 2020: the sasaran, indicators, targets and realisasi are those of
the LKj 2020 of Sekretariat KPU Provinsi Kalimantan Timur (executive summary, published at
https://id.scribd.com/document/623083319/Lkj-2020-Kaltim-Sekretariat), except the one indicator
marked ILLUSTRATIVE. The budget lines, staff numbers, dates and names are illustrative.

Sekretariat Jenderal KPU, 2024: the three sasaran and the first indicator of each are the KPU
Renstra 2020-2024 sasaran as cascaded into a 2020 Perjanjian Kinerja (KPU Kabupaten Ponorogo,
https://123dok.com/document/yd82eejq-komisi-pemilihan-umum-kabupaten-ponorogo.html); the third
indicator's text was cut off there and is completed here. All figures (targets, realisasi,
earlier years, budget, staff), the fourth indicator, dates and names are ILLUSTRATIVE: no
published LKj of the Sekretariat Jenderal with figures was found.

Every narrative sentence is written anew; people's names are fictional.
"""

from __future__ import annotations

import importlib.util
from datetime import date
from decimal import Decimal as D
from pathlib import Path
from typing import Any

from sample_data import RENSTRA, lalu

from generator.model import (
    NEGATIF,
    BarisAnggaran,
    DataLaporan,
    Identitas,
    Indikator,
    Pengaturan,
    Sasaran,
)

ROOT = Path(__file__).resolve().parents[1]

PROVINSI_INSTANSI = "Komisi Pemilihan Umum Provinsi Kalimantan Timur"
PROVINSI_SINGKAT = "KPU Provinsi Kalimantan Timur"
PUSAT_INSTANSI = "Komisi Pemilihan Umum"
PUSAT_SINGKAT = "KPU"

CATATAN_PROVINSI_KINERJA = (
    "Sasaran, indikator, target, dan realisasi mengikuti LKj 2020 Sekretariat KPU Provinsi "
    "Kalimantan Timur, kecuali indikator keterlambatan laporan persediaan (ilustrasi).")
CATATAN_PROVINSI_ANGGARAN = "Ilustrasi: rincian dan angka anggaran dibuat untuk pengujian."
CATATAN_PUSAT_KINERJA = (
    "Sasaran mengikuti Renstra KPU 2020-2024; semua angka dan indikator keempat adalah "
    "ilustrasi untuk pengujian.")
CATATAN_PUSAT_ANGGARAN = "Ilustrasi: rincian dan angka anggaran dibuat untuk pengujian."


# --- KPU Provinsi Kalimantan Timur, 2020 --------------------------------------------------------

P_SASARAN_1 = "Meningkatnya Pembinaan Perbendaharaan"
P_SASARAN_2 = "Terlaksananya Sistem Akuntansi dan Pelaporan Keuangan"
P_SASARAN_3 = "Tersusunnya Laporan Pertanggungjawaban Penggunaan Anggaran"
P_SASARAN_4 = "Tersusunnya Laporan Pengelolaan Dana Hibah"
P_SASARAN_5 = "Terlaksananya Pembinaan Koordinasi Tingkat Satker dalam Mengelola Logistik Pemilu"
RM = "Rupiah Murni (APBN)"


def _provinsi_sasaran() -> tuple[Sasaran, ...]:
    return (
        Sasaran(P_SASARAN_1, (
            Indikator(
                "Persentase meningkatnya kapasitas pengetahuan/pemahaman para pejabat "
                "perbendaharaan pada KPU, KPU Provinsi dan KPU Kabupaten/Kota dalam "
                "pengelolaan keuangan", "%", D(80), D(80),
                penjelasan=(
                    "Bimbingan teknis pengelolaan keuangan diikuti pejabat perbendaharaan dari "
                    "seluruh satker di Kalimantan Timur, dan hasil uji pemahaman sesudah "
                    "bimbingan mencapai target."),
                program_pendukung="Bimbingan teknis pengelolaan keuangan bagi pejabat perbendaharaan",
            ),
        )),
        Sasaran(P_SASARAN_2, (
            Indikator("Jumlah laporan sistem akuntansi dan pelaporan keuangan", "Laporan",
                      D(2), D(2),
                      penjelasan="Laporan keuangan semesteran dan tahunan disusun tepat waktu."),
        )),
        Sasaran(P_SASARAN_3, (
            Indikator(
                "Jumlah KPU Provinsi dan Kab/Kota yang menyampaikan laporan pertanggungjawaban "
                "penggunaan anggaran (e-LPPA) tepat waktu", "Laporan", D(11), D(11),
                penjelasan=(
                    "Sebelas satker, yaitu KPU Provinsi dan sepuluh KPU kabupaten/kota, "
                    "menyampaikan laporan melalui aplikasi e-LPPA sebelum batas waktu."),
            ),
        )),
        Sasaran(P_SASARAN_4, (
            Indikator(
                "Jumlah KPU Kab/Kota yang menyampaikan laporan evaluasi penggunaan dana "
                "anggaran hibah pemilihan", "Laporan", D(9), D(9),
                penjelasan=(
                    "Sembilan kabupaten/kota yang menyelenggarakan Pemilihan Serentak 2020 "
                    "melaporkan evaluasi penggunaan dana hibahnya."),
            ),
        )),
        Sasaran(P_SASARAN_5, (
            Indikator("Persentase pola pengelolaan logistik Pemilu di tingkat satker", "%",
                      D(80), D(80)),
            # ILLUSTRATIVE: not in the LKj 2020; added so that one capaian is not 100.
            Indikator(
                "Persentase satker yang terlambat menyampaikan laporan persediaan logistik "
                "Pemilu", "%", D(10), D("18.18"), polaritas=NEGATIF,
                penjelasan=(
                    "Dua dari sebelas satker terlambat menyampaikan laporan persediaan karena "
                    "pegawai pengelola barang dialihkan ke tahapan Pemilihan.\n"
                    "Jadwal pelaporan persediaan kini diingatkan setiap bulan melalui rapat "
                    "koordinasi daring."),
            ),
        )),
    )


def _provinsi_anggaran() -> tuple[BarisAnggaran, ...]:
    """ILLUSTRATIVE budget lines (the LKj's executive summary gives no budget)."""
    return (
        BarisAnggaran(RM, D(21_436_512_000), D(20_874_115_310),
                      uraian="Belanja pegawai dan operasional perkantoran"),
        BarisAnggaran(RM, D(1_285_400_000), D(1_241_882_500),
                      uraian="Pembinaan pengelolaan keuangan satker", sasaran=P_SASARAN_1),
        BarisAnggaran(RM, D(642_750_000), D(598_310_000),
                      uraian="Penyusunan laporan keuangan dan pertanggungjawaban anggaran",
                      sasaran=P_SASARAN_3),
        BarisAnggaran(RM, D(1_910_000_000), D(1_736_540_000),
                      uraian="Fasilitasi pengelolaan logistik Pemilu", sasaran=P_SASARAN_5),
    )


def provinsi_data() -> DataLaporan:
    """The provincial workbook's content."""
    return DataLaporan(
        identitas=Identitas(
            instansi=PROVINSI_INSTANSI,
            nama_singkat=PROVINSI_SINGKAT,
            tahun=2020,
            periode_renstra="2020-2024",
            tempat="Samarinda",
            tanggal=date(2021, 2, 26),
            jabatan_penandatangan=f"Sekretaris {PROVINSI_INSTANSI}",
            nama_penandatangan="Yusran Hakim",
            nip_penandatangan="197203151998031004",
            tanggal_pk=date(2020, 1, 13),
            jabatan_atasan=f"Ketua {PROVINSI_INSTANSI}",
            nama_atasan="Ratna Kusumawardani",
        ),
        sasaran=_provinsi_sasaran(),
        anggaran=_provinsi_anggaran(),
        renstra={**{k: v for k, v in RENSTRA.items() if k != "IKU"}, "IKU": (
            "Persentase satker yang menyampaikan laporan keuangan tepat waktu",
            "Persentase satker yang mengelola logistik Pemilu sesuai pola yang ditetapkan",
        )},
        sdm=(("S2", 5), ("S1", 23), ("D3", 4), ("SMA", 11)),
        narasi={
            "Kata Pengantar": (
                "Laporan Kinerja Sekretariat KPU Provinsi Kalimantan Timur Tahun 2020 ini "
                "menyajikan hasil kerja satu tahun anggaran sebagai pertanggungjawaban kepada "
                "publik sesuai dengan Peraturan Presiden Nomor 29 Tahun 2014.",
            ),
            "Ikhtisar Eksekutif": (
                "Tahun 2020 adalah tahun pertama Rencana Strategis 2020-2024 sekaligus tahun "
                "Pemilihan Serentak di sembilan kabupaten/kota di Kalimantan Timur, yang "
                "berlangsung di tengah pandemi.",
            ),
            "Latar Belakang": (
                "Sekretariat KPU Provinsi Kalimantan Timur mendukung KPU Provinsi Kalimantan "
                "Timur dalam administrasi, keuangan, logistik, dan kepegawaian, serta membina "
                "pengelolaan keuangan dan logistik sepuluh KPU kabupaten/kota di wilayahnya.",
                "Kegiatannya dibiayai dari APBN melalui Bagian Anggaran 076.",
            ),
            "Permasalahan Utama": (
                "Pembatasan tatap muka selama pandemi memindahkan sebagian besar bimbingan "
                "teknis ke ruang daring, sementara jaringan internet di beberapa kabupaten "
                "belum stabil.",
            ),
            "Penutup": (
                "Hasil evaluasi laporan ini menjadi bahan perbaikan pembinaan keuangan dan "
                "logistik bagi satker di Kalimantan Timur pada tahun 2021.",
            ),
        },
        daftar={
            "Capaian Penting": (
                "Bimbingan teknis pengelolaan keuangan bagi seluruh satker",
                "Supervisi penggunaan dana hibah Pemilihan Serentak 2020",
            ),
            "Kendala": ("Jaringan internet belum merata di kabupaten pedalaman",),
            "Langkah Perbaikan": ("Pendampingan daring terjadwal bagi pengelola keuangan",),
        },
        pengaturan=Pengaturan(),
    )


# --- Sekretariat Jenderal KPU, 2024 -------------------------------------------------------------

N_SASARAN_1 = "Terwujudnya Data Pemilih yang Terkini"
N_SASARAN_2 = "Terwujudnya Tahapan Pemilu/Pemilihan sesuai Jadwal"
N_SASARAN_3 = "Terwujudnya Dukungan Logistik dalam Penyelenggaraan Pemilu/Pemilihan"


def _pusat_sasaran() -> tuple[Sasaran, ...]:
    """Sasaran from the KPU Renstra; every figure ILLUSTRATIVE."""
    return (
        Sasaran(N_SASARAN_1, (
            Indikator(
                "Persentase KPU Provinsi/Kabupaten/Kota yang memutakhirkan data pemilih tepat "
                "waktu", "%", D(100), D(100), realisasi_lalu=lalu("97.5", "99.1"),
                target_renstra=D(100),
                penjelasan=(
                    "Rekapitulasi daftar pemilih tetap dari seluruh provinsi diterima sesuai "
                    "jadwal tahapan."),
                program_pendukung="Pengembangan sistem informasi data pemilih",
            ),
        )),
        Sasaran(N_SASARAN_2, (
            Indikator(
                "Persentase KPU, KPU Provinsi, dan KPU Kabupaten/Kota yang menyelenggarakan "
                "Pemilu/Pemilihan sesuai dengan jadwal", "%", D(100), D("98.6"),
                realisasi_lalu=lalu("100", "100"), target_renstra=D(100),
                penjelasan=(
                    "Pemungutan suara susulan dan lanjutan di sebagian daerah menggeser jadwal "
                    "beberapa satker; seluruhnya selesai sebelum penetapan hasil nasional."),
            ),
        )),
        Sasaran(N_SASARAN_3, (
            Indikator(
                "Persentase satker yang mendistribusikan logistik Pemilu/Pemilihan tepat waktu",
                "%", D(100), D("99.2"), realisasi_lalu=lalu("96", "98"), target_renstra=D(100),
                program_pendukung=(
                    "1. Pengadaan perlengkapan pemungutan suara\n"
                    "2. Pemantauan distribusi logistik berbasis aplikasi"),
            ),
            Indikator(
                "Persentase TPS yang kekurangan logistik pada hari pemungutan suara", "%",
                D(1), D("0.6"), polaritas=NEGATIF, standar_nasional=D(1),
                penjelasan="Kekurangan surat suara di sebagian kecil TPS dipenuhi dari cadangan.",
            ),
        )),
    )


def _pusat_anggaran() -> tuple[BarisAnggaran, ...]:
    """ILLUSTRATIVE budget lines of the Setjen satker."""
    return (
        BarisAnggaran(RM, D(2_148_905_400_000), D(2_061_337_912_500),
                      uraian="Dukungan manajemen dan operasional Sekretariat Jenderal"),
        BarisAnggaran(RM, D(1_275_000_000_000), D(1_248_610_250_000),
                      uraian="Pemutakhiran data pemilih dan sistem informasi",
                      sasaran=N_SASARAN_1),
        BarisAnggaran(RM, D(6_930_450_000_000), D(6_801_004_775_000),
                      uraian="Penyelenggaraan tahapan Pemilu dan fasilitasi Pemilihan",
                      sasaran=N_SASARAN_2),
        BarisAnggaran(RM, D(4_410_120_000_000), D(4_356_997_310_000),
                      uraian="Pengadaan dan distribusi logistik Pemilu", sasaran=N_SASARAN_3),
    )


def pusat_data() -> DataLaporan:
    """The national workbook's content."""
    return DataLaporan(
        identitas=Identitas(
            instansi=PUSAT_INSTANSI,
            nama_singkat=PUSAT_SINGKAT,
            tahun=2024,
            periode_renstra="2020-2024",
            tempat="Jakarta",
            tanggal=date(2025, 2, 24),
            jabatan_penandatangan=f"Sekretaris Jenderal {PUSAT_INSTANSI}",
            nama_penandatangan="Hendra Wiratmaja",
            tanggal_pk=date(2024, 1, 5),
            jabatan_atasan=f"Ketua {PUSAT_INSTANSI}",
            nama_atasan="Larasati Purnamasari",
            alamat="Jalan Imam Bonjol Nomor 29, Menteng, Jakarta Pusat",
        ),
        sasaran=_pusat_sasaran(),
        anggaran=_pusat_anggaran(),
        renstra=dict(RENSTRA),
        sdm=(("S3", 14), ("S2", 236), ("S1", 702), ("D3", 88), ("SMA", 251)),
        narasi={
            "Kata Pengantar": (
                "Laporan Kinerja Sekretariat Jenderal KPU Tahun 2024 mempertanggungjawabkan "
                "dukungan kesekretariatan kepada Komisi Pemilihan Umum pada tahun Pemilu dan "
                "Pemilihan serentak nasional.",
            ),
            "Ikhtisar Eksekutif": (
                "Pada tahun 2024 Sekretariat Jenderal KPU mendukung pemungutan suara Pemilu pada "
                "bulan Februari dan Pemilihan serentak pada bulan November di seluruh "
                "Indonesia dan di luar negeri.",
            ),
            "Latar Belakang": (
                "Sekretariat Jenderal KPU adalah unsur pendukung Komisi Pemilihan Umum di "
                "tingkat pusat; ia mengelola program, anggaran, logistik, hukum, dan "
                "kepegawaian, serta membina sekretariat pada setiap tingkatan KPU.",
            ),
            "Permasalahan Utama": (
                "Dua pemungutan suara nasional dalam satu tahun menuntut pengadaan dan "
                "distribusi logistik dalam waktu yang berimpit.",
            ),
            "Penutup": (
                "Pelajaran dari penyelenggaraan tahun 2024 menjadi masukan bagi Rencana "
                "Strategis periode berikutnya.",
            ),
        },
        daftar={
            "Tahapan Pemilu": ("Pemungutan dan penghitungan suara", "Rekapitulasi nasional"),
            "Kendala": ("Waktu pengadaan logistik dua pemungutan suara yang berimpit",),
            "Langkah Perbaikan": ("Perencanaan kebutuhan logistik lintas tahun",),
        },
        pengaturan=Pengaturan(rumus_negatif="2T-R"),
    )


# --- Writing ------------------------------------------------------------------------------------


def _builder() -> Any:
    spec = importlib.util.spec_from_file_location("build_sample", ROOT / "tools" / "build_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _note(sheet: Any, text: str) -> None:
    """Replace the sample's note (which speaks of the reference report) with this book's own."""
    for cell in sheet[1]:
        if cell.value == "Keterangan":
            sheet.cell(row=2, column=cell.column, value=text)


def _write(data: DataLaporan, path: Path, kinerja: str, anggaran: str) -> Path:
    wb = _builder().fill(data)
    _note(wb["Kinerja"], kinerja)
    _note(wb["Anggaran"], anggaran)
    wb.save(path)
    return path


def provinsi_book(folder: Path) -> Path:
    """Write the KPU Provinsi Kalimantan Timur workbook (2020) into `folder`."""
    return _write(provinsi_data(), Path(folder) / "lkj-kpu-provinsi-kalimantan-timur.xlsx",
                  CATATAN_PROVINSI_KINERJA, CATATAN_PROVINSI_ANGGARAN)


def pusat_book(folder: Path) -> Path:
    """Write the Sekretariat Jenderal KPU workbook (2024) into `folder`."""
    return _write(pusat_data(), Path(folder) / "lkj-sekretariat-jenderal-kpu.xlsx",
                  CATATAN_PUSAT_KINERJA, CATATAN_PUSAT_ANGGARAN)
