"""The rekap as an Excel workbook, formatted as planning staff expect: a frozen header with filters
on every table, Indonesian number formats, low figures in red, and two native charts per group.

Each figure is stored already rounded half-up the way the satker's own report prints it, so a
cell shows exactly the report's number (Excel's own rounding of binary fractions would not).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from generator import format as fmt
from generator.reading.blank import HEADER_BORDER, HEADER_FILL, HEADER_FONT

from generator.rekap import NAMA_TINGKAT, Bersama, Kelompok, Rekap, Satker

BATAS_CAPAIAN = 100  # below: the target was not met
BATAS_SERAPAN = 95  # below: budget absorption this rekap marks as low
RUPIAH = '[$-421]"Rp"#,##0'  # LibreOffice shows Rp60.148.772.000 ([$Rp-421] gives commas)
MERAH, HURUF_MERAH = PatternFill("solid", fgColor="FFC7CE"), Font(color="9C0006")
KUNING = PatternFill("solid", fgColor="FFEB9C")
JUDUL = Font(bold=True, size=14)
BUNGKUS = Alignment(wrap_text=True, vertical="top")
KODE_TINGKAT = {"Pusat": "Pusat", "Provinsi": "Prov", "Kabupaten/Kota": "KabKota"}
BARIS_KEPALA = 5  # rows 1-4: title, summary, notes; the table's header row; data below it


def format_desimal(desimal: int) -> str:
    """`#,##0.00` tagged Indonesian (LibreOffice shows 1.234,56; Excel follows Windows)."""
    return "[$-421]#,##0" + ("." + "0" * desimal if desimal > 0 else "")


def _angka(nilai: Decimal | None, desimal: int) -> float | None:
    return None if nilai is None else float(fmt.bulatkan(nilai, desimal))


def _teks(nilai: Decimal | None) -> str:
    return "-" if nilai is None else fmt.angka(nilai, 2)


def _tempat(nilai: Decimal) -> int:
    """Decimal places the value has (at most 4), as the report prints a target or realisasi."""
    return max(0, -fmt.bulatkan(nilai, 4).normalize().as_tuple().exponent)


# --- sheet helpers --------------------------------------------------------------------------


def _tabel(ws, kepala: list[tuple[str, int]], baris: list[list], format_kolom: dict[int, str],
           teks: list[str]) -> int:
    """Title lines, a header row with filters (frozen with the first two columns), data rows;
    returns the last row."""
    for n, isi in enumerate(teks[:BARIS_KEPALA - 1], start=1):
        ws.cell(row=n, column=1, value=isi).font = JUDUL if n == 1 else Font(italic=n > 2)
    for c, (judul, lebar) in enumerate(kepala, start=1):
        sel = ws.cell(row=BARIS_KEPALA, column=c, value=judul)
        sel.font, sel.fill, sel.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
        sel.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(c)].width = lebar
    ws.row_dimensions[BARIS_KEPALA].height = 30  # two lines of a wrapped header
    for r, isi in enumerate(baris, start=BARIS_KEPALA + 1):
        for c, nilai in enumerate(isi, start=1):
            sel = ws.cell(row=r, column=c, value=nilai)
            if c in format_kolom and not isinstance(nilai, str):
                sel.number_format = format_kolom[c]
    akhir = BARIS_KEPALA + max(len(baris), 1)
    _cetak(ws)
    ws.print_title_rows = f"{BARIS_KEPALA}:{BARIS_KEPALA}"
    ws.freeze_panes = ws.cell(row=BARIS_KEPALA + 1, column=3)
    ws.auto_filter.ref = f"A{BARIS_KEPALA}:{get_column_letter(len(kepala))}{akhir}"
    return akhir


def _cetak(ws) -> None:
    """Printed on A4 landscape, as wide as one page (as many pages down as it needs)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def _merah_bila_kurang(ws, kolom: int, batas: int, akhir: int) -> None:
    huruf = get_column_letter(kolom)
    ws.conditional_formatting.add(
        f"{huruf}{BARIS_KEPALA + 1}:{huruf}{akhir}",
        CellIsRule(operator="lessThan", formula=[str(batas)], fill=MERAH, font=HURUF_MERAH))


def _nama_lembar(dasar: str, k: Kelompok, banyak: bool) -> str:
    return f"{dasar} {k.tahun} {KODE_TINGKAT[k.tingkat]}" if banyak else dasar


# --- the sheets -----------------------------------------------------------------------------

RINGKASAN = [("Peringkat", 10), ("Satker", 34), ("Instansi", 40), ("Tingkat", 18),
             ("Tahun", 8), ("Sasaran", 9), ("Indikator", 10), ("Capaian rata-rata", 12),
             ("Capaian terendah", 12), ("Indikator terendah", 50), ("Pagu (Rp)", 20),
             ("Realisasi (Rp)", 20), ("Serapan (%)", 11), ("Peringatan", 11), ("Status", 14),
             ("Berkas", 36)]


