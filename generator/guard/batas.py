"""Bounds on a template's work: loop turns, sizes of what it makes, recursion depth and time.

A template is a program from someone else (`--templat`), so every way it can do unbounded work
passes a check here. The compiled template calls back into the environment on every loop turn
(`ulang`), every `~` (`gabung`) and every capture buffer (`Penampung`); generator.guard.sandbox
checks calls, filters and operators before they run. Each check costs a counter and now and
then a clock read, and raises TemplatDitolak with one Indonesian line naming the limit. Single
operations are bounded before they run (no `9**(9**9)` or `'x' * 10**10` inside C code, where
neither a signal nor the clock can stop them), so SIGTERM always lands within moments.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterable, Iterator, KeysView, ValuesView
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, optimizeconst
from jinja2.environment import Template
from jinja2.utils import Namespace

MAKS_PUTARAN = 5_000_000  # loop turns in one rendering (the sample report takes 191)
MAKS_RANGE = 100_000  # numbers from one range(), items in one list a template makes
MAKS_TEKS = 1_000_000  # characters of one text a template computes
MAKS_DIGIT = 1_000  # digits of a whole number a template computes
MAKS_KEDALAMAN = 50  # macros (or recursive loops) inside each other
MAKS_DETIK = 60.0  # seconds spent running the template (drawing charts and pictures excluded)
KELUARAN_DASAR = 32_000_000  # characters a template may produce, plus 64 per context one
KELUARAN_PER_KONTEKS = 64
MAKS_CETAK = 10  # times one chart or picture may be printed
MAKS_LIPSUM = 100  # paragraphs of lipsum(), and at most 10 times as many words in each

_LOG10_2 = 0.30103


class TemplatDitolak(Exception):
    """The template tried what lkj does not allow, or went past a limit; the message is one
    Indonesian clause. `nama` is the attribute or name involved, when there is one."""

    def __init__(self, alasan: str, nama: str = "") -> None:
        super().__init__(alasan)
        self.nama = nama


def ribuan(n: float) -> str:
    """A whole number with Indonesian thousands separators: 5.000.000."""
    return f"{int(n):,}".replace(",", ".")


def ukuran_konteks(nilai: Any) -> int:
    """Characters of every string in the context (keys included), the measure the output
    allowance grows with."""
    if isinstance(nilai, str):
        return len(nilai)
    if isinstance(nilai, dict):
        return sum(len(str(k)) + ukuran_konteks(v) for k, v in nilai.items())
    if isinstance(nilai, (list, tuple)):
        return sum(ukuran_konteks(v) for v in nilai)
    return 0


def berat(nilai: Any, sisa: int = MAKS_TEKS) -> int:
    """About how many characters `str(nilai)` gives, counted no further than just past `sisa`.

    A list holding one long text 100.000 times is small in memory but huge as text; every
    place that turns a value into text (printing, `~`, join, %) weighs it first.
    """
    total, tumpukan = 0, [nilai]
    while tumpukan and total <= sisa:
        x = tumpukan.pop()
        if isinstance(x, str):
            total += len(x) + 2
        elif isinstance(x, int):
            total += int(x.bit_length() * _LOG10_2) + 2
        elif isinstance(x, dict):
            total += 2 + 4 * len(x)
            if total <= sisa:
                tumpukan.extend(x.keys())
                tumpukan.extend(x.values())
        elif isinstance(x, (list, tuple, set, frozenset, KeysView, ValuesView)):
            total += 2 + 2 * len(x)
            if total <= sisa:
                tumpukan.extend(x)
        elif isinstance(x, Namespace):
            tumpukan.append(object.__getattribute__(x, "_Namespace__attrs"))
        else:  # numbers, handles, functions: a short repr
            total += 40
    return total


class Batas:
    """The allowance of one rendering: turns, characters produced, depth and time."""

    def __init__(self, ukuran: int = 0) -> None:
        self.maks_keluaran = KELUARAN_DASAR + KELUARAN_PER_KONTEKS * ukuran
        self.putaran = 0
        self.keluaran = 0
        self.kedalaman = 0
        self.terpakai = 0.0  # seconds of template work finished so far
        self._mulai: float | None = None  # when the running template started, if one runs

    # --- time -----------------------------------------------------------------------------

    def detak(self) -> None:
        """Refuse once the template has run longer than MAKS_DETIK."""
        if self._mulai is not None and \
                self.terpakai + time.monotonic() - self._mulai > MAKS_DETIK:
            raise TemplatDitolak(f"pengisian templat melebihi {ribuan(MAKS_DETIK)} detik")

    @contextlib.contextmanager
    def berjalan(self) -> Iterator[None]:
        """Count the time of one template part's rendering (nested calls count once)."""
        if self._mulai is not None:
            yield
            return
        self._mulai = time.monotonic()
        try:
            yield
        finally:
            self.terpakai += time.monotonic() - self._mulai
            self._mulai = None

    @contextlib.contextmanager
    def jeda(self) -> Iterator[None]:
        """Stop the clock while lkj itself works (drawing a chart the template printed)."""
        mulai = self._mulai
        if mulai is None:
            yield
            return
        self.terpakai += time.monotonic() - mulai
        self._mulai = None
        try:
            yield
        finally:
            self._mulai = time.monotonic()

    # --- counters ---------------------------------------------------------------------------

    def hasilkan(self, n: int) -> None:
        """Count `n` characters (or list items) the template made."""
        self.keluaran += n
        if self.keluaran > self.maks_keluaran:
            mb = self.maks_keluaran / 1_000_000
            raise TemplatDitolak(f"hasil templat melebihi {ribuan(mb)} MB")

    def ulang(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """The items of a loop, each turn counted."""
        for item in iterable:
            self.putaran += 1
            if self.putaran > MAKS_PUTARAN:
                raise TemplatDitolak(f"perulangan melebihi {ribuan(MAKS_PUTARAN)} putaran", "for")
            if not self.putaran & 0x3FF:
                self.detak()
            yield item

    @contextlib.contextmanager
    def masuk(self, nama: str = "") -> Iterator[None]:
        """One level deeper into a macro (`nama`) or a recursive loop."""
        if self.kedalaman >= MAKS_KEDALAMAN:
            raise TemplatDitolak(f"makro atau perulangan memanggil dirinya lebih dari "
                                 f"{MAKS_KEDALAMAN} tingkat", nama)
        self.kedalaman += 1
        try:
            yield
        finally:
            self.kedalaman -= 1

    def satukan(self, potongan: Iterable[str]) -> str:
        """The output of a template part, counted piece by piece."""
        keluar = []
        for p in potongan:
            self.hasilkan(len(p))
            if len(keluar) & 0xFF == 0:
                self.detak()
            keluar.append(p)
        return "".join(keluar)

    def teks(self, nilai: Any, apa: str) -> int:
        """How long `nilai` is as text (berat); refused past MAKS_TEKS, `apa` saying where."""
        n = berat(nilai)
        if n > MAKS_TEKS:
            raise TemplatDitolak(f"{apa} menghasilkan teks lebih dari {ribuan(MAKS_TEKS)} "
                                 "karakter")
        return n


# --- single operations ---------------------------------------------------------------------

_PERSEN = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


def periksa_operasi(operator: str, kiri: Any, kanan: Any, batas: Batas) -> None:
    """Refuse an arithmetic operator whose result would be too large, before it runs."""
    if operator == "*":
        _periksa_kali(kiri, kanan, batas)
    elif operator == "**":
        _periksa_pangkat(kiri, kanan)
    elif operator == "+":
        if isinstance(kiri, (str, list, tuple)) and isinstance(kanan, (str, list, tuple)):
            _periksa_ukuran(kiri, len(kiri) + len(kanan), batas, "", "+")
    elif operator == "%" and isinstance(kiri, str):
        periksa_format(kiri, kanan, batas)


def _periksa_kali(kiri: Any, kanan: Any, batas: Batas) -> None:
    if isinstance(kanan, (str, list, tuple)):
        kiri, kanan = kanan, kiri
    if isinstance(kiri, (str, list, tuple)) and isinstance(kanan, int):
        _periksa_ukuran(kiri, len(kiri) * max(kanan, 0), batas, "pengulangan ", "*")
    elif isinstance(kiri, int) and isinstance(kanan, int) \
            and (kiri.bit_length() + kanan.bit_length()) * _LOG10_2 > MAKS_DIGIT:
        raise _angka_besar()


def _periksa_pangkat(dasar: Any, pangkat: Any) -> None:
    if isinstance(dasar, (int, float)) and isinstance(pangkat, int) and pangkat > 0 \
            and abs(dasar) > 1:
        bit = dasar.bit_length() if isinstance(dasar, int) else 1
        if bit * pangkat * _LOG10_2 > MAKS_DIGIT:
            raise _angka_besar()


def _angka_besar() -> TemplatDitolak:
    return TemplatDitolak(f"hasil hitungan melebihi {ribuan(MAKS_DIGIT)} digit", "*")


def _periksa_ukuran(contoh: Any, n: int, batas: Batas, apa: str, operator: str) -> None:
    if isinstance(contoh, str):
        if n > MAKS_TEKS:
            raise TemplatDitolak(f"{apa}teks melebihi {ribuan(MAKS_TEKS)} karakter", operator)
    elif n > MAKS_RANGE:
        raise TemplatDitolak(f"{apa}daftar melebihi {ribuan(MAKS_RANGE)} butir", operator)
    batas.hasilkan(n)


def periksa_format(pola: str, nilai: Any, batas: Batas) -> None:
    """`pola % nilai` stays within MAKS_TEKS: widths and precisions are counted, `*` refused."""
    lebar = 0
    for m in _PERSEN.finditer(pola):
        for bagian in m.groups():
            if bagian == "*":
                raise TemplatDitolak("lebar \"*\" dalam format % tidak didukung templat", "%")
            lebar += int(bagian) if bagian else 0
    _periksa_ukuran(pola, len(pola) + lebar + berat(nilai), batas, "format % ", "%")


# --- the compiled template calls back here -------------------------------------------------


class Penampung(list):
    """A capture buffer (macro, {% set %} block, {% filter %}) counting what goes in."""

    __slots__ = ("_batas",)

    def __init__(self, batas: Batas) -> None:
        super().__init__()
        self._batas = batas

    def append(self, teks: str) -> None:
        self._batas.hasilkan(len(teks))
        super().append(teks)

    def extend(self, potongan: Iterable[str]) -> None:
        for teks in potongan:
            self.append(teks)


# Constructs a report template has no use for: other templates (no loader is given anyway) and
# switching autoescape off, which would let a value write raw XML into the document.
TERLARANG = {
    nodes.Extends: "{% extends %}", nodes.Include: "{% include %}",
    nodes.Import: "{% import %}", nodes.FromImport: "{% from ... import %}",
    nodes.Block: "{% block %}", nodes.ScopedEvalContextModifier: "{% autoescape %}",
    nodes.EvalContextModifier: "{% autoescape %}",
}


def konstruksi_terlarang(node: nodes.Node) -> str:
    """The tag a forbidden construct is written with; "" when allowed."""
    return next((tag for jenis, tag in TERLARANG.items() if isinstance(node, jenis)), "")


class KodeTerbatas(CodeGenerator):
    """Jinja's code generator, with every loop, `~` and capture buffer calling back."""

    _iterables: frozenset[int] = frozenset()  # ids of the loops' iterable nodes

    def visit_Template(self, node: nodes.Template, frame: Any = None) -> None:
        for anak in node.find_all(nodes.Node):
            tag = konstruksi_terlarang(anak)
            if tag:
                galat = TemplatDitolak(f"{tag} tidak tersedia di templat lkj")
                galat.lkj_baris = anak.lineno  # type: ignore[attr-defined]
                raise galat
        self._iterables = frozenset(id(loop.iter) for loop in node.find_all(nodes.For))
        super().visit_Template(node, frame)

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        # Jinja allows no node types of its own, so a loop's iterable is wrapped as it is written.
        if id(node) not in self._iterables:
            return super().visit(node, *args, **kwargs)
        self.write("environment.lkj_ulang(")
        super().visit(node, *args, **kwargs)
        self.write(")")
        return None

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
        # Jinja's own choice of join, handed to lkj_gabung with the operands not yet joined.
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        else:
            join = "markup_join" if frame.eval_ctx.autoescape else "str_join"
        self.write(f"environment.lkj_gabung({join}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def buffer(self, frame: Any) -> None:
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.lkj_penampung()")


class TemplatTerbatas(Template):
    """A template whose rendering is counted and timed against the environment's Batas."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        batas: Batas = self.environment.batas  # type: ignore[attr-defined]
        ctx = self.new_context(dict(*args, **kwargs))
        keluaran = self.root_render_func(ctx)
        with batas.berjalan():
            try:
                return batas.satukan(keluaran)
            except Exception as exc:
                baris = baris_templat(exc, self)
                if not baris and keluaran.gi_frame is not None:  # refused while it yielded
                    baris = self.get_corresponding_lineno(keluaran.gi_frame.f_lineno)
                exc.lkj_baris = baris  # type: ignore[attr-defined]
                raise


def baris_templat(exc: BaseException, templat: Template) -> int:
    """The template source line the innermost template frame of `exc` was running; 0 if none."""
    baris, tb = 0, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_globals.get("__jinja_template__") is templat:
            baris = templat.get_corresponding_lineno(tb.tb_lineno)
        tb = tb.tb_next
    return baris
