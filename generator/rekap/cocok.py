"""When two satker typed the same indicator: names compared without case, spacing or punctuation."""

from __future__ import annotations

import unicodedata

# Units staff write for the same thing; anything else is compared as typed (case aside).
_SATUAN = {"persen": "%", "prosen": "%", "persentase": "%", "pct": "%"}


def kunci_nama(nama: str) -> str:
    """The name's letters and digits only, case-folded: `Persentase  Kab/Kota yang ... .` and
    `persentase kab. kota yang ...` give the same key; a different word never does."""
    teks = unicodedata.normalize("NFKC", nama).casefold()
    return "".join(ch for ch in teks if ch.isalnum())


def kunci_satuan(satuan: str) -> str:
    """`%`, `persen` and `Persen` alike; `Laporan` and `laporan` alike."""
    teks = kunci_nama(satuan) or satuan.strip()
    return _SATUAN.get(teks, teks)


def kunci(nama: str, satuan: str) -> tuple[str, str]:
    """Indicators with the same key are one shared indicator. The unit is part of it: `Jumlah
    laporan` counted in `Laporan` and in `%` are not compared with each other."""
    return kunci_nama(nama), kunci_satuan(satuan)
