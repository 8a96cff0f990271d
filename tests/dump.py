"""A text dump of a .docx for golden tests: paragraph style + text (with Word's list numbers), table
rows, headers, footers."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph
from wordnum import tampilkan_nomor


def _block_lines(container, indent: str = "") -> list[str]:
    lines: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text
            style = block.style.name if block.style is not None else "Normal"
            if text.strip() or style.startswith("Heading"):
                lines.append(f"{indent}[{style}] {text}")
        elif isinstance(block, Table):
            for row in block.rows:
                cells = []
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell appears once
                        continue
                    seen.add(id(cell._tc))
                    cells.append(" / ".join(p.text for p in cell.paragraphs if p.text.strip()))
                lines.append(f"{indent}| " + " | ".join(cells) + " |")
    return lines


def dump(path: Path) -> str:
    document = tampilkan_nomor(docx.Document(str(path)))
    lines = _block_lines(document)
    for n, section in enumerate(document.sections, start=1):
        for kind, part in (("header", section.header), ("footer", section.footer)):
            if not part.is_linked_to_previous:
                body = _block_lines(part, "  ")
                if body:
                    lines += [f"--- {kind} bagian {n}", *body]
    return "\n".join(lines) + "\n"
