"""Whether a merge changed anything: a fingerprint of every part of a python-docx package.

`lkj perbarui` takes it after reading the report and again after the merge; when they are
equal the run changed nothing and writes nothing. XML parts are compared canonically (the
same tree gives the same bytes however it was first written), with their relationships.
"""

from __future__ import annotations

import hashlib

from lxml import etree


def sidik_paket(doc) -> dict[str, str]:
    """part name -> hash of its content and its relationships."""
    hasil = {}
    for part in doc.part.package.iter_parts():
        h = hashlib.sha256()
        el = getattr(part, "_element", None)
        h.update(etree.tostring(el, method="c14n") if el is not None else part.blob)
        for rid, rel in sorted(part.rels.items()):
            target = rel.target_ref if rel.is_external else str(rel.target_part.partname)
            h.update(f"|{rid}|{rel.reltype}|{target}".encode())
        hasil[str(part.partname)] = h.hexdigest()
    return hasil
