"""Customised templates: copy the built-in one, and list every problem of one before rendering."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import InputErrors, Issue, LkjError
from generator.guard.galat_templat import pesan_sintaks
from generator.guard.sandbox import GLOBAL

# docxtpl's own tag forms: {%p ...%} (whole paragraph), {%tr %} / {%tc %} (table row / cell),
# {{r ...}} / {%r %} (run); for checking they are plain Jinja tags.
_DOCXTPL_PREFIX = re.compile(r"^(\{[{%])(?:p|tr|tc|r)\s")
# docxtpl rewrites these cell tags to XML before Jinja sees them: vm/hm merge cells, colspan
# and cellbg take an expression.
_MERGE = re.compile(r"^\{%\s*(?:vm|hm)\s*%\}$")
_CELL_EXPR = re.compile(r"^\{%\s*(?:colspan|cellbg)\s+(.*?)\s*%\}$", re.S)
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_OPEN = re.compile(r"\{\{|\{%|\{#")
_CLOSE = re.compile(r"\}\}|%\}|#\}")
_BLOCKS = {"for": "endfor", "if": "endif", "with": "endwith", "macro": "endmacro",
           "call": "endcall", "filter": "endfilter", "raw": "endraw", "block": "endblock",
           "autoescape": "endautoescape", "set": "endset"}
_MIDDLE = {"else": ("for", "if"), "elif": ("if",)}
_NESTED = "tag terlalu dalam bersarang (kurung di dalam kurung)"


@dataclass(frozen=True)
class Place:
    """Where a piece of template text sits, in words a Word user can find."""

    label: str
    text: str

    def describe(self) -> str:
        shown = " ".join(self.text.split())
        shown = shown if len(shown) <= 60 else shown[:59] + "…"
        return f"{self.label} (\"{shown}\")"


def copy_template(target: Path) -> Path:
    """Write a copy of the built-in template to edit in Word; never over an existing file."""
    from generator.writing.render import default_template

    if target.suffix.lower() != ".docx":
        raise LkjError(f"nama templat harus berakhiran .docx, tertulis {target.name}")
    if target.exists():
        raise LkjError(f"{target} sudah ada dan tidak ditimpa; pilih nama lain")
    if not target.parent.is_dir():
        raise LkjError(f"folder {target.parent} tidak ada")
    try:
        # "x": never over a file that appeared meanwhile; a half copy (a full disk) is removed
        with open(default_template(), "rb") as src, open(target, "xb") as dst:
            try:
                shutil.copyfileobj(src, dst)
            except BaseException:
                dst.close()
                target.unlink(missing_ok=True)
                raise
    except FileExistsError as exc:
        raise LkjError(f"{target} sudah ada dan tidak ditimpa; pilih nama lain") from exc
    except OSError as exc:
        from generator.files.output import reason

        raise LkjError(f"{target.name} tidak dapat ditulis ({reason(exc)}); tidak ada berkas "
                       "yang ditulis") from exc
    return target


def _paragraphs(container: Any, label: str) -> Iterator[tuple[str, Any]]:
    """Paragraphs in reading order, those in tables labelled by table, row and column."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    n_par = n_tab = 0
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            n_par += 1
            yield f"{label}paragraf {n_par}", block
        elif isinstance(block, Table):
            n_tab += 1
            for r, row in enumerate(block.rows, start=1):
                for c, cell in enumerate(row.cells, start=1):
                    yield from _paragraphs(cell, f"{label}tabel {n_tab} baris {r} kolom {c}, ")


def _places(document: Any) -> Iterator[Place]:
    for label, paragraph in _paragraphs(document, ""):
        yield Place(label, paragraph.text)
    for n, section in enumerate(document.sections, start=1):
        for kind, part in (("header", section.header), ("footer", section.footer)):
            if part.is_linked_to_previous:
                continue
            for label, paragraph in _paragraphs(part, f"{kind} bagian {n}, "):
                yield Place(label, paragraph.text)


def _tags(place: Place, issues: list[Issue]) -> list[str]:
    """The complete tags of one paragraph; an opened but unclosed one is an issue."""
    tags = _TAG.findall(place.text)
    rest = _TAG.sub("", place.text)
    if _OPEN.search(rest):
        issues.append(Issue("tag-unclosed", "tag dibuka tetapi tidak ditutup di paragraf yang "
                            "sama (\"{{\" perlu \"}}\", \"{%\" perlu \"%}\")", place.describe()))
    elif _CLOSE.search(rest):
        issues.append(Issue("tag-unopened", "penutup tag tanpa pembukanya (\"}}\" atau \"%}\")",
                            place.describe()))
    plain = (_DOCXTPL_PREFIX.sub(r"\1 ", tag) for tag in tags)
    return [_CELL_EXPR.sub(r"{{ \1 }}", tag) for tag in plain if not _MERGE.match(tag)]


