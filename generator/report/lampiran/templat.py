"""The Lampiran's pages of the template: RKT, the Perjanjian Kinerja with both signatures, Pengukuran."""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm

from generator import kontrak as k
from generator.report.rakit.bersama import nip
from generator.report.rakit.kata import Kolom, muat
from generator.report.rakit.tabel import tabel, tabel_data
from generator.report.rakit.teks import B, R, isi, judul, para, tag, ulang

KATA = muat(__file__)
RKT = ("for s in pk.sasaran", "for i in s.indikator")  # sasaran cells merge over their indicators


def _pihak(doc, var: str, sebutan: str) -> None:
    """Name and position of one party of the Perjanjian Kinerja, then how it is called."""
    kolom = [Kolom("", 2.5, k.SEL), Kolom("", 0.5, k.SEL), Kolom("", 11.0, k.SEL)]
    t = tabel(doc, kolom, [
        [KATA["pihak.nama"], ":", isi(f"{var}.nama")],
        [KATA["pihak.jabatan"], ":", isi(f"{var}.jabatan")],
    ], style=k.TABEL_TANPA_GARIS, header=False)
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    para(doc, k.ISI, KATA[sebutan], first_line_indent=Cm(0), space_before=Cm(0.2))


def _ttd_atas(cell, var: str, sebutan: str, tanggal: bool) -> None:
    """Date (right column only), party and position: the top row of the PK signatures."""
    if tanggal:
        para(cell, k.TTD_SEL, isi("lampiran.pk.tempat_tanggal"))
    else:
        para(cell, k.TTD_SEL)
    para(cell, k.TTD_SEL, B(KATA[sebutan]))
    tag(cell, f"{{%p for b in {var}.jabatan_baris %}}")
    para(cell, k.TTD_SEL, R("{{ b.petunjuk }}", True, False, k.PLACEHOLDER), B("{{ b.teks }}"))
    tag(cell, "{%p endfor %}")


def _ttd_bawah(cell, var: str) -> None:
    """Room to sign, the name and the NIP: a row of its own so both names line up."""
    for _ in range(4):
        para(cell, k.TTD_SEL)
    para(cell, k.TTD_SEL, R(f"{{{{ {var}.nama.petunjuk }}}}", True, False, k.PLACEHOLDER),
         R(f"{{{{ {var}.nama.teks }}}}", True, True))
    tag(cell, f"{{%p if {var}.nip %}}")
    para(cell, k.TTD_SEL, nip(var))
    tag(cell, "{%p endif %}")


def _tanda_tangan(doc) -> None:
    """Pihak Kedua left, Pihak Pertama right (with the date), in a borderless table."""
    para(doc, k.NORMAL)  # two adjacent tables would merge into one
    kolom = [Kolom("", 7.0, k.TTD_SEL), Kolom("", 7.0, k.TTD_SEL)]
    t = tabel(doc, kolom, [["", ""], ["", ""]], style=k.TABEL_TANPA_GARIS, header=False)
    atas, bawah = t.rows[0].cells, t.rows[1].cells
    _ttd_atas(atas[0], "lampiran.pk.kedua", "ttd.kedua", tanggal=False)
    _ttd_atas(atas[1], "lampiran.pk.pertama", "ttd.pertama", tanggal=True)
    _ttd_bawah(bawah[0], "lampiran.pk.kedua")
    _ttd_bawah(bawah[1], "lampiran.pk.pertama")


def perjanjian(doc) -> None:
    """The Perjanjian Kinerja: parties, promise, targets, two signatures."""
    judul(doc, k.JUDUL_2, KATA["pk.judul"], page_break_before=True)
    para(doc, k.JUDUL_DOKUMEN, KATA["pk.dokumen"])
    ulang(doc, "for b in sampul.instansi", k.JUDUL_DOKUMEN, "{{ b }}")
    para(doc, k.ISI, KATA["pk.pembuka"], space_before=Cm(0.5))
    _pihak(doc, "lampiran.pk.pertama", "pihak.pertama")
    _pihak(doc, "lampiran.pk.kedua", "pihak.kedua")
    for kalimat in KATA.baris("pk.janji"):
        para(doc, k.ISI, kalimat)
    tabel_data(doc, KATA, "tabel.rkt", RKT)
    _tanda_tangan(doc)


def bangun(doc) -> None:
    judul(doc, k.JUDUL_1, KATA["judul"])
    judul(doc, k.JUDUL_2, KATA["rkt.judul"])
    tabel_data(doc, KATA, "tabel.rkt", RKT)
    perjanjian(doc)
    judul(doc, k.JUDUL_2, KATA["pengukuran.judul"], page_break_before=True)
    tabel_data(doc, KATA, "tabel.pengukuran", ("for s in capaian.sasaran", "for i in s.indikator"),
               jumlah=True)
    para(doc, k.ISI, KATA["pengukuran.keterangan"], first_line_indent=Cm(0), space_before=Cm(0.3))
