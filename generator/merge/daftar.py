"""Contents lists and captions of a merged report (generator.merge.perbarui).

The merged report's Daftar Isi is the fresh rendering's (`ganti_daftar`); Daftar Tabel and
Daftar Grafik are made again from its captions, a person's own included (`daftar_caption`),
after the captions are numbered per chapter (`selesai.nomori_caption`). A list is known by
what it lists (`\\o` headings, `\\c "Tabel"`, `\\c "Grafik"`), not by its field code's exact
words, which LibreOffice rewrites; a list an editor flattened into plain text (no field left)
is still found by its lines' styles or its content control, and made a field again. A list
whose lines already say what the new one would (page numbers aside) is left as it is, so a run
that changes nothing writes nothing.

lkj's heading bookmarks (`_Toc_lkj_N`) are set aside at the start (`sisihkan_bookmark_toc`),
taken over by the kept headings and captions (`bawa_bookmark_toc`) and the rest removed
(`buang_bookmark_toc_sisa`).
"""

from __future__ import annotations

import re
from copy import deepcopy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from generator.marks import bookmark, tanda
from generator import kontrak as k
from generator.merge.nilai import pindahkan_sectpr
from generator.writing.selesai import bookmark_paragraf, isi_daftar, label_seq, teks_paragraf

TOC = k.BOOKMARK_JUDUL
SISIH = TOC + "x"  # a heading bookmark set aside until the merge knows where it belongs
_LABEL = re.compile(r'\\c\s+"?(\w+)"?')
_SDT_DAFTAR = ("Table of Contents", "Table of Figures")
_NAME, _BS = bookmark.NAME, bookmark.BS


def jenis_medan(p) -> str | None:
    """What the TOC field that starts in paragraph `p` lists: "isi" (headings), or the caption
    label ("Tabel", "Grafik"); None when no TOC field starts there."""
    for instr in p.iter(qn("w:instrText")):
        teks = (instr.text or "").strip()
        if teks.startswith("TOC"):
            cocok = _LABEL.search(teks)
            return cocok.group(1) if cocok else "isi"
    for fld in p.iter(qn("w:fldSimple")):
        teks = fld.get(qn("w:instr"), "").strip()
        if teks.startswith("TOC"):
            cocok = _LABEL.search(teks)
            return cocok.group(1) if cocok else "isi"
    return None


def _dalam_sdt_daftar(p) -> bool:
    """A paragraph inside a contents content control (LibreOffice and Word wrap the Daftar Isi
    in one; LibreOffice may leave only plain text inside)."""
    for anc in p.iterancestors(qn("w:sdt")):
        galeri = anc.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}/{qn('w:docPartGallery')}")
        if galeri is not None and galeri.get(qn("w:val")) in _SDT_DAFTAR:
            return True
    return False


def _baris_daftar(p) -> bool:
    return p.tag == qn("w:p") and (tanda.daftar_isi(p) or _dalam_sdt_daftar(p))


def _jenis_teks(baris: list) -> str:
    """A list without its field, known by its lines: all "Tabel …", all "Grafik …", else isi."""
    teks = [teks_paragraf(p) for p in baris if teks_paragraf(p)]
    for label in (k.LABEL_TABEL, k.LABEL_GRAFIK):
        if teks and all(t.startswith(label + " ") for t in teks):
            return label
    return "isi"


def wilayah_daftar(body) -> dict[str, tuple]:
    """Each contents list: what it lists -> (first line, last line, has a field)."""
    hasil: dict[str, tuple] = {}
    blok = list(tanda.blok(body))
    n = 0
    while n < len(blok):
        p = blok[n]
        jenis = jenis_medan(p) if p.tag == qn("w:p") else None
        if jenis is None and not _baris_daftar(p):
            n += 1
            continue
        akhir = n
        while akhir + 1 < len(blok) and _baris_daftar(blok[akhir + 1]) and \
                jenis_medan(blok[akhir + 1]) is None:
            akhir += 1
        medan = jenis is not None
        hasil.setdefault(jenis or _jenis_teks(blok[n:akhir + 1]), (p, blok[akhir], medan))
        n = akhir + 1
    return hasil


def _baris(awal, akhir) -> list:
    """The lines of a list, first to last (they are siblings, in a body or a content control)."""
    hasil, el = [], awal
    while el is not None:
        hasil.append(el)
        if el is akhir:
            break
        el = el.getnext()
    return hasil


