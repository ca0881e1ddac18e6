"""The reference answers of the exercises (instructor edition only; the student edition ships
their salted digests instead, see ``helpers.teach``).

Every reference is computed from the kit's data through the helpers, by a function
registered with ``@reference(name, tolerance, unit)`` (a number) or
``@choice(name, options, note)`` (one of the readings an exercise states); the docstring's
first line is the exercise in one line. Tolerances are absolute, in the exercise's unit.
The exercise texts live in the notebooks (cells tagged ``exercise``); the numbers they ask
for are fixed in the question (dates, series, lags), not read from a notebook's parameters.

``python -m helpers.answers FILE`` writes the instructors' answer key (Markdown) to FILE.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from helpers import costs, farm, models, soy, tariffs, teach, trade
from helpers.data import load, soybean_imports


class Reference(NamedTuple):
    """How one exercise is checked: the function computing the answer from the data, the
    accepted absolute distance from it (0 for a choice), the answer's unit, and for a
    choice the stated readings and the model answer's note."""

    function: Callable[[], float | str]
    tolerance: float
    unit: str
    options: dict[str, str] | None = None
    note: str = ""

    @property
    def description(self) -> str:
        return (self.function.__doc__ or "").strip().splitlines()[0]

    def seal(self, name: str) -> teach.Key:
        """The exercise's check without its answer (a fresh salt each call)."""
        return teach.seal(name, self.function(), self.tolerance, self.unit, self.options)


REFERENCES: dict[str, Reference] = {}


def reference(name: str, tolerance: float, unit: str):
    """Register the decorated function as the numeric reference answer of exercise ``name``."""
    def register(function: Callable[[], float]) -> Callable[[], float]:
        REFERENCES[name] = Reference(function, tolerance, unit)
        return function
    return register


def choice(name: str, options: dict[str, str], note: str):
    """Register the decorated function, which returns one key of ``options`` computed from
    the data, as the reading exercise ``name`` asks for; ``note`` is the model answer's
    explanation for instructors."""
    def register(function: Callable[[], str]) -> Callable[[], str]:
        REFERENCES[name] = Reference(function, 0.0, "one of " + ", ".join(
            f'"{key}"' for key in options), dict(options), note)
        return function
    return register


def sealed_keys() -> dict[str, teach.Key]:
    """Every exercise's salted check, as the student edition ships them."""
    return {name: ref.seal(name) for name, ref in sorted(REFERENCES.items())}


def decimals(tolerance: float) -> int:
    """Decimals the answer key prints: one beyond the tolerance's (0.1 -> 2, 0.05 -> 3,
    1.0 -> 1)."""
    return max(0, -math.floor(math.log10(tolerance))) + 1 if tolerance else 0


def printed(name: str) -> str:
    """Exercise ``name``'s reference answer as the answer key prints it."""
    ref = REFERENCES[name]
    value = ref.function()
    if ref.options is not None:
        return f'"{value}": {ref.options[value]}'
    return f"{value:.{decimals(ref.tolerance)}f} {ref.unit}"


# --- 01 tariff timeline -------------------------------------------------------------------

def _soy_path(basis: str = "waiver") -> pd.Series:
    return tariffs.soybean_tariff_path(load("tariff_events"), "2018-01-01", basis=basis)


@reference("01_peak_days", 0.5, "days")
def _peak_days() -> float:
    """Days China's tariff on US soybeans (waiver basis) stood at its peak rate."""
    path = _soy_path()
    return float((path == path.max()).sum())


@reference("01_mean_2025", 0.1, "%")
def _mean_2025() -> float:
    """Day-weighted average of China's tariff on US soybeans in 2025 (waiver basis)."""
    return float(_soy_path().loc["2025"].mean())


@reference("01_stack_list3", 0.1, "%")
def _stack_list3() -> float:
    """Additional US duty on a List 3 good from China on 2025-04-12: Section 301 + IEEPA."""
    rates = tariffs.in_force_on(load("tariff_events"), "2025-04-12")
    return rates["Section 301 List 3"] + rates["IEEPA stack"]


@reference("01_waiver_gap_2020_21", 0.1, "percentage points")
def _waiver_gap() -> float:
    """Average of statutory minus waiver soybean tariff over 2020-2021, day-weighted."""
    gap = _soy_path("statutory") - _soy_path("waiver")
    return float(gap.loc["2020":"2021"].mean())


