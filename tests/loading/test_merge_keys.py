"""YAML merge keys (``<<: *defaults``) are supported, as YAML 1.1 defines them."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from clientchain.cli import app
from clientchain.errors import InputError
from clientchain.loading import load_text

SHARED = """\
version: 1
period: week
departments:
  diseno: &equipo {headcount: 3, kind: operative, group: Producción, other_load: 4h}
  video: {<<: *equipo, name: Vídeo, headcount: 2}
  web:
    headcount: 1
    <<: *equipo
"""


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_text(text, "org.yaml")
    return [str(issue) for issue in caught.value.issues]


def test_a_merge_key_copies_the_keys_an_entity_does_not_write() -> None:
    org = load_text(SHARED, "org.yaml")
    video, web = org.departments["video"], org.departments["web"]
    assert (video.name, video.group, video.other_load) == ("Vídeo", "Producción", 4.0)
    # an explicit key wins over a merged one, written before or after the '<<'
    assert video.headcount == 2
    assert web.headcount == 1
    assert web.group == "Producción"
    # capacity = headcount × 40 h: 2 × 40 = 80 h for video, 1 × 40 = 40 h for web
    assert org.capacity_hours("video") == 80
    assert org.capacity_hours("web") == 40


def test_a_list_of_merges_takes_the_first_mapping_that_has_a_key() -> None:
    text = """\
version: 1
departments:
  a: &rapido {headcount: 5, group: Rápido}
  b: &lento {headcount: 1, group: Lento, owner: Ana}
  c: {<<: [*rapido, *lento]}
"""
    c = load_text(text, "org.yaml").departments["c"]
    assert (c.headcount, c.group, c.owner) == (5, "Rápido", "Ana")


def test_an_inline_mapping_can_be_merged_too() -> None:
    text = "version: 1\ndepartments:\n  a: {<<: {headcount: 4}}\n"
    assert load_text(text, "org.yaml").departments["a"].headcount == 4


@pytest.mark.parametrize(
    ("value", "column"),
    [("3", 11), ("[*d, 2]", 16), ("[x]", 12)],
)
def test_a_merge_of_something_else_than_mappings_is_refused_where_it_is(
    value: str, column: int
) -> None:
    text = f"version: 1\ndepartments:\n  a: &d {{headcount: 2}}\n  b: {{<<: {value}}}\n"
    assert problems(text) == [
        f"org.yaml:4:{column}: a merge key '<<' takes a mapping or a list of mappings "
        "(write '<<: *name' with an anchor '&name' on a mapping)"
    ]


def test_a_bad_merged_value_is_reported_where_it_is_written() -> None:
    text = "version: 1\ndepartments:\n  a: &d {headcont: 2}\n  b: {<<: *d}\n"
    found = problems(text)
    # the typo is at 3:10 and both departments carry it
    assert found == [
        "org.yaml:3:10: departments.a.headcont: unknown key 'headcont' (did you mean 'headcount'?)",
        "org.yaml:3:10: departments.b.headcont: unknown key 'headcont' (did you mean 'headcount'?)",
    ]


def test_a_quoted_merge_key_is_an_ordinary_key() -> None:
    text = "version: 1\ndepartments:\n  a: &d {headcount: 2}\n  b: {'<<': *d}\n"
    assert "unknown key '<<'" in problems(text)[0]


def test_check_reads_a_file_with_merge_keys() -> None:
    text = SHARED + "clients: {c: {}}\nhandoffs:\n"
    text += "".join(
        f"  - {{from: {d}, to: c, deliverable: x}}\n" for d in ("diseno", "video", "web")
    )
    result = CliRunner().invoke(app, ["check", "-", "--fail-on", "error"], input=text)
    assert result.exit_code == 0, result.output
