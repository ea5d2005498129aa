"""``bottlenecks``, ``chains`` and ``simulate`` through the real command line."""

from __future__ import annotations

import json

import pytest

from .cli_support import ANSI, EXAMPLES, TALLER, Invoke, run_script

AGENCIA = str(EXAMPLES / "agencia.yaml")
SOFTWARE = str(EXAMPLES / "software-company.yaml")

BOTTLENECK_FIELDS = {"id", "name", "load_hours", "capacity_hours", "utilization"}
CHAIN_FIELDS = {
    "id",
    "name",
    "demand",
    "takt_hours",
    "process_time_hours",
    "lead_time_hours",
    "value_added_ratio",
    "rolled_quality",
    "constraint",
    "over_takt",
}


def strict_json(text: str) -> dict:
    """Parse JSON refusing NaN and Infinity, which are not JSON."""

    def refuse(name: str) -> None:
        raise AssertionError(f"invalid JSON constant {name}")

    return json.loads(text, parse_constant=refuse)


def test_bottlenecks_json_has_the_spec_fields(cli: Invoke) -> None:
    result = cli("bottlenecks", AGENCIA, "--format", "json")
    assert result.exit_code == 0, result
    doc = strict_json(result.stdout)
    assert doc["constraint"] == "creatividad"
    assert doc["headroom"] == 1.25  # 1 / (64 / 80)
    first = doc["departments"][0]
    assert set(first) >= BOTTLENECK_FIELDS
    assert (first["id"], first["load_hours"], first["capacity_hours"], first["utilization"]) == (
        "creatividad",
        64.0,
        80.0,
        0.8,
    )
    utilizations = [d["utilization"] for d in doc["departments"]]
    assert utilizations == sorted(utilizations, reverse=True)
    assert len(doc["departments"]) == 8


def test_chains_json_has_the_spec_fields(cli: Invoke) -> None:
    result = cli("chains", AGENCIA, "--format", "json")
    assert result.exit_code == 0, result
    chains = {c["id"]: c for c in strict_json(result.stdout)["chains"]}
    assert list(chains) == ["infografia", "video", "campana"]
    for chain in chains.values():
        assert set(chain) >= CHAIN_FIELDS
    info = chains["infografia"]
    # takt 40 / 10 = 4 h; process 2 + 4 + 0.5 = 6.5 h; waits 1d + 2d = 24 h → lead 30.5 h
    assert info["takt_hours"] == 4.0
    assert info["process_time_hours"] == 6.5
    assert info["lead_time_hours"] == 30.5
    assert info["value_added_ratio"] == pytest.approx(6.5 / 30.5)
    # 0.98 × 0.96 × 0.95 × 0.97 (stock→contenido→creatividad→redes→marcas)
    assert info["rolled_quality"] == pytest.approx(0.98 * 0.96 * 0.95 * 0.97)
    assert info["constraint"] == "creatividad"
    assert info["over_takt"] == []
    # campana: 14 h process + 4 + 16 + 8 h waits + finished 1 / (4/5 a day) = 1.25 d = 10 h
    assert chains["campana"]["lead_time_hours"] == 14 + 28 + 10


def test_simulate_json(cli: Invoke) -> None:
    result = cli(
        "simulate", AGENCIA, "--demand", "2", "--headcount", "creatividad=+1", "--format", "json"
    )
    assert result.exit_code == 0, result
    doc = strict_json(result.stdout)
    assert doc["changes"] == ["--demand 2", "--headcount creatividad=+1"]
    # creatividad 128 / 120 = 1.067 stays above contenido 84 / 80 = 1.05
    assert doc["constraint"] == {"before": "creatividad", "after": "creatividad"}
    after = {d["id"]: d for d in doc["after"]["departments"]}
    # creatividad: 2 × 64 = 128 h of 3 × 40 = 120 → 1.0667; contenido 2 × 37 + 10 = 84 of 80 → 1.05
    assert after["creatividad"]["utilization"] == pytest.approx(128 / 120)
    assert after["contenido"]["utilization"] == pytest.approx(84 / 80)
    assert set(after["contenido"]) >= BOTTLENECK_FIELDS
    hires = {h["id"]: h for h in doc["hires"]}
    # creatividad needs 128 / 0.85 = 150.6 h → 4 people (160 h): +1 more → 0.8
    assert hires["creatividad"]["extra_people"] == 1
    assert hires["creatividad"]["utilization_after_hiring"] == 0.8
    # contenido: 84 / 0.85 = 98.8 h → 3 people (120 h): +1 → 0.7
    assert hires["contenido"]["extra_people"] == 1
    assert hires["contenido"]["utilization_after_hiring"] == pytest.approx(0.7)
    chains = {c["id"]: c for c in doc["chains"]}
    assert chains["infografia"]["lead_time_change_hours"] == 0.0
    # vídeo's inventory is held in days of demand: 2 × 2 = 4 units / (6 / 5 a day) = 3.33 d, as
    # before (2 / (3 / 5)); its other waits are given in time: no change
    assert chains["video"]["lead_time_change_hours"] == pytest.approx(0.0)
    assert doc["hold_inventory"] is False
    # limit (capacity − other_load) / chain load: creatividad 120 / 128 = 0.9375 (lowest);
    # contenido (80 − 10) / 74 = 0.946; audiovisual (80 − 8) / 72 = 1
    assert doc["demand_limit"] == 120 / 128
    assert doc["limit_department"] == "creatividad"


