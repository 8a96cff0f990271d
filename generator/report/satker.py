"""How the satker names itself: its level, its name, the cover and the signature block."""

from __future__ import annotations

import math
import re
import textwrap

from generator import format as fmt
from generator import kontrak
from generator.model import KABKOTA, PROVINSI, PUSAT, Identitas
from generator.report.dasar import satu_baris

# The template tells the levels apart by these codes (`{%p if tingkat == "provinsi" %}`).
KODE_TINGKAT = dict(zip((PUSAT, PROVINSI, KABKOTA), kontrak.TINGKAT, strict=True))

_WILAYAH = re.compile(r" (?=(?:KABUPATEN|KOTA|PROVINSI|KAB\.) )")


def tingkat(identitas: Identitas) -> str:
    """`pusat`, `provinsi` or `kabkota`."""
    return KODE_TINGKAT[identitas.level]


def _bagi_rata(teks: str, lebar: int) -> list[str]:
    """Wrap into as few lines as `lebar` allows, with lines of similar length."""
    n = math.ceil(len(teks) / lebar)
    for w in range(math.ceil(len(teks) / n), lebar + 1):
        baris = textwrap.wrap(teks, w, break_long_words=False)
        if len(baris) <= n:
            return baris
    return textwrap.wrap(teks, lebar, break_long_words=False)


def baris_kapital(teks: str, lebar: int = 40) -> list[str]:
    """An office name in capitals, broken before the region (`... UMUM` / `KABUPATEN ...`),
    and a part longer than `lebar` characters wrapped evenly."""
    kapital = satu_baris(teks).upper()
    bagian = [b for b in _WILAYAH.split(kapital, maxsplit=1) if b]
    return [baris for b in bagian for baris in _bagi_rata(b, lebar)]


def _sekretariat(nama: str) -> str:
    """`Sekretariat <nama>`; the national secretariat is the Sekretariat Jenderal."""
    nama = satu_baris(nama)
    if nama.lower().startswith("sekretariat"):
        return nama
    return f"Sekretariat {nama}"


def nama_satker(identitas: Identitas) -> str:
    """`Sekretariat KPU Kabupaten Maluku Tenggara`; `Sekretariat Jenderal KPU` for the centre."""
    if identitas.level == PUSAT and not identitas.nama_singkat.lower().startswith("sekretariat"):
        return f"Sekretariat Jenderal {satu_baris(identitas.nama_singkat)}"
    return _sekretariat(identitas.nama_singkat)


def kpu(identitas: Identitas) -> str:
    """The KPU the secretariat supports: `KPU Kabupaten Maluku Tenggara`, `KPU` for the centre."""
    return satu_baris(identitas.kpu)


def pihak_kedua(identitas: Identitas) -> str:
    """The Perjanjian Kinerja's second party: Jabatan Atasan, else the Ketua of its own KPU."""
    return satu_baris(identitas.jabatan_pihak_kedua)


def _nama_instansi(identitas: Identitas) -> str:
    if identitas.level == PUSAT and not identitas.instansi.lower().startswith("sekretariat"):
        return f"Sekretariat Jenderal {satu_baris(identitas.instansi)}"
    return _sekretariat(identitas.instansi)


def sampul(identitas: Identitas) -> dict:
    return {
        "instansi": baris_kapital(_nama_instansi(identitas)),
        "alamat": satu_baris(identitas.alamat or ""),
        "tempat": satu_baris(identitas.tempat).upper(),
        "tahun": str(identitas.tanggal.year),
    }


def tanda_tangan(identitas: Identitas) -> dict:
    """The one signature block (and the one date) of the report."""
    return {
        "tempat_tanggal": f"{satu_baris(identitas.tempat)}, {fmt.tanggal(identitas.tanggal)}",
        "jabatan": baris_kapital(identitas.jabatan_penandatangan, 28),
        "nama": satu_baris(identitas.nama_penandatangan),
        "nip": satu_baris(identitas.nip_penandatangan or ""),
    }
