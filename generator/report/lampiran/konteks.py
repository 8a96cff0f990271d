"""Lampiran: the parties, date and signatures of the Perjanjian Kinerja (its promise is template text)."""

from __future__ import annotations

from generator import format as fmt
from generator.capaian import Hasil
from generator.model import DataLaporan
from generator.report.dasar import Penanda, paragraf, petunjuk, satu_baris
from generator.report.satker import baris_kapital, pihak_kedua


def _pihak(nama: str | None, jabatan: str | None, nip: str | None, penanda: Penanda,
           siapa: str) -> dict:
    """One party of the Perjanjian Kinerja; a missing name becomes a placeholder (and a missing
    position, which only the first party can have: the second defaults to its Ketua)."""
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
    """The context of the Lampiran."""
    i = data.identitas
    if i.tanggal_pk:
        tempat_tanggal = paragraf(f"{i.tempat}, {fmt.tanggal(i.tanggal_pk)}")
    else:
        tempat_tanggal = penanda.kosong(
            "Lampiran 2: tanggal Perjanjian Kinerja", f"[{satu_baris(i.tempat)}, tanggal Perjanjian Kinerja]"
        )
    return {"pk": {
        "tempat_tanggal": tempat_tanggal,
        "pertama": _pihak(i.nama_penandatangan, i.jabatan_penandatangan, i.nip_penandatangan,
                          penanda, "Pihak Pertama"),
        "kedua": _pihak(i.nama_atasan, pihak_kedua(i), None, penanda, "Pihak Kedua"),
    }}


def konteks(data: DataLaporan, hasil: Hasil, penanda: Penanda, grafik) -> dict:
    return {"lampiran": lampiran(data, penanda)}
