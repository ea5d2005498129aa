"""The JSON fast path: the very tree YAML builds, or a fallback to YAML and its messages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from clientchain.cli import app
from clientchain.errors import InputError
from clientchain.loading import load_text
from clientchain.loading.dump import dump_org
from clientchain.loading.json_source import compose_json, looks_like_json
from clientchain.loading.parse import parse_org
from clientchain.loading.yaml_source import (
    MAX_DEPTH,
    MapNode,
    Node,
    ScalarNode,
    compose,
    compose_lenient,
    to_data,
)

ROOT = Path(__file__).resolve().parents[2]
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
YAML_ORGS = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "cases" / "valid").glob("*.yaml")
)
# json.dumps layouts: pretty, one line, compact, and key separators libyaml must accept.
LAYOUTS: list[dict[str, Any]] = [
    {"indent": 2},
    {"indent": None},
    {"indent": 4, "ensure_ascii": False},
    {"indent": None, "ensure_ascii": False},
    {"separators": (",", ":")},
    {"indent": 1, "separators": (",", " : ")},
    {"indent": 0, "separators": (" ,", "   :")},
]


def shape(node: Node) -> Any:
    """Everything the parser sees of a tree: types, values, plain flags, places, key order."""
    if isinstance(node, ScalarNode):
        return ("scalar", node.value, node.plain, node.line, node.column)
    if isinstance(node, MapNode):
        pairs = [(shape(key), shape(value)) for key, value in node.items]
        return ("map", node.line, node.column, pairs)
    return ("seq", node.line, node.column, [shape(item) for item in node.items])


def assert_same_tree(text: str) -> None:
    """The JSON path takes ``text`` and builds exactly YAML's tree, which has no issues."""
    fast = compose_json(text)
    assert fast is not None, "the JSON path declined"
    root, issues = compose_lenient(text, "org.json")
    assert issues == []
    assert shape(fast) == shape(root)


def yaml_outcome(text: str, source: str = "org.json") -> Any:
    """What loading ``text`` through YAML alone gives: the organization or the messages."""
    try:
        root, issues = compose_lenient(text, source)
        return parse_org(root, source, "org", issues)
    except InputError as exc:
        return [str(issue) for issue in exc.issues]


def load_outcome(text: str, source: str = "org.json") -> Any:
    try:
        return load_text(text, source)
    except InputError as exc:
        return [str(issue) for issue in exc.issues]


# -- the same tree -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", YAML_ORGS, ids=lambda path: path.name)
@pytest.mark.parametrize("layout", LAYOUTS, ids=str)
def test_every_shipped_org_as_json_gives_yamls_tree(path: Path, layout: dict[str, Any]) -> None:
    data = to_data(compose(path.read_text(encoding="utf-8-sig"), path.name))
    text = json.dumps(data, **layout)
    if SURROGATE_ESCAPE.search(text):  # an emoji written as a \ud83d\ude00 pair
        assert compose_json(text) is None
        assert load_outcome(text) == yaml_outcome(text)
    else:
        assert_same_tree(text)


@pytest.mark.parametrize("departments", [5, 40, 150])
@pytest.mark.parametrize("layout", LAYOUTS[:4], ids=str)
def test_generated_orgs_as_json_give_yamls_tree(
    departments: int, layout: dict[str, Any], generate_org
) -> None:
    yaml_text = dump_org(generate_org(departments, seed=3))
    json_text = json.dumps(to_data(compose(yaml_text, "g.yaml")), **layout)
    assert_same_tree(json_text)
    assert_same_tree(json_text.replace("\n", "\r\n"))


def test_a_json_org_loads_like_its_yaml_original() -> None:
    yaml_text = (ROOT / "examples" / "agencia.yaml").read_text(encoding="utf-8")
    json_text = json.dumps(to_data(compose(yaml_text, "a.yaml")), indent=2, ensure_ascii=False)
    from_json, from_yaml = load_text(json_text, "a.json"), load_text(yaml_text, "a.yaml")
    assert from_json.name == from_yaml.name
    assert list(from_json.departments) == list(from_yaml.departments)
    assert len(from_json.handoffs) == len(from_yaml.handoffs)
    assert list(from_json.chains) == list(from_yaml.chains)


@pytest.mark.parametrize(
    "text",
    [
        '{"a": [1e5, -0, 1.50, 1E+2, -0.0e-0, 0, 12345678901234567890, true, false, null]}',
        '{"": "", " a ": " b ", "é😀": "😀é", "#": "# not a comment", "-": "- x", "x": "a: b"}',
        '{"q": "say \\"hi\\"", "b": "back\\\\", "bq": "\\\\\\"", "s": "a\\/b", "u": "\\u00e9"}',
        '{"c": "\\b\\f\\n\\r\\t\\u0000\\u0085\\u2028\\u001f", "e": "\\uFFFD\\ud7ff"}',
        '{"empty": {}, "none": [], "nested": [[], {}, [[{"a": []}]]]}',
        '\n\n  {"a":\n1\n,\n"b":\n2\n}',
        '{"a": "x"}\n\n\n',
        '[1, {"a": [2]}, "x"]',
        '{"k' + "k" * 995 + '": 1}',
        '{"' + "é" * 900 + '"' + " " * 95 + ': 1, "v": "' + "x" * 5000 + '"}',
    ],
)
def test_tricky_json_gives_yamls_tree(text: str) -> None:
    assert_same_tree(text)


