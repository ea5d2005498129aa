"""The catalogs: every message has Spanish, translations keep their placeholders, the committed
files are what ``make i18n`` makes, no human-facing text bypasses the catalog, and the language
is chosen by the documented precedence (docs/commands.md "Language")."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from tests.i18n_lint import bypasses

from clientchain import i18n
from clientchain.numbers import num, pct

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "clientchain"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _tools() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tools", ROOT / "tools" / "i18n.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_tools"] = module
    spec.loader.exec_module(module)
    return module


TOOLS = _tools()
SPANISH = TOOLS.read(TOOLS.po_path("es"), "es")


def _messages():
    return [message for message in SPANISH if message.id]


def test_the_catalog_has_messages() -> None:
    assert len(_messages()) > 20


def test_every_message_has_a_spanish_translation() -> None:
    missing = [
        message.id
        for message in _messages()
        if message.fuzzy or not (all(message.string) if message.pluralizable else message.string)
    ]
    assert missing == [], f"{len(missing)} messages lack Spanish (make i18n, then translate)"


def test_translations_keep_the_placeholders() -> None:
    wrong = []
    for message in _messages():
        if message.pluralizable:
            pairs = list(zip(message.id, message.string, strict=True))
        else:
            pairs = [(message.id, message.string)]
        for original, translation in pairs:
            if translation and sorted(PLACEHOLDER.findall(original)) != sorted(
                PLACEHOLDER.findall(translation)
            ):
                wrong.append((original, translation))
    assert wrong == []


def test_the_committed_catalogs_are_what_make_i18n_makes() -> None:
    template = TOOLS.extract()
    extracted = {(message.context, str(message.id)) for message in template if message.id}
    committed = {(message.context, str(message.id)) for message in _messages()}
    assert extracted - committed == set(), "new messages: run make i18n"
    assert committed - extracted == set(), "messages no longer in the source: run make i18n"
    mo = TOOLS.po_path("es").with_suffix(".mo")
    assert mo.read_bytes() == TOOLS.compiled(SPANISH), "stale .mo: run make i18n"


def test_number_symbols_are_cldrs() -> None:
    shipped = json.loads((PACKAGE / "locale" / "numbers.json").read_text(encoding="utf-8"))
    assert shipped == TOOLS.numbers()


HUMAN_PACKAGES = sorted(
    path.name for path in PACKAGE.iterdir() if path.is_dir() and (path / "__init__.py").exists()
)


@pytest.mark.parametrize("package", [*HUMAN_PACKAGES, "(top level)"])
def test_no_human_text_bypasses_the_catalog(package: str) -> None:
    folder = PACKAGE if package == "(top level)" else PACKAGE / package
    found = [str(bypass) for path in sorted(folder.glob("*.py")) for bypass in bypasses(path)]
    assert found == [], "\n".join(found)


def test_the_lint_sees_what_it_must(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        '"""Docstrings are not text."""\n'
        'a = f"{n} handoffs"\n'
        'b = "no findings here"\n'
        'c = _("wrapped text")\n'
        'd = _(f"{x} wrapped f-string")\n'
        'e = "graph [rankdir=LR]"\n'
        'f = "two words"  # i18n: a machine token for the test\n'
        'g = plural(3, "{n} client", "{n} clients")\n'
        "h = f\"{_('Summary')}: {n}\"\n",
        encoding="utf-8",
    )
    assert [(bypass.line, bypass.text) for bypass in bypasses(module)] == [
        (2, "{} handoffs"),
        (3, "no findings here"),
        (5, "_(f-string)"),
        (9, "_() in an f-string"),
    ]


# ---- choosing the language -----------------------------------------------------------------


def test_precedence_flag_then_file_then_locale_then_english() -> None:
    with i18n.use("en"):  # restores the setting afterwards
        i18n.choose(None, {"LANG": "es_ES.UTF-8"})
        assert i18n.current() == "es"  # the locale
        i18n.adopt("en")
        assert i18n.current() == "en"  # the file over the locale
        i18n.adopt("es")
        assert i18n.current() == "en"  # the first file that states a language wins
        i18n.choose("es", {"LANG": "en_US.UTF-8"})
        i18n.adopt("en")
        assert i18n.current() == "es"  # --lang over the file
        i18n.choose(None, {})
        assert i18n.current() == "en"  # nothing said: English


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LC_ALL": "es_MX.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
        ({"LC_MESSAGES": "es_ES", "LANG": "en_GB"}, "es"),
        ({"LC_ALL": "", "LANG": "es"}, "es"),
        ({"LC_ALL": "C", "LANG": "es_ES.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_locale_variables_in_posix_order(environ: dict[str, str], language: str) -> None:
    assert i18n.from_environment(environ) == language


def test_numbers_follow_the_language() -> None:
    # CLDR (Babel): en 1,234.5 and 80%; es 1.234,5 and 80 % (a no-break space before %)
    with i18n.use("en"):
        assert (num(1234.5), pct(0.8), pct(0.6667)) == ("1,234.5", "80%", "66.7%")
    with i18n.use("es"):
        assert (num(1234.5), pct(0.8), pct(0.6667)) == ("1.234,5", "80\u00a0%", "66,7\u00a0%")


def test_plural_forms_come_from_the_catalog() -> None:
    with i18n.use("es"):
        assert i18n.ngettext("{n} person", "{n} people", 1).format(n=1) == "1 persona"
        assert i18n.ngettext("{n} person", "{n} people", 1.5).format(n="1,5") == "1,5 personas"
