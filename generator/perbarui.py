"""New figures into a report finished by hand: merge a fresh rendering into the edited report.

The edited report (`lama`) is the base: everything a person added stays where it is. Each part
lkj marked (generator.tanda) is looked up in the fresh rendering (`baru`) by its id:

- untouched (its fingerprint still matches): replaced by the new content;
- edited: kept as the person left it; the values inside it that nobody touched still get their
  new figures (an edited table row by row, an edited row value by value), and it is listed with
  what lkj would now write;
- deleted (its id is in the report's list of parts but its mark is gone): stays deleted, listed;
- new (an indicator or sasaran the workbook adds): placed after the part it follows in the new
  rendering (and after the person's own paragraphs that follow that part), or listed;
- no longer written (an indicator the workbook dropped): removed when untouched, else kept and
  listed.

Charts come along with their paragraphs: a chart whose figures nobody changed in Word gets the
new chart. Contents lists are replaced by the new rendering's (Word and LibreOffice update them
when fields are updated), captions are renumbered, bookmarks and drawing ids made unique.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from generator import daftar, tanda
from generator.errors import LkjError
from generator.impor import Pengimpor
from generator.selesai import nomori_caption, teks_paragraf

_RT_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
_NILAI_ATRIBUT = re.compile(r'="([^"<>]*)"')
ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass(frozen=True)
class Catatan:
    """One listed part: where it is and what lkj would now write there."""

    tempat: str
    baru: str = ""


@dataclass
class HasilGabung:
    diperbarui: int = 0
    disunting: list[Catatan] = field(default_factory=list)
    angka_disunting: list[Catatan] = field(default_factory=list)
    dihapus: list[Catatan] = field(default_factory=list)
    ditambahkan: list[Catatan] = field(default_factory=list)
    tak_ditempatkan: list[Catatan] = field(default_factory=list)
    tak_ditulis_lagi: list[Catatan] = field(default_factory=list)
    daftar: list[str] = field(default_factory=list)


class BukanLaporanLkj(LkjError):
    """The .docx has no lkj marks: not made by lkj, or every mark is gone."""


def _ringkas(teks: str, n: int = 90) -> str:
    teks = " ".join(teks.split())
    return teks if len(teks) <= n else teks[: n - 1].rstrip() + "…"


# --- places, for the list the person reads -------------------------------------------------


class Tempat:
    """Where each block of the new rendering sits, as a person finds it: "Bab III, Tabel 3.1",
    "Bab III, Grafik 3.6", "Kata Pengantar ("Puji syukur…")"."""

    def __init__(self, body) -> None:
        self.tempat: dict[int, str] = {}
        blok = list(tanda.blok(body))
        self._hidup = blok  # lxml proxies kept alive, so id() stays theirs
        bab, sub, n_bab = "", "", 0
        for i, el in enumerate(blok):
            sebelum = blok[i - 1] if i else None
            sesudah = blok[i + 1] if i + 1 < len(blok) else None
            if el.tag == qn("w:tbl"):  # a table is named by the caption above it
                tempat = _di(bab, _label_caption(sebelum) or sub or "tabel")
            else:
                gaya, teks = tanda._gaya(el), teks_paragraf(el)
                if gaya == "Heading1":
                    if el.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
                        n_bab += 1
                        bab = f"Bab {ROMAWI[n_bab - 1] if n_bab <= len(ROMAWI) else n_bab}"
                    else:  # Kata Pengantar, Ikhtisar Eksekutif, Lampiran
                        bab = teks.title()
                    sub, tempat = "", bab
                elif gaya in ("Heading2", "Heading3"):
                    sub = _ringkas(teks, 60)
                    tempat = _di(bab, sub)
                elif gaya == "Caption":
                    tempat = _di(bab, _label(teks))
                elif el.find(f".//{qn('w:drawing')}") is not None and (
                        _label_caption(sebelum) or _label_caption(sesudah)):
                    # a chart, named by its caption (lkj's stands above it, Word's below)
                    tempat = _di(bab, _label_caption(sebelum) or _label_caption(sesudah))
                else:
                    tempat = _di(bab, sub) + f' ("{_ringkas(teks, 40)}")'
            self.tempat[id(el)] = tempat

    def __call__(self, el) -> str:
        return self.tempat.get(id(el), "")


def _di(*bagian: str) -> str:
    return ", ".join(b for b in bagian if b)


def _label_caption(el) -> str:
    """`Tabel 3.1` when `el` is a caption paragraph, else ""."""
    if el is None or el.tag != qn("w:p") or tanda._gaya(el) != "Caption":
        return ""
    return _label(teks_paragraf(el))


def _label(caption: str) -> str:
    """`Tabel 3.1` from a caption's text."""
    kata = caption.split()
    return " ".join(kata[:2]) if len(kata) >= 2 else caption


