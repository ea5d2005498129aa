"""Student's t quantiles against the printed table (two-sided 95 %, three decimals)."""

from __future__ import annotations

import pytest

from clientchain.analysis.student import EXACT_UP_TO, t_quantile, two_sided

# t(0.975, df) as every statistics textbook prints it (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2).
TABLE = {
    1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306,
    9: 2.262, 10: 2.228, 11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 16: 2.120,
    17: 2.110, 18: 2.101, 19: 2.093, 20: 2.086, 21: 2.080, 22: 2.074, 23: 2.069, 24: 2.064,
    25: 2.060, 26: 2.056, 27: 2.052, 28: 2.048, 29: 2.045, 30: 2.042, 40: 2.021, 50: 2.009,
    60: 2.000, 80: 1.990, 100: 1.984, 120: 1.980, 200: 1.972, 1000: 1.962,
}  # fmt: skip


@pytest.mark.parametrize(("df", "expected"), sorted(TABLE.items()))
def test_matches_the_table_to_three_decimals(df: int, expected: float) -> None:
    assert round(t_quantile(0.975, df), 3) == expected


def test_tends_to_the_normal_quantile() -> None:
    assert round(t_quantile(0.975, 10**7), 4) == 1.96


def test_the_expansion_takes_over_smoothly() -> None:
    # at the switch, the closed form (df = 100) and the expansion (df = 101) differ by the
    # table's own step: t(100) − t(101) is about 0.0002
    step = t_quantile(0.975, EXACT_UP_TO) - t_quantile(0.975, EXACT_UP_TO + 1)
    assert 0 < step < 0.0003


def test_other_probabilities_are_solved_exactly() -> None:
    # t(0.95, 10) = 1.812 (one-sided 95 %)
    assert round(t_quantile(0.95, 10), 3) == 1.812
    assert two_sided(t_quantile(0.95, 10), 10) == pytest.approx(0.9)


@pytest.mark.parametrize(("p", "df"), [(0.975, 0), (0.4, 5), (1.0, 5), (0.95, 500)])
def test_refuses_what_it_cannot_compute(p: float, df: int) -> None:
    with pytest.raises(ValueError, match="t_quantile"):
        t_quantile(p, df)
