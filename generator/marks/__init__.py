"""The marks `lkj perbarui` finds its parts by: hidden bookmarks around every printed value,
paragraph, table and row, with fingerprints of what they held (`tanda`), keyed by what the
part is rather than where it stands (`kunci`, `penamaan`).

May import: the base modules, generator.files.
"""
