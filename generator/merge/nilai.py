"""Renewing the figures inside a part a person kept: only the text of each value changes.

A part lkj wrote is renewed where it stands whenever the new rendering differs from it only in
its values: each value's text goes into the value's own first text node, so the runs keep the
formatting a person gave them (bold, highlight, colour, size) and everything a person put in
or around the part (hyperlinks, bookmarks, comments, a section or page break) stays. Only when
the words around the values changed is a part replaced; then its paragraph properties (a
section break among them) and each value's run formatting are carried onto the new part, and
a part holding a person's hyperlink, bookmark, comment range or page break is kept instead.
"""

from __future__ import annotations

from copy import deepcopy

from docx.oxml.ns import qn

from generator.marks import bookmark, sidik, tanda
from generator import kontrak as k
from generator.writing.selesai import teks_paragraf

_T, _R, _RPR, _PPR = qn("w:t"), qn("w:r"), qn("w:rPr"), qn("w:pPr")
_BS, _NAME = bookmark.BS, bookmark.NAME
_XML_SPACE = qn("xml:space")
# what a plain value holds: runs of text (LibreOffice may move other bookmarks in between)
_POLOS = {_T, _RPR}
# what sits in a paragraph without showing, before its first run or after its last
_DIAM_TEPI = {_PPR, _BS, qn("w:bookmarkEnd"), qn("w:proofErr")}
# Word's own hidden bookmarks that are no one's addition (the last place edited)
_BOOKMARK_WORD = ("_GoBack",)


def antara(start, end) -> list:
    """The siblings between a bookmark's start and end."""
    hasil = []
    el = start.getnext()
    while el is not None and el is not end:
        hasil.append(el)
        el = el.getnext()
    return hasil


def teks_polos(start, end) -> str | None:
    """A value's text when it is runs of text only (all lkj writes); None when it holds more."""
    teks = []
    for el in antara(start, end):
        if el.tag in (_BS, qn("w:bookmarkEnd"), qn("w:proofErr")):
            continue
        if el.tag != _R or any(c.tag not in _POLOS for c in el):
            return None
        teks.extend(t.text or "" for t in el.iter(_T))
    return "".join(teks)


def ganti_teks(start, end, teks: str) -> list[tuple] | None:
    """Change a value's text to `teks` touching as little as possible. A person may have split
    its runs (a figure inside a generated sentence made bold, words made a link): text both old
    and new stays in the node it is in, and each changed piece goes into the node where the old
    text it replaces began (so a bolded figure stays bold); added text goes with the text
    before it. Returns what to undo, or None when the value holds no text node."""
    simpul = [t for el in antara(start, end) for t in el.iter(_T)]
    if not simpul:
        return None
    lama = [t.text or "" for t in simpul]
    baru = [teks] if len(simpul) == 1 else _bagi(lama, teks)
    ubah = []
    for t, isi, isi_baru in zip(simpul, lama, baru, strict=True):
        if isi_baru != isi:
            ubah.append((t, t.text, t.get(_XML_SPACE)))
            t.text = isi_baru
            t.set(_XML_SPACE, "preserve")
    return ubah


def _bagi(lama: list[str], teks: str) -> list[str]:
    """`teks` divided over the nodes whose texts are `lama` (see ganti_teks)."""
    from difflib import SequenceMatcher

    semua = "".join(lama)
    simpul_di = [n for n, isi in enumerate(lama) for _ in isi]  # old character -> its node
    hasil = [""] * len(lama)
    for jenis, i1, i2, j1, j2 in SequenceMatcher(None, semua, teks, autojunk=False).get_opcodes():
        if jenis == "equal":
            for k in range(i1, i2):
                hasil[simpul_di[k]] += semua[k]
        elif jenis in ("replace", "insert"):
            letak = i1 if jenis == "replace" else i1 - 1
            hasil[simpul_di[letak] if 0 <= letak < len(semua) else
                  (simpul_di[-1] if semua and letak >= 0 else 0)] += teks[j1:j2]
    return hasil


def batalkan(ubah: list[tuple]) -> None:
    for t, teks, spasi in reversed(ubah):
        t.text = teks
        if spasi is None:
            t.attrib.pop(_XML_SPACE, None)
        else:
            t.set(_XML_SPACE, spasi)


def baharui_di_tempat(el_lama, el_baru, part_lama, part_baru) -> bool:
    """Renew an untouched part where it stands when the new rendering differs from it only in
    its values (same values in the same order, same words around them); else leave it as it
    was and return False."""
    lama, baru = tanda.tanda_di(el_lama), tanda.tanda_di(el_baru)
    urut_lama = [i for i, m in lama.items() if m.jenis == "N"]
    urut_baru = [i for i, m in baru.items() if m.jenis == "N"]
    if urut_lama != urut_baru:
        return False
    ubah: list[tuple] = []  # text changed, to undo
    nama: list[tuple] = []  # marks renamed, to undo
    if all(_ganti_satu(lama[i], baru[i], ubah, nama) for i in urut_baru) and \
            sidik.isi(el_lama, part_lama) == sidik.isi(el_baru, part_baru):
        return True
    batalkan(ubah)
    for sl, n in nama:
        sl.set(_NAME, n)
    return False