# --- the merge -----------------------------------------------------------------------------


class Penggabung:
    def __init__(self, lama, baru, daftar_lama: set[str]) -> None:
        self.lama, self.baru = lama, baru
        self.daftar_lama = daftar_lama
        self.impor = Pengimpor(lama, baru)
        self.tempat = Tempat(baru.element.body)
        self.hasil = HasilGabung()
        self.tanda_baru = tanda.sidik_di(baru.element.body)
        self._tabel = ""  # the place of the table whose rows are being merged
        _geser_bookmark(lama.element.body, baru.element.body)

    # which mark a block, table or row carries
    @staticmethod
    def _id(el, jenis: str, semua: dict) -> str:
        p = el if el.tag == qn("w:p") else tanda.paragraf_pertama(el)
        if p is None:
            return ""
        for b in p.findall(qn("w:bookmarkStart")):
            m = tanda.POLA.match(b.get(qn("w:name"), ""))
            if m and m.group(1) == jenis and m.group(2) in semua:
                return m.group(2)
        return ""

    def _tempat(self, el) -> str:
        """The place of a block, or of a row: its table's place and the row's first cell."""
        if el.tag != qn("w:tr"):
            return self.tempat(el)
        pertama = tanda.paragraf_pertama(el)
        label = _ringkas(teks_paragraf(pertama), 30) if pertama is not None else ""
        return f"{self._tabel}, baris {label}" if label else self._tabel

    def _utuh(self, tanda_lama: tuple, el) -> bool:
        return tanda.sidik(tanda.isi(el, self.lama.part)) == tanda_lama[2]

    def gabung(self) -> HasilGabung:
        body_lama, body_baru = self.lama.element.body, self.baru.element.body
        self.tanda_lama = tanda.sidik_di(body_lama)
        if not self.tanda_lama:
            raise BukanLaporanLkj("tanda")
        daftar.buang_bookmark_toc(body_lama)
        daftar_lama = daftar.wilayah_daftar(body_lama)
        daftar_baru = daftar.wilayah_daftar(body_baru)
        self._urutan(body_lama, list(tanda.blok(body_lama)), list(tanda.blok(body_baru)),
                     jenis=lambda el: "B" if el.tag == qn("w:p") else "T")
        for instr, (awal, akhir) in daftar_baru.items():
            daftar.ganti_daftar(daftar_lama.get(instr), awal, akhir, self.impor)
        for instr, wilayah in daftar_lama.items():  # a list the new report no longer has
            if instr not in daftar_baru:
                daftar.ganti_daftar(wilayah, None, None, self.impor)
        nomori_caption(body_lama)
        for label in ("Tabel", "Grafik"):
            daftar.daftar_caption(body_lama, label)
        tanda.nomori_bookmark(body_lama)
        for n, doc_pr in enumerate(body_lama.iter(
                "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"),
                start=1):
            doc_pr.set("id", str(n))
        _buang_rel_yatim(self.lama.part)
        ada = {m[1] for m in tanda.sidik_di(body_lama).values() if m[0] != "N"}
        tetap_dihapus = {i for i in self._semua_baru if i[:tanda.PANJANG_DAFTAR] in self.daftar_lama}
        self.hasil.daftar = sorted(ada | tetap_dihapus)
        return self.hasil

    @property
    def _semua_baru(self) -> set[str]:
        return {m[1] for m in self.tanda_baru.values() if m[0] != "N"}

    def _urutan(self, induk, anak_lama: list, anak_baru: list, jenis) -> None:
        """Merge one sequence: the body's blocks, or one table's rows."""
        lama_per_id: dict[str, object] = {}
        for el in anak_lama:
            if daftar.daftar_isi_p(el):  # contents lists are renewed whole (daftar.ganti_daftar)
                continue
            i = self._id(el, jenis(el), self.tanda_lama)
            if i and i not in lama_per_id:
                lama_per_id[i] = el
        id_baru = [self._id(el, jenis(el), self.tanda_baru) for el in anak_baru]
        sisa = set(id_baru)
        for i, el in lama_per_id.items():
            if i in sisa:
                continue
            if self._utuh(self.tanda_lama[i], el):
                daftar.buang(el)
            else:
                self.hasil.tak_ditulis_lagi.append(Catatan(_ringkas(_isi_ringkas(el))))
        sebelumnya = None
        for n, (el_baru, i) in enumerate(zip(anak_baru, id_baru, strict=True)):
            if daftar.daftar_isi_p(el_baru):
                continue
            if i and i in lama_per_id:
                el_lama = lama_per_id[i]
                self.impor.pasangkan_nomor(el_lama, el_baru)
                if self._utuh(self.tanda_lama[i], el_lama):
                    if tanda.isi(el_lama, self.lama.part) != tanda.isi(el_baru, self.baru.part):
                        self.hasil.diperbarui += 1
                    el = self.impor(el_baru)
                    el_lama.addprevious(el)
                    daftar.buang(el_lama)
                else:
                    el = el_lama
                    self._sunting(el_lama, el_baru)
                    daftar.bawa_bookmark_toc(el_baru, el_lama)
                sebelumnya = el
                continue
            if i and i[:tanda.PANJANG_DAFTAR] in self.daftar_lama:
                if _kosong(el_baru):  # an empty paragraph gone is not worth a line
                    continue
                self.hasil.dihapus.append(Catatan(self._tempat(el_baru), _isi_ringkas(el_baru)))
                continue
            el = self.impor(el_baru)
            tempat = self._letak(induk, sebelumnya, id_baru[n + 1:], lama_per_id)
            if tempat is None:
                self.hasil.tak_ditempatkan.append(Catatan(self._tempat(el_baru),
                                                          _isi_ringkas(el_baru)))
                continue
            cara, jangkar = tempat
            (jangkar.addnext if cara == "setelah" else jangkar.addprevious)(el)
            if i:
                self.hasil.ditambahkan.append(Catatan(self._tempat(el_baru), _isi_ringkas(el_baru)))
            sebelumnya = el

    def _letak(self, induk, sebelumnya, id_berikut: list, lama_per_id):
        """Where a new part goes: after the part before it and the person's own blocks that
        follow that part; else before the next part that is still in the report."""
        if sebelumnya is not None:
            jangkar = sebelumnya
            nxt = jangkar.getnext()
            while nxt is not None and nxt.tag in (qn("w:p"), qn("w:tbl"), qn("w:tr")) \
                    and not self._bertanda(nxt):
                jangkar = nxt
                nxt = jangkar.getnext()
            return "setelah", jangkar
        for i in id_berikut:
            if i in lama_per_id and lama_per_id[i].getparent() is induk:
                return "sebelum", lama_per_id[i]
        return None

    def _bertanda(self, el) -> bool:
        jenis = {"w:p": "B", "w:tbl": "T", "w:tr": "R"}
        kind = next((v for k, v in jenis.items() if el.tag == qn(k)), "")
        return bool(self._id(el, kind, self.tanda_lama))

    def _sunting(self, el_lama, el_baru) -> None:
        """An edited block: kept; an edited table merged row by row; untouched values renewed."""
        tempat = self._tempat(el_baru)
        if el_lama.tag == qn("w:tbl") and el_baru.tag == qn("w:tbl"):
            self._tabel = tempat
            self._urutan(el_lama, el_lama.findall(qn("w:tr")), el_baru.findall(qn("w:tr")),
                         jenis=lambda el: "R")
            self.hasil.disunting.append(Catatan(tempat))  # its edited figures are listed
            return
        self._nilai(el_lama, el_baru, tempat)
        if el_lama.tag != qn("w:tr"):
            self.hasil.disunting.append(Catatan(tempat, _isi_ringkas(el_baru)))

    def _nilai(self, el_lama, el_baru, tempat: str) -> None:
        """Values nobody touched inside an edited part get their new text."""
        lama = tanda.tanda_di(el_lama)
        for i, (jenis, _, _, start_b, end_b) in tanda.tanda_di(el_baru).items():
            if jenis != "N":
                continue
            teks_baru = tanda.isi_antara(start_b, end_b)
            if i not in lama:  # the figure's mark went with a person's retyping
                seluruh = el_baru.tag == qn("w:p") and teks_paragraf(el_baru) == \
                    " ".join(teks_baru.split())  # the block's own line already shows it
                if teks_baru.strip() and not seluruh and teks_baru not in teks_paragraf(el_lama):
                    self.hasil.angka_disunting.append(Catatan(tempat, _ringkas(teks_baru, 60)))
                continue
            _, _, sidik_lama, start_l, end_l = lama[i]
            if start_l.getparent() is not end_l.getparent():
                continue
            kini = tanda.isi_antara(start_l, end_l)
            if tanda.sidik(kini) != sidik_lama:
                p = start_l.getparent()
                seluruh = p.getparent().tag == qn("w:body") and \
                    teks_paragraf(p) == " ".join(kini.split())
                if kini != teks_baru and not seluruh:  # a whole edited paragraph is listed once
                    self.hasil.angka_disunting.append(Catatan(
                        f"{tempat}: \"{_ringkas(kini, 40)}\"", _ringkas(teks_baru, 60)))
                continue
            if kini == teks_baru:
                continue
            for el in _antara(start_l, end_l):
                daftar.buang(el)
            for el in _antara(start_b, end_b):
                end_l.addprevious(self.impor(el))
            start_l.set(qn("w:name"), start_b.get(qn("w:name")))

