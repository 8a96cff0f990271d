"""Workbook rows -> the model, collecting every problem (with its cell) instead of stopping at one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import format as fmt
from generator.reading import kesiapan, schema, totals, triwulan
from generator.errors import PERINGATAN, InputErrors, Issue
from generator.reading.kesiapan import Kesiapan
from generator.model import (
    NEGATIF,
    POSITIF,
    BarisAnggaran,
    DataLaporan,
    Identitas,
    Indikator,
    Pengaturan,
    Sasaran,
)
from generator.reading.workbook import (
    Cell,
    Row,
    Sheet,
    open_workbook,
    quote_sheet,
    read_sheet,
)
from generator.reading.cells import CAPAIAN_JANGGAL, HAND_NUMBER, REALISASI_TAHUN, Reader, norm
from generator.reading.identitas import read_identitas, read_pengaturan

def _visible(sheet: Sheet | None) -> list[Row]:
    return [row for row in sheet.rows if not row.hidden] if sheet else []


def read_kinerja(sheet: Sheet | None, tahun: int | None, reader: Reader) -> tuple[Sasaran, ...]:
    if sheet is None:
        return ()
    years = sorted(
        (int(m[1]), key) for key in sheet.headers
        if (m := REALISASI_TAHUN.match(key)) and (tahun is None or int(m[1]) < tahun)
    )
    groups: dict[str, list[Indikator]] = {}
    current: str | None = None
    cols = triwulan.kolom(sheet, reader)
    for row in _visible(sheet):
        if _skip_total(row, ("Sasaran Strategis", "Indikator Kinerja", "Satuan"), reader):
            continue
        nama = reader.text(row.get("Sasaran Strategis"), "Sasaran Strategis")
        current = nama or current
        indikator = _indikator(row, years, cols, reader)
        if indikator is None:
            continue
        if current is None:
            reader.error("sasaran-missing", "indikator pertama belum punya Sasaran Strategis; isi "
                         "kolom Sasaran Strategis pada baris ini", _ref(row, "Sasaran Strategis"))
            continue
        _add_unique(groups.setdefault(current, []), indikator, current, reader)
    if not _visible(sheet):
        reader.error("no-indicator", "belum ada indikator kinerja yang diisi", quote_sheet(sheet.name))
    return tuple(Sasaran(nama, tuple(items)) for nama, items in groups.items())


def _skip_total(row: Row, headers: tuple[str, ...], reader: Reader, prefix: str = "") -> bool:
    """Warn about and skip a typed total or subtotal row; lkj computes totals itself."""
    cell = totals.total_label(row, headers, prefix)
    if cell is not None:
        reader.warn("total-row", f"baris {row.number} berisi \"{_short(str(cell.value).strip())}\" "
                    "dan dianggap baris jumlah, jadi tidak dihitung; lkj menjumlahkan sendiri, "
                    "hapus baris ini agar peringatan hilang", cell.ref)
    return cell is not None


def _ref(row: Row, header: str) -> str:
    cell = row.get(header)
    return cell.ref if cell else f"{row.number}"


def _add_unique(items: list[Indikator], indikator: Indikator, sasaran: str, reader: Reader) -> None:
    for other in items:
        if norm(other.nama) == norm(indikator.nama):
            reader.error("indicator-duplicate", f"indikator \"{indikator.nama}\" sudah ada pada "
                         f"sasaran \"{sasaran}\" (lihat {other.ref})", indikator.ref)
            return
    items.append(indikator)


def _indikator(row: Row, years: list[tuple[int, str]], cols: triwulan.Kolom,
               reader: Reader) -> Indikator | None:
    nama_cell = row.get("Indikator Kinerja")
    nama = reader.text(nama_cell, "Indikator Kinerja")
    if nama is None:
        if any(not c.blank for h, c in row.cells.items() if h != "sasaran strategis"):
            reader.error("required", "Indikator Kinerja wajib diisi pada baris yang berisi data",
                         _ref(row, "Indikator Kinerja"))
        return None
    satuan = reader.text(row.get("Satuan"), "Satuan")
    if satuan is None:
        reader.error("required", "Satuan wajib diisi (mis. %, Laporan, Dokumen)", _ref(row, "Satuan"))
    polaritas = reader.choice(row.get("Polaritas"), "Polaritas", schema.POLARITAS)
    target = reader.number(row.get("Target"), "Target", required=True)
    realisasi = reader.number(row.get("Realisasi"), "Realisasi", negative_ok=True)
    lalu = tuple((year, value) for year, key in years
                 if (value := reader.number(row.cells.get(key), f"Realisasi {year}",
                                            negative_ok=True)) is not None)
    tw = triwulan.read_indikator(row, cols, satuan or "", target, realisasi, reader)
    if satuan is None or target is None or _has_error_in_row(row, reader):
        return None
    return Indikator(
        nama=nama, satuan=satuan, target=target, realisasi=realisasi,
        polaritas=polaritas or POSITIF, realisasi_lalu=lalu,
        target_renstra=reader.number(row.get("Target Renstra"), "Target Renstra"),
        standar_nasional=reader.number(row.get("Standar Nasional"), "Standar Nasional",
                                       negative_ok=True),
        penjelasan=reader.text(row.get("Penjelasan"), "Penjelasan", multiline=True),
        program_pendukung=reader.text(row.get("Program Pendukung"), "Program Pendukung",
                                      multiline=True),
        ref=_remember(reader, row, nama_cell.ref if nama_cell else ""),
        target_awal=reader.number(row.get("Target Awal"), "Target Awal"),
        triwulan=tw,
        rencana_aksi=_butir(reader.text(row.get("Rencana Aksi"), "Rencana Aksi", multiline=True)),
    )


def _butir(teks: str | None) -> tuple[str, ...]:
    """The lines of a multi-line cell as list items, without numbers typed by hand."""
    lines = (HAND_NUMBER.sub("", line, count=1).strip() for line in (teks or "").split("\n"))
    return tuple(line for line in lines if line)


def _remember(reader: Reader, row: Row, ref: str) -> str:
    reader.rows[ref] = row
    return ref


def _has_error_in_row(row: Row, reader: Reader) -> bool:
    refs = {c.ref for c in row.cells.values()}
    return any(i.is_error and i.ref in refs for i in reader.issues)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_anggaran(sheet: Sheet | None, reader: Reader) -> tuple[BarisAnggaran, ...]:
    lines: list[BarisAnggaran] = []
    sums = totals.RunningSums()
    cols = triwulan.kolom(sheet, reader)
    for row in _visible(sheet):
        if _skip_total(row, ("Sumber Dana", "Uraian", "Sasaran Strategis"), reader, "Sumber Dana"):
            sums.close_group()
            continue
        sumber = reader.text(row.get("Sumber Dana"), "Sumber Dana")
        pagu = reader.number(row.get("Pagu"), "Pagu", required=True)
        realisasi = reader.number(row.get("Realisasi"), "Realisasi")
        if sumber is None:
            reader.error("required", "Sumber Dana wajib diisi", _ref(row, "Sumber Dana"))
        if sumber is None or pagu is None or _has_error_in_row(row, reader):
            continue
        if count := sums.is_sum(pagu, realisasi):
            reader.warn("total-row", f"Pagu dan Realisasi baris {row.number} sama dengan jumlah "
                        f"{count} baris di atasnya, jadi baris ini dianggap baris jumlah dan tidak "
                        "dihitung; hapus baris ini agar peringatan hilang", _ref(row, "Pagu"))
            sums.close_group()
            continue
        sums.add(pagu, realisasi)
        if realisasi is not None and realisasi > pagu:
            reader.warn("over-pagu", f"Realisasi {fmt.rupiah(realisasi)} melebihi pagu "
                        f"{fmt.rupiah(pagu)}", _ref(row, "Realisasi"))
        lines.append(BarisAnggaran(
            sumber=sumber, pagu=pagu, realisasi=realisasi,
            uraian=reader.text(row.get("Uraian"), "Uraian"),
            sasaran=reader.text(row.get("Sasaran Strategis"), "Sasaran Strategis"),
            ref=_remember(reader, row, _ref(row, "Pagu")),
            program=reader.text(row.get("Program"), "Program"),
            pagu_awal=reader.number(row.get("Pagu Awal"), "Pagu Awal"),
            realisasi_triwulan=triwulan.read_anggaran(row, cols, pagu, realisasi, reader),
        ))
    if sheet is not None and not _visible(sheet):
        reader.error("no-budget", "belum ada baris anggaran yang diisi", quote_sheet(sheet.name))
    return tuple(lines)


def read_pairs(sheet: Sheet | None, key: str, value: str, reader: Reader,
               allowed: tuple[str, ...] | None = None, strict: bool = False,
               multiline: bool = False) -> list[tuple[str, str, Cell]]:
    """(key, text, cell) rows of a two-column sheet; keys matched to `allowed` when given."""
    pairs: list[tuple[str, str, Cell]] = []
    for row in _visible(sheet):
        key_cell, text_cell = row.get(key), row.get(value)
        name = reader.text(key_cell, key)
        text = reader.text(text_cell, value, multiline=multiline)
        if name is None or text is None or key_cell is None or text_cell is None:
            if (name is None) != (text is None):
                missing = key if name is None else value
                reader.error("required", f"{missing} wajib diisi", _ref(row, missing))
            continue
        if allowed is not None:
            match = next((a for a in allowed if norm(a) == norm(name)), None)
            if match is None:
                message = f"{key} \"{name}\" tidak dikenal; pilihan: {', '.join(allowed)}"
                if strict:
                    reader.error("not-allowed", message, key_cell.ref)
                else:
                    reader.warn("not-allowed", message + "; baris ini diabaikan", key_cell.ref)
                continue
            name = match
        pairs.append((name, text, text_cell))
    return pairs


def _grouped(pairs: list[tuple[str, str, Cell]], split: bool) -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for name, text, _cell in pairs:
        parts = [p.strip() for p in text.split("\n") if p.strip()] if split else [text]
        groups.setdefault(name, []).extend(parts)
    return {name: tuple(items) for name, items in groups.items()}


def read_daftar(sheet: Sheet | None, reader: Reader) -> dict[str, tuple[str, ...]]:
    pairs = read_pairs(sheet, "Kelompok", "Uraian", reader, schema.KELOMPOK_DAFTAR)
    cleaned = []
    for name, text, cell in pairs:
        if HAND_NUMBER.match(text):
            reader.warn("hand-number", "nomor yang diketik di awal butir dibuang; nomor daftar "
                        "dibuat otomatis", cell.ref)
            text = HAND_NUMBER.sub("", text, count=1)
        cleaned.append((name, text, cell))
    return _grouped(cleaned, split=False)


def read_sdm(sheet: Sheet | None, reader: Reader) -> tuple[tuple[str, int], ...]:
    rows = []
    for row in _visible(sheet):
        pendidikan = reader.text(row.get("Pendidikan"), "Pendidikan")
        jumlah = reader.integer(row.get("Jumlah"), "Jumlah", required=True)
        if pendidikan is None:
            reader.error("required", "Pendidikan wajib diisi", _ref(row, "Pendidikan"))
        elif jumlah is not None:
            rows.append((pendidikan, jumlah))
    return tuple(rows)


# --- the whole workbook -----------------------------------------------------------------------

@dataclass(frozen=True)
class Loaded:
    """A checked workbook: its data, the warnings that did not stop it, and the documents it
    is ready for (a workbook without realisasi is valid, and not ready for the LKj)."""

    data: DataLaporan
    warnings: tuple[Issue, ...]
    kesiapan: Kesiapan


def load(path: Path) -> Loaded:
    """Read and check a workbook; raises InputErrors listing every error (and warning) found."""
    book = open_workbook(path)
    issues: list[Issue] = []
    sheets = {lembar.nama: read_sheet(book, lembar, issues) for lembar in schema.LEMBAR}
    for sheet in sheets.values():
        if sheet is not None:
            issues.extend(hidden_row_issues(sheet))
    reader = Reader(issues)
    identitas = read_identitas(sheets["Identitas"], reader, path.parent)
    pengaturan = read_pengaturan(sheets["Pengaturan"], reader)
    sasaran = read_kinerja(sheets["Kinerja"], identitas.tahun if identitas else None, reader)
    data_kwargs: dict[str, Any] = {
        "sasaran": sasaran,
        "anggaran": read_anggaran(sheets["Anggaran"], reader),
        "renstra": _grouped(read_pairs(sheets["Renstra"], "Jenis", "Uraian", reader,
                                    schema.JENIS_RENSTRA, strict=True), split=False),
        "sdm": read_sdm(sheets["SDM"], reader),
        "narasi": _grouped(read_pairs(sheets["Narasi"], "Bagian", "Teks", reader,
                                   schema.BAGIAN_NARASI, multiline=True), split=True),
        "daftar": read_daftar(sheets["Daftar"], reader),
        "pengaturan": pengaturan,
    }
    if sheets["Kinerja"] is not None:  # else every budget line would repeat the missing sheet
        _check_links(data_kwargs["anggaran"], sasaran, reader)
    _check_figures(sasaran, pengaturan, reader)
    _check_revision(identitas, sasaran, data_kwargs["anggaran"], reader)
    if identitas is None or any(i.is_error for i in issues):
        raise InputErrors(sorted(issues, key=_place), path.name)
    data = DataLaporan(identitas=identitas, sumber=path, **data_kwargs)
    siap = kesiapan.nilai(data, reader)
    issues.extend(siap.peringatan("lkj"))
    return Loaded(data, tuple(sorted(issues, key=_place)), siap)


_REF = re.compile(r"^'(?P<sheet>(?:[^']|'')+)'(?:!(?P<col>[A-Z]*)(?P<row>\d+))?")
_SHEET_ORDER = {lembar.nama.casefold(): n for n, lembar in enumerate(schema.LEMBAR)}


def sort_issues(issues: list[Issue]) -> list[Issue]:
    """Issues in the workbook's order: sheets as the contract lists them, then row, column."""
    return sorted(issues, key=_place)


