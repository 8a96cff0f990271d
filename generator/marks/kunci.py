"""Stable keys for the parts of a report that repeat per sasaran, indicator, budget line or year.

A value's mark is named after its place in the context. In a list of sasaran, indicators,
budget lines or years that place is the element's key from the workbook's content (its
normalised name: `capaian.sasaran[meningkatnya …].indikator[persentase …].realisasi`), not its
position, so an indicator inserted above, removed or moved never hands its marks, and a
person's hand-typed figure, to another indicator. Lists of free text (paragraphs, numbered
items) and of charts keep their positions.

The positional path (`capaian.sasaran.0.indikator.2.realisasi`), which lkj used before version
2 of the marks, is kept beside it so a report marked that way can be read once and renamed.
"""

from __future__ import annotations

import os

VERSI = "2"  # custom property lkj-versi-tanda; reports without it carry positional marks (1)
PROPERTI_VERSI = "lkj-versi-tanda"
# the fields that name a list element, in order of preference; `kunci` is set by the report
# layer where the printed fields carry no name (an indicator's sentence, its chart)
MEDAN_KUNCI = ("kunci", "nama", "uraian", "pendidikan", "tahun")


def normal(teks: object) -> str:
    """A name as a key: case and spacing do not matter, brackets cannot break the path."""
    teks = " ".join(str(teks).casefold().split())
    return teks.replace("[", "(").replace("]", ")")


def kunci_elemen(elemen: dict) -> str | None:
    """The key of a list element from its content; None for an element keyed by position."""
    if "gambar" in elemen:  # a chart: it belongs to the indicator it is listed under
        return None
    for medan in MEDAN_KUNCI:
        nilai = elemen.get(medan)
        if isinstance(nilai, str) and nilai.strip():
            return normal(nilai)
    return None


def segmen(daftar: list) -> list[str | None]:
    """Each element's path segment: `[key]` (a repeated key counted `[key#2]`), or None where
    the list is positional (any element without a key makes the whole list positional)."""
    kunci = [kunci_elemen(v) if isinstance(v, dict) else None for v in daftar]
    if not kunci or any(k is None for k in kunci):
        return [None] * len(daftar)
    kali: dict[str, int] = {}
    hasil = []
    for k in kunci:
        kali[k] = kali.get(k, 0) + 1
        hasil.append(f"[{k}]" if kali[k] == 1 else f"[{k}#{kali[k]}]")
    return hasil


def lingkup(jalur: list[str]) -> str:
    """The innermost keyed element the paths share (`capaian.sasaran[…].tahun_lalu.uraian[…]`),
    "" when they share none: the group a block without values of its own follows."""
    if not jalur:
        return ""
    awal = os.path.commonprefix(jalur)  # a string prefix (compares the least and greatest)
    return awal[:awal.rfind("]") + 1]
