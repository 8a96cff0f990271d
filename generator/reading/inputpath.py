"""The workbook the user meant when Windows Explorer hid its extension (`kinerja` for `kinerja.xlsx`)."""

from __future__ import annotations

from pathlib import Path

from generator.errors import LkjError


def find_workbook(path: Path) -> tuple[Path, str | None]:
    """`path` itself when it exists, else `path`.xlsx (or `name.xlsx.xlsx`), with a note saying so.

    When nothing fits but files of that name with another extension exist, the error names them.
    """
    if path.exists():
        return path, None
    for candidate in (path.with_name(path.name + ".xlsx"), path.with_name(path.name + ".XLSX")):
        if candidate.is_file():
            return candidate, f"Catatan: {path.name} tidak ada; dipakai {candidate.name}"
    folder = path.parent if str(path.parent) else Path(".")
    stem = path.stem if path.suffix.lower() == ".xlsx" else path.name
    others = sorted(p.name for p in _siblings(folder, stem) if p.name != path.name)
    if others:
        raise LkjError(f"{path.name}: berkas tidak ditemukan; di folder itu ada {', '.join(others)} "
                       "(lkj membaca buku kerja .xlsx; simpan ulang sebagai Excel Workbook "
                       "(*.xlsx) bila perlu)")
    return path, None


def _siblings(folder: Path, stem: str) -> list[Path]:
    try:
        return [p for p in folder.iterdir()
                if p.is_file() and p.name.casefold().startswith(stem.casefold() + ".")]
    except OSError:
        return []
