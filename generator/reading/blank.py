"""The empty workbook staff start from: every sheet, header, dropdown and instruction of the contract."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from generator.reading import schema
from generator.errors import LkjError
from generator.model import RUMUS_2T_R, RUMUS_T_R, RUMUS_TERCAPAI, TRIWULAN, Pengaturan

PETUNJUK = "Petunjuk"
KETERANGAN = "Keterangan"
# Rows below each header that get number formats and dropdowns; far more than any LKj needs.
DATA_ROWS = 300

# '#,##0.##' would show a bare decimal sign ("100,") for whole numbers in Excel and Calc.
FORMAT_ANGKA = "#,##0.00"
FORMAT_RUPIAH = "#,##0"
FORMAT_BULAT = "0"
FORMAT_TEKS = "@"
# [$-421] is Indonesian: the month shows as "Maret" whatever the language of the user's Windows.
FORMAT_TANGGAL = "[$-421]d mmmm yyyy"

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
HEADER_BORDER = Border(bottom=Side(style="thin"))
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")

# (sheet, header) -> number format of its data cells.
FORMAT_KOLOM = {
    ("Kinerja", "Target"): FORMAT_ANGKA,
    ("Kinerja", "Realisasi"): FORMAT_ANGKA,
    ("Kinerja", "Target Renstra"): FORMAT_ANGKA,
    ("Kinerja", "Standar Nasional"): FORMAT_ANGKA,
    ("Kinerja", "Target Awal"): FORMAT_ANGKA,
    **{("Kinerja", schema.kolom_triwulan(jenis, ke)): FORMAT_ANGKA
       for jenis in ("Target", "Realisasi") for ke in TRIWULAN},
    ("Anggaran", "Pagu"): FORMAT_RUPIAH,
    ("Anggaran", "Realisasi"): FORMAT_RUPIAH,
    ("Anggaran", "Pagu Awal"): FORMAT_RUPIAH,
    **{("Anggaran", schema.kolom_triwulan("Realisasi", ke)): FORMAT_RUPIAH for ke in TRIWULAN},
    ("SDM", "Jumlah"): FORMAT_BULAT,
}
# The quarterly columns, grouped so that Excel's [-] button folds them away outside the
# Rencana Aksi and the quarterly reports.
KELOMPOK_TRIWULAN = {"Kinerja": ("Angka Triwulan", "Rencana Aksi"),
                     "Anggaran": (schema.kolom_triwulan("Realisasi", 1),
                                  schema.kolom_triwulan("Realisasi", 4))}
FORMAT_ISIAN = {"tanggal": FORMAT_TANGGAL, "tahun": FORMAT_BULAT}

# Text columns wide enough to read a sentence; other columns fit their header.
LEBAR_KOLOM = {
    "Sasaran Strategis": 40,
    "Indikator Kinerja": 60,
    "Penjelasan": 60,
    "Program Pendukung": 40,
    "Rencana Aksi": 50,
    "Program": 40,
    "Sumber Dana": 28,
    "Uraian": 70,
    "Teks": 100,
    "Kelompok": 22,
    "Bagian": 22,
    "Pagu": 20,
    "Isian": 30,
    "Nilai": 45,
    KETERANGAN: 70,
}
LEBAR_MIN = 12

# (sheet, header) -> (allowed values, strict). Narasi and Daftar only warn: the project may add
# parts and lists, and a workbook made today should still take them.
PILIHAN_KOLOM = {
    ("Kinerja", "Polaritas"): (schema.POLARITAS, True),
    ("Kinerja", "Angka Triwulan"): (schema.ANGKA, True),
    ("Renstra", "Jenis"): (schema.JENIS_RENSTRA, True),
    ("Narasi", "Bagian"): (schema.BAGIAN_NARASI, False),
    ("Daftar", "Kelompok"): (schema.KELOMPOK_DAFTAR, False),
}

RUMUS_PENJELASAN = {
    RUMUS_TERCAPAI: "capaian 100 bila realisasi sama dengan atau di bawah target; bila melewati "
                    "target, (2 x target - realisasi) / target x 100, paling kecil 0",
    RUMUS_2T_R: "(2 x target - realisasi) / target x 100, paling kecil 0",
    RUMUS_T_R: "target / realisasi x 100 (realisasi 0 dihitung 100)",
}


def write_blank_workbook(path: Path) -> Path:
    """Write the empty workbook to `path` and return it; an existing file is never replaced."""
    path = Path(path)
    _refuse_existing(path)
    _save_atomic(build_blank_workbook(), path)
    return path


def _refuse_existing(path: Path) -> None:
    if path.exists() or path.is_symlink():
        raise LkjError(f"{path} sudah ada dan tidak ditimpa; pilih nama lain")


def build_blank_workbook() -> Workbook:
    """The empty workbook in memory (tools/build_sample.py fills one): Petunjuk, then every
    sheet of the contract in order."""
    wb = Workbook()
    _petunjuk_sheet(wb.active)
    for lembar in schema.LEMBAR:
        ws = wb.create_sheet(lembar.nama)
        if lembar is schema.IDENTITAS:
            _isian_sheet(ws, lembar, schema.ISIAN_IDENTITAS)
        elif lembar is schema.PENGATURAN:
            _isian_sheet(ws, lembar, schema.ISIAN_PENGATURAN)
        else:
            _table_sheet(ws, lembar)
    wb.active = 0
    wb.properties.creator = "lkj"
    wb.properties.title = "Buku kerja Laporan Kinerja"
    return wb


# --- sheets -----------------------------------------------------------------------------------

def _header(ws: Any, headers: Iterable[str], notes: Iterable[str] = ()) -> None:
    """Row 1: bold, filled, frozen; a column's note shows when the mouse rests on its header."""
    notes = list(notes)
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=col, value=text)
        cell.font, cell.fill, cell.border, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_BORDER, TOP
        ws.column_dimensions[get_column_letter(col)].width = _lebar(text)
        note = notes[col - 1] if col <= len(notes) else ""
        if note:
            cell.comment = _comment(f"{text}: {note}")
    ws.freeze_panes = "A2"


