"""Word numbering for the report: typed list and heading numbers become w:numPr in numbering.xml.

The template and the context still carry the numbers as text (`A.`, `1.`, `a.`, `BAB I`), so a
template stays readable in Word and the contents lists keep them; after rendering each such
prefix is removed and the paragraph is numbered by Word instead. Every list (and every run of
sub-headings under one heading) gets its own w:num restarting at 1, so a person who inserts an
item in Word gets the next number and the numbering of other lists does not move. The kinds of
numbered paragraphs are generator.kontrak.NOMOR; each list definition has its own w:nsid,
stable for its kind, so Word keeps lists apart when text is copied between documents.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from generator import kontrak as k

W = nsdecls("w")


@dataclass(frozen=True)
class Jenis:
    """One kind of numbered paragraph: its style, typed prefix, and how Word prints the number."""

    gaya: str
    awalan: re.Pattern
    lvl_text: str
    suff: str  # tab, space or nothing
    left: int  # twips; the number hangs `hanging` twips left of the text
    hanging: int
    tingkat: int  # 0 chapter, 1 section, 2 subsection, 3 part, 4 list item


JENIS = tuple(Jenis(gaya_, re.compile(awalan), *sisa) for gaya_, (awalan, *sisa) in k.NOMOR.items())
_GAYA = {j.gaya: j for j in JENIS}


def _format(nomor: str, jenis: Jenis) -> str:
    if jenis.tingkat == 0:
        return "upperRoman"
    if nomor.isdigit():
        return "decimal"
    return "upperLetter" if nomor.isupper() else "lowerLetter"


def gaya(p) -> str:
    """The paragraph's style id, "" when it has none."""
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val")) if style is not None else ""


def _teks_awal(p) -> str:
    """The paragraph's text from its runs, tabs as \\t, up to the first line break."""
    bagian = []
    for r in p.findall(qn("w:r")):
        for el in r:
            if el.tag == qn("w:t"):
                bagian.append(el.text or "")
            elif el.tag == qn("w:tab"):
                bagian.append("\t")
            elif el.tag in (qn("w:br"), qn("w:drawing")):
                return "".join(bagian)
    return "".join(bagian)


def _buang_awal(p, n: int) -> None:
    """Remove the first n characters (a tab counts one) from the paragraph's runs."""
    for r in list(p.findall(qn("w:r"))):
        for el in list(r):
            if n == 0:
                return
            if el.tag == qn("w:t"):
                teks = el.text or ""
                el.text, n = teks[n:], max(0, n - len(teks))
                if not el.text:
                    r.remove(el)
            elif el.tag == qn("w:tab"):
                r.remove(el)
                n -= 1
        if not [el for el in r if el.tag != qn("w:rPr")]:
            p.remove(r)


class Penomor:
    """Adds the report's list definitions to numbering.xml and hands out one w:num per list."""

    def __init__(self, numbering) -> None:
        self.numbering = numbering
        self.abstrak: dict[tuple[str, str], int] = {}
        ada = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
        self.berikut = max(ada, default=-1) + 1
        self.nsid = {el.get(qn("w:val")) for el in numbering.iter(qn("w:nsid"))}

    def _nsid(self, kunci: str) -> str:
        """A w:nsid (8 hex digits) stable for the list kind and unique in the document: Word
        tells lists apart by it when text is copied between documents."""
        n = 0
        while (nsid := f"{zlib.crc32(f'lkj:{kunci}:{n}'.encode()):08X}") in self.nsid:
            n += 1
        self.nsid.add(nsid)
        return nsid

    def _abstrak(self, jenis: Jenis, fmt: str) -> int:
        kunci = (jenis.gaya, fmt)
        if kunci not in self.abstrak:
            aid = self.berikut
            self.berikut += 1
            ind = (f'<w:ind w:left="{jenis.left}" w:hanging="{jenis.hanging}"/>'
                   if jenis.left else "")
            xml = (f'<w:abstractNum {W} w:abstractNumId="{aid}">'
                   f'<w:nsid w:val="{self._nsid(f"{jenis.gaya}:{fmt}")}"/>'
                   '<w:multiLevelType w:val="singleLevel"/>'
                   f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:suff w:val="{jenis.suff}"/><w:lvlText w:val="{jenis.lvl_text}"/>'
                   f'<w:lvlJc w:val="left"/><w:pPr>{ind}</w:pPr></w:lvl></w:abstractNum>')
            baru = parse_xml(xml)
            nums = self.numbering.findall(qn("w:num"))
            if nums:
                nums[0].addprevious(baru)
            else:
                self.numbering.append(baru)
            self.abstrak[kunci] = aid
        return self.abstrak[kunci]

    def daftar_baru(self, jenis: Jenis, fmt: str) -> int:
        """A new w:num of this kind, restarting at 1; returns its numId."""
        num = self.numbering.add_num(self._abstrak(jenis, fmt))
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId


# The first w:pPr children in the schema's order (CT_PPrBase), up to w:numPr. python-docx's
# get_or_add_* finds the place by searching every later child name: ~0,1 ms a call, which made
# numbering a quarter of the render time.
_URUTAN_PPR = tuple(qn(f"w:{t}") for t in ("pStyle", "keepNext", "keepLines", "pageBreakBefore",
                                           "framePr", "widowControl", "numPr"))


def anak_ppr(p, nama: str):
    """The paragraph's w:pPr child `nama` (one of the first seven in schema order), added in its
    place when missing."""
    ppr = p.get_or_add_pPr()
    tag = qn(nama)
    anak = ppr.find(tag)
    if anak is not None:
        return anak
    sebelum = set(_URUTAN_PPR[:_URUTAN_PPR.index(tag)])
    letak = 0
    for i, child in enumerate(ppr):
        if child.tag in sebelum:
            letak = i + 1
    anak = ppr.makeelement(tag, {})
    ppr.insert(letak, anak)
    return anak


def _beri_nomor(p, num_id: int) -> None:
    numpr = anak_ppr(p, "w:numPr")
    numpr.clear()
    for nama, nilai in (("w:ilvl", "0"), ("w:numId", str(num_id))):
        numpr.append(numpr.makeelement(qn(nama), {qn("w:val"): nilai}))


def nomori(doc) -> None:
    """Replace every typed list and heading number in the body by Word numbering."""
    penomor = Penomor(doc.part.numbering_part.element)
    aktif: dict[int, tuple[str, int]] = {}  # tingkat -> (format, numId) of the list going on
    for blok in doc.element.body:
        if blok.tag != qn("w:p"):
            aktif.pop(4, None)  # a table ends a list
            continue
        jenis = _GAYA.get(gaya(blok))
        if jenis is None:
            if blok.find(f".//{qn('w:t')}") is not None:
                aktif.pop(4, None)
            continue
        cocok = jenis.awalan.match(_teks_awal(blok))
        for lebih_dalam in [t for t in aktif if t > jenis.tingkat]:
            del aktif[lebih_dalam]
        if cocok is None:
            continue
        fmt = _format(cocok.group(1), jenis)
        if aktif.get(jenis.tingkat, ("", 0))[0] != fmt or jenis.tingkat == 4 and \
                _mulai_baru(cocok.group(1)):
            aktif[jenis.tingkat] = (fmt, penomor.daftar_baru(jenis, fmt))
        _buang_awal(blok, cocok.end())
        _beri_nomor(blok, aktif[jenis.tingkat][1])


def _mulai_baru(nomor: str) -> bool:
    """A list item typed `1.` or `a.` starts a new list even right after another list."""
    return nomor in ("1", "a")
