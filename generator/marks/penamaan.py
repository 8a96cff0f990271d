"""Naming the marks of a finished report (generator.marks.tanda's `tandai`): ids that follow meaning.

A value's id hashes its context path with list elements by their stable key (generator.marks.kunci).
A block or row holding values is keyed by those paths; a block without values of its own (fixed
words, a chart, an empty line) by its words, its heading, and the keyed group of the last block
with values before it, so a chart and its note follow their indicator wherever it moves.

While `PETA_V1` holds a dict, the ids lkj gave the same parts before version 2 of the marks
(positions instead of keys) are collected in it, old id -> new id, so `lkj perbarui` can rename
the marks of a report made by an earlier lkj once and then read it like any other.
"""

from __future__ import annotations

from collections import Counter
from contextvars import ContextVar

from docx.oxml.ns import qn

from generator.marks import bookmark, kunci, tanda
from generator import kontrak as k
from generator.marks.sidik import isi, isi_antara

PETA_V1: ContextVar[dict | None] = ContextVar("PETA_V1", default=None)
_TR = qn("w:tr")


class _Kunci:
    """One version's keys: the heading a block is under, the group it follows, counts."""

    def __init__(self, lingkup: bool) -> None:
        self.pakai_lingkup = lingkup
        self.judul = ""
        self.lingkup = ""
        self.kali: Counter = Counter()

    def blok(self, el, jalur: list[str]) -> str:
        """The key of a body paragraph: its values, or its words under its heading."""
        teks = tanda.teks_datar(el)
        tanda_ = "v:" + "|".join(jalur) if jalur else "t:" + teks
        if tanda.gaya(el) in k.JUDUL:
            self.judul, self.lingkup = tanda_, ""
            return self._hitung(tanda_)
        return self._hitung(f"{tanda_}@{self.judul}" + self._di(jalur, teks))

    def tabel(self, kepala: str, jalur: list[str]) -> str:
        return self._hitung(f"tabel:{kepala}@{self.judul}" + self._di(jalur, kepala))

    def _di(self, jalur: list[str], teks: str) -> str:
        """The group a part without words or values (a chart, an empty line) follows, in
        version 2: the keyed group of the last part with values. Words and values key a part
        well enough; a sub-heading after a list of indicators must not follow the last one."""
        if not self.pakai_lingkup:
            return ""
        if jalur:
            self.lingkup = kunci.lingkup(jalur)
            return ""
        return f"@{self.lingkup}" if self.lingkup and not teks else ""

    def _hitung(self, kunci_: str) -> str:
        self.kali[kunci_] += 1
        return f"{kunci_}#{self.kali[kunci_]}"


def _nama_nilai(body, part, pencatat, peta) -> dict[str, tuple[str, str]]:
    """Name every value mark for good; returns final name -> (path, positional path). Marks
    around nothing (a list number turned into Word numbering) are dropped."""
    hasil: dict[str, tuple[str, str]] = {}
    kali: Counter = Counter()
    for nama, (start, end) in bookmark.pasangan(body).items():
        if not nama.startswith(tanda.SEMENTARA):
            continue
        n = int(nama[len(tanda.SEMENTARA):])
        jalur, lama = pencatat.jalur[n], pencatat.jalur_lama[n]
        p = start.getparent()
        teks = isi_antara(start, end, part) if end.getparent() is p else ""
        if not teks.strip():
            start.getparent().remove(start)
            end.getparent().remove(end)
            continue
        kali[jalur] += 1
        i = tanda.id_dari(f"{jalur}#{kali[jalur]}")
        baru = tanda.nama("N", i, teks)
        if peta is not None:
            peta[tanda.id_dari(f"{lama}#{kali[jalur]}")] = i
        start.set(bookmark.NAME, baru)
        end.set(bookmark.NAME, baru)
        hasil[baru] = (jalur, lama)
    return hasil


def _jalur_di(el, nilai: dict, versi: int) -> list[str]:
    return [nilai[b.get(bookmark.NAME)][versi] for b in el.iter(bookmark.BS)
            if b.get(bookmark.NAME) in nilai]


