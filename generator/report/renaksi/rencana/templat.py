"""The Rencana Aksi's pages of its template: title, the plan's table (a row per sasaran above its
indicators), the note on how the quarters add up, the signature."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.shared import Cm

from generator import kontrak as k
from generator.report.rakit.bersama import tanda_tangan
from generator.report.rakit.kata import muat
from generator.report.rakit.tabel import tabel_sasaran
from generator.report.rakit.teks import isi, para, tag, ulang

KATA = muat(__file__)


def _kegiatan(cell) -> None:
    """One paragraph per activity inside the last cell of the indicator's row."""
    for p in list(cell.paragraphs):
        p._p.getparent().remove(p._p)
    cell._tc.append(OxmlElement("w:p"))  # para() fills a cell's empty first paragraph
    tag(cell, "{%p for g in i.kegiatan %}")
    para(cell, k.SEL, isi("g"))
    tag(cell, "{%p endfor %}")


def rencana(doc) -> None:
    t = tabel_sasaran(doc, KATA, "tabel.rencana", "renaksi.sasaran")
    _kegiatan(t.rows[4].cells[-1])


def bangun(doc) -> None:
    para(doc, k.JUDUL_DOKUMEN, KATA["judul"])
    ulang(doc, "for b in sampul.instansi", k.JUDUL_DOKUMEN, "{{ b }}")
    para(doc, k.ISI, KATA["pengantar"], space_before=Cm(0.5))
    rencana(doc)
    baris = KATA.baris("keterangan")
    para(doc, k.KETERANGAN, baris[0], space_before=Cm(0.3))
    for b in baris[1:]:
        para(doc, k.KETERANGAN, b)
    tanda_tangan(doc, tanggal_isi=True)
