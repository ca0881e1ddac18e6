"""Live refresh against a local server on 127.0.0.1 speaking each origin's format, failures included.

FRED answers are made from the snapshot's own (real) values in FRED's CSV layout, and the
Pink Sheet workbook from the snapshot's real tail in the workbook's layout. The Census answers
are synthetic (made-up values, in the API's JSON layout) and say so in their names.
"""

from __future__ import annotations

import io
import json

import openpyxl
import pandas as pd
import pytest

from helpers.data import load, refresh, status
from helpers.data.errors import DataError
from helpers.data.load import cache_paths
from helpers.data.origins import worldbank
from tests.conftest import Reply

FRED_PATH = "/fred/graph.csv"
CENSUS_PATH = "/census/intltrade/exports/hs"
WB_PATH = "/worldbank/CMO-Historical-Data-Monthly.xlsx"
API_KEY = "test-key-0123456789abcdef"


def snapshot_series(sid: str) -> pd.Series:
    """One series' real values as the snapshot holds them, indexed by date."""
    trade = load("us_china_goods_trade", use_cache=False).set_index("date")
    wide = {"EXPCH": "exports_usd_mn", "IMPCH": "imports_usd_mn",
            "IMPTOTUS": "imports_world_usd_mn"}
    if sid in wide:
        return trade[wide[sid]].dropna()
    for ds, col in (("commodity_prices", "value"), ("farm_input_prices", "value"),
                    ("fx_cny_usd", "cny_per_usd")):
        df = load(ds, use_cache=False)
        if sid in set(df["series_id"]):
            s = df[df["series_id"] == sid].set_index("date")[col]
            return s.loc[s.first_valid_index():s.last_valid_index()]
    raise KeyError(sid)


def fred_csv(values: pd.Series, sid: str) -> bytes:
    """FRED's CSV layout: ``observation_date,<ID>`` then one row per date; blank = missing."""
    lines = [f"observation_date,{sid}"]
    lines += [f"{d.date()},{'' if pd.isna(v) else v}" for d, v in values.items()]
    return ("\n".join(lines) + "\n").encode()


def pinksheet_workbook_from_snapshot() -> bytes:
    """A workbook in the Pink Sheet's layout (title rows, names, units, ``YYYYMmm`` rows)
    holding the snapshot's real 2025-06..2026-04 Pink Sheet values."""
    tail = load("commodity_prices", use_cache=False)
    tail = tail[tail["publisher"] == "World Bank"]
    names = {f"WB_{code}": name for name, code in worldbank.SERIES.items()}
    units = {"USD/t": "($/mt)", "USD/bbl": "($/bbl)", "USD/MMBtu": "($/mmbtu)"}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = worldbank.SHEET
    ws.append(["World Bank Commodity Price Data (The Pink Sheet)"])
    ws.append(["Nominal US dollars"])
    ws.append(["Updated on May 04, 2026"])
    ws.append([])
    sids = list(names)
    ws.append([None, *[names[s] for s in sids]])
    unit_of = tail.drop_duplicates("series_id").set_index("series_id")["unit"]
    ws.append([None, *[units[unit_of[s]] for s in sids]])
    wide = tail.pivot(index="date", columns="series_id", values="value")
    for date, row in wide.iterrows():
        ws.append([date.strftime("%YM%m"), *[float(row[s]) for s in sids]])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def synthetic_census_hs1201_response() -> bytes:
    """SYNTHETIC: made-up values in the Census API's JSON layout (header row, then rows)."""
    rows = [["CTY_CODE", "CTY_NAME", "ALL_VAL_MO", "QTY_1_MO", "UNIT_QY1", "E_COMMODITY",
             "COMM_LVL", "time"]]
    for i, month in enumerate(pd.date_range("2013-01-01", "2013-04-01", freq="MS")):
        stamp = month.strftime("%Y-%m")
        rows.append(["5700", "CHINA", str(1000 * (i + 1)), str(10 * (i + 1)), "T", "1201",
                     "HS4", stamp])
        rows.append(["-", "TOTAL FOR ALL COUNTRIES", str(5000 * (i + 1)), str(50 * (i + 1)),
                     "T", "1201", "HS4", stamp])
        rows.append(["1220", "CANADA", "7", "1", "T", "1201", "HS4", stamp])
    return json.dumps(rows).encode()


