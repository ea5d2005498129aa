"""``answers:``: how many survey answers a handoff's ``satisfaction`` rests on."""

from __future__ import annotations

import pytest

from clientchain.errors import InputError
from clientchain.i18n import use
from clientchain.loading import load_text
from clientchain.loading.dump import dump_org
from clientchain.loading.schema import org_schema

HEAD = "version: 1\ndepartments: {a: {}, b: {}}\nhandoffs:\n"


def test_read_with_satisfaction() -> None:
    org = load_text(HEAD + "  - {from: a, to: b, satisfaction: 2.9, answers: 12}\n", "o.yaml")
    assert (org.handoffs[0].satisfaction, org.handoffs[0].answers) == (2.9, 12)
    assert isinstance(org.handoffs[0].answers, int)
    assert (
        load_text(HEAD + "  - {from: a, to: b, answers: 12.0, satisfaction: 4}\n")
        .handoffs[0]
        .answers
        == 12
    )
    assert load_text(HEAD + "  - {from: a, to: b, answers: ~}\n").handoffs[0].answers is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "expected a whole number of 1 or more, got '0'"),
        ("-3", "expected a whole number of 1 or more, got '-3'"),
        ("2.5", "expected a whole number of 1 or more, got '2.5'"),
        ("many", "expected a number, got 'many'"),
        ("'12'", "expected a number, got '12' (write the number without quotes)"),
        (".inf", "expected a finite number, got '.inf'"),
        ("[1]", "expected a whole number, got a list"),
    ],
)
def test_bad_values_are_located(value: str, message: str) -> None:
    text = HEAD + f"  - from: a\n    to: b\n    satisfaction: 3\n    answers: {value}\n"
    with pytest.raises(InputError) as caught:
        load_text(text, "o.yaml")
    assert [str(issue) for issue in caught.value.issues] == [
        f"o.yaml:7:14: handoffs[0].answers: {message}"
    ]


def test_answers_without_satisfaction_is_an_error() -> None:
    text = HEAD + "  - {from: a, to: b, answers: 4}\n"
    with pytest.raises(InputError) as caught:
        load_text(text, "o.yaml")
    assert [str(issue) for issue in caught.value.issues] == [
        "o.yaml:4:31: handoffs[0].answers: 'answers' without 'satisfaction': it counts the "
        "answers a satisfaction rests on (give the handoff's 'satisfaction' too, or remove "
        "'answers')"
    ]
    with use("es"), pytest.raises(InputError) as caught:
        load_text(text, "o.yaml")
    assert caught.value.issues[0].message.startswith("'answers' sin 'satisfaction'")


def test_dumped_and_read_back() -> None:
    org = load_text(HEAD + "  - {from: a, to: b, satisfaction: 2.9, answers: 12}\n", "o.yaml")
    text = dump_org(org)
    assert "    satisfaction: 2.9\n    answers: 12\n" in text
    assert load_text(text).handoffs[0].answers == 12


def test_in_the_schema() -> None:
    answers = org_schema()["$defs"]["handoff"]["properties"]["answers"]
    assert answers["anyOf"][0] == {"type": "integer", "minimum": 1}


def test_check_exits_2_on_a_bad_count(tmp_path) -> None:
    from typer.testing import CliRunner

    from clientchain.cli import app

    path = tmp_path / "o.yaml"
    path.write_text(HEAD + "  - {from: a, to: b, satisfaction: 3, answers: 0}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert f"{path}:4:48: error [input-error] handoffs[0].answers: expected a whole number" in (
        result.stdout + result.stderr
    )
