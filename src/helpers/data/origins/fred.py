"""FRED series through pandas-datareader's own reader.

``TRADEWATCH_FRED_URL`` replaces FRED's CSV endpoint (tests point it at a local server that
serves recorded responses); everything else is pandas-datareader's code path, retries included.
"""

from __future__ import annotations

import os

import pandas as pd
from pandas_datareader.fred import FredReader

from helpers.data.errors import DataError
from helpers.data.origins import http_timeout

FRED_CSV_URL = "https://fred.stlouisfed.org/graph/fredgraph.csv"


class _FredReader(FredReader):
    """pandas-datareader's FRED reader with a configurable endpoint."""

    def __init__(self, symbols, base_url: str, **kwargs):
        super().__init__(symbols, **kwargs)
        self._base_url = base_url

    @property
    def url(self) -> str:
        return self._base_url


def endpoint() -> str:
    return os.environ.get("TRADEWATCH_FRED_URL", FRED_CSV_URL)


def fetch(dataset_id: str, series_ids: list[str], *, timeout: float | None = None,
          retry_count: int = 2) -> dict[str, pd.Series]:
    """Each series as a float Series indexed by date, trimmed of leading/trailing blanks.

    Raises DataError when the origin fails or sends something that is not a FRED CSV
    (an HTML error page, a cut-off body, non-numeric values).
    """
    from pandas_datareader._utils import RemoteDataError

    url = endpoint()
    timeout = timeout or http_timeout()
    out = {}
    for sid in series_ids:
        reader = _FredReader(sid, url, start="1900-01-01", timeout=timeout,
                             retry_count=retry_count, pause=0.05)
        try:
            frame = reader.read()
        except (RemoteDataError, OSError, ValueError) as exc:
            raise DataError(dataset_id, f"{url}?id={sid}",
                            f"FRED request failed: {str(exc).splitlines()[0]}") from None
        if not isinstance(frame.index, pd.DatetimeIndex) or sid not in frame:
            raise DataError(dataset_id, f"{url}?id={sid}",
                            "response is not a FRED CSV (dates in the first column expected); "
                            "an HTML error page or a cut-off body?")
        values = pd.to_numeric(frame[sid], errors="coerce")
        bad = frame[sid][values.isna() & frame[sid].notna()]
        if len(bad):
            raise DataError(dataset_id, f"{url}?id={sid}",
                            f"non-numeric value {bad.iloc[0]!r} at {bad.index[0].date()}")
        valid = values.dropna()
        if valid.empty:
            raise DataError(dataset_id, f"{url}?id={sid}", "FRED returned no observations")
        out[sid] = values.loc[valid.index[0]:valid.index[-1]]
    return out
