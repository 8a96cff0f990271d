"""Bab IV Penutup: the closing paragraphs, the obstacles and the steps to improve.

`konteks.py` fills this part's context; `templat.py` builds its pages of the template from
`kata.txt`.
"""

from generator.report.bab4.konteks import konteks

__all__ = ["konteks"]
