"""Reference answers of notebook 04 input costs."""

from __future__ import annotations

import pandas as pd

from helpers import costs
from helpers.answers import reference
from helpers.data import load

INPUTS = ["WPU0652", "WPU0652013A", "WPU111", "WPU057303", "GASDESM", "MHHNGSP"]


def _inputs(ids: list[str]) -> pd.DataFrame:
    return costs.wide_series(load("farm_input_prices"), ids)


@reference("04_top_rise_2020", 0.1, "index, 2020 = 100")
def _top_rise() -> float:
    """Highest 2023-11 value among the six input series rebased to 2020 = 100."""
    return float(costs.rebase(_inputs(INPUTS), "2020").loc["2023-11-01"].max())


@reference("04_soy_diesel_ratio", 0.1, "%")
def _soy_diesel() -> float:
    """Change of the soybean / wholesale diesel PPI ratio from 2018-01 to 2023-11."""
    wide = _inputs(["WPU01830131", "WPU057303"])
    ratio = costs.ratio_index(wide["WPU01830131"], wide["WPU057303"], "2018-01")
    return float(ratio["2023-11-01"] - 100)


@reference("04_pt_nitrogen_mfg", 0.01, "elasticity")
def _pt_nitrogen_mfg() -> float:
    """Long-run pass-through of gas into the nitrogenous fertilizer manufacturing PPI."""
    wide = _inputs(["PCU325311325311A", "MHHNGSP"]).loc["2000-01-01":]
    return float(costs.pass_through_row(wide["PCU325311325311A"], wide["MHHNGSP"], 6)["coef"])


@reference("04_pt_change_2010", 0.01, "elasticity")
def _pt_change() -> float:
    """All-fertilizer pass-through from gas, 2010-01..2023-11 minus 2000-01..2009-12."""
    wide = _inputs(["WPU0652", "MHHNGSP"])
    early, late = wide.loc["2000-01-01":"2009-12-01"], wide.loc["2010-01-01":"2023-11-01"]
    return float(costs.pass_through_row(late["WPU0652"], late["MHHNGSP"], 6)["coef"]
                 - costs.pass_through_row(early["WPU0652"], early["MHHNGSP"], 6)["coef"])
