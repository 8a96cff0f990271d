"""Names for new parts and relationship ids in time that does not grow with the package.

python-docx's `next_partname` walks every part of the package (through a list, itself in
square time) for each new part, and `relate_to` scans every relationship of the part twice;
a report with thousands of charts spent minutes there. Here the names in use are read once
per package and counted on.
"""

from __future__ import annotations

import weakref

from docx.opc.packuri import PackURI

# package -> part names in use, and the next number tried per name template
_NAMA: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def partname_baru(package, template: str) -> PackURI:
    """A free part name for `template` ("/word/charts/chart%d.xml"), never handed out twice.

    The names in use are read from the package at the first call; parts python-docx adds
    later under other templates (pictures) cannot collide with these.
    """
    state = _NAMA.get(package)
    if state is None:
        state = _NAMA[package] = ({str(p.partname) for p in package.iter_parts()}, {})
    used, next_n = state
    n = next_n.get(template, 1)
    while template % n in used:
        n += 1
    next_n[template] = n + 1
    used.add(template % n)
    return PackURI(template % n)


def relasi_baru(part, target, reltype: str) -> str:
    """Relate `part` to the new part `target` under a free rId; the rId.

    For a part just added, so the search for an existing relationship to it is skipped.
    """
    rels = part.rels
    n = getattr(rels, "_lkj_berikut", len(rels) + 1)
    while f"rId{n}" in rels:
        n += 1
    rels._lkj_berikut = n + 1
    rels.add_relationship(reltype, target, f"rId{n}")
    return f"rId{n}"
