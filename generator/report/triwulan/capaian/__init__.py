"""The quarterly report's body: capaian to date, the budget absorbed, the reading, follow-up."""

from generator.report.triwulan.capaian.konteks import konteks

__all__ = ["konteks"]
