"""Nothing outside the package: linked pictures, attached templates, OLE links and fetching
fields in a template or report are removed with a warning naming them, never followed; an
ordinary web hyperlink stays; LibreOffice (--pdf) runs with links and macros blocked."""

from __future__ import annotations

import http.server
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from docx_rusak import FIELDS, linked_pictures, png, reaching_out
from doctools import libreoffice, require, validate_docx
from typer.testing import CliRunner

from generator.commands.cli import app
from generator.printing.pdf import run_libreoffice
from generator.pipeline import build
from generator.writing.render import default_template

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "input" / "contoh.xlsx"
runner = CliRunner()
EXPECTED = [  # (part, what is named) for every reach outside in docx_rusak.reaching_out
    ("word/document.xml", "gambar tertaut ke http://127.0.0.1:9/gambar.png"),
    ("word/document.xml", "tautan ke file://///server/share/data.xlsx"),
    ("word/document.xml", "objek OLE tertaut ke file:///C:/data/anggaran.xlsx"),
    ("word/settings.xml", "templat terlampir \\\\server\\share\\kop.dotm"),
    ("word/document.xml", 'field INCLUDEPICTURE ("http://127.0.0.1:9/x.png" \\d)'),
    ("word/document.xml", "field DDEAUTO (c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc\")"),
    ("word/document.xml", "field LINK (Excel.Sheet.12"),
    ("word/document.xml", 'field INCLUDETEXT ("file:///C:/rahasia.docx")'),
]
FIELD_WORDS = ("INCLUDEPICTURE", "INCLUDETEXT", "DDEAUTO", "LINK Excel", "attachedTemplate",
               "OLEObject", "r:link", "rahasia.docx", "share", "127.0.0.1")


@pytest.fixture(scope="module")
def laporan(tmp_path_factory) -> Path:
    return build(SAMPLE, tmp_path_factory.mktemp("laporan") / "laporan.docx").path


@pytest.fixture(scope="module")
def templat(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("templat")
    return reaching_out(default_template(), folder / "templat.docx")


def _warned(output: str, name: str) -> None:
    for part, what in EXPECTED:
        line = f"{name}, {part}: Peringatan: {what}"
        assert line in output, (line, output)
    assert output.count("dibuang; lkj tidak mengikuti rujukan ke luar berkas") == len(EXPECTED)


def _package_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
                         if n.endswith((".xml", ".rels")))


def _nothing_outside(path: Path) -> None:
    text = _package_text(path)
    external = re.findall(r'<Relationship [^>]*TargetMode="External"[^>]*>', text)
    assert len(external) == 1 and 'Target="https://www.kpu.go.id/"' in external[0], external
    for word in FIELD_WORDS:
        assert word not in text, word
    document = zipfile.ZipFile(path).read("word/document.xml").decode()
    for _, shown in FIELDS:
        assert f"<w:t>{shown}</w:t>" in document, shown
    assert "teks sisipan" in document and "berkas bersama" in document
    link = re.search(r'<w:hyperlink r:id="(\w+)"><w:r><w:t>situs KPU</w:t>', document)
    rels = zipfile.ZipFile(path).read("word/_rels/document.xml.rels").decode()
    assert link and re.search(rf'Id="{link[1]}"[^>]*Target="https://www.kpu.go.id/"', rels)
    errors, output = validate_docx(path)
    assert errors == 0, output


def test_templat_periksa_names_what_lkj_will_remove(templat):
    result = runner.invoke(app, ["templat", "periksa", str(templat)])
    assert result.exit_code == 0, result.output
    _warned(result.output, "templat.docx")
    assert result.output.rstrip().endswith("Templat templat.docx siap dipakai.")


def test_buat_removes_every_reach_outside_the_template(templat, tmp_path):
    out = tmp_path / "laporan.docx"
    result = runner.invoke(app, ["buat", str(SAMPLE), "-o", str(out), "--templat", str(templat)])
    assert result.exit_code == 0, result.output
    _warned(result.output, "templat.docx")
    _nothing_outside(out)


def test_perbarui_removes_every_reach_outside_the_report(laporan, tmp_path):
    report = reaching_out(laporan, tmp_path / "laporan.docx")
    before = report.read_bytes()
    out = tmp_path / "hasil.docx"
    result = runner.invoke(app, ["perbarui", str(SAMPLE), str(report), "-o", str(out)])
    assert result.exit_code == 0, result.output
    _warned(result.output, "laporan.docx")
    _nothing_outside(out)
    assert report.read_bytes() == before


# --- LibreOffice (--pdf) -------------------------------------------------------------------


class _Catat(http.server.BaseHTTPRequestHandler):
    """Notes every request; answers with a picture, as an attacker's server would."""

    requests: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        type(self).requests.append(self.path)
        body = png(40, 40, (255, 0, 0))
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Catat.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Catat)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Catat.requests
    httpd.shutdown()
    httpd.server_close()


def _images(pdf: Path) -> list[tuple[int, int]]:
    tool = require("pdfimages (poppler-utils)", shutil.which("pdfimages"))
    listing = subprocess.run([tool, "-list", str(pdf)], capture_output=True, text=True,
                             check=True, timeout=120).stdout.splitlines()[2:]
    return [(int(line.split()[3]), int(line.split()[4])) for line in listing]


def test_libreoffice_itself_fetches_no_linked_picture(laporan, server, tmp_path):
    """Even a .docx lkj did not clean: the worker's LibreOffice requests no URL and embeds no
    local file a picture links to (here a 123 x 77 PNG)."""
    url, requests = server
    local = tmp_path / "lokal.png"
    local.write_bytes(png(123, 77, (250, 10, 200)))
    linked = linked_pictures(laporan, tmp_path / "tertaut.docx",
                             [f"{url}/gambar.png", local.as_uri()])
    pdf = tmp_path / "tertaut.pdf"
    answer = run_libreoffice(libreoffice(), linked, pdf)
    assert answer["jumlah"] > 20 and pdf.read_bytes().startswith(b"%PDF")
    assert requests == []
    assert (123, 77) not in _images(pdf)


def test_buat_pdf_with_a_linked_template_reaches_no_server(server, tmp_path):
    libreoffice()
    url, requests = server
    template = linked_pictures(default_template(), tmp_path / "templat.docx",
                               [f"{url}/logo.png"])
    out = tmp_path / "laporan.docx"
    result = subprocess.run([sys.executable, "-m", "generator", "buat", str(SAMPLE), "-o",
                             str(out), "--templat", str(template), "--pdf"],
                            capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    assert (f"templat.docx, word/document.xml: Peringatan: gambar tertaut ke {url}/logo.png "
            "dibuang") in result.stderr
    assert out.with_suffix(".pdf").is_file()
    assert requests == []


def test_readme_examples_are_what_lkj_prints(tmp_path):
    from docx_rusak import rewrite

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Templat dan laporan dari kantor lain"):]
    refusal, warning = (b.strip() for b in re.findall(r"```\n(.*?)```", section, re.S)[:2])
    broken = rewrite(default_template(), tmp_path / "templat-provinsi.docx",
                     {"word/document.xml": lambda xml: xml[: len(xml) // 2]})
    result = runner.invoke(app, ["templat", "periksa", str(broken)])
    assert result.exit_code == 1 and result.output.strip() == refusal
    linked = linked_pictures(default_template(), tmp_path / "templat-provinsi.docx",
                             ["http://contoh.net/logo.png"])
    result = runner.invoke(app, ["templat", "periksa", str(linked)])
    assert result.exit_code == 0 and result.output.splitlines()[0] == warning
