"""helpers.soy: marketing-year boundaries, share arithmetic, missing versus stated zero."""

import numpy as np
import pandas as pd
import pytest

from helpers import soy
from helpers.data import soybean_imports


def test_marketing_year_boundaries():
    labels = soy.marketing_year(pd.to_datetime(["2024-08-01", "2024-09-01", "2025-08-31",
                                                "2025-09-01", "1999-12-01"]))
    assert list(labels) == ["my_2023_24", "my_2024_25", "my_2024_25", "my_2025_26",
                            "my_1999_00"]


def test_by_marketing_year_flags_partial_years():
    idx = pd.date_range("2023-09-01", "2024-10-01", freq="MS")
    wide = pd.DataFrame({"World": 1.0, "United States": 0.5}, index=idx)
    my = soy.by_marketing_year(wide)
    assert my.loc["my_2023_24", "World"] == 12 and my.loc["my_2023_24", "complete"]
    assert my.loc["my_2024_25", "months"] == 2 and not my.loc["my_2024_25", "complete"]


def test_shares_and_rest_of_world_keep_missing_missing():
    idx = pd.date_range("2025-08-01", periods=2, freq="MS")
    wide = pd.DataFrame({"United States": [1.0, np.nan], "Brazil": [6.0, 8.0],
                         "World": [10.0, 10.0]}, index=idx)
    sh = soy.shares(wide)
    assert sh.loc["2025-08-01", "United States"] == 0.1 and np.isnan(sh.iloc[1, 0])
    with pytest.raises(ValueError, match="no column 'Total'"):
        soy.shares(wide, total="Total")


def test_rest_of_world_sums_the_other_partners_cells():
    long = pd.DataFrame({
        "period": pd.to_datetime(["2025-08-01"] * 4 + ["2025-09-01"] * 2),
        "freq": "month", "measure": "value_usd", "source": "GACC",
        "partner": ["United States", "Brazil", "Canada", "World", "Brazil", "World"],
        "value": [1.0, 6.0, 3.0, 10.0, 8.0, 8.0]})
    rest = soy.rest_of_world(long, ["United States", "Brazil"])
    assert rest.to_dict() == {pd.Timestamp("2025-08-01"): 3.0}


def test_real_rest_of_world_closes_the_world_total():
    from helpers.data import load

    long = load("china_soybean_imports")
    named = ["United States", "Brazil", "Argentina"]
    wide = soybean_imports("value_usd")
    rest = soy.rest_of_world(long, named).reindex(wide.index).fillna(0)
    total = wide[named].fillna(0).sum(axis=1) + rest
    assert (total == wide["World"]).all()


def test_units():
    assert soy.kg_to_million_tonnes(32_853_052_302) == pytest.approx(32.853, abs=1e-3)
    assert soy.usd_to_billions(12.5e9) == 12.5


def test_prewar_share_counterfactual():
    idx = pd.date_range("2017-01-01", "2018-12-01", freq="MS")
    world = pd.Series(100.0, index=idx)
    us = pd.Series(np.r_[np.full(12, 40.0), np.full(12, 10.0)], index=idx)
    us.iloc[-1] = np.nan
    out = soy.value_at_prewar_share(us, world)
    assert (out.loc["2018", "counterfactual"] == 40).all()
    assert out.loc["2018-01-01", "shortfall"] == 30 and np.isnan(out["shortfall"].iloc[-1])
    with pytest.raises(ValueError, match="12 calendar months"):
        soy.value_at_prewar_share(us.loc["2017-06":], world.loc["2017-06":])


def test_month_profile():
    s = pd.Series([1.0, 3.0], index=pd.to_datetime(["2017-01-01", "2018-01-01"]))
    assert soy.month_profile(s).loc[1] == 2.0


def test_real_data_september_2025_zero_and_brazil_share():
    q = soybean_imports("quantity_kg")
    assert soy.kg_to_million_tonnes(q.loc["2024-09-01", "United States"]) == pytest.approx(
        1.71, abs=0.01)
    v = soy.shares(soybean_imports("value_usd"))
    assert v.loc["2025-09-01", "Brazil"] == pytest.approx(0.854, abs=0.001)
    assert np.isnan(v.loc["2025-09-01", "United States"])


def test_stated_zeros_fill_only_missing_cells():
    """SYNTHETIC: two months, one missing cell stated as zero, one reported value kept."""
    wide = pd.DataFrame({"United States": [np.nan, 5.0], "Brazil": [1.0, 2.0]},
                        index=pd.to_datetime(["2018-11-01", "2018-12-01"]))
    stated = pd.DataFrame({"period": pd.to_datetime(["2018-11-01", "2018-12-01", "2019-01-01"]),
                           "partner": ["United States", "United States", "United States"]})
    out = soy.with_stated_zeros(wide, stated)
    assert out.loc["2018-11-01", "United States"] == 0 and out.loc["2018-12-01", "United States"] == 5
    assert np.isnan(wide.loc["2018-11-01", "United States"])  # input untouched