def test_nesting_up_to_the_bound_is_read() -> None:
    text = '{"a": ' * (MAX_DEPTH - 1) + "[1]" + "}" * (MAX_DEPTH - 1)
    assert_same_tree(text)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
# Characters a JSON writer may leave raw that libyaml reads alike (no controls, line or
# paragraph separators, surrogates or noncharacters).
SAFE_TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp", "Cn")), max_size=12)
SAFE_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | SAFE_TEXT,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(SAFE_TEXT, children, max_size=4)
    ),
    max_leaves=20,
)
SEPARATORS = st.tuples(st.sampled_from([",", ", ", " ,\n"]), st.sampled_from([":", ": ", " : "]))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    value=st.dictionaries(st.text(max_size=8), JSON_VALUES, max_size=5),
    indent=st.sampled_from([None, 0, 2]),
    ensure_ascii=st.booleans(),
    separators=SEPARATORS,
)
def test_whatever_the_json_path_takes_it_reads_as_yaml_does(
    value: dict[str, Any], indent: int | None, ensure_ascii: bool, separators: tuple[str, str]
) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ensure_ascii, separators=separators)
    fast = compose_json(text)
    try:
        root, issues = compose_lenient(text, "org.json")
    except InputError:
        assert fast is None
        return
    if fast is not None:
        assert issues == []
        assert shape(fast) == shape(root)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    value=st.dictionaries(SAFE_TEXT, SAFE_VALUES, max_size=5),
    indent=st.sampled_from([None, 0, 2]),
    separators=SEPARATORS,
)
def test_json_with_ordinary_characters_always_takes_the_fast_path(
    value: dict[str, Any], indent: int | None, separators: tuple[str, str]
) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=False, separators=separators)
    assert_same_tree(text)
    escaped = json.dumps(value, indent=indent, ensure_ascii=True, separators=separators)
    if not SURROGATE_ESCAPE.search(escaped):
        assert_same_tree(escaped)


# JSON as other writers lay it out: any white space between tokens, escapes where none
# are needed, numbers spelled as written (the scalar keeps the spelling).
SPACE = st.sampled_from(["", " ", "  ", "\n", "\n    ", "\r\n", " \n ", "\n\n"])
NUMBER = st.sampled_from(
    ["0", "-0", "1.50", "1e5", "1E+05", "-0.0e-0", "2E-3", "99999999999999999999"]
)
LITERAL = st.sampled_from(["true", "false", "null"])


SHORT_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "/": "\\/",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
}
MUST_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f\x85\u2028\u2029]')


@st.composite
def json_strings(draw: Any) -> str:
    """A JSON string with each character raw or escaped in one of the ways JSON allows."""
    out = ['"']
    for char in draw(st.text(st.characters(exclude_categories=("Cs",)), max_size=8)):
        how = draw(st.sampled_from(["raw", "short", "lower", "upper"]))
        if how == "raw" and not MUST_ESCAPE.match(char):
            out.append(char)
        elif how == "short" and char in SHORT_ESCAPES:
            out.append(SHORT_ESCAPES[char])
        elif ord(char) > 0xFFFF:
            out.append(json.dumps(char)[1:-1])  # a surrogate pair
        else:
            out.append(f"\\u{ord(char):04x}" if how == "lower" else f"\\u{ord(char):04X}")
    return "".join(out) + '"'


def json_texts(depth: int = 0) -> Any:
    scalar = json_strings() | NUMBER | LITERAL
    if depth >= 3:
        return scalar
    inner = st.deferred(lambda: json_texts(depth + 1))
    item = st.tuples(SPACE, inner, SPACE).map("".join)
    seq = st.lists(item, max_size=3).map(lambda items: "[" + ",".join(items) + "]")
    pair = st.tuples(SPACE, json_strings(), st.sampled_from(["", " "]), SPACE, inner, SPACE)
    mapping = st.lists(pair.map(lambda p: f"{p[0]}{p[1]}{p[2]}:{p[3]}{p[4]}{p[5]}"), max_size=3)
    return scalar | seq | mapping.map(lambda pairs: "{" + ",".join(pairs) + "}")


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(body=json_texts(1), before=SPACE, after=SPACE)
def test_hand_laid_out_json_reads_as_yaml_does(body: str, before: str, after: str) -> None:
    text = f'{before}{{"k": {body}}}{after}'
    fast = compose_json(text)
    try:
        root, issues = compose_lenient(text, "org.json")
    except InputError:
        assert fast is None
        return
    if SURROGATE_ESCAPE.search(text) is None and not issues:
        assert fast is not None, "the JSON path declined"
    if fast is not None:
        assert issues == []
        assert shape(fast) == shape(root)


