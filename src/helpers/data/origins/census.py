"""US soybean exports (HS 1201) from the Census international trade API (JSON).

The API answers a JSON array whose first row is the header. Since 2026-05-12 every request
needs a key, read from ``CENSUS_API_KEY`` and never written to files, logs or messages.
Without a valid key the API does not answer with an error status: it redirects (302) to an
HTML "missing key" or "invalid key" page that itself answers 200, or answers 200 with that
page and an ``X-DataWebAPI-KeyError`` header. Redirects are not followed; each of these is
reported as a key problem. ``TRADEWATCH_CENSUS_URL`` replaces the endpoint (tests).
"""

from __future__ import annotations

import pandas as pd

from helpers import settings
from helpers.data.errors import DataError
from helpers.data.origins import http
from helpers.data.origins.secrets import KEY_VARS, key

CENSUS_EXPORTS_HS_URL = "https://api.census.gov/data/timeseries/intltrade/exports/hs"
CHINA_CTY_CODE = "5700"
WORLD_CTY_NAME = "TOTAL FOR ALL COUNTRIES"
FIELDS = ["CTY_CODE", "CTY_NAME", "ALL_VAL_MO", "QTY_1_MO", "UNIT_QY1"]
KEY_HINT = f"set CENSUS_API_KEY ({KEY_VARS['CENSUS_API_KEY']})"


def endpoint() -> str:
    return settings.url("TRADEWATCH_CENSUS_URL", CENSUS_EXPORTS_HS_URL)


def _key_problem(answer: http.Answer) -> str | None:
    """Why the answer is a missing/invalid-key page rather than data, or None."""
    if answer.headers.get("X-DataWebAPI-KeyError"):
        return f"the API reports a key error ({answer.headers['X-DataWebAPI-KeyError'][:80]})"
    if 300 <= answer.status < 400:
        target = answer.headers.get("Location", "")
        return f"the API redirected (HTTP {answer.status}) to {target or 'another page'}"
    page = answer.text[:4000].lower()
    if "<html" in page or "<div" in page:
        for phrase in ("missing key", "invalid key", "key_signup", "valid key"):
            if phrase in page:
                return f"the API answered an HTML page about its key ({phrase!r})"
    return None


def fetch_soybean_exports(dataset_id: str, start: str = "2013-01") -> pd.DataFrame:
    """Monthly HS 1201 exports to China and to all countries: date, destination, value, tonnes."""
    url = endpoint()
    api_key = key("CENSUS_API_KEY")
    params = {"get": ",".join(FIELDS), "E_COMMODITY": "1201", "COMM_LVL": "HS4",
              "time": f"from {start}"}
    if api_key:
        params["key"] = api_key
    answer = http.get(dataset_id, url, params=params, what="Census API request")
    problem = _key_problem(answer)
    if problem:
        state = "the key in CENSUS_API_KEY was refused" if api_key else "no API key was sent"
        raise DataError(dataset_id, url, f"{problem}: {state}; {KEY_HINT}")
    if answer.status == 204:
        raise DataError(dataset_id, url, "Census API returned no rows (HTTP 204)")
    if answer.status != 200:
        raise DataError(dataset_id, url, f"Census API answered HTTP {answer.status}: "
                        f"{answer.text[:200].strip()}")
    table = http.json_body(dataset_id, answer.body, url)
    if not (isinstance(table, list) and len(table) > 1
            and all(isinstance(r, list) and len(r) == len(table[0]) for r in table)):
        raise DataError(dataset_id, url, "response is not a Census table (header row + rows "
                        "of equal length)")
    df = pd.DataFrame(table[1:], columns=table[0])
    missing = [c for c in [*FIELDS, "time"] if c not in df.columns]
    if missing:
        raise DataError(dataset_id, url, f"response lacks columns {missing}")
    not_text = [c for c in [*FIELDS, "time"]
                if not df[c].map(lambda v: v is None or isinstance(v, str)).all()]
    if not_text:
        raise DataError(dataset_id, url, f"column(s) {not_text} hold non-text cells; the API "
                        "sends every cell as a string (or null)")
    df[["CTY_CODE", "CTY_NAME", "UNIT_QY1"]] = df[["CTY_CODE", "CTY_NAME", "UNIT_QY1"]].fillna("")
    china = df[df["CTY_CODE"] == CHINA_CTY_CODE].assign(destination="China")
    world = df[df["CTY_NAME"].str.strip() == WORLD_CTY_NAME].assign(destination="World")
    out = pd.concat([china, world], ignore_index=True)
    if out.empty:
        raise DataError(dataset_id, url, "no rows for China (5700) or the all-countries total")
    units = set(out["UNIT_QY1"].str.strip()) - {""}
    if units - {"T"}:
        raise DataError(dataset_id, url, f"quantity unit {sorted(units)} is not metric tons (T)")
    return pd.DataFrame({
        "date": out["time"] + "-01",
        "destination": out["destination"],
        "value_usd": out["ALL_VAL_MO"],
        "quantity_t": out["QTY_1_MO"],
    }).sort_values(["destination", "date"], ignore_index=True)
