"""Reference answers of notebook 06 farm income."""

from __future__ import annotations

import pandas as pd

from helpers import farm
from helpers.answers import choice, reference
from helpers.data import load


def _margins() -> pd.DataFrame:
    return farm.per_acre(load("soybean_costs_returns"))


@reference("06_fert_share_2022", 0.1, "%")
def _fert_share_2022() -> float:
    """Fertilizer's share of US soybean operating costs per planted acre in 2022 (ERS)."""
    return float(_margins().loc[2022, "fertilizer_share_pct"])


@reference("06_payments_share_change", 0.1, "percentage points")
def _payments_share_change() -> float:
    """Government payments as a share of net farm income, 2019 minus 2017 (ERS Feb 2026)."""
    income = farm.income_by_year(load("ers_farm_income"), "2026-02-05")
    return float(income.loc[2019, "payments_share_pct"] - income.loc[2017, "payments_share_pct"])


@reference("06_return_change", 1.0, "USD per planted acre")
def _return_change() -> float:
    """Average US return over total costs per acre, 2018-2019 minus 2016-2017 (ERS)."""
    ret = _margins()["return_over_total"]
    return float(ret.loc[2018:2019].mean() - ret.loc[2016:2017].mean())


@reference("06_price_effect_2018", 0.5, "USD per planted acre")
def _price_effect_2018() -> float:
    """The 2018 US return per acre at the 2017 harvest price, minus the actual (ERS)."""
    m = _margins()
    return float((m.loc[2017, "harvest_price"] - m.loc[2018, "harvest_price"])
                 * m.loc[2018, "yield_bu"])


@choice("06_margin_reading", {
    "revenue": "the change in gross value per acre is the larger part of the change",
    "costs": "the change in total costs per acre is the larger part of the change"},
    note="The return over total costs is gross value minus total costs, so its change splits "
         "exactly into the two. Gross value is price times yield, and both moved: the 2018 "
         "harvest-period price fell with China's tariff and a large US crop, while yields "
         "vary with weather. Total costs include the opportunity cost of land and unpaid "
         "labour, which move slowly; the 2018 survey base changes the cost weights, so a "
         "part of any cost change across 2018 can be the survey, not the farms.")
def _margin_reading() -> str:
    """Whether gross value or total costs moved the 2016-17 to 2018-19 return more."""
    m = _margins()
    revenue = m.loc[2018:2019, "gross_value"].mean() - m.loc[2016:2017, "gross_value"].mean()
    cost = m.loc[2018:2019, "total_costs"].mean() - m.loc[2016:2017, "total_costs"].mean()
    return "revenue" if abs(revenue) >= abs(cost) else "costs"


MFP_2018_USD_PER_BU = 1.65  # the MFP 2018 soybean rate, as the exercise states it


@choice("06_price_vs_mfp_reading", {
    "price": "the price part is larger than the MFP 2018 payment per acre",
    "mfp": "the MFP 2018 payment per acre is larger than the price part"},
    note="The price part values the 2018 crop at the 2017 harvest-period price: a price fall "
         "that had causes beyond the tariff (a large US crop) and ignores that farmers sell "
         "over the year. The MFP rate came from USDA's estimate of trade damage, not from the "
         "price fall, and was paid per bushel produced; the two answer different questions "
         "(what the lower price cost a farm against what the programme paid), so neither "
         "validates the other.")
def _price_vs_mfp_reading() -> str:
    """Whether the 2018 price part or the MFP 2018 payment per acre is larger."""
    payment = MFP_2018_USD_PER_BU * _margins().loc[2018, "yield_bu"]
    return "price" if _price_effect_2018() > payment else "mfp"

