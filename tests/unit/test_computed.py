"""Monthly means the kit computes: whole months only (SYNTHETIC series, made-up values)."""

import pandas as pd
import pytest

from helpers.data import computed


def test_daily_means_skip_partial_months_and_holidays():
    days = pd.date_range("2030-01-30", "2030-03-10", freq="D")
    values = pd.Series(range(len(days)), index=days, dtype=float)
    values[pd.Timestamp("2030-02-14")] = float("nan")  # a holiday: skipped, not zero
    means = computed.complete_monthly_means(values)
    assert list(means.index) == [pd.Timestamp("2030-02-01")]  # January and March are partial
    february = values.loc["2030-02"].dropna()
    assert means.iloc[0] == pytest.approx(february.mean())


def test_weekly_prices_dated_by_week_start_cover_seven_days():
    mondays = pd.date_range("2030-01-07", "2030-03-04", freq="W-MON")
    means = computed.complete_monthly_means(pd.Series(1.0, index=mondays), period_days=7)
    # the first Monday (7th) covers from the 1st; the last (4 March) leaves March partial
    assert list(means.index) == [pd.Timestamp("2030-01-01"), pd.Timestamp("2030-02-01")]