def _block_word(tag: str) -> str:
    if not tag.startswith("{%"):
        return ""
    words = tag[2:-2].strip().lstrip("-+").split()
    if words[:1] == ["set"] and "=" in tag:  # {% set x = ... %}; only {% set x %} is a block
        return "set="
    return words[0] if words else ""


def _check_blocks(tagged: list[tuple[Place, str]], issues: list[Issue]) -> None:
    """Every for/if is closed, in order, and every end has its opener."""
    stack: list[tuple[str, Place]] = []
    for place, tag in tagged:
        word = _block_word(tag)
        if word in _BLOCKS:
            stack.append((word, place))
        elif word in _MIDDLE:
            if not stack or stack[-1][0] not in _MIDDLE[word]:
                issues.append(Issue("tag-orphan", f"{{% {word} %}} tanpa {{% if %}} atau "
                                    "{% for %} pembukanya", place.describe()))
        elif word.startswith("end"):
            if stack and _BLOCKS[stack[-1][0]] == word:
                stack.pop()
            else:
                expected = f"{{% {_BLOCKS[stack[-1][0]]} %}}" if stack else "tidak ada blok terbuka"
                issues.append(Issue("tag-end", f"{{% {word} %}} tidak cocok (diharapkan "
                                    f"{expected})", place.describe()))
    for word, place in stack:
        issues.append(Issue("tag-open", f"{{% {word} %}} tidak pernah ditutup dengan "
                            f"{{% {_BLOCKS[word]} %}}", place.describe()))


def _check_syntax(tagged: list[tuple[Place, str]], env: Any, issues: list[Issue]) -> None:
    from jinja2 import TemplateSyntaxError

    for place, tag in tagged:
        if tag.startswith("{{"):
            try:
                env.parse(tag)
            except TemplateSyntaxError as exc:
                issues.append(Issue("tag-syntax", f"tag {tag} rusak: "
                                    f"{pesan_sintaks(exc.message or '')}", place.describe()))
            except RecursionError:
                issues.append(Issue("tag-syntax", _NESTED, place.describe()))


def _source(tagged: list[tuple[Place, str]]) -> str:
    """All tags, one per line, so that a Jinja error's line number names its place."""
    return "\n".join(tag for _, tag in tagged)


def check_template(path: Path, context: dict[str, Any], coba: bool = True) -> list[Issue]:
    """Every problem of a template: unclosed or broken tags, unbalanced blocks, unknown names,
    what the sandbox refuses (generator.guard.kebijakan); then, when all that is right and `coba`,
    a trial rendering with `context` under the same sandbox and limits as `lkj buat`."""
    import docx

    from generator.files.paket_docx import periksa
    from generator.writing.render import make_environment

    if path.is_dir():
        raise LkjError(f"{path}: ini sebuah folder, bukan templat Word .docx")
    if not path.is_file():
        raise LkjError(f"{path.name}: berkas templat tidak ditemukan ({path})")
    paket = periksa(path, "templat")  # the package is checked whole before python-docx reads it
    document = docx.Document(paket.berkas())
    issues: list[Issue] = []
    places = list(_places(document))
    tagged = [(place, tag) for place in places for tag in _tags(place, issues)]
    env = make_environment()
    _check_syntax(tagged, env, issues)
    _check_blocks(tagged, issues)
    if issues:
        issues.extend(_unknown_heads(tagged, env, context))
    else:
        issues.extend(_check_tree(tagged, env, context))
    if not issues and coba:
        issues.extend(_trial(path, context))
    issues = list(paket.peringatan) + issues  # what lkj removes from it: warnings, not errors
    order = {place.describe(): n for n, place in enumerate(places)}
    return sorted(issues, key=lambda issue: order.get(issue.ref, -1))


def _check_tree(tagged: list[tuple[Place, str]], env: Any, context: dict[str, Any]) -> list[Issue]:
    """Names lkj does not give and what the sandbox refuses, in the tags parsed as one."""
    from jinja2 import TemplateSyntaxError

    from generator.guard import kebijakan

    try:
        tree = env.parse(_source(tagged))
    except TemplateSyntaxError as exc:
        place = tagged[exc.lineno - 1][0] if 0 < exc.lineno <= len(tagged) else None
        return [Issue("tag-syntax", f"tag rusak: {pesan_sintaks(exc.message or '')}",
                      place.describe() if place else "")]
    except RecursionError:
        return [Issue("tag-syntax", _NESTED)]
    found: dict[str, None] = {}
    _visit(tree, {**_LOOP, **context}, found)
    at = {name: _unknown_at(name, tagged) for name in found}
    issues = [_unknown(name, tagged, n) for name, n in at.items()]
    return issues + kebijakan.masalah(tree, tagged, env, context, set(at.values()))


