"""Reference answers of notebook 06 farm income."""

from __future__ import annotations

import pandas as pd

from helpers import farm
from helpers.answers import reference
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
