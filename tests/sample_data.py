"""The reference year (LKj 2024, KPU Kabupaten Maluku Tenggara) as a DataLaporan for tests.

Facts and figures follow the reference report; every narrative sentence is written anew.
The reference's slips are not reproduced (the RM pagu is 20.350.023.000, one signing date).
The reference gives only the total budget realisation (99,74%); the split of realisasi
between the two funding sources below is illustrative, chosen so that the total is
Rp59.992.385.000, which is 99,74% of the pagu of Rp60.148.772.000.

ILLUSTRATIVE, not in the reference (which does only part 1 of the Bab III analysis): the
realisasi of 2022 and 2023, the Target Renstra, the Standar Nasional, the Program Pendukung,
and the split of each funding source into budget lines with Uraian and Sasaran Strategis
(source totals 20.350.023.000 and 39.798.749.000 kept). They exist so that the sample shows
every part of the Bab III analysis; the sample workbook mirrors them.

ILLUSTRATIVE as well (the reference has no Rencana Aksi or quarterly report): the quarterly
targets and realisasi of each indicator (all percentages, so Kumulatif: each quarter's figure
is the position to date and TW IV is the year's), the Rencana Aksi activities, the Program of
each budget line, and what each line spent per quarter (the four add up to its realisasi:
the RM lines spend early for the Pemilu of February, the hibah lines late for the Pemilihan of
November).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from generator.model import (
    KUMULATIF,
    NEGATIF,
    BarisAnggaran,
    DataLaporan,
    Identitas,
    Indikator,
    Pengaturan,
    Sasaran,
    Triwulan,
)

INSTANSI = "Komisi Pemilihan Umum Kabupaten Maluku Tenggara"
NAMA_SINGKAT = "KPU Kabupaten Maluku Tenggara"


def identitas() -> Identitas:
    return Identitas(
        instansi=INSTANSI,
        nama_singkat=NAMA_SINGKAT,
        tahun=2024,
        periode_renstra="2020-2024",
        tempat="Langgur",
        tanggal=date(2025, 3, 13),
        jabatan_penandatangan=f"Sekretaris {INSTANSI}",
        nama_penandatangan="Johozua Putnarubun",
        tanggal_pk=date(2024, 1, 8),
        jabatan_atasan=f"Ketua {INSTANSI}",
    )


SASARAN_1 = "Meningkatnya penyelenggaraan pemilihan umum yang demokratis"
SASARAN_2 = "Terlaksananya pemilihan umum yang aman, jujur dan adil"


def lalu(r2022: str, r2023: str) -> tuple[tuple[int, D], ...]:
    """Realisasi of the two earlier years (illustrative)."""
    return ((2022, D(r2022)), (2023, D(r2023)))


def tw(target: str, realisasi: str) -> Triwulan:
    """Quarterly positions TW I..IV (Kumulatif), written "a b c d" (illustrative)."""
    def empat(teks: str):
        a, b, c, d = (D(v) for v in teks.split())
        return (a, b, c, d)

    return Triwulan(empat(target), empat(realisasi), KUMULATIF)


def sasaran() -> tuple[Sasaran, ...]:
    return (
        Sasaran(
            SASARAN_1,
            (
                Indikator(
                    "Persentase KPU Kabupaten yang menyelenggarakan Pemilu/Pemilihan sesuai "
                    "jadwal dan ketentuan yang berlaku",
                    "%", D(100), D(100),
                    realisasi_lalu=lalu("100", "100"), target_renstra=D(100),
                    triwulan=tw("100 100 100 100", "100 100 100 100"),
                    rencana_aksi=("Menyusun jadwal internal tahapan Pemilu dan Pemilihan",
                                  "Memantau pelaksanaan tahapan setiap bulan"),
                    program_pendukung=(
                        "1. Penyelenggaraan tahapan Pemilu dan Pemilihan\n"
                        "2. Pembentukan dan pembinaan badan ad hoc"
                    ),
                    penjelasan=(
                        "Seluruh tahapan Pemilu dan Pemilihan yang menjadi tanggung jawab "
                        "kabupaten selesai pada waktunya menurut jadwal yang ditetapkan KPU, "
                        "mulai dari pembentukan badan ad hoc sampai rekapitulasi hasil "
                        "penghitungan suara."
                    ),
                ),
                Indikator(
                    "Persentase peningkatan pelayanan terhadap partai politik calon peserta Pemilu",
                    "%", D(100), D(100),
                    realisasi_lalu=lalu("90", "95"),
                    triwulan=tw("100 100 100 100", "100 100 100 100"),
                    rencana_aksi=("Membuka meja bantuan pencalonan bagi partai politik",),
                    program_pendukung="- Penyelenggaraan tahapan Pemilu dan Pemilihan",
                    penjelasan=(
                        "Layanan bagi partai politik dibuka melalui meja bantuan selama masa "
                        "pencalonan, sehingga setiap permintaan data dan konsultasi dari partai "
                        "politik terlayani."
                    ),
                ),
                Indikator(
                    "Persentase peningkatan pelayanan terhadap pemilih",
                    "%", D(75), D("77.29"),
                    realisasi_lalu=lalu("68.5", "72.4"), target_renstra=D(80),
                    triwulan=tw("60 65 70 75", "62 68 73 77.29"),
                    rencana_aksi=("Membuka layanan pindah memilih",
                                  "Melatih petugas pemutakhiran data pemilih",
                                  "Menyosialisasikan hari pemungutan suara"),
                    standar_nasional=D(76),
                    program_pendukung=(
                        "Pemutakhiran data pemilih berkelanjutan\n"
                        "Sosialisasi dan pendidikan pemilih"
                    ),
                    penjelasan=(
                        "Realisasi melampaui target berkat layanan pindah memilih, pemutakhiran "
                        "daftar pemilih yang diikuti pencocokan dan penelitian berbasis web, "
                        "serta bimbingan teknis bagi petugas KPPS.\n"
                        "Ke depan, sosialisasi kepada pemilih pemula dan pemilih di pulau-pulau "
                        "kecil akan diperluas."
                    ),
                ),
            ),
        ),
        Sasaran(
            SASARAN_2,
            (
                Indikator(
                    "Persentase KPU, KPU Provinsi dan KPU Kabupaten/Kota yang melaksanakan "
                    "pemilu tanpa konflik",
                    "%", D(95), D(95),
                    realisasi_lalu=lalu("92", "93"), target_renstra=D(100),
                    triwulan=tw("95 95 95 95", "95 95 95 95"),
                    rencana_aksi=("Berkoordinasi dengan kepolisian dan pemerintah daerah",),
                    program_pendukung="Fasilitasi pengamanan tahapan bersama pemerintah daerah",
                    penjelasan=(
                        "Tahapan berjalan tertib dan tidak ada sengketa yang berujung pada "
                        "gugatan di pengadilan; perlakuan yang sama kepada semua peserta "
                        "menjaga suasana tetap kondusif."
                    ),
                ),
                Indikator(
                    "Persentase penyelenggara Pemilu yang terbukti melakukan pelanggaran",
                    "%", D(3), D("0.4"), polaritas=NEGATIF,
                    realisasi_lalu=lalu("1.2", "0.8"), target_renstra=D(2),
                    triwulan=tw("3 3 3 3", "0 0.3 0.4 0.4"),
                    rencana_aksi=("Membina kode etik badan ad hoc sebelum pemungutan suara",),
                    program_pendukung="Pembinaan kode etik penyelenggara Pemilu",
                    penjelasan=(
                        "Temuan pengawas pada hari pemungutan suara bersifat administratif dan "
                        "tidak mengubah hasil; petugas yang bersangkutan dibina melalui "
                        "bimbingan teknis ulang."
                    ),
                ),
            ),
        ),
    )


RM = "Rupiah Murni (APBN)"
HIBAH = "Hibah Pemilihan (APBD)"


DUKUNGAN = "Program Dukungan Manajemen"
PEMILU = "Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi"
PEMILIHAN = "Hibah Pemilihan Serentak Tahun 2024"


def per_triwulan(realisasi: int, *bagian: int) -> tuple[D, D, D, D]:
    """What a line spent per quarter: the first three in percent of its realisasi (rounded to
    thousands), the fourth the rest, so the four add up to the year's (illustrative)."""
    a, b, c = (D(realisasi * p // 100_000 * 1000) for p in bagian)
    return (a, b, c, D(realisasi) - a - b - c)


def _baris(sumber: str, pagu: int, realisasi: int, bagian: tuple[int, int, int], **kw) -> BarisAnggaran:
    return BarisAnggaran(sumber, D(pagu), D(realisasi),
                         realisasi_triwulan=per_triwulan(realisasi, *bagian), **kw)


def anggaran() -> tuple[BarisAnggaran, ...]:
    """Budget lines (illustrative split); RM 20.350.023.000 / 20.301.510.000, Hibah
    39.798.749.000 / 39.690.875.000; one RM line serves no single sasaran."""
    return (
        _baris(RM, 12_850_023_000, 12_831_260_000, (26, 25, 24),
               uraian="Belanja pegawai dan operasional perkantoran", program=DUKUNGAN),
        _baris(RM, 4_200_000_000, 4_187_450_000, (45, 20, 15),
               uraian="Pemutakhiran data pemilih dan layanan peserta Pemilu",
               sasaran=SASARAN_1, program=PEMILU),
        _baris(RM, 3_300_000_000, 3_282_800_000, (40, 20, 20),
               uraian="Pengawasan internal dan pembinaan penyelenggara", sasaran=SASARAN_2,
               program=PEMILU),
        _baris(HIBAH, 21_500_000_000, 21_452_300_000, (10, 30, 30),
               uraian="Pembentukan dan honorarium badan ad hoc Pemilihan", sasaran=SASARAN_1,
               program=PEMILIHAN),
        _baris(HIBAH, 12_298_749_000, 12_251_075_000, (0, 10, 40),
               uraian="Pengadaan dan distribusi logistik Pemilihan", sasaran=SASARAN_1,
               program=PEMILIHAN),
        _baris(HIBAH, 6_000_000_000, 5_987_500_000, (0, 10, 50),
               uraian="Fasilitasi kampanye dan pengamanan Pemilihan", sasaran=SASARAN_2,
               program=PEMILIHAN),
    )


RENSTRA = {
    "Visi": (
        "Menjadi penyelenggara Pemilu yang mandiri, profesional, dan berintegritas untuk "
        "terwujudnya Pemilu yang berkualitas",
    ),
    "Misi": (
        "Membangun sumber daya manusia yang kompeten demi penyelenggara Pemilu yang profesional",
        "Menyusun regulasi Pemilu yang memberi kepastian hukum, progresif, dan partisipatif",
        "Meningkatkan kualitas layanan Pemilu bagi peserta, pemilih, dan masyarakat luas",
        "Meningkatkan partisipasi dan kualitas pemilih melalui pemutakhiran data dan "
        "pendidikan pemilih berkelanjutan",
        "Memperkuat kedudukan kelembagaan dalam ketatanegaraan",
        "Meningkatkan integritas penyelenggara melalui pemahaman kode etik",
        "Mewujudkan penyelenggaraan Pemilu yang efektif, efisien, transparan, akuntabel, dan "
        "aksesibel",
    ),
    "Tujuan": (
        "Terwujudnya lembaga KPU yang berintegritas, kompeten, kredibel, dan andal",
        "Terselenggaranya Pemilu sesuai dengan peraturan perundang-undangan",
        "Meningkatnya partisipasi politik masyarakat dalam kehidupan demokrasi",
        "Terselenggaranya Pemilu yang efektif, efisien, transparan, akuntabel, dan aksesibel",
    ),
    "IKU": (
        "Persentase tahapan Pemilu yang terlaksana sesuai jadwal dan ketentuan",
        "Persentase partisipasi pemilih dalam Pemilu",
        "Persentase pemilih terdaftar yang menggunakan hak pilihnya",
        "Persentase Pemilu tanpa konflik",
    ),
}

NARASI = {
    "Kata Pengantar": (
        "Puji syukur kami panjatkan kepada Tuhan Yang Maha Esa karena Laporan Kinerja "
        "Sekretariat KPU Kabupaten Maluku Tenggara Tahun 2024 dapat diselesaikan. Laporan ini "
        "disusun untuk memenuhi Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem "
        "Akuntabilitas Kinerja Instansi Pemerintah.",
        "Laporan ini mempertanggungjawabkan pelaksanaan tugas dan fungsi Sekretariat selama "
        "satu tahun dengan membandingkan realisasi terhadap target dalam Perjanjian Kinerja "
        "Tahun 2024, sekaligus menjadi bahan perbaikan kinerja pada tahun-tahun berikutnya.",
    ),
    "Ikhtisar Eksekutif": (
        "Tahun 2024 adalah tahun Pemilu dan Pemilihan serentak. Sekretariat KPU Kabupaten "
        "Maluku Tenggara mendukung seluruh tahapan Pemilu anggota DPR, DPD, dan DPRD serta "
        "Presiden dan Wakil Presiden, dan tahapan Pemilihan Gubernur dan Bupati, dengan jumlah "
        "pegawai yang terbatas.",
    ),
    "Latar Belakang": (
        "KPU adalah lembaga penyelenggara Pemilu yang bersifat nasional, tetap, dan mandiri; "
        "dalam menjalankan tugasnya KPU Kabupaten Maluku Tenggara didukung oleh sekretariat.",
        "Kegiatan sekretariat dibiayai dari APBN melalui Bagian Anggaran 076 dan, untuk "
        "Pemilihan 2024, dari hibah Pemerintah Kabupaten Maluku Tenggara. Sebagai pengguna "
        "anggaran negara, sekretariat wajib melaporkan kinerjanya secara terbuka dan akuntabel "
        "sesuai dengan Peraturan Presiden Nomor 29 Tahun 2014.",
    ),
    "Permasalahan Utama": (
        "Jumlah pegawai yang memenuhi kualifikasi pejabat pengadaan dan pengelola keuangan "
        "masih kurang, dan gedung kantor yang digunakan masih berstatus pinjam pakai dari "
        "Pemerintah Kabupaten Maluku Tenggara.",
    ),
    "Penutup": (
        "Capaian tahun ini diperoleh berkat dukungan anggaran dan kerja seluruh jajaran "
        "sekretariat. Evaluasi atas laporan ini akan menjadi dasar perbaikan tata kelola "
        "administrasi dan dukungan tahapan pada tahun 2025.",
    ),
}

DAFTAR = {
    "Capaian Penting": (
        "Pemutakhiran daftar pemilih Pemilihan Gubernur dan Bupati Tahun 2024",
        "Pembentukan badan ad hoc Pemilu dan Pemilihan Tahun 2024",
        "Pengelolaan dan pendistribusian logistik Pemilu dan Pemilihan Tahun 2024",
        "Penyusunan keputusan dan berita acara rapat pleno KPU Kabupaten",
        "Penyusunan jadwal kampanye dan verifikasi rekening dana kampanye",
        "Pembayaran honorarium badan ad hoc tepat waktu",
        "Rekapitulasi hasil penghitungan suara Pemilu dan Pemilihan Tahun 2024",
    ),
    "Tahapan Pemilu": (
        "Pembentukan KPPS",
        "Layanan pindah memilih",
        "Kampanye",
        "Distribusi logistik Pemilu",
        "Pemungutan, penghitungan, dan rekapitulasi suara",
    ),
    "Tahapan Pemilihan": (
        "Pembentukan badan ad hoc",
        "Pemutakhiran data pemilih",
        "Pencalonan",
        "Kampanye",
        "Distribusi logistik",
        "Rekapitulasi hasil penghitungan suara",
    ),
    "Kegiatan": (
        "Penyusunan produk hukum",
        "Bimbingan teknis pemutakhiran data pemilih dan coklit berbasis web",
        "Bimbingan teknis laporan awal dana kampanye bagi penghubung pasangan calon",
        "Bimbingan teknis aplikasi Sirekap",
        "Bimbingan teknis pemungutan dan penghitungan suara bagi KPPS",
        "Pengelolaan logistik Pemilu",
    ),
    "Kendala": (
        "Jumlah pegawai negeri sipil belum sesuai dengan kebutuhan organisasi",
        "Sarana dan prasarana penunjang kegiatan kesekretariatan masih terbatas",
    ),
    "Langkah Perbaikan": (
        "Meningkatkan kompetensi pegawai melalui pelatihan teknis dan bimbingan teknis",
        "Menegakkan disiplin pegawai agar target kinerja tahun berikutnya tercapai",
    ),
}

SDM = (("S1", 6), ("D3", 2), ("SMA", 6), ("SMP", 1))


def contoh_data() -> DataLaporan:
    """The reference year's workbook content (narrative written anew)."""
    return DataLaporan(
        identitas=identitas(),
        sasaran=sasaran(),
        anggaran=anggaran(),
        renstra=dict(RENSTRA),
        sdm=SDM,
        narasi=dict(NARASI),
        daftar=dict(DAFTAR),
        pengaturan=Pengaturan(),
    )
