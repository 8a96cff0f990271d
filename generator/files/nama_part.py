"""Parts of a large package named and walked in time that does not grow with its square.

python-docx's `next_partname` walks every part of the package for each new part, and
`relate_to` scans every relationship of the part twice; here the names in use are read once per
package and counted on. python-docx's own walks over the parts (reading, saving, finding
pictures) remember the parts seen in a list, which is square time in the number of parts: a
report of 10.000 charts has 30.000. They are replaced, on import of this module, by the same
walks in the same order remembering them in a set.
"""

from __future__ import annotations

import weakref

from docx.opc.package import OpcPackage
from docx.opc.packuri import PackURI
from docx.opc.pkgreader import PackageReader

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
    n = getattr(rels, "lkj_berikut", 1)  # the first free one, as python-docx picks it
    while f"rId{n}" in rels:
        n += 1
    rels.lkj_berikut = n + 1
    rels.add_relationship(reltype, target, f"rId{n}")
    return f"rId{n}"


# --- python-docx's walks, in linear time -------------------------------------------------------


def _iter_parts(self):
    """OpcPackage.iter_parts: every part once, depth first, in python-docx's order."""
    seen: set = set()

    def walk(source):
        for rel in source.rels.values():
            if rel.is_external or rel.target_part in seen:
                continue
            seen.add(rel.target_part)
            yield rel.target_part
            yield from walk(rel.target_part)

    yield from walk(self)


def _iter_rels(self):
    """OpcPackage.iter_rels: every relationship once, depth first, in python-docx's order."""
    seen: set = set()

    def walk(source):
        for rel in source.rels.values():
            yield rel
            if rel.is_external or rel.target_part in seen:
                continue
            seen.add(rel.target_part)
            yield from walk(rel.target_part)

    yield from walk(self)


def _walk_phys_parts(phys_reader, srels, visited_partnames=None):
    """PackageReader._walk_phys_parts: the parts a package's relationships reach, read once."""
    seen = set() if visited_partnames is None else visited_partnames
    for srel in srels:
        if srel.is_external or srel.target_partname in seen:
            continue
        partname = srel.target_partname
        seen.add(partname)
        part_srels = PackageReader._srels_for(phys_reader, partname)
        yield partname, phys_reader.blob_for(partname), srel.reltype, part_srels
        yield from _walk_phys_parts(phys_reader, part_srels, seen)


OpcPackage.iter_parts = _iter_parts
OpcPackage.iter_rels = _iter_rels
PackageReader._walk_phys_parts = staticmethod(_walk_phys_parts)
