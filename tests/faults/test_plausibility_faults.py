"""Plausibility fault cases: a number no series could hold is refused, on load of the
snapshot and on every refresh pull, naming the dataset, series, period and value.

The bad values are SYNTHETIC: real snapshot values multiplied by a factor, re-dated to the
months after the snapshot ends, or dated 2099; the point is that each is refused."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from helpers.data import load, refresh, registry
from helpers.data.errors import DataError
from helpers.data.plausibility import Plausibility, check
from tests.data.refresh_origins import (  # noqa: F401 (fixtures)
    COMTRADE_PATH,
    FRED_PATH,
    Reply,
    esr_path,
    esr_records_from_snapshot,
    fred_csv,
    good_bodies_fixture,
    origins_fixture,
    snapshot_series,
)


def pull(ds_id: str):
    (result,) = refresh([ds_id], progress=False)
    return result


def synthetic_new_months_times(sid: str, months: int, factor: float) -> pd.Series:
    """SYNTHETIC: the series' real values, then its last ``months`` real values re-dated to
    the months after its end and multiplied by ``factor``."""
    real = snapshot_series(sid)
    tail = real.iloc[-months:] * factor
    tail.index = pd.date_range(real.index[-1] + pd.offsets.MonthBegin(), periods=months,
                               freq="MS")
    return pd.concat([real, tail])


def test_new_fred_months_times_1000_are_refused(origins):
    body = fred_csv(synthetic_new_months_times("IMPCH", 10, 1000), "IMPCH")
    origins.route(FRED_PATH, Reply(body), id="IMPCH")
    result = pull("us_china_goods_trade")
    assert not result.ok
    assert "imports_usd_mn at 2026-01-01" in result.message
    assert load("us_china_goods_trade").attrs["provenance"]["origin"] == "snapshot"


def test_new_comtrade_months_times_1000_are_refused(origins, good_bodies):
    answer = json.loads(good_bodies["comtrade2025"])
    last = max(r["period"] for r in answer["data"])
    later = [{**r, "period": "202512", "refPeriodId": 20251201,
              "primaryValue": r["primaryValue"] * 1000}
             for r in answer["data"] if r["period"] == last]
    answer["data"] += later
    answer["count"] = answer["elements"] = len(answer["data"])
    origins.route(COMTRADE_PATH, Reply(json.dumps(answer).encode(),
                                       content_type="application/json"),
                  period=",".join(f"2025{m:02d}" for m in range(1, 13)))
    result = pull("china_soybean_imports")
    assert not result.ok
    assert "2025-12-01" in result.message and "plausible range" in result.message


def test_a_snapshot_value_times_1e12_is_refused_on_load(tamper):
    tamper("snapshot/us_china_goods_trade_monthly.csv",
           lambda t: t.replace("2018-06-01,10855.7,44524.005052,",
                               "2018-06-01,10855.7,44524005052000000,", 1))
    with pytest.raises(DataError) as err:
        load("us_china_goods_trade", use_cache=False)
    text = str(err.value)
    assert "us_china_goods_trade" in text and "imports_usd_mn at 2018-06-01" in text
    assert "4.4524e+16" in text


def test_a_share_above_one_is_refused():
    """SYNTHETIC table: the real snapshot with one share written as percent (30 for 0.30)."""
    df = load("china_soybean_imports", use_cache=False)
    share = df.index[df["measure"] == "share_of_china_total"][0]
    df.loc[share, "value"] = df.loc[share, "value"] * 100
    with pytest.raises(DataError, match="share_of_china_total / value at .* a share outside 0..1"):
        check("china_soybean_imports", df, "test")


def _thursday_in(year: int) -> dt.date:
    day = dt.date(year, 1, 1)
    return day + dt.timedelta(days=(3 - day.weekday()) % 7)


def test_an_esr_week_dated_2099_is_refused(origins):
    records = esr_records_from_snapshot(2026)
    records.append({**records[-1], "weekEndingDate": f"{_thursday_in(2099)}T00:00:00"})
    for country in (5700, None):
        origins.route(esr_path(2026, country), Reply(json.dumps(records).encode(),
                                                     content_type="application/json"))
    result = pull("us_soybean_export_sales")
    assert not result.ok and "2099" in result.message and "after today" in result.message


def test_an_esr_answer_listing_each_week_twice_is_refused(origins):
    records = esr_records_from_snapshot(2026)
    for country in (5700, None):
        origins.route(esr_path(2026, country), Reply(json.dumps(records + records).encode(),
                                                     content_type="application/json"))
    result = pull("us_soybean_export_sales")
    assert not result.ok and "listed more than once" in result.message


def test_a_move_beyond_the_declared_factor_is_refused_old_periods_too():
    """SYNTHETIC table: the real snapshot with one old month times 1000."""
    df = load("fx_cny_usd", use_cache=False)
    df.loc[df.index[10], "cny_per_usd"] = 8.0 * 1000
    with pytest.raises(DataError, match=r"at .* is 8000.*(plausible range|move)"):
        check("fx_cny_usd", df, "test")
    rules = registry.spec("fx_cny_usd").plausibility
    assert isinstance(rules, Plausibility) and rules.max_move == 3


def test_an_exact_duplicate_record_is_refused():
    df = load("phase_one_facts", use_cache=False)
    with pytest.raises(DataError, match="appears more than once"):
        check("phase_one_facts", pd.concat([df, df.iloc[[0]]]), "test")


def test_every_core_dataset_declares_plausibility_and_its_snapshot_passes():
    for ds_id, spec in registry.specs().items():
        if spec.role == "core":
            assert isinstance(spec.plausibility, Plausibility), ds_id
            check(ds_id, load(ds_id, use_cache=False), "snapshot")


def test_rows_stored_out_of_date_order_are_served_in_order(tamper):
    """The snapshot's rows reversed (checksum rewritten): the loader serves them by date."""
    def reverse(text: str) -> str:
        header, *rows = text.rstrip("\n").split("\n")
        return "\n".join([header, *reversed(rows)]) + "\n"

    tamper("snapshot/us_china_goods_trade_monthly.csv", reverse)
    df = load("us_china_goods_trade", use_cache=False)
    assert df["date"].is_monotonic_increasing and df["date"].iloc[0] == pd.Timestamp("1985-01-01")
