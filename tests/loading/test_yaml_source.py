"""The YAML layer: positions, literal scalars, and the safety bounds."""

from __future__ import annotations

import pytest

from clientchain.errors import InputError
from clientchain.loading.yaml_source import (
    MAX_ALIAS_NODES,
    MAX_DEPTH,
    MapNode,
    ScalarNode,
    SeqNode,
    compose,
    decode,
    to_data,
)


def issues_of(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        compose(text, "f.yaml")
    return [str(issue) for issue in caught.value.issues]


def test_nodes_keep_one_based_positions() -> None:
    root = compose("a:\n  b: [x, 'y']\n", "f.yaml")
    assert isinstance(root, MapNode)
    inner = root.get("a")
    assert isinstance(inner, MapNode)
    assert (inner.line, inner.column) == (2, 3)
    seq = inner.get("b")
    assert isinstance(seq, SeqNode)
    x, y = seq.items
    assert isinstance(x, ScalarNode)
    assert isinstance(y, ScalarNode)
    assert (x.value, x.line, x.column, x.plain) == ("x", 2, 7, True)
    assert (y.value, y.column, y.plain) == ("y", 10, False)


def test_scalars_are_kept_as_written() -> None:
    root = compose("no: on\n1: null\nyes: 1.50\n", "f.yaml")
    assert isinstance(root, MapNode)
    assert [(k.value, v.value) for k, v in root.items] == [  # type: ignore[union-attr]
        ("no", "on"),
        ("1", "null"),
        ("yes", "1.50"),
    ]


def test_duplicate_keys_name_both_lines() -> None:
    (issue,) = issues_of("a: 1\nb: 2\na: 3\n")
    assert issue.startswith("f.yaml:3:1: duplicate key 'a' (first at line 1)")


def test_tags_are_refused_not_constructed() -> None:
    (issue,) = issues_of("x: !!python/object/apply:os.system [echo hi]\n")
    assert "f.yaml:1:4" in issue
    assert "!!python/object/apply:os.system" in issue


def test_core_tags_are_fine_and_str_tag_means_quoted() -> None:
    root = compose("a: !!str 3\n", "f.yaml")
    value = root.get("a")  # type: ignore[union-attr]
    assert isinstance(value, ScalarNode)
    assert (value.value, value.plain) == ("3", False)


def test_alias_bomb_is_refused_fast() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    # a billion nodes if expanded; reading stops once aliases pass the bound
    (issue,) = issues_of("\n".join(lines))
    assert f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes" in issue


def test_small_aliases_expand() -> None:
    root = compose("d: &d {kind: commercial}\ne: *d\n", "f.yaml")
    assert to_data(root) == {"d": {"kind": "commercial"}, "e": {"kind": "commercial"}}


def test_recursive_alias_is_refused() -> None:
    (issue,) = issues_of("a: &a [*a]\n")
    assert "alias '*a'" in issue


@pytest.mark.parametrize("levels", [MAX_DEPTH, 500, 20_000])
def test_deep_nesting_is_refused_at_the_bound(levels: int) -> None:
    # libyaml ≥ 0.2.6 stops flow collections past 1,000 levels itself, while
    # scanning ahead of our bound: the message is ours either way
    deep = "x: " + "[" * levels + "]" * levels
    (issue,) = issues_of(deep)
    assert f"deeper than {MAX_DEPTH} levels" in issue
    assert "invalid YAML" not in issue
    # one level less than the bound reads
    compose("[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1), "f.yaml")


def test_empty_and_comment_only_files() -> None:
    assert "the file is empty" in issues_of("")[0]
    assert "the file is empty" in issues_of("# nothing here\n\n")[0]


def test_invalid_yaml_has_a_position_and_a_hint_for_tabs() -> None:
    (issue,) = issues_of("a:\n\tb: 1\n")
    assert issue.startswith("f.yaml:2:1: invalid YAML")
    assert "tabs" in issue


def test_several_documents_are_refused() -> None:
    assert "more than one YAML document" in issues_of("---\na: 1\n---\nb: 2\n")[0]


def test_decode_takes_bom_and_refuses_latin1_binary_and_utf16() -> None:
    assert decode("\ufeffa: é".encode(), "f") == "a: é"
    # "name: café": é is the 10th character of line 2
    with pytest.raises(InputError, match=r"f:2:10: the file is not UTF-8: byte 0xe9"):
        decode("a: 1\nname: café\n".encode("latin-1"), "f")
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00", "f")
    with pytest.raises(InputError, match="UTF-16"):
        decode("a: 1".encode("utf-16"), "f")


def test_to_data_reads_plain_scalars_as_yaml_1_2() -> None:
    root = compose("a: [1, -2.5, true, null, no, '3', .5, 1e3]", "f.yaml")
    assert to_data(root) == {"a": [1, -2.5, True, None, "no", "3", 0.5, 1000.0]}
