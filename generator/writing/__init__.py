"""Writing the Word document: the template filled in the sandbox and marked (`render`), then
finished as Word would have made it: numbered lists (`nomor`), captions and contents lists
(`selesai`), native charts with their data (`charts`, `chartpart`), a clean package
(`kemasan`), the report's identity properties (`identitas_laporan`), and the prepared
template cached on disk (`singgahan`).

May import: the base modules, generator.figures, generator.files, generator.guard,
generator.marks.
"""