FRED_IDS = ["EXPCH", "IMPCH", "IMPTOTUS", "PSOYBUSDM", "PMAIZMTUSDM", "WPU0652", "WPU0652013A",
            "PCU325311325311A", "WPU1141", "WPU01830131", "GASDESM", "MHHNGSP", "EXCHUS",
            "DEXCHUS"]


@pytest.fixture(scope="module")
def good_bodies() -> dict[str, bytes]:
    """The good answers, made once per module from the committed snapshot."""
    bodies = {sid: fred_csv(snapshot_series(sid), sid) for sid in FRED_IDS}
    bodies["census"] = synthetic_census_hs1201_response()
    bodies["worldbank"] = pinksheet_workbook_from_snapshot()
    return bodies


@pytest.fixture
def origins(origin_server, good_bodies, data_copy, monkeypatch):
    """Every origin served from 127.0.0.1 with good answers; tests swap in failures."""
    monkeypatch.setenv("TRADEWATCH_FRED_URL", origin_server.base + FRED_PATH)
    monkeypatch.setenv("TRADEWATCH_CENSUS_URL", origin_server.base + CENSUS_PATH)
    monkeypatch.setenv("TRADEWATCH_WORLDBANK_URL", origin_server.base + WB_PATH)
    monkeypatch.setenv("TRADEWATCH_HTTP_TIMEOUT", "1")
    monkeypatch.delenv("CENSUS_API_KEY", raising=False)
    for sid in FRED_IDS:
        origin_server.route(FRED_PATH, Reply(good_bodies[sid]), series=sid)
    origin_server.route(CENSUS_PATH, Reply(good_bodies["census"], content_type="application/json"))
    origin_server.route(WB_PATH, Reply(good_bodies["worldbank"],
                                       content_type="application/vnd.ms-excel"))
    return origin_server


def test_full_refresh_writes_validated_caches_that_loaders_prefer(origins, data_copy):
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
    assert table.loc["china_soybean_imports", "origin"] == "snapshot"
    meta = json.loads(cache_paths("fx_cny_usd")[1].read_text())
    assert meta["rows"] == len(load("fx_cny_usd")) and len(meta["sha256"]) == 64


FAILURES = {
    "http_500": Reply(b"Internal Server Error", status=500, content_type="text/plain"),
    "http_404": Reply(b"<html><body>Series does not exist</body></html>", status=404,
                      content_type="text/html"),
    "html_instead_of_csv": Reply(b"<!DOCTYPE html><html><head><title>Error</title></head>"
                                 b"<body><p>Service unavailable</p></body></html>\n",
                                 content_type="text/html"),
    "truncated_body": Reply(b"observation_date,IMPCH\n1985-01-01,293.1\n1985-02-01,28",
                            declared_length=5000),
    "timeout": Reply(b"observation_date,IMPCH\n1985-01-01,293.1\n", delay=3),
    "negative_value": Reply(b"observation_date,IMPCH\n2025-11-01,-5.0\n2025-12-01,21104.3\n"),
    "non_numeric": Reply(b"observation_date,IMPCH\n2025-11-01,20950.7x\n2025-12-01,21104.3\n"),
}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_failed_pull_keeps_the_last_good_cache(origins, failure):
    assert refresh(["us_china_goods_trade"], progress=False)[0].ok
    csv_path, meta_path = cache_paths("us_china_goods_trade")
    good_csv, good_meta = csv_path.read_bytes(), meta_path.read_bytes()
    origins.route(FRED_PATH, FAILURES[failure], series="IMPCH")
    (result,) = refresh(["us_china_goods_trade"], progress=False)
    assert not result.ok
    assert "us_china_goods_trade" in result.message and "IMPCH" in result.message
    assert csv_path.read_bytes() == good_csv and meta_path.read_bytes() == good_meta
    assert [p.name for p in csv_path.parent.iterdir() if p.name.startswith(".")] == []
    assert load("us_china_goods_trade").attrs["provenance"]["origin"] == "cache"


