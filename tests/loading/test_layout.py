"""The layout of a YAML text: where each node starts and ends, and how it is written."""

from __future__ import annotations

import pytest

from clientchain.loading.layout import layout

TEXT = "handoffs:\r\n  - from: ñandú   # a comment\r\n    to: 'b'\r\n  - {from: b, to: c}\r\n"


def test_spans_are_string_offsets_even_with_accents_and_crlf() -> None:
    root = layout(TEXT)
    handoffs = root.get("handoffs")
    assert handoffs is not None
    assert handoffs.kind == "seq"
    block, flow = handoffs.items
    assert (block.flow, flow.flow) == (False, True)
    source = block.get("from")
    assert source is not None
    assert TEXT[source.start : source.end] == "ñandú"
    target = block.get("to")
    assert target is not None
    assert (target.value, target.style) == ("b", "'")
    assert TEXT[target.start : target.end] == "'b'"
    assert TEXT[flow.start : flow.end] == "{from: b, to: c}"
    assert root.get("missing") is None


@pytest.mark.parametrize(
    ("text", "tainted"),
    [
        ("- {a: 1}", False),
        ("- &x {a: 1}", True),
        ("- {a: &x 1}", True),
        ("- [1, &x 2]", True),
        ("a: &x 1\nb: [*x]", True),
        ("- {<<: {a: 1}}", True),
        ("- {'<<': 1}", False),  # a quoted << is a plain key
    ],
)
def test_anchors_aliases_and_merge_keys_taint(text: str, tainted: bool) -> None:
    assert layout(text).tainted() is tainted


def test_an_empty_text_has_no_layout() -> None:
    with pytest.raises(ValueError, match="no YAML document"):
        layout("# only a comment\n")
