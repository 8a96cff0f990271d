"""The template's context: every figure and sentence of the report as ready-to-print text.

`build_context` turns a DataLaporan and its computed Hasil into plain dicts, lists and
strings. Numbers are formatted here (generator.format), never in the template; every
generated sentence about the figures comes from generator.analisis, so the text cannot
contradict the tables. Text that may be missing is a "paragraph" dict {"teks", "petunjuk"}:
exactly one of the two is filled, and the template prints `petunjuk` (a bracketed
instruction) in the highlighted Placeholder style. List items add "no", the number the
generator gives them. A part of the report that has no data is "" (or an empty list), so the
template leaves it out with its heading. Fixed report texts live in generator.teks.
"""

from __future__ import annotations

import math
import re
import textwrap
from pathlib import Path

from generator import analisis as an
from generator import format as fmt
from generator import teks
from generator.capaian import Hasil, kalimat_rumus
from generator.model import NEGATIF, DataLaporan, Identitas

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


def _gabung(items: list[str]) -> str:
    """`a`, `a dan b`, `a, b dan c`."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " dan " + items[-1]


def _jumlah_indikator(hasil: Hasil) -> int:
    return sum(len(hs.indikator) for hs in hasil.sasaran)


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


# --- Bab I ---------------------------------------------------------------------------------


def sekretariat(data: DataLaporan) -> dict:
    """Tasks, powers and duties of a KPU Kabupaten/Kota secretariat under UU 7/2017."""
    satker = nama_satker(data.identitas)
    return {
        "pengantar": [paragraf(teks.SEKRETARIAT_PENGANTAR.format(satker=satker))],
        "tugas": daftar(teks.TUGAS, huruf=True),
        "wewenang": daftar(teks.WEWENANG, huruf=True),
        "kewajiban": daftar(teks.KEWAJIBAN, huruf=True),
        "penutup": [paragraf(teks.SEKRETARIAT_PENUTUP.format(satker=satker))],
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
        uraian = [teks.STRUKTUR.format(satker=nama_satker(data.identitas))]
    bagan = penanda.kosong(
        "Bab I C.2: bagan struktur organisasi",
        "[Sisipkan gambar bagan struktur organisasi di sini]",
    )
    return {"uraian": [paragraf(p) for p in uraian], "bagan": bagan}


def sistematika() -> list[dict]:
    return [
        {"no": f"{n}.", "judul": judul, "uraian": uraian}
        for n, (judul, uraian) in enumerate(teks.SISTEMATIKA, start=1)
    ]


# --- Bab II --------------------------------------------------------------------------------


def renstra(data: DataLaporan, penanda: Penanda) -> dict:
    """Visi, misi, tujuan and IKU from the Renstra sheet; sasaran from the Kinerja sheet."""
    r = data.renstra
    pengantar = teks.RENSTRA_PENGANTAR.format(
        periode=satu_baris(data.identitas.periode_renstra), satker=nama_satker(data.identitas))
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
    pengantar = teks.PK_PENGANTAR.format(
        tahun=i.tahun, kapan=f" pada tanggal {fmt.tanggal(i.tanggal_pk)}" if i.tanggal_pk else "",
        pihak=_pihak_kalimat(i), sasaran=fmt.jumlah_terbilang(len(data.sasaran)),
        indikator=fmt.jumlah_terbilang(_jumlah_indikator(hasil)),
    )
    return {"pengantar": [paragraf(pengantar)], "sasaran": pk_sasaran(hasil)}


# --- charts --------------------------------------------------------------------------------


def _grafik(g) -> list[dict]:
    """A chart specification as a one-item list (render.py turns `gambar` into a native chart);
    [] for None."""
    if g is None:
        return []
    return [{"gambar": g, "nama": g.nama, "judul": satu_baris(g.judul), "alt": satu_baris(g.alt)}]


def gambar_grafik(data: DataLaporan, hasil: Hasil, folder: Path | bool | None) -> dict:
    """Every chart's specification: {"capaian": [..], "anggaran": [..], "tren": {kode: [..]}}.

    With folder None (or False) there are no charts (each list is empty); any other value asks
    for them (a folder is accepted for compatibility and not used: charts are native now).
    """
    if folder is None or folder is False:
        return {"capaian": [], "anggaran": [], "tren": {}}
    from generator import charts

    tahun = data.identitas.tahun
    tren = {kode: _grafik(charts.grafik_tren(hi.indikator, tahun, kode))
            for kode, hi in an.indikator_berkode(hasil) if hi.indikator.realisasi_lalu}
    return {
        "capaian": _grafik(charts.grafik_capaian(hasil, data.pengaturan, tahun)),
        "anggaran": _grafik(charts.grafik_anggaran(hasil.anggaran, tahun)),
        "tren": tren,
    }


def _ada_grafik(grafik: dict) -> bool:
    return bool(grafik["capaian"] or grafik["anggaran"] or any(grafik["tren"].values()))


# --- Bab III A: the seven parts of each sasaran ----------------------------------------------


class _Huruf:
    """Letters the parts of one sasaran that are present: `a. ...`, `b. ...`, no gaps."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self, judul: str) -> str:
        self.n += 1
        return f"{fmt.huruf(self.n)}. {judul}"


