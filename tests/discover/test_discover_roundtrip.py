"""Issue 13 item 7: every org file discover writes loads back, whatever the names in the log."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli.cli_support import run_script
from clientchain.discover import (
    DiscoverError,
    DiscoverOptions,
    Discovery,
    ReadOptions,
    discover_log,
)
from clientchain.discover.build import MAX_ID
from clientchain.loading import load_text
from clientchain.loading.labels import label_problem
from clientchain.model import Organization
from clientchain.output.discover import org_yaml

from .support import write_csv

HEADER = ["case", "activity", "department", "timestamp"]


def _rows(departments: list[str], activity: str = "Work") -> list[list[str]]:
    """One case through ``departments`` in order, an hour apart."""
    return [
        ["1", activity, name, f"2024-01-01 {9 + n:02}:00"] for n, name in enumerate(departments)
    ]


def test_a_name_longer_than_a_yaml_simple_key_loads_back(tmp_path: Path) -> None:
    long_name = "Departamento de " + "x" * 2000  # its id would be 2,016 characters
    log = write_csv(tmp_path / "long.csv", HEADER, _rows([long_name, "Ventas", long_name + "y"]))
    target = tmp_path / "org.yaml"
    result = run_script("discover", str(log), "-o", str(target))
    assert result.exit_code == 0, result
    assert run_script("check", str(target), "--fail-on", "error").exit_code == 0
    org = load_text(target.read_text(encoding="utf-8"), str(target))
    assert all(len(key) <= MAX_ID for key in org.departments)
    # The two long names share their first MAX_ID characters' slug: the second gets "-2".
    first = "departamento-de-" + "x" * (MAX_ID - 16)
    second = first[: MAX_ID - 2] + "-2"  # the suffix shortens the slug: still MAX_ID long
    assert set(org.departments) == {first, "ventas", second}
    # A name over MAX_TEXT (200) characters is cut and ends with "… (its id)": the first keeps
    # 200 - len("… (" + 64-character id + ")") = 200 - 68 = 132 characters of the log's name
    # (the second's id is 64 characters too).
    names = {key: d.name for key, d in org.departments.items()}
    assert names == {
        first: long_name[:132] + f"… ({first})",
        "ventas": "Ventas",
        second: (long_name + "y")[:132] + f"… ({second})",
    }
    assert {len(name) for key, name in names.items() if key != "ventas"} == {200}


def test_a_newline_in_the_log_name_stays_in_the_comment(tmp_path: Path) -> None:
    log = write_csv(
        tmp_path / "log\nversion: 2\r\n\u2028x.csv", HEADER, _rows(["Ventas", "Diseño"])
    )
    target = tmp_path / "org.yaml"
    result = run_script("discover", str(log), "-o", str(target))
    assert result.exit_code == 0, result
    text = target.read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0]
    assert all(line.startswith("#") for line in header.split("\n"))
    assert "log\\nversion: 2\\r\\n\\u2028x.csv" in header
    org = load_text(text, str(target))
    assert org.name == "log\nversion: 2\r\n\u2028x"  # the file name up to its first dot
    assert run_script("check", str(target), "--fail-on", "error").exit_code == 0


def client_name(org: Organization) -> str:
    return next(iter(org.clients.values())).name


_NAME = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=40
) | st.sampled_from(["EMPTY", " - ", "ñandú", "a" * 1100, "#", "'", '"', "? x", "&a *b", "!t"])
_FILE = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00/"), min_size=1, max_size=40
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    departments=st.lists(_NAME, min_size=1, max_size=5),
    activity=_NAME,
    client=_NAME,
    file_name=_FILE,
    name=st.none() | _NAME,
)
def test_hostile_names_round_trip(
    departments: list[str], activity: str, client: str, file_name: str, name: str | None
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / f"{file_name}.csv"
        with log.open("w", encoding="utf-8", newline="") as stream:  # every field quoted: a
            writer = csv.writer(stream, quoting=csv.QUOTE_ALL)  # lone CR is data, not a break
            writer.writerows([HEADER, *_rows(departments, activity)])
        options = DiscoverOptions(ReadOptions(delimiter=","), client=client, name=name)
        try:
            found: Discovery | None = discover_log(log, options)
        except DiscoverError as exc:
            found, refusal = None, str(exc)
        if found is None:  # the one refusal: every department was blank or a placeholder
            assert "no usable event" in refusal
            return
        org = load_text(org_yaml(found), "found.yaml")
    # A name any output can carry is kept as it is; any other is made one (labels.py)
    given = name or file_name.split(".")[0] or "Organization"
    assert org.name == found.org.name
    assert org.name == given or label_problem(given) is not None
    log_names = {d for d, _ in found.result.totals.departments}
    names = {d.name for d in org.departments.values()}
    assert {n for n in log_names if label_problem(n) is None} <= names
    assert [c.name for c in org.clients.values()] == [
        found.org.clients[c].name for c in org.clients
    ]
    assert [c.name for c in org.clients.values()] == [client] or label_problem(client) is not None
    assert all(label_problem(n) is None for n in [org.name, *names, client_name(org)])
    assert all(len(key) <= MAX_ID for key in [*org.departments, *org.clients])

    def fields(org):  # type: ignore[no-untyped-def]
        return [(h.source, h.target, h.deliverable, h.volume, h.lead_time) for h in org.handoffs]

    assert fields(org) == fields(found.org)
