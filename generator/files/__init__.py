"""Files lkj did not make and files it writes: a .docx read whole and bounded (`paket_docx`),
its parts and relationships checked (`isi_docx`), links to the outside removed (`tautan`),
parts named without scanning (`nama_part`), a package's fingerprint (`sidik_paket`), custom
document properties (`properti`), Word's and LibreOffice's owner and lock files
(`berkas_terbuka`), atomic writes that leave nothing half-written (`output`), and stops that
wait until a file is made or removed whole (`henti`).

May import: the base modules (errors, kontrak).
"""
