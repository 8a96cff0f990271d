"""A template's errors in words a Word user reads: Indonesian reasons, and the tag's paragraph.

Jinja's messages are English and name lines of docxtpl's prepared XML; here they become one
Indonesian clause (`alasan`) and the place of the failing tag in the template, found the way
`lkj templat periksa` names places (generator.templat.Place).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any
from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError

from generator.guard.batas import TemplatDitolak
from generator.errors import InputErrors, Issue

_TOKEN = {
    "end of print statement": "akhir tag \"}}\"", "end of statement block": "akhir tag \"%}\"",
    "begin of print statement": "awal tag \"{{\"", "begin of statement block": "awal tag \"{%\"",
    "end of template": "akhir templat", "end of comment": "akhir komentar \"#}\"",
    "begin of comment": "awal komentar \"{#\"", "template data / text": "teks biasa",
    "name": "nama", "integer": "bilangan", "float": "bilangan", "string": "teks",
}
# (Jinja's message, the Indonesian clause, whether the groups are token descriptions to put in
# words; otherwise they are names, quoted as they are)
_SINTAKS = [
    (re.compile(r"expected token '(.+?)', got '(.+?)'"), "seharusnya {0}, tertulis {1}", True),
    (re.compile(r"unexpected end of template, expected '(.+?)'"), "tag berakhir sebelum {0}",
     True),
    (re.compile(r"unexpected '(.+?)', expected '(.+?)'"), "{0} tidak terduga, seharusnya {1}",
     True),
    (re.compile(r"unexpected '(.+?)'"), "{0} tidak terduga", True),
    (re.compile(r"unexpected char '(.+?)' at"), "karakter \"{0}\" tidak boleh di dalam tag",
     False),
    (re.compile(r"Encountered unknown tag '(.+?)'"), "perintah \"{0}\" tidak dikenal", False),
    (re.compile(r"Unexpected end of template"), "templat berakhir sebelum blok ditutup", False),
    (re.compile(r"No filter named '(.+?)'"), "filter \"{0}\" tidak tersedia di templat lkj",
     False),
    (re.compile(r"No test named '(.+?)'"), "uji \"{0}\" tidak tersedia di templat lkj", False),
    (re.compile(r"Can't assign to special loop variable"), "\"loop\" tidak boleh diisi", False),
    (re.compile(r"expected name or number"), "seharusnya nama atau bilangan setelah titik",
     False),
]
_SALAH_TULIS = "penulisan tag salah"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_AWALAN_DOCXTPL = re.compile(r"(\{[{%])(?:p|tr|tc|r)\s")


def _token(teks: str) -> str:
    return _TOKEN.get(teks, f"\"{teks}\"")


def pesan_sintaks(pesan: str) -> str:
    """Jinja's syntax or compile message as an Indonesian clause (no English left)."""
    for pola, kalimat, token in _SINTAKS:
        m = pola.search(pesan)
        if m:
            return kalimat.format(*(_token(g) if token else g for g in m.groups()))
    return _SALAH_TULIS


# Exceptions a template's own code raises, in the order checked (UnicodeError is a ValueError).
_ALASAN = (
    (ZeroDivisionError, "pembagian dengan nol"),
    (OverflowError, "angka terlalu besar"),
    (ArithmeticError, "hitungan tidak dapat dilakukan"),
    (RecursionError, "rekursi terlalu dalam"),
    (MemoryError, "memori tidak cukup untuk mengisi templat"),
    (UnicodeError, "teks tidak dapat diolah"),
    (TypeError, "jenis nilai tidak cocok untuk perintah itu"),
    (ValueError, "nilai tidak cocok untuk perintah itu"),
    (LookupError, "butir atau kunci yang diminta tidak ada"),
    (AttributeError, "atribut yang diminta tidak ada"),
)


