"""Reading a workbook with openpyxl: a workbook file -> sheets of plain rows, each cell with its Excel ref."""

from __future__ import annotations

import difflib
import io
import re
import sys
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException

from generator.errors import GALAT, PERINGATAN, Issue, LkjError
from generator.reading.schema import Lembar
from generator.reading.xlsx import Compacted, check_zip, compact_archive, damaged, load_bytes, sniff

HEADER_SEARCH_ROWS = 10


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


def column_letter(column: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Entry:
    """A sheet as the workbook lists it; `part` is None when its XML is missing from the file."""

    name: str
    state: str
    part: str | None


@dataclass(frozen=True)
class Book:
    """An opened workbook: its sheets, their compacted XML and what reading cells needs."""

    source: str
    entries: tuple[Entry, ...]
    compacted: Compacted
    strings: list[Any]
    epoch: Any
    date_formats: frozenset[int]
    timedelta_formats: frozenset[int]
    percent_styles: frozenset[int]
    styles: int


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


def _damage_types() -> tuple[type[BaseException], ...]:
    """What openpyxl, zipfile, zlib and the XML parsers raise on a damaged file."""
    from openpyxl.utils.exceptions import InvalidFileException

    return (zipfile.BadZipFile, zlib.error, KeyError, ValueError, TypeError, IndexError,
            AttributeError, OSError, EOFError, SyntaxError, RuntimeError, NotImplementedError,
            OverflowError, InvalidFileException)


def open_workbook(path: Path) -> Book:
    """Open the workbook streaming: only the parts lkj reads, never every cell a file claims."""
    _import_openpyxl()
    data = load_bytes(path)
    sniff(data, path.name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip(archive, path.name)
            compacted = compact_archive(archive, path.name)
        return _read_book(data, compacted, path.name)
    except LkjError:
        raise
    except DefusedXmlException as exc:
        raise LkjError(f"{path.name}: buku kerja memuat XML berbahaya dan ditolak") from exc
    except zipfile.BadZipFile as exc:
        raise LkjError(f"{path.name}: berkas rusak (arsip zip tidak utuh); buka di Excel, periksa "
                       "isinya, lalu simpan ulang sebagai .xlsx") from exc
    except _damage_types() as exc:
        raise LkjError(damaged(path.name)) from exc


def _read_book(data: bytes, compacted: Compacted, source: str) -> Book:
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
    from openpyxl.styles.stylesheet import apply_stylesheet

    with warnings.catch_warnings():
        # openpyxl warns in English about features lkj does not read (validation extensions...).
        warnings.simplefilter("ignore")
        reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
        # Only what lkj uses: sheet list, shared strings, date system, number formats. The
        # worksheets are read from the compacted XML; openpyxl's own pass over each sheet
        # (looking for its dimension) is skipped, as are properties and the theme.
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        entries = tuple(
            Entry(sheet.name, sheet.state or "visible",
                  rel.target if rel.target in compacted.sheets else None)
            for sheet, rel in reader.parser.find_sheets() if "chartsheet" not in rel.Type)
    wb = reader.wb
    wb.close()
    formats = [BUILTIN_FORMATS.get(style.numFmtId, "General")
               if style.numFmtId < BUILTIN_FORMATS_MAX_SIZE
               else wb._number_formats[style.numFmtId - BUILTIN_FORMATS_MAX_SIZE]
               for style in wb._cell_styles]
    return Book(source, entries, compacted, reader.shared_strings, wb.epoch,
                frozenset(wb._date_formats), frozenset(wb._timedelta_formats),
                frozenset(i for i, f in enumerate(formats) if "%" in (f or "")), len(formats))


def _norm_title(title: str) -> str:
    return " ".join(title.split()).casefold()


def _describe(entry: Entry) -> str:
    state = {"hidden": " (tersembunyi)", "veryHidden": " (tersembunyi penuh, veryHidden)"}
    return quote_sheet(entry.name) + state.get(entry.state, "")


def find_entry(book: Book, lembar: Lembar, issues: list[Issue]) -> Entry | None:
    """The one sheet that reads as `lembar`; two of them, or a missing one, is an issue."""
    wanted = _norm_title(lembar.nama)
    matches = [e for e in book.entries if _norm_title(e.name) == wanted]
    if len(matches) > 1:
        issues.append(Issue(
            "sheet-duplicate", f"ada {len(matches)} lembar yang terbaca sebagai '{lembar.nama}': "
            f"{', '.join(_describe(e) for e in matches)}; hapus atau ganti nama lembar yang tidak "
            "dipakai", quote_sheet(lembar.nama)))
        return None
    if not matches:
        _report_missing_sheet(book, lembar, issues)
        return None
    entry = matches[0]
    if entry.part is None:
        issues.append(Issue(
            "sheet-damaged", f"berkas rusak: isi lembar {quote_sheet(entry.name)} hilang dari "
            "berkas; buka di Excel, periksa lembar itu, lalu simpan ulang", quote_sheet(entry.name)))
        return None
    if entry.state != "visible":
        issues.append(Issue(
            "sheet-hidden", f"lembar {_describe(entry)} disembunyikan di Excel, tetapi tetap dibaca "
            "untuk laporan", quote_sheet(entry.name), PERINGATAN))
    return entry


def look_alikes(book: Book, nama: str) -> list[str]:
    """Sheets whose names resemble `nama` ('Kinerja 2025', 'Kinreja') but are no sheet lkj reads."""
    from generator.reading.schema import LEMBAR

    wanted = _norm_title(nama)
    known = {_norm_title(lembar.nama) for lembar in LEMBAR}
    found = []
    for entry in book.entries:
        title = _norm_title(entry.name)
        if title in known:
            continue
        letters = re.sub(r"[^a-z]+", "", title)
        if (wanted in title or letters == wanted
                or difflib.SequenceMatcher(None, wanted, letters).ratio() >= 0.8):
            found.append(entry.name)
    return found


def _report_missing_sheet(book: Book, lembar: Lembar, issues: list[Issue]) -> None:
    similar = look_alikes(book, lembar.nama)
    names = ", ".join(quote_sheet(n) for n in similar)
    if similar:
        issues.append(Issue(
            "sheet-lookalike", f"lembar '{lembar.nama}' tidak ada, tetapi ada lembar {names}; "
            f"bila itu yang dimaksud, ganti namanya menjadi '{lembar.nama}'",
            quote_sheet(lembar.nama), GALAT if lembar.wajib else PERINGATAN))
    elif lembar.wajib:
        issues.append(Issue(
            "sheet-missing", f"lembar '{lembar.nama}' tidak ada; lembar ini wajib dengan kolom "
            f"{', '.join(lembar.headers_wajib)}", quote_sheet(lembar.nama)))


def _norm(value: Any) -> str:
    return " ".join(str(value).split()).lower() if value is not None else ""


@dataclass(frozen=True)
class _Raw:
    """A row as parsed: cells by column as (value, style id, formula without cached value)."""

    number: int
    cells: dict[int, tuple[Any, int, bool]]
    hidden: bool


def _parse(book: Book, part: str) -> list[_Raw]:
    """The rows that hold cells, from the compacted XML; formulas read in a second pass."""
    xml = book.compacted.sheets[part]
    uncached = _uncached_formulas(book, xml) if _FORMULA.search(xml) else set()
    rows = []
    parser = _parser(book, xml, data_only=True)
    for number, cells in parser.parse():
        dims = parser.row_dimensions.get(str(number), {})
        hidden = str(dims.get("hidden", "")).lower() in ("1", "true")
        parsed = {}
        for c in cells:
            if c["style_id"] >= book.styles and c["style_id"]:
                raise IndexError(c["style_id"])
            parsed[c["column"]] = (c["value"], c["style_id"], (number, c["column"]) in uncached)
        rows.append(_Raw(number, parsed, hidden))
    return rows


_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")


def _parser(book: Book, xml: bytes, data_only: bool) -> Any:
    from openpyxl.worksheet._reader import WorkSheetParser

    return WorkSheetParser(io.BytesIO(xml), book.strings, data_only=data_only, epoch=book.epoch,
                           date_formats=book.date_formats,
                           timedelta_formats=book.timedelta_formats)


def _uncached_formulas(book: Book, xml: bytes) -> set[tuple[int, int]]:
    """Cells holding a formula; those with a cached value are dropped by the caller's value."""
    found = set()
    for number, cells in _parser(book, xml, data_only=False).parse():
        found |= {(number, c["column"]) for c in cells if c["data_type"] == "f"}
    return found


def read_sheet(book: Book, lembar: Lembar, issues: list[Issue]) -> Sheet | None:
    """The sheet's rows, or None (with an issue when the sheet is required or lacks headers)."""
    entry = find_entry(book, lembar, issues)
    if entry is None or entry.part is None:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            raw = _parse(book, entry.part)
        except _damage_types() as exc:
            raise LkjError(damaged(book.source, entry.part)) from exc
    found = _header_row(raw, lembar)
    if found is None:
        _report_missing_headers(entry.name, raw, lembar, issues)
        return None
    header_row, columns = found
    columns = _unique_headers(entry.name, header_row, columns, lembar, issues)
    rows = tuple(_rows(entry.name, raw, header_row, columns, book))
    headers = {_norm(h): h for h in columns.values()}
    return Sheet(entry.name, headers, rows)


def _header_row(raw: list[_Raw], lembar: Lembar) -> tuple[int, dict[int, str]] | None:
    """The first of the first rows holding every required header: (row, column -> header)."""
    required = {h.lower() for h in lembar.headers_wajib}
    for row in raw:
        if row.number > HEADER_SEARCH_ROWS:
            break
        found = {c: str(v[0]).strip() for c, v in sorted(row.cells.items()) if _norm(v[0])}
        if required <= {_norm(v) for v in found.values()}:
            return row.number, found
    return None


_READ_HEADER = re.compile(r"^realisasi \d{4}$")


def _unique_headers(sheet: str, header_row: int, columns: dict[int, str], lembar: Lembar,
                    issues: list[Issue]) -> dict[int, str]:
    """A header lkj reads may stand once; the first one is kept and a repeat is an error."""
    known = {k.header.lower() for k in lembar.kolom}
    first: dict[str, int] = {}
    kept: dict[int, str] = {}
    for column, header in columns.items():
        key = _norm(header)
        if key in first and (key in known or _READ_HEADER.match(key)):
            refs = " dan ".join(f"{column_letter(c)}{header_row}" for c in (first[key], column))
            issues.append(Issue(
                "header-duplicate", f"kolom '{header}' tertulis dua kali ({refs}), sehingga tidak "
                "jelas mana yang dibaca; hapus atau ganti judul salah satunya",
                cell_ref(sheet, f"{column_letter(column)}{header_row}")))
            continue
        first.setdefault(key, column)
        kept[column] = header
    return kept


def _report_missing_headers(sheet: str, raw: list[_Raw], lembar: Lembar,
                            issues: list[Issue]) -> None:
    seen: set[str] = set()
    for row in raw:
        if row.number <= HEADER_SEARCH_ROWS:
            seen |= {_norm(v[0]) for v in row.cells.values() if _norm(v[0])}
    missing = [h for h in lembar.headers_wajib if h.lower() not in seen]
    if not missing:
        missing = list(lembar.headers_wajib)
    issues.append(Issue(
        "header-missing",
        f"kolom {', '.join(repr(h) for h in missing)} tidak ditemukan pada "
        f"{HEADER_SEARCH_ROWS} baris pertama; baris judul harus memuat "
        f"{', '.join(lembar.headers_wajib)}",
        quote_sheet(sheet),
    ))


def _rows(sheet: str, raw: list[_Raw], header_row: int, columns: dict[int, str], book: Book):
    for row in raw:
        if row.number <= header_row:
            continue
        cells: dict[str, Cell] = {}
        for column, header in columns.items():
            value, style, uncached = row.cells.get(column, (None, 0, False))
            ref = cell_ref(sheet, f"{column_letter(column)}{row.number}")
            cells[_norm(header)] = Cell(ref, value, style in book.percent_styles,
                                        uncached and value is None)
        result = Row(row.number, cells, row.hidden)
        if not result.blank:
            yield result