# -- falling back to YAML ------------------------------------------------------------------------

FALLBACKS = {
    "duplicate key": '{"version": 1, "version": 2}',
    "duplicate nested key": '{"version": 1, "departments": {"a": {"name": "A", "name": "B"}}}',
    "unclosed": '{"version": 1,\n "departments": {\n',
    "trailing comma (YAML reads it)": '{"version": 1, "departments": {"a": {"name": "A"}},}',
    "NaN (YAML reads text)": '{"version": 1, "departments": {"a": {"headcount": NaN}}}',
    "Infinity": '{"version": 1, "departments": {"a": {"headcount": -Infinity}}}',
    "too deep": '{"a": ' * (MAX_DEPTH + 5) + "1" + "}" * (MAX_DEPTH + 5),
    "flow YAML": "{version: 1, departments: {a: {name: A}}}",
    "a comment after": '{"version": 1, "departments": {"a": {"name": "A"}}} # done\n',
    "two documents": '{"version": 1}\n---\n{"version": 1}\n',
    "a tab": '{"version": 1,\n\t"departments": {"a": {"name": "A"}}}',
    "a lone carriage return": '{"version": 1,\r"departments": {"a": {"name": "A"}}}',
    "a surrogate pair": '{"version": 1, "organization": "\\ud83d\\ude00"}',
    "a lone surrogate": '{"version": 1, "organization": "\\udc00"}',
    "raw DEL": '{"version": 1, "organization": "a\x7fb"}',
    "raw C1 control": '{"version": 1, "organization": "a\x9bb"}',
    "raw NEL (YAML folds it)": '{"version": 1, "organization": "a\x85b"}',
    "raw line separator": '{"version": 1, "organization": "a\u2028b"}',
    "a key's colon on the next line": '{"version"\n: 1}',
    "a key's colon 1,024 characters away": '{"' + "k" * 1021 + '"  : 1}',
    "a key of 1,000 characters": '{"version": 1, "' + "k" * 1000 + '": 1}',
    "a scalar document": '"version"',
}


@pytest.mark.parametrize("text", FALLBACKS.values(), ids=FALLBACKS.keys())
def test_doubtful_json_falls_back_to_yaml_with_the_same_outcome(text: str) -> None:
    assert compose_json(text) is None
    assert load_outcome(text) == yaml_outcome(text)


def test_a_valid_org_that_falls_back_still_loads() -> None:
    org = load_text('{"version": 1, "departments": {"a": {"name": "A"}},}', "org.json")
    assert list(org.departments) == ["a"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 1}', True),
        (' \r\n\t {"a": 1}', True),
        ("version: 1\n", False),
        ("# {\n", False),
        ("[1]", False),
        ("", False),
        ("   ", False),
    ],
)
def test_only_text_starting_with_a_brace_tries_json(text: str, expected: bool) -> None:
    assert looks_like_json(text) is expected


def _carried_by_json(path: Path) -> bool:
    """Whether an invalid case is readable YAML (its problems are in the org, not the text)."""
    try:
        compose(path.read_text(encoding="utf-8"), path.name)
    except (InputError, UnicodeDecodeError):
        return False
    return True


INVALID = [
    path
    for path in sorted((ROOT / "tests" / "cases" / "invalid").glob("*.yaml"))
    if _carried_by_json(path)
]


def test_most_invalid_cases_can_be_written_as_json() -> None:
    assert len(INVALID) >= 15


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.name)
def test_invalid_orgs_as_json_report_what_yaml_reports(path: Path) -> None:
    data = to_data(compose(path.read_text(encoding="utf-8"), path.name))
    text = json.dumps(data, indent=2, ensure_ascii=False)
    nan = re.search(r"\bNaN\b", text) is not None  # json.dumps writes a YAML .nan so
    apart = re.search("[\ufffe\uffff]", text) is not None  # raw, YAML's reader refuses it
    assert (compose_json(text) is None) is (nan or apart)
    assert load_outcome(text) == yaml_outcome(text)


# -- through the command line -------------------------------------------------------------------


def test_check_reports_file_line_column_in_a_json_org(tmp_path: Path) -> None:
    data = to_data(compose((ROOT / "examples" / "agencia.yaml").read_text("utf-8"), "a.yaml"))
    data["departments"]["cuentas"]["headcount"] = "lots"
    text = json.dumps(data, indent=2, ensure_ascii=False)
    path = tmp_path / "org.json"
    path.write_text(text, encoding="utf-8")
    expected = yaml_outcome(text, str(path))
    assert len(expected) == 1
    line = next(n for n, row in enumerate(text.splitlines(), 1) if '"headcount": "lots"' in row)
    column = text.splitlines()[line - 1].index('"lots"') + 1
    assert expected[0].startswith(f"{path}:{line}:{column}: ")

    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert f"{path}:{line}:{column}: error [input-error] departments.cuentas.headcount" in (
        result.stdout
    )
