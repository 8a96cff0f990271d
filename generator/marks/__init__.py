"""The marks `lkj perbarui` finds its parts by: hidden bookmarks around every printed value,
paragraph, table and row, with fingerprints of what they held: `tanda` the marking policy
(what is marked, a mark's name, the list of parts), `bookmark` the bookmark operations it uses,
`sidik` what a part holds and its fingerprint; keyed by what the part is rather than where it
stands (`kunci`, `penamaan`).

May import: the base modules, generator.files.
"""
