"""Seeded generator of realistic org files for benchmarks.

Departments come in groups of about a dozen; chains of 3–8 steps walk forward
through nearby groups (so they share departments and the work graph has no
rework loops), each ending at one of the external clients; every chain edge is
also an explicit handoff with all fields; customer-facing departments send
feedback back to where their chains start. Headcounts are sized so that
utilization lands between about 40% and 95%, as in a real organization.

Usage::

    python benchmarks/generate.py 1000 > org-1000.yaml
    python benchmarks/generate.py 10000 --seed 7 -o org-10000.yaml
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import sys
from pathlib import Path

from clientchain.loading.dump import dump_org
from clientchain.model import (
    Chain,
    Department,
    ExternalParty,
    Handoff,
    Organization,
    Step,
)

KINDS = ("operative",) * 7 + ("commercial",) * 2 + ("executive",)
DELIVERABLES = ("Brief", "Draft", "Design", "Build", "Review", "Report", "Order", "Invoice")
SEGMENTS = ("loyal", "discount", "impulsive", "intermediary", "final")
WEEK_HOURS = 40.0


def generate(n: int, seed: int = 42) -> Organization:
    """An organization with ``n`` departments, the same for the same seed."""
    rng = random.Random(seed)
    ids = [f"d{i:06d}" for i in range(n)]
    n_clients = max(2, n // 50)
    n_suppliers = max(1, n // 100)
    clients = {
        f"c{i:05d}": ExternalParty(f"c{i:05d}", f"Client {i}", "client", rng.choice(SEGMENTS))
        for i in range(n_clients)
    }
    suppliers = {
        f"s{i:05d}": ExternalParty(f"s{i:05d}", f"Supplier {i}", "supplier")
        for i in range(n_suppliers)
    }
    chains = _chains(rng, ids, list(clients), list(suppliers))
    load = dict.fromkeys(ids, 0.0)
    for chain in chains.values():
        for step in chain.steps:
            load[step.department] += chain.demand * step.effort
    departments = {}
    for i, dep in enumerate(ids):
        target = rng.uniform(0.4, 0.95)
        other = rng.choice((0.0, 0.0, 2.0, 4.0))
        headcount = max(1, math.ceil((load[dep] + other) / (target * WEEK_HOURS)))
        departments[dep] = Department(
            id=dep,
            name=f"Department {i} — {rng.choice(DELIVERABLES)} team",
            kind=rng.choice(KINDS),  # type: ignore[arg-type]
            group=f"Group {i // 12}",
            headcount=headcount,
            other_load=other,
            owner=f"Owner {i}",
            tags=("bench",),
        )
    return Organization(
        name=f"Benchmark org of {n} departments",
        departments=departments,
        clients=clients,
        suppliers=suppliers,
        handoffs=tuple(_handoffs(rng, chains)),
        chains=chains,
        period="week",
        source=f"org-{n}.yaml",
    )


def _chains(
    rng: random.Random, ids: list[str], clients: list[str], suppliers: list[str]
) -> dict[str, Chain]:
    n = len(ids)
    chains: dict[str, Chain] = {}
    start = 0
    k = 0
    while start < n:
        length = rng.randint(3, 8)
        position, steps = start, []
        for _ in range(length):
            if position >= n:
                break
            steps.append(Step(ids[position], effort=rng.choice((0.25, 0.5, 1.0, 2.0, 4.0))))
            position += rng.randint(1, 12)  # forward only: no rework loops
        chains[f"chain{k:06d}"] = Chain(
            id=f"chain{k:06d}",
            name=f"Value stream {k}",
            client=rng.choice(clients),
            supplier=rng.choice(suppliers) if rng.random() < 0.5 else None,
            demand=rng.choice((1, 2, 5, 10, 20)),
            steps=tuple(steps),
        )
        k += 1
        start += rng.randint(1, 3)  # chains overlap: departments are shared
    return chains


def _handoffs(rng: random.Random, chains: dict[str, Chain]) -> list[Handoff]:
    seen: set[tuple[str, str]] = set()
    out: list[Handoff] = []
    for chain in chains.values():
        path = chain.path
        for a, b in itertools.pairwise(path):
            if (a, b) in seen or a == b:
                continue
            seen.add((a, b))
            out.append(
                Handoff(
                    a,
                    b,
                    deliverable=rng.choice(DELIVERABLES),
                    lead_time=rng.choice((1.0, 4.0, 8.0, 16.0)),
                    quality=round(rng.uniform(0.8, 1.0), 2),
                    satisfaction=round(rng.uniform(3.0, 5.0), 1),
                )
            )
        last, first = chain.steps[-1].department, chain.steps[0].department
        if last != first and (last, first) not in seen:
            seen.add((last, first))
            out.append(Handoff(last, first, deliverable="Customer feedback", type="feedback"))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("departments", type=int)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    text = dump_org(generate(args.departments, args.seed))
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