def _baris(obj, *names: str) -> dict:
    """The named text fields of an analisis row, on one line each."""
    return {name: satu_baris(getattr(obj, name)) for name in names}


def _bagian_target(a: an.AnalisisSasaran, judul: _Huruf, tahun: int) -> dict:
    """Part 1: the capaian table's heading, scale note and sentences."""
    return {
        "judul": judul(teks.JUDUL_TARGET.format(tahun=tahun)),
        "skala": teks.SKALA.format(skala=a.target.skala),
        "kalimat": [paragraf(f"{a.ringkasan.kalimat} {a.target.kalimat}")],
    }


def _bagian_tahun(a: an.AnalisisSasaran, judul: _Huruf, tren: dict) -> dict | str:
    """Part 2: realisasi and capaian per year, one sentence (and chart) per indicator."""
    p = a.tahun_lalu
    if p is None:
        return ""
    rentang = f"{p.tahun[0]}–{p.tahun[-1]}"
    return {
        "judul": judul(teks.JUDUL_TAHUN_LALU),
        "caption": f"Realisasi dan Capaian Indikator Sasaran {a.nomor} Tahun {rentang}",
        "baris": [
            {**_baris(b, "kode", "nama"),
             "nilai": [{"tahun": str(n.tahun), **_baris(n, "realisasi", "capaian")} for n in b.nilai]}
            for b in p.baris
        ],
        "catatan": f"Catatan: {satu_baris(p.catatan)}",
        "uraian": [{"kalimat": [paragraf(b.kalimat)], "grafik": tren.get(b.kode, [])}
                   for b in p.baris],
    }


def _bagian_renstra(a: an.AnalisisSasaran, judul: _Huruf, periode: str) -> dict | str:
    """Part 3: realisasi of the year against the Renstra target."""
    if not a.renstra:
        return ""
    return {
        "judul": judul(teks.JUDUL_RENSTRA.format(periode=periode)),
        "caption": f"Capaian Indikator Sasaran {a.nomor} terhadap Target Renstra {periode}",
        "baris": [_baris(b, "kode", "nama", "target_renstra", "realisasi", "capaian", "status")
                  for b in a.renstra],
        "kalimat": [paragraf(b.kalimat) for b in a.renstra],
    }


def _bagian_standar(a: an.AnalisisSasaran, judul: _Huruf) -> dict | str:
    """Part 4: realisasi against the national standard, where one is given."""
    if not a.standar:
        return ""
    return {
        "judul": judul(teks.JUDUL_STANDAR),
        "caption": f"Perbandingan Indikator Sasaran {a.nomor} dengan Standar Nasional",
        "baris": [_baris(b, "kode", "nama", "realisasi", "standar", "selisih", "penilaian")
                  for b in a.standar],
        "kalimat": [paragraf(b.kalimat) for b in a.standar],
    }


def _bagian_penjelasan(a: an.AnalisisSasaran, judul: _Huruf, penanda: Penanda) -> dict:
    """Part 5: each indicator's Penjelasan, or a placeholder for staff to write it."""
    isi = []
    for p in a.penjelasan:
        kode = satu_baris(p.kode)
        if p.paragraf is None:
            tempat = f"Bab III A, Sasaran {a.nomor}, {kode}: penyebab dan solusi"
            isi.append({"label": f"{kode}: ", **penanda.kosong(
                tempat, teks.PETUNJUK_PENJELASAN.format(kode=kode))})
            continue
        for n, baris in enumerate(p.paragraf):
            isi.append({"label": f"{kode}: " if n == 0 else "", **paragraf(baris)})
    return {"judul": judul(teks.JUDUL_PENJELASAN), "paragraf": isi}


