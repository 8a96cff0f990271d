"""Chart specifications of the report: categories, series and labels from the computed figures.

Pure data, no drawing: `generator.writing.chartpart` turns a `Grafik` into a native Word chart (DrawingML
chart part with its embedded workbook). Each chart has a stable `nama` (`capaian`, `anggaran`,
`tren-ik-1-2`) that names its part in the report, so a later run can find it again.

Public API (each returns None when there is nothing to plot):
- `grafik_capaian(hasil, pengaturan, tahun=None) -> Grafik | None`: capaian per indicator as
  columns (`IK 1.1`...) with the 100 line; `Grafik.keterangan` maps each label to the indicator.
- `grafik_anggaran(hasil_anggaran, tahun=None) -> Grafik | None`: pagu and realisasi per sumber
  dana (plus the total when there are several), in miliar (or juta) rupiah.
- `grafik_tren(indikator, tahun, kode="") -> Grafik | None`: realisasi per year (years as
  numbers) with the year's target as a line. None when the indicator has no earlier realisasi.

Figures are kept as `nilai_grafik` rounds them (4 places; budget exact to the rupiah), every
value axis shows its ticks without padded decimals (`FORMAT_SUMBU`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from generator.figures.capaian import Hasil, HasilAnggaran, Realisasi
from generator.format import MAKS_DESIMAL, angka, bulatkan, nilai_satuan, persen, romawi, rupiah
from generator.model import NEGATIF, DataLaporan, Indikator, Pengaturan

BATANG, GARIS = "batang", "garis"
# Fills that stay apart in black and white: grey shades, a hatch pattern, a dashed black line.
GELAP, SEDANG, TERANG = "595959", "A6A6A6", "D9D9D9"
ARSIR = "wdUpDiag"
# Above this many columns value labels overlap; the figures are in the tables beside the chart.
LABEL_MAKS = 15
# Every value axis: ticks as the numbers they are (0, 20, 40 or 0,5, 1, 1,5), never padded
# with the labels' decimals (0,00, 20,00, ...), in Indonesian.
FORMAT_SUMBU = "[$-421]General"

# Rupiah scales: (divisor, unit), largest first.
_SKALA_RUPIAH = (
    (Decimal(10) ** 12, "triliun rupiah"),
    (Decimal(10) ** 9, "miliar rupiah"),
    (Decimal(10) ** 6, "juta rupiah"),
    (Decimal(1), "rupiah"),
)


@dataclass(frozen=True)
class Seri:
    """One series: its name (legend and workbook header), values per category, and its look.

    `arsir` lists the category positions drawn hatched (e.g. indicators below target);
    `pola` hatches the whole series. A series without any value is a legend key only (it
    explains the hatching in black and white) and leaves its workbook column empty.
    """

    nama: str
    nilai: tuple[Decimal | None, ...]
    jenis: str = BATANG
    warna: str = GELAP
    arsir: tuple[int, ...] = ()
    label: bool = True  # value labels on the points
    pola: bool = False


@dataclass(frozen=True)
class Grafik:
    """A chart to place in the report: data, axis texts, number format, caption and alt text.

    `format_angka` is the Excel number format code of the values and their labels (`0.00`);
    the value axis has FORMAT_SUMBU. `kategori` are texts, or years as numbers (a trend
    chart). `judul` is the caption text without "Grafik n."; `keterangan` maps short category
    labels to their full text for a legend under the chart.
    """

    nama: str
    judul: str
    alt: str
    kolom_kategori: str
    kategori: tuple[str, ...] | tuple[int, ...]
    seri: tuple[Seri, ...]
    format_angka: str
    sumbu_nilai: str
    sumbu_kategori: str = ""
    tinggi_cm: float = 8.0
    keterangan: tuple[tuple[str, str], ...] = ()
    format_sumbu: str = FORMAT_SUMBU


def _slug(teks: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", teks.lower()).strip("-")


def format_desimal(desimal: int) -> str:
    """Excel number format with `desimal` places, thousands separated, tagged Indonesian.

    The code is in Excel's invariant syntax (`.` decimal, `,` thousands); the `[$-421]` locale
    tag asks for Indonesian display (LibreOffice honours it; Word uses the reader's settings).
    """
    return "[$-421]#,##0" + ("." + "0" * desimal if desimal > 0 else "")


def nilai_grafik(nilai: Decimal | None, desimal: int, tempat: int = MAKS_DESIMAL) -> Decimal | None:
    """A figure as the chart keeps it (cache and embedded workbook): rounded to `tempat`
    places, 103,0533... -> 103,0533, so that its label, rounded half-up to `desimal`, reads as
    the report's text does (100,994999 becomes 100,9949, not 100,9950, whose label would be
    101,00 beside a table's 100,99)."""
    if nilai is None:
        return None
    hasil = bulatkan(nilai, tempat)
    if bulatkan(hasil, desimal) != bulatkan(nilai, desimal):
        arah = ROUND_FLOOR if hasil > nilai else ROUND_CEILING
        hasil = nilai.quantize(Decimal(1).scaleb(-tempat), rounding=arah)
    return hasil.normalize() if hasil else Decimal(0)


def _desimal(nilai: list[Decimal | None]) -> int:
    """Decimal places the values need, at most 2 (so labels read as the text does)."""
    tempat = [max(0, -v.normalize().as_tuple().exponent) for v in nilai if v is not None]
    return min(2, max(tempat, default=0))


# --- capaian per indicator -------------------------------------------------------------------


def _tanpa_capaian(hi) -> str:
    return "tidak dapat dihitung" if hi.indikator.realisasi is not None else "belum diisi"


def _alt_capaian(berkode, desimal: int, tahun: str) -> str:
    nilai = "; ".join(
        f"{kode} {angka(hi.capaian, desimal) if hi.capaian is not None else _tanpa_capaian(hi)}"
        + ("" if hi.tercapai is not False else " (belum mencapai target)")
        for kode, hi in berkode
    )
    return f"Grafik kolom capaian {len(berkode)} indikator kinerja{tahun}; garis putus-putus " \
           f"menandai capaian 100 dan kolom berarsir belum mencapai target. {nilai}."


def grafik_capaian(hasil: Hasil, pengaturan: Pengaturan, tahun: int | None = None) -> Grafik | None:
    """Capaian per indicator against the 100 line; None when no indicator has a capaian."""
    berkode = list(hasil.berkode())
    if not any(hi.capaian is not None for _, hi in berkode):
        return None
    desimal = pengaturan.desimal
    pada = f" Tahun {tahun}" if tahun else ""
    capaian = Seri("Capaian (%)", tuple(nilai_grafik(hi.capaian, desimal) for _, hi in berkode),
                   BATANG, GELAP,
                   tuple(i for i, (_, hi) in enumerate(berkode) if hi.tercapai is False),
                   label=len(berkode) <= LABEL_MAKS)
    batas = Seri("Capaian 100", tuple(Decimal(100) for _ in berkode), GARIS, label=False)
    seri = (capaian, batas)
    if capaian.arsir:
        seri += (Seri("Belum mencapai target", tuple(None for _ in berkode), BATANG, GELAP,
                      label=False, pola=True),)
    return Grafik(
        "capaian", f"Capaian Indikator Kinerja{pada}",
        _alt_capaian(berkode, desimal, pada.lower()), "Indikator",
        tuple(kode for kode, _ in berkode), seri, format_desimal(desimal),
        "Capaian (%)", "Indikator kinerja", min(20.0, 7.0 + 0.25 * len(berkode)),
        tuple((kode, hi.indikator.nama) for kode, hi in berkode),
    )


def _alt_triwulan(laporan, desimal: int, sd: str) -> str:
    def satu(i) -> str:
        t = i.titik
        if t.capaian is None:
            return f"{i.kode} belum diisi"
        return f"{i.kode} {angka(t.capaian, desimal)}" + \
            ("" if i.sesuai_rencana is not False else " (tertinggal)")

    return (f"Grafik kolom capaian {len(laporan.berkode())} indikator kinerja {sd}; garis "
            "putus-putus menandai capaian 100 dan kolom berarsir tertinggal dari target "
            f"{sd}. {'; '.join(satu(i) for i in laporan.berkode())}.")


def grafik_triwulan(laporan, pengaturan: Pengaturan) -> Grafik | None:
    """Capaian to the end of the quarter per indicator (`laporan` a sakip.LaporanTriwulan)
    against the 100 line, behind-plan ones hatched; None when no indicator has one yet."""
    items = laporan.berkode()
    if not any(i.titik.capaian is not None for i in items):
        return None
    desimal = pengaturan.desimal
    sd = f"s.d. Triwulan {romawi(laporan.ke)} Tahun {laporan.tahun}"
    capaian = Seri("Capaian (%)", tuple(nilai_grafik(i.titik.capaian, desimal) for i in items),
                   BATANG, GELAP,
                   tuple(n for n, i in enumerate(items) if i.sesuai_rencana is False),
                   label=len(items) <= LABEL_MAKS)
    seri = (capaian, Seri("Capaian 100", tuple(Decimal(100) for _ in items), GARIS, label=False))
    if capaian.arsir:
        seri += (Seri("Tertinggal dari target", tuple(None for _ in items), BATANG, GELAP,
                      label=False, pola=True),)
    return Grafik(
        "capaian-triwulan", f"Capaian Indikator Kinerja {sd}", _alt_triwulan(laporan, desimal, sd),
        "Indikator", tuple(i.kode for i in items), seri, format_desimal(desimal), "Capaian (%)",
        "Indikator kinerja", min(20.0, 7.0 + 0.25 * len(items)),
        tuple((i.kode, i.indikator.nama) for i in items),
    )


# --- budget ----------------------------------------------------------------------------------


def skala_rupiah(terbesar: Decimal) -> tuple[Decimal, str]:
    """The divisor and unit for amounts up to `terbesar` (10^9, "miliar rupiah")."""
    return next((s for s in _SKALA_RUPIAH if terbesar >= s[0]), _SKALA_RUPIAH[-1])


def _kelompok_anggaran(hasil_anggaran: HasilAnggaran) -> list[tuple[str, Realisasi]]:
    kelompok = [(s.nama, s.jumlah) for s in hasil_anggaran.sumber]
    if len(kelompok) > 1:
        kelompok.append(("Jumlah", hasil_anggaran.total))
    return kelompok


def _alt_anggaran(kelompok: list[tuple[str, Realisasi]], tahun: str) -> str:
    isi = "; ".join(f"{nama}: pagu {rupiah(r.pagu)}, realisasi "
                    + (f"{rupiah(r.realisasi)} ({persen(r.persen)})" if r.realisasi is not None
                       else "belum diisi") for nama, r in kelompok)
    return f"Grafik kolom pagu dan realisasi anggaran{tahun} per sumber dana. {isi}."


def grafik_anggaran(hasil_anggaran: HasilAnggaran, tahun: int | None = None,
                    ke: int | None = None) -> Grafik | None:
    """Pagu and realisasi per sumber dana, scaled to miliar (or juta) rupiah; None without
    amounts. With `ke`, the realisasi is to the end of that quarter (`hasil_anggaran` is
    capaian.hitung_anggaran(..., ke)); a realisasi not filled counts as none drawn."""
    kelompok = _kelompok_anggaran(hasil_anggaran)
    if not any(r.pagu or r.realisasi for _, r in kelompok):
        return None
    pembagi, satuan = skala_rupiah(max(max(r.pagu, r.realisasi or 0) for _, r in kelompok))
    pada = (f" s.d. Triwulan {romawi(ke)}" if ke else "") + (f" Tahun {tahun}" if tahun else "")
    desimal = 2 if pembagi > 1 else 0
    tempat = len(str(int(pembagi))) - 1  # exact to the rupiah: 60,148772 miliar

    def skala(jumlah: Decimal | None) -> Decimal | None:
        return None if jumlah is None else nilai_grafik(jumlah / pembagi, desimal, tempat)

    pagu = Seri(f"Pagu ({satuan})", tuple(skala(r.pagu) for _, r in kelompok), BATANG, TERANG)
    real = Seri(f"Realisasi ({satuan})", tuple(skala(r.realisasi) for _, r in kelompok),
                BATANG, GELAP)
    return Grafik(
        "anggaran" if ke is None else "anggaran-triwulan",
        f"Pagu dan Realisasi Anggaran per Sumber Dana{pada}",
        _alt_anggaran(kelompok, pada.lower()), "Sumber dana",
        tuple(nama for nama, _ in kelompok), (pagu, real),
        format_desimal(desimal), f"Anggaran ({satuan})", "", 8.0,
    )


# --- trend of one indicator ------------------------------------------------------------------


def _titik_tren(indikator: Indikator, tahun: int) -> list[tuple[int, Decimal | None]]:
    return [*indikator.realisasi_lalu, (tahun, indikator.realisasi)]


def _alt_tren(indikator: Indikator, tahun: int, nama: str) -> str:
    isi = "; ".join(f"{t}: {nilai_satuan(v, indikator.satuan) if v is not None else 'belum diisi'}"
                    for t, v in _titik_tren(indikator, tahun))
    arah = " Indikator negatif: makin kecil realisasi makin baik." \
        if indikator.polaritas == NEGATIF else ""
    return f"Grafik kolom realisasi {nama} per tahun, dengan garis putus-putus target tahun " \
           f"{tahun} sebesar {nilai_satuan(indikator.target, indikator.satuan)}. {isi}.{arah}"


def nama_tren(indikator: Indikator, kode: str) -> str:
    """The stable name of an indicator's trend chart: `tren-ik-1-2`, or a hash of its name."""
    if _slug(kode):
        return f"tren-{_slug(kode)}"
    return f"tren-{hashlib.sha1(indikator.nama.encode('utf-8')).hexdigest()[:10]}"


def grafik_tren(indikator: Indikator, tahun: int, kode: str = "") -> Grafik | None:
    """Realisasi per year with the year's target; None without earlier realisasi."""
    if not indikator.realisasi_lalu:
        return None
    titik = _titik_tren(indikator, tahun)
    nama = kode or indikator.nama
    satuan = indikator.satuan.strip()
    desimal = _desimal([*(v for _, v in titik), indikator.target])
    realisasi = Seri(f"Realisasi ({satuan})" if satuan else "Realisasi",
                     tuple(nilai_grafik(v, desimal) for _, v in titik), BATANG, SEDANG)
    target = Seri(f"Target {tahun}", tuple(nilai_grafik(indikator.target, desimal) for _ in titik),
                  GARIS, label=False)
    return Grafik(
        nama_tren(indikator, kode), f"Perkembangan Realisasi {nama} Tahun {titik[0][0]}–{tahun}",
        _alt_tren(indikator, tahun, nama), "Tahun", tuple(t for t, _ in titik),
        (realisasi, target), format_desimal(desimal), realisasi.nama, "Tahun", 7.0,
        ((kode, indikator.nama),) if kode else (),
    )


def draw_charts(data: DataLaporan, hasil: Hasil, dokumen: str = "lkj", ke: int | None = None):
    """Every chart's specification of document `dokumen` (the LKj's, or quarter `ke`'s
    progress report's), handed over as a report.GrafikLaporan; None for a document without charts.

    The one place that makes charts; render.py turns each specification into a native Word chart.
    """
    from generator.report.jenis import GrafikLaporan

    tahun = data.identitas.tahun

    def satu(g) -> list[dict]:
        return [] if g is None else [{"gambar": g, "nama": g.nama, "judul": g.judul, "alt": g.alt}]

    if dokumen == "triwulan":
        from generator.figures.sakip import triwulan

        laporan = triwulan(data, ke)
        return GrafikLaporan(capaian=satu(grafik_triwulan(laporan, data.pengaturan)),
                             anggaran=satu(grafik_anggaran(laporan.anggaran, tahun, ke)))
    if dokumen != "lkj":
        return None
    return GrafikLaporan(
        capaian=satu(grafik_capaian(hasil, data.pengaturan, tahun)),
        anggaran=satu(grafik_anggaran(hasil.anggaran, tahun)),
        tren={kode: satu(grafik_tren(hi.indikator, tahun, kode))
              for kode, hi in hasil.berkode() if hi.indikator.realisasi_lalu},
    )
