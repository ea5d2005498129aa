"""The JSON Schema (2020-12) of the org file, generated from the key tables.

Editors (yaml-language-server) and ``check-jsonschema`` use it; it accepts what
the loader accepts as far as a schema can say (the loader also checks
references, duplicate ids and positions). A choice lists its English values, then
the Spanish spellings the loader also accepts (:data:`clientchain.terms.SPANISH`),
with and without accents; the loader also takes those in any case.

>>> schema = org_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> schema["required"]
['version']
>>> kinds = schema["$defs"]["department"]["properties"]["kind"]["anyOf"][0]["enum"]
>>> kinds[:3]
['executive', 'commercial', 'operative']
>>> kinds[3:]
['ejecutivo', 'directivo', 'dirección', 'direccion', 'comercial', 'operativo']
"""

from __future__ import annotations

import unicodedata
from typing import Any

from clientchain.loading import fields as F
from clientchain.loading.labels import MAX_TEXT
from clientchain.terms import SPANISH

__all__ = ["SCHEMA_ID", "org_schema"]

SCHEMA_ID = "https://clientchain.dev/schema/org-v1.json"

_SCALAR = ["string", "number", "boolean", "null"]
_DURATION_TEXT = r"^\s*(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*(s|sec|m|min|h|hr|d|w|mo)?\s*$"
_PERCENT_TEXT = r"^\s*((100(\.0*)?|\d{1,2}(\.\d*)?|\.\d+)\s*%|(0(\.\d*)?|1(\.0*)?|\.\d+))\s*$"


def _kind(f: F.Field) -> dict[str, Any]:
    if f.kind == "text":
        return {"type": _SCALAR, "maxLength": MAX_TEXT}
    if f.kind == "ref":
        return {"type": _SCALAR}
    if f.kind == "version":
        return {"enum": [1, "1"]}
    if f.kind == "flag":
        return {"type": "boolean"}
    if f.kind == "count":
        counted: dict[str, Any] = {"type": "number", "minimum": 0}
        return counted if f.maximum is None else {**counted, "maximum": f.maximum}
    if f.kind == "positive":
        bounds: dict[str, Any] = {"type": "number", "exclusiveMinimum": 0}
        return bounds if f.maximum is None else {**bounds, "maximum": f.maximum}
    if f.kind == "rating":
        return {"type": "number", "minimum": 1, "maximum": 5}
    if f.kind == "whole":
        return {"type": "integer", "minimum": f.minimum or 1}
    if f.kind == "duration":
        return {
            "anyOf": [
                {"type": "number", "minimum": 0},
                {"type": "string", "pattern": _DURATION_TEXT},
            ]
        }
    if f.kind == "effort":
        return {"anyOf": [*_kind(F.Field(f.key, "duration", ""))["anyOf"], {"const": "unknown"}]}
    if f.kind == "percent":
        return {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 1},
                {"type": "string", "pattern": _PERCENT_TEXT},
            ]
        }
    if f.kind == "choice":
        return {"enum": _spellings(f.choices, f.term or f.key)}
    if f.kind == "texts":
        text = {"type": _SCALAR, "maxLength": MAX_TEXT}
        return {
            "anyOf": [{"type": "string", "maxLength": MAX_TEXT}, {"type": "array", "items": text}]
        }
    if f.kind == "severities":
        return {
            "type": "object",
            "additionalProperties": {"enum": _spellings(F.SEVERITIES, "severity")},
        }
    # i18n: a programmer's error in the table
    raise ValueError(f"no schema for field kind {f.kind!r}")  # pragma: no cover - table bug


def _spellings(choices: tuple[str, ...], field: str) -> list[str]:
    """The English values, then each Spanish spelling of one of them and its form without
    accents, each once (``comercial`` is also ``comercial``)."""
    spellings = list(choices)
    for spanish, value in SPANISH.get(field, {}).items():
        if value in choices:
            for spelling in (spanish, _unaccented(spanish)):
                if spelling not in spellings:
                    spellings.append(spelling)
    return spellings


def _unaccented(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _section(spec: F.Table, nested: dict[str, Any] | None = None) -> dict[str, Any]:
    """A closed object schema for one table of fields."""
    properties: dict[str, Any] = {}
    for f in spec:
        if nested and f.key in nested:
            prop = dict(nested[f.key])
        else:
            prop = _kind(f)
            if not f.required:
                prop = {"anyOf": [prop, {"type": "null"}]}
        prop["description"] = f.description
        if f.stated is not None:
            prop["default"] = _plain(f.stated)
        properties[f.key] = prop
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    required = [f.key for f in spec if f.required]
    if required:
        schema["required"] = required
    return schema


def _plain(value: Any) -> Any:
    """A whole float as an integer, as a person writes it (``8``, not ``8.0``)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _by_id(ref: str) -> dict[str, Any]:
    item = {"anyOf": [{"$ref": ref}, {"type": "null"}]}
    ids = {"minLength": 1, "maxLength": MAX_TEXT}
    return {"type": ["object", "null"], "propertyNames": ids, "additionalProperties": item}


def org_schema() -> dict[str, Any]:
    """The JSON Schema of an org file (``version: 1``) as a dict."""
    step = _section(F.STEP)
    chain = _section(
        F.CHAIN, {"steps": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/step"}}}
    )
    top = _section(
        F.TOP,
        {
            "calendar": {"anyOf": [{"$ref": "#/$defs/calendar"}, {"type": "null"}]},
            "departments": _by_id("#/$defs/department"),
            "clients": _by_id("#/$defs/client"),
            "suppliers": _by_id("#/$defs/supplier"),
            "handoffs": {"type": ["array", "null"], "items": {"$ref": "#/$defs/handoff"}},
            "chains": _by_id("#/$defs/chain"),
            "checks": {"anyOf": [{"$ref": "#/$defs/checks"}, {"type": "null"}]},
        },
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "clientchain org file",  # i18n: schema text (the published schema is English)
        # i18n: schema text (the published schema is English)
        "description": "An organization's internal customer chain (clientchain, version 1 files).",
        **top,
        "$defs": {
            "calendar": _section(F.CALENDAR),
            "department": _section(F.DEPARTMENT),
            "client": _section(F.CLIENT),
            "supplier": _section(F.SUPPLIER),
            "handoff": _section(
                F.HANDOFF,
                {"requires": {"anyOf": [{"$ref": "#/$defs/requirement"}, {"type": "null"}]}},
            ),
            "requirement": _section(F.REQUIREMENT),
            "chain": chain,
            "step": step,
            "checks": _section(F.CHECKS),
        },
    }
