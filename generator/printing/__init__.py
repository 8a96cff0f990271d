"""PDF through LibreOffice: one start for many documents (`pdf`), the script LibreOffice's own
Python runs with links and macros blocked (`lo_uno`), and page numbers written into the
contents lists (`halaman`).

May import: the base modules, generator.files (lo_uno imports nothing of lkj: it runs under
LibreOffice's Python).
"""
