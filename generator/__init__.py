"""lkj: writes a KPU secretariat's Laporan Kinerja (LKj) from an Excel workbook."""

__version__ = "0.1.0"
