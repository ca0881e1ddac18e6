"""helpers.trade arithmetic and helpers.models on data where the answer is known."""

import numpy as np
import pandas as pd
import pytest

from helpers import comparisons, models, trade

MONTHS = pd.date_range("2010-01-01", "2019-12-01", freq="MS")


def synthetic_series_with_planted_break(level_jump=-0.3, slope_change=-0.01, noise=0.02, seed=1):
    """SYNTHETIC: log series = 0.005 * t + month effect + a planted break at 2016-01."""
    rng = np.random.default_rng(seed)
    t = np.arange(len(MONTHS))
    after = MONTHS >= "2016-01-01"
    since = np.where(after, t - np.argmax(after), 0)
    seasonal = 0.05 * np.sin(2 * np.pi * MONTHS.month / 12)
    y = 5 + 0.005 * t + seasonal + level_jump * after + slope_change * since
    return pd.Series(y + rng.normal(0, noise, len(t)), index=MONTHS)


def test_trend_break_recovers_the_planted_break():
    table, _ = models.trend_break(synthetic_series_with_planted_break(), ["2016-01-01"])
    row = table.set_index("term")
    assert row.loc["post_1", "ci_low"] < -0.3 < row.loc["post_1", "ci_high"]
    assert row.loc["trend_1", "coef"] == pytest.approx(-0.01, abs=0.002)
    assert row.loc["trend", "coef"] == pytest.approx(0.005, abs=0.001)
    assert list(table.columns) == models.TIDY_COLUMNS
    assert (table["method"].str.contains("HAC")).all()


def test_no_break_is_not_found_where_none_was_planted():
    s = synthetic_series_with_planted_break(level_jump=0, slope_change=0, seed=3)
    table, _ = models.trend_break(s, ["2016-01-01"])
    assert table.set_index("term").loc["post_1", "p_value"] > 0.01
    assert models.break_wald(s, "2016-01-01")["p_value"] > 0.01


def test_hac_wald_and_sup_wald_locate_the_planted_break():
    s = synthetic_series_with_planted_break()
    test = models.break_wald(s, "2016-01-01")
    assert test["p_value"] < 1e-6 and "HAC" in test["method"]
    found = models.sup_wald(s)
    assert abs((found["break"] - pd.Timestamp("2016-01-01")).days) <= 62
    assert found["searched"][0] > s.index[0] and found["searched"][1] < s.index[-1]


def test_counterfactual_gap_measures_the_planted_drop():
    s = synthetic_series_with_planted_break(level_jump=np.log(0.5), slope_change=0, noise=0.001)
    gap = models.counterfactual_gap(s, "2016-01-01")
    ratio = gap["actual"] / gap["counterfactual"]
    assert ratio.mean() == pytest.approx(0.5, abs=0.01)


def test_event_window_difference_of_means():
    s = pd.Series([1.0] * 12 + [3.0] * 12, index=pd.date_range("2017-07-01", periods=24,
                                                               freq="MS"))
    table = models.event_window(s, "2018-07-01").set_index("term")
    assert table.loc["mean_before", "coef"] == pytest.approx(1.0)
    assert table.loc["change_after", "coef"] == pytest.approx(2.0)


def test_long_run_effect_sums_lag_coefficients():
    rng = np.random.default_rng(0)
    x = pd.Series(rng.normal(size=300))
    df = pd.DataFrame({"x0": x, "x1": x.shift(1), "x2": x.shift(2)})
    df["y"] = 0.2 * df["x0"] + 0.3 * df["x1"] + 0.1 * df["x2"] + rng.normal(0, 0.01, 300)
    result = models.fit_hac("y ~ x0 + x1 + x2", df)
    effect = models.long_run_effect(result, ["x0", "x1", "x2"])
    assert effect["estimate"] == pytest.approx(0.6, abs=0.01)
    assert effect["ci_low"] < 0.6 < effect["ci_high"]


def test_correlation_reports_overlap():
    a = pd.Series([1.0, 2, 3, 4, np.nan], index=MONTHS[:5])
    b = pd.Series([2.0, 4, 6, 8, 10], index=MONTHS[:5])
    c = models.correlation(a, b)
    assert c["r"] == pytest.approx(1.0) and c["n"] == 4 and c["end"] == MONTHS[3]


