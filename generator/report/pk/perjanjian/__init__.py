"""The Perjanjian Kinerja's pages: the statement with both parties and signatures, and its lampiran.

The one home of the PK's words (`kata.txt`), pages (`templat.py`) and context (`konteks.py`):
the PK document (generator.report.pk) is this part alone, and the LKj's Lampiran 2 prints the
same pages from the same context.
"""

from generator.report.pk.perjanjian.konteks import konteks

__all__ = ["konteks"]
