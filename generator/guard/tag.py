"""The tags of a template as a Word user finds them: each paragraph's place in the document
("tabel 2 baris 3 kolom 1", "header bagian 1") and the complete tags it holds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.errors import Issue

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


@dataclass(frozen=True)
class Place:
    """Where a piece of template text sits, in words a Word user can find."""

    label: str
    text: str

    def describe(self) -> str:
        shown = " ".join(self.text.split())
        shown = shown if len(shown) <= 60 else shown[:59] + "…"
        return f"{self.label} (\"{shown}\")"


def paragraphs(container: Any, label: str) -> Iterator[tuple[str, Any]]:
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
                    yield from paragraphs(cell, f"{label}tabel {n_tab} baris {r} kolom {c}, ")


def places(document: Any) -> Iterator[Place]:
    for label, paragraph in paragraphs(document, ""):
        yield Place(label, paragraph.text)
    for n, section in enumerate(document.sections, start=1):
        for kind, part in (("header", section.header), ("footer", section.footer)):
            if part.is_linked_to_previous:
                continue
            for label, paragraph in paragraphs(part, f"{kind} bagian {n}, "):
                yield Place(label, paragraph.text)


def tags(place: Place, issues: list[Issue]) -> list[str]:
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