def _place(issue: Issue) -> tuple[int, int, int, int]:
    """Sort key: the sheets in the workbook's order, then row, then column; sheet-wide first."""
    match = _REF.match(issue.ref)
    if match is None:
        return (-1, 0, 0, 0)
    sheet = _SHEET_ORDER.get(match["sheet"].replace("''", "'").strip().casefold(), len(_SHEET_ORDER))
    row = int(match["row"]) if match["row"] else 0
    col = sum((ord(c) - 64) * 26 ** i for i, c in enumerate(reversed(match["col"] or "")))
    return (sheet, row, col, 0)


def _check_links(anggaran: tuple[BarisAnggaran, ...], sasaran: tuple[Sasaran, ...],
                 reader: Reader) -> None:
    names = {norm(s.nama) for s in sasaran}
    for line in anggaran:
        if line.sasaran and norm(line.sasaran) not in names:
            reader.warn("budget-sasaran", f"Sasaran Strategis \"{_short(line.sasaran)}\" pada "
                        "anggaran tidak sama dengan sasaran mana pun di lembar Kinerja",
                        reader.cell_ref(line.ref, "Sasaran Strategis"))


def _check_figures(sasaran: tuple[Sasaran, ...], pengaturan: Pengaturan, reader: Reader) -> None:
    from generator.figures.capaian import capaian

    negatives = [i for s in sasaran for i in s.indikator if i.polaritas == NEGATIF]
    if negatives and not pengaturan.rumus_dinyatakan:
        reader.warn("rule-unstated", f"ada indikator negatif tetapi Rumus Negatif belum dipilih di "
                    f"lembar Pengaturan; dipakai rumus bawaan \"{pengaturan.rumus_negatif}\"",
                    reader.cell_ref(negatives[0].ref, "Polaritas"))
    for s in sasaran:
        for i in s.indikator:
            if i.target == 0:
                reader.warn("target-zero", f"Target indikator \"{_short(i.nama)}\" bernilai 0",
                            reader.cell_ref(i.ref, "Target"))
            value = capaian(i.target, i.realisasi, i.polaritas, pengaturan)
            if value is not None and value > CAPAIAN_JANGGAL:
                reader.warn("capaian-high", f"capaian indikator \"{_short(i.nama)}\" "
                            f"{fmt.angka(value, 2)} jauh di atas target; periksa Target dan "
                            "Realisasinya", reader.cell_ref(i.ref, "Realisasi"))


