"""US soybean exports (HS 1201) from the Census international trade API (JSON).

The API answers a JSON array whose first row is the header. An API key is optional; it is
read from ``CENSUS_API_KEY`` and never written to files, logs or error messages.
``TRADEWATCH_CENSUS_URL`` replaces the endpoint (tests use a local server).
"""

from __future__ import annotations

import json
import os

import pandas as pd
import requests

from helpers.data.errors import DataError
from helpers.data.origins import http_timeout

CENSUS_EXPORTS_HS_URL = "https://api.census.gov/data/timeseries/intltrade/exports/hs"
CHINA_CTY_CODE = "5700"
WORLD_CTY_NAME = "TOTAL FOR ALL COUNTRIES"
FIELDS = ["CTY_CODE", "CTY_NAME", "ALL_VAL_MO", "QTY_1_MO", "UNIT_QY1"]


def endpoint() -> str:
    return os.environ.get("TRADEWATCH_CENSUS_URL", CENSUS_EXPORTS_HS_URL)


def _scrub(text: str, key: str | None) -> str:
    return text.replace(key, "***") if key else text


def fetch_soybean_exports(dataset_id: str, start: str = "2013-01", *,
                          timeout: float | None = None) -> pd.DataFrame:
    """Monthly HS 1201 exports to China and to all countries: date, destination, value, tonnes."""
    url = endpoint()
    key = os.environ.get("CENSUS_API_KEY") or None
    params = {"get": ",".join(FIELDS), "E_COMMODITY": "1201", "COMM_LVL": "HS4",
              "time": f"from {start}"}
    if key:
        params["key"] = key
    try:
        resp = requests.get(url, params=params, timeout=timeout or http_timeout())
    except requests.RequestException as exc:
        raise DataError(dataset_id, url,
                        f"Census API request failed: {_scrub(type(exc).__name__, key)}") from None
    if resp.status_code == 204:
        raise DataError(dataset_id, url, "Census API returned no rows (HTTP 204)")
    if resp.status_code != 200:
        snippet = _scrub(resp.text[:200].strip(), key)
        raise DataError(dataset_id, url, f"Census API answered HTTP {resp.status_code}: {snippet}")
    try:
        table = json.loads(resp.text)
    except json.JSONDecodeError:
        raise DataError(dataset_id, url, "response is not JSON (an HTML page or a cut-off "
                        "body?)") from None
    if not (isinstance(table, list) and len(table) > 1 and isinstance(table[0], list)):
        raise DataError(dataset_id, url, "response is not a Census table (header row + rows)")
    df = pd.DataFrame(table[1:], columns=table[0])
    missing = [c for c in [*FIELDS, "time"] if c not in df.columns]
    if missing:
        raise DataError(dataset_id, url, f"response lacks columns {missing}")
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
