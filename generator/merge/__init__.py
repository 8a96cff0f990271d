"""`lkj perbarui`: new figures carried into a report finished by hand, without losing a word.

`pembaruan` is the flow (check, render anew, merge, write), `perbarui` the merge by marks,
`urutan` the order of parts, `nilai` values renewed in place, `sunting` values inside an
edited part, `impor` parts copied between documents, `daftar` the contents lists, `pulih` and
`skema` what LibreOffice and WPS changed on save, `tempat` places named as a person finds them,
`ganti` the safe replace with its backup.

May import: everything below it: the base modules, generator.files, generator.marks,
generator.writing.
"""
