"""The template's context: every figure and sentence of the report as ready-to-print text.

`build_context` turns a DataLaporan and its computed Hasil into plain dicts, lists and
strings. Numbers are formatted here (generator.format), never in the template. Text that may
be missing is a "paragraph" dict {"teks", "petunjuk"}: exactly one of the two is filled, and
the template prints `petunjuk` (a bracketed instruction) in the highlighted Placeholder
style. List items add "no", the number the generator gives them.
"""

from __future__ import annotations

import math
import re
import textwrap
from decimal import Decimal

from generator import format as fmt
from generator.capaian import Hasil, HasilIndikator, HasilSasaran, kalimat_rumus, kategori
from generator.model import NEGATIF, DataLaporan, Identitas, Kategori

# Bagian of the Narasi sheet and Kelompok of the Daftar sheet (WORKBOOK.md).
KATA_PENGANTAR = "Kata Pengantar"
IKHTISAR = "Ikhtisar Eksekutif"
LATAR_BELAKANG = "Latar Belakang"
PERMASALAHAN = "Permasalahan Utama"
PENUTUP = "Penutup"
STRUKTUR = "Struktur Organisasi"
CAPAIAN_PENTING = "Capaian Penting"
KENDALA = "Kendala"
LANGKAH = "Langkah Perbaikan"
KEGIATAN = ("Tahapan Pemilu", "Tahapan Pemilihan", "Kegiatan")


# --- small builders ------------------------------------------------------------------------


# Characters XML 1.0 cannot hold; a cell may still contain them (pasted text).
_BUKAN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def satu_baris(text: str) -> str:
    """Text on one line: a line break typed in a cell must not reach the document raw."""
    return " ".join(_BUKAN_XML.sub(" ", text).split())


def paragraf(teks: str) -> dict:
    return {"teks": satu_baris(teks), "petunjuk": ""}


def petunjuk(teks: str) -> dict:
    return {"teks": "", "petunjuk": teks}


def pecah(texts: tuple[str, ...] | list[str] | str | None) -> list[str]:
    """Paragraphs of one or more texts: each line break starts a paragraph; blanks dropped."""
    if texts is None:
        return []
    if isinstance(texts, str):
        texts = [texts]
    return [satu_baris(line) for t in texts for line in t.splitlines() if line.strip()]


def daftar(items, huruf: bool = False) -> list[dict]:
    """A list numbered by the generator: `1.`, `2.` or `a.`, `b.`."""
    return [
        {"no": f"{fmt.huruf(n) if huruf else n}.", **paragraf(teks)}
        for n, teks in enumerate(pecah(list(items)), start=1)
    ]


def daftar_petunjuk(teks: str) -> list[dict]:
    """A list that holds only a placeholder (no number)."""
    return [{"no": "", **petunjuk(teks)}]


class Penanda:
    """Collects the places where the report shows a placeholder, for the CLI to list."""

    def __init__(self) -> None:
        self.tempat: list[str] = []

    def narasi(self, data: DataLaporan, bagian: str, tempat: str, teks: str) -> list[dict]:
        """The Narasi paragraphs of `bagian`, or one placeholder paragraph."""
        isi = pecah(data.narasi.get(bagian))
        if isi:
            return [paragraf(p) for p in isi]
        return [self.kosong(tempat, teks)]

    def kosong(self, tempat: str, teks: str) -> dict:
        """A placeholder paragraph, remembered."""
        self.tempat.append(tempat)
        return petunjuk(teks)

    def daftar(self, items, tempat: str, teks: str, huruf: bool = True) -> list[dict]:
        """A numbered list, or a placeholder when there are no items."""
        isi = daftar(items or (), huruf)
        if isi:
            return isi
        self.tempat.append(tempat)
        return daftar_petunjuk(teks)


# --- figures in words ----------------------------------------------------------------------


def _capaian(nilai: Decimal | None, data: DataLaporan) -> str:
    """Capaian for a table cell: `103,05` (the column says %), `-` when none."""
    return fmt.angka(nilai, data.pengaturan.desimal)


