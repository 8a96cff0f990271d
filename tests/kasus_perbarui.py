"""Shared cases for the `lkj perbarui` tests: workbooks whose indicators move, reports edited as
Word stores edits, and a report as an lkj before keyed marks wrote it."""

from __future__ import annotations

from copy import copy
from pathlib import Path

import docx
import openpyxl
from docx.oxml.ns import qn

from doctools import ROOT
from generator.marks import penamaan, tanda
from generator.marks.kunci import PROPERTI_VERSI
from generator.pipeline import build
from generator.files.properti import baca_properti, buang_properti, tulis_properti

SAMPLE = ROOT / "input" / "contoh.xlsx"
IK_SISIP = "Persentase pemilih disabilitas yang terdaftar dalam daftar pemilih tetap"
IK13 = "Persentase peningkatan pelayanan terhadap pemilih"


def buku(path: Path, ubah) -> Path:
    """The sample workbook changed by `ubah(ws)` on its Kinerja sheet."""
    wb = openpyxl.load_workbook(SAMPLE)
    ubah(wb["Kinerja"])
    wb.save(path)
    return path


def sisipkan_di_atas_ik13(ws) -> None:
    """A new indicator inserted above IK 1.3 (which becomes IK 1.4)."""
    assert ws["B4"].value == IK13
    ws.insert_rows(4)
    for kolom, nilai in zip("BCEFIJ", (IK_SISIP, "%", 90, 92, "Pendataan bersama dinas sosial.",
                                       "Pemutakhiran data pemilih"), strict=True):
        ws[f"{kolom}4"] = nilai
    ws["F4"].number_format = "0"


def tukar_ik12_ik13(ws) -> None:
    """IK 1.2 and IK 1.3 change places (values and number formats)."""
    for kolom in range(1, ws.max_column + 1):
        a, b = ws.cell(3, kolom), ws.cell(4, kolom)
        a.value, b.value = b.value, a.value
        a.number_format, b.number_format = b.number_format, a.number_format
        a.font, b.font = copy(b.font), copy(a.font)


def hapus_ik13(ws) -> None:
    assert ws["B4"].value == IK13
    ws.delete_rows(4)


def ganti_nama_ik13(ws) -> None:
    ws["B4"] = "Persentase peningkatan pelayanan kepada pemilih"


def ketik_sel(path: Path, kode: str, lama: str, baru: str) -> None:
    """A figure in Tabel 3.1's row `kode` retyped the way Word stores it: the run split, a
    revision-save id on each run, a proofing mark around the new figure."""
    doc = docx.Document(str(path))
    for t in doc.tables:
        for row in t.rows:
            cells = [c.text for c in row.cells]
            if cells[0] == kode and lama in cells:
                p = row.cells[cells.index(lama)].paragraphs[0]
                run = p.runs[0]
                run.text = baru[:1]
                run._r.set(qn("w:rsidR"), "00A1B2C3")
                sisa = run._r.makeelement(qn("w:r"), {qn("w:rsidR"): "00D4E5F6"})
                teks = sisa.makeelement(qn("w:t"), {})
                teks.text = baru[1:]
                sisa.append(teks)
                run._r.addnext(sisa)
                sisa.addprevious(sisa.makeelement(qn("w:proofErr"), {qn("w:type"): "spellStart"}))
                sisa.addnext(sisa.makeelement(qn("w:proofErr"), {qn("w:type"): "spellEnd"}))
                doc.save(str(path))
                return
    raise AssertionError(f"Tabel 3.1 has no row {kode} showing {lama}")


def baris_tabel(path: Path, kode: str) -> list[list[str]]:
    """Every table row (as cell texts) whose first cell is `kode`."""
    doc = docx.Document(str(path))
    return [[c.text for c in row.cells] for t in doc.tables for row in t.rows
            if row.cells[0].text == kode]


def laporan_v1(buku_kerja: Path, path: Path) -> Path:
    """A report as lkj wrote it before keyed marks: the same parts, marked by position, without
    the marks' version or the report's identity in its properties."""
    peta: dict[str, str] = {}
    token = penamaan.PETA_V1.set(peta)
    try:
        build(buku_kerja, path)
    finally:
        penamaan.PETA_V1.reset(token)
    balik = {baru: lama for lama, baru in peta.items()}
    doc = docx.Document(str(path))
    penamaan.namai_ulang_v1(doc.element.body, balik)
    props = baca_properti(doc)
    for nama in [n for n in props if n.startswith("lkj-") and not n.startswith("lkj-bagian")]:
        buang_properti(doc, nama)
    daftar = tanda.baca_daftar(props)
    tulis_properti(doc, tanda.properti_daftar(sorted(penamaan.daftar_ulang_v1(daftar, balik))),
                   buang=(tanda.PROPERTI, PROPERTI_VERSI))
    doc.save(str(path))
    return path
