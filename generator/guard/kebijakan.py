"""The sandbox's policy read from a template's tags, before anything runs (`lkj templat periksa`).

Rendering enforces the policy (generator.guard.sandbox) and the limits (generator.guard.batas) on the
paths the data takes; this finds what they would refuse on every path, also inside an `if`
the sample data never enters: constructs lkj does not offer, filters and tests it does not
have, attribute names that are neither keys of lkj's context nor on the allow-list, and
constant expressions past a limit (`9**(9**9)`, `'x' * 10**10`, `range(10**9)`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from jinja2 import nodes

from generator.guard.batas import TemplatDitolak, konstruksi_terlarang
from generator.errors import Issue
from generator.guard.galat_templat import keterangan
from generator.guard.sandbox import NAMA_BOLEH, LingkunganAman

_TIDAK = object()  # not a constant
_OPERATOR = (nodes.Add, nodes.Sub, nodes.Mul, nodes.Div, nodes.FloorDiv, nodes.Mod, nodes.Pow)


def kunci(nilai: Any) -> set[str]:
    """Every dict key anywhere in the context."""
    keluar: set[str] = set()
    tumpukan = [nilai]
    while tumpukan:
        x = tumpukan.pop()
        if isinstance(x, dict):
            keluar.update(k for k in x if isinstance(k, str))
            tumpukan.extend(x.values())
        elif isinstance(x, (list, tuple)):
            tumpukan.extend(x)
    return keluar


def masalah(tree: nodes.Template, tagged: list[tuple[Any, str]], env: LingkunganAman,
            konteks: dict[str, Any], dilaporkan: set[int | None]) -> list[Issue]:
    """One issue per tag the sandbox would refuse (the name it refuses first), at the tag's
    Place; `tagged` are templat's (Place, tag) pairs, one per line of the source `tree` was
    parsed from, and `dilaporkan` the indices of tags already reported."""
    per_baris: dict[int, tuple[str, str]] = {}
    nama_kunci = kunci(konteks) | kunci_contoh()
    for baris, sebab, nama in periksa(tree, nama_kunci, env):
        if baris - 1 in dilaporkan or not 0 < baris <= len(tagged):
            continue
        tag = tagged[baris - 1][1]
        lebih_dulu = per_baris.get(baris)
        if lebih_dulu is None or 0 <= tag.find(nama) < tag.find(lebih_dulu[1]):
            per_baris[baris] = (sebab, nama)
    return [Issue("templat-ditolak", sebab, keterangan(*tagged[baris - 1]))
            for baris, (sebab, _) in sorted(per_baris.items())]


@functools.cache
def kunci_contoh() -> frozenset[str]:
    """The keys of a context that fills every part (a workbook may leave parts out)."""
    from generator.templat import sample_context

    return frozenset(kunci(sample_context()))


def periksa(tree: nodes.Template, nama_kunci: set[str],
            env: LingkunganAman) -> list[tuple[int, str, str]]:
    """What the policy refuses in `tree`: (line, Indonesian reason, name involved).
    `nama_kunci` are the context's keys (`kunci`), of every shape the context can take."""
    keluar: list[tuple[int, str, str]] = []
    for node in tree.find_all(nodes.Node):
        tag = konstruksi_terlarang(node)
        if tag:
            keluar.append((node.lineno, f"{tag} tidak tersedia di templat lkj", ""))
        elif isinstance(node, nodes.Filter) and node.name not in env.filters:
            keluar.append((node.lineno, f"filter \"{node.name}\" tidak tersedia di templat lkj",
                           node.name))
        elif isinstance(node, nodes.Test) and node.name not in env.tests:
            keluar.append((node.lineno, f"uji \"{node.name}\" tidak tersedia di templat lkj",
                           node.name))
        else:
            nama = _atribut(node)
            if nama is not None and (nama.startswith("_") or nama not in nama_kunci | NAMA_BOLEH):
                keluar.append((node.lineno, f"atribut \"{nama}\" tidak dikenal lkj atau tidak "
                               "boleh dibaca templat; templat hanya membaca data", nama))
    keluar.extend(_batas_tetap(tree, env))
    return keluar


def _atribut(node: nodes.Node) -> str | None:
    """The attribute name `node` reads (a.b, a['b']); None when it reads none by name."""
    if isinstance(node, nodes.Getattr):
        return node.attr
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) \
            and isinstance(node.arg.value, str):
        return node.arg.value
    return None


def _batas_tetap(tree: nodes.Template, env: LingkunganAman) -> Iterator[tuple[int, str, str]]:
    """Constant expressions past a limit; an expression refused is not looked into again."""
    tumpukan: list[nodes.Node] = [tree]
    while tumpukan:
        node = tumpukan.pop()
        if isinstance(node, nodes.Expr):
            try:
                if _tetap(node, env) is not _TIDAK:
                    continue
            except TemplatDitolak as exc:
                yield node.lineno, str(exc), ""
                continue
        tumpukan.extend(node.iter_child_nodes())


def _tetap(node: nodes.Node, env: LingkunganAman) -> Any:
    """The value of a constant expression under the sandbox's checks; _TIDAK when it is not
    one (or fails otherwise: rendering will say why)."""
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, (nodes.List, nodes.Tuple)):
        isi = [_tetap(x, env) for x in node.items]
        return _TIDAK if _TIDAK in isi else isi
    if isinstance(node, (nodes.Neg, nodes.Pos)):
        nilai = _tetap(node.node, env)
        return nilai if nilai is _TIDAK or isinstance(node, nodes.Pos) else _coba(_negatif, nilai)
    if isinstance(node, _OPERATOR):
        kiri, kanan = _tetap(node.left, env), _tetap(node.right, env)
        if kiri is _TIDAK or kanan is _TIDAK:
            return _TIDAK
        return _coba(env.call_binop, None, node.operator, kiri, kanan)
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) \
            and node.node.name in ("range", "lipsum") and not (node.dyn_args or node.dyn_kwargs):
        args = [_tetap(x, env) for x in node.args]
        kwargs = {k.key: _tetap(k.value, env) for k in node.kwargs}
        if _TIDAK in args or _TIDAK in kwargs.values():
            return _TIDAK
        return _coba(env.globals[node.node.name], *args, **kwargs)
    return _TIDAK


def _negatif(nilai: Any) -> Any:
    return -nilai


def _coba(fungsi: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return fungsi(*args, **kwargs)
    except TemplatDitolak:
        raise
    except Exception:  # noqa: BLE001 - 1/0 and the like: rendering names them in its words
        return _TIDAK
