"""Shared steps of the datasets' live pulls: FRED series by the ids a dataset declares,
turned into the long table layout of the snapshot files. Clients are imported when a pull
runs, so declaring a pull costs nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from helpers.data.registry import DatasetSpec, Series


def fred(spec: DatasetSpec, ids: list[str] | None = None) -> tuple[dict[str, pd.Series], list[str]]:
    """The dataset's FRED series (default: every series it declares) and their addresses."""
    from helpers.data.origins import fred as client

    values = client.fetch(spec.id, list(ids or spec.series_ids))
    return values, [f"{client.endpoint()}?id={sid}" for sid in values]


def long_frame(values: dict[str, pd.Series], value_column: str = "value",
               **columns: dict[str, str]) -> pd.DataFrame:
    """One row per series and date: date (YYYY-MM-DD), series_id, the value and, per
    series, the text of each extra column (``columns[name][series_id]``)."""
    return pd.concat([pd.DataFrame({"date": s.index.strftime("%Y-%m-%d"), "series_id": sid,
                                    value_column: s.values,
                                    **{name: per[sid] for name, per in columns.items()}})
                      for sid, s in values.items()], ignore_index=True)


def series_columns(series: tuple[Series, ...], *attributes: str) -> dict[str, dict[str, str]]:
    """``{"unit": {series_id: unit, ...}, ...}`` from declared series (``series_name``: name)."""
    names = {"series_name": "name"}
    return {a: {s.id: getattr(s, names.get(a, a)) for s in series} for a in attributes}