def test_annual_labels_partial_years_and_never_fills():
    s = pd.Series(1.0, index=pd.date_range("2023-01-01", "2024-11-01", freq="MS"))
    s["2023-05-01"] = np.nan
    a = trade.annual(s)
    assert a.loc[2023, "months"] == 11 and not a.loc[2023, "complete"]
    assert a.loc[2024, "label"] == "2024 YTD Jan-Nov"
    assert a.loc[2023, "label"] == "2023, 11 of 12 months"
    assert trade.full_years(s).empty


def test_same_months_comparison_matches_months():
    s = pd.Series(range(23), index=pd.date_range("2023-01-01", "2024-11-01", freq="MS"),
                  dtype=float)
    table = trade.same_months_comparison(s, 2024)
    assert list(table["months"]) == [11, 11]
    assert table.loc[0, "value"] == sum(range(11)) and table.loc[0, "period"] == "2023 Jan-Nov"
    whole = trade.same_months_comparison(s, 2023)  # SYNTHETIC: all of 2023 against 2022's none
    assert list(whole["period"]) == ["2022", "2023"] and list(whole["months"]) == [0, 12]


def test_rolling_sums_and_shares_need_full_windows():
    s = pd.Series(1.0, index=pd.date_range("2020-01-01", periods=14, freq="MS"))
    assert trade.rolling_12m(s).first_valid_index() == pd.Timestamp("2020-12-01")
    s2 = s.copy()
    s2.iloc[5] = np.nan
    assert trade.rolling_12m(s2).dropna().empty
    share = trade.rolling_share(s, 4 * s)
    assert (share == 0.25).all() and len(share) == 3


def test_balance_and_growth():
    e = pd.Series([1.0, np.nan], index=MONTHS[:2])
    i = pd.Series([3.0, 3.0], index=MONTHS[:2])
    b = trade.balance(e, i)
    assert b.iloc[0] == -2 and np.isnan(b.iloc[1])
    s = pd.Series(np.arange(1, 14, dtype=float), index=MONTHS[:13])
    assert trade.yoy_growth_pct(s).iloc[12] == pytest.approx(1200.0)


def test_monthly_fx_prefers_the_published_monthly_series_then_the_computed_means():
    """SYNTHETIC rates: EXCHUS for two months, computed means after a gap, daily rows ignored."""
    fx = pd.DataFrame({
        "date": pd.to_datetime(["2017-08-01", "2017-09-01", "2017-09-01", "2018-02-01",
                                "2018-03-01", "2018-03-05"]),
        "series_id": ["EXCHUS", "EXCHUS", "DEXCHUS_MONTHLY_MEAN_COMPUTED",
                      "DEXCHUS_MONTHLY_MEAN_COMPUTED", "DEXCHUS", "DEXCHUS"],
        "freq": ["month", "month", "month", "month", "day", "day"],
        "cny_per_usd": [6.6, 6.5, 6.4, 6.3, 6.0, 6.1]})
    m = trade.monthly_cny_per_usd(fx)
    assert m.loc["2017-09-01"] == 6.5 and m.loc["2018-02-01"] == 6.3
    assert np.isnan(m.loc["2018-01-01"])  # the gap stays a gap
    assert m.index[-1] == pd.Timestamp("2018-02-01")  # a partial daily month is not averaged
    assert m.index.freqstr == "MS"


def test_real_monthly_yuan_runs_without_a_gap_through_the_trade_war():
    from helpers.data import load

    m = trade.monthly_cny_per_usd(load("fx_cny_usd", use_cache=False))
    assert m.loc["2015-01-01":"2026-08-01"].notna().all()
    assert m.loc["2019-08-01"] == 7.0629  # EXCHUS as published


def test_back_at_peak_finds_the_first_month_the_rolling_sum_recovers():
    """SYNTHETIC: a slump in 2009 with full recovery of the 12-month sum in a known month."""
    months = pd.date_range("2007-01-01", "2012-12-01", freq="MS")
    values = pd.Series(10.0, index=months)
    values.loc["2009-01-01":"2009-12-01"] = 5.0
    values.loc["2010-01-01":] = 12.0
    recovered = trade.back_at_peak(values, "2008-01-01", "2008-12-01")
    # 2008 sums to 120; the recovery month is the first whose 12-month sum is back at 120.
    rolled = trade.rolling_12m(values)
    assert rolled.loc[recovered] >= 120 > rolled.loc[recovered - pd.DateOffset(months=1)]
    with pytest.raises(ValueError, match="never regains"):
        trade.back_at_peak(values.loc[:"2009-12-01"], "2008-01-01", "2008-12-01")


