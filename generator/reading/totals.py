"""Total and subtotal rows typed into the Anggaran and Kinerja lists: recognised so they are never counted."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from generator.reading.workbook import Cell, Row

# A whole cell that only labels a total ("Jumlah", "Sub Total", "Jumlah Total", "Rata-rata", ...).
_LABEL = re.compile(
    r"(?:sub\s*-?\s*)?(?:jumlah|total)(?:\s+(?:total|keseluruhan|seluruhnya|akhir|semua|umum|"
    r"anggaran|pagu|realisasi|capaian))?|grand\s+total|rata\s*-?\s*rata(?:\s+capaian)?")
# In `Sumber Dana` a subtotal may name its source ("Jumlah RM", "Total PNBP"); no source of
# funds starts with these words.
_SOURCE_LABEL = re.compile(r"(?:sub\s*-?\s*)?(?:jumlah|total)\b.*")


def _clean(value: object) -> str:
    return " ".join(str(value).split()).casefold().strip(" :.")


def total_label(row: Row, headers: tuple[str, ...], prefix_header: str = "") -> Cell | None:
    """The first cell among `headers` that labels the row as a total, or None.

    In `prefix_header` a label only has to start the cell ("Jumlah RM").
    """
    for header in headers:
        cell = row.get(header)
        if cell is None or cell.blank or not isinstance(cell.value, str):
            continue
        pattern = _SOURCE_LABEL if header == prefix_header else _LABEL
        if pattern.fullmatch(_clean(cell.value)):
            return cell
    return None


Pair = tuple[Decimal, "Decimal | None"]


def _sum(values: list[Decimal | None]) -> Decimal | None:
    """The sum, or None when any value is not filled (a January sheet has no realisasi yet)."""
    if any(v is None for v in values):
        return None
    return sum((v for v in values if v is not None), Decimal(0))


@dataclass
class RunningSums:
    """Pagu and realisasi of the budget lines counted so far, overall and since the last total."""

    all_rows: list[Pair] = field(default_factory=list)
    group: list[Pair] = field(default_factory=list)

    def is_sum(self, pagu: Decimal, realisasi: Decimal | None) -> int:
        """How many rows above this line's figures add up to (0 when they do not)."""
        for rows in (self.group, self.all_rows):
            if len(rows) >= 2 and pagu > 0 and (pagu, realisasi) == (
                    sum((p for p, _ in rows), Decimal(0)), _sum([r for _, r in rows])):
                return len(rows)
        return 0

    def add(self, pagu: Decimal, realisasi: Decimal | None) -> None:
        self.all_rows.append((pagu, realisasi))
        self.group.append((pagu, realisasi))

    def close_group(self) -> None:
        self.group = []
