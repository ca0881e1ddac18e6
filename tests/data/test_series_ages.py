"""How old each series is on the build date, against its dataset's declared usual lag: one
function (``series_ages``) serves ``data status``, the briefs' as-of block and the
index. The toy dataset is SYNTHETIC (made-up monthly prices, January to June 2020)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from helpers import overview, report
from helpers.data import catalog, load
from helpers.data.inventory import period_end, series_ages, status
from tests.data.test_registry import SYNTHETIC_DECLARATION, SYNTHETIC_ROWS


@pytest.fixture
def toy_with_lag(data_copy):
    """The data copy with the SYNTHETIC toy declared with a usual lag of 60 days."""
    declaration = SYNTHETIC_DECLARATION.replace('live=Live("FRED", pull),',
                                                'live=Live("FRED", pull),\n    usual_lag_days=60,')
    assert "usual_lag_days=60" in declaration
    (data_copy / "datasets").mkdir()
    (data_copy / "datasets" / "synthetic_toy_prices.py").write_text(declaration)
    (data_copy / "snapshot" / "synthetic_toy_prices.csv").write_text(
        "date,series_id,unit,value\n" + SYNTHETIC_ROWS)
    catalog.write_checksums()
    return data_copy


@pytest.mark.parametrize("today, behind, stale", [
    (dt.date(2020, 8, 29), 60, False),  # June's data, 60 days after June ends: within the lag
    (dt.date(2020, 8, 30), 61, True),
    (dt.date(2023, 12, 3), 1251, True),
])
def test_a_series_is_stale_once_behind_by_more_than_its_declared_lag(toy_with_lag, today,
                                                                     behind, stale):
    ages = series_ages(load("synthetic_toy_prices"), today)
    row = ages.iloc[0]
    assert len(ages) == 1 and row["series"] == "synthetic toy price"
    assert row["last_observation"] == pd.Timestamp("2020-06-01")
    assert row["period_end"] == pd.Timestamp("2020-06-30")
    assert (row["days_behind"], bool(row["stale"]), row["usual_lag_days"]) == (behind, stale, 60)
    verdict = status(today=today).set_index("id").loc["synthetic_toy_prices", "freshness"]
    assert verdict == (f"stale (1 of 1 series, up to {behind} days behind)" if stale
                       else "fresh")


def test_data_dated_after_today_is_never_fresh(toy_with_lag):
    """Issue 19 item 12: a clock before the data's last date."""
    verdict = status(today=dt.date(2020, 5, 1)).set_index("id").loc[
        "synthetic_toy_prices", "freshness"]
    assert verdict.startswith("future-dated") and "2020-06-01" in verdict
    assert bool(series_ages(load("synthetic_toy_prices"), dt.date(2020, 5, 1))
                ["future"].iloc[0])


def test_without_a_declared_lag_no_series_is_called_stale():
    ages = series_ages(load("tariff_events"), dt.date(2030, 1, 1))
    assert len(ages) == 1 and ages["usual_lag_days"].isna().all() and not ages["stale"].any()
    assert ages["last_observation"].iloc[0] == load("tariff_events")["date"].max()


def test_month_and_year_series_age_from_the_end_of_their_period():
    """SYNTHETIC dates only."""
    months = pd.Series(pd.date_range("2023-01-01", periods=11, freq="MS"))
    years = pd.Series(pd.date_range("2015-01-01", periods=10, freq="YS"))
    days = pd.Series(pd.to_datetime(["2026-09-17", "2026-09-18"]))
    assert period_end(months.max(), months) == pd.Timestamp("2023-11-30")
    assert period_end(years.max(), years) == pd.Timestamp("2024-12-31")
    assert period_end(days.max(), days) == pd.Timestamp("2026-09-18")


def test_the_as_of_block_names_each_series_age_and_the_copy_date_as_a_copy(toy_with_lag):
    frame = load("synthetic_toy_prices")
    block = report.as_of_html([frame], today=dt.date(2026, 12, 3))
    assert "As of</b> the build date 03 December 2026" in block
    assert "synthetic toy price: last observation Jun 2020, 2,347 days before the build date" in block
    assert "STALE</b>: the publisher usually needs 60 days" in block
    assert "the date of the copy, not of the data" in block
    brief = report.Brief("SYNTHETIC")
    brief.show_as_of([frame], today=dt.date(2020, 7, 15))
    (record,) = brief.payload()["series"]
    assert record == {"dataset": "synthetic_toy_prices", "series": "synthetic toy price",
                      "last_observation": "2020-06-01", "period_end": "2020-06-30",
                      "days_behind": 15, "usual_lag_days": 60, "stale": False}
    assert "within the publisher's usual 60 days" in brief.as_of_block
    # the index judges staleness on the day it is written, from the same record
    fresh = overview.data_freshness(brief.payload(), dt.date(2020, 7, 15))
    late = overview.data_freshness(brief.payload(), dt.date(2021, 1, 1))
    assert fresh["stale"] == [] and late["stale"] == ["synthetic toy price"]
    assert fresh["main"] == "to Jun 2020"
