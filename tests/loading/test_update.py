"""Writing survey results into an org file: only the values change, byte for byte."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientchain.errors import InputError
from clientchain.loading import load_text
from clientchain.loading.update import rounded_mean, update_satisfaction

ORG = """\
# Agencia — mapa interno
version: 1
organization: "Agencia: pruebas"   # quoted, with a colon

departments:
  texto: {name: Textos}          # flow
  diseno:
    name: 'Diseño'
  video: {name: Vídeo}
clients:
  marca: {name: Marca}

handoffs:
  # texts go to design first
  - from: texto     # the writers
    to: diseno
    deliverable: "Textos: primera versión"
    quality: 90%
    satisfaction: 3.8   # from the March survey

  - {from: texto, to: video, deliverable: Guiones}   # flow style

  # this one has no satisfaction yet
  - from: diseno
    to: marca
    deliverable: Piezas
    type: work
  - {from: video, to: marca, deliverable: Vídeos, satisfaction: 4.5, answers: 3}
"""

EXPECTED = """\
# Agencia — mapa interno
version: 1
organization: "Agencia: pruebas"   # quoted, with a colon

departments:
  texto: {name: Textos}          # flow
  diseno:
    name: 'Diseño'
  video: {name: Vídeo}
clients:
  marca: {name: Marca}

handoffs:
  # texts go to design first
  - from: texto     # the writers
    to: diseno
    deliverable: "Textos: primera versión"
    quality: 90%
    satisfaction: 2.92   # from the March survey
    answers: 12

  - {from: texto, to: video, deliverable: Guiones, satisfaction: 4, answers: 5}   # flow style

  # this one has no satisfaction yet
  - from: diseno
    to: marca
    deliverable: Piezas
    satisfaction: 3.5
    answers: 4
    type: work
  - {from: video, to: marca, deliverable: Vídeos, satisfaction: 1.25, answers: 40}
