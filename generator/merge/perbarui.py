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

`Penggabung.gabung` reads as these steps in order (as docxcompose's `Composer.insert` does);
`_urutan` merges one sequence (the body's blocks, a table's rows) in four: match, drop what is
no longer written, place each part, order. What follows an imported part (relationships, list
numbering, styles) is generator.merge.impor's.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass

from docx.oxml.ns import qn

from generator.marks import bookmark, tanda
from generator.merge import daftar, nilai, pulih, skema
from generator import kontrak as k
from generator.errors import LkjError
from generator.merge.impor import Pengimpor, buang_rel_yatim
from generator.writing.selesai import nomori_caption, nomori_gambar, teks_paragraf
from generator.marks.sidik import isi, sidik
from generator.merge.sunting import Catatan, HasilGabung, Suntingan
from generator.merge.tempat import Tempat, isi_ringkas, kosong, ringkas
from generator.merge.urutan import ikuti_urutan

_P, _TBL, _TR = qn("w:p"), qn("w:tbl"), qn("w:tr")
_SECTPR = f"{qn('w:pPr')}/{qn('w:sectPr')}"
_NAMA_DAFTAR = {"isi": "Daftar Isi", k.LABEL_TABEL: "Daftar Tabel", k.LABEL_GRAFIK: "Daftar Grafik"}


class BukanLaporanLkj(LkjError):
    """The .docx has no lkj marks: not made by lkj, or every mark is gone."""


@dataclass
class _Deret:
    """One sequence being merged: its parent in the report, the report's marked parts in it by
    id, and whether new parts are listed (not the new rows of an untouched table)."""

    induk: object
    lama_per_id: dict
    daftarkan: bool


def _jenis(el) -> str:
    return {_P: "B", _TBL: "T", _TR: "R"}.get(el.tag, "")


class Penggabung:
    def __init__(self, lama, baru, daftar_lama: set[str]) -> None:
        self.lama, self.baru = lama, baru
        self.daftar_lama = daftar_lama
        self.hasil = HasilGabung()
        self._gaya()
        self.impor = Pengimpor(lama, baru)
        self.suntingan = Suntingan(self.impor, self.hasil)
        self.tempat = Tempat(baru.element.body)
        self.tempat_lama = Tempat(lama.element.body)
        self.tanda_baru = tanda.sidik_di(baru.element.body)
        self.tanda_lama: dict[str, tanda.Tanda] = {}
        self._tabel = ""  # the place of the table whose rows are being merged
        self._tabel_utuh = False  # merging the rows of an untouched table
        self.sect_baru = {nilai.ciri_sect(s) for s in baru.element.body.iter(qn("w:sectPr"))}
        self.sect_sisa: dict[tuple, object] = {}  # lkj's section breaks whose paragraph went
        bookmark.geser_id(lama.element.body, baru.element.body)

    # --- the steps ---------------------------------------------------------------------------

    def gabung(self) -> HasilGabung:
        """Marks read, the report tidied, its parts merged, then contents lists, captions,
        bookmarks, pictures and fields, and the list of parts the report now holds."""
        body_lama, body_baru = self.lama.element.body, self.baru.element.body
        self.tanda_lama = tanda.sidik_di(body_lama)
        if not self.tanda_lama:
            raise BukanLaporanLkj("tanda")
        daftar_lama = self._siapkan(body_lama)
        self._urutan(body_lama, list(tanda.blok(body_lama)), list(tanda.blok(body_baru)))
        self._daftar(daftar_lama, daftar.wilayah_daftar(body_baru))
        self._caption(body_lama)
        self._bookmark(body_lama)
        self._gambar(body_lama)
        self._medan(bool(daftar_lama))
        self.hasil.daftar = self._daftar_bagian(body_lama)
        return self.hasil

    def _gaya(self) -> None:
        """Styles an editor renamed get lkj's ids back (before anything is imported)."""
        diganti = pulih.samakan_gaya(self.lama, self.baru)
        if diganti:
            self.hasil.diperbaiki.append(
                "gaya yang dinamai ulang oleh penyunting dipetakan kembali menurut namanya: "
                + ", ".join(diganti))

    @staticmethod
    def _siapkan(body) -> dict:
        """The report tidied for reading (empty wrappers, marks pushed into hyperlinks, heading
        bookmarks set aside); returns its contents lists."""
        skema.rapikan(body)
        pulih.angkat_tanda(body)
        daftar.sisihkan_bookmark_toc(body)
        return daftar.wilayah_daftar(body)

    def _daftar(self, daftar_lama: dict, daftar_baru: dict) -> None:
        """The contents lists: the new rendering's, where the report's say something else."""
        for jenis, (awal, akhir, _) in daftar_baru.items():
            lama = daftar_lama.get(jenis)
            if daftar.ganti_daftar(lama, awal, akhir, self.impor) and lama and not lama[2]:
                self.hasil.diperbaiki.append(
                    f"{_NAMA_DAFTAR.get(jenis, jenis)} dibangun kembali sebagai daftar yang dapat "
                    "diperbarui (penyuntingnya menjadikannya teks biasa)")
        for jenis, wilayah in daftar_lama.items():  # a list the new report no longer has
            if jenis not in daftar_baru:
                daftar.ganti_daftar(wilayah, None, None, self.impor)

    @staticmethod
    def _caption(body) -> None:
        """Captions numbered per chapter; Daftar Tabel and Daftar Grafik made from them."""
        nomori_caption(body)
        id_baru = bookmark.IdSementara.di_atas(body)
        for label in (k.LABEL_TABEL, k.LABEL_GRAFIK):
            daftar.daftar_caption(body, label, id_baru)

    @staticmethod
    def _bookmark(body) -> None:
        """Heading bookmarks no kept heading took removed; every bookmark one id and one end."""
        daftar.buang_bookmark_toc_sisa(body)
        bookmark.nomori_bookmark(body)

    def _gambar(self, body) -> None:
        """Drawing ids made unique; relationships to charts and pictures nothing shows dropped."""
        nomori_gambar(body)
        buang_rel_yatim(self.lama.part)

    def _medan(self, ada_daftar: bool) -> None:
        """Word asked to update the fields on opening, where the report has contents lists to
        update (the LKj and the quarterly report; not the PK)."""
        if ada_daftar and pulih.pasang_update_fields(self.lama):
            self.hasil.diperbaiki.append("Word diminta lagi memperbarui daftar isi, daftar tabel, "
                                         "dan daftar grafik saat laporan dibuka (updateFields)")

    def _daftar_bagian(self, body) -> list[str]:
        """The ids of the blocks and rows the report holds, and of those a person deleted."""
        ada = {m.id for m in tanda.sidik_di(body).values() if m.jenis != "N"}
        semua_baru = {m.id for m in self.tanda_baru.values() if m.jenis != "N"}
        tetap_dihapus = {i for i in semua_baru if tanda.dalam_daftar(i, self.daftar_lama)}
        return sorted(ada | tetap_dihapus)

    # --- one sequence: match, drop, place, order -----------------------------------------

    def _urutan(self, induk, anak_lama: list, anak_baru: list, daftarkan: bool = True) -> None:
        """Merge one sequence: the body's blocks, or one table's rows (new rows of an untouched
        table are not listed, `daftarkan`)."""
        deret = _Deret(induk, self._cocokkan(anak_lama), daftarkan)
        id_baru = [self._id(el, self.tanda_baru) for el in anak_baru]
        self._tidak_ditulis_lagi(deret.lama_per_id, set(id_baru))
        urut = self._tempatkan(deret, anak_baru, id_baru)
        ikuti_urutan(urut, self._milik_orang)

    def _cocokkan(self, anak_lama: list) -> dict:
        """The report's marked parts in a sequence by id, first of each (contents lists are
        renewed whole, daftar.ganti_daftar)."""
        lama_per_id: dict[str, object] = {}
        for el in anak_lama:
            if daftar.daftar_isi_p(el):
                continue
            i = self._id(el, self.tanda_lama)
            if i and i not in lama_per_id:
                lama_per_id[i] = el
        return lama_per_id

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
                teks = isi_ringkas(el)
                self.hasil.tak_ditulis_lagi.append(Catatan(f"{tempat}: {teks}" if tempat else teks))

    def _tempatkan(self, deret: _Deret, anak_baru: list, id_baru: list) -> list:
        """Each part of the new rendering in turn: renewed or kept where the report has it, left
        out where a person deleted it, placed where it is new. Returns the parts as they now
        stand, in the new rendering's order."""
        urut: list = []
        sebelumnya = None
        for n, (el_baru, i) in enumerate(zip(anak_baru, id_baru, strict=True)):
            if daftar.daftar_isi_p(el_baru):
                continue
            if i and i in deret.lama_per_id:
                el = self._cocok(deret.lama_per_id[i], el_baru, i)
            elif i and tanda.dalam_daftar(i, self.daftar_lama):
                el = self._dihapus(el_baru)
            else:
                el = self._sisipkan(deret, el_baru, i, sebelumnya, id_baru[n + 1:])
            if el is not None:
                sebelumnya = el
                urut.append(el)
        return urut

    def _milik_orang(self, el) -> bool:
        """A person's own block or row (it moves along with the part before it)."""
        return el.tag in (_P, _TBL, _TR) and not self._bertanda(el) \
            and not daftar.daftar_isi_p(el)

    # --- reading marks and places -------------------------------------------------------------

    @staticmethod
    def _id(el, semua: dict) -> str:
        """The id of the mark a block, table or row carries (one of `semua`), or ""."""
        p = el if el.tag == _P else tanda.paragraf_pertama(el)
        if p is None:
            return ""
        for b in p.iter(bookmark.BS):
            t = tanda.baca(b.get(bookmark.NAME, ""))
            if t and t.jenis == _jenis(el) and t.id in semua:
                return t.id
        return ""

    def _bertanda(self, el) -> bool:
        return bool(self._id(el, self.tanda_lama) or self._id(el, self.tanda_baru))

    def _utuh(self, el, i: str) -> bool:
        return sidik(isi(el, self.lama.part)) == self.tanda_lama[i].sidik

    def _tempat(self, el, lama: bool = False) -> str:
        """The place of a block, or of a row: its table's place and the row's first cell."""
        if el.tag != _TR:
            return (self.tempat_lama if lama else self.tempat)(el)
        pertama = tanda.paragraf_pertama(el)
        label = ringkas(teks_paragraf(pertama), 30) if pertama is not None else ""
        return f"{self._tabel}, baris {label}" if label else self._tabel

    # --- a part deleted, new, or in both --------------------------------------------------

    def _dihapus(self, el_baru) -> None:
        """A part a person deleted stays deleted, and is listed."""
        if not kosong(el_baru):  # an empty paragraph gone is not worth a line
            self.hasil.dihapus.append(Catatan(self._tempat(el_baru), isi_ringkas(el_baru)))

    def _sisipkan(self, deret: _Deret, el_baru, i: str, sebelumnya, id_berikut: list):
        """A new part placed (`_letak`) and listed; None when there is no place for it."""
        el = self.impor(el_baru)
        letak = self._letak(deret, sebelumnya, id_berikut)
        if letak is None:
            self.hasil.tak_ditempatkan.append(Catatan(self._tempat(el_baru),
                                                      isi_ringkas(el_baru)))
            return None
        cara, jangkar = letak
        (jangkar.addnext if cara == "setelah" else jangkar.addprevious)(el)
        tempat = self._tempat(el_baru)
        ada = self.hasil.ditambahkan
        if i and deret.daftarkan and not (ada and ada[-1].tempat == tempat):  # chart + caption
            ada.append(Catatan(tempat, isi_ringkas(el_baru)))
        return el

    def _letak(self, deret: _Deret, sebelumnya, id_berikut: list):
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
            el = deret.lama_per_id.get(i)
            if el is not None and el.getparent() is deret.induk:
                return "sebelum", el
        return None

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
        sama_isi = isi(el_lama, self.lama.part) == isi(el_baru, self.baru.part)
        sama_gambar = nilai.gambar_sama(el_lama, self.lama.part, el_baru, self.baru.part)
        if sama_isi and sama_gambar:
            return self._tetap(el_lama, el_baru)
        # a chart another program rewrote comes back as lkj's, but is no new figure; rows
        # renewed inside an untouched table count with their table
        self.hasil.diperbarui += not sama_isi and not self._tabel_utuh
        if el_lama.tag == _TBL and _kisi(el_lama) == _kisi(el_baru):
            return self._baharui_baris(el_lama, el_baru)
        if sama_gambar and nilai.baharui_di_tempat(el_lama, el_baru, self.lama.part,
                                                   self.baru.part):
            nilai.ganti_nama_tanda(el_lama, el_baru)
            return self._tetap(el_lama, el_baru)
        tambahan = nilai.tambahan_orang(el_lama)
        if tambahan:
            self._sunting(el_lama, el_baru, "memuat " + ", ".join(tambahan) + " Anda")
            daftar.bawa_bookmark_toc(el_baru, el_lama)
            return el_lama
        return self._ganti(el_lama, el_baru)

    def _baharui_baris(self, tbl_lama, tbl_baru):
        """An untouched table with the same grid, renewed row by row (its new rows unlisted)."""
        self._tabel, self._tabel_utuh = self._tempat(tbl_baru), True
        try:
            self._urutan(tbl_lama, tbl_lama.findall(_TR), tbl_baru.findall(_TR), daftarkan=False)
        finally:
            self._tabel_utuh = False
        nilai.ganti_nama_tanda(tbl_lama, tbl_baru)
        return tbl_lama

    def _ganti(self, el_lama, el_baru):
        """An untouched part replaced by the new rendering's, which takes its formatting."""
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
        sect = el_baru.find(_SECTPR) if el_baru.tag == _P else None
        if sect is not None and el_lama.find(_SECTPR) is None:
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

    # --- an edited part: kept, its untouched values renewed --------------------------------

    def _sunting(self, el_lama, el_baru, sebab: str = "") -> None:
        """An edited block: kept; an edited table merged row by row; untouched values renewed."""
        tempat = self._tempat(el_baru)
        if el_lama.tag == _TBL and el_baru.tag == _TBL:
            self._tabel = tempat
            self._urutan(el_lama, el_lama.findall(_TR), el_baru.findall(_TR))
            self.hasil.disunting.append(Catatan(tempat))  # its edited figures are listed
            return
        self.suntingan.nilai(el_lama, el_baru, tempat)
        if el_lama.tag != _TR or sebab:
            tempat = f"{tempat} ({sebab})" if sebab else tempat
            self.hasil.disunting.append(Catatan(tempat, isi_ringkas(el_baru)))


def _kisi(tbl) -> int:
    """The number of grid columns of a table (a table renewed row by row keeps its grid)."""
    grid = tbl.find(qn("w:tblGrid"))
    return len(grid.findall(qn("w:gridCol"))) if grid is not None else -1