def _baris_satker(s: Satker) -> list:
    rendah = s.terendah
    return [s.peringkat, s.nama, s.instansi, NAMA_TINGKAT[s.tingkat], s.tahun, s.sasaran,
            len(s.indikator), _angka(s.capaian, s.desimal),
            _angka(rendah.capaian, s.desimal) if rendah else None,
            f"{rendah.kode}: {rendah.nama}" if rendah else "-", int(s.pagu), int(s.realisasi),
            _angka(s.serapan, 2), len(s.peringatan), _status(s), s.berkas.name]


def _status(s: Satker) -> str:
    if s.belum_lkj:
        return "belum siap LKj"
    return "ada peringatan" if s.peringatan else "siap"


def _ringkasan(wb: Workbook, rekap: Rekap, k: Kelompok, banyak: bool) -> str:
    ws = wb.create_sheet(_nama_lembar("Ringkasan", k, banyak))
    desimal = max(s.desimal for s in k.satker)
    teks = [f"Rekap Capaian Kinerja {k.judul}",
            f"{len(k.satker)} satker; rata-rata capaian {_teks(k.capaian)}. Setiap angka "
            "dihitung lkj dari buku kerja satker itu dengan cara yang sama seperti laporannya "
            "sendiri.",
            f"Merah: capaian di bawah {BATAS_CAPAIAN} (target belum tercapai) atau serapan di "
            f"bawah {BATAS_SERAPAN}%. Masalah buku kerja ada di lembar Masalah "
            f"({len(rekap.masalah)}).",
            " ".join(rekap.catatan)]
    akhir = _tabel(ws, RINGKASAN, [_baris_satker(s) for s in k.satker],
                   {8: format_desimal(desimal), 9: format_desimal(desimal), 11: RUPIAH,
                    12: RUPIAH, 13: format_desimal(2)}, teks)
    _merah_bila_kurang(ws, 8, BATAS_CAPAIAN, akhir)
    _merah_bila_kurang(ws, 9, BATAS_CAPAIAN, akhir)
    _merah_bila_kurang(ws, 13, BATAS_SERAPAN, akhir)
    return ws.title


BERSAMA = [("No", 6), ("Indikator", 60), ("Satuan", 10), ("Satker", 8),
           ("Capaian rata-rata", 12), ("Capaian terendah", 12), ("Satker terendah", 30),
           ("Capaian tertinggi", 12), ("Satker tertinggi", 30), ("Belum tercapai", 10),
           ("Lembar", 24)]


def _ujung(b: Bersama) -> tuple:
    ada = [e for e in b.entri if e.indikator.capaian is not None]
    if not ada:
        return None, "-", None, "-"
    rendah = min(ada, key=lambda e: e.indikator.capaian)
    tinggi = max(ada, key=lambda e: e.indikator.capaian)
    return (_angka(rendah.indikator.capaian, rendah.satker.desimal), rendah.satker.nama,
            _angka(tinggi.indikator.capaian, tinggi.satker.desimal), tinggi.satker.nama)


def _bersama_semua(wb: Workbook, k: Kelompok, banyak: bool, lembar: list[str]) -> str:
    ws = wb.create_sheet(_nama_lembar("Indikator Bersama", k, banyak))
    baris = [[n, b.nama, b.satuan, b.satker, _angka(b.rata_rata, 2), *_ujung(b),
              sum(1 for e in b.entri if e.indikator.capaian is not None
                  and e.indikator.capaian < BATAS_CAPAIAN), lembar[n - 1]]
             for n, b in enumerate(k.bersama, start=1)]
    teks = [f"Indikator yang Sama di Beberapa Satker, {k.judul}",
            f"{len(k.bersama)} indikator dilaporkan oleh dua satker atau lebih (nama dianggap "
            "sama bila hanya berbeda huruf besar/kecil, spasi, atau tanda baca).",
            "Rincian setiap indikator ada di lembar yang disebut di kolom Lembar."]
    akhir = _tabel(ws, BERSAMA, baris, {5: format_desimal(2), 6: format_desimal(2),
                                         8: format_desimal(2)}, teks)
    for kolom in (5, 6, 8):
        _merah_bila_kurang(ws, kolom, BATAS_CAPAIAN, akhir)
    return ws.title


RINCIAN = [("No", 6), ("Satker", 34), ("Kode", 8), ("Indikator (seperti ditulis)", 60),
           ("Target", 12), ("Realisasi", 12), ("Capaian", 12), ("Keterangan", 16)]


def _keterangan(capaian: Decimal | None) -> str:
    if capaian is None:
        return "tanpa capaian"
    return "tercapai" if capaian >= BATAS_CAPAIAN else "belum tercapai"


