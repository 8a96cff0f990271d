"""Reading the workbook: the one place that opens an .xlsx.

`xlsx` reads the package bounded (sizes, DTDs, cell counts), `workbook` its sheets, `cells` and
`identitas` their values, `schema` is the workbook's contract (sheets, columns, choices),
`validate` checks it into a `generator.model.DataLaporan` with every problem at once, `totals`
recognises total rows typed into lists, `triwulan` reads the quarters, `kesiapan` says which
documents the workbook is ready for, `blank` writes the empty workbook of `lkj baru`, and
`inputpath` resolves the path a person typed.

May import: the base modules (errors, kontrak, model, format), generator.figures, generator.files.
"""
