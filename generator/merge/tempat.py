"""Places in a report as a person finds them, for what `lkj perbarui` lists: "Bab III, Tabel 3.1",
"Bab III, Grafik 3.6", "Kata Pengantar ("Puji syukur…")"."""

from __future__ import annotations

from docx.oxml.ns import qn

from generator import kontrak as k
from generator.marks import tanda
from generator.format import romawi
from generator.writing.selesai import teks_paragraf
from generator.marks.sidik import nama_grafik


def ringkas(teks: str, n: int = 90) -> str:
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
        self._bab, self._sub, self._n_bab = "", "", 0
        for i, el in enumerate(blok):
            sebelum = blok[i - 1] if i else None
            sesudah = blok[i + 1] if i + 1 < len(blok) else None
            if el.tag == qn("w:tbl"):  # a table is named by the caption above it
                tempat = _di(self._bab, _label_caption(sebelum) or self._sub or "tabel")
            else:
                tempat = self._paragraf(el, sebelum, sesudah)
            self.tempat[id(el)] = tempat

    def _paragraf(self, el, sebelum, sesudah) -> str:
        """The place of a paragraph; a heading sets the chapter or section that follow."""
        gaya, teks = tanda.gaya(el), teks_paragraf(el)
        if gaya == k.JUDUL_1:
            if el.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
                self._n_bab += 1
                self._bab = f"Bab {romawi(self._n_bab)}"
            else:  # Kata Pengantar, Ikhtisar Eksekutif, Lampiran
                self._bab = teks.title()
            self._sub = ""
            return self._bab
        if gaya in (k.JUDUL_2, k.JUDUL_3):
            self._sub = ringkas(teks, 60)
            return _di(self._bab, self._sub)
        if gaya == k.CAPTION:
            return _di(self._bab, _label(teks))
        if el.find(f".//{qn('w:drawing')}") is not None and (
                _label_caption(sebelum) or _label_caption(sesudah)):
            # a chart, named by its caption (lkj's stands above it, Word's below)
            return _di(self._bab, _label_caption(sebelum) or _label_caption(sesudah))
        return _di(self._bab, self._sub) + f' ("{ringkas(teks, 40)}")'

    def __call__(self, el) -> str:
        return self.tempat.get(id(el), "")


def _di(*bagian: str) -> str:
    return ", ".join(b for b in bagian if b)


def _label_caption(el) -> str:
    """`Tabel 3.1` when `el` is a caption paragraph, else ""."""
    if el is None or el.tag != qn("w:p") or tanda.gaya(el) != k.CAPTION:
        return ""
    return _label(teks_paragraf(el))


def _label(caption: str) -> str:
    """`Tabel 3.1` from a caption's text."""
    kata = caption.split()
    return " ".join(kata[:2]) if len(kata) >= 2 else caption


def kosong(el) -> bool:
    """An empty paragraph (no text, no picture): not worth a line when it goes."""
    return el.tag == qn("w:p") and not teks_paragraf(el) and \
        el.find(f".//{qn('w:drawing')}") is None


def isi_ringkas(el) -> str:
    """What a listed part holds, in short: a table's size and last row, a row's cells, a
    chart's name, a paragraph's words."""
    if el.tag == qn("w:tbl"):
        baris = el.findall(qn("w:tr"))
        return f"tabel {len(baris)} baris: " + ringkas(
            " | ".join(teks_paragraf(p) for p in baris[-1].iter(qn("w:p"))) if baris else "", 80)
    if el.tag == qn("w:tr"):
        return ringkas(" | ".join(teks_paragraf(p) for p in el.iter(qn("w:p"))))
    nama = [nama_grafik(d) for d in el.iter(qn("w:drawing"))]
    if any(nama):
        return "grafik " + ", ".join(filter(None, nama))
    return ringkas(teks_paragraf(el))
