"""The Jinja environment a template runs in: it sees data only, through an allow-list.

A template may come from another office, so it is treated as a program from a stranger. Its
context holds plain data (strings, lists, dicts) and opaque handles for pictures and charts
(`Pegangan`, printed through `__html__` and nothing else). What a template may read is listed
here, per kind of value: a few text methods, a dict's items/keys/values/get, the loop
variables; everything else, on any object, is refused with one Indonesian line (TemplatDitolak),
never handed back as an undefined value to probe. Filters, tests and globals are allow-listed
too, and every call, operator, loop and filter is bounded by generator.guard.batas.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from functools import update_wrapper
from typing import Any

from jinja2 import StrictUndefined
from jinja2.defaults import DEFAULT_FILTERS, DEFAULT_TESTS
from jinja2.runtime import LoopContext, Macro, Undefined
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Cycler, Joiner, generate_lorem_ipsum, missing

from generator.guard.batas import (MAKS_CETAK, MAKS_LIPSUM, MAKS_RANGE, MAKS_TEKS, Batas, KodeTerbatas,
                    Penampung, TemplatDitolak, TemplatTerbatas, berat, periksa_operasi,
                    ribuan)

TEKS = frozenset({
    "capitalize", "casefold", "count", "endswith", "find", "index", "isalnum", "isalpha",
    "isdecimal", "isdigit", "islower", "isnumeric", "isspace", "istitle", "isupper", "join",
    "lower", "lstrip", "partition", "removeprefix", "removesuffix", "replace", "rfind",
    "rindex", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip",
    "swapcase", "title", "upper",
})
KAMUS = frozenset({"get", "items", "keys", "values"})
DAFTAR = frozenset({"count", "index"})
PUTARAN = frozenset({"changed", "cycle", "depth", "depth0", "first", "index", "index0", "last",
                     "length", "nextitem", "previtem", "revindex", "revindex0"})
PENGGILIR = frozenset({"current", "next", "reset"})
NAMA_BOLEH = TEKS | KAMUS | DAFTAR | PUTARAN | PENGGILIR

# Filters that only reshape or measure data. Left out: those that write markup or raw XML
# (safe, urlize, xmlattr, tojson, forceescape), pad or repeat by an argument (center, indent,
# wordwrap, batch, slice, format), read attributes by name (attr) or are of no use in a
# report (pprint, random, filesizeformat, urlencode).
FILTER = frozenset({
    "abs", "capitalize", "count", "d", "default", "dictsort", "e", "escape", "first", "float",
    "groupby", "int", "items", "join", "last", "length", "list", "lower", "map", "max", "min",
    "reject", "rejectattr", "replace", "reverse", "round", "select", "selectattr", "sort",
    "string", "striptags", "sum", "title", "trim", "truncate", "unique", "upper", "wordcount",
})
# ... of which these turn their value into text first: it is weighed before (batas.berat).
_FILTER_TEKS = frozenset({"capitalize", "e", "escape", "lower", "replace", "string", "striptags",
                          "title", "trim", "truncate", "upper", "wordcount"})
# Tests only answer yes or no about a value: all of Jinja's are kept.
TES = frozenset(DEFAULT_TESTS)
GLOBAL = frozenset({"range", "lipsum", "dict", "cycler", "joiner"})


def boleh_dibaca(obj: Any) -> frozenset[str]:
    """The attribute names a template may read on `obj`; none on anything but plain data."""
    if isinstance(obj, str):
        return TEKS
    if isinstance(obj, dict):
        return KAMUS
    if isinstance(obj, (list, tuple)):
        return DAFTAR
    if isinstance(obj, LoopContext):
        return PUTARAN
    if isinstance(obj, Cycler):
        return PENGGILIR
    return frozenset()


def jenis(obj: Any) -> str:
    """What `obj` is, in words a template writer knows."""
    if isinstance(obj, Pegangan):
        return obj.jenis
    for tipe, nama in ((str, "teks"), (bool, "nilai benar/salah"), (int, "angka"),
                       (float, "angka"), (dict, "kelompok nilai"), ((list, tuple), "daftar"),
                       (LoopContext, "loop"), (Macro, "makro"), (Undefined, "nilai kosong")):
        if isinstance(obj, tipe):
            return nama
    return f"objek {type(obj).__name__}"


class Pegangan:
    """A picture or chart in the context: the template can print it and nothing else.

    Printing calls `gambar` (which adds the picture or chart to the part being rendered and
    returns its XML) with the template's clock stopped; `str()` is empty, and the sandbox lets
    no attribute of it be read.
    """

    __slots__ = ("_gambar", "_batas", "_cetak", "jenis")

    def __init__(self, gambar: Callable[[], str], jenis: str, batas: Batas) -> None:
        self._gambar, self._batas, self._cetak, self.jenis = gambar, batas, 0, jenis

    def __html__(self) -> str:
        self._cetak += 1
        if self._cetak > MAKS_CETAK:
            raise TemplatDitolak(f"{self.jenis} yang sama dicetak lebih dari {MAKS_CETAK} kali")
        with self._batas.jeda():
            return self._gambar()

    def __str__(self) -> str:
        return ""

    def __repr__(self) -> str:
        return f"<{self.jenis}>"


class TakTerdefinisi(StrictUndefined):
    """StrictUndefined whose message is Indonesian."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint:
            return self._undefined_hint
        if self._undefined_obj is missing:
            return f"variabel \"{self._undefined_name}\" tidak dikenal oleh lkj"
        return f"\"{self._undefined_name}\" tidak ada di {jenis(self._undefined_obj)} itu"


