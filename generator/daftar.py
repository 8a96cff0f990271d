"""Contents lists and captions of a merged report (generator.perbarui).

The merged report's Daftar Isi is the fresh rendering's (`ganti_daftar`); Daftar Tabel and Daftar
Grafik are made again from its captions, a person's own included (`daftar_caption`), after the
captions are numbered per chapter (`selesai.nomori_caption`, simple or complex SEQ fields). lkj's heading
bookmarks (`_Toc_lkj_N`) are taken off the old report and carried onto kept headings.
"""

from __future__ import annotations

from copy import deepcopy

from docx.oxml.ns import qn

from generator import kontrak, tanda
from generator.selesai import bookmark_paragraf, isi_daftar, label_seq, teks_paragraf


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
                hasil[kontrak.kunci_toc(teks)] = (p, blok[akhir])
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
    tanda.buang_bookmark(body, "_Toc_lkj_")


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
    included, each with the number selesai.nomori_caption gave it."""
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
        if daftar_isi_p(p) or label_seq(p) != label:
            continue
        nama = next((b.get(qn("w:name")) for b in p.findall(qn("w:bookmarkStart"))
                     if b.get(qn("w:name"), "").startswith("_Toc")), None)
        if nama is None:
            n += 1
            while f"_Toc_lkj_s{n}" in nama_ada:
                n += 1
            nama = f"_Toc_lkj_s{n}"
            nama_ada.add(nama)
            bookmark_paragraf(p, tanda.id_sementara(), nama)
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
