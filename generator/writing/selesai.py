"""Finishing a rendered report: captions numbered per chapter, contents lists filled, table
groups kept together only when short, paper size set, lists numbered by Word."""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from generator import kontrak as k
from generator.errors import LkjError
from generator.writing.nomor import anak_ppr, gaya, nomori

SEQ = re.compile(rf"^\s*SEQ\s+({k.LABEL_TABEL}|{k.LABEL_GRAFIK})\b")
_XML_SPACE = qn("xml:space")


def selesaikan(doc, kertas: str) -> None:
    """Number the captions, fill Daftar Isi, Daftar Tabel and Daftar Grafik, set the paper,
    and let Word number the lists and headings (generator.writing.nomor)."""
    body = doc.element.body
    nomori_caption(body)
    judul, daftar = _tandai(body)
    isi_daftar(body, lambda instr: "\\o" in instr, judul)
    for label, entri in daftar.items():
        isi_daftar(body, lambda instr, label=label: f'\\c "{label}"' in instr, entri)
    nomori_gambar(body)
    satukan_sel_gabung(body)
    atur_kertas(body, kertas)
    nomori(doc)  # after the contents lists, which keep the typed numbers as their text


def _bab_baru(p) -> bool:
    return gaya(p) == k.JUDUL_1


def _seq(fld) -> str:
    """`Tabel` or `Grafik` for a caption's SEQ field, "" for any other field."""
    cocok = SEQ.match(fld.get(qn("w:instr"), ""))
    return cocok.group(1) if cocok else ""


def label_seq(p) -> str:
    """`Tabel` or `Grafik` for a caption paragraph (its SEQ field simple or complex), else ""."""
    for el in p.iter(qn("w:fldSimple"), qn("w:instrText")):
        cocok = SEQ.match(el.get(qn("w:instr"), "") if el.tag == qn("w:fldSimple") else
                          el.text or "")
        if cocok:
            return cocok.group(1)
    return ""


def nomori_caption(body) -> None:
    """Number the `SEQ Tabel` and `SEQ Grafik` fields 1, 2, ... each, within each chapter.

    Simple fields (as rendered) and complex ones (as Word and kemasan write them, and a
    person's own Insert Caption) alike. The first of a label in a chapter gets `\\r 1`, so
    Word restarts the sequence too when it updates fields; the cached result is what
    LibreOffice and un-updated Word show.
    """
    nomor: dict[str, int] = {}

    def naik(label: str) -> str:
        nomor[label] = nomor.get(label, 0) + 1
        ulang = "\\r 1 " if nomor[label] == 1 else ""
        return f" SEQ {label} {ulang}\\* ARABIC "

    for p in body.iter(qn("w:p")):
        if _bab_baru(p):
            nomor = {}
        label, hasil = "", False  # the complex field being read, and whether in its result
        for el in p.iter(qn("w:fldSimple"), qn("w:instrText"), qn("w:fldChar"), qn("w:t")):
            if el.tag == qn("w:fldSimple"):
                seq = _seq(el)
                if seq:
                    el.set(qn("w:instr"), naik(seq))
                    for i, t in enumerate(el.iter(qn("w:t"))):
                        t.text = str(nomor[seq]) if i == 0 else ""
            elif el.tag == qn("w:instrText"):
                cocok = SEQ.match(el.text or "")
                if cocok:
                    label = cocok.group(1)
                    el.text = naik(label)
            elif el.tag == qn("w:fldChar"):
                jenis = el.get(qn("w:fldCharType"))
                hasil = bool(label) and jenis == "separate"
                if jenis == "end":
                    label = ""
            elif hasil:
                el.text = str(nomor[label])
                hasil = False  # one number; further result text (none lkj writes) is left


def _lanjutan(tr) -> bool:
    """Whether the row's first cell continues a vertical merge from the row above."""
    tc = tr.find(qn("w:tc"))
    merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}") if tc is not None else None
    return merge is not None and merge.get(qn("w:val"), "continue") == "continue"


# Rough table metrics (twips) of the template's cell text, Arial 11 pt single-spaced: enough to
# tell a group that fits in a third of a page from one that does not.
BATAS_KELOMPOK = k.TINGGI_TEKS // 3
LEBAR_HURUF, TINGGI_BARIS, JARAK_PARAGRAF, TEPI_SEL = 110, 253, 80, 216


