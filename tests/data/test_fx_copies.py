"""The yuan's daily rates of 2019-08..2020-11 come from a second public copy of FRED DEXCHUS:
it must reproduce what the Federal Reserve published for the same months."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import load


@pytest.fixture(name="fx", scope="module")
def fx_fixture():
    return load("fx_cny_usd", use_cache=False)


def test_the_second_copy_reproduces_exchus_for_the_month_they_share(fx):
    daily = fx[fx["series_id"] == "DEXCHUS"].set_index("date")["cny_per_usd"]
    august = daily.loc["2019-08-01":"2019-08-31"].dropna()
    exchus = fx[(fx["series_id"] == "EXCHUS")].set_index("date")["cny_per_usd"]
    assert len(august) == 22 and round(august.mean(), 4) == exchus.loc["2019-08-01"] == 7.0629


def test_computed_means_fill_every_month_between_exchus_and_today(fx):
    means = fx[fx["series_id"] == "DEXCHUS_MONTHLY_MEAN_COMPUTED"].set_index("date")
    exchus_end = fx.loc[fx["series_id"] == "EXCHUS", "date"].max()
    assert means.index.min() == exchus_end + pd.offsets.MonthBegin(1)
    assert means.index.to_series().diff().dropna().dt.days.between(28, 31).all()
    assert (fx.loc[fx["series_id"] == "DEXCHUS", "date"].min()).strftime("%Y-%m-%d") == "2019-08-01"
