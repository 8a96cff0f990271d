"""Fixed texts of the report (laws, headings, placeholder instructions), apart from the logic.

Every string here is report text, so it is Indonesian. Texts with `{name}` fields are filled
with str.format by generator.context; none of them carries a figure.
"""

from __future__ import annotations

# --- Bab I: the secretariat under UU 7/2017 --------------------------------------------------

SEKRETARIAT_PENGANTAR = (
    "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum membentuk sekretariat pada setiap "
    "tingkatan KPU untuk mendukung kelancaran tugas dan wewenang KPU, KPU Provinsi, dan KPU "
    "Kabupaten/Kota. Sebagai sekretariat KPU Kabupaten/Kota, {satker} mengemban tugas, "
    "wewenang, dan kewajiban sebagai berikut."
)
SEKRETARIAT_PENUTUP = (
    "Selain itu, {satker} bertanggung jawab atas administrasi keuangan serta pengadaan barang "
    "dan jasa sesuai dengan ketentuan peraturan perundang-undangan."
)
TUGAS = (
    "membantu penyusunan program dan anggaran Pemilu;",
    "memberikan dukungan teknis dan administratif;",
    "membantu KPU Kabupaten/Kota melaksanakan tugasnya dalam penyelenggaraan Pemilu;",
    "membantu pendistribusian perlengkapan penyelenggaraan Pemilu anggota DPR, DPD, dan DPRD "
    "serta Pemilu Presiden dan Wakil Presiden;",
    "membantu merumuskan dan menyusun rancangan keputusan KPU Kabupaten/Kota;",
    "membantu menyusun laporan penyelenggaraan kegiatan dan pertanggungjawaban KPU "
    "Kabupaten/Kota; dan",
    "membantu pelaksanaan tugas lain sesuai dengan ketentuan peraturan perundang-undangan.",
)
WEWENANG = (
    "mengadakan dan mendistribusikan perlengkapan penyelenggaraan Pemilu menurut norma, "
    "standar, prosedur, dan kebutuhan yang ditetapkan oleh KPU;",
    "melaksanakan pengadaan perlengkapan penyelenggaraan Pemilu tersebut sesuai dengan "
    "ketentuan peraturan perundang-undangan; dan",
    "memberikan layanan administrasi, ketatausahaan, dan kepegawaian sesuai dengan ketentuan "
    "peraturan perundang-undangan.",
)
KEWAJIBAN = (
    "menyusun laporan pertanggungjawaban keuangan;",
    "memelihara arsip dan dokumen Pemilu; dan",
    "mengelola barang inventaris KPU Kabupaten/Kota.",
)
STRUKTUR = (
    "{satker} dipimpin oleh seorang Sekretaris yang membawahkan subbagian-subbagian sesuai "
    "dengan ketentuan KPU tentang organisasi dan tata kerja sekretariat KPU provinsi dan KPU "
    "kabupaten/kota. Bagan struktur organisasinya adalah sebagai berikut."
)
SISTEMATIKA = (
    ("Kata Pengantar", "pengantar singkat mengenai penyusunan Laporan Kinerja ini."),
    ("Ikhtisar Eksekutif", "ringkasan capaian kinerja dan realisasi anggaran tahun berkenaan."),
    ("Bab I Pendahuluan", "latar belakang, tugas, wewenang dan kewajiban, struktur organisasi "
     "dan sumber daya manusia, serta permasalahan utama yang dihadapi organisasi."),
    ("Bab II Perencanaan Kinerja", "ringkasan Rencana Strategis dan Perjanjian Kinerja "
     "tahun berkenaan."),
    ("Bab III Akuntabilitas Kinerja", "capaian kinerja organisasi untuk setiap sasaran "
     "strategis beserta analisisnya, serta realisasi anggaran."),
    ("Bab IV Penutup", "kesimpulan atas capaian kinerja serta langkah perbaikan ke depan."),
    ("Lampiran", "Rencana Kinerja Tahunan, Perjanjian Kinerja, dan Pengukuran Kinerja."),
)

# --- Bab II ----------------------------------------------------------------------------------

