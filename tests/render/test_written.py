"""What ``render``, ``report`` and ``slides`` say they wrote: counts agree with their number."""

from __future__ import annotations

import json

from clientchain.render.written import Written, written_json, written_text


def test_a_count_of_one_is_singular() -> None:
    # a report with one chain figure besides the overview (2 diagrams) and 1 finding
    written = Written("r.html", "html", None, {"diagrams": 2, "findings": 1})
    assert written_text(written) == "wrote r.html (html, 2 diagrams, 1 finding)"
    one = Written("org.svg", "svg", "dot", {"nodes": 1, "edges": 0})
    assert written_text(one) == "wrote org.svg (svg, 1 node, 0 edges, engine dot)"


def test_written_json_keeps_the_counts_as_numbers() -> None:
    written = Written("r.md", "md", None, {"diagrams": 1, "findings": 0}, ("big",))
    assert json.loads(written_json(written)) == {
        "output": "r.md",
        "format": "md",
        "engine": None,
        "counts": {"diagrams": 1, "findings": 0},
        "warnings": ["big"],
    }
