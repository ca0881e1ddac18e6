"""USDA FAS weekly export sales (ESR) of US soybeans from the FAS OpenData API (JSON).

``/api/esr/exports/commodityCode/801/countryCode/5700/marketYear/{year}`` answers a JSON
list with one object per week for China; ``.../allCountries/marketYear/{year}`` one per
week and destination country. Fields used: ``weekEndingDate`` (``2026-07-23T00:00:00``),
``countryCode``, ``commodityCode``, ``unitId``, ``accumulatedExports``,
``outstandingSales``, ``currentMYNetSales``, ``currentMYTotalCommitment``,
``nextMYOutstandingSales``, ``nextMYNetSales``. Quantities are metric tons (``unitId`` 1);
the kit's table is in thousand metric tons, so every value is divided by 1000 here.

``marketYear`` names a marketing year by the calendar year in which it ends (2026 is
2025/26, 1 September 2025 - 31 August 2026). The next year's forward book is read from the
``nextMY*`` fields of the year before: from the first week ending on or after 1 April (as in
the kit's snapshot), as rows with accumulated exports 0, and it ends where the new year's
own rows begin. ESR reports the week spanning 1 September under both years (the old year's
last week, with ``nextMY*`` fields, and the new year's first), so a forward-book row on or
after the new year's first own week is dropped: the new year's own row is the record. The
all-destinations ('World') row of a week is the sum over every country in the answer.

The API key is read from ``FAS_API_KEY`` and sent in the ``X-Api-Key`` header only.
``TRADEWATCH_FAS_URL`` replaces the API root (tests use a local server).
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from helpers import settings
from helpers.data.errors import DataError
from helpers.data.origins import http
from helpers.data.origins.secrets import KEY_VARS, key

FAS_API_ROOT = "https://api.fas.usda.gov"
SOYBEANS = 801
CHINA = 5700
METRIC_TONS = 1
FIRST_MARKET_YEAR = 2025  # 2024/25, the first year of the kit's table
FORWARD_BOOK_FROM = (4, 1)  # month, day: first week of the next year's forward book
FIELDS = ("weekEndingDate", "countryCode", "commodityCode", "unitId", "accumulatedExports",
          "outstandingSales", "currentMYNetSales", "currentMYTotalCommitment",
          "nextMYOutstandingSales", "nextMYNetSales")
COLUMNS = ["date", "marketing_year", "destination", "total_commitments_kmt",
           "accumulated_exports_kmt", "outstanding_sales_kmt", "net_sales_kmt", "note"]
OWN, FORWARD = "own", "forward"  # a row from a year's own fields, or from the year before's


def root() -> str:
    return settings.url("TRADEWATCH_FAS_URL", FAS_API_ROOT).rstrip("/")


def exports_url(market_year: int, country: int | None = CHINA) -> str:
    """The ESR exports address for soybeans, one country or (None) all countries."""
    who = f"countryCode/{country}" if country is not None else "allCountries"
    return f"{root()}/api/esr/exports/commodityCode/{SOYBEANS}/{who}/marketYear/{market_year}"


def label(market_year: int) -> str:
    """ESR market year 2026 -> '2025/26'."""
    return f"{market_year - 1}/{market_year % 100:02d}"


def current_market_year(today: dt.date) -> int:
    return today.year + 1 if today.month >= 9 else today.year


def parse(dataset_id: str, body: bytes, where: str, market_year: int) -> pd.DataFrame:
    """One ESR answer as the kit's rows (thousand tons) for ``market_year`` (``book`` own) and
    its forward book (``book`` forward, to be ended by ``end_forward_books``); a DataError
    names the first record that is not an ESR soybean record in tons."""
    records = http.json_body(dataset_id, body, where)
    if not isinstance(records, list):
        raise DataError(dataset_id, where, "response is not a list of ESR weekly records")
    rows = []
    for i, rec in enumerate(records):
        missing = [f for f in FIELDS if not isinstance(rec, dict) or f not in rec]
        if missing:
            raise DataError(dataset_id, where, f"record {i + 1} lacks {missing}")
        if rec["commodityCode"] != SOYBEANS or rec["unitId"] != METRIC_TONS:
            raise DataError(dataset_id, where, f"record {i + 1} is commodity "
                            f"{rec['commodityCode']} in unit {rec['unitId']}, not soybeans "
                            f"({SOYBEANS}) in metric tons ({METRIC_TONS})")
        values = [rec[f] for f in FIELDS[4:]]
        bad = [v for v in values if isinstance(v, bool) or not isinstance(v, int | float)
               or not math.isfinite(v)]
        if bad:
            raise DataError(dataset_id, where, f"record {i + 1} has non-numeric quantity "
                            f"{bad[0]!r}")
        try:
            week = dt.date.fromisoformat(str(rec["weekEndingDate"])[:10])
        except ValueError:
            raise DataError(dataset_id, where, f"record {i + 1} has week ending "
                            f"{rec['weekEndingDate']!r}, not a date") from None
        rows.append({"date": week, "country": rec["countryCode"],
                     **{f: float(rec[f]) / 1000 for f in FIELDS[4:]}})
    df = pd.DataFrame(rows, columns=["date", "country", *FIELDS[4:]])
    twice = df.duplicated(["date", "country"])
    if twice.any():  # summing by week would count such a week twice
        first = df[twice].iloc[0]
        raise DataError(dataset_id, where, f"week ending {first['date']} is listed more than "
                        f"once for country {first['country']}")
    current = pd.DataFrame({
        "date": df["date"], "country": df["country"], "marketing_year": label(market_year),
        "total_commitments_kmt": df["currentMYTotalCommitment"],
        "accumulated_exports_kmt": df["accumulatedExports"],
        "outstanding_sales_kmt": df["outstandingSales"], "net_sales_kmt": df["currentMYNetSales"],
        "book": OWN,
    })
    starts = dt.date(market_year, *FORWARD_BOOK_FROM)
    ahead = df[df["date"] >= starts]
    forward = pd.DataFrame({
        "date": ahead["date"], "country": ahead["country"],
        "marketing_year": label(market_year + 1),
        "total_commitments_kmt": ahead["nextMYOutstandingSales"], "accumulated_exports_kmt": 0.0,
        "outstanding_sales_kmt": ahead["nextMYOutstandingSales"],
        "net_sales_kmt": ahead["nextMYNetSales"], "book": FORWARD,
    })
    return pd.concat([current, forward], ignore_index=True)


def end_forward_books(rows: pd.DataFrame) -> pd.DataFrame:
    """Drop each forward-book row dated on or after its marketing year's first own week
    (the week spanning 1 September is in both answers); a year with no own week yet keeps
    its whole forward book."""
    first_own = rows[rows["book"] == OWN].groupby("marketing_year")["date"].min()
    ends = rows["marketing_year"].map(first_own)
    late = (rows["book"] == FORWARD) & ends.notna()
    if late.any():  # (an empty comparison of dates with no ends is refused by pandas)
        late[late] = rows.loc[late, "date"] >= ends[late]
    return rows[~late].drop(columns="book")


def _by_destination(rows: pd.DataFrame, destination: str) -> pd.DataFrame:
    summed = rows.groupby(["date", "marketing_year"], as_index=False)[COLUMNS[3:7]].sum()
    return summed.assign(destination=destination, note=None)


def fetch(dataset_id: str, today: dt.date | None = None) -> tuple[pd.DataFrame, list[str]]:
    """Weekly sales to China and to all destinations, MY 2024/25 to the current year (which
    may have no week reported yet in early September)."""
    api_key = key("FAS_API_KEY")
    if not api_key:
        raise DataError(dataset_id, root(), "the FAS OpenData API needs a key: set FAS_API_KEY "
                        f"({KEY_VARS['FAS_API_KEY']})")
    headers = {"X-Api-Key": api_key, "Accept": "application/json"}
    frames, origins = [], []
    last = current_market_year(today or dt.date.today())
    for year in range(FIRST_MARKET_YEAR - 1, last + 1):
        for destination, country in (("China", CHINA), ("World", None)):
            url = exports_url(year, country)
            answer = http.get(dataset_id, url, headers=headers, what=f"ESR {label(year)}")
            if answer.status in (401, 403):
                raise DataError(dataset_id, url, f"the API refused the key (HTTP "
                                f"{answer.status}); set FAS_API_KEY ({KEY_VARS['FAS_API_KEY']})")
            if answer.status != 200:
                raise DataError(dataset_id, url, f"ESR answered HTTP {answer.status}: "
                                f"{answer.text[:200].strip()}")
            rows = parse(dataset_id, answer.body, url, year)
            if rows.empty and year < last:
                raise DataError(dataset_id, url, f"no weekly records for {label(year)}")
            if country is not None and set(rows["country"]) - {CHINA}:
                raise DataError(dataset_id, url, "the answer holds countries other than China")
            frames.append(rows.assign(destination=destination))
            origins.append(url)
    rows = pd.concat(frames, ignore_index=True)
    out = pd.concat([_by_destination(end_forward_books(part), destination)
                     for destination, part in rows.groupby("destination", sort=False)],
                    ignore_index=True)
    out = out[out["marketing_year"] >= label(FIRST_MARKET_YEAR)]
    out["date"] = pd.to_datetime(out["date"]).dt.strftime("%Y-%m-%d")
    return out[COLUMNS].sort_values(["destination", "marketing_year", "date"],
                                    ignore_index=True), origins
