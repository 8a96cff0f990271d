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
`tandai` names every mark once the document is finished (generator.marks.penamaan).

This module is the marking policy: what gets a mark, how a mark is named and read back (`Tanda`)
and the list of parts. Bookmark operations are generator.marks.bookmark's, fingerprints (`isi`,
`sidik`) generator.marks.sidik's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from copy import deepcopy
from typing import NamedTuple

from docx.oxml.ns import qn

from generator.marks import bookmark, kunci
from generator import kontrak as k
from generator.marks.sidik import PANJANG_SIDIK, hash_teks, sidik

AWALAN = k.TANDA
MULAI, PISAH, AKHIR = k.MULAI, k.PISAH, k.AKHIR
SEMENTARA = k.TANDA_SEMENTARA
PROPERTI = k.PROPERTI_BAGIAN
PANJANG_ID = 10
POLA = re.compile(rf"^{AWALAN}([NBTR])([0-9a-f]{{{PANJANG_ID}}})([0-9a-f]{{{PANJANG_SIDIK}}})$")
_SENTINEL = re.compile(f"{MULAI}([0-9]+){PISAH}(.*?){AKHIR}", re.S)
PANJANG_DAFTAR = 7  # the list keeps 7 of an id's 10 hex digits: 28 bits, ample to tell ids apart
PANJANG_PROPERTI = 250
_P, _T, _R, _RPR, _TBL, _SDT = (qn(t) for t in ("w:p", "w:t", "w:r", "w:rPr", "w:tbl", "w:sdt"))
_PSTYLE_PATH = f"{qn('w:pPr')}/{qn('w:pStyle')}"
_VAL = qn("w:val")


# --- a mark and its name -------------------------------------------------------------------


class Tanda(NamedTuple):
    """One of lkj's marks: its kind (`N` value, `B` block, `T` table, `R` row), id and
    fingerprint, with its bookmark's start and end where it was read from elements."""

    jenis: str
    id: str
    sidik: str
    start: object = None
    end: object = None


def baca(nama: str) -> Tanda | None:
    """The mark a bookmark name spells, or None for any other bookmark."""
    m = POLA.match(nama)
    return Tanda(m.group(1), m.group(2), m.group(3)) if m else None


def id_dari(kunci_: str) -> str:
    """The id of the part keyed `kunci_` (generator.marks.penamaan)."""
    return hash_teks(kunci_, PANJANG_ID)


def nama(jenis: str, id_: str, isi_teks: str) -> str:
    """The bookmark name of a mark: prefix, kind, id and the fingerprint of what it holds."""
    return f"{AWALAN}{jenis}{id_}{sidik(isi_teks)}"


def tanda_di(root) -> dict[str, Tanda]:
    """lkj's marks under root by id, with their bookmarks, the first of each id (a copied
    part's mark is a person's copy)."""
    hasil: dict[str, Tanda] = {}
    for nama_b, (start, end) in bookmark.pasangan(root).items():
        t = baca(nama_b)
        if t and t.id not in hasil:
            hasil[t.id] = t._replace(start=start, end=end)
    return hasil


def sidik_di(root) -> dict[str, Tanda]:
    """lkj's marks under root by id, first of each id, holding no element: the merge keeps
    this while it removes replaced parts, and lxml frees a removed part in time proportional
    to it only when no Python reference points inside it."""
    hasil: dict[str, Tanda] = {}
    for b in root.iter(bookmark.BS):
        t = baca(b.get(bookmark.NAME, ""))
        if t and t.id not in hasil:
            hasil[t.id] = t
    return hasil


