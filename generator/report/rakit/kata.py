"""The fixed words of one part of the report, read from its plain text file (`kata.txt`).

The file is for a person, not a programmer: `[nama]` opens an entry, each line under it is one
paragraph or one list item, blank lines and lines starting with `#` are left out. A table's
entry has one line per column, `judul | lebar cm | jenis sel | isi sel` (jenis: teks, angka or
tengah), and its `.jumlah` entry one line per total row, cells separated by `|` (the first
cell spans the columns the others leave). Jinja tags such as `{{ tahun }}` are kept as typed.

A missing or unused entry is an error of the builder, so a typo in a name cannot drop words
silently (tests/test_template.py builds with every entry read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator import kontrak

NAMA_BERKAS = "kata.txt"
_ENTRI = re.compile(r"^\[([a-z0-9_.]+)\]$")
JENIS_SEL = {"teks": kontrak.SEL, "angka": kontrak.SEL_ANGKA, "tengah": kontrak.SEL_TENGAH}


class KataError(ValueError):
    """A words file that cannot be read as entries, or an entry the builder lacks."""


@dataclass(frozen=True)
class Kolom:
    """One table column: header, width in cm, the style of its cells, and its data cell."""

    judul: str
    lebar: float
    gaya: str
    isi: str = ""


class Kata:
    """The entries of one words file, by name; remembers which were read."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.entri: dict[str, tuple[str, ...]] = _baca(self.path)
        self.dibaca: set[str] = set()

    def baris(self, nama: str) -> tuple[str, ...]:
        """The lines of an entry."""
        if nama not in self.entri:
            raise KataError(f"{self.path}: entri [{nama}] tidak ada")
        self.dibaca.add(nama)
        return self.entri[nama]

    def __getitem__(self, nama: str) -> str:
        """An entry of exactly one line."""
        baris = self.baris(nama)
        if len(baris) != 1:
            raise KataError(f"{self.path}: entri [{nama}] harus satu baris, ada {len(baris)}")
        return baris[0]

    def kolom(self, nama: str) -> list[Kolom]:
        """A table's columns: `judul | lebar | jenis | isi` per line."""
        return [_kolom(self.path, nama, b) for b in self.baris(nama)]

    def jumlah(self, nama: str, lebar: int) -> list[tuple]:
        """Total rows of a table `lebar` columns wide: ("jumlah", [(text, span), ...])."""
        baris = []
        for b in self.baris(nama):
            sel = [s.strip() for s in b.split("|")]
            baris.append(("jumlah", [(sel[0], lebar - len(sel) + 1), *((s, 1) for s in sel[1:])]))
        return baris

    def tak_terbaca(self) -> list[str]:
        """Entries the builder never read (a misspelt name, or words nothing prints)."""
        return sorted(set(self.entri) - self.dibaca)


def _baca(path: Path) -> dict[str, tuple[str, ...]]:
    entri: dict[str, list[str]] = {}
    nama = ""
    for n, baris in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        teks = baris.strip()
        if not teks or teks.startswith("#"):
            continue
        cocok = _ENTRI.match(teks)
        if cocok:
            nama = cocok.group(1)
            if nama in entri:
                raise KataError(f"{path}:{n}: entri [{nama}] sudah ada")
            entri[nama] = []
        elif not nama:
            raise KataError(f"{path}:{n}: teks sebelum entri [nama] yang pertama")
        else:
            entri[nama].append(teks)
    return {k: tuple(v) for k, v in entri.items()}


def _kolom(path: Path, nama: str, baris: str) -> Kolom:
    bagian = [b.strip() for b in baris.split("|")]
    if len(bagian) != 4 or bagian[2] not in JENIS_SEL:
        raise KataError(f"{path}: [{nama}] kolom harus `judul | lebar | teks/angka/tengah | isi`: "
                        f"{baris}")
    return Kolom(bagian[0], float(bagian[1].replace(",", ".")), JENIS_SEL[bagian[2]], bagian[3])


def muat(folder: Path | str) -> Kata:
    """The words file of a part's folder (pass the part module's `__file__` or its folder)."""
    folder = Path(folder)
    return Kata((folder.parent if folder.suffix else folder) / NAMA_BERKAS)
