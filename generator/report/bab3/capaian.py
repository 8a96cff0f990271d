"""Bab III A Capaian Kinerja Organisasi: each sasaran's seven parts, the recap, the rule used.

The chapter's fixed words (sub-headings, captions, notes) are text in the template; here are
the figures, the letters of the parts present, and the sentences built from the figures.
"""

from __future__ import annotations

from generator import format as fmt
from generator.figures.capaian import Hasil
from generator.model import NEGATIF, RUMUS_2T_R, RUMUS_T_R, RUMUS_TERCAPAI, DataLaporan, Pengaturan
from generator.report.bab3 import analisis as an
from generator.report.dasar import Huruf, Penanda, daftar, paragraf, pecah, satu_baris
from generator.report.skala import deskripsi_skala, kategori_cetak, teks_capaian

# Kelompok of the Daftar sheet printed after the sasaran, by their context key.
KEGIATAN = {"tahapan_pemilu": "Tahapan Pemilu", "tahapan_pemilihan": "Tahapan Pemilihan",
            "kegiatan": "Kegiatan"}

# --- the rule in words -----------------------------------------------------------------------

_POSITIF_KALIMAT = "realisasi dibagi target dikali 100"
_NEGATIF_AWAL = "untuk indikator negatif (makin kecil realisasi makin baik)"
_NEGATIF_KALIMAT = {
    RUMUS_TERCAPAI: (
        "capaian bernilai 100 bila realisasi tidak melebihi target; bila melebihi, capaian "
        "dihitung dari dua kali target dikurangi realisasi, dibagi target, dikali 100, "
        "dan paling rendah 0"
    ),
    RUMUS_2T_R: (
        "capaian dihitung dari dua kali target dikurangi realisasi, dibagi target, dikali 100, "
        "dan paling rendah 0"
    ),
    RUMUS_T_R: "capaian dihitung dari target dibagi realisasi dikali 100",
}


def _kalimat_negatif(pengaturan: Pengaturan) -> str:
    """The clause for negative indicators under the configured rule."""
    try:
        kalimat = f"{_NEGATIF_AWAL} {_NEGATIF_KALIMAT[pengaturan.rumus_negatif]}"
    except KeyError:
        raise ValueError(f"unknown rumus_negatif: {pengaturan.rumus_negatif!r}") from None
    if pengaturan.rumus_negatif == RUMUS_T_R:
        nilai = "setinggi batas capaian" if pengaturan.batas_capaian is not None else "bernilai 100"
        kalimat += f", dan bila realisasi 0 capaian {nilai}"
    return kalimat


def kalimat_rumus(pengaturan: Pengaturan, ada_negatif: bool) -> str:
    """The sentence(s) stating how capaian was computed: the negative rule only when some
    indicator is negative; the cap, when set, in a sentence of its own."""
    kalimat = f"Capaian dihitung dengan rumus {_POSITIF_KALIMAT} untuk indikator positif"
    if ada_negatif:
        kalimat += f"; {_kalimat_negatif(pengaturan)}"
    kalimat += "."
    if pengaturan.batas_capaian is not None:
        kalimat += f" Capaian dibatasi paling tinggi {fmt.angka(pengaturan.batas_capaian)}."
    return kalimat


# --- the seven parts of one sasaran ----------------------------------------------------------


def _baris(obj, *names: str) -> dict:
    """The named text fields of an analysis row, on one line each."""
    return {name: satu_baris(getattr(obj, name)) for name in names}


def _bagian_target(a: an.AnalisisSasaran, huruf: Huruf) -> dict:
    """Part 1: the capaian table's letter, scale and sentences."""
    return {"huruf": huruf(), "skala": a.target.skala,
            "kalimat": [paragraf(f"{a.ringkasan.kalimat} {a.target.kalimat}")]}


def _bagian_tahun(a: an.AnalisisSasaran, huruf: Huruf, tren: dict) -> dict | str:
    """Part 2: realisasi and capaian per year, one sentence (and chart) per indicator."""
    p = a.tahun_lalu
    if p is None:
        return ""
    return {
        "huruf": huruf(), "rentang": f"{p.tahun[0]}–{p.tahun[-1]}", "lalu": p.lalu,
        "baris": [
            {**_baris(b, "kode", "nama"),
             "nilai": [{"tahun": str(n.tahun), **_baris(n, "realisasi", "capaian")} for n in b.nilai]}
            for b in p.baris
        ],
        # `kunci`: the indicator a sentence and chart belong to (generator.marks.kunci)
        "uraian": [{"kunci": b.nama, "kalimat": [paragraf(b.kalimat)],
                    "grafik": tren.get(b.kode, [])} for b in p.baris],
    }


