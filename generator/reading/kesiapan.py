"""Which documents a workbook is ready for: what each document needs, as one table, checked once.

A workbook made in January holds targets and pagu but no realisasi: it is valid, and ready for
the Perjanjian Kinerja and the Rencana Aksi; each quarter adds the Laporan Triwulan, and the
year's realisasi the Laporan Kinerja. `DOKUMEN` says what each document needs; `nilai` checks a
loaded workbook against it; `lkj periksa` prints the result and `lkj buat` refuses a workbook
not ready for the LKj, naming every cell still blank.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator import format as fmt
from generator.reading import schema
from generator.reading.cells import Reader
from generator.errors import GALAT, PERINGATAN, Issue
from generator.model import KUMULATIF, TRIWULAN, DataLaporan, Indikator

SEMUA = "semua"        # every cell must be filled
SEBAGIAN = "sebagian"  # at least one; the blank ones are warnings
SARAN = "saran"        # never blocks; listed as still to complete


@dataclass(frozen=True)
class Sel:
    """A blank cell a document needs (`ref`), and what it belongs to (`nama`). A missing
    column is one Sel whose ref is its sheet and whose `kolom` is its header."""

    ref: str
    nama: str
    kolom: str = ""


Cari = Callable[[DataLaporan, Reader], list[Sel]]


@dataclass(frozen=True)
class Syarat:
    """One thing a document needs: `cari` lists the cells still blank.

    `apa` names it in a sentence ("realisasi indikator"); `sebut` is the message for one blank
    cell ({nama} is filled in). A SEBAGIAN requirement is met when `ada` finds something
    filled; its blank cells are then warnings (`peringatan`, code `kode`).
    """

    apa: str
    cara: str
    cari: Cari
    sebut: str
    ada: Callable[[DataLaporan], bool] | None = None
    peringatan: str = ""
    kode: str = "document-blank"


@dataclass(frozen=True)
class Dokumen:
    """A document lkj makes from the workbook and what it needs; `ke` is a report's quarter."""

    kode: str
    nama: str
    syarat: tuple[Syarat, ...]
    ke: int | None = None


# --- where the cells are ---------------------------------------------------------------------

def _sel(reader: Reader, ref: str, header: str, nama: str) -> Sel:
    """The cell of `header` on the row of record `ref`; its sheet when the column is missing."""
    row = reader.rows.get(ref)
    cell = row.get(header) if row is not None else None
    if cell is None:
        return Sel(ref.split("!")[0], nama, header)
    return Sel(cell.ref, nama)


def _indikator(data: DataLaporan) -> list[Indikator]:
    return [i for s in data.sasaran for i in s.indikator]


def _perlu(angka: str, ke: int) -> tuple[int, ...]:
    """The quarters whose figures give the position at the end of quarter `ke`."""
    return (ke,) if angka == KUMULATIF else tuple(range(1, ke + 1))


# --- what each document needs ----------------------------------------------------------------

def _realisasi_indikator(data: DataLaporan, reader: Reader) -> list[Sel]:
    return [_sel(reader, i.ref, "Realisasi", i.nama) for i in _indikator(data) if i.realisasi is None]


def _realisasi_anggaran(data: DataLaporan, reader: Reader) -> list[Sel]:
    return [_sel(reader, b.ref, "Realisasi", b.uraian or b.sumber)
            for b in data.anggaran if b.realisasi is None]


def _isian(nama: str) -> Cari:
    atribut = {"Tanggal": "tanggal", "Tanggal Perjanjian Kinerja": "tanggal_pk",
               "Nama Atasan": "nama_atasan"}[nama]

    def cari(data: DataLaporan, reader: Reader) -> list[Sel]:
        if getattr(data.identitas, atribut) is not None:
            return []
        return [Sel(reader.isian.get(nama, "'Identitas'"), nama)]

    return cari


def _program(data: DataLaporan, reader: Reader) -> list[Sel]:
    return [_sel(reader, b.ref, "Program", b.uraian or b.sumber)
            for b in data.anggaran if b.program is None]


