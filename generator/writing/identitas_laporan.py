"""Whose report it is: the satker, level and year a report was written for, kept in its custom
document properties, so `lkj perbarui` never carries another satker's or another year's figures
into it.

lkj writes `lkj-satker` (the secretariat's name as printed), `lkj-instansi` (the workbook's
Instansi), `lkj-tingkat`, `lkj-tahun`, `lkj-buku-kerja` (the workbook's file name, for the
person's information) and `lkj-identitas` (a hash of Instansi, level and year) whenever it
writes a report, with `lkj-dokumen` (which document: generator.report.jenis) and, for a
quarterly report, `lkj-triwulan` (its quarter), so `lkj perbarui` renders the same document;
LibreOffice keeps docProps/custom.xml when it saves. A report from an lkj before these
properties has none: its satker and year are read from its own marks (the values lkj printed
from `satker` and `tahun`, on the cover and in the text), and when those are gone too the
report is accepted with a warning.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from generator.marks import tanda
from generator.marks.sidik import isi_antara, sidik
from generator.errors import LkjError
from generator.kontrak import PROPERTI_DOKUMEN as DOKUMEN
from generator.kontrak import PROPERTI_TRIWULAN as TRIWULAN

SATKER, INSTANSI, TINGKAT, TAHUN, BUKU, KUNCI = (
    "lkj-satker", "lkj-instansi", "lkj-tingkat", "lkj-tahun", "lkj-buku-kerja", "lkj-identitas")
PANJANG = 250  # Word keeps at most 255 characters of a property


def _normal(teks: str) -> str:
    return " ".join(teks.casefold().split())


@dataclass(frozen=True)
class IdentitasLaporan:
    """`satker` as the report names itself (Sekretariat KPU …), `instansi` the workbook's
    official name of the commission, `tingkat` the level code of the template."""

    satker: str
    tahun: str
    tingkat: str = ""
    instansi: str = ""
    buku_kerja: str = ""
    dokumen: str = "lkj"
    triwulan: str = ""

    @property
    def kunci(self) -> str:
        teks = "|".join((_normal(self.instansi or self.satker), self.tingkat, self.tahun.strip()))
        return hashlib.sha1(teks.encode("utf-8")).hexdigest()[:16]

    def properti(self) -> dict[str, str]:
        nilai = {SATKER: self.satker[:PANJANG], INSTANSI: self.instansi[:PANJANG],
                 TINGKAT: self.tingkat, TAHUN: self.tahun, BUKU: self.buku_kerja[:PANJANG],
                 KUNCI: self.kunci, DOKUMEN: self.dokumen}
        return {**nilai, TRIWULAN: self.triwulan} if self.triwulan else nilai

    def sama_satker(self, lain: IdentitasLaporan) -> bool:
        if self.tingkat and lain.tingkat and self.tingkat != lain.tingkat:
            return False
        if self.instansi and lain.instansi and \
                _normal(self.instansi)[:PANJANG] != _normal(lain.instansi)[:PANJANG]:
            return False
        return _normal(self.satker)[:PANJANG] == _normal(lain.satker)[:PANJANG]

    def label(self, resmi: bool = False) -> str:
        """`satker tahun N`, or with the commission's official name when `resmi`."""
        return f"{self.instansi if resmi and self.instansi else self.satker} tahun {self.tahun}"


def dari_konteks(context: dict, buku_kerja: str, dokumen: str = "lkj",
                 ke: int | None = None) -> IdentitasLaporan:
    """The identity of the document a context renders (document `dokumen`, quarter `ke`)."""
    return IdentitasLaporan(str(context.get("satker", "")), str(context.get("tahun", "")),
                            str(context.get("tingkat", "")), str(context.get("instansi", "")),
                            buku_kerja, dokumen, str(ke) if ke else "")


def dari_properti(properti: dict[str, str]) -> IdentitasLaporan | None:
    if not properti.get(SATKER) or not properti.get(TAHUN):
        return None
    return IdentitasLaporan(properti[SATKER], properti[TAHUN], properti.get(TINGKAT, ""),
                            properti.get(INSTANSI, ""), properti.get(BUKU, ""),
                            properti.get(DOKUMEN) or "lkj", properti.get(TRIWULAN, ""))


def dokumen_dari_properti(properti: dict[str, str]) -> tuple[str, int | None]:
    """Which document a file lkj wrote is, and its quarter: ("lkj", None) for a report from
    an lkj before documents were recorded (it wrote only the LKj). The code is returned as
    written; the caller checks it is one it knows."""
    kode = (properti.get(DOKUMEN) or "lkj").strip()
    ke = properti.get(TRIWULAN, "").strip()
    return kode, int(ke) if ke in ("1", "2", "3", "4") else None


def _nilai_tercetak(marks: dict, jalur: str) -> str | None:
    """What lkj printed from context path `jalur`, by its marks (the first of up to 20 copies
    nobody retyped, else the first found)."""
    ditemukan = None
    for k in range(1, 21):
        m = marks.get(tanda.id_dari(f"{jalur}#{k}"))
        if m is None or m.start.getparent() is not m.end.getparent():
            continue
        teks = isi_antara(m.start, m.end)
        if sidik(teks) == m.sidik:
            return teks
        ditemukan = ditemukan or teks
    return ditemukan


def dari_tanda(body) -> IdentitasLaporan | None:
    """A report without identity properties (an earlier lkj's): its satker and year as lkj
    printed them, found by their marks."""
    marks = tanda.tanda_di(body)
    satker, tahun = _nilai_tercetak(marks, "satker"), _nilai_tercetak(marks, "tahun")
    if not satker or not tahun:
        return None
    return IdentitasLaporan(satker, tahun)


class IdentitasBerbeda(LkjError):
    """The workbook is another satker's or another year's than the report."""


def periksa(lama: IdentitasLaporan | None, baru: IdentitasLaporan, laporan: str,
            ganti: bool) -> str:
    """Refuse a workbook of another satker or year (unless `ganti`); returns a note for the
    person ("" when all is as it should be)."""
    if lama is None:
        return (f"{laporan} tidak menyimpan identitas satker dan tahunnya (tandanya hilang), "
                f"jadi tidak dapat dipastikan bahwa laporan itu milik {baru.label()}; "
                "periksa hasilnya")
    beda = []
    if not lama.sama_satker(baru):
        beda.append("satker")
    if lama.tahun.strip() != baru.tahun.strip():
        beda.append("tahun")
    if not beda:
        return ""
    # the official names when the secretariat's names alone would read the same
    resmi = "satker" in beda and bool(lama.instansi and baru.instansi) and \
        _normal(lama.satker) == _normal(baru.satker)
    if ganti:
        return (f"identitas laporan diganti atas permintaan (--ganti-identitas): dari "
                f"{lama.label(resmi)} menjadi {baru.label(resmi)}")
    raise IdentitasBerbeda(
        f"{laporan} adalah laporan {lama.label(resmi)}, sedangkan buku kerja "
        f"{baru.buku_kerja} berisi {baru.label(resmi)} ({' dan '.join(beda)} berbeda); "
        "angkanya tidak dimasukkan. "
        "Pilih buku kerja yang benar, atau bila memang disengaja (nama satker berubah, laporan "
        "dibawa ke tahun berikutnya) ulangi dengan --ganti-identitas. Tidak ada berkas yang "
        "ditulis")
