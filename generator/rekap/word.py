"""The rekap as a short, editable Word document for the head of planning: a ranked table per year
and level, the shared indicators compared, native charts, and the workbooks still in trouble.

Rendered like a report (render.render_report: sandboxed, autoescaped, strict, native charts,
captions and lists numbered by Word) from templates/rekap.docx, whose styles are the report's.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from generator import format as fmt
from generator.writing.charts import BATANG, GARIS, GELAP, LABEL_MAKS, Grafik, Seri, format_desimal
from generator.report.dasar import daftar, gabung, paragraf

from generator.rekap import NAMA_TINGKAT, Bersama, Kelompok, Rekap, Satker

SERATUS = Decimal(100)


def _angka(nilai: Decimal | None, desimal: int = 2) -> str:
    return fmt.angka(nilai, desimal) if nilai is not None else "-"


def nama_pendek(nama: str) -> str:
    """A chart label: `KPU Kabupaten Aceh Besar` -> `Kab. Aceh Besar`."""
    for awal in ("KPU ", "KIP "):
        nama = nama.removeprefix(awal)
    return nama.replace("Kabupaten ", "Kab. ").replace("Provinsi ", "Prov. ") or "KPU"


def _grafik(nama: str, judul: str, alt: str, kolom: str, kategori: list[str],
            nilai: list[Decimal | None]) -> dict:
    """Columns of capaian (below 100 hatched) against the dashed 100 line."""
    capaian = Seri("Capaian (%)", tuple(nilai), BATANG, GELAP,
                   tuple(i for i, v in enumerate(nilai) if v is not None and v < SERATUS),
                   label=len(nilai) <= LABEL_MAKS)
    seri = (capaian, Seri("Capaian 100", tuple(SERATUS for _ in nilai), GARIS, label=False))
    if capaian.arsir:
        seri += (Seri("Di bawah 100", tuple(None for _ in nilai), BATANG, GELAP, label=False,
                      pola=True),)
    g = Grafik(nama, judul, alt, kolom, tuple(kategori), seri, format_desimal(2), "Capaian (%)",
               kolom, min(20.0, 7.0 + 0.25 * len(nilai)))
    return {"gambar": g, "nama": g.nama, "judul": g.judul, "alt": g.alt}


def _alt(label: list[str], nilai: list[Decimal | None]) -> str:
    return "; ".join(f"{k} {_angka(v)}" for k, v in zip(label, nilai, strict=True))


def _kode(k: Kelompok) -> str:
    return f"{k.tahun}-{k.tingkat.split('/')[0].lower()}"


# More satker than this make a column each too thin to read: their spread is drawn instead.
SATKER_MAKS = 40
SEBARAN = ((None, Decimal(80), "< 80"), (Decimal(80), Decimal(90), "80 s.d. < 90"),
           (Decimal(90), Decimal(95), "90 s.d. < 95"), (Decimal(95), SERATUS, "95 s.d. < 100"),
           (SERATUS, Decimal(105), "100 s.d. < 105"), (Decimal(105), None, "≥ 105"))


def grafik_sebaran(k: Kelompok) -> dict:
    """How many satker fall in each capaian band (as their reports print the capaian)."""
    nilai = [s.tercetak(s.capaian) for s in k.satker if s.capaian is not None]
    jumlah = [Decimal(sum(1 for v in nilai if (bawah is None or v >= bawah)
                          and (atas is None or v < atas))) for bawah, atas, _ in SEBARAN]
    label = [teks for _, _, teks in SEBARAN]
    seri = (Seri("Jumlah satker", tuple(jumlah), BATANG, GELAP, (0, 1, 2, 3)),
            Seri("Di bawah 100", tuple(None for _ in jumlah), BATANG, GELAP, label=False,
                 pola=True))
    g = Grafik(f"rekap-sebaran-{_kode(k)}", f"Sebaran Capaian Kinerja {len(nilai)} Satker, "
               f"{k.judul}", f"Grafik kolom jumlah satker {k.judul} per rentang capaian "
               f"kinerja; kolom berarsir di bawah 100. {_alt(label, jumlah)}.", "Capaian",
               tuple(label), seri, format_desimal(0), "Jumlah satker", "Rentang capaian", 8.0)
    return {"gambar": g, "nama": g.nama, "judul": g.judul, "alt": g.alt}


def grafik_satker(k: Kelompok) -> list[dict]:
    if len(k.satker) < 2:
        return []
    if len(k.satker) > SATKER_MAKS:
        return [grafik_sebaran(k)]
    nilai = [s.tercetak(s.capaian) for s in k.satker]
    label = [nama_pendek(s.nama) for s in k.satker]
    return [_grafik(f"rekap-satker-{_kode(k)}", f"Capaian Kinerja per Satker, {k.judul}",
                    f"Grafik kolom capaian kinerja {len(k.satker)} satker, {k.judul}, urut dari "
                    f"yang tertinggi; kolom berarsir di bawah 100. {_alt(label, nilai)}.",
                    "Satker", label, nilai)]


def grafik_bersama(k: Kelompok) -> list[dict]:
    if not k.bersama:
        return []
    nilai = [fmt.bulatkan(b.rata_rata, 2) if b.rata_rata is not None else None
             for b in k.bersama]
    label = [str(n) for n in range(1, len(nilai) + 1)]
    return [_grafik(f"rekap-indikator-{_kode(k)}", f"Rata-rata Capaian Indikator yang Sama, "
                    f"{k.judul}", "Grafik kolom rata-rata capaian setiap indikator yang sama, "
                    f"bernomor seperti pada tabel. {_alt(label, nilai)}.",
                    "Indikator", label, nilai)]


def _satker(s: Satker) -> dict:
    rendah = s.terendah
    return {"peringkat": str(s.peringkat), "nama": s.nama,
            "capaian": _angka(s.tercetak(s.capaian), s.desimal),
            "terendah": _angka(rendah.capaian, s.desimal) if rendah else "-",
            "serapan": _angka(s.serapan), "peringatan": str(len(s.peringatan))}


def _teks_peringkat(k: Kelompok) -> list[dict]:
    ada = [s for s in k.satker if s.capaian is not None]
    if not ada:
        return [paragraf(f"Tidak ada satker {k.judul} yang capaiannya dapat dihitung.")]
    atas, bawah = ada[0], ada[-1]
    if len(k.satker) == 1:
        teks = f"Rata-rata capaian kinerja {atas.nama} adalah {_angka(atas.tercetak(atas.capaian))}."
    else:
        kurang = sum(1 for s in ada if s.tercetak(s.capaian) < SERATUS)
        teks = (f"Rata-rata capaian kinerja {len(k.satker)} satker adalah {_angka(k.capaian)}. "
                f"Capaian tertinggi diraih {atas.nama} ({_angka(atas.tercetak(atas.capaian))}), "
                f"terendah {bawah.nama} ({_angka(bawah.tercetak(bawah.capaian))}); {kurang} "
                "satker rata-rata capaiannya di bawah 100.")
    pagu = sum((s.pagu for s in k.satker), Decimal(0))
    real = sum((s.realisasi for s in k.satker), Decimal(0))
    teks += (f" Realisasi anggaran {'seluruhnya ' if len(k.satker) > 1 else ''}"
             f"{fmt.rupiah(real)} dari pagu {fmt.rupiah(pagu)}"
             + (f" ({fmt.persen(real * 100 / pagu)})." if pagu else "."))
    return [paragraf(teks)]


def _bersama(b: Bersama, n: int) -> dict:
    nilai = [e.indikator.capaian for e in b.entri if e.indikator.capaian is not None]
    return {"no": str(n), "nama": b.nama, "satker": str(b.satker),
            "rata_rata": _angka(b.rata_rata),
            "terendah": _angka(min(nilai)) if nilai else "-",
            "tertinggi": _angka(max(nilai)) if nilai else "-",
            "belum": str(sum(1 for v in nilai if v < SERATUS))}


def _teks_bersama(k: Kelompok) -> list[dict]:
    if len(k.satker) < 2:
        return [paragraf("Kelompok ini hanya memuat satu satker, jadi tidak ada indikator yang "
                         "dibandingkan.")]
    if not k.bersama:
        return [paragraf("Tidak ada indikator yang dilaporkan oleh lebih dari satu satker.")]
    teks = (f"{len(k.bersama)} indikator dilaporkan oleh dua satker atau lebih; nama indikator "
            "dianggap sama bila hanya berbeda huruf besar/kecil, spasi, atau tanda baca.")
    dinilai = [b for b in k.bersama if b.rata_rata is not None]
    if dinilai:
        rendah = min(dinilai, key=lambda b: b.rata_rata)
        teks += (f" Rata-rata capaian terendah ada pada indikator nomor "
                 f"{k.bersama.index(rendah) + 1}, {rendah.nama} ({_angka(rendah.rata_rata)}).")
    return [paragraf(teks)]


def _kelompok(k: Kelompok, n: int) -> dict:
    return {
        "huruf": fmt.huruf(n).upper(), "judul": k.judul,
        "peringkat": _teks_peringkat(k),
        "satker": [_satker(s) for s in k.satker],
        "keterangan": ("Capaian: rata-rata capaian sasaran satker. Capaian Terendah: capaian "
                       "indikator terendah satker itu. Angka sama dengan laporan masing-masing "
                       "satker."),
        "grafik_satker": grafik_satker(k),
        "bersama_teks": _teks_bersama(k),
        "bersama": [_bersama(b, i) for i, b in enumerate(k.bersama, start=1)],
        "grafik_bersama": grafik_bersama(k),
    }


def _cakupan(rekap: Rekap) -> str:
    tingkat = list(dict.fromkeys(NAMA_TINGKAT[k.tingkat] for k in rekap.kelompok))
    tahun = [str(t) for t in rekap.tahun]
    return f"{gabung(tingkat)} Tahun {gabung(tahun)}".upper() if tahun else ""


def _pengantar(rekap: Rekap, jumlah_buku: int) -> list[dict]:
    satker = sum(len(k.satker) for k in rekap.kelompok)
    teks = (f"Rekap ini menyajikan capaian kinerja {satker} satker dari {jumlah_buku} buku "
            "kerja")
    if rekap.bermasalah:
        teks += f"; {len(rekap.bermasalah)} buku kerja belum dapat dibaca (lihat bagian akhir)"
    teks += (". Setiap angka dihitung dengan cara yang sama seperti laporan kinerja satker "
             "masing-masing, sehingga sama dengan angka di laporannya.")
    return [paragraf(teks), *(paragraf(c) for c in rekap.catatan)]


def _masalah(rekap: Rekap) -> dict:
    galat = {}
    for m in rekap.masalah:
        if m.galat:
            galat.setdefault(m.berkas, m.pesan)
    bermasalah = [f"{berkas}: {n} galat, antara lain {galat.get(berkas, '')}".rstrip(", ")
                  for berkas, n in rekap.bermasalah]
    peringatan = {}
    for m in rekap.masalah:
        if not m.galat:
            peringatan.setdefault((m.satker, m.berkas), []).append(m)
    return {
        "masalah_teks": [paragraf(
            f"{len(bermasalah)} buku kerja belum dapat dibaca karena galat dan belum masuk "
            "rekap ini; betulkan selnya (lkj periksa menyebut letaknya), lalu buat rekap lagi."
            if bermasalah else "Semua buku kerja dapat dibaca.")],
        "bermasalah": daftar(bermasalah),
        "peringatan_teks": [paragraf("Buku kerja berikut dapat dibaca tetapi memuat peringatan "
                                     "yang perlu diperiksa:")],
        "peringatan": daftar(f"{satker} ({berkas}): {len(isi)} peringatan"
                             for (satker, berkas), isi in peringatan.items()),
    }


def konteks(rekap: Rekap, jumlah_buku: int, hari: date | None = None) -> dict:
    """The template's context: ready-to-print strings, charts as specifications."""
    kelompok = [_kelompok(k, n) for n, k in enumerate(rekap.kelompok, start=1)]
    hari = hari or date.today()
    return {
        "cakupan": _cakupan(rekap), "pengantar": _pengantar(rekap, jumlah_buku),
        "kelompok": kelompok, "huruf_masalah": fmt.huruf(len(kelompok) + 1).upper(),
        **_masalah(rekap),
        "penutup": f"Disusun dengan lkj pada {fmt.tanggal(hari)} dari {jumlah_buku} buku kerja.",
        "kertas": "A4", "logo": "", "tahun": gabung([str(t) for t in rekap.tahun]),
        "satker": "Rekap banyak satker",
    }


def tulis_docx(rekap: Rekap, path: Path, jumlah_buku: int | None = None) -> Path:
    """Write the Word rekap to `path` (the caller makes the write atomic)."""
    import docx

    from generator.writing.render import default_template, render_report

    jumlah = jumlah_buku if jumlah_buku is not None else \
        sum(len(k.satker) for k in rekap.kelompok) + len(rekap.bermasalah)
    render_report(konteks(rekap, jumlah), path, default_template("rekap.docx"))
    doc = docx.Document(str(path))
    doc.core_properties.title = f"Rekapitulasi Laporan Kinerja {_cakupan(rekap).title()}".strip()
    doc.core_properties.subject = doc.core_properties.author = "lkj rekap"
    doc.save(str(path))
    return path
