"""The Rencana Aksi's one part: the quarterly plan per indicator on landscape pages, signed.

`konteks.py` fills its context, `templat.py` builds its pages from `kata.txt`.
"""

from generator.report.renaksi.rencana.konteks import konteks

__all__ = ["konteks"]
