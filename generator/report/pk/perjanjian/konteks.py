"""The Perjanjian Kinerja's context: parties, place and date, the targets, the programs and their pagu.

One function for both places the PK is printed: the document `lkj pk` writes and the LKj's
Lampiran 2 (generator.report.lkj.lampiran), from the one record `generator.figures.sakip.perjanjian`,
so the two never differ. The LKj's Bab II tables take their rows from `pk_sasaran` too.
"""

from __future__ import annotations

from decimal import Decimal

from generator import format as fmt
from generator.model import DataLaporan
from generator.report.dasar import Penanda, paragraf, petunjuk, satu_baris
from generator.report.satker import baris_kapital, nama_satker, sampul
from generator.figures.sakip import PerjanjianKinerja, Pihak, perjanjian

KONTEKS = "perjanjian"  # the context key the template's PK pages read


def _pihak(pihak: Pihak, penanda: Penanda, tempat: str, siapa: str) -> dict:
    """One party; a missing name becomes a placeholder (and a missing position, which only
    the first party can have: the second defaults to its Ketua)."""
    if pihak.jabatan:
        jabatan = paragraf(pihak.jabatan)
        baris = [paragraf(b) for b in baris_kapital(pihak.jabatan, 28)]
    else:
        jabatan = penanda.kosong(f"{tempat}: jabatan {siapa}", f"[Jabatan {siapa}]")
        baris = [petunjuk(f"[JABATAN {siapa.upper()}]")]
    nama = paragraf(pihak.nama) if pihak.nama else penanda.kosong(
        f"{tempat}: nama {siapa}", f"[Nama {siapa}]")
    return {"nama": nama, "jabatan": jabatan, "jabatan_baris": baris,
            "nip": satu_baris(pihak.nip or "")}


def _sejajar(pertama: dict, kedua: dict) -> dict:
    """Both parties' positions padded with empty lines to as many lines, so that the two names
    under the signatures line up."""
    n = max(len(pertama["jabatan_baris"]), len(kedua["jabatan_baris"]))
    for pihak in (pertama, kedua):
        pihak["jabatan_baris"] += [paragraf("")] * (n - len(pihak["jabatan_baris"]))
    return {"pertama": pertama, "kedua": kedua}


def pk_sasaran(pk: PerjanjianKinerja) -> list[dict]:
    """Sasaran with their indicators and targets as printed; `target_semula` is the target of
    the original PK (the same as `target` where it did not change)."""
    return [
        {
            "no": str(s.nomor),
            "nama": satu_baris(s.nama),
            "indikator": [
                {"no": str(k), "kode": t.kode, "nama": satu_baris(t.indikator.nama),
                 "target": fmt.nilai_satuan(t.target, t.indikator.satuan),
                 "target_semula": fmt.nilai_satuan(
                     t.target if t.target_semula is None else t.target_semula,
                     t.indikator.satuan)}
                for k, t in enumerate(s.indikator, start=1)
            ],
        }
        for s in pk.sasaran
    ]


def _semula(pagu: Decimal, semula: Decimal | None) -> Decimal:
    return pagu if semula is None else semula


def _program(pk: PerjanjianKinerja) -> list[dict]:
    return [{"no": str(n), "nama": satu_baris(p.nama), "pagu": fmt.rupiah(p.pagu),
             "pagu_semula": fmt.rupiah(_semula(p.pagu, p.pagu_semula))}
            for n, p in enumerate(pk.program, start=1)]


def _tempat_tanggal(pk: PerjanjianKinerja, penanda: Penanda, tempat: str) -> dict:
    if pk.tanggal:
        return paragraf(f"{pk.tempat}, {fmt.tanggal(pk.tanggal)}")
    nama = "Perjanjian Kinerja Perubahan" if pk.perubahan else "Perjanjian Kinerja"
    return penanda.kosong(f"{tempat}: tanggal {nama}", f"[{satu_baris(pk.tempat)}, tanggal {nama}]")


def perjanjian_konteks(data: DataLaporan, penanda: Penanda, tempat: str) -> dict:
    """Everything the PK pages print but their fixed words; `tempat` names where they are
    in the list of placeholders (`Perjanjian Kinerja`, `Lampiran 2`)."""
    pk = perjanjian(data)
    semula = sum((_semula(p.pagu, p.pagu_semula) for p in pk.program), Decimal(0))
    return {
        "perubahan": "ya" if pk.perubahan else "",
        "instansi": sampul(data.identitas, pk.tahun)["instansi"],
        "kelembagaan": nama_satker(data.identitas),
        "tempat_tanggal": _tempat_tanggal(pk, penanda, tempat),
        "tanggal_semula": fmt.tanggal(pk.tanggal_semula) if pk.tanggal_semula else "",
        **_sejajar(_pihak(pk.pertama, penanda, tempat, "Pihak Pertama"),
                   _pihak(pk.kedua, penanda, tempat, "Pihak Kedua")),
        "sasaran": pk_sasaran(pk),
        "program": _program(pk),
        "jumlah_pagu": fmt.rupiah(pk.jumlah_pagu),
        "jumlah_pagu_semula": fmt.rupiah(semula),
    }


def konteks(data: DataLaporan, hasil, penanda: Penanda, grafik) -> dict:
    """The PK document's own part."""
    return {KONTEKS: perjanjian_konteks(data, penanda, "Perjanjian Kinerja")}
