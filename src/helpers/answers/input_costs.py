"""Reference answers of notebook 04 input costs."""

from __future__ import annotations

import pandas as pd

from helpers import costs
from helpers.answers import choice, reference
from helpers.data import load

INPUTS = ["WPU0652", "WPU0652013A", "WPU111", "WPU057303", "GASDESM", "MHHNGSP"]


def _inputs(ids: list[str]) -> pd.DataFrame:
    return costs.wide_series(load("farm_input_prices"), ids)


@reference("04_top_rise_2020", 0.1, "index, 2020 = 100")
def _top_rise() -> float:
    """Highest 2023-11 value among the six input series rebased to 2020 = 100."""
    return float(costs.rebase(_inputs(INPUTS), "2020").loc["2023-11-01"].max())


def _soy_terms_change(input_id: str) -> float:
    """Change of the soybean PPI's ratio to one input's PPI from 2018-01 to 2023-11, %."""
    wide = _inputs(["WPU01830131", input_id])
    return float(costs.ratio_index(wide["WPU01830131"], wide[input_id], "2018-01")["2023-11-01"] - 100)


@reference("04_soy_diesel_ratio", 0.1, "%")
def _soy_diesel() -> float:
    """Change of the soybean / wholesale diesel PPI ratio from 2018-01 to 2023-11."""
    return _soy_terms_change("WPU057303")


@choice("04_soy_terms_reading", {
    "diesel": "soybeans lost more purchasing power against diesel",
    "fertilizer": "soybeans lost more purchasing power against fertilizer"},
    note="A ratio index below 100 means a bushel buys less of the input than in January 2018; "
         "the lower of the two changes names the input that gained most on soybeans. Which "
         "loss matters more for the margin depends on the input's weight in the per-acre "
         "budget (the ERS costs and returns of notebook 06), and a PPI is a producer price at "
         "the plant or refinery, not the price a farmer pays.")
def _soy_terms_reading() -> str:
    """Against which input, diesel or fertilizer, soybeans lost more from 2018-01 to 2023-11."""
    return "diesel" if _soy_terms_change("WPU057303") < _soy_terms_change("WPU0652") else "fertilizer"


@reference("04_pt_nitrogen_mfg", 0.01, "elasticity")
def _pt_nitrogen_mfg() -> float:
    """Long-run pass-through of gas into the nitrogenous fertilizer manufacturing PPI."""
    wide = _inputs(["PCU325311325311A", "MHHNGSP"]).loc["2000-01-01":]
    return float(costs.pass_through_row(wide["PCU325311325311A"], wide["MHHNGSP"], 6)["coef"])


def _pt_rows() -> tuple[pd.Series, pd.Series]:
    """All-fertilizer pass-through rows from gas on 2000-01..2009-12 and 2010-01..2023-11."""
    wide = _inputs(["WPU0652", "MHHNGSP"])
    early, late = wide.loc["2000-01-01":"2009-12-01"], wide.loc["2010-01-01":"2023-11-01"]
    return (costs.pass_through_row(early["WPU0652"], early["MHHNGSP"], 6),
            costs.pass_through_row(late["WPU0652"], late["MHHNGSP"], 6))


@reference("04_pt_change_2010", 0.01, "elasticity")
def _pt_change() -> float:
    """All-fertilizer pass-through from gas, 2010-01..2023-11 minus 2000-01..2009-12."""
    before_shale, after_shale = _pt_rows()
    return float(after_shale["coef"] - before_shale["coef"])


@choice("04_pt_shale_reading", {
    "a": "the later elasticity is lower and the two 95% CIs do not overlap",
    "b": "the later elasticity is higher and the two 95% CIs do not overlap",
    "c": "the two 95% CIs overlap: these samples do not separate the two periods"},
    note="Overlapping intervals do not show the elasticities are equal, and intervals that do "
         "not overlap are a stricter test than one of the difference itself (one regression "
         "with gas interacted with a post-2010 indicator). Shale gas cut US gas prices, but "
         "fertilizer prices also follow world nitrogen, phosphate and potash markets, so a "
         "weaker link to US gas after 2010 is plausible; the reading must rest on the intervals.")
def _pt_shale_reading() -> str:
    """Whether the pass-through changed after 2010, read from the two 95% CIs."""
    before_shale, after_shale = _pt_rows()
    if (before_shale["ci_low"] <= after_shale["ci_high"]
            and after_shale["ci_low"] <= before_shale["ci_high"]):
        return "c"
    return "a" if after_shale["coef"] < before_shale["coef"] else "b"
