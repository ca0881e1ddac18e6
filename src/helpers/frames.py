"""Frame builders: the table each analysis starts from, assembled once here from the kit's
data and used alike by its notebook, its exercises (``helpers.answers``) and the tests."""

from __future__ import annotations

import pandas as pd

from helpers import soy, tariffs
from helpers.data import load, soybean_imports


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
