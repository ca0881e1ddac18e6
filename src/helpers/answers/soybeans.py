"""Reference answers of notebook 03 soybean collapse."""

from __future__ import annotations

from helpers import frames, models, soy
from helpers.answers import choice, reference
from helpers.data import soybean_imports


@reference("03_my_share_change", 0.1, "percentage points")
def _my_share_change() -> float:
    """US share of China's import value, MY 2023/24 minus MY 2017/18."""
    my = soy.by_marketing_year(frames.soybean_import_values())
    share = 100 * my["United States"] / my["World"]
    return float(share["my_2023_24"] - share["my_2017_18"])


@reference("03_value_share_drop_2018", 0.1, "percentage points")
def _value_share_drop() -> float:
    """Change of the US value share, 2017 to 2018, over months with a US value (a customs
    row or a stated zero)."""
    values = frames.soybean_import_values()[["United States", "World"]].dropna()
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
    frame = frames.tariff_share_frame("2017-01-01", "2025-10-01")
    frame["us_share_lag"] = frame["us_share"].shift(1)
    params = models.fit_hac("us_share ~ tariff + us_share_lag + trend + C(month)", frame).params
    return float(params["tariff"] / (1 - params["us_share_lag"]))
