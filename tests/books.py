"""Builds small workbooks inline for tests: a valid minimal one, and ways to break it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl

IDENTITAS = [
    ["Isian", "Nilai"],
    ["Instansi", "Komisi Pemilihan Umum Kabupaten Contoh"],
    ["Nama Singkat", "KPU Kabupaten Contoh"],
    ["Tahun", 2024],
    ["Periode Renstra", "2020-2024"],
    ["Tempat", "Langgur"],
    ["Tanggal", datetime(2025, 3, 13)],
    ["Jabatan Penandatangan", "Sekretaris KPU Kabupaten Contoh"],
    ["Nama Penandatangan", "Nama Sekretaris"],
]
KINERJA = [
    ["Sasaran Strategis", "Indikator Kinerja", "Satuan", "Polaritas", "Target", "Realisasi"],
    ["Sasaran satu", "Indikator A", "%", "Positif", 75, 77.29],
    [None, "Indikator B", "%", "Negatif", 3, 0.4],
]
ANGGARAN = [
    ["Sumber Dana", "Pagu", "Realisasi"],
    ["Rupiah Murni (APBN)", 20350023000, 20300000000],
]


def base_sheets() -> dict[str, list[list[Any]]]:
    """A minimal valid workbook's sheets, as fresh lists a test may change."""
    return {
        "Identitas": [list(r) for r in IDENTITAS],
        "Kinerja": [list(r) for r in KINERJA],
        "Anggaran": [list(r) for r in ANGGARAN],
    }


def write_book(path: Path, sheets: dict[str, list[list[Any]]],
               formats: dict[tuple[str, str], str] | None = None,
               hidden_rows: dict[str, list[int]] | None = None) -> Path:
    """Write `sheets` (name -> rows) to `path`; `formats` sets number formats by (sheet, cell)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    for (sheet, coordinate), number_format in (formats or {}).items():
        wb[sheet][coordinate].number_format = number_format
    for sheet, rows in (hidden_rows or {}).items():
        for r in rows:
            wb[sheet].row_dimensions[r].hidden = True
    wb.save(path)
    return path


def book(tmp_path: Path, name: str = "buku.xlsx", **changes: Any) -> Path:
    """The minimal valid workbook with whole sheets replaced or added (`Kinerja=[...]`)."""
    sheets = base_sheets()
    formats = changes.pop("formats", None)
    hidden = changes.pop("hidden_rows", None)
    for sheet, rows in changes.items():
        if rows is None:
            sheets.pop(sheet, None)
        else:
            sheets[sheet] = rows
    return write_book(tmp_path / name, sheets, formats, hidden)



def shared_string(path: Path, placeholder: str, raw: str) -> Path:
    """Store the cell holding `placeholder` as a shared string with the raw XML text `raw`, as
    Excel does; Excel keeps control characters escaped there (e.g. _x0007_), which openpyxl
    cannot write itself."""
    import io
    import zipfile

    inline = f't="inlineStr"><is><t>{placeholder}</t></is>'
    strings = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
               f'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t xml:space="preserve">{raw}'
               "</t></si></sst>")
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    rel = ('<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/officeDocument/'
           '2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename).decode("utf-8")
            if info.filename.startswith("xl/worksheets/"):
                data = data.replace(inline, 't="s"><v>0</v>')
            elif info.filename == "[Content_Types].xml":
                data = data.replace("</Types>", f'<Override PartName="/xl/sharedStrings.xml" '
                                    f'ContentType="{kind}"/></Types>')
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>", rel + "</Relationships>")
            dst.writestr(info, data)
        dst.writestr("xl/sharedStrings.xml", strings)
    path.write_bytes(buffer.getvalue())
    return path


def many_indicators(path: Path, sasaran: int = 6, indikator: int = 40,
                    lalu: bool = False) -> Path:
    """A workbook with `indikator` indicators spread over `sasaran` sasaran: tables span pages.

    With `lalu`, every indicator has realisasi for 2022 and 2023 (history: one trend chart each).
    """
    sheets = base_sheets()
    years = ["Realisasi 2022", "Realisasi 2023"] if lalu else []
    rows = [sheets["Kinerja"][0] + ["Penjelasan", *years]]
    for n in range(indikator):
        s = n * sasaran // indikator
        first = n == 0 or (n - 1) * sasaran // indikator != s
        rows.append([
            f"Sasaran strategis nomor {s + 1} tentang penyelenggaraan tahapan" if first else None,
            f"Persentase indikator kinerja ke-{n + 1} yang diukur dari dokumen dan laporan tahapan "
            f"penyelenggaraan pemilihan umum",
            "%", "Negatif" if n % 7 == 6 else "Positif", 80 + n % 20, 70 + (n * 3) % 35,
            f"Penjelasan indikator {n + 1}.",
            *([60 + n % 30, 65 + (n * 7) % 30] if lalu else []),
        ])
    sheets["Kinerja"] = rows
    sheets["Pengaturan"] = [["Isian", "Nilai"], ["Rumus Negatif", "2T-R"]]
    return write_book(path, sheets)


def sheet_part(path: Path, sheet: str) -> str:
    """The zip part holding `sheet` (e.g. xl/worksheets/sheet2.xml)."""
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return wb[sheet]._worksheet_path
    finally:
        wb.close()


def rewrite_parts(src: Path, dst: Path, parts: dict[str, bytes | None],
                  compression: int = 8) -> Path:
    """Copy the zip `src` to `dst` with parts replaced (bytes), dropped (None) or added."""
    import zipfile

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", compression) as zout:
        for info in zin.infolist():
            if info.filename not in parts:
                zout.writestr(info.filename, zin.read(info.filename))
        for name, data in parts.items():
            if data is not None:
                zout.writestr(name, data)
    return dst


def empty_cells_bomb(src: Path, dst: Path, cells: int = 10_000_000, sheet: str = "Kinerja",
                     cell: bytes = b"<c/>") -> Path:
    """`src` with `cells` empty cells (`cell`) appended to one row of `sheet`: a tiny zip, huge
    XML."""
    import zipfile

    part = sheet_part(src, sheet)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename != part:
                zout.writestr(info.filename, data)
                continue
            head, tail = data.split(b"</sheetData>")
            with zout.open(part, "w", force_zip64=True) as stream:
                stream.write(head + b'<row r="1048000">')
                block = cell * 100_000
                for _ in range(cells // 100_000):
                    stream.write(block)
                stream.write(b"</row></sheetData>" + tail)
    return dst


def formatted_bottom_cell(src: Path, dst: Path, cell: str = "E1048576") -> Path:
    """`src` with one empty formatted cell at Excel's last row, as "format the whole column" can
    leave behind."""
    wb = openpyxl.load_workbook(src)
    wb["Kinerja"][cell].number_format = "0.00"
    wb.save(dst)
    return dst
