"""Marks on every part lkj writes, so `lkj perbarui` can find each again and see whether a person
changed it.

A mark is a hidden Word bookmark (its name starts with `_`, so Word's Bookmark dialog hides it)
named `_lkj` + kind + id + fingerprint:

- `N` a value printed from the context (a figure, a name, a generated sentence): a bookmark
  around exactly the runs lkj wrote;
- `B` a body paragraph, `T` a body table, `R` a table row: a point bookmark at the start of the
  paragraph (the first cell's first paragraph for a table or row).

Bookmarks print as nothing, do not get in the way of typing, and survive editing around them
in Word and a round trip through LibreOffice (content controls and custom XML parts do not
survive LibreOffice 7.4, tested in tests/test_perbarui.py). The id is a hash of the part's
place in the report (the context path of a value, list elements by their stable key from the
workbook, generator.marks.kunci; a block's values or fixed words, under its heading; see
generator.marks.penamaan); the fingerprint a hash of what lkj wrote there (`isi`). A changed
fingerprint means a person edited the part. The ids of the blocks and rows lkj wrote are also listed in custom
document properties `lkj-bagian-NN` (Word keeps at most 255 characters a property), so a part a
person deleted is told apart from one the new figures add.

How values are found: `tandai_konteks` turns every string of the context into a `Nilai`, a str
that remembers its path; render.py's Jinja finalize wraps a printed Nilai in private-use
characters (`bungkus`); `pasang_nilai` turns those into bookmarks right after rendering, and
`tandai` names every mark once the document is finished.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import re
from collections import deque
from collections.abc import Iterator

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from generator.marks import kunci

AWALAN = "_lkj"
MULAI, PISAH, AKHIR = "\ue003", "\ue004", "\ue005"
SEMENTARA = "_lkjTmp"
PANJANG_ID, PANJANG_SIDIK = 10, 8
POLA = re.compile(rf"^{AWALAN}([NBTR])([0-9a-f]{{{PANJANG_ID}}})([0-9a-f]{{{PANJANG_SIDIK}}})$")
_SENTINEL = re.compile(f"{MULAI}([0-9]+){PISAH}(.*?){AKHIR}", re.S)
PROPERTI = "lkj-bagian-"
PANJANG_DAFTAR = 7  # the list keeps 7 of an id's 10 hex digits: 28 bits, ample to tell ids apart
PANJANG_PROPERTI = 250
GRAFIK_PREFIX = "lkj-grafik:"
JUDUL = ("Heading1", "Heading2", "Heading3")
DAFTAR = ("TOC1", "TOC2", "TOC3", "TableofFigures")  # contents lists: renewed whole, unmarked
# ... and the same styles as LibreOffice names them when it saves a .docx
_DAFTAR_LO = {g.lower() for g in DAFTAR} | {"contents1", "contents2", "contents3"}


_BS = qn("w:bookmarkStart")
_BE = qn("w:bookmarkEnd")
_ID = qn("w:id")
_NAME = qn("w:name")
_PPR = qn("w:pPr")
_FLDTYPE = qn("w:fldCharType")
_TYPE = qn("w:type")
_VAL = qn("w:val")
_TR = qn("w:tr")
_TBL = qn("w:tbl")
_PSTYLE_PATH = f"{qn('w:pPr')}/{qn('w:pStyle')}"
_RPR = qn("w:rPr")
# Temporary bookmark ids, unique across documents; nomori_bookmark numbers them 1, 2, ... after.
_ID_SEMENTARA = itertools.count(10_000_000)


def id_sementara() -> int:
    """A bookmark id no other bookmark has until nomori_bookmark numbers them all."""
    return next(_ID_SEMENTARA)


# --- values in the context -----------------------------------------------------------------


class Nilai(str):
    """A context string that remembers where in the context it came from: `jalur` with list
    elements by their stable key (generator.marks.kunci), `jalur_lama` by position (marks version 1)."""

    jalur: str
    jalur_lama: str

    def __new__(cls, value: str, jalur: str, jalur_lama: str | None = None) -> Nilai:
        obj = super().__new__(cls, value)
        obj.jalur = jalur
        obj.jalur_lama = jalur if jalur_lama is None else jalur_lama
        return obj


def tandai_konteks(value, jalur: str = "", jalur_lama: str = "") -> object:
    """The context with every string (not dict keys) a Nilai carrying its paths."""
    if isinstance(value, Nilai):
        return value
    if isinstance(value, str):
        return Nilai(value, jalur, jalur_lama)
    if isinstance(value, dict):
        return {k: tandai_konteks(v, f"{jalur}.{k}" if jalur else str(k),
                                  f"{jalur_lama}.{k}" if jalur_lama else str(k))
                for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [tandai_konteks(v, f"{jalur}{seg}" if seg else f"{jalur}.{i}", f"{jalur_lama}.{i}")
                for i, (v, seg) in enumerate(zip(value, kunci.segmen(list(value)), strict=True))]
    return value


class Pencatat:
    """Hands out a number per printed value (the sentinel's payload) and remembers its path."""

    def __init__(self) -> None:
        self.jalur: list[str] = []
        self.jalur_lama: list[str] = []
        self.terpasang = 0  # values turned into marks or stripped so far (pasang_nilai)

    def bungkus(self, value: object, teks: str) -> str:
        """`teks` (the value, already escaped for the template) between sentinels when it is a
        Nilai with something to show; otherwise unchanged."""
        if not isinstance(value, Nilai) or not teks:
            return teks
        self.jalur.append(value.jalur)
        self.jalur_lama.append(value.jalur_lama)
        return f"{MULAI}{len(self.jalur) - 1}{PISAH}{teks}{AKHIR}"


def buang_sentinel(teks: str) -> str:
    """Text with sentinels removed (values printed where no mark can go: attributes, fields)."""
    return _SENTINEL.sub(lambda m: m.group(2), teks).replace(MULAI, "").replace(
        PISAH, "").replace(AKHIR, "")


_ADA = f'contains(., "{MULAI}") or contains(., "{PISAH}") or contains(., "{AKHIR}")'


def pasang_nilai(root, pencatat: Pencatat, tandai: bool = True) -> None:
    """Turn sentinel-wrapped values in run text into bookmarks around their runs (temporary
    names `_lkjTmp<n>`, named for good by `tandai`); strip sentinels everywhere else, and
    everywhere when not `tandai` (headers and footers, which perbarui does not merge)."""
    if tandai:
        for t in root.xpath(f"//w:t[{_ADA}]"):
            if t.text and MULAI in t.text and t.getparent().tag == _R:
                pencatat.terpasang += _pecah_run(t)
        if pencatat.terpasang >= len(pencatat.jalur):
            return  # every value printed so far was in run text
    # values printed where no mark can go (attributes, field codes): plain text
    for node in root.xpath(f"//text()[{_ADA}]"):
        el = node.getparent()
        if node.is_text:
            el.text = buang_sentinel(el.text)
        elif node.is_tail:
            el.tail = buang_sentinel(el.tail)
    for attr in root.xpath(f"//@*[{_ADA}]"):
        el = attr.getparent()
        el.set(attr.attrname, buang_sentinel(str(attr)))


def _pecah_run(t) -> int:
    """Split the run of `t` around each sentinel-wrapped value and bookmark the value's run;
    returns how many values it held."""
    from copy import deepcopy

    r = t.getparent()
    teks = t.text
    potongan: list[tuple[str, int | None]] = []
    awal = 0
    for m in _SENTINEL.finditer(teks):
        potongan.append((teks[awal:m.start()], None))
        potongan.append((m.group(2), int(m.group(1))))
        awal = m.end()
    potongan.append((teks[awal:], None))
    potongan = [(isi_p, nomor) for isi_p, nomor in potongan if isi_p]
    jumlah = sum(1 for _, nomor in potongan if nomor is not None)
    if any(c is not t and c.tag != _RPR for c in r):  # more than its text: kept whole, unmarked
        t.text = buang_sentinel(teks)
        return jumlah
    for n, (isi_p, nomor) in enumerate(potongan):
        # the last piece reuses the run itself; the others are copies of it
        baru = r if n == len(potongan) - 1 else deepcopy(r)
        (t if baru is r else baru.find(_T)).text = buang_sentinel(isi_p)
        if baru is not r:
            r.addprevious(baru)
        if nomor is not None:
            nama = f"{SEMENTARA}{nomor}"
            bid = str(id_sementara())
            baru.addprevious(r.makeelement(_BS, {_ID: bid, _NAME: nama}))
            baru.addnext(r.makeelement(_BE, {_ID: bid, _NAME: nama}))
    return jumlah


# --- what a part holds ---------------------------------------------------------------------


def isi_antara(start, end, package_part=None) -> str:
    """What a value holds: the runs between its bookmark's start and end (one paragraph)."""
    keluar = []
    el = start.getnext()
    while el is not None and el is not end:
        keluar.append(isi(el, package_part))
        el = el.getnext()
    return "".join(keluar)


def _hash(teks: str, n: int) -> str:
    """The first n hex digits of the text's SHA-1 (bookmark names allow letters and digits)."""
    return hashlib.sha1(teks.encode("utf-8")).hexdigest()[:n]


_GAMBAR = (qn("w:drawing"), qn("w:pict"), qn("w:object"))


_ISI_TAG = tuple(qn(t) for t in (
    "w:p", "w:tc", "w:t", "w:tab", "w:br", "w:cr", "w:fldChar", "w:fldSimple", "w:drawing",
    "w:pict", "w:object", "w:commentReference", "w:footnoteReference", "w:endnoteReference",
    "w:ins", "w:del", "w:moveFrom", "w:moveTo"))
_T, _P, _TC, _TAB, _BR, _CR, _FLD, _FLDS, _INS, _DEL = (qn(t) for t in (
    "w:t", "w:p", "w:tc", "w:tab", "w:br", "w:cr", "w:fldChar", "w:fldSimple", "w:ins", "w:del"))
_CATATAN = {qn("w:commentReference"), qn("w:footnoteReference"), qn("w:endnoteReference")}
_R = qn("w:r")


def isi(el, package_part=None) -> str:
    """What a part holds, as a person would see a change to it: its text (not field results,
    which Word and LibreOffice recompute), line, paragraph and cell breaks, pictures, charts
    (with the figures they plot when `package_part` is given), comments, notes and tracked
    changes. Not formatting and page breaks: LibreOffice rewrites both when it saves a .docx
    (it adds direct formatting, and turns "page break before" into a break), so a change of
    formatting alone is not seen.
    """
    keluar: list[str] = []
    medan = 0  # open complex fields whose result is being read (between separate and end)
    kode = 0  # open complex fields before their separate
    for node in el.iter(_ISI_TAG):
        tag = node.tag
        if tag == _T:
            if not medan and not kode and node.getparent().getparent().tag != _FLDS:
                keluar.append(node.text or "")
        elif tag == _P:
            keluar.append("\n")
        elif tag == _TC:
            keluar.append("|")
        elif tag == _FLD:
            jenis = node.get(_FLDTYPE)
            if jenis == "begin":
                if not medan and not kode:
                    keluar.append("[medan]")
                kode += 1
            elif jenis == "separate" and kode:
                kode -= 1
                medan += 1
            elif jenis == "end":
                if medan:
                    medan -= 1
                elif kode:
                    kode -= 1
        elif medan or kode:
            continue
        elif tag == _TAB:
            if node.getparent().tag == _R:
                keluar.append("\t")
        elif tag == _BR:
            if node.get(_TYPE) not in ("page", "column"):
                keluar.append("\n")  # a page break is layout: LibreOffice makes them
        elif tag == _CR:
            keluar.append("\n")
        elif tag == _FLDS:
            keluar.append("[medan]")
        elif tag in _GAMBAR:
            keluar.append(_token_gambar(node, package_part))
        elif tag in _CATATAN:
            keluar.append("[catatan]")
        else:  # w:ins, w:del, w:moveFrom, w:moveTo
            keluar.append("[revisi]")
    return "".join(keluar)


def nama_grafik(drawing) -> str:
    """The chart name lkj gave a drawing (`lkj-grafik:<nama>`), "" for any other drawing."""
    for doc_pr in drawing.iter("{http://schemas.openxmlformats.org/drawingml/2006/"
                               "wordprocessingDrawing}docPr"):
        nama = doc_pr.get("name", "")
        if nama.startswith(GRAFIK_PREFIX):
            return nama[len(GRAFIK_PREFIX):]
    return ""


def _token_gambar(drawing, package_part) -> str:
    """A picture, or a chart with the figures it plots (not its name: LibreOffice renames
    drawings `Object1`...)."""
    if next(drawing.iter(f"{{{_C}}}chart"), None) is None:
        return "[gambar]"
    data = data_grafik(drawing, package_part) if package_part is not None else ""
    return f"[grafik:{_hash(data, 8)}]"


_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def bagian_grafik(drawing, package_part):
    """The chart part a drawing shows, or None."""
    for chart in drawing.iter(f"{{{_C}}}chart"):
        rid = chart.get(qn("r:id"))
        rel = package_part.rels.get(rid)
        if rel is not None and not rel.is_external:
            return rel.target_part
    return None


def data_grafik(drawing, package_part) -> str:
    """The categories and figures a chart shows (its cached values), normalised so the same
    figures give the same text whichever program wrote the chart."""
    part = bagian_grafik(drawing, package_part)
    if part is None:
        return ""
    try:
        root = etree.fromstring(part.blob)
    except etree.XMLSyntaxError:
        return "?"
    nilai = []
    for ser in root.iter(f"{{{_C}}}ser"):
        for pt in ser.iter(f"{{{_C}}}pt"):
            v = pt.find(f"{{{_C}}}v")
            teks = (v.text or "").strip() if v is not None else ""
            with contextlib.suppress(ValueError):
                teks = f"{float(teks):.6g}"
            nilai.append(f"{pt.get('idx')}={teks}")
        nilai.append(";")
    return "|".join(nilai)


def sidik(teks: str) -> str:
    return _hash(teks, PANJANG_SIDIK)


# --- naming the marks ----------------------------------------------------------------------


def _nama(jenis: str, kunci: str, isi_teks: str) -> str:
    return f"{AWALAN}{jenis}{_hash(kunci, PANJANG_ID)}{sidik(isi_teks)}"


def _bookmark_titik(p, nama: str) -> None:
    bid = str(id_sementara())
    start = p.makeelement(_BS, {_ID: bid, _NAME: nama})
    end = p.makeelement(_BE, {_ID: bid})
    ppr = p.find(_PPR)
    letak = 1 if ppr is not None else 0
    p.insert(letak, start)
    p.insert(letak + 1, end)


def paragraf_pertama(el):
    """The first paragraph of a table or row (where its mark goes)."""
    return next(el.iter(qn("w:p")), None)


def pasangan(root) -> dict[str, tuple]:
    """bookmark name -> (bookmarkStart, bookmarkEnd) under root, first of each name.

    An end names its start by w:id; LibreOffice may write a point bookmark as two starts of one
    name and one end, so every start's id leads to its name.
    """
    mulai: dict[str, object] = {}
    per_id: dict[str, str] = {}
    hasil: dict[str, tuple] = {}
    for el in root.iter(_BS, _BE):
        if el.tag == _BS:
            nama = el.get(_NAME, "")
            per_id[el.get(_ID)] = nama
            mulai.setdefault(nama, el)
        else:
            nama = el.get(_NAME) or per_id.get(el.get(_ID), "")
            if nama in mulai and nama not in hasil:
                hasil[nama] = (mulai[nama], el)
    return hasil


def _gaya(p) -> str:
    el = p.find(_PSTYLE_PATH)
    return el.get(_VAL, "") if el is not None else ""


def daftar_isi(p) -> bool:
    """A line of a contents list (LibreOffice writes the style id `Tableoffigures`)."""
    return _gaya(p).lower() in _DAFTAR_LO


def _teks_datar(el) -> str:
    return " ".join("".join(t.text or "" for t in el.iter(qn("w:t"))).split())


def blok(body) -> Iterator:
    """The body's block-level paragraphs and tables, also inside a block content control
    (LibreOffice wraps the Daftar Isi in one)."""
    for el in body:
        if el.tag in (qn("w:p"), _TBL):
            yield el
        elif el.tag == qn("w:sdt"):
            isi_sdt = el.find(qn("w:sdtContent"))
            if isi_sdt is not None:
                yield from blok(isi_sdt)


def tandai(doc, pencatat: Pencatat) -> list[str]:
    """Name every value mark and add block, table and row marks to the finished body
    (generator.marks.penamaan). Returns the ids of the blocks and rows, for the custom properties
    (`simpan_daftar`)."""
    from generator.marks.penamaan import tandai as namai

    return namai(doc, pencatat)


def nomori_bookmark(root) -> None:
    """Give every bookmark a unique w:id and exactly one end.

    In document order: a start with a name already used is dropped (its end then closes the
    first); an end closes the start it names, else the earliest open start with its old id;
    an end that closes nothing is dropped; a start left open gets an end right after it.
    """
    berikut = 1
    terbuka: dict[str, deque] = {}  # old id -> starts with that id, in order, closed ones
    # dropped lazily from the front (one pass, however many bookmarks share an id)
    per_nama: dict[str, object] = {}
    alias: dict[str, object] = {}  # old id of a dropped duplicate -> the kept start
    ditutup: set = set()
    for el in list(root.iter(_BS, _BE)):
        lama = el.get(_ID, "")
        if el.tag == _BS:
            nama = el.get(_NAME, "")
            if nama in per_nama:
                alias[lama] = per_nama[nama]
                el.getparent().remove(el)
                continue
            el.set(_ID, str(berikut))
            berikut += 1
            per_nama[nama] = el
            terbuka.setdefault(lama, deque()).append(el)
            continue
        nama = el.attrib.pop(_NAME, None)
        start = per_nama.get(nama) if nama else None
        if start is None or start in ditutup:
            antre = terbuka.get(lama, ())
            while antre and antre[0] in ditutup:
                antre.popleft()
            start = antre[0] if antre else alias.get(lama)
        if start is None or start in ditutup:
            el.getparent().remove(el)
            continue
        ditutup.add(start)
        el.set(_ID, start.get(_ID))
    for start in per_nama.values():
        if start not in ditutup:
            start.addnext(OxmlElement("w:bookmarkEnd", {_ID: start.get(_ID)}))


# --- the list of parts, in custom document properties ---------------------------------------


def potong_daftar(ids: list[str]) -> list[str]:
    """The ids as property values of at most PANJANG_PROPERTI characters."""
    nilai: list[str] = []
    kini = ""
    for i in sorted({i[:PANJANG_DAFTAR] for i in ids}):
        if len(kini) + len(i) > PANJANG_PROPERTI:
            nilai.append(kini)
            kini = ""
        kini += i
    if kini:
        nilai.append(kini)
    return nilai


def baca_daftar(properti: dict[str, str]) -> set[str]:
    """The (shortened) ids stored by `potong_daftar` in properties `lkj-bagian-NN`."""
    ids: set[str] = set()
    for nama, nilai in properti.items():
        if nama.startswith(PROPERTI):
            nilai = nilai.strip()
            ids.update(nilai[i:i + PANJANG_DAFTAR] for i in range(0, len(nilai), PANJANG_DAFTAR))
    return ids


def properti_daftar(ids: list[str]) -> dict[str, str]:
    return {f"{PROPERTI}{n:02d}": v for n, v in enumerate(potong_daftar(ids), start=1)}


def tanda_di(root) -> dict[str, tuple]:
    """lkj's marks under root: name -> (kind, id, fingerprint, bookmarkStart, bookmarkEnd), the
    first of each id (a copied part's mark is a person's copy)."""
    hasil: dict[str, tuple] = {}
    dilihat: set[str] = set()
    for nama, (start, end) in pasangan(root).items():
        m = POLA.match(nama)
        if m and m.group(2) not in dilihat:
            dilihat.add(m.group(2))
            hasil[m.group(2)] = (m.group(1), m.group(2), m.group(3), start, end)
    return hasil


def simpan_daftar(doc, ids: list[str]) -> None:
    """Write the list of parts into the document's custom properties (python-docx package)."""
    from generator.files.properti import tulis_properti

    tulis_properti(doc, {**properti_daftar(ids), kunci.PROPERTI_VERSI: kunci.VERSI},
                   buang=(PROPERTI,))


def buang_bookmark(root, awalan: str = AWALAN) -> None:
    """Remove the bookmarks under root whose name starts with `awalan` (lkj's marks by
    default), with their ends."""
    mati = set()
    for b in list(root.iter(_BS)):
        if b.get(_NAME, "").startswith(awalan):
            mati.add(b.get(_ID))
            b.getparent().remove(b)
    for b in list(root.iter(_BE)):
        if b.get(_ID) in mati:
            b.getparent().remove(b)


def sidik_di(root) -> dict[str, tuple[str, str, str]]:
    """lkj's marks under root as {id: (kind, id, fingerprint)}, first of each id, holding no
    element: the merge keeps this while it removes replaced parts, and lxml frees a removed
    part in time proportional to it only when no Python reference points inside it."""
    hasil: dict[str, tuple[str, str, str]] = {}
    for b in root.iter(_BS):
        m = POLA.match(b.get(_NAME, ""))
        if m and m.group(2) not in hasil:
            hasil[m.group(2)] = (m.group(1), m.group(2), m.group(3))
    return hasil
