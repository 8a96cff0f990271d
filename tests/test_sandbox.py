"""The template sees data only: an escape corpus through every object a template can reach.

The cases are generated, not listed: the real rendering context of the sample report (charts
and a logo included) and the sample context of `lkj templat periksa` are walked, and on each
kind of object found, and on each object Jinja itself gives a template (globals, loop, macro,
cycler, ...), every attribute the object has that is not on the allow-list is tried, by name
(`x.name`, seen by the static check too) and computed (`x[k]`, seen only while rendering).
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
from doctools import ROOT
from jinja2 import TemplateError

from generator.guard import kebijakan
from generator import pipeline, report
from generator.guard.batas import TemplatDitolak
from generator.guard.galat_templat import alasan
from generator.writing.render import _lindungi, default_template, konteks_templat
from generator.guard.sandbox import NAMA_BOLEH, LingkunganAman, Pegangan, boleh_dibaca, jenis
from generator.writing.singgahan import TemplatCepat
from generator.templat import sample_context

# What a refusal must not show: Jinja's or Python's own English.
INGGRIS = re.compile(r"\b(access|attribute|unsafe|undefined|object|callable|named|is not|has no|"
                     r"division|invalid|expected|unexpected)\b", re.I)
# Names an attacker tries first, whether or not dir() lists them on the object.
SERANGAN = ("__class__", "__mro__", "__subclasses__", "__init__", "__globals__", "__dict__",
            "__getattribute__", "__reduce_ex__", "__html__", "__self__", "__func__", "_func",
            "_batas", "_gambar", "tpl", "template_file", "jalur", "grafik", "format",
            "format_map", "mro", "gi_frame", "f_globals", "func_globals", "__builtins__")


@pytest.fixture(scope="module")
def dunia(tmp_path_factory):
    """(environment, rendering contexts): the sample report's (charts and a logo included) and
    that of `lkj templat periksa`, as their templates see them."""
    from PIL import Image  # Pillow is a test extra

    logo = tmp_path_factory.mktemp("logo") / "logo.png"
    Image.new("RGB", (8, 8), "red").save(logo)
    checked = pipeline.check(ROOT / "input" / "contoh.xlsx")
    data, hasil = checked.loaded.data, checked.hasil
    context = report.build(data, hasil, pipeline.draw_charts(data, hasil)).context
    context["logo"] = str(logo)
    tpl = TemplatCepat(default_template())
    tpl.init_docx()
    env = LingkunganAman(finalize=_lindungi)
    return env, [konteks_templat(tpl, c, env.batas) for c in (context, sample_context())]


def _jalan(nilai, ekspresi: str, keluar: dict) -> None:
    """The first Jinja expression reaching each kind of value (Pegangan by what it shows)."""
    kind = (Pegangan, nilai.jenis) if isinstance(nilai, Pegangan) else type(nilai)
    if ekspresi:
        keluar.setdefault(kind, (ekspresi, nilai))
    if isinstance(nilai, dict):
        for k, v in nilai.items():
            _jalan(v, f"{ekspresi}[{k!r}]" if ekspresi else k, keluar)
    elif isinstance(nilai, list):
        for n, v in enumerate(nilai):
            _jalan(v, f"{ekspresi}[{n}]", keluar)


GLOBAL = object()  # stands for the environment's own global of that name


def _objek_jinja() -> dict[str, tuple[str, str, str, object]]:
    """Objects Jinja gives every template: (prefix, suffix, expression, a real instance)."""
    tangkap = {}
    jinja2.Environment().from_string(
        "{% macro m() %}x{% endmacro %}{% for _ in [1] %}{{ t(loop, m, m(), cycler(1), joiner(),"
        " range(2), self, 1, 1.5, none, true, (1, 2), [1], {'a': 1}.items()) }}{% endfor %}"
    ).render(t=lambda *xs: tangkap.update(enumerate(xs)))
    macro = "{% macro m() %}x{% endmacro %}"
    loop = ("{% for _ in [1] %}", "{% endfor %}")
    sendiri = ("", "")
    return {
        "loop": (*loop, "loop", tangkap[0]), "makro": (macro, "", "m", tangkap[1]),
        "hasil makro": (macro, "", "m()", tangkap[2]),
        **{label: (*sendiri, ekspresi, tangkap[n]) for n, (label, ekspresi) in enumerate(
            [("cycler()", "cycler(1)"), ("joiner()", "joiner()"), ("range()", "range(2)"),
             ("self", "self"), ("angka", "1"), ("pecahan", "1.5"), ("none", "none"),
             ("true", "true"), ("tuple", "(1, 2)"), ("daftar", "[1]"),
             ("items()", "sampul.items()")], start=3)},
        **{g: (*sendiri, g, GLOBAL) for g in ("range", "lipsum", "dict", "cycler", "joiner")},
    }


def _korpus(dunia) -> list[tuple[str, str, str, str, object, dict]]:
    """(label, prefix, expression, suffix, object, context) for every kind of object a template
    reaches, with the context in which that expression reaches it."""
    env, semua = dunia
    cases = []
    for konteks in semua:
        found: dict = {}
        _jalan(konteks, "", found)
        cases += [(kind[1] if isinstance(kind, tuple) else kind.__name__, "", ekspresi, "", obj,
                   konteks) for kind, (ekspresi, obj) in found.items()]
    for label, (awal, akhir, ekspresi, obj) in _objek_jinja().items():
        cases.append((label, awal, ekspresi, akhir, env.globals[label] if obj is GLOBAL else obj,
                      semua[0]))
    return cases


def _nama(obj) -> list[str]:
    """Every attribute name of `obj` a template may not read."""
    names = set(dir(obj)) | set(getattr(obj, "__dict__", {})) | set(SERANGAN)
    names |= set(getattr(type(obj), "__slots__", ()))
    kunci = set(obj) if isinstance(obj, dict) else set()
    return sorted(n for n in names if n not in boleh_dibaca(obj) and n not in kunci)


def _ditolak(env, konteks, sumber, **tambahan) -> BaseException:
    """Render `sumber` (source or compiled); it must be refused with an Indonesian reason."""
    with pytest.raises((TemplatDitolak, TemplateError)) as caught:
        templat = env.from_string(sumber) if isinstance(sumber, str) else sumber
        templat.render({**konteks, **tambahan})
    sebab = alasan(caught.value)
    assert sebab and not INGGRIS.search(sebab), (sumber, sebab)
    return caught.value


def test_the_corpus_reaches_every_kind_of_object(dunia):
    labels = [c[0] for c in _korpus(dunia)]
    # lkj's own context: texts that know their place, dicts, lists, and the handles of the
    # logo and the charts; in both contexts
    for kind in ("Nilai", "dict", "list", "grafik"):
        assert labels.count(kind) >= 2, kind
    assert "logo" in labels
    assert {"loop", "makro", "self", "range", "lipsum", "cycler", "items()"} <= set(labels)


def test_every_attribute_of_every_object_is_refused_by_name_and_computed(dunia):
    env, _ = dunia
    tried = 0
    for label, awal, ekspresi, akhir, obj, konteks in _korpus(dunia):
        dihitung = env.from_string(f"{awal}{{{{ {ekspresi}[k] }}}}{akhir}")
        for nama in _nama(obj):
            for sumber, k in ((f"{awal}{{{{ {ekspresi}.{nama} }}}}{akhir}", None),
                              (dihitung, nama)):
                galat = _ditolak(env, konteks, sumber, k=k)
                assert f'"{nama}"' in alasan(galat), (label, sumber, galat)
                # what the object has is refused; what it lacks is simply not there
                assert isinstance(galat, TemplatDitolak) or not hasattr(obj, nama), \
                    (label, sumber, galat)
                tried += 1
    assert tried > 2500


def test_the_static_check_finds_every_name_that_is_not_data(dunia):
    env, _ = dunia
    keys = set(kebijakan.kunci_contoh())
    for _, awal, ekspresi, akhir, obj, _ in _korpus(dunia):
        for nama in _nama(obj):
            tree = env.parse(f"{awal}{{{{ {ekspresi}.{nama} }}}}{akhir}")
            refused = [n for _, _, n in kebijakan.periksa(tree, keys, env)]
            # a name that is also a key of lkj's context, or allowed on another kind of value,
            # is refused while rendering (test above)
            assert nama in refused or nama in keys | NAMA_BOLEH, (ekspresi, nama)


CLASSIC = [
    "{% for g in capaian.grafik %}{{ g.gambar.tpl.template_file.joinpath('/etc/passwd')"
    ".read_text() }}{% endfor %}",
    "{% for g in capaian.grafik %}{{ g.gambar.tpl.template_file.with_name('x.pth')"
    ".write_text('import os') }}{% endfor %}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ range.__self__ }}",
    "{{ self.__init__.__globals__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ().__class__.__base__.__subclasses__() }}",
    "{{ '{0.__class__}'.format(tahun) }}",
    "{{ '{0.jalur}'.format_map(sampul) }}",
    "{{ tahun|attr('__class__') }}",
    "{{ [tahun]|map(attribute='jalur')|list }}",
    "{{ [sampul]|map(attribute='__class__')|list }}",
    "{{ logo.__html__.__self__ }}",
    "{{ (tahun.upper).__self__.jalur }}",
    "{{ dict.fromkeys }}",
    "{{ capaian.sasaran.append(1) }}",
    "{{ sampul.update({'x': 1}) }}",
    "{{ sampul.pop('tahun') }}",
    "{{ tahun.encode() }}",
    "{% macro m() %}{% endmacro %}{{ m._func.__globals__ }}",
    "{{ namespace(a=1) }}",
    "{{ '<w:p/>'|safe }}",
    "{% autoescape false %}{{ '<w:p/>' }}{% endautoescape %}",
    "{% include 'word/document.xml' %}",
    "{% import 'x' as y %}",
    "{% extends 'x' %}",
]


@pytest.mark.parametrize("sumber", CLASSIC)
def test_classic_escapes_are_refused(dunia, sumber):
    env, (konteks, _) = dunia
    _ditolak(env, konteks, sumber)
    assert not (Path(default_template()).parent / "x.pth").exists()


def test_data_still_reads_as_before(dunia):
    env, (konteks, _) = dunia
    sumber = ("{{ sampul.items()|list|length > 0 }} {{ tahun.upper() }} "
              "{% for s in capaian.sasaran %}{{ loop.index }}{% endfor %} "
              "{{ capaian.sasaran|map(attribute='no')|join(',') }} {{ 2 ** 10 }} {{ 'ab' * 2 }}")
    assert env.from_string(sumber).render(konteks) == "True 2024 12 1,2 1024 abab"


def test_a_refusal_names_the_kind_of_object(dunia):
    env, (konteks, _) = dunia
    galat = _ditolak(env, konteks, "{% set k = 'tp' ~ 'l' %}{{ capaian.grafik[0].gambar[k] }}")
    assert str(galat) == 'atribut "tpl" pada grafik tidak boleh dibaca templat; templat hanya ' \
        "membaca data"
    assert jenis(konteks["logo"]) == "logo"