def alasan(exc: BaseException) -> str | None:
    """Why a template failed, as one Indonesian clause; None when `exc` is not the template's
    doing (an lkj error, an interruption, a bug) and must go on as it is."""
    if isinstance(exc, TemplatDitolak):
        return str(exc)
    if isinstance(exc, UndefinedError):  # sandbox.TakTerdefinisi writes Indonesian
        pesan = exc.message or ""
        return pesan if pesan.startswith(("variabel \"", "\"")) else "nilai yang diminta tidak ada"
    if isinstance(exc, TemplateSyntaxError):
        return pesan_sintaks(exc.message or "")
    if isinstance(exc, TemplateError):  # e.g. a filter lkj lacks, met only while rendering
        pesan = pesan_sintaks(exc.message or "")
        return pesan if pesan != _SALAH_TULIS else "perintah templat tidak dapat dijalankan"
    return next((teks for jenis, teks in _ALASAN if isinstance(exc, jenis)), None)


def normal(tag: str) -> str:
    """A tag as Jinja reads it: docxtpl's p/tr/tc/r prefix gone, straight quotes, single spaces."""
    tag = _AWALAN_DOCXTPL.sub(r"\1 ", html.unescape(tag))
    for lengkung, lurus in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):
        tag = tag.replace(lengkung, lurus)
    return " ".join(tag.split())


def _tag_baris(baris: str) -> list[str]:
    return [normal(t) for t in _TAG.findall(html.unescape(re.sub(r"<[^>]+>", "", baris)))]


def tempat(path: Path, sumber: str, nomor: int, nama: str = "") -> str:
    """Where line `nomor` of `sumber` (the template part as Jinja compiled it) sits in the
    template: a Place of generator.templat, the failing tag quoted; "" when unknown."""
    baris = sumber.split("\n")
    if not 0 < nomor <= len(baris):
        return ""
    tags = _tag_baris(baris[nomor - 1])
    if not tags:
        return ""
    # the tag holding the name refused, or the line's only tag; else the paragraph alone
    pilihan = [t for t in tags if nama and nama in t] or (tags if len(tags) == 1 else [])
    tag = pilihan[0] if pilihan else tags[0]
    sebelum = sum(_tag_baris(b).count(tag) for b in baris[:nomor - 1])
    sebelum += tags[:tags.index(tag)].count(tag)
    return _tempat_tag(path, tag, sebelum, "<w:body" in sumber, bool(pilihan)) or \
        (f"tag {tag}" if pilihan else "")


def _tempat_tag(path: Path, tag: str, urutan: int, badan: bool, sebut: bool) -> str:
    """The Place of the `urutan`-th occurrence of `tag` in the body (or headers and footers),
    the tag named too when `sebut`."""
    import docx

    from generator.templat import _places, _tags

    try:
        document = docx.Document(str(path))
    except Exception:  # noqa: BLE001 - the template opened once already; a place is a nicety
        return ""
    cocok = [place for place in _places(document)
             if place.label.startswith(("header", "footer")) != badan
             for t in _tags(place, []) if normal(t) == tag]
    if not cocok:
        return ""
    return keterangan(cocok[min(urutan, len(cocok) - 1)], tag if sebut else "")


def keterangan(place: Any, tag: str) -> str:
    """A Place described, with `tag` named when the paragraph's text (cut at 60 characters)
    does not show it whole."""
    teks = place.describe()
    return teks if normal(tag) in normal(teks) else f"{teks}, tag {normal(tag)}"


def galat(path: Path, sumber: str, exc: BaseException, sebab: str) -> InputErrors:
    """One template problem as InputErrors: the reason at the failing tag's paragraph."""
    nomor = getattr(exc, "lkj_baris", 0) or getattr(exc, "lineno", 0) or 0
    nama = getattr(exc, "nama", "")
    kode = "templat-ditolak" if isinstance(exc, TemplatDitolak) else "templat-isi"
    return InputErrors([Issue(kode, sebab, tempat(path, sumber or "", nomor, nama))],
                       path.name)