def _kegiatan(data: DataLaporan, reader: Reader) -> list[Sel]:
    return [_sel(reader, i.ref, "Rencana Aksi", i.nama) for i in _indikator(data) if not i.rencana_aksi]


def _triwulan(jenis: str, sampai: int | None = None) -> Cari:
    """Blank quarterly cells: all four (`sampai` None), or those the position at the end of
    quarter `sampai` needs; a quarterly column the sheet lacks is named once."""
    def cari(data: DataLaporan, reader: Reader) -> list[Sel]:
        found, missing, sheet = [], set(), ""
        for i in _indikator(data):
            sheet = i.ref.split("!")[0]
            cols = reader.kolom_triwulan.get(sheet, {})
            values = i.triwulan.target if jenis == "Target" else i.triwulan.realisasi
            row = reader.rows.get(i.ref)
            for ke in TRIWULAN if sampai is None else _perlu(i.angka, sampai):
                if values[ke - 1] is not None:
                    continue
                cell = row.cells.get(cols.get((jenis, ke), "")) if row is not None else None
                if cell is None:
                    missing.add(ke)
                else:
                    found.append(Sel(cell.ref, i.nama))
        return found + [Sel(sheet, "", schema.kolom_triwulan(jenis, ke)) for ke in sorted(missing)]

    return cari


PK = Dokumen("pk", "Perjanjian Kinerja", (
    Syarat("tanggal Perjanjian Kinerja", SARAN, _isian("Tanggal Perjanjian Kinerja"),
           "Tanggal Perjanjian Kinerja belum diisi"),
    Syarat("nama Pihak Kedua", SARAN, _isian("Nama Atasan"), "Nama Atasan belum diisi"),
    Syarat("program anggaran", SARAN, _program, "Program baris anggaran \"{nama}\" belum diisi"),
))
RENAKSI = Dokumen("renaksi", "Rencana Aksi", (
    Syarat("target triwulan", SEMUA, _triwulan("Target"),
           "Target triwulan indikator \"{nama}\" belum diisi"),
    Syarat("kegiatan Rencana Aksi", SARAN, _kegiatan, "Rencana Aksi indikator \"{nama}\" belum diisi"),
))


def _ada_triwulan(ke: int) -> Callable[[DataLaporan], bool]:
    """Whether any indicator's realisasi to the end of quarter `ke` is known."""
    def ada(data: DataLaporan) -> bool:
        return any(all(i.triwulan.realisasi[q - 1] is not None for q in _perlu(i.angka, ke))
                   for i in _indikator(data))

    return ada


def _laporan_triwulan(ke: int) -> Dokumen:
    tw = f"TW {fmt.romawi(ke)}"
    return Dokumen(f"triwulan-{ke}", f"Laporan Triwulan {fmt.romawi(ke)}", (
        Syarat(f"target s.d. {tw}", SEMUA, _triwulan("Target", ke),
               f"Target triwulan indikator \"{{nama}}\" belum diisi; target s.d. {tw} memerlukannya"),
        Syarat(f"realisasi s.d. {tw}", SEBAGIAN, _triwulan("Realisasi", ke),
               "Realisasi triwulan indikator \"{nama}\" belum diisi", _ada_triwulan(ke),
               f"Realisasi triwulan indikator \"{{nama}}\" belum diisi; capaian s.d. {tw}-nya "
               "ditulis \"-\"", "quarter-blank"),
    ), ke)


LKJ = Dokumen("lkj", "Laporan Kinerja", (
    Syarat("tanggal penandatanganan laporan", SEMUA, _isian("Tanggal"),
           "Tanggal penandatanganan Laporan Kinerja belum diisi"),
    Syarat("realisasi indikator", SEBAGIAN, _realisasi_indikator,
           "Realisasi indikator \"{nama}\" belum diisi",
           lambda data: any(i.realisasi is not None for i in _indikator(data)),
           "Realisasi indikator \"{nama}\" belum diisi; capaiannya ditulis \"-\" dan tidak ikut "
           "dirata-rata", "realisasi-blank"),
    Syarat("realisasi anggaran", SEMUA, _realisasi_anggaran,
           "Realisasi anggaran \"{nama}\" belum diisi"),
))

