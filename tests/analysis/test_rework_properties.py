"""Rework never makes anything shorter or lighter; at 100 % %C&A it changes nothing (Hypothesis)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientchain.analysis.rework import analyze_rework
from clientchain.model import Chain, Department, ExternalParty, Handoff, Organization, Step


@st.composite
def rated(draw: st.DrawFn) -> Organization:
    """A small organization whose handoffs between departments carry a %C&A."""
    depts = {
        f"d{i}": Department(f"d{i}", f"D{i}", headcount=draw(st.sampled_from([1.0, 2.0, 3.0])))
        for i in range(draw(st.integers(1, 4)))
    }
    ids = sorted(depts)
    chains = {}
    for number in range(draw(st.integers(1, 3))):
        steps = tuple(
            Step(
                draw(st.sampled_from(ids)),
                draw(st.floats(0, 10)),
                wait=draw(st.none() | st.floats(0, 20)),
            )
            for _ in range(draw(st.integers(1, 4)))
        )
        chains[f"k{number}"] = Chain(f"k{number}", f"K{number}", "z", draw(st.floats(0, 5)), steps)
    handoffs = tuple(
        Handoff(a, b, quality=draw(st.floats(0.05, 1.0)))
        for a in ids
        for b in [*ids, "z"]
        if a != b and draw(st.booleans())
    )
    clients = {"z": ExternalParty("z", "Z", "client")}
    return Organization("R", depts, clients, handoffs=handoffs, chains=chains)


@given(rated(), st.booleans())
def test_rework_only_adds(org: Organization, predict: bool) -> None:
    report = analyze_rework(org, predict_waits=predict)
    for dept in report.departments.values():
        today = report.flow.departments[dept.id]
        assert dept.rework_hours is not None
        assert dept.rework_hours >= 0
        assert dept.load_hours is not None
        assert today.load_hours is not None
        assert dept.load_hours >= today.load_hours
    for chain in report.chains.values():
        today = report.flow.chains[chain.id].lead_time_hours
        assert chain.lead_time_hours is not None
        assert today is not None
        assert chain.lead_time_hours >= today - 1e-9 or math.isinf(chain.lead_time_hours)
    assert sum(h.hours or 0.0 for h in report.handoffs) == pytest.approx(
        sum(d.rework_hours or 0.0 for d in report.departments.values())
    )


@given(rated())
def test_perfect_quality_changes_nothing(org: Organization) -> None:
    perfect = Organization(
        org.name,
        org.departments,
        org.clients,
        handoffs=tuple(Handoff(h.source, h.target, quality=1.0) for h in org.handoffs),
        chains=org.chains,
    )
    report = analyze_rework(perfect)
    assert report.handoffs == ()
    for dept in report.departments.values():
        assert dept.load_hours == report.flow.departments[dept.id].load_hours
    for chain in report.chains.values():
        assert chain.lead_time_hours == report.flow.chains[chain.id].lead_time_hours
