"""Live refresh against a local server on 127.0.0.1 speaking each origin's format.

FRED answers are made from the snapshot's own (real) values in FRED's CSV layout, the Pink
Sheet workbook and the ESR answers from the snapshot's real values in their layouts. The
Census answers are synthetic (made-up values, in the API's JSON layout) and say so in their
names. Failures of each origin are in tests/faults/test_refresh_faults.py.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers.data import load, refresh, status
from helpers.data.errors import DataError
from helpers.data.loader import cache_paths
from tests.data.refresh_origins import (  # noqa: F401 (fixtures)
    FRED_PATH,
    TEST_KEYS,
    Reply,
    fred_csv,
    good_bodies_fixture,
    origins_fixture,
    snapshot_series,
)


def test_full_refresh_writes_validated_caches_that_loaders_prefer(origins):
    results = refresh(progress=False)
    assert [r.dataset for r in results if not r.ok] == [], [r.message for r in results]
    trade = load("us_china_goods_trade")
    assert trade.attrs["provenance"]["origin"] == "cache"
    assert trade.set_index("date").loc["2018", "imports_usd_mn"].sum() == pytest.approx(538_514.2,
                                                                                      abs=0.1)
    assert (trade["exports_copy"].dropna() == "FRED EXPCH").all()
    exports = load("us_soybean_exports").set_index(["date", "destination"])
    assert exports.loc[(pd.Timestamp("2013-02-01"), "China"), "value_usd"] == 2000
    assert exports.loc[(pd.Timestamp("2013-02-01"), "World"), "quantity_t"] == 100
    prices = load("commodity_prices")
    assert prices.attrs["provenance"]["origin"] == "cache"
    assert set(prices["series_id"]) >= {"PSOYBUSDM", "WB_SOYBEANS", "WB_UREA_EE_BULK"}
    table = status().set_index("id")
    assert table.loc["us_soybean_exports", "origin"] == "cache"
    meta = json.loads(cache_paths("fx_cny_usd")[1].read_text())
    assert meta["rows"] == len(load("fx_cny_usd")) and len(meta["sha256"]) == 64
    assert meta["previous"]["origin"] == "snapshot"
    assert meta["previous"]["coverage"]["EXCHUS / cny_per_usd"]["start"] == meta["coverage"][
        "EXCHUS / cny_per_usd"]["start"]


def test_a_refresh_serves_the_snapshot_values_it_was_given(origins):
    assert refresh(["us_china_goods_trade"], progress=False)[0].ok
    pulled = load("us_china_goods_trade").set_index("date")["imports_usd_mn"].dropna()
    assert pulled.equals(snapshot_series("IMPCH"))


def test_failed_pull_without_cache_leaves_the_snapshot_serving(origins, data_copy):
    snapshot_file = data_copy / "snapshot/us_china_goods_trade_monthly.csv"
    before = snapshot_file.read_bytes()
    origins.route(FRED_PATH, Reply(b"Internal Server Error", status=500,
                                   content_type="text/plain"), id="EXPCH")
    (result,) = refresh(["us_china_goods_trade"], progress=False)
    assert not result.ok and "EXPCH" in result.message and "HTTP 500" in result.message
    assert not cache_paths("us_china_goods_trade")[0].exists()
    assert snapshot_file.read_bytes() == before
    assert load("us_china_goods_trade").attrs["provenance"]["origin"] == "snapshot"


def test_pull_with_less_history_than_current_data_is_refused(origins):
    recent = snapshot_series("IMPCH").loc["2020-01-01":]
    origins.route(FRED_PATH, Reply(fred_csv(recent, "IMPCH")), id="IMPCH")
    (result,) = refresh(["us_china_goods_trade"], progress=False)
    assert not result.ok and "imports_usd_mn" in result.message
    assert "starts 2020-01-01" in result.message and "1985-01-01" in result.message


def test_pull_ending_before_current_data_is_refused(origins):
    for sid in ("IMPCH", "EXPCH"):
        origins.route(FRED_PATH, Reply(fred_csv(snapshot_series(sid).loc[:"2019-12-01"], sid)),
                      id=sid)
    (result,) = refresh(["us_china_goods_trade"], progress=False)
    assert not result.ok and "keeping the last good data" in result.message
    assert not cache_paths("us_china_goods_trade")[0].exists()


def test_api_key_is_sent_but_never_written(origins, data_copy, capsys):
    key = TEST_KEYS["CENSUS_API_KEY"]
    assert refresh(["us_soybean_exports"], progress=False)[0].ok
    assert any(f"key={key}" in path for path, _ in origins.requests)
    for path in data_copy.rglob("*"):
        if path.is_file():
            assert key.encode() not in path.read_bytes(), path
    load("us_soybean_exports")
    out = capsys.readouterr()
    assert key not in out.out + out.err


def test_a_damaged_cache_is_ignored_with_a_warning(origins):
    assert refresh(["fx_cny_usd"], progress=False)[0].ok
    csv_path, _ = cache_paths("fx_cny_usd")
    csv_path.write_text(csv_path.read_text().replace("EXCHUS", "EXCHUX", 1))
    with pytest.warns(UserWarning, match="ignoring the refresh cache.*sha256"):
        fx = load("fx_cny_usd")
    assert fx.attrs["provenance"]["origin"] == "snapshot"


def test_refreshing_a_dataset_without_origin_is_an_error(origins):
    with pytest.raises(DataError, match="no live origin"):
        refresh(["tariff_events"], progress=False)
