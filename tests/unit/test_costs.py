"""helpers.costs: rebasing, alignment without filling, ratio decomposition, pass-through."""

import numpy as np
import pandas as pd
import pytest

from helpers import costs
from helpers.data import load

IDX = pd.date_range("2015-01-01", "2016-12-01", freq="MS")


def test_rebase_to_a_year_and_a_month():
    s = pd.Series(np.r_[np.full(12, 50.0), np.full(12, 100.0)], index=IDX)
    assert costs.rebase(s, "2015").iloc[-1] == 200
    assert costs.rebase(s, "2016-01").iloc[0] == 50
    with pytest.raises(ValueError, match="no data in base period '2014'"):
        costs.rebase(s, "2014")
    frame = pd.DataFrame({"a": s, "b": s.where(s.index.year == 2016)})
    with pytest.raises(ValueError, match="\\['b'\\]"):
        costs.rebase(frame, "2015")


def test_align_cuts_and_reports_never_fills():
    a = pd.Series(1.0, index=IDX)
    b = pd.Series(2.0, index=IDX[3:20])
    kept, report = costs.align(pd.DataFrame({"a": a, "b": b}))
    assert kept.index.min() == IDX[3] and kept.index.max() == IDX[19]
    assert report["a"] == "7 months cut (2015-01..2016-12)" and report["b"] == ""
    with pytest.raises(ValueError, match="share no month"):
        costs.align(pd.DataFrame({"a": a.iloc[:2], "b": b.iloc[5:]}))


def test_decomposition_is_exact_in_logs():
    num = pd.Series([100.0, 150.0], index=IDX[:2])
    den = pd.Series([100.0, 120.0], index=IDX[:2])
    d = costs.decompose_ratio_change(num, den, IDX[0], IDX[1]).set_index("component")
    assert d.loc["ratio", "log_change"] == pytest.approx(np.log(1.5) - np.log(1.2))
    assert d.loc["ratio", "pct_change_equivalent"] == pytest.approx(25.0)
    assert d["share_of_ratio_change"].iloc[:2].sum() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="no value on 2015-03-01"):
        costs.decompose_ratio_change(num, den, IDX[0], IDX[2])


def synthetic_prices_with_known_pass_through(elasticity=0.5, seed=0):
    """SYNTHETIC: gas follows a random walk; fertilizer moves 0.3 now and 0.2 next month
    of every gas change (long-run 0.5)."""
    rng = np.random.default_rng(seed)
    idx = pd.date_range("2000-01-01", periods=300, freq="MS")
    dgas = rng.normal(0, 0.1, 300)
    dfert = 0.3 * dgas + 0.2 * np.r_[0, dgas[:-1]] + rng.normal(0, 0.005, 300)
    return (pd.Series(np.exp(np.cumsum(dfert)), index=idx),
            pd.Series(np.exp(np.cumsum(dgas)), index=idx))


def test_pass_through_recovers_long_run_elasticity():
    fert, gas = synthetic_prices_with_known_pass_through()
    result = costs.pass_through(fert, gas, lags=3)
    lr = result["long_run"]
    assert lr["estimate"] == pytest.approx(0.5, abs=0.02)
    assert lr["ci_low"] < 0.5 < lr["ci_high"]
    with_shock = costs.pass_through(fert, gas, lags=3, shock=("2010-01-01", "2010-06-01"))
    assert "shock" in set(with_shock["table"]["term"])


def test_ratio_index_is_100_in_base_and_uses_common_months():
    num = pd.Series(np.linspace(100, 200, 24), index=IDX)
    den = pd.Series(100.0, index=IDX[:12])
    r = costs.ratio_index(num, den, "2015-01")
    assert r.iloc[0] == 100 and r.index.max() == IDX[11]


def test_real_fertilizer_peak_and_machinery_change():
    """Agricultural machinery is BLS WPU111 (not WPU1141, pumps and compressors): 318.25 in
    November 2023 as the extract's provenance notes print it."""
    wide = costs.wide_series(load("farm_input_prices"), ["WPU0652", "WPU111"])
    assert wide["WPU0652"].idxmax() == pd.Timestamp("2022-04-01")
    m = wide["WPU111"]
    assert m.loc["2023-11-01"] == pytest.approx(318.25)
    assert 100 * (m.dropna().iloc[-1] / m.loc["2018-01-01"] - 1) == pytest.approx(39.8, abs=0.05)
    with pytest.raises(ValueError, match="not in the data"):
        costs.wide_series(load("farm_input_prices"), ["WPU9999"])


def test_change_by_year_against_a_reference_month():
    """SYNTHETIC: a ratio of 100 in 2018 and 80 in every month of 2019."""
    idx = pd.date_range("2018-01-01", "2019-12-01", freq="MS")
    ratio = pd.Series([100.0] * 12 + [80.0] * 12, index=idx)
    by_year = costs.change_by_year(ratio, "2018-01-01")
    assert by_year.loc[2018] == pytest.approx(0) and by_year.loc[2019] == pytest.approx(-20)
    with pytest.raises(ValueError, match="reference month"):
        costs.change_by_year(ratio, "2017-01-01")


def test_per_acre_pivots_one_region_and_names_missing_items():
    """SYNTHETIC costs-and-returns rows for two regions and two years."""
    table = pd.DataFrame({"year": [2018, 2018, 2023, 2023, 2018],
                          "region": ["U.S. total"] * 4 + ["Heartland"],
                          "item": ["Fertilizer", "Price", "Fertilizer", "Price", "Fertilizer"],
                          "value": [20.0, 8.0, 40.0, 10.0, 99.0]})
    wide = costs.per_acre(table, ["Fertilizer", "Price"])
    assert wide.loc[2023, "Fertilizer"] == 40 and wide.loc[2018, "Price"] == 8
    assert costs.change_pct(wide["Fertilizer"], 2018, 2023) == pytest.approx(100.0)
    with pytest.raises(ValueError, match="Yield"):
        costs.per_acre(table, ["Yield"])
    with pytest.raises(ValueError, match="no value"):
        costs.change_pct(wide["Fertilizer"], 2018, 2020)


def test_latest_position_against_a_year_earlier_and_the_peak():
    """SYNTHETIC monthly prices: 100 rising to a peak of 200 in 2022-04, 120 at the end."""
    months = pd.date_range("2021-01-01", "2023-06-01", freq="MS")
    s = pd.Series(100.0, index=months)
    s["2022-04-01"] = 200.0
    s["2023-06-01"] = 120.0
    pos = costs.latest_position(s, "2022-01-01")
    assert pos["last"] == pd.Timestamp("2023-06-01") and pos["yoy_pct"] == pytest.approx(20.0)
    assert pos["peak_date"] == pd.Timestamp("2022-04-01") and pos["from_peak_pct"] == pytest.approx(-40.0)


def test_a_shock_outside_the_sample_is_left_out_not_estimated():
    """SYNTHETIC: y follows x with a pass-through of 0.5; the shock window lies after the sample."""
    rng = np.random.default_rng(4)
    months = pd.date_range("2010-01-01", periods=96, freq="MS")
    x = pd.Series(np.exp(np.cumsum(rng.normal(0, 0.05, 96))), index=months)
    y = pd.Series(np.exp(0.5 * np.log(x) + rng.normal(0, 0.01, 96)), index=months)
    fit = costs.pass_through(y, x, lags=2, shock=("2030-01-01", "2030-06-01"))
    assert "shock" not in set(fit["table"]["term"])
    assert fit["long_run"]["estimate"] == pytest.approx(0.5, abs=0.05)
