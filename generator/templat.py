"""Customised templates: copy the built-in one, and list every problem of one before rendering."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from generator.errors import InputErrors, Issue, LkjError
from generator.guard.galat_templat import pesan_sintaks
from generator.guard.sandbox import GLOBAL
from generator.guard.tag import Place, places, tags

_BLOCKS = {"for": "endfor", "if": "endif", "with": "endwith", "macro": "endmacro",
           "call": "endcall", "filter": "endfilter", "raw": "endraw", "block": "endblock",
           "autoescape": "endautoescape", "set": "endset"}
_MIDDLE = {"else": ("for", "if"), "elif": ("if",)}
_NESTED = "tag terlalu dalam bersarang (kurung di dalam kurung)"


def copy_template(target: Path, dokumen: str = "lkj") -> Path:
    """Write a copy of the built-in template of document `dokumen` (generator.report.jenis)
    to edit in Word; never over an existing file."""
    from generator.writing.render import default_template
    from generator.report.jenis import JENIS

    if target.suffix.lower() != ".docx":
        raise LkjError(f"nama templat harus berakhiran .docx, tertulis {target.name}")
    if target.exists():
        raise LkjError(f"{target} sudah ada dan tidak ditimpa; pilih nama lain")
    if not target.parent.is_dir():
        raise LkjError(f"folder {target.parent} tidak ada")
    try:
        # "x": never over a file that appeared meanwhile; a half copy (a full disk) is removed
        with open(default_template(JENIS[dokumen].templat), "rb") as src, open(target, "xb") as dst:
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


def dokumen_templat(path: Path) -> str | None:
    """The document a template is for, from the property the built-in templates carry
    (`lkj-dokumen`); None when it has none (a template copied before lkj wrote it) or names
    a document this lkj does not know. Read only after the package was checked."""
    import docx

    from generator.kontrak import PROPERTI_DOKUMEN
    from generator.files.paket_docx import periksa
    from generator.files.properti import baca_properti
    from generator.report.jenis import JENIS

    kode = baca_properti(docx.Document(periksa(path, "templat").berkas())).get(PROPERTI_DOKUMEN)
    return kode if kode in JENIS else None


def _jenis_lain(document: Any, dokumen: str | None) -> list[Issue]:
    """A template of another document (a PK template given to `lkj buat`) is an error."""
    from generator.kontrak import PROPERTI_DOKUMEN
    from generator.files.properti import baca_properti
    from generator.report.jenis import JENIS

    kode = baca_properti(document).get(PROPERTI_DOKUMEN)
    if dokumen is None or kode not in JENIS or kode == dokumen:
        return []
    return [Issue("template-kind", f"templat ini untuk {JENIS[kode].judul}, bukan "
                  f"{JENIS[dokumen].judul}; salin templat yang sesuai dengan: lkj templat salin "
                  f"--dokumen {dokumen} NAMA.docx")]


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


def check_template(path: Path, context: dict[str, Any], coba: bool = True,
                   dokumen: str | None = None) -> list[Issue]:
    """Every problem of a template: a template of another document than `dokumen` (when
    given), unclosed or broken tags, unbalanced blocks, unknown names, what the sandbox
    refuses (generator.guard.kebijakan); then, when all that is right and `coba`, a trial rendering
    with `context` under the same sandbox and limits as `lkj buat`."""
    import docx

    from generator.files.paket_docx import periksa
    from generator.writing.render import make_environment

    if path.is_dir():
        raise LkjError(f"{path}: ini sebuah folder, bukan templat Word .docx")
    if not path.is_file():
        raise LkjError(f"{path.name}: berkas templat tidak ditemukan ({path})")
    paket = periksa(path, "templat")  # the package is checked whole before python-docx reads it
    document = docx.Document(paket.berkas())
    lain = _jenis_lain(document, dokumen)
    if lain:  # its names would all be unknown: say the one thing that matters
        return list(paket.peringatan) + lain
    issues: list[Issue] = []
    found = list(places(document))
    tagged = [(place, tag) for place in found for tag in tags(place, issues)]
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
    order = {place.describe(): n for n, place in enumerate(found)}
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
    from generator.contoh_templat import kunci_contoh

    return issues + kebijakan.masalah(tree, tagged, env, context, set(at.values()), kunci_contoh())


def _trial(path: Path, context: dict[str, Any]) -> list[Issue]:
    from generator.writing.render import coba_templat

    try:
        coba_templat(path, context)
    except InputErrors as exc:
        return list(exc.issues)
    return []


def require_valid_template(path: Path, context: dict[str, Any], coba: bool = True,
                           dokumen: str | None = None) -> list[Issue]:
    """Raise InputErrors listing every problem of a customised template (`coba`, `dokumen`:
    see check_template); its warnings (what lkj removes from it, generator.files.tautan) otherwise."""
    issues = check_template(path, context, coba, dokumen)
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


def sample_context(dokumen: str = "lkj") -> dict[str, Any]:
    """The context lkj gives the template of document `dokumen`, for a workbook that fills
    every part, charts included (generator.contoh_templat)."""
    from generator.contoh_templat import sample_context as contoh

    return contoh(dokumen)
