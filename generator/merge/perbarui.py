"""New figures into a report finished by hand: merge a fresh rendering into the edited report.

The edited report (`lama`) is the base: everything a person added stays where it is. Each part
lkj marked (generator.marks.tanda) is looked up in the fresh rendering (`baru`) by its id, which
follows the workbook's content (generator.marks.kunci), not positions:

- untouched (its fingerprint still matches): renewed. Where the new rendering differs from it
  only in its figures, only their text changes (generator.merge.nilai), so a person's formatting,
  hyperlinks, bookmarks, section and page breaks stay; otherwise it is replaced, carrying its
  paragraph properties and its figures' formatting, or kept and listed when it holds something
  of the person's a replacement could not carry;
- edited: kept as the person left it; the values inside it that nobody touched still get their
  new figures (an edited table row by row, an edited row value by value), and it is listed with
  what lkj would now write;
- deleted (its id is in the report's list of parts but its mark is gone): stays deleted, listed;
- new (an indicator or sasaran the workbook adds): placed after the part it follows in the new
  rendering (and after the person's own paragraphs that follow that part), or listed;
- no longer written (an indicator the workbook dropped or renamed): removed when untouched,
  else kept and listed with its place.

Parts then stand in the new rendering's order (generator.merge.urutan). Before all this, styles an
editor renamed get lkj's ids back (generator.merge.pulih). Contents lists are the new rendering's,
captions renumbered, bookmarks and drawing ids made unique, `w:updateFields` set.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from generator.merge import daftar, nilai, pulih, skema
from generator.marks import tanda
from generator.errors import LkjError
from generator.merge.impor import Pengimpor
from generator.writing.selesai import nomori_caption, teks_paragraf
from generator.merge.tempat import Tempat, isi_ringkas, kosong, ringkas
from generator.merge.urutan import ikuti_urutan

_RT_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
_P, _TBL, _TR = qn("w:p"), qn("w:tbl"), qn("w:tr")
_NAME = qn("w:name")
_NILAI_ATRIBUT = re.compile(r'="([^"<>]*)"')


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
    diperbaiki: list[str] = field(default_factory=list)  # what an editor had rewritten, put back


class BukanLaporanLkj(LkjError):
    """The .docx has no lkj marks: not made by lkj, or every mark is gone."""


def _jenis(el) -> str:
    return {_P: "B", _TBL: "T", _TR: "R"}.get(el.tag, "")


class Penggabung:
    def __init__(self, lama, baru, daftar_lama: set[str]) -> None:
        self.lama, self.baru = lama, baru
        self.daftar_lama = daftar_lama
        self.hasil = HasilGabung()
        diganti = pulih.samakan_gaya(lama, baru)
        if diganti:
            self.hasil.diperbaiki.append(
                "gaya yang dinamai ulang oleh penyunting dipetakan kembali menurut namanya: "
                + ", ".join(diganti))
        self.impor = Pengimpor(lama, baru)
        self.tempat = Tempat(baru.element.body)
        self.tempat_lama = Tempat(lama.element.body)
        self.tanda_baru = tanda.sidik_di(baru.element.body)
        self._tabel = ""  # the place of the table whose rows are being merged
        self._tabel_utuh = False  # merging the rows of an untouched table
        self.sect_baru = {nilai.ciri_sect(s) for s in baru.element.body.iter(qn("w:sectPr"))}
        self.sect_sisa: dict[tuple, object] = {}  # lkj's section breaks whose paragraph went
        _geser_bookmark(lama.element.body, baru.element.body)

    # which mark a block, table or row carries
    @staticmethod
    def _id(el, semua: dict) -> str:
        p = el if el.tag == _P else tanda.paragraf_pertama(el)
        if p is None:
            return ""
        for b in p.iter(qn("w:bookmarkStart")):
            m = tanda.POLA.match(b.get(_NAME, ""))
            if m and m.group(1) == _jenis(el) and m.group(2) in semua:
                return m.group(2)
        return ""

    def _tempat(self, el, lama: bool = False) -> str:
        """The place of a block, or of a row: its table's place and the row's first cell."""
        if el.tag != _TR:
            return (self.tempat_lama if lama else self.tempat)(el)
        pertama = tanda.paragraf_pertama(el)
        label = ringkas(teks_paragraf(pertama), 30) if pertama is not None else ""
        return f"{self._tabel}, baris {label}" if label else self._tabel

    def _utuh(self, el, i: str) -> bool:
        return tanda.sidik(tanda.isi(el, self.lama.part)) == self.tanda_lama[i][2]

    def gabung(self) -> HasilGabung:
        body_lama, body_baru = self.lama.element.body, self.baru.element.body
        self.tanda_lama = tanda.sidik_di(body_lama)
        if not self.tanda_lama:
            raise BukanLaporanLkj("tanda")
        skema.rapikan(body_lama)
        pulih.angkat_tanda(body_lama)
        daftar.sisihkan_bookmark_toc(body_lama)
        daftar_lama = daftar.wilayah_daftar(body_lama)
        self._urutan(body_lama, list(tanda.blok(body_lama)), list(tanda.blok(body_baru)))
        self._daftar(daftar_lama, daftar.wilayah_daftar(body_baru))
        nomori_caption(body_lama)
        for label in ("Tabel", "Grafik"):
            daftar.daftar_caption(body_lama, label)
        daftar.buang_bookmark_toc_sisa(body_lama)
        tanda.nomori_bookmark(body_lama)
        for n, doc_pr in enumerate(body_lama.iter(qn("wp:docPr")), start=1):
            doc_pr.set("id", str(n))
        _buang_rel_yatim(self.lama.part)
        # only a document with contents lists asks Word to update fields (not the PK)
        if daftar_lama and pulih.pasang_update_fields(self.lama):
            self.hasil.diperbaiki.append("Word diminta lagi memperbarui daftar isi, daftar tabel, "
                                         "dan daftar grafik saat laporan dibuka (updateFields)")
        ada = {m[1] for m in tanda.sidik_di(body_lama).values() if m[0] != "N"}
        semua_baru = {m[1] for m in self.tanda_baru.values() if m[0] != "N"}
        tetap_dihapus = {i for i in semua_baru if i[:tanda.PANJANG_DAFTAR] in self.daftar_lama}
        self.hasil.daftar = sorted(ada | tetap_dihapus)
        return self.hasil

    def _daftar(self, daftar_lama: dict, daftar_baru: dict) -> None:
        """The contents lists: the new rendering's, where the report's say something else."""
        for jenis, (awal, akhir, _) in daftar_baru.items():
            lama = daftar_lama.get(jenis)
            if daftar.ganti_daftar(lama, awal, akhir, self.impor) and lama and not lama[2]:
                nama = {"isi": "Daftar Isi", "Tabel": "Daftar Tabel", "Grafik": "Daftar Grafik"}
                self.hasil.diperbaiki.append(
                    f"{nama.get(jenis, jenis)} dibangun kembali sebagai daftar yang dapat "
                    "diperbarui (penyuntingnya menjadikannya teks biasa)")
        for jenis, wilayah in daftar_lama.items():  # a list the new report no longer has
            if jenis not in daftar_baru:
                daftar.ganti_daftar(wilayah, None, None, self.impor)

    def _urutan(self, induk, anak_lama: list, anak_baru: list, daftarkan: bool = True) -> None:
        """Merge one sequence: the body's blocks, or one table's rows (new rows of an untouched
        table are not listed, `daftarkan`)."""
        lama_per_id: dict[str, object] = {}
        for el in anak_lama:
            if daftar.daftar_isi_p(el):  # contents lists are renewed whole (daftar.ganti_daftar)
                continue
            i = self._id(el, self.tanda_lama)
            if i and i not in lama_per_id:
                lama_per_id[i] = el
        id_baru = [self._id(el, self.tanda_baru) for el in anak_baru]
        self._tidak_ditulis_lagi(lama_per_id, set(id_baru))
        urut: list = []
        sebelumnya = None
        for n, (el_baru, i) in enumerate(zip(anak_baru, id_baru, strict=True)):
            if daftar.daftar_isi_p(el_baru):
                continue
            if i and i in lama_per_id:
                el = self._cocok(lama_per_id[i], el_baru, i)
            elif i and i[:tanda.PANJANG_DAFTAR] in self.daftar_lama:
                if not kosong(el_baru):  # an empty paragraph gone is not worth a line
                    self.hasil.dihapus.append(Catatan(self._tempat(el_baru),
                                                      isi_ringkas(el_baru)))
                continue
            else:
                el = self._sisipkan(induk, el_baru, i, sebelumnya, id_baru[n + 1:], lama_per_id,
                                    daftarkan)
                if el is None:
                    continue
            sebelumnya = el
            urut.append(el)
        ikuti_urutan(urut, lambda el: el.tag in (_P, _TBL, _TR) and not self._bertanda(el)
                     and not daftar.daftar_isi_p(el))

    def _tidak_ditulis_lagi(self, lama_per_id: dict, ids_baru: set) -> None:
        """Parts the new rendering no longer has: gone when untouched, else kept and listed
        with their place (their indicator is no longer in the workbook, or has a new name)."""
        for i, el in lama_per_id.items():
            if i in ids_baru:
                continue
            if self._utuh(el, i):
                nilai.selamatkan_pemisah(el)
                daftar.buang(el, sect_lkj=self._sect_lkj)
            else:
                tempat = self._tempat(el, lama=True)
                isi = isi_ringkas(el)
                self.hasil.tak_ditulis_lagi.append(Catatan(f"{tempat}: {isi}" if tempat else isi))

    def _sisipkan(self, induk, el_baru, i, sebelumnya, id_berikut, lama_per_id, daftarkan):
        el = self.impor(el_baru)
        letak = self._letak(induk, sebelumnya, id_berikut, lama_per_id)
        if letak is None:
            self.hasil.tak_ditempatkan.append(Catatan(self._tempat(el_baru),
                                                      isi_ringkas(el_baru)))
            return None
        cara, jangkar = letak
        (jangkar.addnext if cara == "setelah" else jangkar.addprevious)(el)
        tempat = self._tempat(el_baru)
        ada = self.hasil.ditambahkan
        if i and daftarkan and not (ada and ada[-1].tempat == tempat):  # a chart and its caption
            ada.append(Catatan(tempat, isi_ringkas(el_baru)))
        return el

    def _cocok(self, el_lama, el_baru, i: str):
        """A part in both: renewed when untouched, kept (its untouched values renewed) when
        edited. Returns the element that now stands for it."""
        self.impor.pasangkan_nomor(el_lama, el_baru)
        if self._utuh(el_lama, i):
            return self._baharui(el_lama, el_baru)
        self._sunting(el_lama, el_baru)
        daftar.bawa_bookmark_toc(el_baru, el_lama)
        return el_lama

    def _baharui(self, el_lama, el_baru):
        """An untouched part: left as it is when lkj would write the same, renewed in place
        when only figures differ, else replaced (or kept, when it holds the person's
        additions a replacement cannot carry)."""
        sama_isi = tanda.isi(el_lama, self.lama.part) == tanda.isi(el_baru, self.baru.part)
        sama_gambar = nilai.gambar_sama(el_lama, self.lama.part, el_baru, self.baru.part)
        if sama_isi and sama_gambar:
            return self._tetap(el_lama, el_baru)
        # a chart another program rewrote comes back as lkj's, but is no new figure; rows
        # renewed inside an untouched table count with their table
        self.hasil.diperbarui += not sama_isi and not self._tabel_utuh
        if el_lama.tag == _TBL and _kisi(el_lama) == _kisi(el_baru):
            self._tabel, self._tabel_utuh = self._tempat(el_baru), True
            try:
                self._urutan(el_lama, el_lama.findall(_TR), el_baru.findall(_TR),
                             daftarkan=False)
            finally:
                self._tabel_utuh = False
            nilai.ganti_nama_tanda(el_lama, el_baru)
            return el_lama
        if sama_gambar and nilai.baharui_di_tempat(el_lama, el_baru, self.lama.part,
                                                   self.baru.part):
            nilai.ganti_nama_tanda(el_lama, el_baru)
            return self._tetap(el_lama, el_baru)
        tambahan = nilai.tambahan_orang(el_lama)
        if tambahan:
            self._sunting(el_lama, el_baru, "memuat " + ", ".join(tambahan) + " Anda")
            daftar.bawa_bookmark_toc(el_baru, el_lama)
            return el_lama
        el = self.impor(el_baru)
        nilai.bawa_format(el_lama, el)
        nilai.bawa_ppr(el_lama, el)
        nilai.bawa_pemisah(el_lama, el)
        el_lama.addprevious(el)
        daftar.buang(el_lama, el)
        return el

    def _tetap(self, el_lama, el_baru):
        """A part that stays where it is: it takes the new rendering's heading bookmark, and a
        section break lkj now writes there (the report's own, from the part that held it, so
        its footers stay the report's)."""
        daftar.bawa_bookmark_toc(el_baru, el_lama)
        sect = el_baru.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if el_baru.tag == _P else None
        if sect is not None and el_lama.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None:
            lama = self.sect_sisa.pop(nilai.ciri_sect(sect), None)
            nilai.pindahkan_sectpr(lama if lama is not None else self.impor(sect), el_lama)
        return el_lama

    def _sect_lkj(self, sect) -> bool:
        """A section break lkj's new rendering has too (same page size and numbering): when
        the part holding it goes, it goes (kept aside for the part that takes it); any other
        (a person's landscape page) stays."""
        ciri = nilai.ciri_sect(sect)
        if ciri not in self.sect_baru:
            return False
        self.sect_sisa.setdefault(ciri, deepcopy(sect))
        return True

    def _letak(self, induk, sebelumnya, id_berikut: list, lama_per_id):
        """Where a new part goes: after the part before it and the person's own blocks that
        follow that part; else before the next part that is still in the report."""
        if sebelumnya is not None:
            jangkar = sebelumnya
            nxt = jangkar.getnext()
            while nxt is not None and nxt.tag in (_P, _TBL, _TR) and not self._bertanda(nxt):
                jangkar = nxt
                nxt = jangkar.getnext()
            return "setelah", jangkar
        for i in id_berikut:
            if i in lama_per_id and lama_per_id[i].getparent() is induk:
                return "sebelum", lama_per_id[i]
        return None

    def _bertanda(self, el) -> bool:
        return bool(self._id(el, self.tanda_lama) or self._id(el, self.tanda_baru))

    def _sunting(self, el_lama, el_baru, sebab: str = "") -> None:
        """An edited block: kept; an edited table merged row by row; untouched values renewed."""
        tempat = self._tempat(el_baru)
        if el_lama.tag == _TBL and el_baru.tag == _TBL:
            self._tabel = tempat
            self._urutan(el_lama, el_lama.findall(_TR), el_baru.findall(_TR))
            self.hasil.disunting.append(Catatan(tempat))  # its edited figures are listed
            return
        self._nilai(el_lama, el_baru, tempat)
        if el_lama.tag != _TR or sebab:
            tempat = f"{tempat} ({sebab})" if sebab else tempat
            self.hasil.disunting.append(Catatan(tempat, isi_ringkas(el_baru)))

    def _nilai(self, el_lama, el_baru, tempat: str) -> None:
        """Values nobody touched inside an edited part get their new text, in their own runs."""
        lama = tanda.tanda_di(el_lama)
        for i, (jenis, _, _, start_b, end_b) in tanda.tanda_di(el_baru).items():
            if jenis != "N":
                continue
            teks_baru = tanda.isi_antara(start_b, end_b)
            if i not in lama:  # the figure's mark went with a person's retyping
                seluruh = el_baru.tag == _P and teks_paragraf(el_baru) == \
                    " ".join(teks_baru.split())  # the block's own line already shows it
                if teks_baru.strip() and not seluruh and teks_baru not in teks_paragraf(el_lama):
                    self.hasil.angka_disunting.append(Catatan(tempat, ringkas(teks_baru, 60)))
                continue
            _, _, sidik_lama, start_l, end_l = lama[i]
            if start_l.getparent() is not end_l.getparent():
                continue
            kini = tanda.isi_antara(start_l, end_l)
            if tanda.sidik(kini) != sidik_lama or nilai.sel_disunting(start_l, end_l, start_b, end_b):
                self._angka_disunting(start_l, kini, teks_baru, tempat)
                continue
            if kini != teks_baru:
                self._ganti_nilai(start_l, end_l, start_b, end_b)
            start_l.set(_NAME, start_b.get(_NAME))

    def _angka_disunting(self, start_l, kini: str, teks_baru: str, tempat: str) -> None:
        """List a figure a person typed over, quoting what its cell (or it) now reads."""
        p = start_l.getparent()
        seluruh = p.getparent().tag == qn("w:body") and teks_paragraf(p) == " ".join(kini.split())
        dibaca = nilai.teks_sel(start_l) or kini
        if dibaca != teks_baru and not seluruh:  # a whole edited paragraph is listed once
            self.hasil.angka_disunting.append(Catatan(
                f"{tempat}: \"{ringkas(dibaca, 40)}\"", ringkas(teks_baru, 60)))

    def _ganti_nilai(self, start_l, end_l, start_b, end_b) -> None:
        """Only the text changes where the value is plain text; else its runs are replaced,
        keeping the run formatting the old ones had."""
        teks = nilai.teks_polos(start_b, end_b)
        if teks is not None and nilai.ganti_teks(start_l, end_l, teks) is not None:
            return
        lama = nilai.antara(start_l, end_l)
        rpr = next((r.find(qn("w:rPr")) for r in lama if r.tag == qn("w:r")), None)
        for el in lama:
            daftar.buang(el)
        for el in nilai.antara(start_b, end_b):
            salinan = self.impor(el)
            if rpr is not None and salinan.tag == qn("w:r"):
                ada = salinan.find(qn("w:rPr"))
                if ada is not None:
                    salinan.remove(ada)
                salinan.insert(0, deepcopy(rpr))
            end_l.addprevious(salinan)


def _kisi(tbl) -> int:
    """The number of grid columns of a table (a table renewed row by row keeps its grid)."""
    grid = tbl.find(qn("w:tblGrid"))
    return len(grid.findall(qn("w:gridCol"))) if grid is not None else -1


def _geser_bookmark(body_lama, body_baru) -> None:
    """The new rendering's bookmark ids above the report's, so none is shared while merging."""
    ids = [int(b.get(qn("w:id"), "0")) for b in body_lama.iter(qn("w:bookmarkStart"))
           if (b.get(qn("w:id")) or "").isdigit()]
    geser = max(ids, default=0) + 1
    for b in body_baru.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd")):
        if (b.get(qn("w:id")) or "").isdigit():
            b.set(qn("w:id"), str(int(b.get(qn("w:id"))) + geser))


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
