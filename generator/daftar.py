"""Contents lists and captions of a merged report (generator.perbarui).

The merged report's Daftar Isi is the fresh rendering's (`ganti_daftar`); Daftar Tabel and Daftar
Grafik are made again from its captions, a person's own included (`daftar_caption`), after the
captions are numbered per chapter (`nomori_caption`, simple or complex SEQ fields). lkj's heading
bookmarks (`_Toc_lkj_N`) are taken off the old report and carried onto kept headings.
"""

from __future__ import annotations

import re
from copy import deepcopy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from generator import tanda
from generator.selesai import isi_daftar, teks_paragraf


def wilayah_daftar(body) -> dict[str, tuple]:
    """Each contents list (a TOC field): its instruction -> (first, last) line."""
    hasil = {}
    blok = list(tanda.blok(body))
    for n, p in enumerate(blok):
        for instr in p.iter(qn("w:instrText")):
            teks = (instr.text or "").strip()
            if teks.startswith("TOC"):
                akhir = n
                while akhir + 1 < len(blok) and daftar_isi_p(blok[akhir + 1]):
                    akhir += 1
                hasil[" ".join(teks.split())] = (p, blok[akhir])
    return hasil

def ganti_daftar(lama, awal, akhir, impor) -> None:
    """The old list's lines (`lama` = (first, last)) replaced by copies (`impor`) of the new
    one's, from `awal` to `akhir`; with no new one, removed."""
    if lama is None:
        return
    l_awal, l_akhir = lama
    el = l_awal
    hapus = []
    while el is not None:
        hapus.append(el)
        if el is l_akhir:
            break
        el = el.getnext()
    el = awal
    while el is not None:
        l_awal.addprevious(impor(el))
        if el is akhir:
            break
        el = el.getnext()
    for el in hapus:
        buang(el)


def daftar_isi_p(el) -> bool:
    return el.tag == qn("w:p") and tanda.daftar_isi(el)


def buang(el) -> None:
    """Take a replaced part out of the report. Emptied first: lxml detaches a large subtree
    (a 1.000-row table) in time that grows with the square of its size, an empty one at once."""
    el.clear()
    el.getparent().remove(el)


def buang_bookmark_toc(body) -> None:
    """lkj's own heading bookmarks (`_Toc_lkj_N`) go; the new contents lists bring theirs."""
    mati = set()
    for b in list(body.iter(qn("w:bookmarkStart"))):
        if b.get(qn("w:name"), "").startswith("_Toc_lkj_"):
            mati.add(b.get(qn("w:id")))
            b.getparent().remove(b)
    for b in list(body.iter(qn("w:bookmarkEnd"))):
        if b.get(qn("w:id")) in mati:
            b.getparent().remove(b)


def bawa_bookmark_toc(dari, ke) -> None:
    """A kept (edited) heading or caption takes the new rendering's `_Toc_lkj_N` bookmark,
    which the new contents lists point to."""
    if dari.tag != qn("w:p") or ke.tag != qn("w:p"):
        return
    for start in dari.findall(qn("w:bookmarkStart")):
        if not start.get(qn("w:name"), "").startswith("_Toc_lkj_"):
            continue
        bid = start.get(qn("w:id"))
        ppr = ke.find(qn("w:pPr"))
        ke.insert(1 if ppr is not None else 0, deepcopy(start))
        end = next((e for e in dari.iter(qn("w:bookmarkEnd")) if e.get(qn("w:id")) == bid),
                   None)
        if end is not None:
            ke.append(deepcopy(end))


def daftar_caption(body, label: str) -> None:
    """Daftar Tabel or Daftar Grafik made again from the report's captions, a person's own
    included, each with the number nomori_caption gave it."""
    def cocok(instr: str) -> bool:
        return f'\\c "{label}"' in instr

    wilayah = next((w for instr, w in wilayah_daftar(body).items() if cocok(instr)),
                   None)
    if wilayah is None:
        return
    entri = []
    nama_ada = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    n = 0
    for p in body.iter(qn("w:p")):
        if daftar_isi_p(p) or _label_seq(p) != label:
            continue
        nama = next((b.get(qn("w:name")) for b in p.findall(qn("w:bookmarkStart"))
                     if b.get(qn("w:name"), "").startswith("_Toc")), None)
        if nama is None:
            n += 1
            while f"_Toc_lkj_s{n}" in nama_ada:
                n += 1
            nama = f"_Toc_lkj_s{n}"
            nama_ada.add(nama)
            _bookmark_paragraf(p, nama)
        entri.append((1, teks_paragraf(p), nama))
    if not entri:
        return
    awal, akhir = wilayah
    el = awal.getnext()
    while el is not None and awal is not akhir:
        berikut = el.getnext()
        buang(el)
        if el is akhir:
            break
        el = berikut
    isi_daftar(body, cocok, entri)


def _label_seq(p) -> str:
    pola = re.compile(r"^\s*SEQ\s+(Tabel|Grafik)\b")
    for el in p.iter(qn("w:instrText")):
        m = pola.match(el.text or "")
        if m:
            return m[1]
    for el in p.iter(qn("w:fldSimple")):
        m = pola.match(el.get(qn("w:instr"), ""))
        if m:
            return m[1]
    return ""


def _bookmark_paragraf(p, nama: str) -> None:
    bid = str(next(tanda._ID_SEMENTARA))
    start = OxmlElement("w:bookmarkStart", {qn("w:id"): bid, qn("w:name"): nama})
    ppr = p.find(qn("w:pPr"))
    p.insert(1 if ppr is not None else 0, start)
    p.append(OxmlElement("w:bookmarkEnd", {qn("w:id"): bid}))


def nomori_caption(body) -> None:
    """Number the `SEQ Tabel` and `SEQ Grafik` captions (simple or complex fields) 1, 2, ...
    within each chapter, the person's own captions included."""
    pola = re.compile(r"^\s*SEQ\s+(Tabel|Grafik)\b")
    nomor: dict[str, int] = {}
    for p in body.iter(qn("w:p")):
        if tanda._gaya(p) == "Heading1":
            nomor = {}
        label, hasil = "", False
        for el in p.iter(qn("w:instrText"), qn("w:fldChar"), qn("w:t"), qn("w:fldSimple")):
            if el.tag == qn("w:fldSimple"):
                cocok = pola.match(el.get(qn("w:instr"), ""))
                if cocok:
                    nomor[cocok[1]] = nomor.get(cocok[1], 0) + 1
                    teks = list(el.iter(qn("w:t")))
                    if teks:
                        teks[0].text = str(nomor[cocok[1]])
                        for t in teks[1:]:
                            t.text = ""
            elif el.tag == qn("w:instrText"):
                cocok = pola.match(el.text or "")
                if cocok:
                    label = cocok[1]
                    nomor[label] = nomor.get(label, 0) + 1
            elif el.tag == qn("w:fldChar"):
                jenis = el.get(qn("w:fldCharType"))
                if jenis == "separate" and label:
                    hasil = True
                elif jenis == "end":
                    label, hasil = "", False
            elif hasil and label:
                el.text = str(nomor[label])
                hasil, label = False, ""
