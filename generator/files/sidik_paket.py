"""Whether a merge changed anything: a fingerprint of every part of a python-docx package.

`lkj perbarui` takes it after reading the report and again after the merge; when they are
equal the run changed nothing and writes nothing. Both are taken of the same parsed tree, so
its serialisation is compared as it is, with every part's relationships.
"""

from __future__ import annotations

import hashlib
import re

from lxml import etree

# bookmark ids are renumbered after every merge (bookmark.nomori_bookmark): not a change
_ID_BOOKMARK = re.compile(rb'(<w:bookmark(?:Start|End)\b[^>]*?) w:id="[^"]*"')


def sidik_paket(doc) -> dict[str, str]:
    """part name -> hash of its content (bookmark ids aside) and its relationships."""
    hasil = {}
    for part in doc.part.package.iter_parts():
        h = hashlib.sha256()
        el = getattr(part, "_element", None)
        h.update(_ID_BOOKMARK.sub(rb"\1", etree.tostring(el)) if el is not None else part.blob)
        for rid, rel in sorted(part.rels.items()):
            target = rel.target_ref if rel.is_external else str(rel.target_part.partname)
            h.update(f"|{rid}|{rel.reltype}|{target}".encode())
        hasil[str(part.partname)] = h.hexdigest()
    return hasil