def _lebar(header: str) -> int:
    return LEBAR_KOLOM.get(header, max(LEBAR_MIN, len(header) + 4))


def _comment(text: str) -> Comment:
    comment = Comment(text, "lkj")
    comment.width, comment.height = 300, 100
    return comment


def _table_sheet(ws: Any, lembar: schema.Lembar) -> None:
    """A one-row-per-item sheet: headers, then formatted empty rows with their dropdowns."""
    headers = [k.header for k in lembar.kolom]
    _header(ws, headers, [_catatan_kolom(k) for k in lembar.kolom])
    for col, kolom in enumerate(lembar.kolom, start=1):
        number_format = FORMAT_KOLOM.get((lembar.nama, kolom.header))
        alignment = WRAP if _lebar(kolom.header) >= 40 else TOP
        for row in range(2, DATA_ROWS + 2):
            cell = ws.cell(row=row, column=col)
            cell.alignment = alignment
            if number_format:
                cell.number_format = number_format
        pilihan = PILIHAN_KOLOM.get((lembar.nama, kolom.header))
        if pilihan:
            letter = get_column_letter(col)
            _dropdown(ws, f"{letter}2:{letter}{DATA_ROWS + 1}", kolom.header, *pilihan)
    if lembar.nama in KELOMPOK_TRIWULAN:
        first, last = (headers.index(h) + 1 for h in KELOMPOK_TRIWULAN[lembar.nama])
        for col in range(first, last + 1):  # one by one: openpyxl's group() drops the widths
            ws.column_dimensions[get_column_letter(col)].outline_level = 1


def _catatan_kolom(kolom: schema.Kolom) -> str:
    wajib = "Kolom wajib." if kolom.wajib else "Kolom boleh tidak ada."
    return f"{wajib} {_kalimat(kolom.petunjuk)}" if kolom.petunjuk else wajib


def _isian_sheet(ws: Any, lembar: schema.Lembar, items: tuple[schema.Isian, ...]) -> None:
    """A key/value sheet with every Isian named in column A and its note in Keterangan."""
    _header(ws, [k.header for k in lembar.kolom] + [KETERANGAN])
    for row, isian in enumerate(items, start=2):
        ws.cell(row=row, column=1, value=isian.nama).alignment = TOP
        nilai = ws.cell(row=row, column=2)
        nilai.alignment = TOP
        nilai.number_format = _format_isian(isian)
        ws.cell(row=row, column=3, value=_keterangan_isian(isian)).alignment = WRAP
        if isian.pilihan:
            _dropdown(ws, nilai.coordinate, isian.nama, isian.pilihan, strict=True)


