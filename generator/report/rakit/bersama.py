"""Template pieces more than one part or document prints: the signature block, the per-level
branches, the cover and the contents lists.

Their words are in generator/report/kata.txt (a cover's title is its document's own).
"""

from __future__ import annotations

from pathlib import Path

from docx.oxml import parse_xml
from docx.shared import Cm

from generator import kontrak as k
from generator.report.rakit.kata import Kata, Kolom, muat
from generator.report.rakit.tabel import tabel
from generator.report.rakit.teks import B, R, W, field, isi, jika, judul, para, tag, ulang

KATA: Kata = muat(Path(__file__).resolve().parents[1])


def nip(var: str) -> str:
    """`NIP. {{ var.nip }}`."""
    return f"{KATA['nip']} {{{{ {var}.nip }}}}"


def tanda_tangan(doc, tanggal_isi: bool = False) -> None:
    """Place and date, the office in capitals, room to sign, the name, NIP when given.

    With `tanggal_isi`, `ttd.tempat_tanggal` is a paragraph dict that may be a placeholder
    (a document signed on a day the workbook does not know)."""
    tanggal = isi("ttd.tempat_tanggal") if tanggal_isi else "{{ ttd.tempat_tanggal }}"
    para(doc, k.TTD, tanggal, space_before=Cm(0.8))
    ulang(doc, "for b in ttd.jabatan", k.TTD, B("{{ b }}"))
    for _ in range(4):
        para(doc, k.TTD)
    para(doc, k.TTD, R("{{ ttd.nama }}", bold=True, underline=True), keep_with_next=False)
    tag(doc, "{%p if ttd.nip %}")
    para(doc, k.TTD, nip("ttd"), keep_with_next=False)
    tag(doc, "{%p endif %}")


def per_tingkat(doc, isi) -> None:
    """`isi(doc, kode)` once per level, each inside its own `{%p if tingkat == ... %}` branch."""
    for n, kode in enumerate(k.TINGKAT):
        tag(doc, ("{%p if " if n == 0 else "{%p elif ") + f'tingkat == "{kode}" %}}')
        isi(doc, kode)
    tag(doc, "{%p endif %}")


def _kotak_logo(doc) -> None:
    """A 4,5 cm box with the highlighted `[Logo]` for staff to replace with the picture."""
    para(doc, k.NORMAL, space_before=Cm(2.5))
    kotak = tabel(doc, [Kolom("", 4.5, k.SEL_TENGAH)],
                  [[R(KATA["sampul.logo"], style=k.PLACEHOLDER)]], header=False)
    kotak.rows[0]._tr.get_or_add_trPr().append(
        parse_xml(f'<w:trHeight {W} w:val="2552" w:hRule="exact"/>'))
    kotak.rows[0].cells[0]._tc.get_or_add_tcPr().append(parse_xml(f'<w:vAlign {W} w:val="center"/>'))
    para(doc, k.NORMAL, space_after=Cm(2.5))


def sampul(doc, judul_sampul: tuple[str, ...]) -> None:
    """Cover: the title's lines, logo (or a box to replace), the secretariat, place and year."""
    for n, baris in enumerate(judul_sampul):
        para(doc, k.JUDUL_SAMPUL, baris, **({"space_before": Cm(1.5)} if n == 0 else {}))
    tag(doc, "{%p if logo %}")
    para(doc, k.SAMPUL, "{{ logo }}", space_before=Cm(2.5), space_after=Cm(2.5))
    tag(doc, "{%p else %}")
    _kotak_logo(doc)
    tag(doc, "{%p endif %}")
    ulang(doc, "for b in sampul.instansi", k.SAMPUL, "{{ b }}")
    jika(doc, "sampul.alamat", lambda d: para(d, k.ALAMAT_SAMPUL, "{{ sampul.alamat }}"))
    para(doc, k.SAMPUL, "{{ sampul.tempat }}", space_before=Cm(5.5))
    para(doc, k.SAMPUL, "{{ sampul.tahun }}")


def _daftar(doc, nama: str, gaya: str, instr: str) -> None:
    """A contents list: its heading and a TOC field holding a note until it is filled
    (generator.writing.selesai fills it after rendering, Word again when it updates fields)."""
    judul(doc, k.JUDUL_1, KATA[f"{nama}.judul"])
    field(para(doc, gaya), instr, KATA[f"{nama}.sementara"], dirty=True)


def daftar_isi(doc) -> None:
    """Daftar Isi, Daftar Tabel, and Daftar Grafik when the document has charts."""
    _daftar(doc, "daftar_isi", k.TOC_1, k.TOC_ISI)
    _daftar(doc, "daftar_tabel", k.DAFTAR_GAMBAR, k.toc_keterangan(k.LABEL_TABEL))
    jika(doc, "ada_grafik",
         lambda d: _daftar(d, "daftar_grafik", k.DAFTAR_GAMBAR, k.toc_keterangan(k.LABEL_GRAFIK)))
