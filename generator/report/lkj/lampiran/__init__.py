"""Lampiran: Rencana Kinerja Tahunan, the Perjanjian Kinerja with both signatures, Pengukuran Kinerja.

`konteks.py` fills this part's context; `templat.py` builds its pages of the template from
`kata.txt`; the Perjanjian Kinerja's pages, words and context are the PK document's
(generator.report.pk.perjanjian).
"""

from generator.report.lkj.lampiran.konteks import konteks

__all__ = ["konteks"]
