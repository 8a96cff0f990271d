"""The quarterly report's cover and contents lists."""

from generator.report.triwulan.awal.konteks import konteks

__all__ = ["konteks"]
