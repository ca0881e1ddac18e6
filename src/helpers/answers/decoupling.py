"""Reference answers of notebook 02 decoupling."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import models, trade
from helpers.answers import choice, reference
from helpers.data import load

BREAKS = ["2018-07-01", "2025-04-01"]


def _goods() -> pd.DataFrame:
    return load("us_china_goods_trade").set_index("date").loc[:"2025-12-01"]


def _rule_start(goods: pd.DataFrame) -> pd.Timestamp:
    return max(trade.back_at_peak(goods[c], "2008-01-01", "2008-12-01")
               for c in ("imports_usd_mn", "exports_usd_mn"))


def _annual_flows() -> pd.DataFrame:
    """Calendar-year sums of US goods exports to and imports from China, USD mn; ValueError
    unless 2017 and 2024 are complete."""
    goods = _goods()
    annual = {c: trade.annual(goods[c]) for c in ("exports_usd_mn", "imports_usd_mn")}
    if not all(a.loc[[2017, 2024], "complete"].all() for a in annual.values()):
        raise ValueError("us_china_goods_trade: 2017 or 2024 is not complete")
    return pd.DataFrame({c: a["value"] for c, a in annual.items()})


def _flow_changes() -> pd.Series:
    """Percent change 2017 to 2024 of exports and of imports."""
    annual = _annual_flows()
    return 100 * (annual.loc[2024] / annual.loc[2017] - 1)


@reference("02_exports_change_pct", 0.1, "%")
def _exports_change() -> float:
    """Percent change of US goods exports to China, 2017 to 2024 (calendar-year sums)."""
    return float(_flow_changes()["exports_usd_mn"])


@choice("02_flows_reading", {
    "a": "both flows fell, imports by more in percent",
    "b": "both flows fell, exports by more in percent",
    "c": "imports fell while exports rose",
    "d": "imports rose"},
    note="Compute both percentage changes on the same complete years. US tariffs covered most "
         "imports from China, while China's retaliation was partly offset by tariff "
         "exclusions and the Phase One purchase commitments, so the two flows need not move "
         "together; a bilateral balance that narrows says nothing about the overall US "
         "balance when trade is diverted to other suppliers.")
def _flows_reading() -> str:
    """Which reading the 2017-to-2024 changes of US exports to and imports from China support."""
    x, m = _flow_changes()[["exports_usd_mn", "imports_usd_mn"]]
    if m >= 0:
        return "d"
    if x >= 0:
        return "c"
    return "a" if m < x else "b"


@reference("02_break_2019", 0.005, "log points")
def _break_2019() -> float:
    """Level shift in log imports with the first break moved to 2019-09 (fit from the rule)."""
    g = _goods()
    row = models.break_term(np.log(g["imports_usd_mn"]), ["2019-09-01", BREAKS[1]], "post_1",
                            _rule_start(g))
    return float(row["coef"])


@reference("02_gap_2024_from_2011", 1.0, "USD bn")
def _gap_2011() -> float:
    """2024 imports minus the pre-2018 trend fitted from 2011-01, in USD bn."""
    gap = models.counterfactual_gap(np.log(_goods()["imports_usd_mn"].loc["2011-01-01":]),
                                    BREAKS[0])
    return float(trade.annual(gap["gap"]).loc[2024, "value"] / 1000)


def _exports_break_row() -> pd.Series:
    g = _goods()
    return models.break_term(np.log(g["exports_usd_mn"].loc[:"2019-12-01"]), BREAKS[:1], "post_1",
                             _rule_start(g))


@reference("02_exports_jump_pct", 0.5, "%")
def _exports_jump() -> float:
    """2018-07 level shift in log exports, rule start to 2019-12, one break, as a percent."""
    return float(100 * np.expm1(_exports_break_row()["coef"]))


@choice("02_exports_ci_reading", {
    "yes": "the 95% confidence interval includes zero",
    "no": "the 95% confidence interval excludes zero"},
    note="Read the interval, not the point estimate. On the short pre-pandemic sample after the "
         "break, if the interval includes zero the data cannot tell the level shift from no "
         "shift; a longer sample adds the pandemic and Phase One years, which the one-break "
         "model would attribute to the tariffs.")
def _exports_ci_reading() -> str:
    """Whether the 95% CI of the pre-pandemic 2018 export shift includes zero."""
    return "yes" if models.includes_zero(_exports_break_row()) else "no"
