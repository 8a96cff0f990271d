"""The only openpyxl import: a workbook file -> sheets of plain rows, each cell with its Excel ref."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from .errors import PERINGATAN, Issue, LkjError
from .schema import Lembar

# A worksheet this large unpacked is not a hand-typed LKj workbook but a zip bomb.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
HEADER_SEARCH_ROWS = 10
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Cell:
    """One cell's cached value; `percent` when its number format shows a percentage.

    `uncached` marks a formula whose value was never calculated (value is then None).
    """

    ref: str
    value: Any
    percent: bool = False
    uncached: bool = False

    @property
    def blank(self) -> bool:
        return not self.uncached and (
            self.value is None or (isinstance(self.value, str) and not self.value.strip())
        )


@dataclass(frozen=True)
class Row:
    """A data row: cells by lower-cased header; `hidden` rows are reported and skipped."""

    number: int
    cells: dict[str, Cell]
    hidden: bool = False

    def get(self, header: str) -> Cell | None:
        return self.cells.get(header.lower())

    @property
    def blank(self) -> bool:
        return all(c.blank for c in self.cells.values())


@dataclass(frozen=True)
class Sheet:
    """A sheet's rows below its header row; `headers` maps lower-cased header to its text."""

    name: str
    headers: dict[str, str]
    rows: tuple[Row, ...]


def quote_sheet(name: str) -> str:
    """A sheet name as it stands in a reference, always quoted: 'Kinerja'!F7."""
    return "'" + name.replace("'", "''") + "'"


def cell_ref(sheet: str, coordinate: str) -> str:
    return f"{quote_sheet(sheet)}!{coordinate}"


def _sniff(data: bytes, name: str) -> None:
    """Refuse files that are not .xlsx before openpyxl sees them, with a one-line reason."""
    if not data:
        raise LkjError(f"{name}: berkas kosong (0 bita), bukan buku kerja Excel")
    if data.startswith(OLE_MAGIC):
        raise LkjError(
            f"{name}: berkas ini berformat Excel lama (.xls) atau dilindungi kata sandi; "
            "buka di Excel, hapus kata sandinya bila ada, lalu simpan sebagai .xlsx"
        )
    if not data.startswith(b"PK"):
        raise LkjError(
            f"{name}: bukan buku kerja .xlsx (mungkin CSV atau teks); "
            "buka di Excel/Calc lalu simpan sebagai Buku Kerja Excel (.xlsx)"
        )


def _check_zip(archive: zipfile.ZipFile, name: str) -> None:
    try:
        mimetype = archive.read("mimetype") if "mimetype" in archive.namelist() else b""
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
        raise LkjError(f"{name}: berkas .xlsx rusak ({exc})") from exc
    if b"opendocument" in mimetype:
        raise LkjError(
            f"{name}: berkas ini berformat OpenDocument (.ods); "
            "di LibreOffice Calc pilih Simpan Sebagai > Buku Kerja Excel 2007-365 (.xlsx)"
        )
    if "xl/workbook.xml" not in archive.namelist():
        raise LkjError(f"{name}: berkas zip ini bukan buku kerja Excel (.xlsx)")
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
        raise LkjError(f"{name}: isi berkas terlalu besar untuk sebuah buku kerja LKj")
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")):
            _refuse_dtd(archive, info, name)


def _refuse_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """A DTD can only stand before the root element, so reading to the first tag is enough."""
    try:
        with archive.open(info) as stream:
            for _ in SafeET.iterparse(stream, events=("start",), forbid_dtd=True):
                break
    except DefusedXmlException as exc:
        raise LkjError(
            f"{name}: bagian {info.filename} memuat deklarasi XML (DTD/entitas) yang ditolak "
            "demi keamanan; simpan ulang buku kerja dari Excel"
        ) from exc
    except (SafeET.ParseError, zipfile.BadZipFile, OSError, RuntimeError, EOFError) as exc:
        raise LkjError(f"{name}: berkas .xlsx rusak (bagian {info.filename} tidak terbaca)") from exc


def load_bytes(path: Path) -> bytes:
    """Read the workbook once, read-only; the file itself is never opened for writing."""
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise LkjError(f"{path.name}: berkas tidak ditemukan ({path})") from exc
    except IsADirectoryError as exc:
        raise LkjError(f"{path}: ini sebuah folder, bukan buku kerja") from exc
    except OSError as exc:
        raise LkjError(f"{path.name}: berkas tidak dapat dibaca ({exc.strerror})") from exc


def _import_openpyxl() -> Any:
    """openpyxl, imported without numpy when numpy is not loaded yet.

    openpyxl imports numpy (when installed, as matplotlib brings it) only to recognise numpy
    number types, which lkj never hands it; that import costs about 140 ms of every
    `lkj periksa`. A later `import numpy` (charts) is unaffected.
    """
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        import openpyxl

        return openpyxl
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import openpyxl
    finally:
        del sys.modules["numpy"]
    return openpyxl


_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")


