"""Workbook rows -> the model, collecting every problem (with its cell) instead of stopping at one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from . import format as fmt
from . import schema, totals
from .errors import GALAT, PERINGATAN, InputErrors, Issue
from .model import (
    DEFAULT_SKALA,
    KABKOTA,
    NEGATIF,
    POSITIF,
    PROVINSI,
    PUSAT,
    BarisAnggaran,
    DataLaporan,
    Identitas,
    Indikator,
    Kategori,
    Pengaturan,
    Sasaran,
    tingkat_dari_instansi,
)
from .workbook import Cell, Row, Sheet, hidden_row_issues, open_workbook, quote_sheet, read_sheet

# Characters XML 1.0 (and so Word) cannot hold; tab, newline and carriage return are fine.
_ILLEGAL_XML = fmt.BUKAN_XML
# Excel stores characters XML cannot hold as _xHHHH_; openpyxl hands them over still escaped.
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_HAND_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[a-zA-Z])[.)]\s+(?=\S)")
_REALISASI_TAHUN = re.compile(r"^realisasi (\d{4})$")
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


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


# --- key/value sheets -------------------------------------------------------------------------

def _items(sheet: Sheet | None, known: tuple[schema.Isian, ...], reader: Reader) -> dict[str, Row]:
    """Rows of a key/value sheet by Isian name; unknown names are a warning, duplicates an error."""
    if sheet is None:
        return {}
    names = {_norm(i.nama): i.nama for i in known}
    found: dict[str, Row] = {}
    for row in sheet.rows:
        if row.hidden:
            continue
        key_cell = row.get("Isian")
        key = reader.text(key_cell, "Isian")
        if key is None or key_cell is None:
            continue
        nama = names.get(_norm(key))
        if nama is None:
            reader.warn("item-unknown", f"isian \"{key}\" tidak dikenal dan diabaikan", key_cell.ref)
        elif nama in found:
            reader.error("item-duplicate", f"isian \"{nama}\" ditulis dua kali (juga di baris "
                         f"{found[nama].number})", key_cell.ref)
        else:
            found[nama] = row
    return found


def _value(items: dict[str, Row], nama: str) -> Cell | None:
    row = items.get(nama)
    return row.get("Nilai") if row else None


def _required_text(items: dict[str, Row], nama: str, sheet: str, reader: Reader) -> str:
    cell = _value(items, nama)
    text = reader.text(cell, nama)
    if text is None and not (cell and cell.uncached):
        reader.error("required", f"{nama} wajib diisi",
                     cell.ref if cell else f"{quote_sheet(sheet)}")
    return text or ""


def read_identitas(sheet: Sheet | None, reader: Reader, folder: Path) -> Identitas | None:
    if sheet is None:
        return None
    items = _items(sheet, schema.ISIAN_IDENTITAS, reader)
    req = {i.nama: _required_text(items, i.nama, sheet.name, reader)
           for i in schema.ISIAN_IDENTITAS if i.wajib and i.jenis == "teks"}
    tahun = _tahun(items, sheet.name, reader)
    tanggal = reader.date(_value(items, "Tanggal"), "Tanggal")
    if tanggal is None and not _filled(items, "Tanggal"):
        reader.error("required", "Tanggal wajib diisi", _where(items, "Tanggal", sheet.name))
    nip = reader.text(_value(items, "NIP Penandatangan"), "NIP Penandatangan")
    if nip is not None:
        nip = _check_nip(nip, _value(items, "NIP Penandatangan"), reader)
    if tahun is None or tanggal is None:
        return None
    if tanggal <= date(tahun, 12, 31):
        reader.warn("date-early", f"Tanggal {fmt.tanggal(tanggal)} belum melewati akhir tahun "
                    f"{tahun} yang dilaporkan; laporan kinerja ditandatangani setelah tahunnya "
                    f"berakhir (mis. Januari sampai Maret {tahun + 1})",
                    _where(items, "Tanggal", sheet.name))
    return Identitas(
        instansi=req["Instansi"], nama_singkat=req["Nama Singkat"], tahun=tahun,
        periode_renstra=req["Periode Renstra"], tempat=req["Tempat"], tanggal=tanggal,
        jabatan_penandatangan=req["Jabatan Penandatangan"],
        nama_penandatangan=req["Nama Penandatangan"], nip_penandatangan=nip,
        tanggal_pk=reader.date(_value(items, "Tanggal Perjanjian Kinerja"),
                               "Tanggal Perjanjian Kinerja"),
        jabatan_atasan=reader.text(_value(items, "Jabatan Atasan"), "Jabatan Atasan"),
        nama_atasan=reader.text(_value(items, "Nama Atasan"), "Nama Atasan"),
        alamat=reader.text(_value(items, "Alamat"), "Alamat"),
        logo=_logo(_value(items, "Logo"), folder, reader),
        tingkat=_tingkat(items, req["Instansi"], reader),
    )


_TINGKAT_LAIN = {"nasional": PUSAT, "sekretariat jenderal": PUSAT, "sekretariat jenderal kpu": PUSAT,
                 "kpu provinsi": PROVINSI, "kabupaten": KABKOTA, "kota": KABKOTA,
                 "kpu kabupaten/kota": KABKOTA}


def _tingkat(items: dict[str, Row], instansi: str, reader: Reader) -> str | None:
    """Tingkat as written (a few other spellings accepted), else None: derived from Instansi.

    When Instansi does not tell the level either, the report speaks as a Kabupaten/Kota
    secretariat (514 of the 553) and a warning at the Instansi cell says so.
    """
    cell = _value(items, "Tingkat")
    teks = reader.text(cell, "Tingkat")
    if teks is not None:
        return _TINGKAT_LAIN.get(_norm(teks)) or reader.choice(cell, "Tingkat", schema.TINGKAT)
    if instansi and tingkat_dari_instansi(instansi) is None:
        reader.warn("tingkat-unknown", f"tingkat satker tidak dapat ditentukan dari Instansi "
                    f"\"{instansi}\"; laporan ditulis untuk Kabupaten/Kota. Bila berbeda, isi "
                    "Tingkat dengan Pusat atau Provinsi", _where(items, "Instansi", "Identitas"))
        return KABKOTA
    return None


def _filled(items: dict[str, Row], nama: str) -> bool:
    cell = _value(items, nama)
    return cell is not None and not cell.blank


def _where(items: dict[str, Row], nama: str, sheet: str) -> str:
    cell = _value(items, nama)
    return cell.ref if cell else quote_sheet(sheet)


def _tahun(items: dict[str, Row], sheet: str, reader: Reader) -> int | None:
    cell = _value(items, "Tahun")
    tahun = reader.integer(cell, "Tahun")
    if tahun is None:
        if not _filled(items, "Tahun"):
            reader.error("required", "Tahun wajib diisi", _where(items, "Tahun", sheet))
        return None
    if not 2000 <= tahun <= 2100:
        reader.error("year-range", f"Tahun {tahun} di luar rentang 2000-2100", cell.ref if cell else "")
        return None
    return tahun


def _check_nip(nip: str, cell: Cell | None, reader: Reader) -> str:
    digits = nip.replace(" ", "")
    if not (digits.isdigit() and len(digits) == 18):
        reader.warn("nip-format", f"NIP Penandatangan biasanya 18 angka, tertulis \"{nip}\"; "
                    "ketik sebagai teks agar angkanya tidak dibulatkan Excel", cell.ref if cell else "")
    return nip


def _logo(cell: Cell | None, folder: Path, reader: Reader) -> Path | None:
    name = reader.text(cell, "Logo")
    if name is None or cell is None:
        return None
    path = (folder / name) if not Path(name).is_absolute() else Path(name)
    if not path.is_file():
        reader.error("logo-missing", f"berkas logo \"{name}\" tidak ditemukan (dicari di {path})",
                     cell.ref)
        return None
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        reader.error("logo-format", f"logo harus berupa gambar ({', '.join(IMAGE_SUFFIXES)}), "
                     f"tertulis \"{name}\"", cell.ref)
        return None
    return path


def read_pengaturan(sheet: Sheet | None, reader: Reader) -> Pengaturan:
    items = _items(sheet, schema.ISIAN_PENGATURAN, reader)
    default = Pengaturan()
    rumus = reader.choice(_value(items, "Rumus Negatif"), "Rumus Negatif",
                          schema.ISIAN_PENGATURAN[0].pilihan)
    batas = reader.number(_value(items, "Batas Capaian"), "Batas Capaian")
    if batas is not None and batas < 100:
        reader.error("cap-range", f"Batas Capaian {fmt.angka(batas)} terlalu kecil; isi 100 atau "
                     "lebih (mis. 100, 110, 120), atau kosongkan", _where(items, "Batas Capaian", ""))
        batas = None
    desimal = reader.integer(_value(items, "Desimal"), "Desimal")
    if desimal is not None and not 0 <= desimal <= 4:
        reader.error("decimals-range", f"Desimal harus 0 sampai 4, tertulis {desimal}",
                     _where(items, "Desimal", ""))
        desimal = None
    kertas = reader.choice(_value(items, "Ukuran Kertas"), "Ukuran Kertas",
                           schema.ISIAN_PENGATURAN[3].pilihan)
    skala = _skala(_value(items, "Skala Kategori"), reader)
    return Pengaturan(
        rumus_negatif=rumus or default.rumus_negatif,
        batas_capaian=batas,
        desimal=default.desimal if desimal is None else desimal,
        ukuran_kertas=kertas or default.ukuran_kertas,
        skala_kategori=skala or DEFAULT_SKALA,
        rumus_dinyatakan=rumus is not None,
    )


_BAND = re.compile(r"^(?:(?P<le><=|≤|<)\s*)?(?:>=|≥|>)?\s*(?P<lo>\d+(?:,\d+)?)"
                   r"(?:\s*-\s*\d+(?:,\d+)?)?\s+(?P<label>\S.*)$")


def _skala(cell: Cell | None, reader: Reader) -> tuple[Kategori, ...] | None:
    """`>= 91 Sangat Baik; 76-90 Baik; ...; <= 50 Sangat Kurang`, highest band first."""
    text = reader.text(cell, "Skala Kategori")
    if text is None or cell is None:
        return None
    bands: list[Kategori] = []
    for part in (p.strip() for p in text.split(";") if p.strip()):
        match = _BAND.match(part)
        if match is None:
            reader.error("scale-format", f"Skala Kategori tidak terbaca pada \"{part}\"; tulis "
                         f"seperti: {schema.SKALA_BAWAAN}", cell.ref)
            return None
        lower = Decimal("-Infinity") if match["le"] else Decimal(match["lo"].replace(",", "."))
        bands.append(Kategori(lower, match["label"].strip()))
    return tuple(sorted(bands, key=lambda k: k.batas_bawah, reverse=True))


# --- list sheets ------------------------------------------------------------------------------

def _visible(sheet: Sheet | None) -> list[Row]:
    return [row for row in sheet.rows if not row.hidden] if sheet else []


def read_kinerja(sheet: Sheet | None, tahun: int | None, reader: Reader) -> tuple[Sasaran, ...]:
    if sheet is None:
        return ()
    years = sorted(
        (int(m[1]), key) for key in sheet.headers
        if (m := _REALISASI_TAHUN.match(key)) and (tahun is None or int(m[1]) < tahun)
    )
    groups: dict[str, list[Indikator]] = {}
    current: str | None = None
    for row in _visible(sheet):
        if _skip_total(row, ("Sasaran Strategis", "Indikator Kinerja", "Satuan"), reader):
            continue
        nama = reader.text(row.get("Sasaran Strategis"), "Sasaran Strategis")
        current = nama or current
        indikator = _indikator(row, years, reader)
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
        if _norm(other.nama) == _norm(indikator.nama):
            reader.error("indicator-duplicate", f"indikator \"{indikator.nama}\" sudah ada pada "
                         f"sasaran \"{sasaran}\" (lihat {other.ref})", indikator.ref)
            return
    items.append(indikator)


def _indikator(row: Row, years: list[tuple[int, str]], reader: Reader) -> Indikator | None:
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
    if satuan is None or target is None or _has_error_in_row(row, reader):
        return None
    if realisasi is None:
        reader.warn("realisasi-blank", f"Realisasi indikator \"{_short(nama)}\" belum diisi; "
                    "capaiannya ditulis \"-\" dan tidak ikut dirata-rata", _ref(row, "Realisasi"))
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
    )


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
    for row in _visible(sheet):
        if _skip_total(row, ("Sumber Dana", "Uraian", "Sasaran Strategis"), reader, "Sumber Dana"):
            sums.close_group()
            continue
        sumber = reader.text(row.get("Sumber Dana"), "Sumber Dana")
        pagu = reader.number(row.get("Pagu"), "Pagu", required=True)
        realisasi = reader.number(row.get("Realisasi"), "Realisasi", required=True)
        if sumber is None:
            reader.error("required", "Sumber Dana wajib diisi", _ref(row, "Sumber Dana"))
        if sumber is None or pagu is None or realisasi is None:
            continue
        if count := sums.is_sum(pagu, realisasi):
            reader.warn("total-row", f"Pagu dan Realisasi baris {row.number} sama dengan jumlah "
                        f"{count} baris di atasnya, jadi baris ini dianggap baris jumlah dan tidak "
                        "dihitung; hapus baris ini agar peringatan hilang", _ref(row, "Pagu"))
            sums.close_group()
            continue
        sums.add(pagu, realisasi)
        if realisasi > pagu:
            reader.warn("over-pagu", f"Realisasi {fmt.rupiah(realisasi)} melebihi pagu "
                        f"{fmt.rupiah(pagu)}", _ref(row, "Realisasi"))
        lines.append(BarisAnggaran(
            sumber=sumber, pagu=pagu, realisasi=realisasi,
            uraian=reader.text(row.get("Uraian"), "Uraian"),
            sasaran=reader.text(row.get("Sasaran Strategis"), "Sasaran Strategis"),
            ref=_remember(reader, row, _ref(row, "Pagu")),
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
            match = next((a for a in allowed if _norm(a) == _norm(name)), None)
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
        if _HAND_NUMBER.match(text):
            reader.warn("hand-number", "nomor yang diketik di awal butir dibuang; nomor daftar "
                        "dibuat otomatis", cell.ref)
            text = _HAND_NUMBER.sub("", text, count=1)
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
    """A checked workbook: its data and the warnings that did not stop the report."""

    data: DataLaporan
    warnings: tuple[Issue, ...]


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
    issues.sort(key=_place)
    if identitas is None or any(i.is_error for i in issues):
        raise InputErrors(issues, path.name)
    data = DataLaporan(identitas=identitas, sumber=path, **data_kwargs)
    return Loaded(data, tuple(issues))


_REF = re.compile(r"^'(?P<sheet>(?:[^']|'')+)'(?:!(?P<col>[A-Z]*)(?P<row>\d+))?")
_SHEET_ORDER = {lembar.nama.casefold(): n for n, lembar in enumerate(schema.LEMBAR)}


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
    names = {_norm(s.nama) for s in sasaran}
    for line in anggaran:
        if line.sasaran and _norm(line.sasaran) not in names:
            reader.warn("budget-sasaran", f"Sasaran Strategis \"{_short(line.sasaran)}\" pada "
                        "anggaran tidak sama dengan sasaran mana pun di lembar Kinerja",
                        reader.cell_ref(line.ref, "Sasaran Strategis"))


def _check_figures(sasaran: tuple[Sasaran, ...], pengaturan: Pengaturan, reader: Reader) -> None:
    from .capaian import capaian

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
