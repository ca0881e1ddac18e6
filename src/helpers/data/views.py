"""Wide views of long tables: one column per partner, indexed by period."""

from __future__ import annotations

import pandas as pd

from helpers.data.datasets.china_soybean_imports import MEASURES, SPEC, WORLD
from helpers.data.errors import DataError
from helpers.data.loader import load


def soybean_imports(measure: str = "value_usd", freq: str = "month",
                    partners: tuple[str, ...] = ("United States", "Brazil", "Argentina", WORLD),
                    ) -> pd.DataFrame:
    """China's soybean imports as a wide table: one column per partner, indexed by period.

    ``measure``: ``value_usd`` (GACC, monthly 2017-01..2025-10), ``quantity_kg`` or
    ``share_of_china_total`` (TDM: US and Brazil, by month and by year as published).
    Partners the measure does not cover are left out; a missing month stays NaN. Values
    are monthly only: annual sums are arithmetic, ``helpers.soy.calendar_year_sums``.
    """
    long = load(SPEC.id)
    if measure not in MEASURES:
        raise DataError(SPEC.id, "soybean_imports()", f"unknown measure {measure!r}",
                        f"Use one of {sorted(MEASURES)}")
    if freq not in ("month", "year"):
        raise DataError(SPEC.id, "soybean_imports()", f"unknown freq {freq!r}",
                        "Use 'month' or 'year'")
    if measure == "value_usd" and freq == "year":
        raise DataError(SPEC.id, "soybean_imports()", "customs values are published by month",
                        "Add them up with helpers.soy.calendar_year_sums(soybean_imports("
                        "'value_usd', 'month'))")
    sel = long[(long["measure"] == measure) & (long["freq"] == freq)]
    wide = sel.pivot(index="period", columns="partner", values="value")
    if len(wide):
        full = pd.date_range(wide.index.min(), wide.index.max(),
                             freq="MS" if freq == "month" else "YS")
        wide = wide.reindex(full)
        wide.index.name = "period"
    wide = wide[[p for p in partners if p in wide.columns]]
    wide.columns.name = None
    wide.attrs = {"measure": measure, "freq": freq, "provenance": long.attrs["provenance"]}
    return wide
