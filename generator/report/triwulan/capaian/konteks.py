"""The quarterly report's figures as printed and the sentences built from them.

Everything comes from `generator.figures.sakip.triwulan` (exact figures); here they are rounded for
print only. An indicator is on track when its realisasi to date meets its target to date
(`IndikatorTriwulan.sesuai_rencana`); one whose quarter is not filled yet is said so.
"""

from __future__ import annotations

from generator import format as fmt
from generator.format import romawi
from generator.model import NEGATIF, DataLaporan, Pengaturan
from generator.report.dasar import Penanda, gabung, paragraf, satu_baris
from generator.report.satker import tanda_tangan_pada
from generator.report.skala import kalimat_rumus, teks_capaian
from generator.figures.sakip import IndikatorTriwulan, LaporanTriwulan, triwulan

def _indikator(i: IndikatorTriwulan, p: Pengaturan) -> dict:
    satuan, t = i.indikator.satuan, i.titik
    return {"kode": i.kode, "nama": satu_baris(i.indikator.nama),
            "target_tahun": fmt.nilai_satuan(i.indikator.target, satuan),
            "target": fmt.nilai_satuan(t.target, satuan),
            "realisasi": fmt.nilai_satuan(t.realisasi, satuan),
            "capaian": teks_capaian(t.capaian, p), "capaian_tahun": teks_capaian(t.capaian_tahun, p)}


def _daftar_kode(items: list[IndikatorTriwulan]) -> str:
    return gabung([i.kode for i in items])


def bacaan(lap: LaporanTriwulan, p: Pengaturan) -> list[dict]:
    """What is on track and what is not, in a few sentences a person can start from."""
    sd = f"sampai dengan Triwulan {romawi(lap.ke)}"
    items = lap.berkode()
    sesuai, tertinggal = lap.sesuai(), lap.tertinggal()
    belum = [i for i in items if i.sesuai_rencana is None]
    bagian = [f"{len(sesuai) or 'tidak ada yang'} sesuai dengan rencana {sd}",
              f"{len(tertinggal) or 'tidak ada yang'} tertinggal dari target triwulan"]
    if belum:
        bagian.append(f"{len(belum)} belum dapat dinilai karena target atau realisasi "
                      "triwulannya belum diisi")
    kalimat = [f"Dari {len(items)} indikator kinerja, {gabung(bagian)}."]
    if lap.capaian is not None:
        kalimat.append(f"Rata-rata capaian terhadap target {sd} sebesar "
                       f"{teks_capaian(lap.capaian, p)}%.")
    if sesuai:
        kalimat.append(f"Indikator yang sesuai rencana: {_daftar_kode(sesuai)}.")
    for i in tertinggal:
        t = i.titik
        kalimat.append(
            f"{i.kode} ({satu_baris(i.indikator.nama)}) baru mencapai "
            f"{fmt.nilai_satuan(t.realisasi, i.indikator.satuan)} dari target "
            f"{fmt.nilai_satuan(t.target, i.indikator.satuan)} {sd} (capaian "
            f"{teks_capaian(t.capaian, p)}%) dan perlu percepatan pada triwulan berikutnya."
            if lap.ke < 4 else
            f"{i.kode} ({satu_baris(i.indikator.nama)}) mencapai "
            f"{fmt.nilai_satuan(t.realisasi, i.indikator.satuan)} dari target tahunan "
            f"{fmt.nilai_satuan(t.target, i.indikator.satuan)} (capaian "
            f"{teks_capaian(t.capaian, p)}%).")
    return [paragraf(k) for k in kalimat]


def _uang(nama: str, r) -> dict:
    """Table cells as the LKj's budget tables print them: rupiah in the header, not the cell."""
    return {"nama": satu_baris(nama), "pagu": fmt.angka(r.pagu, 0),
            "realisasi": fmt.angka(r.realisasi, 0), "persen": fmt.angka(r.persen, 2)}


def anggaran(lap: LaporanTriwulan, grafik: list) -> dict:
    """The budget absorbed to the end of the quarter, per sumber dana and in total."""
    total = lap.anggaran.total
    sd = f"sampai dengan Triwulan {romawi(lap.ke)} Tahun {lap.tahun}"
    if total.realisasi is None:
        kalimat = (f"Realisasi anggaran {sd} belum dapat dihitung karena realisasi triwulan "
                   "sebagian baris anggaran belum diisi.")
    else:
        kalimat = (f"Realisasi anggaran {sd} sebesar {fmt.rupiah(total.realisasi)} atau "
                   f"{fmt.persen(total.persen)} dari pagu {fmt.rupiah(total.pagu)}; sisa pagu "
                   f"untuk triwulan berikutnya {fmt.rupiah(total.pagu - total.realisasi)}.")
    return {"baris": [_uang(s.nama, s.jumlah) for s in lap.anggaran.sumber],
            "total": _uang("Total", total), "kalimat": [paragraf(kalimat)], "grafik": grafik}


def konteks(data: DataLaporan, hasil, penanda: Penanda, grafik, ke: int) -> dict:
    p = data.pengaturan
    lap = triwulan(data, ke)
    ada_negatif = any(i.indikator.polaritas == NEGATIF for i in lap.berkode())
    sasaran = [{"no": str(n), "nama": satu_baris(nama), "capaian": teks_capaian(c, p),
                "indikator": [_indikator(i, p) for i in items]}
               for n, nama, items, c in lap.sasaran]
    return {"capaian_tw": {
        "sasaran": sasaran, "capaian": teks_capaian(lap.capaian, p),
        "rumus": kalimat_rumus(p, ada_negatif), "bacaan": bacaan(lap, p),
        "grafik": grafik.capaian if grafik else [],
    }, "anggaran_tw": anggaran(lap, grafik.anggaran if grafik else []),
        "tindak_lanjut": penanda.narasi({}, "", f"Laporan Triwulan {romawi(ke)}: tindak lanjut",
                                        "[Tuliskan kendala dan langkah tindak lanjut untuk "
                                        "indikator yang tertinggal di sini]"),
        "ttd": tanda_tangan_pada(data.identitas, None, penanda,
                                 f"Laporan Triwulan {romawi(ke)}: tanggal penandatanganan")}
