"""`lkj baru`: an empty workbook with every sheet, header, dropdown and a Petunjuk sheet."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from . import schema
from .errors import LkjError

HEADER_FILL = "D9D9D9"
NUMBER_FORMAT = "#,##0.##"
RUPIAH_FORMAT = "#,##0"
DATE_FORMAT = "d mmmm yyyy"
DATA_ROWS = 200  # rows that get dropdowns and number formats


def write_blank_workbook(path: Path) -> Path:
    """Write the empty workbook to `path`; an existing file is never overwritten."""
    if path.exists():
        raise LkjError(f"{path} sudah ada dan tidak ditimpa; pilih nama lain")
    if not path.parent.is_dir():
        raise LkjError(f"folder {path.parent} tidak ada")
    workbook = build_blank_workbook()
    handle, name = tempfile.mkstemp(prefix=".~lkj-", suffix=".xlsx", dir=path.parent)
    os.close(handle)
    temp = Path(name)
    try:
        workbook.save(temp)
        if path.exists():  # made meanwhile by someone else: still never overwrite
            raise LkjError(f"{path} sudah ada dan tidak ditimpa; pilih nama lain")
        os.replace(temp, path)
    finally:
        if temp.exists():
            temp.unlink()
    return path


def build_blank_workbook() -> Any:
    """The empty workbook as an openpyxl Workbook (tools/build_sample.py fills one)."""
    from openpyxl import Workbook

    workbook = Workbook()
    _petunjuk(workbook.active)
    for lembar in schema.LEMBAR:
        sheet = workbook.create_sheet(lembar.nama)
        if lembar is schema.IDENTITAS:
            _key_value(sheet, lembar, schema.ISIAN_IDENTITAS)
        elif lembar is schema.PENGATURAN:
            _key_value(sheet, lembar, schema.ISIAN_PENGATURAN)
        else:
            _table(sheet, lembar)
    return workbook


def _header(sheet: Any, headers: list[str], widths: list[int]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for column, (text, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = sheet.cell(row=1, column=column, value=text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.freeze_panes = "A2"


def _width(kolom: schema.Kolom) -> int:
    wide = {"Indikator Kinerja": 60, "Sasaran Strategis": 45, "Penjelasan": 60, "Teks": 100,
            "Uraian": 60, "Program Pendukung": 40}
    return wide.get(kolom.header, max(14, len(kolom.header) + 4))


def _table(sheet: Any, lembar: schema.Lembar) -> None:
    from openpyxl.comments import Comment

    _header(sheet, [k.header for k in lembar.kolom], [_width(k) for k in lembar.kolom])
    for column, kolom in enumerate(lembar.kolom, start=1):
        if kolom.petunjuk:
            sheet.cell(row=1, column=column).comment = Comment(kolom.petunjuk, "lkj")
        fmt = _format(lembar, kolom.header)
        if fmt:
            for row in range(2, DATA_ROWS + 2):
                sheet.cell(row=row, column=column).number_format = fmt
    _dropdowns(sheet, lembar)


def _format(lembar: schema.Lembar, header: str) -> str | None:
    if lembar is schema.ANGGARAN and header in ("Pagu", "Realisasi"):
        return RUPIAH_FORMAT
    if lembar is schema.KINERJA and header in ("Target", "Realisasi", "Target Renstra",
                                              "Standar Nasional"):
        return NUMBER_FORMAT
    if lembar is schema.SDM and header == "Jumlah":
        return "0"
    return None


def _column_letter(lembar: schema.Lembar, header: str) -> str:
    from openpyxl.utils import get_column_letter

    index = next(n for n, k in enumerate(lembar.kolom, start=1) if k.header == header)
    return get_column_letter(index)


def _validation(options: tuple[str, ...], strict: bool, title: str) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    formula = '"' + ",".join(options) + '"'
    validation = DataValidation(type="list", formula1=formula, allow_blank=True,
                                showErrorMessage=True, errorStyle="stop" if strict else "warning")
    validation.errorTitle = title
    validation.error = f"Pilihan yang sah: {', '.join(options)}"
    validation.promptTitle = title
    validation.prompt = f"Pilih: {', '.join(options)}"
    validation.showInputMessage = True
    return validation


def _dropdowns(sheet: Any, lembar: schema.Lembar) -> None:
    lists = {
        schema.KINERJA.nama: ("Polaritas", schema.POLARITAS, True),
        schema.NARASI.nama: ("Bagian", schema.BAGIAN_NARASI, False),
        schema.DAFTAR.nama: ("Kelompok", schema.KELOMPOK_DAFTAR, False),
        schema.RENSTRA.nama: ("Jenis", schema.JENIS_RENSTRA, True),
    }
    if lembar.nama not in lists:
        return
    header, options, strict = lists[lembar.nama]
    validation = _validation(options, strict, header)
    letter = _column_letter(lembar, header)
    validation.add(f"{letter}2:{letter}{DATA_ROWS + 1}")
    sheet.add_data_validation(validation)


def _key_value(sheet: Any, lembar: schema.Lembar, items: tuple[schema.Isian, ...]) -> None:
    _header(sheet, ["Isian", "Nilai", "Keterangan"], [28, 60, 70])
    for row, isian in enumerate(items, start=2):
        sheet.cell(row=row, column=1, value=isian.nama)
        note = ("Wajib. " if isian.wajib else "") + isian.petunjuk
        sheet.cell(row=row, column=3, value=note.strip() or None)
        value = sheet.cell(row=row, column=2)
        if isian.jenis == "tanggal":
            value.number_format = DATE_FORMAT
        elif isian.jenis == "teks" and "NIP" in isian.nama:
            value.number_format = "@"  # NIP as text: Excel would round 18 digits
        if isian.pilihan:
            validation = _validation(isian.pilihan, True, isian.nama)
            validation.add(value.coordinate)
            sheet.add_data_validation(validation)


PETUNJUK = (
    ("Petunjuk pengisian buku kerja Laporan Kinerja (lkj)", True),
    ("Isi lembar-lembar berikut, lalu jalankan: lkj periksa NAMA_BERKAS.xlsx, dan setelah tidak ada "
     "galat: lkj buat NAMA_BERKAS.xlsx. Laporan Word ditulis ke folder output.", False),
    ("", False),
    ("Aturan umum", True),
    ("Judul kolom di baris 1 jangan diubah; urutan kolom bebas dan kolom tambahan diabaikan.", False),
    ("Angka: ketik 77,29 di sel angka, atau 77,29% di sel berformat persen. Ribuan memakai titik "
     "(1.234.567) dan desimal memakai koma; 0.4 ditolak karena meragukan.", False),
    ("Sel kosong berarti belum diisi, bukan 0. Isi 0 bila memang nol.", False),
    ("Baris yang disembunyikan dilewati (lkj periksa menyebutkannya).", False),
    ("Jangan mengetik nomor urut pada daftar; nomor dibuat otomatis di laporan.", False),
    ("Rumus boleh dipakai; simpan berkas di Excel/Calc agar nilainya tersimpan.", False),
    ("Tanggal: sel tanggal, atau teks seperti 13/03/2025 atau 13 Maret 2025.", False),
    ("Baris baru di dalam sel (Alt+Enter) menjadi paragraf baru pada Narasi dan Penjelasan.", False),
    ("", False),
    ("Lembar", True),
)


def _petunjuk(sheet: Any) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.title = "Petunjuk"
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 110
    rows = [(text, bold) for text, bold in PETUNJUK]
    row = 1
    for text, bold in rows:
        cell = sheet.cell(row=row, column=1, value=text or None)
        cell.font = Font(bold=bold, size=14 if row == 1 else 11)
        row += 1
    for lembar in schema.LEMBAR:
        wajib = "wajib" if lembar.wajib else "tidak wajib"
        sheet.cell(row=row, column=1, value=lembar.nama).font = Font(bold=True)
        columns = ", ".join(k.header + ("*" if k.wajib else "") for k in lembar.kolom)
        text = f"({wajib}) {lembar.petunjuk} Kolom: {columns} (* = wajib)."
        cell = sheet.cell(row=row, column=2, value=text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        row += 1
    sheet.cell(row=row + 1, column=1, value="Nilai Pengaturan").font = Font(bold=True)
    for isian in schema.ISIAN_PENGATURAN:
        row += 1
        options = f" Pilihan: {', '.join(isian.pilihan)}." if isian.pilihan else ""
        sheet.cell(row=row + 1, column=1, value=isian.nama)
        sheet.cell(row=row + 1, column=2, value=f"{isian.petunjuk}.{options}")
