"""Bab I Pendahuluan: background, the duties of each level of secretariat, staff, structure.

`konteks.py` fills this part's context; `templat.py` builds its pages of the template from
`kata.txt` (the statute's duties per level, the sistematika).
"""

from generator.report.bab1.konteks import konteks

__all__ = ["konteks"]
