"""The report layer: figures in, each document's context and list of placeholders out.

Pure: nothing here reads or writes a file. `jenis.JENIS` is the registry of the documents lkj
writes (the Laporan Kinerja, the Perjanjian Kinerja, the Rencana Aksi, the quarterly report);
each has its package here (`lkj/`, `pk/`, `renaksi/`, `triwulan/`) whose parts, in reading
order, are the folders of its `BAGIAN`, each holding what fills its context (`konteks.py`),
what builds its pages of the template (`templat.py`, used only by tools/build_template.py
through `rakit`) and its fixed words (`kata.txt`). Shared helpers: `dasar` (the one text
cleaner, list joiner and placeholder collector), `satker` (names, cover, signature), `skala`
(capaian as printed). Fixed words live in the templates; the context carries only what the
data says.

Charts are made by the caller (generator.writing.charts.draw_charts) and handed in as a `GrafikLaporan`:
each chart is an object the renderer knows how to place (today a dict {"gambar", "judul",
"alt"}); this layer only puts them where the template expects them.

`build` and `BAGIAN` are the Laporan Kinerja's (generator.report.lkj).
"""

from __future__ import annotations

# Re-exported for callers that import them from generator.report.
from generator.report.jenis import JENIS, GrafikLaporan, Jenis, Report, jenis  # noqa: F401
from generator.report.lkj import BAGIAN, build, umum  # noqa: F401
