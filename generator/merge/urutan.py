"""The merged parts in the new rendering's order, moving as few as possible (generator.merge.perbarui).

When the workbook reorders its indicators, the report's parts (kept where they stood) are out
of the new order. The longest run of parts already in order stays; each other part moves,
with the person's own blocks that follow it, to just after the part before it in the new order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable


def _terpanjang(posisi: list[int]) -> set[int]:
    """Indexes (into `posisi`) of a longest increasing subsequence."""
    ekor: list[int] = []  # smallest tail value of an increasing run of each length
    ekor_i: list[int] = []
    sebelum = [-1] * len(posisi)
    for i, p in enumerate(posisi):
        k = bisect_left(ekor, p)
        if k == len(ekor):
            ekor.append(p)
            ekor_i.append(i)
        else:
            ekor[k], ekor_i[k] = p, i
        sebelum[i] = ekor_i[k - 1] if k else -1
    hasil = set()
    i = ekor_i[-1] if ekor_i else -1
    while i != -1:
        hasil.add(i)
        i = sebelum[i]
    return hasil


def _kelompok(el, milik_orang: Callable) -> list:
    """`el` and the person's own blocks right after it."""
    hasil = [el]
    nxt = el.getnext()
    while nxt is not None and milik_orang(nxt):
        hasil.append(nxt)
        nxt = nxt.getnext()
    return hasil


def ikuti_urutan(urut: list, milik_orang: Callable) -> int:
    """Reorder the siblings in `urut` (parts of one body or table, in the new order) so they
    stand in that order; returns how many parts moved."""
    if len(urut) < 2:
        return 0
    induk = urut[0].getparent()
    urut = [el for el in urut if el.getparent() is induk]  # a part inside a content control stays
    anak = list(induk)  # held while ids are compared: lxml keeps one proxy per live element
    letak = {id(el): n for n, el in enumerate(anak)}
    posisi = [letak.get(id(el), -1) for el in urut]
    del anak, letak
    tetap = _terpanjang(posisi)
    if len(tetap) == len(urut):
        return 0
    pindah = 0
    jangkar = None  # the last element of the group placed before the current part
    for i, el in enumerate(urut):
        if el.getparent() is not induk:
            continue
        kelompok = _kelompok(el, milik_orang)
        if i not in tetap:
            if jangkar is not None:
                for k in reversed(kelompok):
                    jangkar.addnext(k)
            else:
                pertama = next(urut[j] for j in sorted(tetap))
                for k in kelompok:
                    pertama.addprevious(k)
            pindah += 1
        jangkar = kelompok[-1]
    return pindah