"""

UPDATES = {
    ("texto", "diseno"): (2.916666, 12),  # replaced, answers inserted after it
    ("texto", "video"): (4.0, 5),  # flow mapping: both inserted
    ("diseno", "marca"): (3.5, 4),  # block mapping: both inserted after deliverable
    ("video", "marca"): (1.25, 40),  # flow mapping: both replaced
    ("marca", "texto"): (3.0, 7),  # no such handoff
}


def test_only_the_values_change() -> None:
    result = update_satisfaction(ORG, "org.yaml", UPDATES)
    assert result.text == EXPECTED
    assert result.changed
    assert result.not_found == (("marca", "texto"),)
    assert [(c.source, c.target, c.line) for c in result.changes] == [
        ("texto", "diseno", 15),
        ("texto", "video", 21),
        ("diseno", "marca", 24),
        ("video", "marca", 28),
    ]
    first = result.changes[0]
    assert (first.old_satisfaction, first.satisfaction, first.old_answers, first.answers) == (
        3.8,
        2.92,
        None,
        12,
    )
    last = result.changes[-1]
    assert (last.old_satisfaction, last.old_answers) == (4.5, 3)


def test_the_result_loads_with_the_new_values() -> None:
    org = load_text(update_satisfaction(ORG, "org.yaml", UPDATES).text, "org.yaml")
    values = {(h.source, h.target): (h.satisfaction, h.answers) for h in org.handoffs}
    assert values == {
        ("texto", "diseno"): (2.92, 12),
        ("texto", "video"): (4.0, 5),
        ("diseno", "marca"): (3.5, 4),
        ("video", "marca"): (1.25, 40),
    }
    assert org.name == "Agencia: pruebas"
    assert org.handoffs[0].deliverable == "Textos: primera versión"


def test_crlf_line_endings_and_a_byte_order_mark_are_kept() -> None:
    crlf = "\ufeff" + ORG.replace("\n", "\r\n")
    result = update_satisfaction(crlf, "org.yaml", UPDATES)
    assert result.text == "\ufeff" + EXPECTED.replace("\n", "\r\n")


def test_a_file_without_a_final_line_break() -> None:
    text = "version: 1\ndepartments: {a: {}, b: {}}\nhandoffs:\n- from: a\n  to: b"
    result = update_satisfaction(text, "org.yaml", {("a", "b"): (4.25, 3)})
    assert result.text == text + "\n  satisfaction: 4.25\n  answers: 3"


def test_aligned_values_stay_aligned_and_empty_values_are_filled() -> None:
    text = (
        "version: 1\n"
        "departments: {a: {}, b: {}, c: {}}\n"
        "handoffs:\n"
        "  - from:        a\n"
        "    to:          b\n"
        "  - from: b\n"
        "    to: c\n"
        "    satisfaction:\n"
        "    answers: ~\n"
    )
    result = update_satisfaction(text, "o.yaml", {("a", "b"): (3, 9), ("b", "c"): (2, 1)})
    assert result.text == (
        "version: 1\n"
        "departments: {a: {}, b: {}, c: {}}\n"
        "handoffs:\n"
        "  - from:        a\n"
        "    to:          b\n"
        "    satisfaction: 3\n"
        "    answers:     9\n"
        "  - from: b\n"
        "    to: c\n"
        "    satisfaction: 2\n"
        "    answers: 1\n"
    )


def test_a_json_org_file_stays_json() -> None:
    document = {
        "version": 1,
        "departments": {"a": {}, "b": {}},
        "handoffs": [{"from": "a", "to": "b", "quality": 0.9}],
    }
    text = json.dumps(document, indent=2) + "\n"
    result = update_satisfaction(text, "org.json", {("a", "b"): (3.333, 6)})
    assert json.loads(result.text)["handoffs"] == [
        {"from": "a", "to": "b", "quality": 0.9, "satisfaction": 3.33, "answers": 6}
    ]
    assert result.text == text.replace(
        '"quality": 0.9', '"quality": 0.9, "satisfaction": 3.33, "answers": 6'
    )


def test_a_block_scalar_before_the_new_keys() -> None:
    text = (
        "version: 1\n"
        "departments: {a: {}, b: {}}\n"
        "handoffs:\n"
        "  - from: a\n"
        "    to: b\n"
        "    deliverable: |\n"
        "      Textos\n"
        "      revisados\n"
        "    needs: más rápido\n"
    )
    result = update_satisfaction(text, "o.yaml", {("a", "b"): (4.5, 2)})
    assert result.text == text.replace(
        "      revisados\n", "      revisados\n    satisfaction: 4.5\n    answers: 2\n"
    )
    assert load_text(result.text, "o.yaml").handoffs[0].deliverable == "Textos\nrevisados\n"


def test_nothing_to_write_leaves_the_text_as_it_is() -> None:
    result = update_satisfaction(ORG, "org.yaml", {("marca", "video"): (3.0, 3)})
    assert result.text is ORG
    assert not result.changed
    assert result.changes == ()
    assert result.not_found == (("marca", "video"),)


def test_a_pair_is_one_handoff_two_deliverables_are_refused_by_the_loader() -> None:
    text = (
        "version: 1\ndepartments: {a: {}, b: {}}\nhandoffs:\n"
        "  - {from: a, to: b, deliverable: Textos}\n"
        "  - {from: a, to: b, deliverable: Fotos}\n"
    )
    with pytest.raises(InputError, match=r"o.yaml:5:5: handoffs\[1\]: duplicate handoff"):
        update_satisfaction(text, "o.yaml", {("a", "b"): (3.0, 3)})


@pytest.mark.parametrize(
    ("handoffs", "where"),
    [
        ("  - &h {from: a, to: b}\n", "o.yaml:4:5: handoffs[0]: this handoff uses YAML anchors"),
        (
            "  - {from: a, to: b, quality: &q 90%}\n  - {from: b, to: a, quality: *q}\n",
            "o.yaml:4:5: handoffs[0]: this handoff uses YAML anchors",
        ),
        (
            "  - {<<: {from: a}, to: b}\n",
            "o.yaml:4:5: handoffs[0]: this handoff uses YAML anchors, aliases or merge keys",
        ),
    ],
)
def test_anchors_aliases_and_merge_keys_are_refused(handoffs: str, where: str) -> None:
    text = "version: 1\ndepartments: {a: {}, b: {}}\nhandoffs:\n" + handoffs
    with pytest.raises(InputError) as caught:
        update_satisfaction(text, "o.yaml", {("a", "b"): (3.0, 3)})
    assert str(caught.value).startswith(where)


def test_an_aliased_handoffs_list_is_refused() -> None:
    text = (
        "version: 1\ndepartments: {a: {}, b: {}}\n"
        "checks: {ignore: []}\n"
        "handoffs: &all\n  - {from: a, to: b}\n"
    )
    with pytest.raises(InputError, match=r"o.yaml:4:11: handoffs: the handoffs list"):
        update_satisfaction(text, "o.yaml", {("a", "b"): (3.0, 3)})


def test_anchors_elsewhere_are_fine() -> None:
    text = (
        "version: 1\ndepartments: {a: &d {headcount: 2}, b: *d}\nhandoffs:\n  - {from: a, to: b}\n"
    )
    result = update_satisfaction(text, "o.yaml", {("a", "b"): (3.0, 3)})
    assert result.text == text.replace("to: b}", "to: b, satisfaction: 3, answers: 3}")


def test_invalid_and_multi_document_files_are_refused_by_the_loader() -> None:
    with pytest.raises(InputError, match="more than one YAML document"):
        update_satisfaction("version: 1\n---\nversion: 1\n", "o.yaml", {("a", "b"): (3, 3)})
    with pytest.raises(InputError, match="unknown id 'c'"):
        update_satisfaction(
            "version: 1\ndepartments: {a: {}}\nhandoffs: [{from: a, to: c}]\n",
            "o.yaml",
            {("a", "c"): (3, 3)},
        )


@pytest.mark.parametrize(
    ("mean", "answers"), [(0.9, 3), (5.01, 3), (float("nan"), 3), (3.0, 0), (3.0, 2.5), (3, True)]
)
def test_values_out_of_range_are_a_callers_bug(mean: float, answers: int) -> None:
    with pytest.raises(ValueError, match=r"\('a', 'b'\)"):
        update_satisfaction("version: 1\n", "o.yaml", {("a", "b"): (mean, answers)})


@pytest.mark.parametrize(
    ("mean", "written"),
    [(2.345, "2.35"), (2.344999, "2.34"), (4.0, "4"), (4.1, "4.1"), (1, "1"), (4.995, "5")],
)
def test_the_mean_is_written_with_two_decimals_half_up(mean: float, written: str) -> None:
    assert rounded_mean(mean) == written


ORGS = st.sampled_from(
    [
        ORG,
        ORG.replace("\n", "\r\n"),
        "version: 1\ndepartments: {texto: {}, diseno: {}, video: {}, marca: {}}\n"
        "handoffs: [{from: texto, to: diseno}, {from: video, to: marca, answers: 2,"
        " satisfaction: 1}]\n",
    ]
)
PAIRS = st.sampled_from(
    [("texto", "diseno"), ("texto", "video"), ("diseno", "marca"), ("video", "marca")]
)


@settings(max_examples=60, deadline=None)
@given(
    ORGS,
    st.dictionaries(
        PAIRS,
        st.tuples(st.floats(min_value=1, max_value=5, allow_nan=False), st.integers(1, 10**6)),
        max_size=4,
    ),
)
def test_random_values_round_trip_through_the_loader(
    text: str, updates: dict[tuple[str, str], tuple[float, int]]
) -> None:
    result = update_satisfaction(text, "org.yaml", updates)
    before = load_text(text, "org.yaml")
    after = load_text(result.text, "org.yaml")
    written = {(c.source, c.target) for c in result.changes}
    for old, new in zip(before.handoffs, after.handoffs, strict=True):
        pair = (old.source, old.target)
        if pair in written:
            mean, answers = updates[pair]
            assert new.satisfaction == float(rounded_mean(mean))
            assert abs(new.satisfaction - mean) <= 0.005 + 1e-9
            assert new.answers == answers
        else:
            assert (new.satisfaction, new.answers) == (old.satisfaction, old.answers)
    assert set(result.not_found) | written == set(updates)
    # a second update with the same values changes nothing more
    assert update_satisfaction(result.text, "org.yaml", updates).text == result.text


EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", [p for p in EXAMPLES if p.name != "broken.yaml"], ids=str)
def test_every_shipped_example_is_updated_and_reloaded(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    before = load_text(text, path.name)
    updates = {
        (h.source, h.target): (1 + (i * 0.37) % 4, i + 3) for i, h in enumerate(before.handoffs)
    }
    result = update_satisfaction(text, path.name, updates)
    assert result.not_found == ()
    after = load_text(result.text, path.name)
    assert [(h.satisfaction, h.answers) for h in after.handoffs] == [
        (float(rounded_mean(updates[h.source, h.target][0])), updates[h.source, h.target][1])
        for h in before.handoffs
    ]
    # with the two keys taken out of both, the texts are the same, character for character
    assert _without_values(result.text) == _without_values(text)
    assert result.text != text


def _without_values(text: str) -> str:
    """``text`` without its ``satisfaction``/``answers`` lines and flow entries."""
    text = re.sub(r"(\r\n|\n)[ ]*(satisfaction|answers):[^\r\n]*", "", text)
    return re.sub(r",? *\b(satisfaction|answers):( *[0-9.]+)?", "", text)


@pytest.mark.parametrize("deliverable", ["X", "{"])  # another value; unreadable YAML
def test_an_edit_that_would_change_anything_else_is_refused(
    monkeypatch: pytest.MonkeyPatch, deliverable: str
) -> None:
    import clientchain.loading.update as module

    real = module._edits

    def also_the_deliverable(body, item, satisfaction, answers):  # type: ignore[no-untyped-def]
        node = item.get("deliverable")
        return [*real(body, item, satisfaction, answers), (node.start, node.end, deliverable)]

    monkeypatch.setattr(module, "_edits", also_the_deliverable)
    with pytest.raises(InputError) as caught:
        update_satisfaction(ORG, "org.yaml", {("texto", "diseno"): (3.0, 3)})
    assert str(caught.value) == (
        "org.yaml:15:5: handoffs[0]: cannot write the survey results here without changing "
        "something else (nothing was written; set satisfaction and answers by hand)"
    )


def test_a_text_yaml_cannot_lay_out_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import clientchain.loading.update as module

    def unreadable(text: str) -> None:
        raise ValueError("no")

    monkeypatch.setattr(module, "layout", unreadable)
    with pytest.raises(InputError, match=r"^org.yaml:1:1: handoffs: cannot write"):
        update_satisfaction(ORG, "org.yaml", {("texto", "diseno"): (3.0, 3)})


@st.composite
def _org_files(draw: st.DrawFn) -> tuple[str, list[tuple[str, str]]]:
    """An org file written in a random mix of the styles people use, and its pairs."""
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    ids = ["a", "b", "c", "d"]
    pairs = draw(
        st.lists(
            st.sampled_from([(s, t) for s in ids for t in ids if s != t]),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    comment = st.sampled_from(["", "  # note", "   # ñ: {x}, y"])
    lines = ["version: 1" + draw(comment), "departments: {a: {}, b: {}, c: {}, d: {}}", "handoffs:"]
    for source, target in pairs:
        quote = draw(st.sampled_from(["", "'", '"']))
        keys = [("from", f"{quote}{source}{quote}"), ("to", f"{quote}{target}{quote}")]
        deliverable = draw(st.sampled_from(["", "Textos", '"Textos: v2"', "|"]))
        if deliverable:
            keys.append(("deliverable", deliverable))
        if draw(st.booleans()):
            keys.append(("quality", "90%"))
        rated = draw(st.sampled_from(["no", "value", "value+answers", "empty"]))
        if rated != "no":
            keys.append(("satisfaction", "" if rated == "empty" else "3.8"))
        if rated == "value+answers":
            keys.append(("answers", "4"))
        if draw(st.booleans()):
            keys.append(("requires", "{satisfaction: 4}"))
        if draw(st.booleans()):
            keys.append(("type", "work"))
        keys = draw(st.permutations(keys))
        flow = draw(st.booleans()) and rated != "empty" and deliverable != "|"
        if flow:
            body = ", ".join(f"{k}: {v}" for k, v in keys)
            if draw(st.booleans()):  # over two lines
                body = body.replace(", ", "," + eol + "     ", 1)
            lines.append(f"  - {{{body}}}" + draw(comment))
            continue
        alone = draw(st.booleans())  # the dash on a line of its own
        if alone:
            lines.append("  -" + draw(comment))
        for number, (k, v) in enumerate(keys):
            lead = "  - " if number == 0 and not alone else "    "
            if k == "requires" and draw(st.booleans()):
                lines += [f"{lead}requires:" + draw(comment), "      satisfaction: 4"]
            elif v == "|":
                lines += [f"{lead}{k}: |" + draw(comment), "      Textos", "      revisados"]
            else:
                lines.append(f"{lead}{k}: {v}".rstrip() + draw(comment))
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", "  # between handoffs"])))
    text = eol.join(lines) + (eol if draw(st.booleans()) else "")
    return ("\ufeff" if draw(st.booleans()) else "") + text, pairs


@settings(max_examples=150, deadline=None)
@given(_org_files(), st.data())
def test_random_files_keep_every_other_character(
    org: tuple[str, list[tuple[str, str]]], data: st.DataObject
) -> None:
    text, pairs = org
    chosen = data.draw(st.lists(st.sampled_from(pairs), unique=True))
    values = st.tuples(st.floats(1, 5, allow_nan=False), st.integers(1, 999))
    updates = {pair: data.draw(values) for pair in chosen}
    result = update_satisfaction(text, "org.yaml", updates)
    assert _without_values(result.text) == _without_values(text)
    after = {(h.source, h.target): h for h in load_text(result.text, "org.yaml").handoffs}
    before = {(h.source, h.target): h for h in load_text(text, "org.yaml").handoffs}
    for pair, handoff in after.items():
        if pair in updates:
            expected = (float(rounded_mean(updates[pair][0])), updates[pair][1])
        else:
            expected = (before[pair].satisfaction, before[pair].answers)
        assert (handoff.satisfaction, handoff.answers) == expected
    assert result.changed == (text != result.text)


def test_an_empty_satisfaction_on_the_last_line_is_filled_then_answers_follow() -> None:
    text = "version: 1\ndepartments: {a: {}, b: {}}\nhandoffs:\n  - from: a\n    to: b\n"
    text += "    satisfaction:"
    result = update_satisfaction(text, "o.yaml", {("a", "b"): (2.5, 8)})
    assert result.text == text + " 2.5\n    answers: 8"


def test_a_block_scalar_that_ends_the_file_keeps_its_value() -> None:
    text = (
        "version: 1\ndepartments: {a: {}, b: {}}\nhandoffs:\n  - from: a\n    to: b\n"
        "    deliverable: |\n      Textos\n      revisados"
    )
    result = update_satisfaction(text, "o.yaml", {("a", "b"): (4.5, 2)})
    assert result.text == text.replace("to: b\n", "to: b\n    satisfaction: 4.5\n    answers: 2\n")
    assert load_text(result.text, "o.yaml").handoffs[0].deliverable == "Textos\nrevisados"
