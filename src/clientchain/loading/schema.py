"""The JSON Schema (2020-12) of the org file, generated from the key tables.

Editors (yaml-language-server) and ``check-jsonschema`` use it; it accepts what
the loader accepts as far as a schema can say (the loader also checks
references, duplicate ids and positions).

>>> schema = org_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> schema["required"]
['version']
"""

from __future__ import annotations

from typing import Any

from clientchain.loading import fields as F
from clientchain.loading.labels import MAX_TEXT

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
    if f.kind == "count":
        return {"type": "number", "minimum": 0}
    if f.kind == "positive":
        bounds: dict[str, Any] = {"type": "number", "exclusiveMinimum": 0}
        return bounds if f.maximum is None else {**bounds, "maximum": f.maximum}
    if f.kind == "rating":
        return {"type": "number", "minimum": 1, "maximum": 5}
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
        return {"enum": list(f.choices)}
    if f.kind == "texts":
        text = {"type": _SCALAR, "maxLength": MAX_TEXT}
        return {
            "anyOf": [{"type": "string", "maxLength": MAX_TEXT}, {"type": "array", "items": text}]
        }
    if f.kind == "severities":
        return {"type": "object", "additionalProperties": {"enum": list(F.SEVERITIES)}}
    raise ValueError(f"no schema for field kind {f.kind!r}")  # pragma: no cover - table bug


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
        "title": "clientchain org file",
        "description": "An organization's internal customer chain (clientchain, version 1 files).",
        **top,
        "$defs": {
            "calendar": _section(F.CALENDAR),
            "department": _section(F.DEPARTMENT),
            "client": _section(F.CLIENT),
            "supplier": _section(F.SUPPLIER),
            "handoff": _section(F.HANDOFF),
            "chain": chain,
            "step": step,
            "checks": _section(F.CHECKS),
        },
    }
