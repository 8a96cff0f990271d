"""Build templates/rekap.docx, the docxtpl template of `lkj rekap -o REKAP.docx`, from code.

Run `python tools/build_rekap_template.py [OUT.docx]` to overwrite it. It is made with the report
template's own machinery (generator.report.rakit, generator.kontrak): the same styles, table
look, page and footer, so the rekap reads as one of the house's documents and a style changed
there changes here on the next build. The output is byte-for-byte reproducible.
"""

from __future__ import annotations

import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(AKAR / "tools"), str(AKAR)]

from docx import Document  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm  # noqa: E402
from paket import bersihkan_paket  # noqa: E402

from generator import kontrak as k  # noqa: E402
from generator.report.rakit import dokumen  # noqa: E402
from generator.report.rakit.gaya import atur_gaya  # noqa: E402
from generator.report.rakit.kata import Kolom  # noqa: E402
from generator.report.rakit.tabel import tabel  # noqa: E402
from generator.report.rakit.teks import TAB, W, daftar, para, paragraf, run_xml, tag  # noqa: E402

KELUARAN = AKAR / "templates" / "rekap.docx"

# Column widths in cm; each table is 14 cm, the A4 text width.
KOLOM_PERINGKAT = [
    Kolom("No", 0.9, k.SEL_TENGAH, "{{ s.peringkat }}"), Kolom("Satker", 4.6, k.SEL, "{{ s.nama }}"),
    Kolom("Capaian", 2.0, k.SEL_ANGKA, "{{ s.capaian }}"),
    Kolom("Capaian Terendah", 2.1, k.SEL_ANGKA, "{{ s.terendah }}"),
    Kolom("Serapan (%)", 2.0, k.SEL_ANGKA, "{{ s.serapan }}"),
    Kolom("Peringatan", 2.4, k.SEL_TENGAH, "{{ s.peringatan }}")]
KOLOM_BERSAMA = [
    Kolom("No", 0.9, k.SEL_TENGAH, "{{ b.no }}"), Kolom("Indikator", 4.1, k.SEL, "{{ b.nama }}"),
    Kolom("Satker", 1.5, k.SEL_TENGAH, "{{ b.satker }}"),
    Kolom("Rata-rata", 2.0, k.SEL_ANGKA, "{{ b.rata_rata }}"),
    Kolom("Terendah", 2.2, k.SEL_ANGKA, "{{ b.terendah }}"),
    Kolom("Tertinggi", 2.1, k.SEL_ANGKA, "{{ b.tertinggi }}"),
    Kolom("< 100", 1.2, k.SEL_TENGAH, "{{ b.belum }}")]


def caption(doc, judul: str, label: str = k.LABEL_TABEL) -> None:
    """`Tabel n judul`: numbered through the document by a SEQ field (no chapters here)."""
    p = para(doc, k.CAPTION, f"{label} ")
    p._p.append(parse_xml(f'<w:fldSimple {W} w:instr=" SEQ {label} \\* ARABIC ">'
                          '<w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    p._p.append(parse_xml(run_xml(" " + judul)))


def grafik(doc, var: str) -> None:
    tag(doc, "{%p for g in " + var + " %}")
    caption(doc, "{{ g.judul }}", k.LABEL_GRAFIK)
    para(doc, k.GAMBAR, "{{ g.gambar }}")
    tag(doc, "{%p endfor %}")


def _tabel(doc, kolom: list[Kolom], ulang: str) -> None:
    tabel(doc, kolom, ["{%tr " + ulang + " %}", [c.isi for c in kolom], "{%tr endfor %}"])


def judul(doc) -> None:
    para(doc, k.JUDUL_DOKUMEN, "REKAPITULASI LAPORAN KINERJA")
    para(doc, k.JUDUL_DOKUMEN, "{{ cakupan }}", space_after=Cm(0.6))
    paragraf(doc, "pengantar")


def peringkat(doc) -> None:
    para(doc, k.JUDUL_3, "1.", TAB, "Peringkat Capaian Kinerja")
    paragraf(doc, "k.peringkat")
    caption(doc, "Peringkat Capaian Kinerja {{ k.judul }}")
    _tabel(doc, KOLOM_PERINGKAT, "for s in k.satker")
    para(doc, k.KETERANGAN, "{{ k.keterangan }}")
    grafik(doc, "k.grafik_satker")


def bersama(doc) -> None:
    para(doc, k.JUDUL_3, "2.", TAB, "Indikator yang Sama di Beberapa Satker")
    paragraf(doc, "k.bersama_teks")
    tag(doc, "{%p if k.bersama %}")
    caption(doc, "Perbandingan Indikator yang Sama, {{ k.judul }}")
    _tabel(doc, KOLOM_BERSAMA, "for b in k.bersama")
    para(doc, k.KETERANGAN, "Rata-rata, Terendah, Tertinggi: capaian indikator itu di antara "
         "satker yang melaporkannya. < 100: jumlah satker yang capaiannya di bawah 100.")
    grafik(doc, "k.grafik_bersama")
    tag(doc, "{%p endif %}")


def kelompok(doc) -> None:
    tag(doc, "{%p for k in kelompok %}")
    para(doc, k.JUDUL_2, "{{ k.huruf }}.", TAB, "{{ k.judul }}")
    peringkat(doc)
    bersama(doc)
    tag(doc, "{%p endfor %}")


def masalah(doc) -> None:
    para(doc, k.JUDUL_2, "{{ huruf_masalah }}.", TAB, "Buku Kerja yang Masih Bermasalah")
    paragraf(doc, "masalah_teks")
    daftar(doc, "bermasalah")
    tag(doc, "{%p if peringatan %}")
    paragraf(doc, "peringatan_teks")
    daftar(doc, "peringatan")
    tag(doc, "{%p endif %}")
    para(doc, k.KETERANGAN, "{{ penutup }}", space_before=Cm(0.6))


def buat_dokumen():
    """The whole rekap template as a python-docx Document: one section, pages numbered 1, 2."""
    doc = Document()
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    atur_gaya(doc)
    dokumen.atur_settings(doc)
    judul(doc)
    kelompok(doc)
    masalah(doc)
    section = doc.sections[0]
    dokumen._halaman(section, "decimal")
    dokumen._footer(section)
    dokumen._properti(doc)
    cp = doc.core_properties
    cp.title = "Rekapitulasi Laporan Kinerja"
    cp.subject = "Templat rekap lkj (banyak satker)"
    cp.comments = "Dibuat oleh tools/build_rekap_template.py; tag templat diisi oleh lkj rekap."
    return doc


def main(argv: list[str] | None = None) -> int:
    keluaran = Path(argv[0]) if argv else KELUARAN
    keluaran.parent.mkdir(parents=True, exist_ok=True)
    doc = buat_dokumen()
    bersihkan_paket(doc)
    dokumen.simpan_tetap(doc, keluaran)
    print(f"Templat rekap ditulis: {keluaran}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
