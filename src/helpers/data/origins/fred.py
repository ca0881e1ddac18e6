"""FRED series through pandas-datareader's reader, fetched by the kit's bounded client.

pandas-datareader's public ``FredReader`` parses FRED's CSV (``observation_date,<ID>`` then
one row per date) but skips its header line, so an answer for another series would pass
unnoticed. It is given, through its public ``session`` argument, a session that fetches with
``origins.http`` (deadline, size cap) and, before parsing, checks that the header names the
series asked for and that the body ends with a line break (FRED ends every line with one: a
body without it was cut inside its last row). No private method is overridden.
``TRADEWATCH_FRED_URL`` replaces FRED's CSV endpoint (tests use a local server).
"""

from __future__ import annotations

import io
import logging
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import requests
from pandas_datareader.fred import FredReader

from helpers import settings
from helpers.data.errors import DataError
from helpers.data.origins import http
from helpers.data.origins.secrets import log_traceback

log = logging.getLogger(__name__)

FRED_CSV_URL = "https://fred.stlouisfed.org/graph/fredgraph.csv"


class _CheckedSession(requests.Session):
    """What pandas-datareader's public ``session`` argument takes, so the kit's bounded client
    does the fetching: ``get`` asks ``origins.http`` (deadline, size cap, retries) for the
    series at the configured endpoint, checks the answer, and hands it back as a
    ``requests.Response`` for pandas-datareader to parse."""

    def __init__(self, dataset_id: str, base_url: str):
        super().__init__()
        self.dataset_id, self.base_url = dataset_id, base_url

    def get(self, url, params=None, **kwargs):  # kwargs: pandas-datareader's headers, timeout
        sid = parse_qs(urlsplit(url).query).get("id", [""])[0]
        where = f"{self.base_url}?id={sid}"
        answer = http.get(self.dataset_id, where, params=params, what=f"FRED {sid}")
        if answer.status != 200:
            raise DataError(self.dataset_id, where, f"FRED answered HTTP {answer.status}: "
                            f"{answer.text[:120].strip()!r}")
        text = answer.text
        header = text.split("\n", 1)[0].strip().split(",")
        if len(header) != 2 or header[0] not in ("observation_date", "DATE"):
            raise DataError(self.dataset_id, where, "response is not a FRED CSV "
                            "(header 'observation_date,<ID>' expected); an HTML page?")
        if header[1] != sid:
            raise DataError(self.dataset_id, where,
                            f"the answer is series {header[1]!r}, not the {sid!r} asked for")
        if not text.endswith("\n"):
            raise DataError(self.dataset_id, where, "the body does not end with a line break: "
                            "cut off inside its last row")
        response = requests.Response()
        response.status_code, response.url, response.encoding = answer.status, where, "utf-8"
        response.headers.update(answer.headers)
        response.raw = io.BytesIO(answer.body)
        return response


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
            frame = FredReader(sid, start="1900-01-01", retry_count=0,
                               session=_CheckedSession(dataset_id, url)).read()
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