def _geser_bookmark(body_lama, body_baru) -> None:
    """The new rendering's bookmark ids above the report's, so none is shared while merging."""
    ids = [int(b.get(qn("w:id"), "0")) for b in body_lama.iter(qn("w:bookmarkStart"))
           if (b.get(qn("w:id")) or "").isdigit()]
    geser = max(ids, default=0) + 1
    for b in body_baru.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd")):
        if (b.get(qn("w:id")) or "").isdigit():
            b.set(qn("w:id"), str(int(b.get(qn("w:id"))) + geser))


def _kosong(el) -> bool:
    return el.tag == qn("w:p") and not teks_paragraf(el) and \
        el.find(f".//{qn('w:drawing')}") is None


def _antara(start, end) -> list:
    hasil = []
    el = start.getnext()
    while el is not None and el is not end:
        hasil.append(el)
        el = el.getnext()
    return hasil


def _isi_ringkas(el) -> str:
    if el.tag == qn("w:tbl"):
        baris = el.findall(qn("w:tr"))
        return f"tabel {len(baris)} baris: " + _ringkas(
            " | ".join(teks_paragraf(p) for p in baris[-1].iter(qn("w:p"))) if baris else "", 80)
    if el.tag == qn("w:tr"):
        return _ringkas(" | ".join(teks_paragraf(p) for p in el.iter(qn("w:p"))))
    nama = [tanda.nama_grafik(d) for d in el.iter(qn("w:drawing"))]
    if any(nama):
        return "grafik " + ", ".join(filter(None, nama))
    return _ringkas(teks_paragraf(el))


def _buang_rel_yatim(part) -> None:
    """Drop the report's relationships to charts and pictures nothing shows any more.

    Every attribute value is read in one pass (searching the XML once per relationship took
    hours for 10.000 charts); a value holds no `<`, `>` or `"`, so text cannot hide one.
    """
    xml = etree.tostring(part.element).decode("utf-8")
    dipakai = {m[1] for m in _NILAI_ATRIBUT.finditer(xml)}
    for rid, rel in list(part.rels.items()):
        if rel.is_external or rel.reltype not in (RT.IMAGE, _RT_CHART):
            continue
        if rid not in dipakai:
            part.rels.pop(rid)
