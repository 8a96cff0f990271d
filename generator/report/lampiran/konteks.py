"""Lampiran: the parties, date and signatures of the Perjanjian Kinerja (its promise is template text)."""

from __future__ import annotations

from generator import format as fmt
from generator.figures.capaian import Hasil
from generator.model import DataLaporan
from generator.report.dasar import Penanda, paragraf, petunjuk, satu_baris
from generator.report.satker import baris_kapital
from generator.figures.sakip import perjanjian


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
    """The context of the Lampiran: the parties and date of the year's latest Perjanjian
    Kinerja (sakip.perjanjian, as the PK document has them)."""
    pk = perjanjian(data)
    if pk.tanggal:
        tempat_tanggal = paragraf(f"{pk.tempat}, {fmt.tanggal(pk.tanggal)}")
    else:
        tempat_tanggal = penanda.kosong(
            "Lampiran 2: tanggal Perjanjian Kinerja", f"[{satu_baris(pk.tempat)}, tanggal Perjanjian Kinerja]"
        )
    return {"pk": {
        "tempat_tanggal": tempat_tanggal,
        "pertama": _pihak(pk.pertama.nama, pk.pertama.jabatan, pk.pertama.nip, penanda,
                          "Pihak Pertama"),
        "kedua": _pihak(pk.kedua.nama, satu_baris(pk.kedua.jabatan or ""), None, penanda,
                        "Pihak Kedua"),
    }}


def konteks(data: DataLaporan, hasil: Hasil, penanda: Penanda, grafik) -> dict:
    return {"lampiran": lampiran(data, penanda)}