def test_simulate_hold_inventory_keeps_units(cli: Invoke) -> None:
    """Issue 12 item 3: more demand never shortens a chain unless units are held on purpose."""
    held = cli("simulate", AGENCIA, "--demand", "2", "--hold-inventory", "--format", "json")
    assert held.exit_code == 0, held
    doc = strict_json(held.stdout)
    chains = {c["id"]: c for c in doc["chains"]}
    # 2 units before vídeo's audiovisual step at 6 / 5 a day = 1.667 d = 13.33 h instead of 26.67
    assert chains["video"]["lead_time_change_hours"] == pytest.approx(-40 / 3)
    assert doc["hold_inventory"] is True
    text = cli("simulate", AGENCIA, "--demand", "2", "--no-color").stdout
    assert "inventory: held in days of demand (units grow with demand)" in text
    assert "Vídeo para redes (video): 6.46 working days (51.67 h) → 6.46 working days" in text
    held_text = cli("simulate", AGENCIA, "--demand", "2", "--hold-inventory", "--no-color").stdout
    assert "inventory: held in units (--hold-inventory)" in held_text


def test_find_limit_equals_headroom_on_agencia(cli: Invoke) -> None:
    result = cli("simulate", AGENCIA, "--find-limit", "--format", "json")
    assert result.exit_code == 0, result
    doc = strict_json(result.stdout)
    assert doc["demand_limit"] == 1.25 == doc["headroom"]
    assert doc["limit_department"] == "creatividad"
    text = cli("simulate", AGENCIA, "--find-limit").stdout
    assert "demand limit: × 1.25" in text
    assert "Creatividad (creatividad) reaches 100% first" in text
    # scaling by it puts the constraint at exactly 100%
    doc = strict_json(cli("simulate", AGENCIA, "--demand", "1.25", "--format", "json").stdout)
    assert doc["after"]["departments"][0]["utilization"] == 1.0


def test_zero_capacity_is_null_in_json_and_overloaded_in_check(cli: Invoke, org_file) -> None:
    path = org_file(
        TALLER.replace("  envios: {name: Envíos}", "  envios: {name: Envíos, capacity: 0h}")
    )
    doc = strict_json(cli("bottlenecks", str(path), "--format", "json").stdout)
    assert doc["constraint"] == "envios"
    assert doc["headroom"] == 0.0
    assert doc["departments"][0]["utilization"] is None  # infinite: null by convention
    check = cli("check", str(path))
    assert check.exit_code == 1
    assert "error [overloaded] Department Envíos (envios) is overloaded" in check.stdout
    assert "utilization ∞%" in check.stdout


def test_plain_text_shows_lead_time_in_days_and_hours(cli: Invoke) -> None:
    result = cli("chains", AGENCIA, "--no-color")
    assert result.exit_code == 0, result
    assert ANSI not in result.stdout
    # 30.5 h / 8 h a day = 3.8125 days
    assert "  lead time: 3.81 working days (30.5 h)" in result.stdout
    assert "    Creatividad (creatividad): effort 4 h, cycle time 2 h, wait 16 h (given)" in (
        result.stdout
    )
    # vídeo: 2 units waiting / (3 / 5 a day) = 3.33 days = 26.67 h
    assert "effort 12 h, cycle time 6 h, wait 26.67 h (from inventory)" in result.stdout
    bottlenecks = cli("bottlenecks", AGENCIA, "--no-color").stdout
    assert "constraint: Creatividad (creatividad) at 80%" in bottlenecks
    assert "headroom: × 1.25" in bottlenecks
    assert "cuts off Marcas (marcas), Pymes (pymes)" in bottlenecks


