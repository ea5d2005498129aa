"""``indented_json`` writes exactly what ``json.dumps(indent=2, ensure_ascii=False,
allow_nan=False)`` writes (or fails as it fails), only faster: compared on generated documents,
including the shapes its shortcuts take (dicts of scalars, lists of them) and the texts that
could fool them (a string holding ``},`` and a newline, empty records, nested lists)."""

from __future__ import annotations

import enum
import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientchain.output.common import dumps
from clientchain.output.json_text import indented_json


class Colour(enum.StrEnum):
    RED = "red"


def reference(document: Any) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False)


tricky_text = st.sampled_from(["}", "},", "},\n  {", "\n", '"', "\\", "ñ", "\u2028", "\x00", "a"])
texts = st.lists(tricky_text | st.text(max_size=4), max_size=3).map("".join)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | texts
    | st.just(Colour.RED)
)
keys = texts | st.integers(min_value=-5, max_value=5)
records = st.dictionaries(texts, scalars, max_size=4)
documents = st.recursive(
    scalars | records | st.lists(records, max_size=4),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(keys, inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(documents)
def test_the_same_text_as_the_standard_library(document: Any) -> None:
    assert indented_json(document) == reference(document)


def test_a_list_of_records_in_one_call_is_re_indented() -> None:
    document = {"points": [{"a": 1, "b": "x},\n  {y"}, {"a": 2.5, "b": None}], "n": []}
    expected = (
        "{\n"
        '  "points": [\n'
        "    {\n"
        '      "a": 1,\n'
        '      "b": "x},\\n  {y"\n'
        "    },\n"
        "    {\n"
        '      "a": 2.5,\n'
        '      "b": null\n'
        "    }\n"
        "  ],\n"
        '  "n": []\n'
        "}"
    )
    assert indented_json(document) == expected == reference(document)
    assert dumps(document) == expected  # every JSON output leaves through here


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_no_nan_or_infinity(bad: float) -> None:
    for document in ({"a": bad}, [{"a": bad}], {"a": [{"b": {"c": bad}}]}, bad):
        with pytest.raises(ValueError, match="not JSON compliant"):
            indented_json(document)


def test_what_json_cannot_write_fails_as_json_fails() -> None:
    for document in ({"a": object()}, [{"a": {1, 2}}], {(1, 2): 3}):
        with pytest.raises(TypeError):
            indented_json(document)