def _bagian_efisiensi(a: an.AnalisisSasaran, judul: _Huruf) -> dict | str:
    """Part 6: the sasaran's budget lines, serapan beside capaian, one sentence."""
    e = a.efisiensi
    if e is None:
        return ""
    return {
        "judul": judul(teks.JUDUL_EFISIENSI),
        "caption": f"Anggaran yang Mendukung Sasaran {a.nomor}",
        "baris": [_baris(b, "uraian", "pagu", "realisasi", "serapan") for b in e.baris],
        **_baris(e, "pagu", "realisasi", "serapan", "capaian", "selisih"),
        "kalimat": [paragraf(e.kalimat)],
    }


def _bagian_program(a: an.AnalisisSasaran, judul: _Huruf) -> dict | str:
    """Part 7: the programs and activities that supported the sasaran."""
    if not a.program:
        return ""
    # analisis split the lines already; re-splitting at other breaks (U+0085) would add numbers.
    item = [{"no": f"{n}.", **paragraf(t)} for n, t in enumerate(a.program, start=1)]
    return {"judul": judul(teks.JUDUL_PROGRAM), "pengantar": teks.PROGRAM_PENGANTAR, "item": item}


def capaian_sasaran(a: an.AnalisisSasaran, data: DataLaporan, penanda: Penanda,
                    tren: dict) -> dict:
    """One sasaran of Bab III A: its capaian table and the parts that have data."""
    judul = _Huruf()
    periode = satu_baris(data.identitas.periode_renstra)
    return {
        "no": str(a.nomor),
        "nama": satu_baris(a.nama),
        "indikator": [_baris(b, "kode", "nama", "target", "realisasi", "capaian", "kategori")
                      for b in a.target.baris],
        "capaian": a.target.capaian,
        "kategori": a.target.kategori,
        "target": _bagian_target(a, judul, data.identitas.tahun),
        "tahun_lalu": _bagian_tahun(a, judul, tren),
        "renstra": _bagian_renstra(a, judul, periode),
        "standar": _bagian_standar(a, judul),
        "penjelasan": _bagian_penjelasan(a, judul, penanda),
        "efisiensi": _bagian_efisiensi(a, judul),
        "program": _bagian_program(a, judul),
    }


def capaian(data: DataLaporan, hasil: Hasil, penanda: Penanda, grafik: dict) -> dict:
    i = data.identitas
    p = data.pengaturan
    ada_negatif = any(h.indikator.polaritas == NEGATIF for hs in hasil.sasaran for h in hs.indikator)
    rumus = kalimat_rumus(p, ada_negatif)
    pk_tgl = f" yang ditetapkan pada tanggal {fmt.tanggal(i.tanggal_pk)}" if i.tanggal_pk else ""
    pengantar = [teks.CAPAIAN_PENGANTAR.format(tahun=i.tahun, pk_tgl=pk_tgl, rumus=rumus),
                 teks.CAPAIAN_URAIAN]
    sasaran = [capaian_sasaran(a, data, penanda, grafik["tren"]) for a in an.analisis_semua(data, hasil)]
    rekap = [
        {"no": str(n), "nama": satu_baris(hs.sasaran.nama), "jumlah": str(len(hs.indikator)),
         "capaian": an.teks_capaian(hs.capaian, p), "kategori": an.kategori_cetak(hs.capaian, p)}
        for n, hs in enumerate(hasil.sasaran, start=1)
    ]
    return {
        "pengantar": [paragraf(t) for t in pengantar],
        "rumus": rumus,
        "sasaran": sasaran,
        "kegiatan": kegiatan(data),
        "rekap": rekap,
        "rata_rata": an.teks_capaian(hasil.capaian, p),
        "kategori": an.kategori_cetak(hasil.capaian, p),
        "skala": teks.SKALA.format(skala=an.deskripsi_skala(p.skala_kategori)),
        "grafik": grafik["capaian"],
    }


def kegiatan(data: DataLaporan) -> list[dict]:
    """The Tahapan/Kegiatan lists that the workbook gives, in a fixed order."""
    return [
        {"judul": teks.JUDUL_KEGIATAN[k].format(tahun=data.identitas.tahun),
         "item": daftar(data.daftar[k])}
        for k in KEGIATAN
        if pecah(list(data.daftar.get(k, ())))
    ]


# --- Bab III B: anggaran -------------------------------------------------------------------


