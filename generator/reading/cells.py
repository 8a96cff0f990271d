"""Cells -> typed values (text, numbers, dates, choices), each problem recorded with its cell."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from generator import format as fmt
from generator.errors import GALAT, PERINGATAN, Issue
from generator.reading.workbook import Cell, Row

# Characters XML 1.0 (and so Word) cannot hold; tab, newline and carriage return are fine.
_ILLEGAL_XML = fmt.BUKAN_XML
# Excel stores characters XML cannot hold as _xHHHH_; openpyxl hands them over still escaped.
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
HAND_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[a-zA-Z])[.)]\s+(?=\S)")
REALISASI_TAHUN = re.compile(r"^realisasi (\d{4})$")
_EXCEL_EPOCH = datetime(1899, 12, 30)
# Capaian this far above target is more often a typo (75 typed as 7,5) than a real result.
CAPAIAN_JANGGAL = Decimal(150)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")


@dataclass
class Reader:
    """Converts cells to values, recording a problem for each cell that does not fit."""

    issues: list[Issue]
    # The row each indicator or budget line came from, by its ref, so later checks can point
    # at the exact cell they talk about.
    rows: dict[str, Row] = field(default_factory=dict)
    # The value cell of each Identitas item (its sheet when the item is missing), by name.
    isian: dict[str, str] = field(default_factory=dict)
    # Each sheet's quarterly columns, by its quoted name: (Target|Realisasi, quarter) -> header key.
    kolom_triwulan: dict[str, dict[tuple[str, int], str]] = field(default_factory=dict)

    def cell_ref(self, ref: str, header: str) -> str:
        """The ref of `header`'s cell on the row that `ref` (a record's ref) lies on."""
        row = self.rows.get(ref)
        cell = row.get(header) if row is not None else None
        return cell.ref if cell is not None else ref

    def error(self, code: str, message: str, ref: str) -> None:
        self.issues.append(Issue(code, message, ref, GALAT))

    def warn(self, code: str, message: str, ref: str) -> None:
        self.issues.append(Issue(code, message, ref, PERINGATAN))

    def _uncached(self, cell: Cell, label: str) -> bool:
        if cell.uncached:
            self.error("formula-uncached", f"{label} berisi rumus yang belum pernah dihitung; "
                       "buka berkas di Excel/Calc lalu simpan ulang agar nilainya tersimpan", cell.ref)
        return cell.uncached

    def text(self, cell: Cell | None, label: str, multiline: bool = False) -> str | None:
        """The cell as clean text; None when blank. Numbers are written without '.0'."""
        if cell is None or cell.blank or self._uncached(cell, label):
            return None
        value = cell.value
        if _too_long_number(value):
            shown = f"{value:.14E}".replace(".", ",")
            self.error("number-inexact", f"{label} tersimpan sebagai angka {shown} yang "
                       "terlalu panjang untuk disimpan utuh (Excel hanya menyimpan 15 angka "
                       "pertama); ketik ulang sebagai teks: beri tanda petik (') di depannya atau "
                       "format selnya sebagai Text, lalu ketik semua angkanya", cell.ref)
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, datetime):
            value = fmt.tanggal(value.date())
        text = _OOXML_ESCAPE.sub(lambda m: chr(int(m[1], 16)), str(value))
        if _ILLEGAL_XML.search(text):
            text = _ILLEGAL_XML.sub("", text)
            self.warn("control-char", f"{label} memuat karakter kendali yang tidak dapat disimpan "
                      "di Word; karakter itu dibuang", cell.ref)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not multiline:
            text = " ".join(text.split())
        return text.strip() or None

    def number(self, cell: Cell | None, label: str, required: bool = False,
               negative_ok: bool = False) -> Decimal | None:
        """The cell as a Decimal in the units shown (a 77,29% cell gives 77.29); None when blank."""
        if cell is None or cell.blank:
            if required and cell is not None:
                self.error("required", f"{label} wajib diisi", cell.ref)
            return None
        if self._uncached(cell, label):
            return None
        value = self._to_decimal(cell, label)
        if value is not None and value < 0 and not negative_ok:
            self.error("negative", f"{label} tidak boleh negatif, tertulis {fmt.angka(value)}",
                       cell.ref)
            return None
        return value

    def _to_decimal(self, cell: Cell, label: str) -> Decimal | None:
        value = cell.value
        if isinstance(value, (bool, datetime, date)):
            self.error("not-number", f"{label} harus berupa angka, tertulis {_shown(value)}", cell.ref)
            return None
        if isinstance(value, (int, float)):
            number = Decimal(str(value))
            return number * 100 if cell.percent else number
        text = str(value).strip()
        if text.startswith("#"):
            self.error("excel-error", f"{label} berisi galat Excel {text}; perbaiki rumusnya",
                       cell.ref)
            return None
        try:
            return fmt.parse_angka(text)
        except (ValueError, InvalidOperation) as exc:
            self.error("not-number", f"{label} harus berupa angka, tertulis \"{text}\" ({exc})",
                       cell.ref)
            return None

    def integer(self, cell: Cell | None, label: str, required: bool = False) -> int | None:
        number = self.number(cell, label, required)
        if number is None:
            return None
        if number != number.to_integral_value():
            self.error("not-integer", f"{label} harus bilangan bulat, tertulis {fmt.angka(number)}",
                       cell.ref if cell else "")
            return None
        return int(number)

    def date(self, cell: Cell | None, label: str) -> date | None:
        """A date cell, an Excel serial number, or text such as 13/03/2025 or 13 Maret 2025."""
        if cell is None or cell.blank or self._uncached(cell, label):
            return None
        value = cell.value
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
            return (_EXCEL_EPOCH + timedelta(days=int(value))).date()
        try:
            return fmt.parse_tanggal(str(value).strip())
        except ValueError as exc:
            self.error("not-date", f"{label} harus berupa tanggal (mis. 13 Maret 2025 atau "
                       f"13/03/2025), tertulis {_shown(value)} ({exc})", cell.ref)
            return None

    def choice(self, cell: Cell | None, label: str, allowed: tuple[str, ...]) -> str | None:
        """One of `allowed`, matched case-insensitively; None when blank or not allowed."""
        text = self.text(cell, label)
        if text is None or cell is None:
            return None
        for option in allowed:
            if text.casefold() == option.casefold():
                return option
        self.error("not-allowed", f"{label} \"{text}\" tidak dikenal; pilihan yang sah: "
                   f"{', '.join(allowed)}", cell.ref)
        return None


def _too_long_number(value: Any) -> bool:
    """A number from a text field (NIP, a code) with more digits than Excel keeps exactly."""
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and abs(value) >= 10 ** 15)


def _shown(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return f"\"{value}\""


def norm(text: str) -> str:
    return " ".join(text.split()).casefold()