def _has_formulas(archive: zipfile.ZipFile) -> bool:
    return any(_FORMULA.search(archive.read(name)) for name in archive.namelist()
               if name.startswith("xl/worksheets/") and name.endswith(".xml"))


def open_workbook(path: Path) -> tuple[Any, Any | None]:
    """Both views openpyxl offers: cached values, and formulas (to find uncached ones).

    The formula view is None for a workbook without formulas, which spares a second load.
    """
    openpyxl = _import_openpyxl()

    data = load_bytes(path)
    _sniff(data, path.name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_zip(archive, path.name)
            has_formulas = _has_formulas(archive)
        values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        formulas = (openpyxl.load_workbook(io.BytesIO(data), data_only=False)
                    if has_formulas else None)
    except LkjError:
        raise
    except zipfile.BadZipFile as exc:
        raise LkjError(f"{path.name}: berkas .xlsx rusak (arsip zip tidak utuh)") from exc
    except DefusedXmlException as exc:
        raise LkjError(f"{path.name}: buku kerja memuat XML berbahaya dan ditolak") from exc
    except (KeyError, ValueError, TypeError, OSError, SafeET.ParseError) as exc:
        raise LkjError(f"{path.name}: berkas .xlsx rusak atau tidak lengkap ({exc})") from exc
    return values, formulas


def find_sheet(workbook: Any, nama: str) -> Any | None:
    """A sheet by name, case-insensitive and ignoring surrounding spaces."""
    wanted = nama.strip().lower()
    for ws in workbook.worksheets:
        if ws.title.strip().lower() == wanted:
            return ws
    return None


def _norm(value: Any) -> str:
    return " ".join(str(value).split()).lower() if value is not None else ""


def _header_row(ws: Any, lembar: Lembar) -> tuple[int, dict[int, str]] | None:
    """The first of the first rows holding every required header: (row, column -> header)."""
    required = {h.lower() for h in lembar.headers_wajib}
    for r, row in enumerate(ws.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True), start=1):
        found = {c: str(v).strip() for c, v in enumerate(row, start=1) if _norm(v)}
        if required <= {_norm(v) for v in found.values()}:
            return r, found
    return None


def read_sheet(values: Any, formulas: Any | None, lembar: Lembar, issues: list[Issue]) -> Sheet | None:
    """The sheet's rows, or None (with an issue when the sheet is required or lacks headers)."""
    ws = find_sheet(values, lembar.nama)
    if ws is None:
        if lembar.wajib:
            issues.append(Issue(
                "sheet-missing", f"lembar '{lembar.nama}' tidak ada; lembar ini wajib dengan kolom "
                f"{', '.join(lembar.headers_wajib)}", quote_sheet(lembar.nama)))
        return None
    found = _header_row(ws, lembar)
    if found is None:
        _report_missing_headers(ws, lembar, issues)
        return None
    header_row, columns = found
    fws = find_sheet(formulas, lembar.nama) if formulas is not None else None
    rows = tuple(_rows(ws, fws, header_row, columns))
    headers = {_norm(h): h for h in columns.values()}
    return Sheet(ws.title, headers, rows)


def _report_missing_headers(ws: Any, lembar: Lembar, issues: list[Issue]) -> None:
    seen: set[str] = set()
    for row in ws.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True):
        seen |= {_norm(v) for v in row if _norm(v)}
    missing = [h for h in lembar.headers_wajib if h.lower() not in seen]
    if not missing:
        missing = list(lembar.headers_wajib)
    issues.append(Issue(
        "header-missing",
        f"kolom {', '.join(repr(h) for h in missing)} tidak ditemukan pada "
        f"{HEADER_SEARCH_ROWS} baris pertama; baris judul harus memuat "
        f"{', '.join(lembar.headers_wajib)}",
        quote_sheet(ws.title),
    ))


def _rows(ws: Any, fws: Any, header_row: int, columns: dict[int, str]):
    for r, row in enumerate(ws.iter_rows(min_row=header_row + 1), start=header_row + 1):
        cells: dict[str, Cell] = {}
        for cell in row:
            header = columns.get(cell.column)
            if header is None:
                continue
            cells[_norm(header)] = _cell(ws.title, cell, fws)
        hidden = bool(ws.row_dimensions[r].hidden) if r in ws.row_dimensions else False
        result = Row(r, cells, hidden)
        if not result.blank:
            yield result


def _cell(sheet: str, cell: Any, fws: Any) -> Cell:
    value = cell.value
    uncached = False
    if value is None and fws is not None:
        raw = fws[cell.coordinate].value
        uncached = isinstance(raw, str) and raw.startswith("=")
    percent = "%" in (cell.number_format or "")
    return Cell(cell_ref(sheet, cell.coordinate), value, percent, uncached)


def hidden_row_issues(sheet: Sheet) -> list[Issue]:
    """Hidden rows are skipped; say so, so that nobody is surprised by a missing indicator."""
    return [
        Issue("row-hidden", f"baris {row.number} tersembunyi dan dilewati",
              f"{quote_sheet(sheet.name)}!{row.number}:{row.number}", PERINGATAN)
        for row in sheet.rows if row.hidden
    ]

