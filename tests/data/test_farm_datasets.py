"""Farm-side datasets: published figures the snapshot must reproduce, and its cross-checks."""

import pandas as pd
import pytest

from helpers.data import load

KEY = ["year", "region", "category", "item"]


@pytest.fixture(scope="module")
def costs() -> pd.DataFrame:
    return load("soybean_costs_returns", use_cache=False)


def _us(costs: pd.DataFrame, item: str) -> pd.Series:
    rows = costs[(costs["region"] == "U.S. total") & (costs["item"] == item)]
    return rows.set_index("year")["value"]


def test_costs_returns_cover_every_year_region_and_item(costs):
    assert costs["year"].min() == 1997 and costs["year"].max() == 2024
    assert costs.groupby("year").size().eq(8 * 26).all()
    assert costs.loc[costs["item"] == "Fertilizer", "item"].size == 28 * 8  # labels trimmed


def test_costs_returns_reproduce_the_published_us_figures(costs):
    assert _us(costs, "Price")[2018] == 8.61  # harvest-period price, USD/bu
    assert _us(costs, "Capital recovery of machinery and equipment")[[2017, 2018]].tolist() == [
        90.99, 107.55]  # the 2018 survey-base jump
    assert _us(costs, "Yield")[2022] == 52
    assert _us(costs, "Value of production less total costs listed")[2022] == 80.08
    assert _us(costs, "Fertilizer")[2022] == 63.92
    assert _us(costs, "Total, operating costs")[2022] == 267.83


def test_costs_returns_equal_the_release_the_crosscheck_compared(costs):
    xcheck = load("xcheck_soybean_costs_returns_revisions", use_cache=False)
    kit = xcheck.dropna(subset=["value_kit_nov2025_release"])
    merged = kit.merge(costs, on=KEY, how="left", validate="one_to_one")
    assert len(merged) == len(kit) == 169
    assert (merged["value"] == merged["value_kit_nov2025_release"]).all()


def test_releases_differ_only_in_2022(costs):
    xcheck = load("xcheck_soybean_costs_returns_revisions", use_cache=False)
    changed = xcheck[xcheck["difference_kit_minus_older"].fillna(0) != 0]
    assert set(changed["year"]) == {2022}
    assert len(changed) == 55  # the 55 ERS revisions SOURCES counts
    forecast = xcheck[xcheck["value_forecast"].notna()]
    assert forecast[["year", "value_forecast"]].values.tolist() == [[2025, 625.0]]
