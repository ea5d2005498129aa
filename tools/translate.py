"""Fill Spanish translations into the catalog from a small JSON or Python-literal table.

    python tools/translate.py es table.json

The table maps a message id (``"context\\x04id"`` for a message with context; for a plural
message the singular id) to its translation (a list of two forms for a plural message). Only
the messages named change; the catalog is then written sorted and compiled, as ``make i18n`` does.
Used to merge translations made in parallel and to translate in bulk without hand-editing
the ``.po`` file; a translator may edit the ``.po`` directly instead.
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import i18n


def main(argv: list[str]) -> int:
    language, table_path = argv
    text = Path(table_path).read_text(encoding="utf-8")
    table = json.loads(text) if table_path.endswith(".json") else ast.literal_eval(text)
    catalog = i18n.read(i18n.po_path(language), language)
    unknown = []
    for key, translation in table.items():
        context, _, msgid = key.rpartition("\x04")
        found = None
        for message in catalog:
            ident = message.id[0] if isinstance(message.id, tuple) else message.id
            if ident == msgid and (message.context or "") == context:
                found = message
                break
        if found is None:
            unknown.append(key)
            continue
        found.string = tuple(translation) if found.pluralizable else translation
        found.flags.discard("fuzzy")
    i18n.write(catalog, i18n.po_path(language))
    i18n.compile_all()
    for key in unknown:
        print(f"not in the catalog (run make i18n first?): {key!r}", file=sys.stderr)
    return 1 if unknown else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