def _persen(nilai: Decimal | None, data: DataLaporan) -> str:
    return fmt.persen(nilai, data.pengaturan.desimal)


def _kategori_cetak(nilai: Decimal | None, data: DataLaporan) -> str | None:
    """The category of the capaian as printed: 90,996 printed `91,00` is never below 91."""
    if nilai is None:
        return None
    tercetak = fmt.bulatkan(nilai, data.pengaturan.desimal)
    return kategori(tercetak, data.pengaturan.skala_kategori)


def _kategori(nilai: Decimal | None, data: DataLaporan) -> str:
    return _kategori_cetak(nilai, data) or fmt.KOSONG


def _semua_indikator(hasil: Hasil) -> list[HasilIndikator]:
    return [h for s in hasil.sasaran for h in s.indikator]


def _gabung(items: list[str]) -> str:
    """`a`, `a dan b`, `a, b dan c`."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " dan " + items[-1]


def kalimat_target(hasil: Hasil) -> str:
    """How many indicators met their target, exactly as the tables show it."""
    semua = _semua_indikator(hasil)
    terukur = [h for h in semua if h.tercapai is not None]
    tercapai = sum(1 for h in terukur if h.tercapai)
    tanpa = len(semua) - len(terukur)
    if not terukur:
        return "Belum ada indikator yang dapat dihitung capaiannya."
    if tercapai == len(terukur):
        subjek = "Seluruh indikator" if not tanpa else f"Seluruh {len(terukur)} indikator yang terukur"
        kalimat = f"{subjek} memenuhi target"
    else:
        kalimat = (
            f"Sebanyak {tercapai} dari {len(terukur)} indikator yang terukur memenuhi target, "
            f"sedangkan {len(terukur) - tercapai} indikator belum memenuhi target"
        )
    if tanpa:
        kalimat += f"; {tanpa} indikator belum dapat dihitung capaiannya"
    return kalimat + "."


def kalimat_capaian(hasil: Hasil, data: DataLaporan) -> str:
    """The overall capaian and its category, or why there is none."""
    if hasil.capaian is None:
        return "Capaian kinerja organisasi belum dapat dihitung karena belum ada realisasi yang diisi."
    kat = _kategori_cetak(hasil.capaian, data)
    teks = f"Rata-rata capaian seluruh sasaran strategis adalah {_persen(hasil.capaian, data)}"
    return teks + (f" dengan kategori {kat}." if kat else ".")


def kalimat_anggaran(hasil: Hasil, tahun: int) -> str:
    """Pagu, realisasi (the amount spent, not the pagu) and their ratio."""
    total = hasil.anggaran.total
    teks = (
        f"Realisasi anggaran Tahun {tahun} sebesar {fmt.rupiah(total.realisasi)} "
        f"dari total pagu {fmt.rupiah(total.pagu)}"
    )
    if total.persen is not None:
        teks += f" atau {fmt.persen(total.persen, 2)}"
    if total.sisa > 0:
        teks += f", dengan sisa anggaran {fmt.rupiah(total.sisa)}"
    elif total.sisa < 0:
        teks += f"; realisasi melebihi pagu sebesar {fmt.rupiah(-total.sisa)}"
    return teks + "."


# --- identity, cover, signature ------------------------------------------------------------

_WILAYAH = re.compile(r" (?=(?:KABUPATEN|KOTA|PROVINSI|KAB\.) )")


def _bagi_rata(teks: str, lebar: int) -> list[str]:
    """Wrap into as few lines as `lebar` allows, with lines of similar length."""
    n = math.ceil(len(teks) / lebar)
    for w in range(math.ceil(len(teks) / n), lebar + 1):
        baris = textwrap.wrap(teks, w, break_long_words=False)
        if len(baris) <= n:
            return baris
    return textwrap.wrap(teks, lebar, break_long_words=False)


def baris_kapital(teks: str, lebar: int = 40) -> list[str]:
    """An office name in capitals, broken before the region (`... UMUM` / `KABUPATEN ...`),
    and a part longer than `lebar` characters wrapped evenly."""
    kapital = satu_baris(teks).upper()
    bagian = [b for b in _WILAYAH.split(kapital, maxsplit=1) if b]
    return [baris for b in bagian for baris in _bagi_rata(b, lebar)]


def nama_satker(identitas: Identitas) -> str:
    """`Sekretariat KPU Kabupaten Maluku Tenggara`."""
    nama = satu_baris(identitas.nama_singkat)
    return nama if nama.lower().startswith("sekretariat") else f"Sekretariat {nama}"


def _sekretariat_instansi(identitas: Identitas) -> str:
    nama = satu_baris(identitas.instansi)
    return nama if nama.lower().startswith("sekretariat") else f"Sekretariat {nama}"


def sampul(identitas: Identitas) -> dict:
    return {
        "instansi": baris_kapital(_sekretariat_instansi(identitas)),
        "alamat": satu_baris(identitas.alamat or ""),
        "tempat": satu_baris(identitas.tempat).upper(),
        "tahun": str(identitas.tanggal.year),
    }


def tanda_tangan(identitas: Identitas) -> dict:
    """The one signature block (and the one date) of the report."""
    return {
        "tempat_tanggal": f"{satu_baris(identitas.tempat)}, {fmt.tanggal(identitas.tanggal)}",
        "jabatan": baris_kapital(identitas.jabatan_penandatangan, 28),
        "nama": satu_baris(identitas.nama_penandatangan),
        "nip": satu_baris(identitas.nip_penandatangan or ""),
    }


# --- front matter --------------------------------------------------------------------------


def ringkasan(data: DataLaporan, hasil: Hasil) -> list[dict]:
    """The generated summary of the Ikhtisar Eksekutif: counts, capaian, budget."""
    n_indikator = len(_semua_indikator(hasil))
    pembuka = (
        f"Pada Tahun {data.identitas.tahun}, {nama_satker(data.identitas)} melaksanakan "
        f"{fmt.jumlah_terbilang(len(data.sasaran))} sasaran strategis yang diukur dengan "
        f"{fmt.jumlah_terbilang(n_indikator)} indikator kinerja sebagaimana ditetapkan dalam "
        f"Perjanjian Kinerja Tahun {data.identitas.tahun}."
    )
    capaian = f"{kalimat_capaian(hasil, data)} {kalimat_target(hasil)}"
    return [paragraf(pembuka), paragraf(capaian), paragraf(kalimat_anggaran(hasil, data.identitas.tahun))]


# --- Bab I ---------------------------------------------------------------------------------

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


def sekretariat(data: DataLaporan) -> dict:
    """Tasks, powers and duties of a KPU Kabupaten/Kota secretariat under UU 7/2017."""
    satker = nama_satker(data.identitas)
    return {
        "pengantar": [paragraf(
            "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum membentuk sekretariat "
            "pada setiap tingkatan KPU untuk mendukung kelancaran tugas dan wewenang KPU, KPU "
            f"Provinsi, dan KPU Kabupaten/Kota. Sebagai sekretariat KPU Kabupaten/Kota, {satker} "
            "mengemban tugas, wewenang, dan kewajiban sebagai berikut."
        )],
        "tugas": daftar(TUGAS, huruf=True),
        "wewenang": daftar(WEWENANG, huruf=True),
        "kewajiban": daftar(KEWAJIBAN, huruf=True),
        "penutup": [paragraf(
            f"Selain itu, {satker} bertanggung jawab atas administrasi keuangan serta pengadaan "
            "barang dan jasa sesuai dengan ketentuan peraturan perundang-undangan."
        )],
    }


def sdm(data: DataLaporan, penanda: Penanda) -> dict:
    """Staff by education: a sentence with the total in words, and the table rows."""
    if not data.sdm:
        kalimat = penanda.kosong(
            "Bab I C.1: data pegawai (lembar SDM kosong)",
            "[Isi jumlah pegawai menurut pendidikan pada lembar SDM, atau tuliskan di sini]",
        )
        return {"kalimat": [kalimat], "baris": [], "total": ""}
    total = sum(jumlah for _, jumlah in data.sdm)
    rincian = _gabung([f"{jumlah} orang berpendidikan {nama}" for nama, jumlah in data.sdm])
    kalimat = (
        f"Pada Tahun {data.identitas.tahun}, {nama_satker(data.identitas)} didukung oleh "
        f"{fmt.jumlah_terbilang(total, 'orang')} pegawai, terdiri atas {rincian}, sebagaimana "
        "rincian pada tabel berikut."
    )
    baris = [
        {"no": str(n), "pendidikan": satu_baris(nama), "jumlah": fmt.angka(jumlah)}
        for n, (nama, jumlah) in enumerate(data.sdm, start=1)
    ]
    return {"kalimat": [paragraf(kalimat)], "baris": baris, "total": fmt.angka(total)}


def struktur(data: DataLaporan, penanda: Penanda) -> dict:
    uraian = pecah(data.narasi.get(STRUKTUR))
    if not uraian:
        uraian = [
            f"{nama_satker(data.identitas)} dipimpin oleh seorang Sekretaris yang membawahkan "
            "subbagian-subbagian sesuai dengan ketentuan KPU tentang organisasi dan tata kerja "
            "sekretariat KPU provinsi dan KPU kabupaten/kota. Bagan struktur organisasinya "
            "adalah sebagai berikut."
        ]
    bagan = penanda.kosong(
        "Bab I C.2: bagan struktur organisasi",
        "[Sisipkan gambar bagan struktur organisasi di sini]",
    )
    return {"uraian": [paragraf(p) for p in uraian], "bagan": bagan}


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


def sistematika() -> list[dict]:
    return [
        {"no": f"{n}.", "judul": judul, "uraian": uraian}
        for n, (judul, uraian) in enumerate(SISTEMATIKA, start=1)
    ]


# --- Bab II --------------------------------------------------------------------------------


def renstra(data: DataLaporan, penanda: Penanda) -> dict:
    """Visi, misi, tujuan and IKU from the Renstra sheet; sasaran from the Kinerja sheet."""
    r = data.renstra
    periode = satu_baris(data.identitas.periode_renstra)
    pengantar = (
        f"Rencana Strategis (Renstra) KPU periode {periode} menjadi acuan "
        f"{nama_satker(data.identitas)} dalam menyusun rencana kinerja tahunan dan Perjanjian "
        "Kinerja. Visi, misi, tujuan, sasaran strategis, dan indikator kinerja utamanya adalah "
        "sebagai berikut."
    )
    visi = [paragraf(p) for p in pecah(r.get("Visi"))] or [
        penanda.kosong("Bab II A.1: visi", "[Isi visi pada lembar Renstra (Jenis: Visi)]")
    ]
    def bagian(jenis: str, tempat: str) -> list[dict]:
        isi = f"[Isi {jenis.lower()} pada lembar Renstra (Jenis: {jenis})]"
        return penanda.daftar(r.get(jenis), f"Bab II A.{tempat}", isi)

    return {
        "pengantar": [paragraf(pengantar)],
        "visi": visi,
        "misi": bagian("Misi", "2: misi"),
        "tujuan": bagian("Tujuan", "3: tujuan"),
        "sasaran": daftar([s.nama for s in data.sasaran], huruf=True),
        "iku": bagian("IKU", "5: indikator kinerja utama"),
    }


def _pihak_kalimat(identitas: Identitas) -> str:
    pertama = satu_baris(identitas.jabatan_penandatangan)
    kedua = satu_baris(identitas.jabatan_atasan) if identitas.jabatan_atasan else "atasannya"
    return f"antara {pertama} sebagai Pihak Pertama dan {kedua} sebagai Pihak Kedua"


def pk_sasaran(hasil: Hasil) -> list[dict]:
    """Sasaran with their indicators and targets (Bab II, RKT and PK tables)."""
    return [
        {
            "no": str(n),
            "nama": satu_baris(hs.sasaran.nama),
            "indikator": [
                {"no": str(k), "nama": satu_baris(h.indikator.nama),
                 "target": fmt.nilai_satuan(h.indikator.target, h.indikator.satuan)}
                for k, h in enumerate(hs.indikator, start=1)
            ],
        }
        for n, hs in enumerate(hasil.sasaran, start=1)
    ]


def pk(data: DataLaporan, hasil: Hasil) -> dict:
    i = data.identitas
    kapan = f" pada tanggal {fmt.tanggal(i.tanggal_pk)}" if i.tanggal_pk else ""
    n_indikator = len(_semua_indikator(hasil))
    pengantar = (
        f"Perjanjian Kinerja Tahun {i.tahun} ditetapkan{kapan} {_pihak_kalimat(i)}. Perjanjian "
        f"ini memuat {fmt.jumlah_terbilang(len(data.sasaran))} sasaran strategis dengan "
        f"{fmt.jumlah_terbilang(n_indikator)} indikator kinerja beserta targetnya, sebagaimana "
        "tercantum pada tabel-tabel berikut."
    )
    return {"pengantar": [paragraf(pengantar)], "sasaran": pk_sasaran(hasil)}


# --- Bab III: capaian ----------------------------------------------------------------------


def _status(h: HasilIndikator) -> str:
    i = h.indikator
    if not h.tercapai:
        return "target belum tercapai"
    if i.polaritas != NEGATIF and i.realisasi is not None and i.realisasi > i.target:
        return "melampaui target"
    return "target tercapai"


def kalimat_indikator(h: HasilIndikator, data: DataLaporan) -> str:
    """Target, realisasi and capaian of one indicator in one sentence."""
    i = h.indikator
    target = fmt.nilai_satuan(i.target, i.satuan)
    if i.realisasi is None:
        return (f"Target indikator ini {target}; realisasinya belum diisi sehingga capaian belum "
                "dapat dihitung.")
    realisasi = fmt.nilai_satuan(i.realisasi, i.satuan)
    if h.capaian is None:
        return (f"Target indikator ini {target} dengan realisasi {realisasi}; karena targetnya 0, "
                "capaian tidak dapat dihitung.")
    sifat = " (indikator negatif: makin kecil realisasi makin baik)" if i.polaritas == NEGATIF else ""
    return (
        f"Indikator ini ditargetkan {target}{sifat} dan terealisasi {realisasi}, sehingga "
        f"capaiannya {_persen(h.capaian, data)} ({_status(h)})."
    )


def kalimat_pembanding(h: HasilIndikator, periode: str) -> list[str]:
    """Earlier years, the Renstra target and the national standard, when given."""
    i = h.indikator
    kalimat = []
    if i.realisasi_lalu:
        tahun = _gabung([f"Tahun {t} sebesar {fmt.nilai_satuan(v, i.satuan)}" for t, v in i.realisasi_lalu])
        kalimat.append(f"Sebagai pembanding, realisasi {tahun}.")
    if i.target_renstra is not None:
        kalimat.append(
            f"Target akhir Renstra {periode} untuk indikator ini adalah "
            f"{fmt.nilai_satuan(i.target_renstra, i.satuan)}."
        )
    if i.standar_nasional is not None:
        standar = fmt.nilai_satuan(i.standar_nasional, i.satuan)
        kalimat.append(f"Standar nasional indikator ini sebesar {standar}.")
    return kalimat


def analisis(hs: HasilSasaran, no: int, data: DataLaporan, penanda: Penanda) -> list[dict]:
    """Per indicator: its figures in words, comparisons, the explanation, supporting programs."""
    periode = satu_baris(data.identitas.periode_renstra)
    hasil = []
    for k, h in enumerate(hs.indikator, start=1):
        i = h.indikator
        isi = [paragraf(" ".join([kalimat_indikator(h, data), *kalimat_pembanding(h, periode)]))]
        penjelasan = pecah(i.penjelasan)
        isi += [paragraf(p) for p in penjelasan] or [penanda.kosong(
            f"Bab III A, Sasaran {no}, Indikator {k}: penjelasan",
            "[Tuliskan analisis penyebab keberhasilan atau kegagalan indikator ini beserta "
            "upaya yang dilakukan]",
        )]
        if i.program_pendukung:
            isi.append(paragraf(f"Program/kegiatan pendukung: {satu_baris(i.program_pendukung)}"))
        hasil.append({"judul": f"Indikator {no}.{k}: {satu_baris(i.nama)}", "paragraf": isi})
    return hasil


def _baris_indikator(h: HasilIndikator, k: int, data: DataLaporan) -> dict:
    i = h.indikator
    return {
        "no": str(k),
        "nama": satu_baris(i.nama),
        "target": fmt.nilai_satuan(i.target, i.satuan),
        "realisasi": fmt.nilai_satuan(i.realisasi, i.satuan),
        "capaian": _capaian(h.capaian, data),
    }


def _kalimat_sasaran(hs: HasilSasaran, no: int, data: DataLaporan) -> str:
    if hs.capaian is None:
        return f"Capaian Sasaran {no} belum dapat dihitung karena belum ada indikator yang memiliki capaian."
    return (
        f"Rata-rata capaian Sasaran {no} adalah {_persen(hs.capaian, data)} dengan kategori "
        f"{_kategori(hs.capaian, data)}."
    )


def capaian_sasaran(hs: HasilSasaran, no: int, data: DataLaporan, penanda: Penanda) -> dict:
    return {
        "no": str(no),
        "nama": satu_baris(hs.sasaran.nama),
        "indikator": [_baris_indikator(h, k, data) for k, h in enumerate(hs.indikator, start=1)],
        "capaian": _capaian(hs.capaian, data),
        "kalimat": [paragraf(_kalimat_sasaran(hs, no, data))],
        "analisis": analisis(hs, no, data, penanda),
    }


def kalimat_skala(skala: tuple[Kategori, ...]) -> str:
    """`Sangat Baik (91 ke atas), ... dan Sangat Kurang (di bawah 51)`."""
    bagian, atas = [], None
    for k in skala:
        if k.batas_bawah.is_finite():
            bagian.append(f"{k.label} ({fmt.angka(k.batas_bawah)} ke atas)")
            atas = k.batas_bawah
        else:
            bagian.append(f"{k.label} (di bawah {fmt.angka(atas)})" if atas is not None else k.label)
    return "Nilai capaian dikelompokkan ke dalam kategori " + _gabung(bagian) + "."


def capaian(data: DataLaporan, hasil: Hasil, penanda: Penanda) -> dict:
    i = data.identitas
    pk_tgl = f" yang ditetapkan pada tanggal {fmt.tanggal(i.tanggal_pk)}" if i.tanggal_pk else ""
    ada_negatif = any(h.indikator.polaritas == NEGATIF for h in _semua_indikator(hasil))
    rumus = kalimat_rumus(data.pengaturan, ada_negatif)
    pengantar = [
        f"Pengukuran kinerja dilakukan dengan membandingkan realisasi setiap indikator kinerja "
        f"dengan target dalam Perjanjian Kinerja Tahun {i.tahun}{pk_tgl}. {rumus}",
        kalimat_skala(data.pengaturan.skala_kategori),
        f"{kalimat_capaian(hasil, data)} {kalimat_target(hasil)} Uraian capaian setiap sasaran "
        "strategis adalah sebagai berikut.",
    ]
    sasaran = [capaian_sasaran(hs, n, data, penanda) for n, hs in enumerate(hasil.sasaran, start=1)]
    rekap = [
        {"no": str(n), "nama": satu_baris(hs.sasaran.nama), "jumlah": str(len(hs.indikator)),
         "capaian": _capaian(hs.capaian, data), "kategori": _kategori(hs.capaian, data)}
        for n, hs in enumerate(hasil.sasaran, start=1)
    ]
    return {
        "pengantar": [paragraf(p) for p in pengantar],
        "rumus": rumus,
        "sasaran": sasaran,
        "kegiatan": kegiatan(data),
        "rekap": rekap,
        "rata_rata": _capaian(hasil.capaian, data),
        "kategori": _kategori(hasil.capaian, data),
        "kesimpulan": [paragraf(f"{kalimat_capaian(hasil, data)} {kalimat_target(hasil)}")],
    }


_JUDUL_KEGIATAN = {
    "Tahapan Pemilu": "Tahapan Pemilu yang didukung pada Tahun {tahun}:",
    "Tahapan Pemilihan": "Tahapan Pemilihan yang didukung pada Tahun {tahun}:",
    "Kegiatan": "Kegiatan yang mendukung capaian kinerja pada Tahun {tahun}:",
}


def kegiatan(data: DataLaporan) -> list[dict]:
    """The Tahapan/Kegiatan lists that the workbook gives, in a fixed order."""
    return [
        {"judul": _JUDUL_KEGIATAN[k].format(tahun=data.identitas.tahun), "item": daftar(data.daftar[k])}
        for k in KEGIATAN
        if pecah(list(data.daftar.get(k, ())))
    ]


# --- Bab III: anggaran ---------------------------------------------------------------------


def _uang(r) -> dict:
    """Pagu, realisasi and percent of one Realisasi for table cells."""
    return {
        "pagu": fmt.angka(r.pagu, 0),
        "realisasi": fmt.angka(r.realisasi, 0),
        "persen": fmt.angka(r.persen, 2) if r.persen is not None else fmt.KOSONG,
    }


def anggaran(data: DataLaporan, hasil: Hasil) -> dict:
    ha = hasil.anggaran
    sumber = [
        {
            "no": str(n), "nama": satu_baris(s.nama), **_uang(s.jumlah),
            "baris": [
                {"no": str(k), "uraian": satu_baris(b.uraian or s.nama), **_uang(r)}
                for k, (b, r) in enumerate(s.baris, start=1)
            ],
        }
        for n, s in enumerate(ha.sumber, start=1)
    ]
    rincian = _gabung([f"{satu_baris(s.nama)} sebesar {fmt.rupiah(s.jumlah.pagu)}" for s in ha.sumber])
    pengantar = (
        f"Pada Tahun {data.identitas.tahun}, {nama_satker(data.identitas)} mengelola pagu "
        f"anggaran sebesar {fmt.rupiah(ha.total.pagu)} yang bersumber dari {rincian}. Realisasi "
        "anggaran menurut sumber dana adalah sebagai berikut."
    )
    total = {**_uang(ha.total), "baris": [{"nama": satu_baris(s.nama), **_uang(s.jumlah)} for s in ha.sumber]}
    return {
        "pengantar": [paragraf(pengantar)],
        "sumber": sumber,
        "total": total,
        "kalimat": [paragraf(kalimat_anggaran(hasil, data.identitas.tahun))],
    }


# --- Bab IV and Lampiran -------------------------------------------------------------------


def kesimpulan(data: DataLaporan, hasil: Hasil) -> list[dict]:
    teks = (
        f"Laporan Kinerja ini menyajikan capaian kinerja {nama_satker(data.identitas)} Tahun "
        f"{data.identitas.tahun}. {kalimat_capaian(hasil, data)} {kalimat_target(hasil)} "
        f"{kalimat_anggaran(hasil, data.identitas.tahun)}"
    )
    return [paragraf(teks)]


def _pihak(nama: str | None, jabatan: str | None, nip: str | None, penanda: Penanda,
           siapa: str) -> dict:
    """One party of the Perjanjian Kinerja; a missing name or position becomes a placeholder."""
    if jabatan:
        jabatan_isi = paragraf(jabatan)
        baris = [paragraf(b) for b in baris_kapital(jabatan, 28)]
    else:
        jabatan_isi = penanda.kosong(f"Lampiran 2: jabatan {siapa}", f"[Jabatan {siapa}]")
        baris = [petunjuk(f"[JABATAN {siapa.upper()}]")]
    return {
        "nama": paragraf(nama) if nama else penanda.kosong(f"Lampiran 2: nama {siapa}", f"[Nama {siapa}]"),
        "jabatan": jabatan_isi,
        "jabatan_baris": baris,
        "nip": satu_baris(nip or ""),
    }


def lampiran(data: DataLaporan, penanda: Penanda) -> dict:
    i = data.identitas
    if i.tanggal_pk:
        tempat_tanggal = paragraf(f"{i.tempat}, {fmt.tanggal(i.tanggal_pk)}")
    else:
        tempat_tanggal = penanda.kosong(
            "Lampiran 2: tanggal Perjanjian Kinerja", f"[{satu_baris(i.tempat)}, tanggal Perjanjian Kinerja]"
        )
    periode = satu_baris(i.periode_renstra)
    janji = [
        "Pihak Pertama berjanji mewujudkan target kinerja tahunan sebagaimana tercantum dalam "
        f"tabel berikut, sebagai bagian dari pencapaian sasaran jangka menengah Rencana Strategis "
        f"{periode}. Keberhasilan maupun kegagalan pencapaian target tersebut menjadi tanggung "
        "jawab Pihak Pertama.",
        "Pihak Kedua memberikan supervisi yang diperlukan, mengevaluasi capaian kinerja atas "
        "perjanjian ini, dan mengambil tindakan yang diperlukan dalam rangka pemberian "
        "penghargaan dan sanksi.",
    ]
    return {"pk": {
        "tempat_tanggal": tempat_tanggal,
        "pertama": _pihak(i.nama_penandatangan, i.jabatan_penandatangan, i.nip_penandatangan,
                          penanda, "Pihak Pertama"),
        "kedua": _pihak(i.nama_atasan, i.jabatan_atasan, None, penanda, "Pihak Kedua"),
        "janji": [paragraf(p) for p in janji],
    }}


# --- the whole context ---------------------------------------------------------------------


def build_context(data: DataLaporan, hasil: Hasil) -> dict:
    """Everything the template prints, as plain strings, lists and dicts.

    `placeholders` lists (in Indonesian) each place where the report shows a highlighted
    placeholder instead of content from the workbook. `logo` is the logo's path as text,
    "" when none; render.py turns it into a picture.
    """
    i = data.identitas
    penanda = Penanda()
    narasi = penanda.narasi
    # Built in document order, so that `placeholders` lists the places in reading order.
    context = {
        "kertas": data.pengaturan.ukuran_kertas,
        "tahun": str(i.tahun),
        "instansi": satu_baris(i.instansi),
        "nama_singkat": satu_baris(i.nama_singkat),
        "satker": nama_satker(i),
        "periode": satu_baris(i.periode_renstra),
        "sampul": sampul(i),
        "logo": str(i.logo) if i.logo else "",
        "ttd": tanda_tangan(i),
        "kata_pengantar": narasi(
            data, KATA_PENGANTAR, "Kata Pengantar", "[Tuliskan kata pengantar di sini]"),
        "ikhtisar": narasi(
            data, IKHTISAR, "Ikhtisar Eksekutif", "[Tuliskan ikhtisar eksekutif di sini]"),
        "ikhtisar_ringkasan": ringkasan(data, hasil),
        "capaian_penting": daftar(data.daftar.get(CAPAIAN_PENTING, ())),
        "latar_belakang": narasi(
            data, LATAR_BELAKANG, "Bab I A: latar belakang", "[Tuliskan latar belakang di sini]"),
        "sekretariat": sekretariat(data),
        "sdm": sdm(data, penanda),
        "struktur": struktur(data, penanda),
        "permasalahan": narasi(
            data, PERMASALAHAN, "Bab I D: permasalahan utama",
            "[Tuliskan permasalahan utama yang dihadapi organisasi di sini]"),
        "kendala": daftar(data.daftar.get(KENDALA, ())),
        "sistematika": sistematika(),
        "renstra": renstra(data, penanda),
        "pk": pk(data, hasil),
        "capaian": capaian(data, hasil, penanda),
        "anggaran": anggaran(data, hasil),
        "penutup_kesimpulan": kesimpulan(data, hasil),
        "penutup": narasi(
            data, PENUTUP, "Bab IV: penutup", "[Tuliskan penutup dan rencana ke depan di sini]"),
        "langkah_perbaikan": daftar(data.daftar.get(LANGKAH, ())),
        "lampiran": lampiran(data, penanda),
    }
    context["placeholders"] = list(penanda.tempat)
    return context
