"""Bab II Perencanaan Kinerja: the Renstra's items and the year's Perjanjian Kinerja."""

from __future__ import annotations

from generator import format as fmt
from generator.figures.capaian import Hasil
from generator.model import DataLaporan
from generator.report.dasar import Penanda, daftar, paragraf, pecah, satu_baris
from generator.report.satker import pihak_kedua
from generator.figures.sakip import PerjanjianKinerja, perjanjian

# Renstra Jenis, the place named in the list of placeholders, and how the instruction names it.
_BAGIAN = {"Misi": ("2: misi", "misi"), "Tujuan": ("3: tujuan", "tujuan"),
           "IKU": ("5: indikator kinerja utama", "IKU")}


def renstra(data: DataLaporan, penanda: Penanda) -> dict:
    """Visi, misi, tujuan and IKU from the Renstra sheet; sasaran from the Kinerja sheet."""
    r = data.renstra
    visi = [paragraf(p) for p in pecah(r.get("Visi"))] or [
        penanda.kosong("Bab II A.1: visi", "[Isi visi pada lembar Renstra (Jenis: Visi)]")
    ]

    def bagian(jenis: str) -> list[dict]:
        tempat, sebutan = _BAGIAN[jenis]
        isi = f"[Isi {sebutan} pada lembar Renstra (Jenis: {jenis})]"
        return penanda.daftar(r.get(jenis), f"Bab II A.{tempat}", isi)

    return {
        "visi": visi,
        "misi": bagian("Misi"),
        "tujuan": bagian("Tujuan"),
        "sasaran": daftar([s.nama for s in data.sasaran], huruf=True),
        "iku": bagian("IKU"),
    }


def pk_sasaran(pk: PerjanjianKinerja) -> list[dict]:
    """Sasaran with their indicators and targets (Bab II, RKT and PK tables), from the same
    record as the Perjanjian Kinerja document."""
    return [
        {
            "no": str(s.nomor),
            "nama": satu_baris(s.nama),
            "indikator": [
                {"no": str(k), "nama": satu_baris(t.indikator.nama),
                 "target": fmt.nilai_satuan(t.target, t.indikator.satuan)}
                for k, t in enumerate(s.indikator, start=1)
            ],
        }
        for s in pk.sasaran
    ]


def pk(data: DataLaporan, hasil: Hasil) -> dict:
    """The Perjanjian Kinerja's parties, date and counts; the template writes the sentence."""
    i = data.identitas
    return {
        "tanggal": fmt.tanggal(i.tanggal_pk) if i.tanggal_pk else "",
        "pertama": satu_baris(i.jabatan_penandatangan),
        "kedua": pihak_kedua(i),
        "jumlah_sasaran": fmt.jumlah_terbilang(len(hasil.sasaran)),
        "jumlah_indikator": fmt.jumlah_terbilang(len(hasil.berkode())),
        "sasaran": pk_sasaran(perjanjian(data)),
    }


def konteks(data: DataLaporan, hasil: Hasil, penanda: Penanda, grafik) -> dict:
    """The context of Bab II: `renstra` and `pk` (whose sasaran the Lampiran prints again)."""
    return {"renstra": renstra(data, penanda), "pk": pk(data, hasil)}
