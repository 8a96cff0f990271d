"""The Rencana Aksi's context: each sasaran's indicators with the year's and the quarters' targets,
how the quarters add up, the activities that carry them, and the signature."""

from __future__ import annotations

from generator import format as fmt
from generator.model import DataLaporan
from generator.report.dasar import Penanda, paragraf, satu_baris
from generator.report.satker import tanda_tangan_pada
from generator.figures.sakip import RencanaIndikator, rencana_aksi


def _indikator(r: RencanaIndikator, penanda: Penanda) -> dict:
    satuan = r.indikator.satuan
    kegiatan = [paragraf(k) for k in r.kegiatan if satu_baris(k)] or [
        penanda.kosong(f"Rencana Aksi: kegiatan {r.kode}", "[Tuliskan kegiatan di sini]")]
    return {
        "kode": r.kode,
        "nama": satu_baris(r.indikator.nama),
        "target": fmt.nilai_satuan(r.indikator.target, satuan),
        **{f"tw{ke}": fmt.nilai_satuan(v, satuan) for ke, v in enumerate(r.target, start=1)},
        "angka": r.angka,
        "kegiatan": kegiatan,
    }


def renaksi(data: DataLaporan, penanda: Penanda) -> dict:
    """The sasaran, in workbook order, with their indicators' quarterly plan."""
    ra = rencana_aksi(data)
    return {"sasaran": [
        {"no": str(n), "nama": satu_baris(nama),
         "indikator": [_indikator(r, penanda) for r in items]}
        for n, nama, items in ra.sasaran]}


def konteks(data: DataLaporan, hasil, penanda: Penanda, grafik) -> dict:
    """The plan, then the Sekretaris's signature dated as the Perjanjian Kinerja it breaks
    down (the revised one's date when there is one)."""
    i = data.identitas
    return {
        "renaksi": renaksi(data, penanda),
        "ttd": tanda_tangan_pada(i, i.tanggal_pk_perubahan or i.tanggal_pk, penanda,
                                 "Rencana Aksi: tanggal penandatanganan"),
    }