def _ganti_satu(lama: tanda.Tanda, baru: tanda.Tanda, ubah: list, nama: list) -> bool:
    """One value's new text into its old runs, its mark renamed (both recorded for undoing);
    False when the value is not plain text in one paragraph."""
    teks = teks_polos(baru.start, baru.end)
    if teks is None or lama.start.getparent() is not lama.end.getparent():
        return False
    if sidik.isi_antara(lama.start, lama.end) != teks:
        hasil = ganti_teks(lama.start, lama.end, teks)
        if hasil is None:
            return False
        ubah += hasil
    nama.append((lama.start, lama.start.get(_NAME)))
    lama.start.set(_NAME, baru.start.get(_NAME))
    return True


def ganti_nama_tanda(el_lama, el_baru) -> None:
    """The part's own mark (B, T or R) takes the new rendering's name (its new fingerprint)."""
    for p_lama, p_baru in ((el_lama, el_baru), (tanda.paragraf_pertama(el_lama),
                                                 tanda.paragraf_pertama(el_baru))):
        if p_lama is None or p_baru is None:
            continue
        baru = {t.id: b.get(_NAME) for b in p_baru.findall(_BS)
                if (t := tanda.baca(b.get(_NAME, "")))}
        for b in p_lama.findall(_BS):
            t = tanda.baca(b.get(_NAME, ""))
            if t and t.jenis != "N" and t.id in baru:
                b.set(_NAME, baru[t.id])


def tambahan_orang(el) -> list[str]:
    """What a person added to a part without changing its text, which a replaced part could
    not carry: hyperlinks, their own bookmarks, comment ranges, page breaks."""
    hasil = []
    if el.find(f".//{qn('w:hyperlink')}") is not None:
        hasil.append("tautan")
    for b in el.iter(_BS):
        nama = b.get(_NAME, "")
        if not nama.startswith((k.TANDA, k.BOOKMARK_JUDUL)) and nama not in _BOOKMARK_WORD:
            hasil.append("penanda (bookmark)")
            break
    if el.find(f".//{qn('w:commentRangeStart')}") is not None or \
            el.find(f".//{qn('w:commentRangeEnd')}") is not None:
        hasil.append("komentar")
    tepi = [r for bagian in _pemisah_tepi(el) for r in bagian]  # held: lxml keeps the proxies
    if any(br.get(qn("w:type")) == "page" and not any(br.getparent() is r for r in tepi)
           for br in el.iter(qn("w:br"))):
        hasil.append("pemisah halaman")
    return hasil


def _hanya_pemisah(r) -> bool:
    """A run holding nothing but a page break."""
    return r.tag == _R and any(c.tag == qn("w:br") and c.get(qn("w:type")) == "page"
                               for c in r) and all(c.tag in (_RPR, qn("w:br")) for c in r)


def _pemisah_tepi(el) -> tuple[list, list]:
    """Runs holding only a page break at the start and at the end of a paragraph (Ctrl+Enter
    there; LibreOffice writes the next paragraph's "page break before" so), which a
    replacing paragraph can carry."""
    if el.tag != qn("w:p"):
        return [], []
    anak = [c for c in el if c.tag not in _DIAM_TEPI]
    awal, akhir = [], []
    for c in anak:
        if not _hanya_pemisah(c):
            break
        awal.append(c)
    for c in reversed(anak[len(awal):]):
        if not _hanya_pemisah(c):
            break
        akhir.insert(0, c)
    return awal, akhir


def bawa_pemisah(el_lama, el_baru) -> None:
    """A replacing paragraph takes the page breaks the old one had at its start or end."""
    if el_lama.tag != qn("w:p") or el_baru.tag != qn("w:p"):
        return
    awal, akhir = _pemisah_tepi(el_lama)
    ppr = el_baru.find(_PPR)
    for n, r in enumerate(awal):
        el_baru.insert(n + (1 if ppr is not None else 0), deepcopy(r))
    for r in akhir:
        el_baru.append(deepcopy(r))


def selamatkan_pemisah(el) -> None:
    """A paragraph about to go hands the page breaks at its edges to the paragraph after it
    (or, at the end of its container, the one before), so the page still turns there (a
    chapter LibreOffice starts with a break at the end of the paragraph before it)."""
    awal, akhir = _pemisah_tepi(el)
    if not awal and not akhir:
        return
    nxt, prev = el.getnext(), el.getprevious()
    if nxt is not None and nxt.tag == qn("w:p"):
        ppr = nxt.find(_PPR)
        for n, r in enumerate(awal + akhir):
            nxt.insert(n + (1 if ppr is not None else 0), deepcopy(r))
    elif prev is not None and prev.tag == qn("w:p"):
        for r in awal + akhir:
            prev.append(deepcopy(r))


