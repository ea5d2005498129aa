"""``make i18n``: extract the messages, update the Spanish catalog, compile it, and
write the CLDR number symbols clientchain formats with.

    .venv/bin/python tools/i18n.py            # extract → update → compile → numbers.json
    .venv/bin/python tools/i18n.py --compile  # compile only (after editing the .po)

Everything goes through Babel's own API (the same code as ``pybabel extract``, ``update``
and ``compile``): messages are the arguments of ``_``, ``N_``, ``ngettext``, ``pgettext``
and ``plural`` (count, singular, plural) anywhere in ``src/clientchain``; the catalog is
sorted by message and carries no source lines, so two branches that add messages rarely
touch the same lines. The compiled ``.mo`` is committed next to its ``.po`` (as Django
does), so a fresh clone and a wheel find it without a build step; tests/test_i18n.py fails
when it is stale.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.numbers import format_percent, get_decimal_symbol, get_group_symbol

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "clientchain"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "clientchain.pot"
LANGUAGES = ("es",)
PLURAL_FORMS = {"es": "nplurals=2; plural=(n != 1);"}
KEYWORDS = {
    "_": None,
    "N_": None,
    "NC_": ((1, "c"), 2),
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "plural": (2, 3),
}
COMMENT_TAGS = ("TRANSLATORS:",)
# Fixed, so that running ``make i18n`` twice changes nothing.
DATE = datetime(2026, 12, 4, tzinfo=UTC)
HEADER = """\
# Messages of clientchain.
# The English text is the message id; update with `make i18n` (tools/i18n.py).
#"""


def new_catalog(language: str | None = None) -> Catalog:
    return Catalog(
        locale=language,
        project="clientchain",
        version="1",
        header_comment=HEADER,
        msgid_bugs_address="",
        creation_date=DATE,
        revision_date=DATE,
        last_translator="clientchain developers",
        language_team=f"{language or 'en'} <clientchain developers>",
        fuzzy=False,
    )


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "clientchain.po"


def extract() -> Catalog:
    """Every message of the source tree, as a template catalog."""
    template = new_catalog()
    for _file, _line, message, comments, context in extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    ):
        template.add(message, None, [], auto_comments=comments, context=context)
    return template


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def write(catalog: Catalog, path: Path) -> None:
    buffer = BytesIO()
    write_po(buffer, catalog, sort_output=True, omit_header=False, no_location=True, width=100)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def compiled(catalog: Catalog) -> bytes:
    buffer = BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def update(template: Catalog, language: str) -> None:
    path = po_path(language)
    catalog = read(path, language) if path.exists() else new_catalog(language)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.fuzzy = False
    catalog.revision_date = DATE
    catalog._num_plurals, catalog._plural_expr = 2, "(n != 1)"
    write(catalog, path)


def compile_all() -> None:
    for language in LANGUAGES:
        catalog = read(po_path(language), language)
        po_path(language).with_suffix(".mo").write_bytes(compiled(catalog))


def numbers() -> dict[str, dict[str, str]]:
    """Each language's CLDR decimal and group symbols and percent pattern (``'{}%'``)."""
    return {
        language: {
            "decimal": get_decimal_symbol(language),
            "group": get_group_symbol(language),
            "percent": format_percent(0.5, locale=language).replace("50", "{}"),
        }
        for language in ("en", *LANGUAGES)
    }


def main(argv: list[str]) -> int:
    if "--compile" not in argv:
        template = extract()
        write(template, TEMPLATE)
        for language in LANGUAGES:
            update(template, language)
        text = json.dumps(numbers(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        (LOCALE / "numbers.json").write_text(text, encoding="utf-8")
    compile_all()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
