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


def test_aid_tables_keep_every_provenance_column_and_flag():
    for dataset in ("mfp_payments", "farm_aid_2025_2026"):
        df = load(dataset, use_cache=False)
        assert {"source", "source_url", "verified", "as_of", "note"} <= set(df.columns)
        assert df["source"].notna().all() and df["source_url"].str.startswith("http").all()
        assert df["verified"].notna().all()


def test_aid_tables_reproduce_the_published_rates_and_totals():
    mfp = load("mfp_payments", use_cache=False)
    rates = mfp[mfp["series"].str.startswith("payment rate (tranche")].set_index("commodity")
    assert rates["value"].to_dict() == {"cotton": 0.06, "corn": 0.01, "dairy (milk)": 0.12,
                                        "hogs": 8.0, "soybeans": 1.65, "sorghum": 0.86,
                                        "wheat": 0.14}
    paid = mfp[mfp["series"].str.startswith("payments made") & (mfp["geography"] == "US")
               & (mfp["commodity"] == "all") & (mfp["as_of"] == "2020-08-31")]
    assert paid.set_index("program")["value"].to_dict() == {"MFP 2019": 14.495,
                                                            "MFP 2018+2019": 23.1}
    aid = load("farm_aid_2025_2026", use_cache=False)
    fba = aid[aid["program"] == "Farmer Bridge Assistance (FBA)"].set_index("commodity")
    assert fba.loc["soybeans", "value"] == "30.88" and fba.loc["corn", "value"] == "44.36"


def test_farm_income_keeps_vintages_and_flags_the_unverified_row():
    income = load("ers_farm_income", use_cache=False)
    feb26 = income[income["vintage"].str.contains("2026-02-05")
                   & (income["series"] == "net farm income")].set_index("year")["value"]
    assert feb26[2018] == pytest.approx(82.40, abs=0.005)
    assert feb26[2026] == pytest.approx(153.38, abs=0.005)
    flagged = income[income["series"].str.contains("UNVERIFIED")]
    assert len(flagged) == 1 and flagged["verified"].str.startswith("NOT verified").all()
    assert income["vintage"].notna().all()


def test_prices_and_damage_estimates_as_published():
    prices = load("soybean_prices", use_cache=False)
    my = prices[prices["series"].str.startswith("soybean season-average (marketing-year)")]
    assert my.set_index("year")["value"][[2017, 2018, 2019]].tolist() == [9.33, 8.48, 8.57]
    damage = load("trade_war_damage_estimates", use_cache=False)
    err = damage[(damage["study"] == "USDA ERS ERR-304") & (damage["commodity"] == "soybeans")
                 & (damage["measure"] == "direct export losses, annualised")]
    assert err["value"].tolist() == ["9.4"] and err["basis"].str.startswith("export value").all()