DOKUMEN = (PK, RENAKSI, *(_laporan_triwulan(ke) for ke in TRIWULAN), LKJ)


# --- checking a workbook against the table ---------------------------------------------------

@dataclass(frozen=True)
class Kekurangan:
    """A requirement and the cells it still lacks."""

    syarat: Syarat
    sel: tuple[Sel, ...]


@dataclass(frozen=True)
class Status:
    """A document's readiness: `kurang` stops it, `saran` are parts to complete (placeholders
    in the document), `kosong` the blanks a ready document shows as "-" (warnings)."""

    dokumen: Dokumen
    kurang: tuple[Kekurangan, ...]
    saran: tuple[Kekurangan, ...]
    kosong: tuple[Kekurangan, ...]

    @property
    def siap(self) -> bool:
        return not self.kurang


def _status(dokumen: Dokumen, data: DataLaporan, reader: Reader) -> Status:
    kurang, saran, kosong = [], [], []
    for syarat in dokumen.syarat:
        sel = tuple(syarat.cari(data, reader))
        if not sel:
            continue
        k = Kekurangan(syarat, sel)
        if syarat.cara == SARAN:
            saran.append(k)
        elif syarat.cara == SEBAGIAN and syarat.ada is not None and syarat.ada(data):
            kosong.append(k)
        else:
            kurang.append(k)
    return Status(dokumen, tuple(kurang), tuple(saran), tuple(kosong))


@dataclass(frozen=True)
class Kesiapan:
    """Every document's readiness, in the order of DOKUMEN."""

    status: tuple[Status, ...]

    def dokumen(self, kode: str) -> Status:
        return next(s for s in self.status if s.dokumen.kode == kode)

    def peringatan(self, kode: str) -> list[Issue]:
        """The blank cells document `kode` shows as "-" when it is made anyway, once each."""
        status = self.dokumen(kode)
        seen: dict[tuple[str, str], Issue] = {}
        for k in status.kosong if status.siap else ():
            for sel in k.sel:
                issue = Issue(k.syarat.kode, k.syarat.peringatan.format(nama=_pendek(sel.nama)),
                              sel.ref, PERINGATAN)
                seen.setdefault((issue.code, issue.ref), issue)
        return list(seen.values())

    def judul(self, kode: str) -> str:
        """The line said before `galat`'s cells: the document cannot be made yet, and which
        documents the workbook already serves."""
        siap = [s.dokumen.nama for s in self.status if s.siap]
        bisa = f"; buku kerja ini baru siap untuk {_gabung(siap)}" if siap else ""
        return f"{self.dokumen(kode).dokumen.nama} belum dapat dibuat{bisa} (lihat lkj periksa)"

    def galat(self, kode: str) -> list[Issue]:
        """Why document `kode` cannot be made: each blank cell (or missing column) it needs."""
        status = self.dokumen(kode)
        issues: list[Issue] = []
        for k in status.kurang:
            issues += [Issue("document-blank", _sebut(k.syarat, sel), sel.ref, GALAT)
                       for sel in k.sel if not sel.kolom]
            issues += [Issue("document-column", f"kolom {header} belum ada; {k.syarat.apa} "
                             "diisi di kolom itu", ref, GALAT)
                       for header, ref in dict.fromkeys((s.kolom, s.ref) for s in k.sel if s.kolom)]
        return issues

    def baris(self) -> list[str]:
        """What `lkj periksa` prints: the documents ready, then what each other one lacks."""
        siap = [s for s in self.status if s.siap]
        lines = [f"Siap untuk: {_gabung([s.dokumen.nama for s in siap])}"] if siap else []
        for status in self._belum():
            lines.append(f"Belum siap untuk {status.dokumen.nama}: "
                         f"{'; '.join(_kalimat(k) for k in status.kurang)}")
        for status in siap:
            if status.saran:
                lines.append(f"Perlu dilengkapi untuk {status.dokumen.nama} (atau di Word nanti): "
                             f"{'; '.join(_kalimat(k) for k in status.saran)}")
            # The LKj's own blanks are warnings of `lkj buat` and `periksa` already.
            if status.kosong and status.dokumen is not LKJ:
                lines.append(f"Sebagian belum diisi untuk {status.dokumen.nama} (ditulis \"-\"): "
                             f"{'; '.join(_kalimat(k) for k in status.kosong)}")
        return lines

    def _belum(self) -> list[Status]:
        """The documents not ready; of the quarterly reports only the first one not ready (the
        later ones wait for it)."""
        belum, triwulan = [], False
        for status in self.status:
            if status.siap or (status.dokumen.ke and triwulan):
                continue
            triwulan = triwulan or bool(status.dokumen.ke)
            belum.append(status)
        return belum


