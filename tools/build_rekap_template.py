"""Build templates/rekap.docx, the docxtpl template of `lkj rekap -o REKAP.docx`, from code.

Run `python tools/build_rekap_template.py` to overwrite it. It is made with the report
template's own builder (tools/build_template.py): the same styles, table look, page and footer,
so the rekap reads as part of the house's documents and a style changed there changes here on
the next build. The output is byte-for-byte reproducible.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]
import build_template as bt  # noqa: E402

KELUARAN = Path(__file__).resolve().parents[1] / "templates" / "rekap.docx"
W = bt.W

# Column widths in cm; each table is 14 cm, the A4 text width.
KOLOM_PERINGKAT = [("No", 0.9, bt.SEL_TENGAH), ("Satker", 4.6, bt.SEL),
                   ("Capaian", 2.0, bt.SEL_ANGKA), ("Capaian Terendah", 2.1, bt.SEL_ANGKA),
                   ("Serapan (%)", 2.0, bt.SEL_ANGKA), ("Peringatan", 2.4, bt.SEL_TENGAH)]
KOLOM_BERSAMA = [("No", 0.9, bt.SEL_TENGAH), ("Indikator", 4.1, bt.SEL),
                 ("Satker", 1.5, bt.SEL_TENGAH), ("Rata-rata", 2.0, bt.SEL_ANGKA),
                 ("Terendah", 2.2, bt.SEL_ANGKA), ("Tertinggi", 2.1, bt.SEL_ANGKA),
                 ("< 100", 1.2, bt.SEL_TENGAH)]


def caption(doc, judul: str, label: str = "Tabel") -> None:
    """`Tabel n judul`: numbered through the document by a SEQ field (no chapters here)."""
    p = bt.para(doc, bt.CAPTION, f"{label} ")
    p._p.append(parse_xml(f'<w:fldSimple {W} w:instr=" SEQ {label} \\* ARABIC ">'
                          '<w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    p._p.append(parse_xml(bt._run_xml(" " + judul)))


def grafik(doc, var: str) -> None:
    bt.tag(doc, "{%p for g in " + var + " %}")
    caption(doc, "{{ g.judul }}", "Grafik")
    bt.para(doc, bt.GAMBAR, "{{ g.gambar }}")
    bt.tag(doc, "{%p endfor %}")


def judul(doc) -> None:
    bt.para(doc, "JudulDokumen", "REKAPITULASI LAPORAN KINERJA")
    bt.para(doc, "JudulDokumen", "{{ cakupan }}", space_after=bt.Cm(0.6))
    bt.paragraf(doc, "pengantar")


def peringkat(doc) -> None:
    bt.para(doc, bt.H3, "1.", bt.TAB, "Peringkat Capaian Kinerja")
    bt.paragraf(doc, "k.peringkat")
    caption(doc, "Peringkat Capaian Kinerja {{ k.judul }}")
    bt.tabel(doc, KOLOM_PERINGKAT, [
        "{%tr for s in k.satker %}",
        ["{{ s.peringkat }}", "{{ s.nama }}", "{{ s.capaian }}", "{{ s.terendah }}",
         "{{ s.serapan }}", "{{ s.peringatan }}"],
        "{%tr endfor %}",
    ])
    bt.para(doc, bt.KETERANGAN, "{{ k.keterangan }}")
    grafik(doc, "k.grafik_satker")


def bersama(doc) -> None:
    bt.para(doc, bt.H3, "2.", bt.TAB, "Indikator yang Sama di Beberapa Satker")
    bt.paragraf(doc, "k.bersama_teks")
    bt.tag(doc, "{%p if k.bersama %}")
    caption(doc, "Perbandingan Indikator yang Sama, {{ k.judul }}")
    bt.tabel(doc, KOLOM_BERSAMA, [
        "{%tr for b in k.bersama %}",
        ["{{ b.no }}", "{{ b.nama }}", "{{ b.satker }}", "{{ b.rata_rata }}",
         "{{ b.terendah }}", "{{ b.tertinggi }}", "{{ b.belum }}"],
        "{%tr endfor %}",
    ])
    bt.para(doc, bt.KETERANGAN, "Rata-rata, Terendah, Tertinggi: capaian indikator itu di antara "
            "satker yang melaporkannya. < 100: jumlah satker yang capaiannya di bawah 100.")
    grafik(doc, "k.grafik_bersama")
    bt.tag(doc, "{%p endif %}")


def kelompok(doc) -> None:
    bt.tag(doc, "{%p for k in kelompok %}")
    bt.para(doc, bt.H2, "{{ k.huruf }}.", bt.TAB, "{{ k.judul }}")
    peringkat(doc)
    bersama(doc)
    bt.tag(doc, "{%p endfor %}")


def masalah(doc) -> None:
    bt.para(doc, bt.H2, "{{ huruf_masalah }}.", bt.TAB, "Buku Kerja yang Masih Bermasalah")
    bt.paragraf(doc, "masalah_teks")
    bt.daftar(doc, "bermasalah")
    bt.tag(doc, "{%p if peringatan %}")
    bt.paragraf(doc, "peringatan_teks")
    bt.daftar(doc, "peringatan")
    bt.tag(doc, "{%p endif %}")
    bt.para(doc, bt.KETERANGAN, "{{ penutup }}", space_before=bt.Cm(0.6))


def buat_dokumen():
    """The whole rekap template as a python-docx Document."""
    doc = Document()
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    bt.atur_gaya(doc)
    bt.atur_settings(doc)
    judul(doc)
    kelompok(doc)
    masalah(doc)
    section = doc.sections[0]
    bt._halaman(section, "decimal")
    bt._footer(section)
    bt._properti(doc)
    doc.core_properties.title = "Rekapitulasi Laporan Kinerja"
    doc.core_properties.subject = "Templat rekap lkj (banyak satker)"
    doc.core_properties.comments = ("Dibuat oleh tools/build_rekap_template.py; tag templat "
                                    "diisi oleh lkj rekap.")
    return doc


def main(argv: list[str] | None = None) -> int:
    keluaran = Path(argv[0]) if argv else KELUARAN
    bt.simpan(buat_dokumen(), keluaran)
    print(f"Templat rekap ditulis: {keluaran}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
