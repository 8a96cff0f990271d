"""Bab II Perencanaan Kinerja: the Renstra's items and the year's Perjanjian Kinerja.

`konteks.py` fills this part's context; `templat.py` builds its pages of the template from
`kata.txt`.
"""

from generator.report.bab2.konteks import konteks

__all__ = ["konteks"]
