"""Word bookmarks as lkj handles them: pairs, point bookmarks, temporary ids, renumbering.

Nothing here knows what a mark means (generator.marks.tanda decides that); these are the operations
on `w:bookmarkStart` / `w:bookmarkEnd` that marking, naming and merging share.
"""

from __future__ import annotations

import itertools
from collections import deque

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

BS, BE = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
ID, NAME = qn("w:id"), qn("w:name")
_PPR = qn("w:pPr")
ID_SEMENTARA = 10_000_000  # above any id a document holds until nomori_bookmark numbers them


class IdSementara:
    """Hands out temporary bookmark ids for one document (`next_id()`), unique among its
    bookmarks until `nomori_bookmark` numbers them all 1, 2, ..."""

    def __init__(self, awal: int = ID_SEMENTARA) -> None:
        self._n = itertools.count(awal)

    @classmethod
    def di_atas(cls, root) -> IdSementara:
        """An allocator above every numeric id under root and above ID_SEMENTARA."""
        ids = [int(i) for b in root.iter(BS) if (i := b.get(ID) or "").isdigit()]
        return cls(max(ID_SEMENTARA, max(ids, default=0) + 1))

    def __call__(self) -> int:
        return next(self._n)


def titik(p, nama: str, bid: int) -> None:
    """A point bookmark at the start of paragraph `p` (after its properties)."""
    start = p.makeelement(BS, {ID: str(bid), NAME: nama})
    end = p.makeelement(BE, {ID: str(bid)})
    letak = 1 if p.find(_PPR) is not None else 0
    p.insert(letak, start)
    p.insert(letak + 1, end)


def sekitar(r, nama: str, bid: int) -> None:
    """A range bookmark around exactly the run (or other inline element) `r`."""
    r.addprevious(r.makeelement(BS, {ID: str(bid), NAME: nama}))
    r.addnext(r.makeelement(BE, {ID: str(bid), NAME: nama}))


def pasangan(root) -> dict[str, tuple]:
    """bookmark name -> (bookmarkStart, bookmarkEnd) under root, first of each name.

    An end names its start by w:id; LibreOffice may write a point bookmark as two starts of one
    name and one end, so every start's id leads to its name.
    """
    mulai: dict[str, object] = {}
    per_id: dict[str, str] = {}
    hasil: dict[str, tuple] = {}
    for el in root.iter(BS, BE):
        if el.tag == BS:
            nama = el.get(NAME, "")
            per_id[el.get(ID)] = nama
            mulai.setdefault(nama, el)
        else:
            nama = el.get(NAME) or per_id.get(el.get(ID), "")
            if nama in mulai and nama not in hasil:
                hasil[nama] = (mulai[nama], el)
    return hasil


def buang(root, awalan: str) -> None:
    """Remove the bookmarks under root whose name starts with `awalan`, with their ends."""
    mati = set()
    for b in list(root.iter(BS)):
        if b.get(NAME, "").startswith(awalan):
            mati.add(b.get(ID))
            b.getparent().remove(b)
    for b in list(root.iter(BE)):
        if b.get(ID) in mati:
            b.getparent().remove(b)


def geser_id(body_lama, body_baru) -> None:
    """The ids of `body_baru`'s bookmarks above `body_lama`'s, so none is shared while merging."""
    ids = [int(b.get(ID, "0")) for b in body_lama.iter(BS) if (b.get(ID) or "").isdigit()]
    geser = max(ids, default=0) + 1
    for b in body_baru.iter(BS, BE):
        if (b.get(ID) or "").isdigit():
            b.set(ID, str(int(b.get(ID)) + geser))


class _Penomor:
    """One pass of `nomori_bookmark` over a document's bookmarks, in document order."""

    def __init__(self) -> None:
        self.berikut = 1
        # old id -> starts with that id, in order; closed ones dropped lazily from the front
        # (one pass, however many bookmarks share an id)
        self.terbuka: dict[str, deque] = {}
        self.per_nama: dict[str, object] = {}
        self.alias: dict[str, object] = {}  # old id of a dropped duplicate -> the kept start
        self.ditutup: set = set()

    def mulai(self, el, lama: str) -> None:
        nama = el.get(NAME, "")
        if nama in self.per_nama:
            self.alias[lama] = self.per_nama[nama]
            el.getparent().remove(el)
            return
        el.set(ID, str(self.berikut))
        self.berikut += 1
        self.per_nama[nama] = el
        self.terbuka.setdefault(lama, deque()).append(el)

    def akhir(self, el, lama: str) -> None:
        nama = el.attrib.pop(NAME, None)
        start = self.per_nama.get(nama) if nama else None
        if start is None or start in self.ditutup:
            antre = self.terbuka.get(lama, ())
            while antre and antre[0] in self.ditutup:
                antre.popleft()
            start = antre[0] if antre else self.alias.get(lama)
        if start is None or start in self.ditutup:
            el.getparent().remove(el)
            return
        self.ditutup.add(start)
        el.set(ID, start.get(ID))

    def tutup_sisa(self) -> None:
        for start in self.per_nama.values():
            if start not in self.ditutup:
                start.addnext(OxmlElement("w:bookmarkEnd", {ID: start.get(ID)}))


def nomori_bookmark(root) -> None:
    """Give every bookmark a unique w:id and exactly one end.

    In document order: a start with a name already used is dropped (its end then closes the
    first); an end closes the start it names, else the earliest open start with its old id;
    an end that closes nothing is dropped; a start left open gets an end right after it.
    """
    penomor = _Penomor()
    for el in list(root.iter(BS, BE)):
        (penomor.mulai if el.tag == BS else penomor.akhir)(el, el.get(ID, ""))
    penomor.tutup_sisa()