def _check_revision(identitas: Identitas | None, sasaran: tuple[Sasaran, ...],
                    anggaran: tuple[BarisAnggaran, ...], reader: Reader) -> None:
    """Target Awal and Pagu Awal belong to a revised Perjanjian Kinerja, which has a date."""
    if identitas is None or identitas.tanggal_pk_perubahan is not None:
        return
    awal = [reader.cell_ref(i.ref, "Target Awal") for s in sasaran for i in s.indikator
            if i.target_awal is not None]
    awal += [reader.cell_ref(b.ref, "Pagu Awal") for b in anggaran if b.pagu_awal is not None]
    if awal:
        reader.warn("pk-revision-undated", "Target Awal atau Pagu Awal diisi tetapi Tanggal "
                    "Perjanjian Kinerja Perubahan belum diisi di lembar Identitas; tanpa tanggal itu "
                    "Perjanjian Kinerja ditulis dengan kolom Target dan Pagu, tidak sebagai "
                    "Perjanjian Kinerja Perubahan", awal[0])


def hidden_row_issues(sheet: Sheet) -> list[Issue]:
    """Hidden rows are skipped; say so, so that nobody is surprised by a missing indicator."""
    return [
        Issue("row-hidden", f"baris {row.number} tersembunyi dan dilewati",
              f"{quote_sheet(sheet.name)}!{row.number}:{row.number}", PERINGATAN)
        for row in sheet.rows if row.hidden
    ]
