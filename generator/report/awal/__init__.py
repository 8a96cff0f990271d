"""Sampul, Kata Pengantar, Ikhtisar Eksekutif and the contents lists (Daftar Isi, Tabel, Grafik).

`konteks.py` fills this part's context, with the Ikhtisar's sentences in `ikhtisar.py` (also
used by Bab III and Bab IV); `templat.py` builds its pages of the template from `kata.txt`.
"""

from generator.report.awal.konteks import konteks

__all__ = ["konteks"]
