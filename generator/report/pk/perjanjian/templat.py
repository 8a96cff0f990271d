"""The Perjanjian Kinerja's pages of a template: the statement and the lampiran, each signed.

`pernyataan(doc)` and `lampiran(doc)` are printed by the PK document (`bangun`, after its kop)
and by the LKj's Lampiran 2 (generator.report.lkj.lampiran.templat), from the same words.
"""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.shared import Cm

from generator import kontrak as k
from generator.report.rakit.bersama import nip
from generator.report.rakit.kata import Kolom, muat
from generator.report.rakit.tabel import tabel, tabel_data
from generator.report.rakit.teks import B, R, W, isi, para, tag, ulang

KATA = muat(__file__)
PK = "perjanjian"
SASARAN = (f"for s in {PK}.sasaran", "for i in s.indikator")  # sasaran cells merge over them
PROGRAM = (f"for p in {PK}.program",)


def _pihak(doc, var: str, sebutan: str) -> None:
    """Name, NIP (when given) and position of one party, then how it is called."""
    kolom = [Kolom("", 2.5, k.SEL), Kolom("", 0.5, k.SEL), Kolom("", 11.0, k.SEL)]
    t = tabel(doc, kolom, [
        [KATA["pihak.nama"], ":", isi(f"{var}.nama")],
        f"{{%tr if {var}.nip %}}",
        [KATA["pihak.nip"], ":", f"{{{{ {var}.nip }}}}"],
        "{%tr endif %}",
        [KATA["pihak.jabatan"], ":", isi(f"{var}.jabatan")],
    ], style=k.TABEL_TANPA_GARIS, header=False)
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    para(doc, k.ISI, KATA[sebutan], first_line_indent=Cm(0), space_before=Cm(0.2))


def _ttd(cell, var: str, sebutan: str, tanggal: bool) -> None:
    """Date (right column; an empty line left, so both sides line up), party, position (both
    padded to as many lines by the context), room to sign, the name and the NIP."""
    if tanggal:
        para(cell, k.TTD_SEL, isi(f"{PK}.tempat_tanggal"), keep_with_next=True)
    else:
        para(cell, k.TTD_SEL, keep_with_next=True)
    para(cell, k.TTD_SEL, B(KATA[sebutan]), keep_with_next=True)
    tag(cell, f"{{%p for b in {var}.jabatan_baris %}}")
    para(cell, k.TTD_SEL, R("{{ b.petunjuk }}", True, False, k.PLACEHOLDER), B("{{ b.teks }}"),
         keep_with_next=True)
    tag(cell, "{%p endfor %}")
    for _ in range(4):
        para(cell, k.TTD_SEL, keep_with_next=True)
    para(cell, k.TTD_SEL, R(f"{{{{ {var}.nama.petunjuk }}}}", True, False, k.PLACEHOLDER),
         R(f"{{{{ {var}.nama.teks }}}}", True, True))
    tag(cell, f"{{%p if {var}.nip %}}")
    para(cell, k.TTD_SEL, nip(var))
    tag(cell, "{%p endif %}")


def tanda_tangan(doc) -> None:
    """Pihak Kedua left, Pihak Pertama right (with the date), in one borderless row that
    never splits: LibreOffice does not keep two rows together, and a name must never sit on
    a page apart from its position."""
    para(doc, k.NORMAL, keep_with_next=True)  # two adjacent tables would merge into one
    kolom = [Kolom("", 7.0, k.TTD_SEL), Kolom("", 7.0, k.TTD_SEL)]
    t = tabel(doc, kolom, [["", ""]], style=k.TABEL_TANPA_GARIS, header=False)
    t.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {W}/>'))
    kiri, kanan = t.rows[0].cells
    _ttd(kiri, f"{PK}.kedua", "ttd.kedua", tanggal=False)
    _ttd(kanan, f"{PK}.pertama", "ttd.pertama", tanggal=True)


def _judul(doc, nama: str, **fmt) -> None:
    """The title and the secretariat's name in capitals, centred."""
    para(doc, k.JUDUL_DOKUMEN, KATA[nama], **fmt)
    ulang(doc, f"for b in {PK}.instansi", k.JUDUL_DOKUMEN, "{{ b }}")


def pernyataan(doc) -> None:
    """The statement: title, opening, both parties, the promise, two signatures."""
    _judul(doc, "judul")
    para(doc, k.ISI, KATA["pembuka"], space_before=Cm(0.5))
    _pihak(doc, f"{PK}.pertama", "pihak.pertama")
    _pihak(doc, f"{PK}.kedua", "pihak.kedua")
    for kalimat in KATA.baris("janji"):
        para(doc, k.ISI, kalimat)
    tag(doc, f"{{%p if {PK}.perubahan %}}")
    para(doc, k.ISI, KATA["perubahan"])
    tag(doc, "{%p endif %}")
    tanda_tangan(doc)


def _kelembagaan(doc) -> None:
    kolom = [Kolom("", 4.0, k.SEL), Kolom("", 0.5, k.SEL), Kolom("", 9.5, k.SEL)]
    t = tabel(doc, kolom, [
        [KATA["lampiran.kelembagaan"], ":", f"{{{{ {PK}.kelembagaan }}}}"],
        [KATA["lampiran.tahun"], ":", "{{ tahun }}"],
    ], style=k.TABEL_TANPA_GARIS, header=False)
    t.alignment = WD_TABLE_ALIGNMENT.LEFT


def _dua_tabel(doc, nama: str, ulang_: tuple[str, ...], jumlah: bool = False) -> None:
    """The table `nama`, or in a revised PK `nama_perubahan` (the original figures beside)."""
    para(doc, k.NORMAL, space_after=Cm(0.3))  # air above, and no merging with the table before
    tag(doc, f"{{%p if {PK}.perubahan %}}")
    tabel_data(doc, KATA, f"{nama}_perubahan", ulang_, jumlah=jumlah)
    tag(doc, "{%p else %}")
    tabel_data(doc, KATA, nama, ulang_, jumlah=jumlah)
    tag(doc, "{%p endif %}")


def lampiran(doc) -> None:
    """The lampiran on a page of its own: institution and year, the targets, the programs and
    their budget, two signatures."""
    _judul(doc, "lampiran.judul", page_break_before=True)
    para(doc, k.NORMAL)
    _kelembagaan(doc)
    _dua_tabel(doc, "tabel.sasaran", SASARAN)
    _dua_tabel(doc, "tabel.program", PROGRAM, jumlah=True)
    tanda_tangan(doc)


def bangun(doc) -> None:
    """The PK document: the logo as kop (when the workbook names one), statement, lampiran."""
    tag(doc, "{%p if logo %}")
    para(doc, k.SAMPUL, "{{ logo }}", space_after=Cm(0.5))
    tag(doc, "{%p endif %}")
    pernyataan(doc)
    lampiran(doc)
