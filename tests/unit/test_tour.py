"""The data tour's tables for people (SYNTHETIC status and catalog rows, made-up values)."""

from __future__ import annotations

import pandas as pd

from helpers import report, tour


def synthetic_status() -> pd.DataFrame:
    """SYNTHETIC: three datasets as ``helpers.data.status()`` lists them."""
    return pd.DataFrame([
        {"id": "monthly_set", "source": "x", "start": "2005-01-01", "end": "2025-12-01",
         "rows": 1145, "as_of": "2026-10-05", "origin": "snapshot",
         "freshness": "stale (1 of 1 series, up to 9 days behind)", "live_source": "FRED",
         "keys": "no key needed"},
        {"id": "fact_set", "source": "x", "start": None, "end": float("nan"), "rows": 12,
         "as_of": None, "origin": "snapshot", "freshness": "n/a", "live_source": "none",
         "keys": ""},
        {"id": "keyed_set", "source": "x", "start": "2018-11-01 00:00:00", "end": "2018 (one year)",
         "rows": 0, "as_of": None, "origin": "refresh needed", "freshness": "n/a",
         "live_source": "Census API", "keys": "CENSUS_API_KEY (missing)"}])


def test_the_status_table_reads_as_dates_words_and_no_missing_markers():
    table = tour.status_table(synthetic_status())
    assert list(table.columns) == ["dataset", "from", "to", "rows", "as of", "read from",
                                   "freshness", "live source"]
    assert table.loc[0, "from"] == pd.Timestamp("2005-01-01")
    assert table.loc[2, "from"] == pd.Timestamp("2018-11-01") and table.loc[2, "to"] == "2018 (one year)"
    assert table.loc[1, "from"] == table.loc[1, "as of"] == "not dated"
    assert list(table["live source"]) == ["FRED (no key needed)", "none",
                                          "Census API (needs CENSUS_API_KEY (missing))"]
    assert table.loc[1, "freshness"] == "not tracked"
    page = report.table_html(table, decimals=0)
    assert "Jan 2005" in page and "05 Oct 2026" in page and "Nov 2018" in page
    assert "n/a" not in page and "NaN" not in page and "00:00" not in page
    assert "<th></th>" not in page  # no index column


def test_the_catalog_table_joins_id_and_title_and_breaks_long_names_at_slashes():
    summary = pd.DataFrame([{"id": "a_set", "title": "A synthetic set", "publisher":
                             "Census (timeseries/intltrade/exports/hs)", "units": "USD/t",
                             "frequency": "monthly", "licence": "public domain", "refresh": "-"}])
    table = tour.catalog_table(summary)
    assert table.loc[0, "dataset"] == "a_set: A synthetic set"
    assert table.loc[0, "refresh from"] == "none"
    assert table.loc[0, "units"] == "USD/\u200bt"
    assert table.loc[0, "publisher"].replace("\u200b", "") == summary.loc[0, "publisher"]
