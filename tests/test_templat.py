"""Customised templates: a copy to edit, every problem listed with its place before rendering."""

from __future__ import annotations

import docx
import pytest
from books import book
from hostile import templat
from typer.testing import CliRunner

from generator.commands.cli import app
from generator.templat import check_template, copy_template, sample_context


@pytest.fixture(scope="module")
def context():
    return sample_context()


def _customised(tmp_path, *paragraphs: str):
    return templat(tmp_path, *paragraphs)


def _lines(path, context):
    return [issue.line() for issue in check_template(path, context)]


def test_builtin_template_has_no_problem(tmp_path, context):
    assert _lines(copy_template(tmp_path / "salinan.docx"), context) == []


def test_copy_never_overwrites(tmp_path):
    target = tmp_path / "punya-saya.docx"
    target.write_bytes(b"hasil suntingan")
    result = CliRunner().invoke(app, ["templat", "salin", str(target)])
    assert result.exit_code == 1
    assert target.read_bytes() == b"hasil suntingan"
    assert "sudah ada dan tidak ditimpa" in result.output


def test_copy_on_a_full_disk_is_one_line_and_leaves_nothing(tmp_path, monkeypatch):
    import errno
    import shutil

    def penuh(src, dst):
        dst.write(b"PK")  # a part is written, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfileobj", penuh)
    result = CliRunner().invoke(app, ["templat", "salin", str(tmp_path / "kami.docx")])
    assert result.exit_code == 1
    assert result.output.strip() == ("Galat: kami.docx tidak dapat ditulis (ruang disk penuh); "
                                     "tidak ada berkas yang ditulis")
    assert list(tmp_path.iterdir()) == []


def test_every_problem_is_listed_with_its_place(tmp_path, context):
    path = _customised(
        tmp_path,
        "Nama: {{ identitas.nama }}",
        "Tahun {{ tahun }} dan {{ sampul.judull }}",
        "Rusak {{ tahun + }}",
        "Terbuka {{ tahun",
        "{% for s in daftar_tak_ada %}{{ s }}",
    )
    assert _lines(path, context) == [
        'paragraf 2 ("Nama: {{ identitas.nama }}"): variabel "identitas" tidak dikenal oleh lkj',
        'paragraf 4 ("Rusak {{ tahun + }}"): tag {{ tahun + }} rusak: akhir tag "}}" tidak '
        "terduga",
        'paragraf 5 ("Terbuka {{ tahun"): tag dibuka tetapi tidak ditutup di paragraf yang sama '
        '("{{" perlu "}}", "{%" perlu "%}")',
        'paragraf 6 ("{% for s in daftar_tak_ada %}{{ s }}"): {% for %} tidak pernah ditutup '
        'dengan {% endfor %}',
    ]


def test_unknown_names_are_listed_once_syntax_is_right(tmp_path, context):
    path = _customised(tmp_path, "Nama: {{ identitas.nama }}", "{{ sampul.judull }}",
                       "{% for s in sasaran_x %}{{ s.nama }}{% endfor %}")
    assert _lines(path, context) == [
        'paragraf 2 ("Nama: {{ identitas.nama }}"): variabel "identitas" tidak dikenal oleh lkj',
        'paragraf 3 ("{{ sampul.judull }}"): variabel "sampul.judull" tidak dikenal oleh lkj',
        'paragraf 4 ("{% for s in sasaran_x %}{{ s.nama }}{% endfor %}"): variabel "sasaran_x" '
        "tidak dikenal oleh lkj",
    ]


def test_stray_end_tag(tmp_path, context):
    path = _customised(tmp_path, "{% endif %}")
    assert _lines(path, context) == [
        'paragraf 2 ("{% endif %}"): {% endif %} tidak cocok (diharapkan tidak ada blok terbuka)',
    ]


def test_cli_periksa_reports_and_exits_1(tmp_path):
    path = _customised(tmp_path, "{{ tak_dikenal }}")
    result = CliRunner().invoke(app, ["templat", "periksa", str(path)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        'templat.docx, paragraf 2 ("{{ tak_dikenal }}"): variabel "tak_dikenal" tidak dikenal '
        "oleh lkj",
        "Galat: 1 masalah ditemukan di templat.docx; tidak ada berkas yang ditulis",
    ]


def test_buat_with_broken_template_writes_nothing(tmp_path):
    workbook = book(tmp_path)
    template = _customised(tmp_path, "{{ tak_dikenal }}")
    out = tmp_path / "laporan.docx"
    result = CliRunner().invoke(app, ["buat", str(workbook), "-o", str(out), "--templat",
                                      str(template)])
    assert result.exit_code == 1
    assert "variabel \"tak_dikenal\" tidak dikenal" in result.output
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["buku.xlsx", "templat.docx"]


def test_buat_with_customised_template(tmp_path):
    workbook = book(tmp_path)
    template = _customised(tmp_path, "Catatan kantor kami: tahun {{ tahun }}")
    out = tmp_path / "laporan.docx"
    result = CliRunner().invoke(app, ["buat", str(workbook), "-o", str(out), "--templat",
                                      str(template)])
    assert result.exit_code == 0, result.output
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "Catatan kantor kami: tahun 2024" in texts


def test_not_a_docx(tmp_path, context):
    path = tmp_path / "bukan.docx"
    path.write_text("halo")
    result = CliRunner().invoke(app, ["templat", "periksa", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith("Galat: bukan.docx: bukan dokumen Word .docx yang dapat dibaca")


@pytest.mark.parametrize(("tag", "reason"), [
    ("{{ tahun + }}", 'akhir tag "}}" tidak terduga'),
    ("{{ a $ b }}", 'karakter "$" tidak boleh di dalam tag'),
    ("{% foo %}", 'perintah "foo" tidak dikenal'),
    ("{{ 1|nofilter }}", 'filter "nofilter" tidak tersedia di templat lkj'),
    ("{{ x is nope }}", 'uji "nope" tidak tersedia di templat lkj'),
    ("{% for x in y %}", "templat berakhir sebelum blok ditutup"),
    ("{{ a b }}", 'seharusnya akhir tag "}}", tertulis "b"'),
    ("{{ (1 }}", '"}" tidak terduga, seharusnya ")"'),
    ("{% for loop in x %}{% endfor %}", '"loop" tidak boleh diisi'),
    ("{{ a.1b }}", 'seharusnya akhir tag "}}", tertulis "b"'),
])
def test_jinja_messages_are_indonesian(tag, reason):
    from generator.guard.galat_templat import alasan
    from generator.writing.render import make_environment

    with pytest.raises(Exception) as caught:  # noqa: PT011 - each of Jinja's kinds
        make_environment().from_string(tag).render()
    assert alasan(caught.value) == reason
