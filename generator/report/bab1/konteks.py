"""Bab I Pendahuluan: what the data says about the satker (its staff, its structure).

The chapter's fixed words (the duties of each level of secretariat, the sistematika) are
text in the template; here are only the sentences built from the workbook.
"""

from __future__ import annotations

from generator import format as fmt
from generator.figures.capaian import Hasil
from generator.model import DataLaporan
from generator.report.dasar import Penanda, daftar, gabung, paragraf, pecah, satu_baris
from generator.report.satker import nama_satker

# Bagian of the Narasi sheet and Kelompok of the Daftar sheet (WORKBOOK.md).
LATAR_BELAKANG = "Latar Belakang"
STRUKTUR = "Struktur Organisasi"
PERMASALAHAN = "Permasalahan Utama"
KENDALA = "Kendala"


def sdm(data: DataLaporan, penanda: Penanda) -> dict:
    """Staff by education: a sentence with the total in words, and the table rows."""
    if not data.sdm:
        kalimat = penanda.kosong(
            "Bab I C.1: data pegawai (lembar SDM kosong)",
            "[Isi jumlah pegawai menurut pendidikan pada lembar SDM, atau tuliskan di sini]",
        )
        return {"kalimat": [kalimat], "baris": [], "total": ""}
    total = sum(jumlah for _, jumlah in data.sdm)
    rincian = gabung([f"{jumlah} orang berpendidikan {satu_baris(nama)}" for nama, jumlah in data.sdm])
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
    """The Narasi's Struktur Organisasi (empty: the template's own sentence) and the chart box."""
    bagan = penanda.kosong(
        "Bab I C.2: bagan struktur organisasi",
        "[Sisipkan gambar bagan struktur organisasi di sini]",
    )
    return {"uraian": [paragraf(p) for p in pecah(data.narasi.get(STRUKTUR))], "bagan": bagan}


def konteks(data: DataLaporan, hasil: Hasil, penanda: Penanda, grafik) -> dict:
    """The context of Bab I, in reading order."""
    return {
        "latar_belakang": penanda.narasi(
            data.narasi, LATAR_BELAKANG, "Bab I A: latar belakang",
            "[Tuliskan latar belakang di sini]"),
        "sdm": sdm(data, penanda),
        "struktur": struktur(data, penanda),
        "permasalahan": penanda.narasi(
            data.narasi, PERMASALAHAN, "Bab I D: permasalahan utama",
            "[Tuliskan permasalahan utama yang dihadapi organisasi di sini]"),
        "kendala": daftar(data.daftar.get(KENDALA, ())),
    }
