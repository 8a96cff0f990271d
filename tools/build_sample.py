"""Builds input/contoh.xlsx, the sample workbook, from tests/sample_data.py (one source for both).

The workbook starts as `lkj baru` writes it, so it always matches the contract, and is then
filled the way staff fill it: real date cells, one realisasi in a percent-formatted cell,
Alt+Enter paragraphs. Run: python tools/build_sample.py [OUT.xlsx]
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from copy import copy
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from generator.reading.blank import FORMAT_ANGKA, build_blank_workbook  # noqa: E402
from generator.model import POSITIF, TRIWULAN, DataLaporan, Empat  # noqa: E402
from generator.reading.schema import kolom_triwulan  # noqa: E402

FIXED_TIME = datetime(2025, 3, 13, 8, 0, 0)
ILUSTRASI = ("Ilustrasi: laporan acuan hanya memuat total realisasi 99,74%; rincian per sumber, "
             "per kegiatan, dan kaitannya dengan sasaran dibuat untuk contoh.")
ILUSTRASI_KINERJA = ("Ilustrasi: realisasi tahun sebelumnya, target Renstra, standar nasional, "
                     "angka triwulan, dan Rencana Aksi tidak ada di laporan acuan; angkanya "
                     "dibuat untuk contoh.")


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _set(sheet: Any, items: dict[str, Any]) -> None:
    for row in sheet.iter_rows(min_row=2):
        if row[0].value in items and items[row[0].value] is not None:
            row[1].value = items[row[0].value]


def _identitas(sheet: Any, data: DataLaporan) -> None:
    i = data.identitas
    _set(sheet, {
        "Instansi": i.instansi, "Nama Singkat": i.nama_singkat, "Tahun": i.tahun,
        "Periode Renstra": i.periode_renstra, "Tempat": i.tempat,
        "Tanggal": (datetime.combine(i.tanggal, datetime.min.time())
                    if isinstance(i.tanggal, date) else None),
        "Jabatan Penandatangan": i.jabatan_penandatangan,
        "Nama Penandatangan": i.nama_penandatangan, "NIP Penandatangan": i.nip_penandatangan,
        "Tanggal Perjanjian Kinerja": (datetime.combine(i.tanggal_pk, datetime.min.time())
                                       if isinstance(i.tanggal_pk, date) else None),
        "Jabatan Atasan": i.jabatan_atasan, "Nama Atasan": i.nama_atasan, "Alamat": i.alamat,
    })


def _pengaturan(sheet: Any, data: DataLaporan) -> None:
    p = data.pengaturan
    _set(sheet, {"Rumus Negatif": p.rumus_negatif, "Desimal": p.desimal,
                 "Ukuran Kertas": p.ukuran_kertas, "Batas Capaian": _number(p.batas_capaian)})


def _quarters(jenis: str, values: Empat) -> dict[str, int | float | None]:
    return {kolom_triwulan(jenis, ke): _number(v) for ke, v in zip(TRIWULAN, values, strict=True)}


def _columns(sheet: Any) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1] if cell.value}


def _add_column(sheet: Any, header: str, width: int) -> int:
    """A column after the last, its header styled like the blank workbook's own headers."""
    column = sheet.max_column + 1
    cell = sheet.cell(row=1, column=column, value=header)
    first = sheet["A1"]
    cell.font, cell.fill = copy(first.font), copy(first.fill)
    cell.border, cell.alignment = copy(first.border), copy(first.alignment)
    sheet.column_dimensions[cell.column_letter].width = width
    return column


def _kinerja(sheet: Any, data: DataLaporan) -> None:
    years = sorted({y for s in data.sasaran for i in s.indikator for y, _ in i.realisasi_lalu})
    columns = _columns(sheet)
    for year in years:  # added after the contract's columns, oldest first
        columns[f"Realisasi {year}"] = _add_column(sheet, f"Realisasi {year}", 16)
    notes = _add_column(sheet, "Keterangan", 60)
    row = 2
    for s in data.sasaran:
        for n, i in enumerate(s.indikator):
            values = {
                "Sasaran Strategis": s.nama if n == 0 else None, "Indikator Kinerja": i.nama,
                "Satuan": i.satuan, "Polaritas": i.polaritas if i.polaritas != POSITIF else None,
                "Target": _number(i.target), "Realisasi": _number(i.realisasi),
                "Target Renstra": _number(i.target_renstra),
                "Standar Nasional": _number(i.standar_nasional),
                "Penjelasan": i.penjelasan, "Program Pendukung": i.program_pendukung,
                **{f"Realisasi {y}": _number(v) for y, v in i.realisasi_lalu},
                "Target Awal": _number(i.target_awal),
                "Angka Triwulan": i.triwulan.angka if i.triwulan.ada else None,
                **_quarters("Target", i.triwulan.target),
                **_quarters("Realisasi", i.triwulan.realisasi),
                "Rencana Aksi": "\n".join(i.rencana_aksi) or None,
            }
            for header, value in values.items():
                cell = sheet.cell(row=row, column=columns[header], value=value)
                if header.startswith("Realisasi "):
                    cell.number_format = FORMAT_ANGKA
            row += 1
    sheet.cell(row=2, column=notes, value=ILUSTRASI_KINERJA)
    _percent_cell(sheet, columns["Realisasi"])