class _Penanda:
    """Adds the block, table and row marks of one finished body, keyed in both versions."""

    def __init__(self, part, pencatat, nilai: dict, peta: dict | None) -> None:
        self.part, self.pencatat, self.nilai, self.peta = part, pencatat, nilai, peta
        self.kunci2, self.kunci1 = _Kunci(lingkup=True), _Kunci(lingkup=False)
        self.daftar: list[str] = []  # the ids of the blocks and rows

    def satu(self, jenis: str, p, k2: str, k1: str, isi_teks: str) -> None:
        """A point mark at `p` keyed `k2` (and `k1` in version 1's ids, when collected)."""
        i = tanda.id_dari(k2)
        bookmark.titik(p, tanda.nama(jenis, i, isi_teks), self.pencatat.id_bookmark())
        if self.peta is not None:
            self.peta[tanda.id_dari(k1)] = i
        self.daftar.append(i)

    def blok(self, el) -> None:
        k2 = self.kunci2.blok(el, _jalur_di(el, self.nilai, 0))
        k1 = self.kunci1.blok(el, _jalur_di(el, self.nilai, 1))
        self.satu("B", el, k2, k1, isi(el, self.part))

    def tabel(self, el) -> None:
        """A table's rows, then the table (its mark holds what its rows hold)."""
        rows = el.findall(_TR)
        kepala = tanda.teks_datar(rows[0]) if rows else ""
        t2 = self.kunci2.tabel(kepala, _jalur_di(el, self.nilai, 0))
        t1 = self.kunci1.tabel(kepala, _jalur_di(el, self.nilai, 1))
        isi_baris = [self.baris(tr, kunci_) for tr, kunci_ in zip(
            rows, _kunci_baris(rows, t2, t1, self.nilai), strict=True)]
        p = tanda.paragraf_pertama(el)
        if p is not None:
            self.satu("T", p, t2, t1, "".join(isi_baris))  # = isi(el): rows only

    def baris(self, tr, kunci_: tuple[str, str]) -> str:
        isi_tr = isi(tr, self.part)
        p = tanda.paragraf_pertama(tr)
        if p is not None:
            self.satu("R", p, kunci_[0], kunci_[1], isi_tr)
        return isi_tr


def tandai(doc, pencatat) -> list[str]:
    """Name every value mark and add block, table and row marks to the finished body; returns
    the ids of the blocks and rows, for the custom properties (`tanda.simpan_daftar`)."""
    body, part = doc.element.body, doc.part
    peta = PETA_V1.get()
    penanda = _Penanda(part, pencatat, _nama_nilai(body, part, pencatat, peta), peta)
    for el in list(tanda.blok(body)):
        if el.tag != qn("w:p"):
            penanda.tabel(el)
        elif not tanda.daftar_isi(el):
            penanda.blok(el)
    bookmark.nomori_bookmark(body)
    return penanda.daftar


def _kunci_baris(rows, t2: str, t1: str, nilai: dict) -> list[tuple[str, str]]:
    """Each row's keys in both versions: its values, or its words, within its table."""
    kali: tuple[Counter, Counter] = (Counter(), Counter())
    hasil = []
    for tr in rows:
        keys = []
        if tanda.paragraf_pertama(tr) is None:  # no place for a mark: not counted
            hasil.append(("", ""))
            continue
        for versi, t in enumerate((t2, t1)):
            jalur = _jalur_di(tr, nilai, versi)
            k = f"{t}/" + ("v:" + "|".join(jalur) if jalur else "t:" + tanda.teks_datar(tr))
            kali[versi][k] += 1
            keys.append(f"{k}#{kali[versi][k]}")
        hasil.append((keys[0], keys[1]))
    return hasil


def namai_ulang_v1(body, peta: dict[str, str]) -> int:
    """Rename the marks of a report made before version 2 of the marks to the ids the same
    parts have now (`peta`, collected while rendering); kind and fingerprint stay, so what a
    person edited stays edited. Returns how many marks were renamed."""
    n = 0
    for b in body.iter(bookmark.BS, bookmark.BE):
        t = tanda.baca(b.get(bookmark.NAME, ""))
        if t and t.id in peta:
            b.set(bookmark.NAME, f"{tanda.AWALAN}{t.jenis}{peta[t.id]}{t.sidik}")
            n += b.tag == bookmark.BS
    return n


def daftar_ulang_v1(ids: set[str], peta: dict[str, str]) -> set[str]:
    """The list of parts (shortened ids, custom properties) in version 2's ids."""
    pendek = {lama[:tanda.PANJANG_DAFTAR]: baru[:tanda.PANJANG_DAFTAR] for lama, baru in peta.items()}
    return {pendek.get(i, i) for i in ids}