def buang_tanda(root) -> None:
    """Remove lkj's marks under root."""
    bookmark.buang(root, AWALAN)


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
        return {k_: tandai_konteks(v, f"{jalur}.{k_}" if jalur else str(k_),
                                   f"{jalur_lama}.{k_}" if jalur_lama else str(k_))
                for k_, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [tandai_konteks(v, f"{jalur}{seg}" if seg else f"{jalur}.{i}", f"{jalur_lama}.{i}")
                for i, (v, seg) in enumerate(zip(value, kunci.segmen(list(value)), strict=True))]
    return value


class Pencatat:
    """Hands out a number per printed value (the sentinel's payload) and remembers its path;
    `id_bookmark` gives the document's temporary bookmark ids."""

    def __init__(self) -> None:
        self.jalur: list[str] = []
        self.jalur_lama: list[str] = []
        self.terpasang = 0  # values turned into marks or stripped so far (pasang_nilai)
        self.id_bookmark = bookmark.IdSementara()

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
                pencatat.terpasang += _pecah_run(t, pencatat.id_bookmark)
        if pencatat.terpasang >= len(pencatat.jalur):
            return  # every value printed so far was in run text
    _buang_sentinel_di(root)


def _buang_sentinel_di(root) -> None:
    """Values printed where no mark can go (attributes, field codes) become plain text."""
    for node in root.xpath(f"//text()[{_ADA}]"):
        el = node.getparent()
        if node.is_text:
            el.text = buang_sentinel(el.text)
        elif node.is_tail:
            el.tail = buang_sentinel(el.tail)
    for attr in root.xpath(f"//@*[{_ADA}]"):
        attr.getparent().set(attr.attrname, buang_sentinel(str(attr)))


def _potongan(teks: str) -> list[tuple[str, int | None]]:
    """Run text cut at its sentinels: (text, value number or None), empty pieces left out."""
    potongan: list[tuple[str, int | None]] = []
    awal = 0
    for m in _SENTINEL.finditer(teks):
        potongan.append((teks[awal:m.start()], None))
        potongan.append((m.group(2), int(m.group(1))))
        awal = m.end()
    potongan.append((teks[awal:], None))
    return [(isi_p, nomor) for isi_p, nomor in potongan if isi_p]


def _pecah_run(t, id_baru: bookmark.IdSementara) -> int:
    """Split the run of `t` around each sentinel-wrapped value and bookmark the value's run;
    returns how many values it held."""
    r = t.getparent()
    potongan = _potongan(t.text)
    jumlah = sum(1 for _, nomor in potongan if nomor is not None)
    if any(c is not t and c.tag != _RPR for c in r):  # more than its text: kept whole, unmarked
        t.text = buang_sentinel(t.text)
        return jumlah
    for n, (isi_p, nomor) in enumerate(potongan):
        # the last piece reuses the run itself; the others are copies of it
        baru = r if n == len(potongan) - 1 else deepcopy(r)
        (t if baru is r else baru.find(_T)).text = buang_sentinel(isi_p)
        if baru is not r:
            r.addprevious(baru)
        if nomor is not None:
            bookmark.sekitar(baru, f"{SEMENTARA}{nomor}", id_baru())
    return jumlah


# --- what is marked ------------------------------------------------------------------------


def gaya(p) -> str:
    """A paragraph's style id ("" when it has none)."""
    el = p.find(_PSTYLE_PATH)
    return el.get(_VAL, "") if el is not None else ""


def daftar_isi(p) -> bool:
    """A line of a contents list (LibreOffice writes the style id `Tableoffigures`): renewed
    whole, so unmarked."""
    return gaya(p).lower() in k.DAFTAR_ISI_LO


def teks_datar(el) -> str:
    """An element's text, whitespace runs as one space."""
    return " ".join("".join(t.text or "" for t in el.iter(_T)).split())


def paragraf_pertama(el):
    """The first paragraph of a table or row (where its mark goes)."""
    return next(el.iter(_P), None)


def blok(body) -> Iterator:
    """The body's block-level paragraphs and tables, also inside a block content control
    (LibreOffice wraps the Daftar Isi in one)."""
    for el in body:
        if el.tag in (_P, _TBL):
            yield el
        elif el.tag == _SDT:
            isi_sdt = el.find(qn("w:sdtContent"))
            if isi_sdt is not None:
                yield from blok(isi_sdt)


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
    for nama_p, nilai in properti.items():
        if nama_p.startswith(PROPERTI):
            nilai = nilai.strip()
            ids.update(nilai[i:i + PANJANG_DAFTAR] for i in range(0, len(nilai), PANJANG_DAFTAR))
    return ids


def properti_daftar(ids: list[str]) -> dict[str, str]:
    return {f"{PROPERTI}{n:02d}": v for n, v in enumerate(potong_daftar(ids), start=1)}


def dalam_daftar(i: str, daftar: set[str]) -> bool:
    """Whether the part with id `i` is in a list of parts read by `baca_daftar`."""
    return i[:PANJANG_DAFTAR] in daftar


def simpan_daftar(doc, ids: list[str]) -> None:
    """Write the list of parts into the document's custom properties (python-docx package)."""
    from generator.files.properti import tulis_properti

    tulis_properti(doc, {**properti_daftar(ids), kunci.PROPERTI_VERSI: kunci.VERSI},
                   buang=(PROPERTI,))
