"""Shared pieces of every chapter's context: the text cleaner, the list joiner, paragraphs, lists.

Text that may be missing is a "paragraph" dict {"teks", "petunjuk"}: exactly one is filled,
and the template prints `petunjuk` (a bracketed instruction) in the highlighted Placeholder
style. List items add "no", the number the generator gives them. `Penanda` remembers each
placeholder's place, in reading order, for the CLI to list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from generator import format as fmt
from generator.figures.capaian import HasilIndikator

Berkode = list[tuple[str, HasilIndikator]]  # (kode, indicator result), in workbook order


def satu_baris(text: str) -> str:
    """The one text cleaner: characters XML cannot hold become spaces, all whitespace one space.

    A line break typed in a cell must not reach the document raw.
    """
    return " ".join(fmt.BUKAN_XML.sub(" ", text).split())


def gabung(items: Sequence[str]) -> str:
    """The one list joiner, as PUEBI writes a series: `a`, `a dan b`, `a, b, dan c`."""
    if len(items) <= 2:
        return " dan ".join(items)
    return ", ".join(items[:-1]) + ", dan " + items[-1]


def paragraf(teks: str) -> dict:
    return {"teks": satu_baris(teks), "petunjuk": ""}


def petunjuk(teks: str) -> dict:
    return {"teks": "", "petunjuk": teks}


def pecah(texts: Iterable[str] | str | None) -> list[str]:
    """Paragraphs of one or more texts: each line break starts a paragraph; blanks dropped."""
    if texts is None:
        return []
    if isinstance(texts, str):
        texts = [texts]
    return [satu_baris(line) for t in texts for line in t.splitlines() if line.strip()]


def daftar(items: Iterable[str], huruf: bool = False) -> list[dict]:
    """A list numbered by the generator: `1.`, `2.` or `a.`, `b.`."""
    return [
        {"no": f"{fmt.huruf(n) if huruf else n}.", **paragraf(teks)}
        for n, teks in enumerate(pecah(list(items)), start=1)
    ]


class Penanda:
    """Collects the places where the report shows a placeholder, in reading order."""

    def __init__(self) -> None:
        self.tempat: list[str] = []

    def narasi(self, narasi: dict, bagian: str, tempat: str, teks: str) -> list[dict]:
        """The Narasi paragraphs of `bagian`, or one placeholder paragraph."""
        isi = pecah(narasi.get(bagian))
        if isi:
            return [paragraf(p) for p in isi]
        return [self.kosong(tempat, teks)]

    def kosong(self, tempat: str, teks: str) -> dict:
        """A placeholder paragraph, remembered."""
        self.catat(tempat)
        return petunjuk(teks)

    def catat(self, tempat: str) -> None:
        """Remember a placeholder the template itself prints (the cover's logo box)."""
        self.tempat.append(tempat)

    def daftar(self, items, tempat: str, teks: str, huruf: bool = True) -> list[dict]:
        """A numbered list, or a placeholder (without a number) when there are no items."""
        isi = daftar(items or (), huruf)
        if isi:
            return isi
        self.catat(tempat)
        return [{"no": "", **petunjuk(teks)}]


class Huruf:
    """Letters the parts of one sasaran that are present: `a`, `b`, ..., no gaps."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        return fmt.huruf(self.n)