def nilai(data: DataLaporan, reader: Reader) -> Kesiapan:
    """Check a loaded workbook against DOKUMEN; `reader` knows where each record's cells are."""
    return Kesiapan(tuple(_status(d, data, reader) for d in DOKUMEN))


# --- words -----------------------------------------------------------------------------------

def _gabung(items: list[str]) -> str:
    if len(items) <= 2:
        return " dan ".join(items)
    return ", ".join(items[:-1]) + ", dan " + items[-1]


def _pendek(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sebut(syarat: Syarat, sel: Sel) -> str:
    return syarat.sebut.format(nama=_pendek(sel.nama))


def _lembar(ref: str) -> str:
    return ref.split("!")[0]


def _kalimat(k: Kekurangan) -> str:
    """`realisasi indikator belum diisi di 'Kinerja'!F2:F6`, or the columns still missing."""
    kolom = sorted({sel.kolom for sel in k.sel if sel.kolom}, key=_urut_kolom)
    sel = [s.ref for s in k.sel if not s.kolom]
    parts = []
    if sel:
        parts.append(f"{k.syarat.apa} belum diisi di {ringkas(sel)}")
    if kolom:
        sheet = next(s.ref for s in k.sel if s.kolom)
        parts.append(f"{k.syarat.apa}: kolom {_gabung(kolom)} belum ada di lembar {sheet}")
    return "; ".join(parts)


def _urut_kolom(header: str) -> tuple[str, str]:
    """Target TW I..IV before Realisasi TW I..IV, in quarter order."""
    jenis, _, ke = header.partition(" TW ")
    return (jenis, ke.replace("IV", "IIII").rjust(4))


_REF = re.compile(r"^(?P<sheet>'(?:[^']|'')+')!(?P<col>[A-Z]+)(?P<row>\d+)$")


def _kolom_ke(col: str) -> int:
    return sum((ord(c) - 64) * 26 ** i for i, c in enumerate(reversed(col)))


def ringkas(refs: list[str]) -> str:
    """Cells written the short way, as Excel ranges: `'Kinerja'!F2:F6, M2:P4` (each sheet
    named once, in the order first met; a block of cells as one rectangle)."""
    sheets: dict[str, list[tuple[int, str, int]]] = {}
    other: list[str] = []
    for ref in refs:
        match = _REF.match(ref)
        if match is None:
            other.append(ref)
        else:
            sheets.setdefault(match["sheet"], []).append(
                (_kolom_ke(match["col"]), match["col"], int(match["row"])))
    parts = [f"{sheet}!" + ", ".join(_blok(cells)) for sheet, cells in sheets.items()]
    return ", ".join(parts + other)


def _blok(cells: list[tuple[int, str, int]]) -> list[str]:
    """Consecutive rows of a column as one run, then side-by-side runs as one rectangle."""
    runs: list[list] = []  # [first col no, first col, last col no, last col, first row, last row]
    for no, col, row in sorted(set(cells)):
        last = runs[-1] if runs else None
        if last and last[0] == no and last[5] + 1 == row:
            last[5] = row
        else:
            runs.append([no, col, no, col, row, row])
    blocks: list[list] = []
    for run in runs:
        match = next((b for b in blocks if b[2] + 1 == run[0] and b[4:] == run[4:]), None)
        if match:
            match[2:4] = run[2:4]
        else:
            blocks.append(run)
    return [f"{b[1]}{b[4]}" if (b[0], b[4]) == (b[2], b[5]) else f"{b[1]}{b[4]}:{b[3]}{b[5]}"
            for b in blocks]
