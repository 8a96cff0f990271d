"""Figures: capaian and totals computed with Decimal from the checked data (`capaian`), and
the Perjanjian Kinerja, Rencana Aksi and quarterly figures (`sakip`). Pure: no file is read
or written here; numbers are rounded only where generator.format prints them.

May import: the base modules (errors, kontrak, model, format).
"""
