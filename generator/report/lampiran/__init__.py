"""Lampiran: Rencana Kinerja Tahunan, the Perjanjian Kinerja with both signatures, Pengukuran Kinerja.

`konteks.py` fills this part's context; `templat.py` builds its pages of the template from
`kata.txt` (the Perjanjian Kinerja's promise).
"""

from generator.report.lampiran.konteks import konteks

__all__ = ["konteks"]
