"""The key/value sheets: Identitas (who reports, the level, the signer) and Pengaturan."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from generator import format as fmt
from generator.reading import schema
from generator.model import (
    DEFAULT_SKALA,
    KABKOTA,
    PROVINSI,
    PUSAT,
    Identitas,
    Kategori,
    Pengaturan,
    tingkat_dari_instansi,
)
from generator.reading.workbook import Cell, Row, Sheet, quote_sheet
from generator.reading.cells import IMAGE_SUFFIXES, Reader, norm


# --- key/value sheets -------------------------------------------------------------------------

def _items(sheet: Sheet | None, known: tuple[schema.Isian, ...], reader: Reader) -> dict[str, Row]:
    """Rows of a key/value sheet by Isian name; unknown names are a warning, duplicates an error."""
    if sheet is None:
        return {}
    names = {norm(i.nama): i.nama for i in known}
    found: dict[str, Row] = {}
    for row in sheet.rows:
        if row.hidden:
            continue
        key_cell = row.get("Isian")
        key = reader.text(key_cell, "Isian")
        if key is None or key_cell is None:
            continue
        nama = names.get(norm(key))
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
    reader.isian.update({i.nama: _where(items, i.nama, sheet.name) for i in schema.ISIAN_IDENTITAS})
    req = {i.nama: _required_text(items, i.nama, sheet.name, reader)
           for i in schema.ISIAN_IDENTITAS if i.wajib and i.jenis == "teks"}
    tahun = _tahun(items, sheet.name, reader)
    tanggal = reader.date(_value(items, "Tanggal"), "Tanggal")
    nip = reader.text(_value(items, "NIP Penandatangan"), "NIP Penandatangan")
    if nip is not None:
        nip = _check_nip(nip, _value(items, "NIP Penandatangan"), reader)
    if tahun is None:
        return None
    if tanggal is not None and tanggal <= date(tahun, 12, 31):
        reader.warn("date-early", f"Tanggal {fmt.tanggal(tanggal)} belum melewati akhir tahun "
                    f"{tahun} yang dilaporkan; laporan kinerja ditandatangani setelah tahunnya "
                    f"berakhir (mis. Januari sampai Maret {tahun + 1})",
                    _where(items, "Tanggal", sheet.name))
    tanggal_pk = reader.date(_value(items, "Tanggal Perjanjian Kinerja"), "Tanggal Perjanjian Kinerja")
    return Identitas(
        instansi=req["Instansi"], nama_singkat=req["Nama Singkat"], tahun=tahun,
        periode_renstra=req["Periode Renstra"], tempat=req["Tempat"], tanggal=tanggal,
        jabatan_penandatangan=req["Jabatan Penandatangan"],
        nama_penandatangan=req["Nama Penandatangan"], nip_penandatangan=nip,
        tanggal_pk=tanggal_pk,
        jabatan_atasan=reader.text(_value(items, "Jabatan Atasan"), "Jabatan Atasan"),
        nama_atasan=reader.text(_value(items, "Nama Atasan"), "Nama Atasan"),
        alamat=reader.text(_value(items, "Alamat"), "Alamat"),
        logo=_logo(_value(items, "Logo"), folder, reader),
        tingkat=_tingkat(items, req["Instansi"], reader),
        tanggal_pk_perubahan=_perubahan(items, tanggal_pk, tahun, reader),
    )


def _perubahan(items: dict[str, Row], tanggal_pk: date | None, tahun: int,
               reader: Reader) -> date | None:
    """The date of a revised Perjanjian Kinerja: after the original one, within the year."""
    nama = "Tanggal Perjanjian Kinerja Perubahan"
    cell = _value(items, nama)
    tanggal = reader.date(cell, nama)
    if tanggal is None or cell is None:
        return tanggal
    if tanggal_pk is not None and tanggal <= tanggal_pk:
        reader.error("pk-revision-early", f"{nama} {fmt.tanggal(tanggal)} harus sesudah Tanggal "
                     f"Perjanjian Kinerja {fmt.tanggal(tanggal_pk)}", cell.ref)
        return None
    if tanggal.year != tahun:
        reader.warn("pk-revision-year", f"{nama} {fmt.tanggal(tanggal)} tidak jatuh pada tahun "
                    f"{tahun}; perubahan Perjanjian Kinerja dibuat di tengah tahun berjalan",
                    cell.ref)
    return tanggal


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
        return _TINGKAT_LAIN.get(norm(teks)) or reader.choice(cell, "Tingkat", schema.TINGKAT)
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
