"""FRED series through pandas-datareader's reader, fetched by the kit's bounded client.

pandas-datareader parses FRED's CSV (``observation_date,<ID>`` then one row per date) but
skips its header line, so an answer for another series would pass unnoticed. The reader
here fetches through ``origins.http`` (deadline, size cap) and, before parsing, checks that
the header names the series asked for and that the body ends with a line break (FRED ends
every line with one: a body without it was cut inside its last row).
``TRADEWATCH_FRED_URL`` replaces FRED's CSV endpoint (tests use a local server).
"""

from __future__ import annotations

import io
import logging
import os

import pandas as pd
from pandas_datareader.fred import FredReader

from helpers import settings
from helpers.data.errors import DataError
from helpers.data.origins import http
from helpers.data.origins.secrets import log_traceback

log = logging.getLogger(__name__)

FRED_CSV_URL = "https://fred.stlouisfed.org/graph/fredgraph.csv"


class _FredReader(FredReader):
    """pandas-datareader's FRED reader with a configurable endpoint and checked answers."""

    def __init__(self, symbols, base_url: str, dataset_id: str, **kwargs):
        super().__init__(symbols, **kwargs)
        self._base_url, self._dataset_id = base_url, dataset_id

    @property
    def url(self) -> str:
        return self._base_url

    def _read_url_as_StringIO(self, url, params=None):  # noqa: N802 (pandas-datareader's name)
        sid = self.symbols
        answer = http.get(self._dataset_id, url, params=params, what=f"FRED {sid}")
        if answer.status != 200:
            raise DataError(self._dataset_id, url, f"FRED answered HTTP {answer.status}: "
                            f"{answer.text[:120].strip()!r}")
        text = answer.text
        header = text.split("\n", 1)[0].strip().split(",")
        if len(header) != 2 or header[0] not in ("observation_date", "DATE"):
            raise DataError(self._dataset_id, url, "response is not a FRED CSV "
                            "(header 'observation_date,<ID>' expected); an HTML page?")
        if header[1] != sid:
            raise DataError(self._dataset_id, url,
                            f"the answer is series {header[1]!r}, not the {sid!r} asked for")
        if not text.endswith("\n"):
            raise DataError(self._dataset_id, url, "the body does not end with a line break: "
                            "cut off inside its last row")
        return io.StringIO(text)


def endpoint() -> str:
    return settings.url("TRADEWATCH_FRED_URL", FRED_CSV_URL)


def fetch(dataset_id: str, series_ids: list[str]) -> dict[str, pd.Series]:
    """Each series as a float Series indexed by date, trimmed of leading/trailing blanks.

    Raises DataError when the origin fails or sends something that is not the FRED CSV of
    that series (an HTML error page, another series, a cut-off body, non-numeric values).
    """
    url = endpoint()
    out = {}
    for sid in series_ids:
        where = f"{url}?id={sid}"
        try:
            frame = _FredReader(sid, url, dataset_id, start="1900-01-01").read()
        except DataError:
            raise
        except (ValueError, TypeError, IndexError, KeyError, OSError) as exc:
            log_traceback(log, f"FRED CSV for {sid} could not be read")
            raise DataError(dataset_id, where, f"FRED CSV could not be read: "
                            f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
                            ) from None
        if not isinstance(frame.index, pd.DatetimeIndex) or sid not in frame:
            raise DataError(dataset_id, where, "response is not a FRED CSV (dates in the first "
                            "column expected)")
        values = pd.to_numeric(frame[sid], errors="coerce")
        bad = frame[sid][values.isna() & frame[sid].notna()]
        if len(bad):
            raise DataError(dataset_id, where,
                            f"non-numeric value {bad.iloc[0]!r} at {bad.index[0].date()}")
        valid = values.dropna()
        if valid.empty:
            raise DataError(dataset_id, where, "FRED returned no observations")
        out[sid] = values.loc[valid.index[0]:valid.index[-1]]
    return out