def test_predict_waits_option(cli: Invoke) -> None:
    plain = strict_json(cli("chains", AGENCIA, "--format", "json").stdout)
    predicted = strict_json(cli("chains", AGENCIA, "--format", "json", "--predict-waits").stdout)
    first = predicted["chains"][0]["steps"][2]  # redes in infografía: no wait given
    assert first["wait_source"] == "predicted"
    # redes u = 32 / 80 = 0.4, c = 2, Erlang C with a = u·c = 0.8:
    # B1 = 0.8/1.8 = 4/9; B2 = 0.8·(4/9)/(2 + 3.2/9) = 3.2/21.2 = 8/53;
    # C = (8/53)/(1 − 0.4·45/53) = (8/53)/(35/53) = 8/35; Wq = (8/35)·0.5 h/(2·0.6) = 2/21 h
    assert first["wait_hours"] == pytest.approx(2 / 21)
    assert plain["chains"][0]["steps"][2]["wait_source"] == "none"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--demand", "infografa=2"], "unknown chain 'infografa' (did you mean 'infografia'?)"),
        (["--headcount", "creativdad=+1"], "unknown department 'creativdad'"),
        (["--capacity", "creatividad=much"], "expected a duration"),
    ],
)
def test_simulate_usage_errors_exit_2_on_one_line(
    cli: Invoke, args: list[str], message: str
) -> None:
    result = cli("simulate", AGENCIA, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_rich_tables_on_a_terminal(cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    for command in ("bottlenecks", "chains", "simulate"):
        result = cli(command, AGENCIA)
        assert result.exit_code == 0, result
        assert ANSI in result.stdout
        assert "Creatividad" in result.stdout


def test_the_installed_script(tmp_path) -> None:
    result = run_script("bottlenecks", SOFTWARE, "--format", "json")
    assert result.exit_code == 0, result
    doc = strict_json(result.stdout)
    # eng_web: 12 × 70 + 220 = 1060 h of 7 × 168 = 1176 h
    assert doc["constraint"] == "eng_web"
    assert doc["departments"][0]["utilization"] == pytest.approx(1060 / 1176)
    piped = run_script("simulate", "-", "--demand", "1.5", input=TALLER)
    assert piped.exit_code == 0, piped
    assert "changes: --demand 1.5" in piped.stdout
    assert ANSI not in piped.stdout


@pytest.mark.parametrize("form", ["1.3", "+30%", "130%", "x1.3"])
def test_demand_forms_give_the_same_simulation(cli: Invoke, form: str) -> None:
    """Issue 12 item 4: the forms a person types all mean × 1.3, for all chains or one."""
    doc = strict_json(cli("simulate", AGENCIA, "--demand", form, "--format", "json").stdout)
    after = {d["id"]: d for d in doc["after"]["departments"]}
    # creatividad: 1.3 × 64 h = 83.2 h of 80 h
    assert after["creatividad"]["load_hours"] == pytest.approx(83.2)
    one = cli("simulate", AGENCIA, "--demand", f"infografia={form}", "--format", "json")
    assert one.exit_code == 0, one
    chains = {c["id"]: c for c in strict_json(one.stdout)["after"]["departments"]}
    # infografía (10 a week, 4 h at creatividad) → 13: 64 + 3 × 4 = 76 h
    assert chains["creatividad"]["load_hours"] == pytest.approx(76.0)


def test_a_demand_in_no_accepted_form_exits_2_with_the_forms(cli: Invoke) -> None:
    result = cli("simulate", AGENCIA, "--demand", "30 percent")
    assert result.exit_code == 2
    assert "--demand 30 percent: expected a factor" in result.stderr
    assert "1.3, x1.3, 130% or +30%" in result.stderr
    assert "Traceback" not in result.stderr


def test_simulate_writes_the_future_state_that_other_commands_read(cli: Invoke, tmp_path) -> None:
    """Issue 12 item 4: ``simulate -o`` writes the changed org file (the future state)."""
    future = tmp_path / "future.yaml"
    args = ("--demand", "+30%", "--headcount", "creatividad=+1", "--hold-inventory")
    result = cli("simulate", AGENCIA, *args, "-o", str(future), "--format", "json")
    assert result.exit_code == 0, result
    assert f"wrote {future}" in result.stderr
    simulated = strict_json(result.stdout)
    assert cli("check", str(future)).exit_code == 0
    # the file's own numbers are the simulation's "after"
    read_back = strict_json(cli("bottlenecks", str(future), "--format", "json").stdout)
    pairs = zip(simulated["after"]["departments"], read_back["departments"], strict=True)
    for simulated_dept, read_dept in pairs:
        assert {key: read_dept[key] for key in simulated_dept} == simulated_dept
    read = {d["id"]: d for d in read_back["departments"]}
    # creatividad: 1.3 × 64 = 83.2 h of 3 × 40 = 120 h → 69.3%; contenido now leads:
    # 1.3 × 37 h + 10 h other load = 58.1 h of 80 h → 72.6%
    assert read["creatividad"]["utilization"] == pytest.approx(83.2 / 120)
    assert read_back["constraint"] == "contenido"
    assert read["contenido"]["utilization"] == pytest.approx(58.1 / 80)
    chains = {
        c["id"]: c for c in strict_json(cli("chains", str(future), "-f", "json").stdout)["chains"]
    }
    assert chains["infografia"]["demand"] == pytest.approx(13.0)  # 10 × 1.3
    diff = cli("diff", AGENCIA, str(future))
    assert diff.exit_code == 0, diff
    assert "creatividad" in diff.stdout.lower()
    assert cli("render", str(future), "-o", str(tmp_path / "future.dot")).exit_code == 0
    # the future state of the future: simulating the written file again reads it like any file
    again = cli("simulate", str(future), "--format", "json")
    assert strict_json(again.stdout)["before"] == simulated["after"]


def test_simulate_writes_scaled_inventory_by_default(cli: Invoke, tmp_path) -> None:
    future = tmp_path / "future.yaml"
    assert cli("simulate", AGENCIA, "--demand", "2", "-o", str(future)).exit_code == 0
    chains = {
        c["id"]: c for c in strict_json(cli("chains", str(future), "-f", "json").stdout)["chains"]
    }
    # vídeo: 2 units before audiovisual at 3 a week → 4 units at 6 a week: 3.33 days = 26.67 h
    assert chains["video"]["steps"][2]["wait_hours"] == pytest.approx(4 / (6 / 5) * 8)


def test_simulate_refuses_to_write_over_its_input(cli: Invoke, org_file, tmp_path) -> None:
    path = org_file()
    before = path.read_bytes()
    (tmp_path / "sub").mkdir()
    link = tmp_path / "link.yaml"
    link.symlink_to(path)
    for target in (path, tmp_path / "sub" / ".." / path.name, link):
        result = cli("simulate", str(path), "--demand", "2", "-o", str(target))
        assert result.exit_code == 2, result
        assert "is the input" in result.stderr
        assert path.read_bytes() == before
        assert link.is_symlink()


def test_future_state_header_cannot_break_out_of_its_comment(cli: Invoke, org_file, tmp_path):
    hostile = TALLER.replace(
        "organization: Taller Núñez", 'organization: "Taller\\nversion: 9\\u2028x"'
    )
    path = org_file(hostile)
    future = tmp_path / "future.yaml"
    result = cli("simulate", "-", "--demand", "x1.5", "-o", str(future), input=hostile)
    assert result.exit_code == 0, result
    header = future.read_text(encoding="utf-8").splitlines()[0]
    assert header == (
        r"# Future state of Taller\nversion: 9\u2028x: clientchain simulate --demand x1.5"
    )
    assert cli("check", str(future)).exit_code == 0
    # ventas: 10 × 1.5 = 15 units × 0.5 h = 7.5 h of 40 h
    doc = strict_json(cli("bottlenecks", str(future), "-f", "json").stdout)
    assert {d["id"]: d["load_hours"] for d in doc["departments"]}["ventas"] == 7.5
    assert path.read_text(encoding="utf-8") == hostile


def test_future_state_header_keeps_accents(cli: Invoke, org_file, tmp_path) -> None:
    # QA: the header read "Taller N\u00fa\u00f1ez"; only what would break a comment is escaped
    future = tmp_path / "future.yaml"
    result = cli("simulate", str(org_file()), "--demand", "+30%", "-o", str(future))
    assert result.exit_code == 0, result
    header = future.read_text(encoding="utf-8").splitlines()[0]
    assert header == "# Future state of Taller Núñez: clientchain simulate --demand +30%"


BUSY = """\
version: 1
organization: Agencia
period: week
departments:
  admin: {name: Administración, other_load: 31.2h}
  edicion: {name: Edición}
  video: {name: Vídeo, other_load: 2.2h}
clients:
  marcas: {name: Marcas}
chains:
  clip:
    name: Clip
    client: marcas
    demand: 9
    steps:
      - {department: edicion, effort: 1h}
      - {department: video, effort: 3h}
"""
# H = 40 h. admin: no chain work, 31.2 / 40 = 78% (the busiest); video: 9 × 3 + 2.2 = 29.2 h
# → 73% (the chains' constraint); edicion 9 / 40 = 22.5%.
# headroom 1 / 0.78 = 1.2821; demand limit min((40 − 2.2) / 27, 40 / 9) = 1.4 at video


def test_bottlenecks_says_which_factor_it_shows(cli: Invoke, org_file) -> None:
    """Issue 12 item 2: headroom and demand limit, and a busiest department without chain work."""
    path = str(org_file(BUSY))
    text = cli("bottlenecks", path, "--no-color").stdout
    assert (
        "busiest: Administración (admin), 78%, no chain work; "
        "the chains' constraint: Vídeo (video), 73%"
    ) in text
    assert (
        "headroom: × 1.28 (if all work grows, other work included, "
        "Administración (admin) reaches 100% first)"
    ) in text
    assert (
        "demand limit: × 1.4 (if only chain demand grows, Vídeo (video) reaches 100% first)"
    ) in text
    # admin's stall stops no chain: it carries none
    admin = text.split("  Administración (admin): 78%", 1)[1].split("\n  Vídeo", 1)[0]
    assert "    if it stalls: no chain stops (it carries no chain work)" in admin
    doc = strict_json(cli("bottlenecks", path, "--format", "json").stdout)
    assert doc["constraint"] == "admin"
    assert doc["headroom"] == pytest.approx(1 / 0.78)
    assert doc["demand_limit"] == pytest.approx(1.4)
    assert doc["limit_department"] == "video"
    assert doc["chain_constraint"] == "video"


def test_simulate_capacity_on_a_department_without_chain_work(cli: Invoke, org_file) -> None:
    """``simulate --capacity X=…`` on a department without chain work printed "× 0"."""
    path = str(org_file(BUSY))
    result = cli("simulate", path, "--capacity", "admin=20h", "--no-color")
    assert result.exit_code == 0, result
    # admin: 31.2 h of 20 h = 156%; chain demand does not move it: the limit stays 1.4 at video
    assert "demand limit: × 0" not in result.stdout
    assert (
        "demand limit: × 1.4 (if only chain demand grows, Vídeo (video) reaches 100% first)"
    ) in result.stdout
    assert "Administración (admin), 156%, no chain work" in result.stdout
    doc = strict_json(cli("simulate", path, "--capacity", "admin=20h", "-f", "json").stdout)
    assert doc["demand_limit"] == pytest.approx(1.4)
    assert doc["after"]["demand_limit"] == pytest.approx(1.4)
    assert doc["after"]["headroom"] == pytest.approx(20 / 31.2)  # 1 / 1.56
    limit = cli("simulate", path, "--capacity", "admin=20h", "--find-limit").stdout
    assert "demand limit: × 1.4" in limit
    assert "headroom: × 0.64 (Administración (admin) is over 100% already)" in limit


def test_rich_heading_names_both_factors(cli: Invoke, org_file, monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = cli("bottlenecks", str(org_file(BUSY)))
    plain = " ".join(result.stdout.split())  # the heading wraps at the terminal's width
    assert "headroom ×1.28 (all work)" in plain
    assert "demand limit ×1.4 (chain demand only)" in plain
    assert "no chain work" in plain


def test_extreme_demand_factors_end(cli: Invoke) -> None:
    """Issue 13 item 3: ``--demand 1e22`` never ended; a factor too large is refused."""
    doc = strict_json(cli("simulate", AGENCIA, "--demand", "1e22", "-f", "json").stdout)
    hires = {h["id"]: h["extra_people"] for h in doc["hires"]}
    # creatividad: 64 h × 1e22 needs 6.4e23 / (0.85 × 40) people: 1.882e22, minus the 2 it has
    assert hires["creatividad"] == pytest.approx(6.4e23 / 34 - 2, rel=1e-12)
    refused = cli("simulate", AGENCIA, "--demand", "1e307")
    assert refused.exit_code == 2
    assert "too large to compute with" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_a_future_state_that_cannot_be_written_prints_nothing(cli: Invoke, tmp_path) -> None:
    target = tmp_path / "missing" / "future.yaml"
    result = cli("simulate", AGENCIA, "--demand", "2", "-o", str(target))
    assert result.exit_code == 2, result
    assert result.stdout == ""  # the file is written before the report: no half-done command
    assert "Traceback" not in result.stderr
    assert not target.parent.exists()