def test_rival_trend_counterfactual_equals_the_frozen_share_without_a_rival_trend():
    """SYNTHETIC: a flat rival share leaves the frozen-share counterfactual unchanged; a rising
    one lowers the US counterfactual by the rival's trend gain."""
    months = pd.date_range("2017-01-01", "2019-12-01", freq="MS")
    world = pd.Series(100.0, index=months)
    us = pd.Series(40.0, index=months)
    flat = pd.Series(0.5, index=range(2010, 2018))
    rising = pd.Series([0.3 + 0.01 * i for i in range(8)], index=range(2010, 2018))
    frozen = soy.value_at_prewar_share(us, world, (2017,))
    same = soy.value_at_rival_trend_share(us, world, 2017, 0.4, flat, 2010)
    assert np.allclose(same["counterfactual"], frozen["counterfactual"])
    lower = soy.value_at_rival_trend_share(us, world, 2017, 0.4, rising, 2010)
    # 2019: the rival gains 2 points over 2017, so the US base share 40% becomes 38%.
    assert lower.loc["2019-06-01", "counterfactual"] == pytest.approx(38.0)
    assert lower.loc["2017-06-01", "counterfactual"] == pytest.approx(40.0)


def synthetic_sales() -> pd.DataFrame:
    """SYNTHETIC: three ESR weeks, the last one with rows under two marketing years."""
    return pd.DataFrame({
        "date": pd.to_datetime(["2025-08-21", "2025-08-28", "2025-08-28"]),
        "marketing_year": ["2025/26", "2025/26", "2026/27"], "destination": "China",
        "total_commitments_kmt": [10.0, 25.0, 5.0], "accumulated_exports_kmt": [0.0, 0.0, 0.0],
        "outstanding_sales_kmt": [10.0, 25.0, 5.0], "net_sales_kmt": [10.0, 15.0, 5.0]})


def test_sales_position_takes_the_last_week_on_or_before_a_date():
    pos = soy.sales_position(synthetic_sales(), "2025-08-27", "2025/26")
    assert pos["date"] == pd.Timestamp("2025-08-21") and pos["total_commitments_kmt"] == 10
    with pytest.raises(ValueError, match="no export-sales week"):
        soy.sales_position(synthetic_sales(), "2025-08-01", "2025/26")


def test_sales_made_adds_every_marketing_year_and_keeps_missing_missing():
    assert soy.sales_made(synthetic_sales(), "2025-08-22", "2025-08-31") == 20.0
    assert np.isnan(soy.sales_made(synthetic_sales(), "2026-01-01", "2026-02-01"))


def test_real_export_sales_pass_12_mt_of_2025_26_in_june_2026():
    """USDA FAS ESR (processed copy): 2025/26 sales to China first pass 12,000 kt in the week
    ending 2026-06-25, as the dataset's provenance notes state."""
    from helpers.data import load

    sales = load("us_soybean_export_sales")
    assert soy.sales_position(sales, "2026-06-18", "2025/26")["total_commitments_kmt"] < 12_000
    assert soy.sales_position(sales, "2026-06-25", "2025/26")["total_commitments_kmt"] >= 12_000


def test_stated_zeros_join_cited_statements_and_tdm_zeros():
    """SYNTHETIC statements and quantities: one month in both, one in each."""
    statements = pd.DataFrame({"period": pd.to_datetime(["2018-11-01", "2025-09-01"]),
                               "partner": ["United States", "United States"]})
    quantities = pd.DataFrame({"United States": [0.0, 5.0, 0.0], "Brazil": [1.0, 0.0, 2.0]},
                              index=pd.to_datetime(["2025-09-01", "2025-10-01", "2025-11-01"]))
    got = soy.stated_zeros(statements, quantities)
    assert sorted(zip(got["period"].dt.strftime("%Y-%m"), got["partner"], strict=True)) == [
        ("2018-11", "United States"), ("2025-09", "United States"), ("2025-10", "Brazil"),
        ("2025-11", "United States")]