# --- 02 decoupling ------------------------------------------------------------------------

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


# --- 03 soybean collapse ------------------------------------------------------------------

def _soy_values() -> pd.DataFrame:
    """China's monthly import values by origin with the stated zeros written in."""
    stated = soy.stated_zeros(load("stated_zero_trade"), soybean_imports("quantity_kg", "month"))
    return soy.with_stated_zeros(soybean_imports("value_usd", "month"), stated)


def _us_share_frame() -> pd.DataFrame:
    """The notebook's regression frame: US value share (percent), tariff, trend, month."""
    values = _soy_values().loc["2017-01-01":"2025-10-01"]
    return soy.share_frame(soy.shares(values), tariffs.to_monthly(tariffs.soybean_tariff_path(
        load("tariff_events"), "2017-01-01", "2025-10-01")))


@reference("03_my_share_change", 0.1, "percentage points")
def _my_share_change() -> float:
    """US share of China's import value, MY 2023/24 minus MY 2017/18."""
    my = soy.by_marketing_year(_soy_values())
    share = 100 * my["United States"] / my["World"]
    return float(share["my_2023_24"] - share["my_2017_18"])


@reference("03_value_share_drop_2018", 0.1, "percentage points")
def _value_share_drop() -> float:
    """Change of the US value share, 2017 to 2018, over months with a US value (a customs
    row or a stated zero)."""
    values = _soy_values()[["United States", "World"]].dropna()
    by_year = values.groupby(values.index.year).sum()
    share = 100 * by_year["United States"] / by_year["World"]
    return float(share[2018] - share[2017])


@choice("03_value_quantity_reading", {
    "value": "the drop by value is larger, by more than 2 points",
    "quantity": "the drop by quantity is larger, by more than 2 points",
    "same": "the two drops are within 2 points of each other"},
    note="The published quantity shares are rounded to whole points, so a difference of up to "
         "about a point is rounding. A larger drop by value than by quantity means the US "
         "beans China still bought were cheaper per tonne than the average origin's (and "
         "the reverse): value shares move with relative prices as well as tonnes.")
def _value_quantity_reading() -> str:
    """Whether the 2017-to-2018 drop of the US share is larger by value or by quantity."""
    quantity = 100 * soybean_imports("share_of_china_total", "year")["United States"]
    by_quantity = float(quantity.loc["2018-01-01"] - quantity.loc["2017-01-01"])
    by_value = _value_share_drop()
    if abs(by_value - by_quantity) <= 2:
        return "same"
    return "value" if by_value < by_quantity else "quantity"


def _unit_value_ratio_change() -> float:
    """Percent change 2017 to 2019 of the US / Brazil ratio of China's CIF unit values."""
    quantity = soybean_imports("quantity_kg", "year")
    value = soy.calendar_year_sums(soybean_imports("value_usd", "month"))
    ratio = {year: (value.loc[f"{year}-01-01", "United States"] / quantity.loc[f"{year}-01-01",
                                                                              "United States"])
             / (value.loc[f"{year}-01-01", "Brazil"] / quantity.loc[f"{year}-01-01", "Brazil"])
             for year in (2017, 2019)}
    return float(100 * (ratio[2019] / ratio[2017] - 1))


@reference("03_uv_ratio_change_2019", 0.1, "%")
def _uv_ratio_change() -> float:
    """Change of the US / Brazil ratio of China's CIF soybean unit values, 2017 to 2019."""
    return _unit_value_ratio_change()


@choice("03_incidence_reading", {
    "a": "the US price fell against Brazil's by 20% or more: US sellers bore the tariff",
    "b": "the US price fell against Brazil's by less than 20%: the tariff was shared",
    "c": "the US price did not fall against Brazil's: Chinese buyers bore the tariff"},
    note="China's customs values are before its tariff. If Chinese buyers paid the whole "
         "25-point tariff of July 2018, the US pre-tariff price would not move against "
         "Brazil's; if US sellers bore it all, it would fall to 1/1.25 = 80% of its old ratio "
         "(further after the September 2019 step). Caveats: unit values mix "
         "qualities and the two origins' shipping seasons, CIF includes freight, and in 2019 "
         "cargoes entering under tariff exclusions paid no tariff, so the observed fall "
         "understates what the full tariff alone would have done.")