def test_break_term_restricts_the_sample():
    s = synthetic_series_with_planted_break()
    full = models.break_term(s, ["2016-01-01"])
    later = models.break_term(s, ["2016-01-01"], start="2012-01-01")
    assert later["n"] == full["n"] - 24 and later["sample_start"] == pd.Timestamp("2012-01-01")


def test_same_months_change_compares_like_seasons():
    """SYNTHETIC: a strong seasonal pattern plus a planted drop of 5 from 2019-03 on."""
    months = pd.date_range("2017-01-01", "2019-10-01", freq="MS")
    seasonal = pd.Series(20 * np.sin(2 * np.pi * months.month / 12), index=months)
    s = seasonal + np.where(months >= "2019-03-01", -5.0, 0.0)
    row = comparisons.same_months_change(s, "2019-03-01", 12)
    assert row["coef"] == pytest.approx(-5.0) and row["n"] == 8
    with pytest.raises(ValueError, match="fewer than three"):
        comparisons.same_months_change(s, "2019-09-01", 12)


def exact_series_with_gaps(missing=("2011-03-01", "2012-07-01", "2014-11-01", "2016-02-01",
                                    "2017-05-01")):
    """SYNTHETIC, no noise: log series = 5 + 0.005 * months + month effect, a level shift of
    -0.3 and a slope change of -0.01 per month from 2016-01, with five months left out."""
    t = np.arange(len(MONTHS))
    after = MONTHS >= "2016-01-01"
    since = np.where(after, t - np.argmax(after), 0)
    y = 5 + 0.005 * t + 0.05 * np.sin(2 * np.pi * MONTHS.month / 12) - 0.3 * after - 0.01 * since
    return pd.Series(y, index=MONTHS).drop(pd.to_datetime(list(missing)))


def test_time_terms_count_calendar_months_not_rows():
    s = exact_series_with_gaps()
    design = models._design(s, ["2016-01-01"])
    assert design["trend"].iloc[-1] == len(MONTHS) - 1  # 2019-12 is month 119, not row 114
    assert design.loc["2016-03-01", "trend_1"] == 2.0


def test_trend_break_recovers_the_planted_break_exactly_despite_missing_months():
    s = exact_series_with_gaps()
    assert len(s) == len(MONTHS) - 5
    row = models.trend_break(s, ["2016-01-01"])[0].set_index("term")
    assert row.loc["post_1", "coef"] == pytest.approx(-0.3, abs=1e-9)
    assert row.loc["trend_1", "coef"] == pytest.approx(-0.01, abs=1e-9)
    assert row.loc["trend", "coef"] == pytest.approx(0.005, abs=1e-9)
    gap = models.counterfactual_gap(s, "2016-01-01")
    planted = np.exp(-0.3 - 0.01 * models.months_since(gap.index, "2016-01-01"))
    assert np.allclose(gap["actual"] / gap["counterfactual"], planted)


def test_break_term_ends_the_sample_and_drops_breaks_after_it():
    s = synthetic_series_with_planted_break()
    ended = models.break_term(s, ["2016-01-01", "2019-01-01"], end="2018-12-01")
    assert ended["sample_end"] == pd.Timestamp("2018-12-01") and ended["n"] == len(s) - 12


def test_did_row_and_event_study_recover_a_planted_episode():
    """SYNTHETIC differenced series: a month-of-year pattern, noise, and -20 in 2018-07..2019-12."""
    rng = np.random.default_rng(2)
    months = pd.date_range("2015-01-01", "2022-12-01", freq="MS")
    episode = (months >= "2018-07-01") & (months <= "2019-12-01")
    gap = pd.Series(5 * np.cos(2 * np.pi * months.month / 12) - 20.0 * episode
                    + rng.normal(0, 1, len(months)), index=months)
    row = comparisons.did_row(gap, "2018-07-01", "2019-12-01")
    assert row["ci_low"] < -20 < row["ci_high"] and row["n"] == len(months)
    years = comparisons.event_study(gap, 2017).set_index("term")
    assert 2017 not in years.index and years.loc[2019, "coef"] == pytest.approx(-20, abs=1.5)
    assert abs(years.loc[2021, "coef"]) < 1.5 and "HAC" in years["method"].iloc[0]
    with pytest.raises(ValueError, match="no month of 2030"):
        comparisons.event_study(gap, 2030)