def _tolak_atribut(obj: Any, nama: str) -> TemplatDitolak:
    return TemplatDitolak(f"atribut \"{nama}\" pada {jenis(obj)} tidak boleh dibaca templat; "
                          "templat hanya membaca data", nama)


class LingkunganAman(SandboxedEnvironment):
    """A sandboxed environment with an allow-list policy and bounded work.

    `ukuran` is the size of the context (batas.ukuran_konteks), which the output allowance
    grows with. The compiled code calls lkj_ulang, lkj_gabung and lkj_penampung (see
    batas.KodeTerbatas); `versi_kode` names that contract in the compiled-code cache key.
    """

    code_generator_class = KodeTerbatas
    template_class = TemplatTerbatas
    intercepted_binops = frozenset({"*", "**", "+", "%"})
    versi_kode = "aman-1"

    def __init__(self, finalize: Callable[[Any], Any] | None = None, ukuran: int = 0,
                 **kwargs: Any) -> None:
        super().__init__(undefined=TakTerdefinisi, autoescape=True,
                         finalize=self._timbang_cetak(finalize), **kwargs)
        self.batas = Batas(ukuran)
        self.filters = {n: self._filter(n, f) for n, f in DEFAULT_FILTERS.items() if n in FILTER}
        self.tests = {n: f for n, f in DEFAULT_TESTS.items() if n in TES}
        self.globals = {"range": self._range, "lipsum": self._lipsum, "dict": dict,
                        "cycler": Cycler, "joiner": Joiner}
        self._panggilan = tuple(self.globals.values())

    # --- reading -------------------------------------------------------------------------

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, dict):
            if attribute in KAMUS:
                return getattr(obj, attribute)
            if attribute in obj:
                return obj[attribute]
        return self._atribut(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, (dict, list, tuple, str)):
            try:
                return obj[argument]
            except (TypeError, LookupError):
                pass
            if isinstance(argument, str):
                return self.getattr(obj, argument)
            return self.undefined(obj=obj, name=argument)
        if isinstance(obj, Undefined):
            return obj[argument]  # raises UndefinedError
        if isinstance(argument, str):
            return self._atribut(obj, argument)
        raise TemplatDitolak(f"isi {jenis(obj)} tidak dapat diambil dengan [...]")

    def _atribut(self, obj: Any, nama: str) -> Any:
        if nama.startswith("_"):
            raise _tolak_atribut(obj, nama)
        if isinstance(obj, Undefined):
            return getattr(obj, nama)  # raises UndefinedError
        if nama in boleh_dibaca(obj):
            return getattr(obj, nama)
        if isinstance(obj, (dict, list, tuple, str)) and not hasattr(type(obj), nama) \
                and nama not in getattr(obj, "__dict__", ()):
            return self.undefined(obj=obj, name=nama)
        raise _tolak_atribut(obj, nama)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return not attr.startswith("_") and attr in boleh_dibaca(obj)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        raise _tolak_atribut(obj, attribute)

    def wrap_str_format(self, value: Any) -> None:
        return None  # str.format is not on the allow-list

    # --- calling -------------------------------------------------------------------------

    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, (Macro, LoopContext, Joiner)) or any(obj is g for g in self._panggilan):
            return True
        if isinstance(obj, (types.BuiltinMethodType, types.MethodType)):
            return obj.__name__ in boleh_dibaca(obj.__self__)
        return False

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        batas = __self.batas
        batas.detak()
        if not __self.is_safe_callable(__obj):
            raise TemplatDitolak(f"{jenis(__obj)} tidak boleh dipanggil templat")
        if isinstance(__obj, (Macro, LoopContext)):
            if isinstance(__obj, LoopContext) and args:  # a recursive loop's next level
                args = (batas.ulang(args[0]), *args[1:])
            with batas.masuk(getattr(__obj, "name", "") or ""):
                return __context.call(__obj, *args, **kwargs)
        if isinstance(getattr(__obj, "__self__", None), str):
            args = _sebelum_metode_teks(__obj.__self__, __obj.__name__, args)
        return _ukur(__context.call(__obj, *args, **kwargs), batas, "hasil panggilan")

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.batas.detak()
        periksa_operasi(operator, left, right, self.batas)
        return self.binop_table[operator](left, right)

    def _range(self, *args: int) -> range:
        try:
            r = range(*args)
            n = len(r)
        except OverflowError:
            n = MAKS_RANGE + 1
        if n > MAKS_RANGE:
            raise TemplatDitolak(f"range() melebihi {ribuan(MAKS_RANGE)} angka", "range")
        return r

    def _lipsum(self, n: int = 5, html: bool = False, min: int = 20,  # noqa: A002
                max: int = 100) -> str:  # noqa: A002
        """Jinja's lipsum, bounded and always plain text (its HTML would be raw markup)."""
        if not all(isinstance(x, int) for x in (n, min, max)) or n > MAKS_LIPSUM \
                or max > 10 * MAKS_LIPSUM or min > max:
            raise TemplatDitolak(f"lipsum() paling banyak {MAKS_LIPSUM} paragraf dan "
                                 f"{10 * MAKS_LIPSUM} kata per paragraf", "lipsum")
        teks = str(generate_lorem_ipsum(n, False, min, max))
        self.batas.hasilkan(len(teks))
        return teks

    # --- what the compiled template calls (batas.KodeTerbatas) ------------------------------

    def lkj_ulang(self, iterable: Any) -> Any:
        return self.batas.ulang(iterable)

    def lkj_gabung(self, join: Callable[[Any], str], bagian: tuple) -> str:
        self.batas.detak()
        total = sum(len(b) if isinstance(b, str) else berat(b) for b in bagian)
        if total > MAKS_TEKS:
            raise TemplatDitolak(f"penggabungan ~ melebihi {ribuan(MAKS_TEKS)} karakter", "~")
        self.batas.hasilkan(total)
        return join(bagian)

    def lkj_penampung(self) -> Penampung:
        return Penampung(self.batas)

    def _timbang_cetak(self, finalize: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
        """The finalize that first weighs a printed list or dict (its text is its repr)."""

        def timbang(value: Any) -> Any:
            if not isinstance(value, str):
                self.batas.teks(value, "nilai yang dicetak")
            return finalize(value) if finalize else value

        return timbang

    def _filter(self, nama: str, f: Callable[..., Any]) -> Callable[..., Any]:
        """Filter `f`, its input weighed before and its result measured after."""
        geser = 1 if getattr(f, "jinja_pass_arg", None) is not None else 0
        sebelum = _SEBELUM_FILTER.get(nama)

        def filter_(*args: Any, **kwargs: Any) -> Any:
            batas = self.batas
            batas.detak()
            if nama in _FILTER_TEKS and len(args) > geser and not isinstance(args[geser], str):
                batas.teks(args[geser], f"filter {nama}")
            if sebelum is not None:
                args = sebelum(batas, geser, args, kwargs)
            return _ukur(f(*args, **kwargs), batas, f"filter {nama}")

        return update_wrapper(filter_, f)


def _ukur(hasil: Any, batas: Batas, apa: str) -> Any:
    """A call's result, refused when it is a text or list past the limits; counted as made."""
    if isinstance(hasil, str):
        if len(hasil) > MAKS_TEKS:
            raise TemplatDitolak(f"{apa} melebihi {ribuan(MAKS_TEKS)} karakter")
        batas.hasilkan(len(hasil))
    elif isinstance(hasil, (list, tuple, dict)):
        if len(hasil) > MAKS_RANGE:
            raise TemplatDitolak(f"{apa} melebihi {ribuan(MAKS_RANGE)} butir")
        batas.hasilkan(len(hasil))
    return hasil


def _butir(nilai: Any) -> list:
    """The items of an iterable as a list, refused past MAKS_RANGE before it is all read."""
    keluar = []
    for x in nilai:
        keluar.append(x)
        if len(keluar) > MAKS_RANGE:
            raise TemplatDitolak(f"daftar melebihi {ribuan(MAKS_RANGE)} butir")
    return keluar


def _periksa_gabung(butir: list, pemisah: Any) -> None:
    total = berat(butir) + len(str(pemisah)) * len(butir)
    if total > MAKS_TEKS:
        raise TemplatDitolak(f"join melebihi {ribuan(MAKS_TEKS)} karakter", "join")


def _periksa_ganti(teks: str, lama: Any, baru: Any, jumlah: Any) -> None:
    if not (isinstance(lama, str) and isinstance(baru, str)):
        return
    n = teks.count(lama) if lama else len(teks) + 1
    if isinstance(jumlah, int) and jumlah >= 0:
        n = min(n, jumlah)
    if len(teks) + n * (len(baru) - len(lama)) > MAKS_TEKS:
        raise TemplatDitolak(f"replace melebihi {ribuan(MAKS_TEKS)} karakter", "replace")


def _sebelum_metode_teks(teks: str, nama: str, args: tuple) -> tuple:
    if nama == "join" and args:
        butir = _butir(args[0])
        _periksa_gabung(butir, teks)
        return (butir, *args[1:])
    if nama == "replace" and len(args) >= 2:
        _periksa_ganti(teks, args[0], args[1], args[2] if len(args) > 2 else -1)
    return args


def _sebelum_join(batas: Batas, geser: int, args: tuple, kwargs: dict) -> tuple:
    if len(args) <= geser:
        return args
    butir = _butir(args[geser])
    _periksa_gabung(butir, args[geser + 1] if len(args) > geser + 1 else kwargs.get("d", ""))
    return (*args[:geser], butir, *args[geser + 1:])


def _sebelum_replace(batas: Batas, geser: int, args: tuple, kwargs: dict) -> tuple:
    if len(args) >= geser + 3:
        jumlah = args[geser + 3] if len(args) > geser + 3 else kwargs.get("count")
        _periksa_ganti(str(args[geser]), args[geser + 1], args[geser + 2], jumlah)
    return args


def _sebelum_sum(batas: Batas, geser: int, args: tuple, kwargs: dict) -> tuple:
    # Adding lists or texts one to another takes time and memory growing with the square.
    awal = args[geser + 2] if len(args) > geser + 2 else kwargs.get("start", 0)
    if not isinstance(awal, (int, float)):
        raise TemplatDitolak("filter sum hanya menjumlahkan angka", "sum")
    return args


_SEBELUM_FILTER: dict[str, Callable[[Batas, int, tuple, dict], tuple]] = {
    "join": _sebelum_join, "replace": _sebelum_replace, "sum": _sebelum_sum,
}