def _bagian_tabel(rows: tuple, huruf: Huruf, *names: str) -> dict | str:
    """Parts 3 and 4: table rows and one sentence per row; "" when no indicator has the data."""
    if not rows:
        return ""
    return {"huruf": huruf(), "baris": [_baris(b, *names) for b in rows],
            "kalimat": [{"kunci": b.nama, **paragraf(b.kalimat)} for b in rows]}


def _bagian_penjelasan(a: an.AnalisisSasaran, huruf: Huruf, penanda: Penanda) -> dict:
    """Part 5: each indicator's Penjelasan, or a placeholder for staff to write it."""
    isi = []
    for p in a.penjelasan:
        kode = satu_baris(p.kode)
        if p.paragraf is None:
            tempat = f"Bab III A, Sasaran {a.nomor}, {kode}: penyebab dan solusi"
            isi.append({"kunci": p.nama, "label": f"{kode}: ", **penanda.kosong(
                tempat, f"[Tuliskan penyebab keberhasilan atau kegagalan {kode} serta solusi "
                        "yang ditempuh, atau isi kolom Penjelasan pada lembar Kinerja]")})
            continue
        for n, baris in enumerate(p.paragraf):
            isi.append({"kunci": f"{p.nama}#{n}", "label": f"{kode}: " if n == 0 else "",
                        **paragraf(baris)})
    return {"huruf": huruf(), "paragraf": isi}


def _bagian_efisiensi(a: an.AnalisisSasaran, huruf: Huruf) -> dict | str:
    """Part 6: the sasaran's budget lines, serapan beside capaian, one sentence."""
    e = a.efisiensi
    if e is None:
        return ""
    return {
        "huruf": huruf(),
        "baris": [_baris(b, "uraian", "pagu", "realisasi", "serapan") for b in e.baris],
        **_baris(e, "pagu", "realisasi", "serapan", "capaian", "selisih"),
        "kalimat": [paragraf(e.kalimat)],
    }


def _bagian_program(a: an.AnalisisSasaran, huruf: Huruf) -> dict | str:
    """Part 7: the programs and activities that supported the sasaran."""
    if not a.program:
        return ""
    # The analysis split the lines already; re-splitting at other breaks (U+0085) would add numbers.
    item = [{"no": f"{n}.", **paragraf(t)} for n, t in enumerate(a.program, start=1)]
    return {"huruf": huruf(), "item": item}


def sasaran(a: an.AnalisisSasaran, penanda: Penanda, tren: dict) -> dict:
    """One sasaran of Bab III A: its capaian table and the parts that have data, lettered."""
    huruf = Huruf()
    return {
        "no": str(a.nomor),
        "nama": satu_baris(a.nama),
        "indikator": [_baris(b, "kode", "nama", "target", "realisasi", "capaian", "kategori")
                      for b in a.target.baris],
        "capaian": a.target.capaian,
        "kategori": a.target.kategori,
        "target": _bagian_target(a, huruf),
        "tahun_lalu": _bagian_tahun(a, huruf, tren),
        "renstra": _bagian_tabel(a.renstra, huruf, "kode", "nama", "target_renstra", "realisasi",
                                 "capaian", "status"),
        "standar": _bagian_tabel(a.standar, huruf, "kode", "nama", "realisasi", "standar",
                                 "selisih", "penilaian"),
        "penjelasan": _bagian_penjelasan(a, huruf, penanda),
        "efisiensi": _bagian_efisiensi(a, huruf),
        "program": _bagian_program(a, huruf),
    }


def kegiatan(data: DataLaporan) -> dict:
    """The Tahapan/Kegiatan lists that the workbook gives ([] for a group it does not)."""
    return {kunci: daftar(data.daftar.get(kelompok, ())) if pecah(list(data.daftar.get(kelompok, ())))
            else [] for kunci, kelompok in KEGIATAN.items()}


def capaian(data: DataLaporan, hasil: Hasil, penanda: Penanda, grafik: list, tren: dict) -> dict:
    """The context of Bab III A."""
    p = data.pengaturan
    ada_negatif = any(hi.indikator.polaritas == NEGATIF for _, hi in hasil.berkode())
    rekap = [
        {"no": str(hs.nomor), "nama": satu_baris(hs.sasaran.nama), "jumlah": str(len(hs.indikator)),
         "capaian": teks_capaian(hs.capaian, p), "kategori": kategori_cetak(hs.capaian, p)}
        for hs in hasil.sasaran
    ]
    return {
        "rumus": kalimat_rumus(p, ada_negatif),
        "sasaran": [sasaran(a, penanda, tren) for a in an.analisis_semua(data, hasil)],
        "kegiatan": kegiatan(data),
        "rekap": rekap,
        "rata_rata": teks_capaian(hasil.capaian, p),
        "kategori": kategori_cetak(hasil.capaian, p),
        "skala": deskripsi_skala(p.skala_kategori),
        "grafik": grafik,
    }