def _trial(path: Path, context: dict[str, Any]) -> list[Issue]:
    from generator.writing.render import coba_templat

    try:
        coba_templat(path, context)
    except InputErrors as exc:
        return list(exc.issues)
    return []


def require_valid_template(path: Path, context: dict[str, Any], coba: bool = True) -> list[Issue]:
    """Raise InputErrors listing every problem of a customised template (`coba`: see
    check_template); its warnings (what lkj removes from it, generator.files.tautan) otherwise."""
    issues = check_template(path, context, coba)
    if any(issue.is_error for issue in issues):
        raise InputErrors(issues, path.name)
    return issues


_LOOP = {"loop": {"index": 1, "index0": 0, "first": True, "last": True, "length": 1,
                  "revindex": 1, "revindex0": 0, "previtem": None, "nextitem": None}}
_MISSING = object()


def _visit(node: Any, scope: dict[str, Any], found: dict[str, None]) -> None:
    """Walk the template, each loop seeing its own variables, and note names lkj does not give."""
    from jinja2 import nodes

    if isinstance(node, nodes.For):
        _visit(node.iter, scope, found)
        inner = {**scope, **_bind(node.target, _first(_shape(node.iter, scope)))}
        for child in [*node.body, *([node.test] if node.test else [])]:
            _visit(child, inner, found)
        for child in node.else_:
            _visit(child, scope, found)
    elif isinstance(node, nodes.Assign):
        _visit(node.node, scope, found)
        scope.update(_bind(node.target, _shape(node.node, scope)))
    elif isinstance(node, (nodes.Macro, nodes.CallBlock, nodes.With, nodes.AssignBlock)):
        _visit_scoped(node, scope, found)
    elif isinstance(node, (nodes.Getattr, nodes.Name)) and _chain(node):
        chain = _chain(node)
        if isinstance(node, nodes.Name) and node.ctx != "load":
            return
        head = chain.split(".")[0]
        if head not in scope and head not in _JINJA_GLOBALS:
            found.setdefault(head)
        elif _resolve(chain, scope) is _MISSING:
            found.setdefault(chain)
    else:
        for child in node.iter_child_nodes():
            _visit(child, scope, found)


def _visit_scoped(node: Any, scope: dict[str, Any], found: dict[str, None]) -> None:
    """Macros, call blocks, {% with %} and {% set %} blocks: the names each brings in."""
    from jinja2 import nodes

    if isinstance(node, nodes.Macro):
        scope[node.name] = None  # known before its body, which may call it
    for child in [*getattr(node, "defaults", []), *getattr(node, "values", [])]:
        _visit(child, scope, found)
    if isinstance(node, nodes.CallBlock):
        _visit(node.call, scope, found)
    inner = {**scope, "caller": None, "varargs": None, "kwargs": None}
    for target in [*getattr(node, "args", []), *getattr(node, "targets", [])]:
        inner.update(_bind(target, None))
    for child in node.body:
        _visit(child, inner, found)
    if isinstance(node, nodes.AssignBlock):
        scope.update(_bind(node.target, None))


def _bind(target: Any, shape: Any) -> dict[str, Any]:
    from jinja2 import nodes

    names = [target] if isinstance(target, nodes.Name) else list(target.find_all(nodes.Name))
    # Unpacking (for k, v in ...) leaves each name's shape unknown.
    return {n.name: shape if len(names) == 1 else None for n in names}


def _shape(expr: Any, scope: dict[str, Any]) -> Any:
    chain = _chain(expr)
    found = _resolve(chain, scope) if chain else None
    return None if found is _MISSING else found


def _resolve(chain: str, scope: dict[str, Any]) -> Any:
    """The shape at `a.b.c`: None when unknowable (not a dict), _MISSING when surely absent."""
    head, *rest = chain.split(".")
    value = scope.get(head)
    for part in rest:
        if not isinstance(value, dict):
            return None
        if part not in value:
            return _MISSING
        value = value[part]
    return value


