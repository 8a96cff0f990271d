"""Bab III B Realisasi Anggaran: the budget tables and the sentences on pagu and what is left."""

from __future__ import annotations

from generator import format as fmt
from generator.figures.capaian import Hasil, Realisasi
from generator.report.dasar import gabung, paragraf, satu_baris


def _uang(r: Realisasi) -> dict:
    """Pagu, realisasi and percent of one Realisasi for table cells."""
    return {
        "pagu": fmt.angka(r.pagu, 0),
        "realisasi": fmt.angka(r.realisasi, 0),
        "persen": fmt.angka(r.persen, 2) if r.persen is not None else fmt.KOSONG,
    }


def kalimat_sisa(hasil: Hasil) -> str:
    """What the budget tables do not show: the amount left unspent, or spent above the pagu.

    The realisation itself is stated once, in the Ikhtisar paragraph (also in Bab IV).
    """
    sisa = hasil.anggaran.total.sisa
    if sisa > 0:
        return f"Sisa anggaran yang tidak terserap sebesar {fmt.rupiah(sisa)}."
    if sisa < 0:
        return f"Realisasi anggaran melebihi pagu sebesar {fmt.rupiah(-sisa)}."
    return "Seluruh pagu anggaran terserap."


def anggaran(hasil: Hasil, grafik: list) -> dict:
    """The context of Bab III B."""
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
    rincian = gabung([f"{satu_baris(s.nama)} sebesar {fmt.rupiah(s.jumlah.pagu)}" for s in ha.sumber])
    total = {**_uang(ha.total), "baris": [{"nama": satu_baris(s.nama), **_uang(s.jumlah)} for s in ha.sumber]}
    return {
        "pagu": fmt.rupiah(ha.total.pagu),
        "rincian": rincian,
        "sumber": sumber,
        "total": total,
        "kalimat": [paragraf(kalimat_sisa(hasil))],
        "grafik": grafik,
    }
