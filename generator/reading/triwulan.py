"""The quarterly columns of Kinerja and Anggaran: read, then held against the year's figures."""

from __future__ import annotations

from decimal import Decimal

from generator import format as fmt
from generator.reading import schema
from generator.reading.cells import Reader, norm
from generator.model import KOSONG4, KUMULATIF, PER_TRIWULAN, SATUAN_PERSEN, TRIWULAN, Empat, Triwulan
from generator.reading.workbook import Cell, Row, Sheet, quote_sheet

TARGET = "Target"
REALISASI = "Realisasi"
_KE = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# Other ways staff write Angka Triwulan; "non kumulatif" is what SAKTI calls a per-quarter output.
_ANGKA_LAIN = {"non kumulatif": PER_TRIWULAN, "non-kumulatif": PER_TRIWULAN,
               "nonkumulatif": PER_TRIWULAN, "per tw": PER_TRIWULAN, "triwulanan": PER_TRIWULAN,
               "kumulatif": KUMULATIF, "per triwulan": PER_TRIWULAN}

Kolom = dict[tuple[str, int], str]  # (Target|Realisasi, quarter) -> the sheet's header key


def kolom(sheet: Sheet | None, reader: Reader) -> Kolom:
    """The quarterly columns of a sheet, by kind and quarter; a quarter written twice
    (`Target TW I` and `Target Triwulan 1`) is an error."""
    found: Kolom = {}
    for key, text in (sheet.headers.items() if sheet else ()):
        match = schema.KOLOM_TRIWULAN.match(key)
        if match is None or sheet is None:
            continue
        place = (match[1].capitalize(), _KE[match[2]])
        if place in found:
            reader.error("header-duplicate", f"kolom {schema.kolom_triwulan(*place)} tertulis dua "
                         f"kali ('{sheet.headers[found[place]]}' dan '{text}'); hapus salah satunya",
                         quote_sheet(sheet.name))
            continue
        found[place] = key
    if sheet is not None:
        reader.kolom_triwulan[quote_sheet(sheet.name)] = found
    return found


def _cells(row: Row, cols: Kolom, jenis: str) -> tuple[Cell | None, ...]:
    return tuple(row.cells.get(cols[(jenis, n)]) if (jenis, n) in cols else None for n in TRIWULAN)


def _numbers(cells: tuple[Cell | None, ...], jenis: str, reader: Reader,
             negative_ok: bool = False) -> Empat:
    a, b, c, d = (reader.number(cell, schema.kolom_triwulan(jenis, n), negative_ok=negative_ok)
                  for n, cell in zip(TRIWULAN, cells, strict=True))
    return (a, b, c, d)


def angka_bawaan(satuan: str) -> str:
    """Percentages are positions (Kumulatif); counts add up over the quarters (Per Triwulan).
    The same rule as Indikator.angka, for a row not yet made an Indikator."""
    return KUMULATIF if norm(satuan) in SATUAN_PERSEN else PER_TRIWULAN


def _angka(row: Row, reader: Reader) -> str | None:
    """Angka Triwulan as written; None when blank (Indikator.angka then decides by Satuan)."""
    cell = row.get("Angka Triwulan")
    teks = reader.text(cell, "Angka Triwulan")
    if teks is None or cell is None:
        return None
    if norm(teks) in _ANGKA_LAIN:
        return _ANGKA_LAIN[norm(teks)]
    reader.error("not-allowed", f"Angka Triwulan \"{teks}\" tidak dikenal; pilihan yang sah: "
                 f"{', '.join(schema.ANGKA)}", cell.ref)
    return None


def read_indikator(row: Row, cols: Kolom, satuan: str, target: Decimal | None,
                   realisasi: Decimal | None, reader: Reader) -> Triwulan:
    """The indicator's quarters; a quarterly target that contradicts the year's Target is an
    error, a quarterly realisasi that differs from the year's Realisasi a warning."""
    targets = _cells(row, cols, TARGET)
    realisasis = _cells(row, cols, REALISASI)
    tw = Triwulan(_numbers(targets, TARGET, reader), _numbers(realisasis, REALISASI, reader, True),
                  _angka(row, reader))
    angka = tw.angka or angka_bawaan(satuan)
    if target is not None:
        _check_target(tw.target, angka, target, targets, reader)
    if realisasi is not None:
        _check_realisasi(tw.realisasi, angka, realisasi, realisasis, reader)
    return tw