def _incidence_reading() -> str:
    """Who bore China's soybean tariff, read from the 2017-to-2019 unit-value ratio."""
    change = _unit_value_ratio_change()
    return "a" if change <= -20 else "b" if change < 0 else "c"


@reference("03_ldv_long_run", 0.01, "points per percentage point")
def _ldv_long_run() -> float:
    """Long-run tariff effect on the US share with a lagged share: beta / (1 - rho)."""
    frame = _us_share_frame()
    frame["us_share_lag"] = frame["us_share"].shift(1)
    params = models.fit_hac("us_share ~ tariff + us_share_lag + trend + C(month)", frame).params
    return float(params["tariff"] / (1 - params["us_share_lag"]))


# --- 04 input costs -----------------------------------------------------------------------

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


# --- 05 outlook ---------------------------------------------------------------------------

def _sales() -> pd.DataFrame:
    return load("us_soybean_export_sales")


@reference("05_outstanding_2526", 0.05, "Mt")
def _outstanding() -> float:
    """Outstanding 2025/26 US soybean sales to China in the last ESR week, Mt."""
    sales = _sales()
    return float(soy.sales_position(sales, sales["date"].max(), "2025/26")
                 ["outstanding_sales_kmt"] / 1000)


@reference("05_shipped_share_2526", 0.1, "%")
def _shipped_share() -> float:
    """Share of 2025/26 commitments to China already shipped in the last ESR week."""
    sales = _sales()
    pos = soy.sales_position(sales, sales["date"].max(), "2025/26")
    return float(100 * pos["accumulated_exports_kmt"] / pos["total_commitments_kmt"])


@reference("05_sales_nov_dec_2025", 0.05, "Mt")
def _sales_nov_dec() -> float:
    """New net sales to China in ESR weeks ending 2025-11-01..2025-12-31, Mt."""
    return soy.sales_made(_sales(), "2025-11-01", "2025-12-31") / 1000


@reference("05_basis_gap_2425", 0.05, "Mt")
def _basis_gap() -> float:
    """MY 2024/25: China's arrivals from the US minus US ESR accumulated exports, Mt."""
    arrivals = soybean_imports("quantity_kg", "month").loc["2024-09-01":"2025-08-01",
                                                            "United States"]
    if arrivals.count() < 12:
        raise ValueError("China's monthly arrivals do not cover all of MY 2024/25")
    shipped = soy.sales_position(_sales(), "2025-08-31", "2024/25")["accumulated_exports_kmt"]
    return float(soy.kg_to_million_tonnes(arrivals.sum()) - shipped / 1000)


# --- 06 farm income -----------------------------------------------------------------------

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


# --- the answer key -----------------------------------------------------------------------

def answer_key() -> str:
    """The instructors' answer key in Markdown: every exercise by notebook, its question in
    one line, the reference answer (computed now from the loaded data), what the check
    accepts, and for a reading the model answer's note."""
    lines = ["# Answer key (instructors only)", "",
             "Generated by `python -m helpers.answers docs/answer-key.md` from the kit's data; "
             "regenerate it after a data refresh. It is not part of the student edition. The "
             "worked solutions are the notebooks' solution cells (collapsed under "
             "\"Solution\" in the instructor briefs).", ""]
    by_notebook: dict[str, list[str]] = {}
    for name, ref in sorted(REFERENCES.items()):
        accepted = "the reading" if ref.options is not None else f"±{ref.tolerance:g}"
        by_notebook.setdefault(name[:2], []).append(
            f"| `{name}` | {ref.description} | {printed(name)} | {accepted} | {ref.note} |")
    for notebook, rows in by_notebook.items():
        lines += [f"## Notebook {notebook}", "",
                  "| exercise | question | answer | accepted | why (readings) |",
                  "|---|---|---|---|---|", *rows, ""]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """``python -m helpers.answers FILE``: write the answer key to FILE."""
    if len(argv) != 1:
        print("usage: python -m helpers.answers FILE", file=sys.stderr)
        return 2
    Path(argv[0]).write_text(answer_key(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