_FOR_TARGETS = re.compile(r"\{%-?\s*for\s+(.+?)\s+in\s")
_SET_TARGETS = re.compile(r"\{%-?\s*set\s+([\w\s,]+?)\s*=")


def _unknown_heads(tagged: list[tuple[Place, str]], env: Any,
                   context: dict[str, Any]) -> list[Issue]:
    """With the blocks broken, still name the unknown variables of each well-formed {{ }} tag."""
    from jinja2 import TemplateSyntaxError, nodes

    declared = set(context) | _JINJA_GLOBALS | set(_LOOP)
    for _, tag in tagged:
        for match in (*_FOR_TARGETS.finditer(tag), *_SET_TARGETS.finditer(tag)):
            declared |= {n.strip() for n in match[1].split(",")}
    issues: list[Issue] = []
    for place, tag in tagged:
        if not tag.startswith("{{"):
            continue
        try:
            tree = env.parse(tag)
        except (TemplateSyntaxError, RecursionError):
            continue
        for name in tree.find_all(nodes.Name):
            if name.name not in declared:
                declared.add(name.name)
                issues.append(Issue("name-unknown", f"variabel \"{name.name}\" tidak dikenal oleh "
                                    "lkj", place.describe()))
    return issues


def _unknown_at(name: str, tagged: list[tuple[Place, str]]) -> int | None:
    """The index of the first tag that uses `name`."""
    pattern = re.compile(rf"(?<![\w.]){re.escape(name)}(?![\w])")
    return next((n for n, (_, tag) in enumerate(tagged) if pattern.search(tag)), None)


def _unknown(name: str, tagged: list[tuple[Place, str]], at: int | None) -> Issue:
    return Issue("name-unknown", f"variabel \"{name}\" tidak dikenal oleh lkj",
                 tagged[at][0].describe() if at is not None else "")


def _chain(node: Any) -> str:
    """`a.b.c` for a Getattr chain rooted at a plain name; "" otherwise."""
    from jinja2 import nodes

    parts = []
    while isinstance(node, nodes.Getattr):
        parts.append(node.attr)
        node = node.node
    if not isinstance(node, nodes.Name):
        return ""
    return ".".join([node.name, *reversed(parts)])


def _first(value: Any) -> Any:
    if isinstance(value, (list, tuple)) and value:
        return value[0]
    return None


_JINJA_GLOBALS = set(GLOBAL) | {"true", "false", "none", "True", "False", "None"}


def sample_data() -> Any:
    """A small DataLaporan with every optional part filled, so each list in the context has an
    item whose shape the check can follow."""
    from datetime import date
    from decimal import Decimal

    from generator.model import BarisAnggaran, DataLaporan, Identitas, Indikator, Sasaran
    from generator.reading.schema import BAGIAN_NARASI, JENIS_RENSTRA, KELOMPOK_DAFTAR

    identitas = Identitas(
        instansi="Komisi Pemilihan Umum Kabupaten Contoh", nama_singkat="KPU Kabupaten Contoh",
        tahun=2024, periode_renstra="2020-2024", tempat="Contoh", tanggal=date(2025, 3, 13),
        jabatan_penandatangan="Sekretaris", nama_penandatangan="Nama", nip_penandatangan="1" * 18,
        tanggal_pk=date(2024, 1, 8), jabatan_atasan="Ketua", nama_atasan="Nama Ketua",
        alamat="Jalan Contoh",
    )
    indikator = Indikator(
        "Indikator", "%", Decimal(75), Decimal(80), realisasi_lalu=((2023, Decimal(70)),),
        target_renstra=Decimal(90), standar_nasional=Decimal(78), penjelasan="Penjelasan",
        program_pendukung="Program", ref="'Kinerja'!B2",
    )
    return DataLaporan(
        identitas=identitas,
        sasaran=(Sasaran("Sasaran", (indikator,)),),
        anggaran=(BarisAnggaran("Rupiah Murni", Decimal(100), Decimal(90), "Uraian", "Sasaran"),),
        renstra={jenis: ("Butir",) for jenis in JENIS_RENSTRA},
        sdm=(("S1", 1),),
        narasi={bagian: ("Teks",) for bagian in BAGIAN_NARASI},
        daftar={kelompok: ("Butir",) for kelompok in KELOMPOK_DAFTAR},
    )


def sample_context() -> dict[str, Any]:
    """The context lkj gives a template, for a workbook that fills every part, charts included."""
    from generator.figures.capaian import hitung
    from generator.pipeline import draw_charts
    from generator.report import build

    data = sample_data()
    hasil = hitung(data)
    return build(data, hasil, draw_charts(data, hasil)).context
