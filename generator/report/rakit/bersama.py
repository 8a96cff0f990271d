"""Template pieces more than one part prints: the signature block and the per-level branches.

Their words are in generator/report/kata.txt.
"""

from __future__ import annotations

from pathlib import Path

from docx.shared import Cm

from generator import kontrak as k
from generator.report.rakit.kata import Kata, muat
from generator.report.rakit.teks import B, R, para, tag, ulang

KATA: Kata = muat(Path(__file__).resolve().parents[1])


def nip(var: str) -> str:
    """`NIP. {{ var.nip }}`."""
    return f"{KATA['nip']} {{{{ {var}.nip }}}}"


def tanda_tangan(doc) -> None:
    """Place and date, the office in capitals, room to sign, the name, NIP when given."""
    para(doc, k.TTD, "{{ ttd.tempat_tanggal }}", space_before=Cm(0.8))
    ulang(doc, "for b in ttd.jabatan", k.TTD, B("{{ b }}"))
    for _ in range(4):
        para(doc, k.TTD)
    para(doc, k.TTD, R("{{ ttd.nama }}", bold=True, underline=True), keep_with_next=False)
    tag(doc, "{%p if ttd.nip %}")
    para(doc, k.TTD, nip("ttd"), keep_with_next=False)
    tag(doc, "{%p endif %}")


def per_tingkat(doc, isi) -> None:
    """`isi(doc, kode)` once per level, each inside its own `{%p if tingkat == ... %}` branch."""
    for n, kode in enumerate(k.TINGKAT):
        tag(doc, ("{%p if " if n == 0 else "{%p elif ") + f'tingkat == "{kode}" %}}')
        isi(doc, kode)
    tag(doc, "{%p endif %}")