RENSTRA_PENGANTAR = (
    "Rencana Strategis (Renstra) KPU periode {periode} menjadi acuan {satker} dalam menyusun "
    "rencana kinerja tahunan dan Perjanjian Kinerja. Visi, misi, tujuan, sasaran strategis, dan "
    "indikator kinerja utamanya adalah sebagai berikut."
)
PK_PENGANTAR = (
    "Perjanjian Kinerja Tahun {tahun} ditetapkan{kapan} {pihak}. Perjanjian ini memuat "
    "{sasaran} sasaran strategis dengan {indikator} indikator kinerja beserta targetnya, "
    "sebagaimana tercantum pada tabel-tabel berikut."
)

# --- Bab III ---------------------------------------------------------------------------------

CAPAIAN_PENGANTAR = (
    "Pengukuran kinerja dilakukan dengan membandingkan realisasi setiap indikator kinerja "
    "dengan target dalam Perjanjian Kinerja Tahun {tahun}{pk_tgl}. {rumus}"
)
CAPAIAN_URAIAN = (
    "Uraian setiap sasaran strategis berikut memuat perbandingan target dan realisasi beserta "
    "kategori capaiannya, analisis penyebab keberhasilan atau kegagalan beserta solusinya, dan "
    "bagian lain sesuai dengan data yang tersedia. Setiap indikator diberi kode IK yang diikuti "
    "nomor sasaran dan nomor urut indikatornya; misalnya, IK 1.2 adalah indikator kedua "
    "Sasaran 1."
)
# The seven parts of PermenPANRB 53/2014 for one sasaran, as sub-headings (lettered in order
# of the parts present).
JUDUL_TARGET = "Perbandingan Target dan Realisasi Tahun {tahun}"
JUDUL_TAHUN_LALU = "Perbandingan dengan Tahun Sebelumnya"
JUDUL_RENSTRA = "Perbandingan dengan Target Renstra {periode}"
JUDUL_STANDAR = "Perbandingan dengan Standar Nasional"
JUDUL_PENJELASAN = "Analisis Penyebab Keberhasilan atau Kegagalan dan Solusinya"
JUDUL_EFISIENSI = "Efisiensi Penggunaan Anggaran"
JUDUL_PROGRAM = "Program dan Kegiatan Pendukung"
PROGRAM_PENGANTAR = "Capaian sasaran ini didukung oleh program dan kegiatan berikut:"
SKALA = "Kategori capaian: {skala}."
PETUNJUK_PENJELASAN = (
    "[Tuliskan penyebab keberhasilan atau kegagalan {kode} serta solusi yang ditempuh, atau "
    "isi kolom Penjelasan pada lembar Kinerja]"
)
JUDUL_KEGIATAN = {
    "Tahapan Pemilu": "Tahapan Pemilu yang didukung pada Tahun {tahun}:",
    "Tahapan Pemilihan": "Tahapan Pemilihan yang didukung pada Tahun {tahun}:",
    "Kegiatan": "Kegiatan yang mendukung capaian kinerja pada Tahun {tahun}:",
}
ANGGARAN_PENGANTAR = (
    "Pada Tahun {tahun}, {satker} mengelola pagu anggaran sebesar {pagu} yang bersumber dari "
    "{rincian}. Realisasi anggaran menurut sumber dana adalah sebagai berikut."
)

# --- Bab IV and Lampiran ---------------------------------------------------------------------

KESIMPULAN_PEMBUKA = "Laporan Kinerja ini menyajikan capaian kinerja {satker} Tahun {tahun}."
JANJI_PK = (
    "Pihak Pertama berjanji mewujudkan target kinerja tahunan sebagaimana tercantum dalam tabel "
    "berikut, sebagai bagian dari pencapaian sasaran jangka menengah Rencana Strategis "
    "{periode}. Keberhasilan maupun kegagalan pencapaian target tersebut menjadi tanggung jawab "
    "Pihak Pertama.",
    "Pihak Kedua memberikan supervisi yang diperlukan, mengevaluasi capaian kinerja atas "
    "perjanjian ini, dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan "
    "dan sanksi.",
)