def _format_isian(isian: schema.Isian) -> str:
    # An NIP typed into a number cell loses its last digits (Excel keeps 15), so it is text.
    if isian.nama.startswith("NIP"):
        return FORMAT_TEKS
    return FORMAT_ISIAN.get(isian.jenis, "General")


def _bawaan() -> dict[str, str]:
    """The value each setting takes when left blank, from the model's own defaults."""
    default = Pengaturan()
    return {
        "Rumus Negatif": default.rumus_negatif,
        "Desimal": str(default.desimal),
        "Ukuran Kertas": default.ukuran_kertas,
    }


def _keterangan_isian(isian: schema.Isian) -> str:
    parts = ["Wajib diisi." if isian.wajib else "Boleh dikosongkan."]
    if isian.petunjuk:
        parts.append(_kalimat(isian.petunjuk))
    if isian.pilihan:
        parts.append(f"Pilihan: {', '.join(isian.pilihan)}.")
    if isian.nama in _bawaan():
        parts.append(f"Bawaan bila kosong: {_bawaan()[isian.nama]}.")
    if isian.jenis == "tanggal":
        parts.append("Contoh: 13 Maret 2025 atau 13/03/2025.")
    return " ".join(parts)


def _kalimat(text: str) -> str:
    """The text ending in a full stop (an ellipsis such as "Kabupaten ..." is kept)."""
    return text if text.endswith(".") else text + "."


def _dropdown(ws: Any, cells: str, label: str, options: tuple[str, ...], strict: bool) -> None:
    """A list dropdown; strict ones refuse other values, the others only warn."""
    daftar = ", ".join(options)
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(options) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if strict else "warning",
        errorTitle=f"{label} tidak dikenal",
        error=(f"Pilih salah satu: {daftar}" if strict else
               f"Nilai ini belum dikenal lkj dan barisnya akan dilewati. Pilihan: {daftar}"),
        showInputMessage=True,
        promptTitle=label[:32],
        prompt=f"Pilih dari daftar: {daftar}"[:255],
    )
    validation.add(cells)
    ws.add_data_validation(validation)


# --- the Petunjuk sheet -----------------------------------------------------------------------

JUDUL = Font(bold=True, size=14)
BAGIAN = Font(bold=True, size=12)
BAGIAN_FILL = PatternFill("solid", fgColor="D9E1F2")


def _petunjuk_sheet(ws: Any) -> None:
    ws.title = PETUNJUK
    ws.column_dimensions["A"].width = 120
    ws.sheet_view.showGridLines = False
    for row, (kind, text) in enumerate(_petunjuk_lines(), start=1):
        cell = ws.cell(row=row, column=1, value=text)
        cell.alignment = WRAP
        if kind == "judul":
            cell.font = JUDUL
        elif kind == "bagian":
            cell.font, cell.fill = BAGIAN, BAGIAN_FILL