def tahunan(angka: str, values: Empat) -> Decimal | None:
    """The year's figure the four quarters give: TW IV (Kumulatif) or their sum (Per
    Triwulan); None while a quarter it needs is blank."""
    if angka == KUMULATIF:
        return values[3]
    if any(v is None for v in values):
        return None
    return sum((v for v in values if v is not None), Decimal(0))


def _shown(values: Empat) -> str:
    return " + ".join(fmt.angka(v) for v in values if v is not None)


def _check_target(values: Empat, angka: str, target: Decimal, cells: tuple[Cell | None, ...],
                  reader: Reader) -> None:
    tahun = tahunan(angka, values)
    last = cells[3]
    if tahun is None or tahun == target or last is None:
        return
    if angka == KUMULATIF:
        pesan = (f"Target TW IV {fmt.angka(tahun)} harus sama dengan Target tahunan "
                 f"{fmt.angka(target)}, karena angka triwulan indikator ini Kumulatif (posisi s.d. "
                 "triwulan)")
        if tahunan(PER_TRIWULAN, values) == target:
            pesan += "; jumlah TW I-IV sama dengan target tahunan, jadi bila angkanya per " \
                     "triwulan, isi Angka Triwulan dengan Per Triwulan"
    else:
        pesan = (f"jumlah Target TW I-IV ({_shown(values)} = {fmt.angka(tahun)}) harus sama "
                 f"dengan Target tahunan {fmt.angka(target)}, karena angka triwulan indikator ini "
                 "Per Triwulan")
        if values[3] == target:
            pesan += "; TW IV sama dengan target tahunan, jadi bila angkanya posisi s.d. " \
                     "triwulan, isi Angka Triwulan dengan Kumulatif"
    reader.error("quarter-target", pesan, last.ref)


def _check_realisasi(values: Empat, angka: str, realisasi: Decimal,
                     cells: tuple[Cell | None, ...], reader: Reader) -> None:
    tahun = tahunan(angka, values)
    last = cells[3]
    if tahun is None or tahun == realisasi or last is None:
        return
    dasar = "Realisasi TW IV" if angka == KUMULATIF else \
        f"jumlah Realisasi TW I-IV ({_shown(values)})"
    reader.warn("quarter-realisasi", f"{dasar} {fmt.angka(tahun)} berbeda dengan Realisasi "
                f"tahunan {fmt.angka(realisasi)}; Laporan Kinerja memakai Realisasi tahunan",
                last.ref)


def read_anggaran(row: Row, cols: Kolom, pagu: Decimal, realisasi: Decimal | None,
                  reader: Reader) -> Empat:
    """What a budget line spent in each quarter; more than the pagu, or four quarters that
    differ from the year's Realisasi, is a warning."""
    cells = _cells(row, cols, REALISASI)
    if not cols:
        return KOSONG4
    values = _numbers(cells, REALISASI, reader)
    filled = [(v, c) for v, c in zip(values, cells, strict=True) if v is not None and c is not None]
    if not filled:
        return values
    spent = sum((v for v, _ in filled), Decimal(0))
    if spent > pagu:
        reader.warn("quarter-over-pagu", f"jumlah realisasi triwulan {fmt.rupiah(spent)} melebihi "
                    f"pagu {fmt.rupiah(pagu)}; isi realisasi setiap triwulan saja, bukan "
                    "kumulatif", filled[-1][1].ref)
    elif len(filled) == 4 and realisasi is not None and spent != realisasi:
        reader.warn("quarter-realisasi", f"jumlah Realisasi TW I-IV {fmt.rupiah(spent)} berbeda "
                    f"dengan Realisasi tahunan {fmt.rupiah(realisasi)}; Laporan Kinerja memakai "
                    "Realisasi tahunan", filled[-1][1].ref)
    return values