def test_failed_pull_without_cache_leaves_the_snapshot_serving(origins, data_copy):
    snapshot_file = data_copy / "snapshot/us_china_goods_trade_monthly.csv"
    before = snapshot_file.read_bytes()
    origins.route(FRED_PATH, FAILURES["http_500"], series="EXPCH")
    (result,) = refresh(["us_china_goods_trade"], progress=False)
    assert not result.ok and "EXPCH" in result.message and "Unable to read URL" in result.message
    assert not cache_paths("us_china_goods_trade")[0].exists()
    assert snapshot_file.read_bytes() == before
    assert load("us_china_goods_trade").attrs["provenance"]["origin"] == "snapshot"


def test_pull_with_less_history_than_current_data_is_refused(origins):
    recent = snapshot_series("IMPCH").loc["2020-01-01":]
    origins.route(FRED_PATH, Reply(fred_csv(recent, "IMPCH")), series="IMPCH")
    (result,) = refresh(["us_china_goods_trade"], progress=False)
    assert not result.ok and "imports_usd_mn" in result.message
    assert "starts 2020-01-01" in result.message and "1985-01-01" in result.message


def test_pull_ending_before_current_data_is_refused(origins):
    old = snapshot_series("IMPCH").loc[:"2019-12-01"]
    origins.route(FRED_PATH, Reply(fred_csv(old, "IMPCH")), series="IMPCH")
    origins.route(FRED_PATH, Reply(fred_csv(snapshot_series("EXPCH").loc[:"2019-12-01"],
                                            "EXPCH")), series="EXPCH")
    (result,) = refresh(["us_china_goods_trade"], progress=False)
    assert not result.ok and "keeping the last good data" in result.message
    assert not cache_paths("us_china_goods_trade")[0].exists()


def test_one_failing_origin_does_not_stop_the_others(origins):
    origins.route(WB_PATH, FAILURES["html_instead_of_csv"])
    results = {r.dataset: r for r in refresh(progress=False)}
    assert not results["commodity_prices"].ok
    assert "not a readable Pink Sheet workbook" in results["commodity_prices"].message
    assert results["farm_input_prices"].ok and results["us_soybean_exports"].ok


@pytest.mark.parametrize("reply, words", [
    (Reply(b"", status=204, content_type="application/json"), "no rows"),
    (Reply(b"error: unknown variable 'QTY_9_MO'", status=400, content_type="text/plain"),
     "HTTP 400"),
    (Reply(b"<html>maintenance</html>", content_type="text/html"), "not JSON"),
    (Reply(b'[["CTY_CODE","CTY_NAME"],["5700","CHINA"]]', content_type="application/json"),
     "lacks columns"),
])
def test_census_failures_are_clear(origins, reply, words):
    origins.route(CENSUS_PATH, reply)
    (result,) = refresh(["us_soybean_exports"], progress=False)
    assert not result.ok and words in result.message
    with pytest.raises(DataError, match="refresh"):
        load("us_soybean_exports")


def test_api_key_is_sent_but_never_written(origins, data_copy, monkeypatch, capsys):
    monkeypatch.setenv("CENSUS_API_KEY", API_KEY)
    assert refresh(["us_soybean_exports"], progress=False)[0].ok
    assert any(f"key={API_KEY}" in r for r in origins.requests)
    origins.route(CENSUS_PATH, Reply(f"invalid key {API_KEY}".encode(), status=403,
                                     content_type="text/plain"))
    (failed,) = refresh(["us_soybean_exports"], progress=False)
    assert API_KEY not in failed.message and "***" in failed.message
    for path in data_copy.rglob("*"):
        if path.is_file():
            assert API_KEY.encode() not in path.read_bytes(), path
    load("us_soybean_exports")
    out = capsys.readouterr()
    assert API_KEY not in out.out + out.err


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