def _petunjuk_lines() -> list[tuple[str, str]]:
    """(kind, text) rows of the Petunjuk sheet; kind is judul, bagian, teks or kosong."""
    lines: list[tuple[str, str]] = [
        ("judul", "Petunjuk Pengisian Buku Kerja Laporan Kinerja (LKj)"),
        ("teks", "Buku kerja ini dibaca oleh lkj untuk menyusun Laporan Kinerja tahunan dalam "
                 "bentuk dokumen Word. Isi lembar-lembar di sebelah kanan lembar ini; lembar "
                 "Petunjuk sendiri tidak dibaca dan boleh dihapus."),
        ("kosong", ""),
        ("bagian", "Langkah"),
        ("teks", "1. Isi lembar Identitas, Kinerja, dan Anggaran (wajib), lalu Renstra, SDM, "
                 "Narasi, Daftar, dan Pengaturan bila datanya ada. Lembar yang tidak dipakai "
                 "boleh dibiarkan kosong."),
        ("teks", "2. Simpan buku kerja sebagai .xlsx, lalu periksa dengan perintah: "
                 "lkj periksa NAMA-BERKAS.xlsx. Setiap masalah disebutkan lengkap dengan selnya, "
                 "misalnya 'Kinerja'!E3."),
        ("teks", "3. Bila tidak ada galat, tulis laporan dengan perintah: "
                 "lkj buat NAMA-BERKAS.xlsx. Laporan ditulis ke folder output sebagai "
                 "LKj-<Tahun>-<Nama Singkat>.docx (atau ke berkas lain dengan -o LAPORAN.docx)."),
        ("teks", "4. Buka laporan di Word, perbarui daftar isi bila diminta, lengkapi bagian yang "
                 "bertanda kuning, lalu tandatangani."),
        ("kosong", ""),
    ]
    lines += [("bagian", "Sepanjang tahun: dari Perjanjian Kinerja sampai Laporan Kinerja")]
    lines += [("teks", f"• {t}") for t in SIKLUS] + [("kosong", "")]
    for lembar in schema.LEMBAR:
        lines += _petunjuk_lembar(lembar)
    lines += [("bagian", "Aturan pengisian")] + [("teks", f"• {t}") for t in ATURAN]
    lines += [("kosong", ""), ("bagian", "Cara menghitung capaian")]
    lines += [("teks", f"• {t}") for t in _aturan_capaian()]
    return lines


def _petunjuk_lembar(lembar: schema.Lembar) -> list[tuple[str, str]]:
    status = "wajib ada" if lembar.wajib else "boleh tidak ada"
    lines = [("bagian", f"Lembar {lembar.nama} ({status})"), ("teks", lembar.petunjuk)]
    items = {"Identitas": schema.ISIAN_IDENTITAS, "Pengaturan": schema.ISIAN_PENGATURAN}
    if lembar.nama in items:
        lines.append(("teks", "Nama isian sudah tertulis di kolom Isian; tulis nilainya di kolom "
                              "Nilai. Kolom Keterangan hanya penjelasan dan tidak dibaca."))
        lines += [("teks", f"• {i.nama}: {_keterangan_isian(i)}") for i in items[lembar.nama]]
    else:
        lines.append(("teks", "Kolom:"))
        lines += [("teks", f"• {_kolom_singkat(k)}") for k in lembar.kolom]
        lines += _petunjuk_pilihan(lembar)
    lines.append(("kosong", ""))
    return lines


def _kolom_singkat(kolom: schema.Kolom) -> str:
    text = f"{kolom.header} ({'wajib' if kolom.wajib else 'boleh tidak ada'})"
    return f"{text}: {_kalimat(kolom.petunjuk)}" if kolom.petunjuk else text


def _petunjuk_pilihan(lembar: schema.Lembar) -> list[tuple[str, str]]:
    return [
        ("teks", f"Pilihan {header}: {', '.join(options)}.")
        for (nama, header), (options, _strict) in PILIHAN_KOLOM.items() if nama == lembar.nama
    ]


ATURAN = (
    "Judul kolom (baris pertama) jangan diubah: lkj mencari lembar menurut namanya dan kolom menurut "
    "judulnya. Urutan kolom bebas; kolom dan lembar tambahan diabaikan.",
    "Angka persen: ketik 77,29 pada sel berformat angka, atau 77,29% pada sel berformat persen "
    "(Excel menyimpannya sebagai 0,7729 dan lkj membacanya sebagai 77,29). Jangan menulis kata "
    "seperti \"sekitar 80\" atau rentang \"80-90\".",
    "Angka yang diketik sebagai teks dibaca cara Indonesia: titik pemisah ribuan, koma desimal "
    "(1.234.567 atau 77,29). Tulisan yang meragukan seperti 0.4 atau 1,234.5 ditolak, tidak ditebak.",
    "Rupiah: ketik angkanya saja, misalnya 20350023000 (tampil 20.350.023.000).",
    "Sel kosong berarti belum diisi, bukan nol. Realisasi yang belum ada datanya dikosongkan; "
    "capaiannya ditulis \"-\" dan tidak ikut dirata-rata. Ketik 0 hanya bila nilainya memang nol.",
    "Baris kosong dilewati. Baris yang disembunyikan juga dilewati, dan lkj periksa menyebutkannya.",
    "Nomor daftar jangan diketik (1., 2., a., ...): lkj menomori sendiri.",
    "Tanggal: isi sel tanggal, atau ketik 13/03/2025 atau 13 Maret 2025.",
    "Rumus boleh dipakai; simpan berkas dari Excel atau LibreOffice Calc agar hasil hitungnya ikut "
    "tersimpan.",
    "Paragraf baru di dalam satu sel: Alt+Enter di Excel, Ctrl+Enter di LibreOffice Calc.",
    "Kolom Sasaran Strategis yang kosong berarti sasaran yang sama dengan baris di atasnya.",
    "Realisasi tahun-tahun lalu: tambahkan kolom berjudul \"Realisasi 2023\", \"Realisasi 2022\", "
    "dan seterusnya di lembar Kinerja.",
)