def _rincian(wb: Workbook, k: Kelompok, b: Bersama, nama: str) -> None:
    ws = wb.create_sheet(nama)
    urut = sorted(b.entri, key=lambda e: (e.indikator.capaian is None,
                                          -(e.indikator.capaian or 0)))
    teks = [b.nama, f"Satuan {b.satuan}; {b.satker} satker, {k.judul}; rata-rata capaian "
            f"{_teks(b.rata_rata)}.",
            ("Ditulis juga sebagai: " + " | ".join(b.ejaan[1:])) if len(b.ejaan) > 1 else ""]
    baris = []
    for n, e in enumerate(urut, start=1):
        i = e.indikator
        baris.append([n, e.satker.nama, i.kode, i.nama, float(i.target),
                      None if i.realisasi is None else float(i.realisasi),
                      _angka(i.capaian, e.satker.desimal), _keterangan(i.capaian)])
    akhir = _tabel(ws, RINCIAN, baris, {7: format_desimal(2)}, teks)
    for r, e in enumerate(urut, start=BARIS_KEPALA + 1):  # as many places as the report shows
        ws.cell(row=r, column=5).number_format = format_desimal(_tempat(e.indikator.target))
        if e.indikator.realisasi is not None:
            ws.cell(row=r, column=6).number_format = format_desimal(_tempat(e.indikator.realisasi))
    _merah_bila_kurang(ws, 7, BATAS_CAPAIAN, akhir)


def _grafik(wb: Workbook, k: Kelompok, banyak: bool, ringkasan: str, bersama: str) -> None:
    """Capaian per satker (ranked, horizontal bars) and the mean capaian per shared indicator."""
    ws = wb.create_sheet(_nama_lembar("Grafik Capaian", k, banyak))
    ws["A1"] = f"Grafik Capaian {k.judul}"
    ws["A1"].font = JUDUL
    _cetak(ws)
    n = len(k.satker)
    satker = _batang(wb[ringkasan], 2, 8, n, "Capaian rata-rata per satker", "bar")
    satker.height, satker.width = min(3 + 0.5 * n, 200), 18
    ws.add_chart(satker, "A3")
    if k.bersama:
        ind = _batang(wb[bersama], 1, 5, len(k.bersama), "Rata-rata capaian per indikator "
                      "bersama", "col")
        ind.x_axis.title = f"Nomor indikator (lembar {bersama})"
        ind.height, ind.width = 9, max(12, 1.5 * len(k.bersama) + 4)
        ws.add_chart(ind, "M3")


def _batang(ws, kolom_kategori: int, kolom_nilai: int, n: int, judul: str, arah: str) -> BarChart:
    chart = BarChart()
    chart.type, chart.title, chart.legend = arah, judul, None
    awal, akhir = BARIS_KEPALA, BARIS_KEPALA + n
    chart.add_data(Reference(ws, min_col=kolom_nilai, min_row=awal, max_row=akhir),
                   titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=kolom_kategori, min_row=awal + 1, max_row=akhir))
    chart.y_axis.scaling.min = 0
    chart.y_axis.title = "Capaian (%)"
    chart.y_axis.number_format = "0"
    chart.x_axis.delete = chart.y_axis.delete = False  # shown by Excel 365 too
    if arah == "bar":
        chart.x_axis.scaling.orientation = "maxMin"  # rank 1 at the top
    chart.gapWidth = 50
    return chart


MASALAH = [("No", 6), ("Berkas", 36), ("Satker", 30), ("Jenis", 11), ("Tempat", 18),
           ("Masalah", 90)]


def _masalah(wb: Workbook, rekap: Rekap) -> None:
    ws = wb.create_sheet("Masalah")
    baris = [[n, m.berkas, m.satker or "-", "galat" if m.galat else "peringatan",
              m.tempat or "-", m.pesan] for n, m in enumerate(rekap.masalah, start=1)]
    galat = sum(1 for m in rekap.masalah if m.galat)
    teks = ["Masalah di Buku Kerja",
            f"{len(rekap.bermasalah)} buku kerja tidak dapat dibaca ({galat} galat) dan belum "
            f"masuk rekap; {len(rekap.masalah) - galat} peringatan di buku kerja lain.",
            "Galat harus dibetulkan di buku kerjanya; peringatan perlu diperiksa."]
    _tabel(ws, MASALAH, baris, {}, teks)
    for r, m in enumerate(rekap.masalah, start=BARIS_KEPALA + 1):
        for c in range(1, len(MASALAH) + 1):
            ws.cell(row=r, column=c).fill = MERAH if m.galat else KUNING
        ws.cell(row=r, column=len(MASALAH)).alignment = BUNGKUS


def tulis_xlsx(rekap: Rekap, path: Path) -> Path:
    """Write the rekap workbook to `path` (the caller makes the write atomic)."""
    wb = Workbook()
    wb.remove(wb.active)
    banyak = len(rekap.kelompok) > 1
    for k in rekap.kelompok:
        ringkasan = _ringkasan(wb, rekap, k, banyak)
        if len(k.satker) < 2:
            continue  # one satker: nothing shared, nothing to compare in a chart
        lembar = [_nama_lembar(f"Indikator {n}", k, banyak)
                  for n in range(1, len(k.bersama) + 1)]
        bersama = _bersama_semua(wb, k, banyak, lembar)
        _grafik(wb, k, banyak, ringkasan, bersama)
        for b, nama in zip(k.bersama, lembar, strict=True):
            _rincian(wb, k, b, nama)
    _masalah(wb, rekap)
    wb.properties.creator = wb.properties.lastModifiedBy = "lkj"
    wb.properties.title = "Rekap Laporan Kinerja"
    wb.save(path)
    return path
