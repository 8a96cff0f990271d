"""Values inside a part a person edited (generator.merge.perbarui): renewed where nobody touched
them, listed where a person typed over them; and the findings of a merge the person reads."""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field

from docx.oxml.ns import qn

from generator.marks import bookmark, tanda
from generator.merge import daftar
from generator.merge import nilai as _nilai
from generator.writing.selesai import teks_paragraf
from generator.marks.sidik import isi_antara, sidik
from generator.merge.tempat import ringkas

_P, _R, _RPR = qn("w:p"), qn("w:r"), qn("w:rPr")


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


class Suntingan:
    """Renews the untouched values of edited parts, copying new runs with `impor` and listing
    a figure a person typed over in `hasil`."""

    def __init__(self, impor, hasil: HasilGabung) -> None:
        self.impor, self.hasil = impor, hasil

    def nilai(self, el_lama, el_baru, tempat: str) -> None:
        """Values nobody touched inside an edited part get their new text, in their own runs."""
        lama = tanda.tanda_di(el_lama)
        for i, baru in tanda.tanda_di(el_baru).items():
            if baru.jenis != "N":
                continue
            teks_baru = isi_antara(baru.start, baru.end)
            if i not in lama:  # the figure's mark went with a person's retyping
                self._hilang(el_lama, el_baru, teks_baru, tempat)
            elif lama[i].start.getparent() is lama[i].end.getparent():
                self._satu(lama[i], baru, teks_baru, tempat)

    def _hilang(self, el_lama, el_baru, teks_baru: str, tempat: str) -> None:
        """A value whose mark a person's retyping took: listed, unless the part shows it."""
        seluruh = el_baru.tag == _P and teks_paragraf(el_baru) == \
            " ".join(teks_baru.split())  # the block's own line already shows it
        if teks_baru.strip() and not seluruh and teks_baru not in teks_paragraf(el_lama):
            self.hasil.angka_disunting.append(Catatan(tempat, ringkas(teks_baru, 60)))

    def _satu(self, lama: tanda.Tanda, baru: tanda.Tanda, teks_baru: str,
                    tempat: str) -> None:
        """One value in both: renewed and renamed when untouched, else listed."""
        kini = isi_antara(lama.start, lama.end)
        if sidik(kini) != lama.sidik or _nilai.sel_disunting(lama.start, lama.end, baru.start,
                                                             baru.end):
            self._angka_disunting(lama.start, kini, teks_baru, tempat)
            return
        if kini != teks_baru:
            self._ganti(lama.start, lama.end, baru.start, baru.end)
        lama.start.set(bookmark.NAME, baru.start.get(bookmark.NAME))

    def _angka_disunting(self, start_l, kini: str, teks_baru: str, tempat: str) -> None:
        """List a figure a person typed over, quoting what its cell (or it) now reads."""
        p = start_l.getparent()
        seluruh = p.getparent().tag == qn("w:body") and teks_paragraf(p) == " ".join(kini.split())
        dibaca = _nilai.teks_sel(start_l) or kini
        if dibaca != teks_baru and not seluruh:  # a whole edited paragraph is listed once
            self.hasil.angka_disunting.append(Catatan(
                f"{tempat}: \"{ringkas(dibaca, 40)}\"", ringkas(teks_baru, 60)))

    def _ganti(self, start_l, end_l, start_b, end_b) -> None:
        """Only the text changes where the value is plain text; else its runs are replaced,
        keeping the run formatting the old ones had."""
        teks = _nilai.teks_polos(start_b, end_b)
        if teks is not None and _nilai.ganti_teks(start_l, end_l, teks) is not None:
            return
        lama = _nilai.antara(start_l, end_l)
        rpr = next((r.find(_RPR) for r in lama if r.tag == _R), None)
        for el in lama:
            daftar.buang(el)
        for el in _nilai.antara(start_b, end_b):
            salinan = self.impor(el)
            if rpr is not None and salinan.tag == _R:
                ada = salinan.find(_RPR)
                if ada is not None:
                    salinan.remove(ada)
                salinan.insert(0, deepcopy(rpr))
            end_l.addprevious(salinan)