def _uang(r) -> dict:
    """Pagu, realisasi and percent of one Realisasi for table cells."""
    return {
        "pagu": fmt.angka(r.pagu, 0),
        "realisasi": fmt.angka(r.realisasi, 0),
        "persen": fmt.angka(r.persen, 2) if r.persen is not None else fmt.KOSONG,
    }


def kalimat_sisa(hasil: Hasil) -> str:
    """What the budget tables do not show: the amount left unspent, or spent above the pagu.

    The realisation itself is stated once, in analisis.ringkasan (Ikhtisar and Bab IV).
    """
    sisa = hasil.anggaran.total.sisa
    if sisa > 0:
        return f"Sisa anggaran yang tidak terserap sebesar {fmt.rupiah(sisa)}."
    if sisa < 0:
        return f"Realisasi anggaran melebihi pagu sebesar {fmt.rupiah(-sisa)}."
    return "Seluruh pagu anggaran terserap."


def anggaran(data: DataLaporan, hasil: Hasil, grafik: dict) -> dict:
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
    pengantar = teks.ANGGARAN_PENGANTAR.format(
        tahun=data.identitas.tahun, satker=nama_satker(data.identitas),
        pagu=fmt.rupiah(ha.total.pagu), rincian=rincian)
    total = {**_uang(ha.total), "baris": [{"nama": satu_baris(s.nama), **_uang(s.jumlah)} for s in ha.sumber]}
    return {
        "pengantar": [paragraf(pengantar)],
        "sumber": sumber,
        "total": total,
        "kalimat": [paragraf(kalimat_sisa(hasil))],
        "grafik": grafik["anggaran"],
    }


# --- Bab IV and Lampiran -------------------------------------------------------------------


def kesimpulan(data: DataLaporan, hasil: Hasil) -> list[dict]:
    pembuka = teks.KESIMPULAN_PEMBUKA.format(satker=nama_satker(data.identitas),
                                              tahun=data.identitas.tahun)
    return [paragraf(f"{pembuka} {an.ringkasan(data, hasil)}")]


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
    return {"pk": {
        "tempat_tanggal": tempat_tanggal,
        "pertama": _pihak(i.nama_penandatangan, i.jabatan_penandatangan, i.nip_penandatangan,
                          penanda, "Pihak Pertama"),
        "kedua": _pihak(i.nama_atasan, i.jabatan_atasan, None, penanda, "Pihak Kedua"),
        "janji": [paragraf(p.format(periode=periode)) for p in teks.JANJI_PK],
    }}


# --- the whole context ---------------------------------------------------------------------


def build_context(data: DataLaporan, hasil: Hasil, grafik: Path | bool | None = None) -> dict:
    """Everything the template prints, as plain strings, lists and dicts.

    `grafik` true (or a folder, kept for compatibility) asks for the charts; None or False
    gives a report without charts, chart captions or Daftar Grafik. A chart is a dict
    {"gambar" (a generator.charts.Grafik), "nama", "judul", "alt"} in a list that is empty
    without it; render.py turns `gambar` into a native Word chart. `ada_grafik` is "ya" when any chart was drawn, else "".

    `placeholders` lists (in Indonesian) each place where the report shows a highlighted
    placeholder instead of content from the workbook. `logo` is the logo's path as text,
    "" when none; render.py turns it into a picture.
    """
    i = data.identitas
    penanda = Penanda()
    narasi = penanda.narasi
    gambar = gambar_grafik(data, hasil, grafik)
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
        "ada_grafik": "ya" if _ada_grafik(gambar) else "",
        "kata_pengantar": narasi(
            data, KATA_PENGANTAR, "Kata Pengantar", "[Tuliskan kata pengantar di sini]"),
        "ikhtisar": narasi(
            data, IKHTISAR, "Ikhtisar Eksekutif", "[Tuliskan ikhtisar eksekutif di sini]"),
        "ikhtisar_ringkasan": [paragraf(an.ringkasan(data, hasil))],
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
        "capaian": capaian(data, hasil, penanda, gambar),
        "anggaran": anggaran(data, hasil, gambar),
        "penutup_kesimpulan": kesimpulan(data, hasil),
        "penutup": narasi(
            data, PENUTUP, "Bab IV: penutup", "[Tuliskan penutup dan rencana ke depan di sini]"),
        "langkah_perbaikan": daftar(data.daftar.get(LANGKAH, ())),
        "lampiran": lampiran(data, penanda),
    }
    context["placeholders"] = list(penanda.tempat)
    return context