def test_tariff_steps_keep_big_rises_and_fold_later_ones_into_their_window():
    """SYNTHETIC path: +25 in 2018-07, +5 in 2019-09 (too small), +10 in 2025-03, +84 in
    2025-04 (within 12 months of the 2025-03 step)."""
    days = pd.date_range("2017-01-01", "2025-10-31", freq="D")
    path = pd.Series(3.0, index=days)
    for day, rate in [("2018-07-06", 28.0), ("2019-09-01", 33.0), ("2020-03-02", 3.0),
                      ("2025-03-10", 13.0), ("2025-04-10", 97.0), ("2025-05-14", 23.0)]:
        path.loc[day:] = rate
    steps = soy.tariff_steps(path)
    assert list(steps["date"]) == [pd.Timestamp("2018-07-06"), pd.Timestamp("2025-03-10")]
    assert list(steps["month"]) == [pd.Timestamp("2018-07-01"), pd.Timestamp("2025-03-01")]
    assert steps.loc[0, "rise"] == 25 and steps.loc[0, "label"].startswith("2018-07-06 step (+25")
    ended = soy.tariff_steps(path.loc[:"2024-12-31"])
    assert list(ended["date"]) == [pd.Timestamp("2018-07-06")]
    assert soy.tariff_steps(path, end="2025-04-01").shape[0] == 1  # too few months after 2025-03


def test_share_frame_counts_calendar_months_across_a_gap():
    """SYNTHETIC shares with 2018-03 missing from the index."""
    months = pd.date_range("2018-01-01", periods=5, freq="MS").delete(2)
    share = pd.DataFrame({"United States": 0.5, "Brazil": 0.4}, index=months)
    frame = soy.share_frame(share, pd.Series(3.0, index=pd.date_range("2018-01-01", periods=5,
                                                                       freq="MS")))
    assert list(frame["trend"]) == [0, 1, 3, 4] and list(frame["month"]) == [1, 2, 4, 5]
    assert (frame["us_share"] == 50).all() and (frame["tariff"] == 3).all()


def test_exporter_monthly_sums_hs6_lines_and_keeps_absent_months_missing():
    """SYNTHETIC exporter rows: two HS6 lines in January, one in February, none in March."""
    rows = pd.DataFrame({
        "date": pd.to_datetime(["2018-01-01", "2018-01-01", "2018-02-01", "2018-04-01"]),
        "reporter": "United States", "partner": "China",
        "hs6_code": ["120190", "120110", "120190", "120190"],
        "value_usd": [10.0, 1.0, 5.0, 7.0], "net_weight_kg": [np.nan, np.nan, 2.0, 3.0]})
    value = soy.exporter_monthly(rows, "United States", "China")
    assert list(value.index) == list(pd.date_range("2018-01-01", "2018-04-01", freq="MS"))
    assert value.iloc[0] == 11 and value.iloc[1] == 5 and np.isnan(value.iloc[2])
    weight = soy.exporter_monthly(rows, "United States", "China", "net_weight_kg")
    assert np.isnan(weight.iloc[0]) and weight.iloc[1] == 2
    with pytest.raises(ValueError, match="no exports from 'Brazil'"):
        soy.exporter_monthly(rows, "Brazil", "China")


def test_arrival_lag_finds_the_planted_delay():
    """SYNTHETIC: arrivals are shipments two months later plus a little noise."""
    rng = np.random.default_rng(0)
    months = pd.date_range("2015-01-01", periods=60, freq="MS")
    shipped = pd.Series(rng.normal(10, 3, 60), index=months)
    arrived = shipped.shift(2, freq="MS") + rng.normal(0, 0.1, 60)
    lags = soy.arrival_lag(shipped, arrived)
    assert lags.loc[lags["r"].idxmax(), "lag"] == 2 and list(lags["lag"]) == [0, 1, 2, 3, 4]
    assert lags.loc[2, "r"] > 0.99 and lags.loc[2, "n"] == 60 and lags.loc[0, "n"] == 58


def test_diversion_panel_differences_the_two_exporters_shares():
    """SYNTHETIC exporter rows: US ships half to China in January and nothing recorded in
    February; Brazil ships a quarter to China in both months."""
    rows = []
    for month, us_china, br_china in [("2018-01-01", 50.0, 25.0), ("2018-02-01", None, 25.0)]:
        if us_china is not None:
            rows.append(("United States", "China", month, us_china))
        rows += [("United States", "World", month, 100.0), ("Brazil", "China", month, br_china),
                 ("Brazil", "World", month, 100.0)]
    table = pd.DataFrame(rows, columns=["reporter", "partner", "date", "value_usd"])
    table["date"] = pd.to_datetime(table["date"])
    panel = soy.diversion_panel(table)
    assert panel.loc["2018-01-01", "gap"] == pytest.approx(25.0)
    assert panel.loc["2018-01-01", "Brazil: China's share of its exports, %"] == 25.0
    assert "2018-02-01" not in panel.index or np.isnan(panel.loc["2018-02-01", "gap"])