def bawa_format(el_lama, el_baru) -> None:
    """Each value of the replacing part takes the run formatting its old runs had."""
    lama = tanda.tanda_di(el_lama)
    for i, m in tanda.tanda_di(el_baru).items():
        if m.jenis != "N" or i not in lama:
            continue
        sb, eb = m.start, m.end
        run = next((r for r in antara(lama[i].start, lama[i].end) if r.tag == _R), None)
        rpr = run.find(_RPR) if run is not None else None
        if rpr is None:
            continue
        for r in antara(sb, eb):
            if r.tag != _R:
                continue
            ada = r.find(_RPR)
            if ada is not None:
                r.remove(ada)
            r.insert(0, deepcopy(rpr))


def bawa_ppr(el_lama, el_baru) -> None:
    """A replacing paragraph takes the old one's paragraph properties (alignment, a page break
    before, whatever a person set) when it keeps its style; a section break (a landscape page)
    goes along in any case."""
    if el_lama.tag != qn("w:p") or el_baru.tag != qn("w:p"):
        return
    ppr = el_lama.find(_PPR)
    if ppr is None:
        return
    ada = el_baru.find(_PPR)
    if tanda.gaya(el_lama) == tanda.gaya(el_baru):
        if ada is not None:
            el_baru.remove(ada)
        el_baru.insert(0, deepcopy(ppr))
        return
    sect = ppr.find(qn("w:sectPr"))
    if sect is not None:
        pindahkan_sectpr(sect, el_baru)


def pindahkan_sectpr(sect, p) -> None:
    """Put a section break (a copy of `sect`) at the end of paragraph `p`, as Word keeps it:
    the last paragraph properties but a change record."""
    ppr = p.find(_PPR)
    if ppr is None:
        ppr = p.makeelement(_PPR, {})
        p.insert(0, ppr)
    ada = ppr.find(qn("w:sectPr"))
    if ada is not None:
        ppr.remove(ada)
    ubah = ppr.find(qn("w:pPrChange"))
    (ubah.addprevious if ubah is not None else ppr.append)(deepcopy(sect))


_A_BLIP = qn("a:blip")
_R_ID = f"{{{k.NS['r']}}}"


def _sidik_gambar(drawing, part) -> bytes:
    """All a drawing shows: its name and alternative text, the chart's XML (relationship ids
    aside) or the picture's bytes. `isi` sees only a chart's figures; its labels and alt text
    name the indicator and must follow a renumbered code."""
    import hashlib

    from lxml import etree

    h = hashlib.sha256()
    for doc_pr in drawing.iter(qn("wp:docPr")):
        h.update(f"{doc_pr.get('name', '')}|{doc_pr.get('descr', '')}".encode())
    bagian = sidik.bagian_grafik(drawing, part)
    if bagian is not None:
        root = etree.fromstring(bagian.blob)
        for el in root.iter():
            for nama in [a for a in el.attrib if a.startswith(_R_ID)]:
                del el.attrib[nama]
        h.update(etree.tostring(root, method="c14n"))
    for blip in drawing.iter(_A_BLIP):
        rel = part.rels.get(blip.get(f"{_R_ID}embed", ""))
        if rel is not None and not rel.is_external:
            h.update(rel.target_part.blob)
    return h.digest()


def gambar_sama(el_lama, part_lama, el_baru, part_baru) -> bool:
    """Whether the pictures and charts of two parts show the same."""
    lama, baru = list(el_lama.iter(qn("w:drawing"))), list(el_baru.iter(qn("w:drawing")))
    return len(lama) == len(baru) and all(
        _sidik_gambar(a, part_lama) == _sidik_gambar(b, part_baru)
        for a, b in zip(lama, baru, strict=True))


def ciri_sect(sect) -> tuple:
    """What tells one section break from another: page size and orientation, page numbering."""
    sz, num = sect.find(qn("w:pgSz")), sect.find(qn("w:pgNumType"))
    return (tuple(sz.get(qn(f"w:{a}"), "") for a in ("w", "h", "orient")) if sz is not None
            else (), tuple(num.get(qn(f"w:{a}"), "") for a in ("fmt", "start"))
            if num is not None else ())


def teks_sel(start) -> str:
    """The text of the table cell a value stands in, when the cell holds more than it ("" when
    not in a cell)."""
    tc = next(start.iterancestors(qn("w:tc")), None)
    if tc is None:
        return ""
    return " ".join(teks_paragraf(p) for p in tc.iter(qn("w:p")) if teks_paragraf(p))


def sel_disunting(start_l, end_l, start_b, end_b) -> bool:
    """Whether a person typed in a value's table cell beside the value (LibreOffice leaves the
    value's bookmark around the old text and puts the typing before it): the cell's words
    outside the value differ from what lkj writes there."""
    tc_l = next(start_l.iterancestors(qn("w:tc")), None)
    tc_b = next(start_b.iterancestors(qn("w:tc")), None)
    if tc_l is None or tc_b is None:
        return False
    luar_l = teks_sel(start_l).replace(" ".join(sidik.isi_antara(start_l, end_l).split()), "", 1)
    luar_b = teks_sel(start_b).replace(" ".join(sidik.isi_antara(start_b, end_b).split()), "", 1)
    return " ".join(luar_l.split()) != " ".join(luar_b.split())
