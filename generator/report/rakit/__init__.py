"""The template builder's machinery: words files, runs and paragraphs, tables, styles, the document.

Used only to build templates/laporan.docx (tools/build_template.py), never while a report is
made. Each part of the report (`generator.report.BAGIAN`) has a `templat` module that builds
its pages with these helpers from the words in its `kata.txt`. May import python-docx,
generator.kontrak and generator.report; never the modules that write reports (render, selesai,
kemasan, ...), which come later in the pipeline.
"""