SIKLUS = (
    "Januari: isi Identitas, Target di lembar Kinerja, dan Pagu di lembar Anggaran; kolom "
    "Realisasi dibiarkan kosong. Buku kerja ini sudah cukup untuk Perjanjian Kinerja. lkj periksa "
    "menyebut dokumen apa saja yang sudah dapat dibuat dan sel mana yang masih kosong.",
    "Rencana Aksi: isi Target TW I sampai Target TW IV dan kolom Rencana Aksi di lembar Kinerja. "
    "Angka Triwulan Kumulatif berarti angka setiap triwulan adalah posisi s.d. triwulan itu "
    "(Target TW IV = Target tahunan); Per Triwulan berarti angka triwulan itu saja (jumlah TW I-IV "
    "= Target tahunan). Bila kosong: Kumulatif untuk satuan %, Per Triwulan untuk satuan lain.",
    "Setiap akhir triwulan: isi Realisasi TW I, TW II, dan seterusnya (dengan cara yang sama seperti "
    "targetnya) dan, bila dicatat, Realisasi TW di lembar Anggaran (rupiah yang dibelanjakan dalam "
    "triwulan itu saja).",
    "Awal tahun berikutnya: isi Realisasi tahunan di lembar Kinerja dan Anggaran serta Tanggal di "
    "lembar Identitas, lalu buat Laporan Kinerja dengan lkj buat.",
    "Perjanjian Kinerja Perubahan: bila target atau pagu diubah di tengah tahun, tulis angka baru di "
    "kolom Target dan Pagu, angka lama di Target Awal dan Pagu Awal, dan isi Tanggal Perjanjian "
    "Kinerja Perubahan di lembar Identitas.",
)


def _aturan_capaian() -> list[str]:
    default = Pengaturan()
    rumus = [f"\"{nama}\": {RUMUS_PENJELASAN[nama]}" for nama in schema.ISIAN_PENGATURAN[0].pilihan]
    return [
        "Indikator positif (semakin tinggi semakin baik): capaian = realisasi / target x 100.",
        "Indikator negatif (semakin kecil semakin baik) memakai Rumus Negatif di lembar Pengaturan: "
        + "; ".join(rumus) + f". Bawaan: \"{default.rumus_negatif}\". Laporan selalu menyebutkan "
        "rumus yang dipakai.",
        "Batas Capaian (mis. 100, 110, 120) membatasi capaian setiap indikator; kosong berarti "
        "tanpa batas.",
        "Capaian sasaran = rata-rata capaian indikatornya; capaian keseluruhan = rata-rata capaian "
        "sasaran. Angka dibulatkan setengah ke atas hanya saat dicetak, misalnya 77,29 / 75 "
        "menjadi 103,05.",
        "Realisasi anggaran = realisasi / pagu x 100, per baris, per sumber dana, dan total.",
    ]


# --- saving -----------------------------------------------------------------------------------

def _save_atomic(wb: Workbook, path: Path) -> None:
    """Save beside `path` and move into place in one step (output.atomic_target)."""
    from generator.files.output import atomic_target

    with atomic_target(path) as temp:
        wb.save(temp)
        _refuse_existing(path)  # made meanwhile by someone else: still never overwritten
