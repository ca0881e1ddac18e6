"""helpers.armington: the Armington fit recovers a known elasticity from a synthetic exports
table, months without reported weights drop out, and the incidence arithmetic."""

import numpy as np
import pandas as pd
import pytest

from helpers import armington

MONTHS = pd.date_range("2018-01-01", periods=48, freq="MS")


def _synthetic_exports(sigma: float, tariff: pd.Series, estimated=()) -> pd.DataFrame:
    """A synthetic exporter table (not data): Brazil's price and tonnage fixed, the US price
    varying, and US tonnes set by the CES relation with month effects and ``sigma``."""
    rng = np.random.default_rng(0)
    p_us = 380 * np.exp(rng.normal(0, 0.05, len(MONTHS)))
    p_br = np.full(len(MONTHS), 400.0)
    season = np.cos(2 * np.pi * MONTHS.month / 12)
    ratio = np.exp(0.2 + season - sigma * np.log(p_us * (1 + tariff.to_numpy() / 100) / p_br))
    t_br = np.full(len(MONTHS), 5e6)
    rows = []
    for reporter, tonnes, price in (("United States", ratio * t_br, p_us), ("Brazil", t_br, p_br)):
        for date, t, p in zip(MONTHS, tonnes, price, strict=True):
            rows.append({"date": date, "reporter": reporter, "partner": "China",
                         "hs6_code": "120190", "value_usd": t * p, "net_weight_kg": t * 1000,
                         "net_weight_estimated": reporter == "United States" and date in estimated,
                         "reported": True})
    return pd.DataFrame(rows)


def _tariff() -> pd.Series:
    return pd.Series(np.where(MONTHS >= "2018-07-01", 28.0, 3.0), index=MONTHS)


def test_the_fit_recovers_a_known_elasticity_from_synthetic_exports():
    frame = armington.armington_frame(_synthetic_exports(3.5, _tariff()), _tariff())
    row = armington.sigma_row(frame)
    assert row["coef"] == pytest.approx(3.5, abs=1e-6)
    assert row["ci_low"] <= row["coef"] <= row["ci_high"] and row["n"] == 48
    assert row["term"] == "sigma"


def test_months_with_estimated_weights_drop_out_and_too_few_months_are_refused():
    estimated = set(MONTHS[:10])
    frame = armington.armington_frame(_synthetic_exports(2.0, _tariff(), estimated), _tariff())
    assert len(frame) == 38 and frame.index.min() == MONTHS[10]
    with pytest.raises(ValueError, match="at least 24"):
        armington.sigma_row(frame, end="2019-12-01")


def test_the_tariff_a_month_later_is_the_one_at_arrival():
    frame = armington.armington_frame(_synthetic_exports(2.0, _tariff()), _tariff(),
                                      tariff_lag_months=1)
    assert frame.loc["2018-06-01", "tariff_pct"] == 28.0
    assert frame.loc["2018-05-01", "tariff_pct"] == 3.0


def test_robustness_keeps_only_variants_with_enough_months_and_adds_alternatives():
    frame = armington.armington_frame(_synthetic_exports(3.0, _tariff()), _tariff())
    table = armington.robustness(frame, starts=["2019-01-01", "2021-06-01"],
                                 ends=["2019-06-01", "2020-12-01"],
                                 alternatives={"same frame again": frame})
    assert list(table["specification"]) == ["all months 2018-01 to 2021-12", "from 2019-01",
                                            "to 2020-12", "same frame again"]
    assert table["coef"].to_numpy() == pytest.approx(3.0, abs=1e-6)


def test_price_gap_and_the_sellers_share_of_the_tariff():
    frame = pd.DataFrame({"unit_value_us": [400.0, 400.0, 320.0, 320.0],
                          "unit_value_br": 400.0}, index=MONTHS[:4])
    gap = armington.price_gap(frame, (MONTHS[0], MONTHS[1]), (MONTHS[2], MONTHS[3]))
    assert gap.loc["before", "US / Brazil"] == 1.0 and gap.loc["after", "gap, USD/t"] == -80.0
    shown = armington.gap_display(gap)
    assert shown.loc["before", "months covered"] == "Jan 2018 to Feb 2018"
    assert shown["gap, USD/t"].dtype == float and "first" not in shown
    assert gap.loc["after", "gap, USD/bu"] == pytest.approx(-80 * 0.0272155)
    assert armington.sellers_share(gap, 25.0) == pytest.approx(1.0)  # fell to 1/1.25
    unchanged = armington.price_gap(frame, (MONTHS[0], MONTHS[0]), (MONTHS[1], MONTHS[1]))
    assert armington.sellers_share(unchanged, 25.0) == 0.0
    with pytest.raises(ValueError, match="no month"):
        armington.price_gap(frame, ("2030-01-01", "2030-02-01"), (MONTHS[2], MONTHS[3]))


def test_a_published_logit_exponent_reads_as_its_magnitude_and_nothing_else_is_read():
    """SYNTHETIC published rows (not real figures)."""
    row = pd.Series({"study": "S", "value": -3.5, "unit": armington.LOGIT_UNIT})
    assert armington.sigma_from_logit(row) == 3.5
    with pytest.raises(ValueError, match="S: unit 'percent' is not a logit exponent"):
        armington.sigma_from_logit(row.replace({armington.LOGIT_UNIT: "percent"}))
    with pytest.raises(ValueError, match="does not lower a source's share"):
        armington.sigma_from_logit(row.replace({-3.5: 2.0}))