def tinggi_baris(tr) -> int:
    """An estimate of a table row's height in twips from its cells' text and widths."""
    tinggi = 0
    for tc in tr.iterchildren(qn("w:tc")):
        lebar = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
        muat = max(1, (int(lebar.get(qn("w:w"), 2000)) if lebar is not None else 2000) - TEPI_SEL)
        muat = max(1, muat // LEBAR_HURUF)
        paragraf = list(tc.iter(qn("w:p")))
        baris = sum(max(1, -(-len(teks_paragraf(p)) // muat)) for p in paragraf)
        tinggi = max(tinggi, baris * TINGGI_BARIS + JARAK_PARAGRAF * len(paragraf))
    return tinggi


def _kelompok_gabung(rows) -> list[list]:
    """Runs of rows joined by a vertically merged first cell (a row and its continuations)."""
    kelompok: list[list] = []
    for tr in rows:
        if kelompok and _lanjutan(tr):
            kelompok[-1].append(tr)
        else:
            kelompok.append([tr])
    return [k for k in kelompok if len(k) > 1]


def satukan_sel_gabung(body) -> None:
    """Keep the rows under one vertically merged cell on one page when they are short.

    Without it a page break can fall inside an indicator's years, and the rows on the next
    page show an empty merged cell. A group taller than a third of a page is not kept whole
    (that would leave pages half empty); only its first two rows stay together.
    """
    for tbl in body.iter(qn("w:tbl")):
        for kelompok in _kelompok_gabung(tbl.findall(qn("w:tr"))):
            pendek = sum(map(tinggi_baris, kelompok)) <= BATAS_KELOMPOK
            for tr in kelompok[:-1] if pendek else kelompok[:1]:
                for p in tr.iter(qn("w:p")):
                    anak_ppr(p, "w:keepNext").attrib.pop(qn("w:val"), None)  # on


def nomori_gambar(body) -> None:
    """Give every picture a unique wp:docPr id (docxtpl gives all of one rendering the same)."""
    for n, doc_pr in enumerate(body.iter(qn("wp:docPr")), start=1):
        doc_pr.set("id", str(n))


def teks_paragraf(p) -> str:
    """The visible text of a paragraph, tabs and line breaks as spaces."""
    bagian = []
    for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        if el.tag == qn("w:t"):
            bagian.append(el.text or "")
        elif el.getparent().tag == qn("w:r"):
            bagian.append(" ")
    return " ".join("".join(bagian).split())


def _tandai(body) -> tuple[list, dict[str, list]]:
    """Bookmark each heading and each caption; return (level, text, bookmark) lists: the
    headings, and the captions by label (`Tabel`, `Grafik`)."""
    ids = [int(b.get(qn("w:id"))) for b in body.iter(qn("w:bookmarkStart"))]
    berikut = max(ids, default=0) + 1
    judul: list = []
    daftar: dict[str, list] = {k.LABEL_TABEL: [], k.LABEL_GRAFIK: []}
    nomor = 0  # names count 1, 2, ... whatever the ids (generator.marks.tanda's run high)
    for p in body.iter(qn("w:p")):
        gaya_p = gaya(p)
        label = label_seq(p) if gaya_p == k.CAPTION else ""
        if gaya_p in k.JUDUL or label:
            nomor += 1
            nama = f"{k.BOOKMARK_JUDUL}{nomor}"
            bookmark_paragraf(p, berikut, nama)
            entri = (k.JUDUL.get(gaya_p, 1), teks_paragraf(p), nama)
            (daftar[label] if label else judul).append(entri)
            berikut += 1
    return judul, daftar


def bookmark_paragraf(p, bid: int, nama: str) -> None:
    """A bookmark over the whole paragraph (after its properties, to its end)."""
    start = OxmlElement("w:bookmarkStart", {qn("w:id"): str(bid), qn("w:name"): nama})
    end = OxmlElement("w:bookmarkEnd", {qn("w:id"): str(bid)})
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def _run(child: str, attrs: dict | None = None, text: str | None = None):
    r = OxmlElement("w:r")
    el = OxmlElement(child, attrs or {})
    if text is not None:
        el.text = text
        el.set(_XML_SPACE, "preserve")
    r.append(el)
    return r


def _fld(kind: str):
    return _run("w:fldChar", {qn("w:fldCharType"): kind})


def _entri(level_style: str, teks: str, nama: str):
    """One TOC line: hyperlink to the bookmark, text, tab, PAGEREF field (computed later)."""
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    ppr.append(OxmlElement("w:pStyle", {qn("w:val"): level_style}))
    p.append(ppr)
    link = OxmlElement("w:hyperlink", {qn("w:anchor"): nama, qn("w:history"): "1"})
    link.append(_run("w:t", text=teks))
    link.append(_run("w:tab"))
    link.append(_fld("begin"))
    link.append(_run("w:instrText", text=f" PAGEREF {nama} \\h "))
    link.append(_fld("separate"))
    link.append(_fld("end"))
    p.append(link)
    return p


def _cari_toc(body, cocok):
    """The paragraph holding a TOC field whose instruction matches, and that instruction."""
    for instr in body.iter(qn("w:instrText")):
        teks = instr.text or ""
        if teks.strip().startswith("TOC") and cocok(teks):
            p = instr
            while p.tag != qn("w:p"):
                p = p.getparent()
            return p, teks
    return None, ""


def isi_daftar(body, cocok, entri: list) -> None:
    """Replace the TOC field's placeholder paragraph by one line per entry.

    The field code stays (first line) and ends after the last line, as Word writes it.
    """
    p, instr = _cari_toc(body, cocok)
    if p is None or not entri:
        return
    baris = [
        _entri(k.DAFTAR_GAMBAR if "\\c" in instr else k.GAYA_DAFTAR_ISI[level], teks, nama)
        for level, teks, nama in entri
    ]
    pembuka = [_fld("begin"), _run("w:instrText", text=instr), _fld("separate")]
    pembuka[0][0].set(qn("w:dirty"), "true")
    for i, r in enumerate(pembuka):
        baris[0].insert(1 + i, r)
    baris[-1].append(_fld("end"))
    for b in baris:
        p.addprevious(b)
    p.getparent().remove(p)


def atur_kertas(body, kertas: str) -> None:
    """A4 or F4 on every section (the template is A4; margins stay)."""
    try:
        lebar, tinggi = k.KERTAS[kertas]
    except KeyError:
        raise LkjError(f"Ukuran kertas tidak dikenal: {kertas} (pilih A4 atau F4)") from None
    for sz in body.iter(qn("w:pgSz")):
        sz.set(qn("w:w"), str(lebar))
        sz.set(qn("w:h"), str(tinggi))


# --- checks, properties, saving ------------------------------------------------------------
