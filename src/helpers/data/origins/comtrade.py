"""China's soybean imports (HS 1201) by partner, monthly, from the UN Comtrade API (JSON).

The address is the one the official ``comtradeapicall`` package calls:
``/data/v1/get/C/M/HS`` with a subscription key, else the keyless preview
``/public/v1/preview/C/M/HS`` (at most 500 records per call, so one call per year). The
package itself is not used: its addresses are fixed (no local test server), it waits up to
120 s per call with no total deadline or size cap, and on an error it prints the answer,
which can echo the key. The key is read from ``COMTRADE_API_KEY`` and sent in the
``Ocp-Apim-Subscription-Key`` header, never in the address.

The answer is ``{"count": n, "data": [...], "error": ...}``; each record has ``period``
(``YYYYMM``), ``reporterCode`` (156 = China), ``flowCode`` (``M``), ``partnerCode``
(0 = World), ``partnerDesc``, ``cmdCode``, ``customsCode``/``motCode``/``partner2Code``
(totals: ``C00``/0/0), ``primaryValue`` (US dollars; China reports imports CIF) and
``netWgt`` (kilograms). Rows carry ``source = "UN Comtrade"``.
``TRADEWATCH_COMTRADE_URL`` replaces the API root (tests use a local server).
"""

from __future__ import annotations

import math

import pandas as pd

from helpers import settings
from helpers.data.errors import DataError
from helpers.data.origins import http
from helpers.data.origins.secrets import KEY_VARS, key

COMTRADE_ROOT = "https://comtradeapi.un.org"
CHINA = 156
SOYBEANS = "1201"
SOURCE = "UN Comtrade"
# Comtrade partner codes -> the partner names the kit's table uses.
PARTNERS = {0: "World", 842: "United States", 76: "Brazil", 32: "Argentina", 124: "Canada",
            643: "Russia", 858: "Uruguay", 600: "Paraguay", 804: "Ukraine", 204: "Benin",
            231: "Ethiopia", 834: "Tanzania"}
FIELDS = ("period", "reporterCode", "flowCode", "partnerCode", "cmdCode", "primaryValue",
          "netWgt")


def root() -> str:
    return settings.url("TRADEWATCH_COMTRADE_URL", COMTRADE_ROOT).rstrip("/")


def data_url(keyed: bool) -> str:
    return f"{root()}/{'data/v1/get' if keyed else 'public/v1/preview'}/C/M/HS"


def _number(value, what: str, i: int, dataset_id: str, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise DataError(dataset_id, where, f"record {i + 1}: {what} {value!r} is not a number")
    return float(value)


def parse(dataset_id: str, body: bytes, where: str) -> pd.DataFrame:
    """Long rows (period, freq, partner, measure, value, source) from one Comtrade answer."""
    doc = http.json_body(dataset_id, body, where)
    if not isinstance(doc, dict) or not isinstance(doc.get("data"), list):
        raise DataError(dataset_id, where, "response has no 'data' list")
    if doc.get("error"):
        raise DataError(dataset_id, where, f"Comtrade reports an error: {str(doc['error'])[:200]}")
    rows = []
    for i, rec in enumerate(doc["data"]):
        missing = [f for f in FIELDS if not isinstance(rec, dict) or f not in rec]
        if missing:
            raise DataError(dataset_id, where, f"record {i + 1} lacks {missing}")
        if (rec["reporterCode"], rec["flowCode"], str(rec["cmdCode"])) != (CHINA, "M", SOYBEANS):
            raise DataError(dataset_id, where, f"record {i + 1} is reporter "
                            f"{rec['reporterCode']}, flow {rec['flowCode']}, commodity "
                            f"{rec['cmdCode']}: not China's imports of HS {SOYBEANS}")
        if (rec.get("customsCode", "C00"), rec.get("motCode", 0),
                rec.get("partner2Code", 0)) != ("C00", 0, 0):
            continue  # a breakdown by customs procedure or transport; the totals are kept
        partner = PARTNERS.get(rec["partnerCode"])
        if partner is None:
            continue
        period = str(rec["period"])
        if len(period) != 6 or not period.isdigit():
            raise DataError(dataset_id, where, f"record {i + 1}: period {period!r} is not YYYYMM")
        for measure, field in (("value_usd", "primaryValue"), ("quantity_kg", "netWgt")):
            value = _number(rec[field], field, i, dataset_id, where)
            if value is not None:
                rows.append({"period": f"{period[:4]}-{period[4:]}-01", "freq": "month",
                             "partner": partner, "measure": measure, "value": value,
                             "source": SOURCE})
    return pd.DataFrame(rows, columns=["period", "freq", "partner", "measure", "value", "source"])


def fetch(dataset_id: str, years: range) -> tuple[pd.DataFrame, list[str]]:
    """China's monthly HS 1201 imports from its main partners and the World, ``years``."""
    api_key = key("COMTRADE_API_KEY")
    url = data_url(keyed=api_key is not None)
    headers = {"Ocp-Apim-Subscription-Key": api_key} if api_key else None
    frames = []
    for year in years:
        params = {"reporterCode": CHINA, "period": ",".join(f"{year}{m:02d}" for m in range(1, 13)),
                  "cmdCode": SOYBEANS, "flowCode": "M",
                  "partnerCode": ",".join(str(c) for c in PARTNERS), "partner2Code": 0,
                  "customsCode": "C00", "motCode": 0}
        answer = http.get(dataset_id, url, params=params, headers=headers,
                          what=f"Comtrade {year}")
        if answer.status in (401, 403):
            raise DataError(dataset_id, url, f"Comtrade refused the request (HTTP "
                            f"{answer.status}); set COMTRADE_API_KEY "
                            f"({KEY_VARS['COMTRADE_API_KEY']})")
        if answer.status == 429:
            raise DataError(dataset_id, url, "Comtrade's rate limit was reached (HTTP 429); "
                            "try later or set COMTRADE_API_KEY")
        if answer.status != 200:
            raise DataError(dataset_id, url, f"Comtrade answered HTTP {answer.status}: "
                            f"{answer.text[:200].strip()}")
        frames.append(parse(dataset_id, answer.body, url))
    out = pd.concat(frames, ignore_index=True)
    if out.empty:
        raise DataError(dataset_id, url, f"no records for {years.start}..{years.stop - 1}")
    return out, [url]