def _tanpa_nomor_halaman(p) -> bytes:
    """A line's XML with the page numbers its PAGEREF fields show taken out (written by
    `lkj buat --pdf`, or by Word when it updated the list), canonical."""
    salinan = deepcopy(p)
    tumpukan: list[bool] = []  # per open field: is it a PAGEREF whose result is being read
    hasil = False
    for el in list(salinan.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:t"))):
        if el.tag == qn("w:fldChar"):
            jenis = el.get(qn("w:fldCharType"))
            if jenis == "begin":
                tumpukan.append(False)
            elif jenis == "separate":
                hasil = bool(tumpukan and tumpukan[-1])
            elif jenis == "end" and tumpukan:
                tumpukan.pop()
                hasil = False
        elif el.tag == qn("w:instrText"):
            if tumpukan and (el.text or "").strip().startswith("PAGEREF"):
                tumpukan[-1] = True
        elif hasil:
            el.getparent().remove(el)
    return etree.tostring(salinan, method="c14n")


def sama(lama: list, baru: list) -> bool:
    return len(lama) == len(baru) and all(
        _tanpa_nomor_halaman(a) == _tanpa_nomor_halaman(b) for a, b in zip(lama, baru, strict=True))


def ganti_daftar(lama, awal, akhir, impor) -> bool:
    """The old list's lines (`lama` = (first, last, …)) replaced by copies (`impor`) of the new
    one's, from `awal` to `akhir`; with no new one, removed. Returns whether anything changed."""
    if lama is None:
        return False
    baris_lama = _baris(lama[0], lama[1])
    baris_baru = _baris(awal, akhir) if awal is not None else []
    if sama(baris_lama, baris_baru):
        return False
    ganti_baris(baris_lama, [impor(el) for el in baris_baru])
    return True


def ganti_baris(baris_lama: list, baris_baru: list) -> None:
    """Put `baris_baru` where `baris_lama` stand, the last new line taking a section break an
    old line carried."""
    for el in baris_baru:
        baris_lama[0].addprevious(el)
    for el in baris_lama:
        buang(el, baris_baru[-1] if baris_baru else None)


def daftar_isi_p(el) -> bool:
    return el.tag == qn("w:p") and tanda.daftar_isi(el)


def buang(el, pengganti=None, sect_lkj=None) -> None:
    """Take a replaced part out of the report. Emptied first: lxml detaches a large subtree
    (a 1.000-row table) in time that grows with the square of its size, an empty one at once.

    A section break is never lost with it (LibreOffice folds the empty paragraph that carries
    one into the paragraph before): it moves onto `pengganti`, the paragraph replacing this
    one, or else the paragraph stays, emptied, holding only its properties, unless
    `sect_lkj(sect)` says the break is one lkj's new rendering has elsewhere.
    """
    sect = el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if el.tag == qn("w:p") else None
    if sect is not None and pengganti is None and sect_lkj is not None and sect_lkj(sect):
        sect = None
    if sect is not None:
        if pengganti is not None and pengganti.tag == qn("w:p") and \
                pengganti.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None:
            pindahkan_sectpr(sect, pengganti)
        else:
            for child in list(el):
                if child.tag != qn("w:pPr"):
                    el.remove(child)
            return
    el.clear()
    el.getparent().remove(el)


# --- heading bookmarks ----------------------------------------------------------------------


def sisihkan_bookmark_toc(body) -> None:
    """Set lkj's heading bookmarks aside (renamed, not removed: a kept heading takes its new
    name in place, so nothing moves when nothing changed)."""
    for b in body.iter(_BS):
        nama = b.get(_NAME, "")
        if nama.startswith(TOC) and not nama.startswith(SISIH):
            b.set(_NAME, SISIH + nama[len(TOC):])


def bawa_bookmark_toc(dari, ke) -> None:
    """A kept heading or caption (`ke`) takes the new rendering's `_Toc_lkj_N` name (`dari`'s),
    which the new contents lists point to: its own set-aside bookmark is renamed, or a copy
    of the new one added."""
    if dari.tag != qn("w:p") or ke.tag != qn("w:p"):
        return
    baru = next((b for b in dari.findall(_BS) if b.get(_NAME, "").startswith(TOC)), None)
    if baru is None:
        return
    sisih = next((b for b in ke.findall(_BS) if b.get(_NAME, "").startswith(SISIH)), None)
    if sisih is not None:
        sisih.set(_NAME, baru.get(_NAME))
        return
    bid = baru.get(qn("w:id"))
    ppr = ke.find(qn("w:pPr"))
    ke.insert(1 if ppr is not None else 0, deepcopy(baru))
    end = next((e for e in dari.iter(qn("w:bookmarkEnd")) if e.get(qn("w:id")) == bid), None)
    if end is not None:
        ke.append(deepcopy(end))


def buang_bookmark_toc_sisa(body) -> None:
    """Set-aside heading bookmarks no kept heading took (their headings went)."""
    bookmark.buang(body, SISIH)


# --- Daftar Tabel and Daftar Grafik from the captions ----------------------------------------


def _entri_caption(body, label: str, id_baru: bookmark.IdSementara) -> list:
    """(level, text, bookmark) of each caption of `label`, a person's own bookmarked now."""
    entri = []
    nama_ada = {b.get(_NAME) for b in body.iter(_BS)}
    n = 0
    for p in body.iter(qn("w:p")):
        if label_seq(p) != label or _baris_daftar(p):
            continue
        nama = next((b.get(_NAME) for b in p.findall(_BS)
                     if b.get(_NAME, "").startswith(k.TOC_BOOKMARK)), None)
        if nama is None:
            n += 1
            while f"{TOC}s{n}" in nama_ada:
                n += 1
            nama = f"{TOC}s{n}"
            nama_ada.add(nama)
            bookmark_paragraf(p, id_baru(), nama)
        entri.append((1, teks_paragraf(p), nama))
    return entri


def _baris_baru(instr: str, entri: list) -> list:
    """The lines selesai.isi_daftar writes for these entries, built apart from the report."""
    wadah = OxmlElement("w:body")
    p = OxmlElement("w:p")
    r = OxmlElement("w:r")
    teks = OxmlElement("w:instrText")
    teks.text = instr
    r.append(teks)
    p.append(r)
    wadah.append(p)
    isi_daftar(wadah, lambda _: True, entri)
    return list(wadah)


def daftar_caption(body, label: str, id_baru: bookmark.IdSementara) -> bool:
    """Daftar Tabel or Daftar Grafik made again from the report's captions, a person's own
    included, each with the number selesai.nomori_caption gave it; returns whether it changed."""
    wilayah = wilayah_daftar(body).get(label)
    if wilayah is None:
        return False
    entri = _entri_caption(body, label, id_baru)
    if not entri:
        return False
    baris_lama = _baris(wilayah[0], wilayah[1])
    baris_baru = _baris_baru(f" {k.toc_keterangan(label)} ", entri)
    if sama(baris_lama, baris_baru):
        return False
    ganti_baris(baris_lama, baris_baru)
    return True
