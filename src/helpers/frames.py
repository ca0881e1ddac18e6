"""Frame builders: the table each analysis starts from, assembled once here from the kit's
data and used alike by its notebook, its exercises (``helpers.answers``) and the tests."""

from __future__ import annotations

import pandas as pd

from helpers import soy, tariffs, trade
from helpers.data import load, soybean_imports

# Notebook 02's fit-window rule: both 12-month sums back at their level of this year.
PEAK_YEAR = 2008


def soybean_import_values(partners: tuple[str, ...] | None = None) -> pd.DataFrame:
    """China's monthly soybean import values by origin (USD, CIF; ``soybean_imports``, its
    default partners unless ``partners`` names them, World included), with
    the zeros cited sources state written into months that have no customs cell
    (``soy.stated_zeros``: the ``stated_zero_trade`` statements and TDM's zero quantities).
    Other months without a cell stay missing."""
    stated = soy.stated_zeros(load("stated_zero_trade"), soybean_imports("quantity_kg", "month"))
    values = soybean_imports("value_usd", "month", *([partners] if partners else []))
    return soy.with_stated_zeros(values, stated)


def tariff_share_frame(start, end, basis: str = "waiver") -> pd.DataFrame:
    """Notebook 03's tariff-share regression frame for the months ``start``..``end``:
    ``soy.share_frame`` of the US and Brazil value shares (``soybean_import_values``) and
    China's soybean tariff on ``basis`` ('waiver' or 'statutory'; monthly mean of its daily
    path from the event table)."""
    values = soybean_import_values().loc[start:end]
    path = tariffs.soybean_tariff_path(load("tariff_events"), start, end, basis=basis)
    return soy.share_frame(soy.shares(values), tariffs.to_monthly(path))


def goods_trade(window_end) -> pd.DataFrame:
    """Notebook 02's monthly US-China goods trade (``us_china_goods_trade``, USD millions),
    indexed by month, to ``window_end``."""
    return load("us_china_goods_trade").set_index("date").loc[:window_end]


def rolling_goods_trade(goods: pd.DataFrame) -> pd.DataFrame:
    """Notebook 02's first chart: 12-month rolling sums (USD billions, 12 months to date) of
    imports from China, exports to China and the balance, from ``goods_trade``'s frame."""
    exports, imports = goods["exports_usd_mn"], goods["imports_usd_mn"]
    return pd.DataFrame({"imports from China": trade.rolling_12m(imports) / 1000,
                         "exports to China": trade.rolling_12m(exports) / 1000,
                         "balance": trade.rolling_12m(trade.balance(exports, imports)) / 1000})


def fit_window_start(goods: pd.DataFrame) -> pd.Timestamp:
    """Notebook 02's fit-window rule: the first month in which the 12-month sums of both
    imports and exports are back at their ``PEAK_YEAR`` peak, so the 2008-09 collapse and
    rebound do not tilt the fitted trend (``trade.back_at_peak``)."""
    return max(trade.back_at_peak(goods[c], f"{PEAK_YEAR}-01-01", f"{PEAK_YEAR}-12-01")
               for c in ("imports_usd_mn", "exports_usd_mn"))