def _percent_cell(sheet: Any, column: int) -> None:
    """Staff often type 77,29% into a percent cell; Excel keeps 0.7729 there."""
    for row in range(2, sheet.max_row + 1):
        cell = sheet.cell(row=row, column=column)
        if isinstance(cell.value, float) and not float(cell.value).is_integer():
            cell.value = round(cell.value / 100, 6)
            cell.number_format = "0.00%"
            return


def _anggaran(sheet: Any, data: DataLaporan) -> None:
    columns = _columns(sheet)
    notes = _add_column(sheet, "Keterangan", 60)
    for row, line in enumerate(data.anggaran, start=2):
        for header, value in {"Sumber Dana": line.sumber, "Uraian": line.uraian,
                              "Pagu": _number(line.pagu), "Realisasi": _number(line.realisasi),
                              "Sasaran Strategis": line.sasaran, "Program": line.program,
                              "Pagu Awal": _number(line.pagu_awal),
                              **_quarters("Realisasi", line.realisasi_triwulan)}.items():
            sheet.cell(row=row, column=columns[header], value=value)
    sheet.cell(row=2, column=notes, value=ILUSTRASI)


def _pairs(sheet: Any, groups: dict[str, tuple[str, ...]], joined: bool) -> None:
    row = 2
    for key, items in groups.items():
        for item in (["\n".join(items)] if joined else items):
            sheet.cell(row=row, column=1, value=key)
            sheet.cell(row=row, column=2, value=item)
            row += 1


def fill(data: DataLaporan) -> Any:
    """The blank workbook of `lkj baru`, filled with `data`."""
    wb = build_blank_workbook()
    _identitas(wb["Identitas"], data)
    _pengaturan(wb["Pengaturan"], data)
    _kinerja(wb["Kinerja"], data)
    _anggaran(wb["Anggaran"], data)
    _pairs(wb["Renstra"], data.renstra, joined=False)
    _pairs(wb["Narasi"], data.narasi, joined=True)
    _pairs(wb["Daftar"], data.daftar, joined=False)
    for row, (pendidikan, jumlah) in enumerate(data.sdm, start=2):
        wb["SDM"].cell(row=row, column=1, value=pendidikan)
        wb["SDM"].cell(row=row, column=2, value=jumlah)
    wb.properties.creator = "lkj"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    return wb


def _check_reference(data: DataLaporan) -> None:
    """The illustrative budget split must keep the reference's total pagu and its 99,74%."""
    pagu = sum(line.pagu for line in data.anggaran)
    realisasi = sum(line.realisasi for line in data.anggaran)
    persen = (realisasi * 100 / pagu).quantize(Decimal("0.01"), ROUND_HALF_UP)
    if (pagu, persen) != (Decimal(60_148_772_000), Decimal("99.74")):
        raise SystemExit(f"sample_data does not match the reference: pagu {pagu}, realisasi {persen}%")


def build(out: Path) -> Path:
    """Write the sample workbook to `out`, byte for byte the same on every run."""
    from sample_data import contoh_data

    data = contoh_data()
    _check_reference(data)
    buffer = io.BytesIO()
    fill(data).save(buffer)
    out.write_bytes(_fixed_zip(buffer.getvalue()))
    return out


def _fixed_zip(data: bytes) -> bytes:
    """openpyxl stamps the save time into docProps/core.xml and the zip; pin both."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"<dcterms:modified([^>]*)>[^<]*<",
                                 rb"<dcterms:modified\1>2025-03-13T08:00:00Z<", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 3, 13, 8, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)
    return out.getvalue()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "input" / "contoh.xlsx"
    print(f"ditulis: {build(target)}")
