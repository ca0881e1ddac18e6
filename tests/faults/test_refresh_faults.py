"""Refresh fault cases: one test per case, each against a local origin on 127.0.0.1.

A bad pull is refused and the last good data kept; one origin's fault is that dataset's
failure only; every request has a deadline and a size cap; API keys never show. FRED bodies
are built from the snapshot's real values; Census bodies are synthetic (named so).
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
import time
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest

from helpers import owned
from helpers.data import live, load, plausibility, refresh, registry
from helpers.data.loader import cache_paths
from tests.data.refresh_origins import (  # noqa: F401 (fixtures)
    CENSUS_PATH,
    COMTRADE_ROOT,
    FRED_PATH,
    TEST_KEYS,
    WB_PATH,
    Reply,
    esr_path,
    fred_csv,
    good_bodies_fixture,
    origins_fixture,
    snapshot_series,
    synthetic_census_hs1201_response,
)


def pull(ds_id: str, **kwargs):
    (result,) = refresh([ds_id], progress=False, **kwargs)
    return result


def serve_fred(origins, sid: str, body: bytes, **reply) -> None:
    origins.route(FRED_PATH, Reply(body, **reply), id=sid)


def assert_kept(ds_id: str, result, before: bytes | None) -> None:
    """The pull failed and the cache (or its absence) is exactly as before, no temp files."""
    assert not result.ok, result.message
    csv_path, _ = cache_paths(ds_id)
    assert (csv_path.read_bytes() if csv_path.exists() else None) == before
    assert [p.name for p in csv_path.parent.glob(".*") if p.name != owned.MARKER] == []


# ---- 7. a bad pull is refused -----------------------------------------------------------

def test_series_cut_to_its_first_and_last_rows_is_refused(origins):
    s = snapshot_series("DEXCHUS")  # daily: no month-continuity rule can catch the cut
    serve_fred(origins, "DEXCHUS", fred_csv(s.iloc[[0, -1]], "DEXCHUS"))
    result = pull("fx_cny_usd")
    assert_kept("fx_cny_usd", result, None)
    assert "has 2 values" in result.message and "DEXCHUS" in result.message
    assert "keeping the last good data" in result.message


def test_a_decade_of_blank_values_is_refused(origins):
    s = snapshot_series("IMPCH").copy()
    s.loc["2005-01-01":"2014-12-01"] = float("nan")
    serve_fred(origins, "IMPCH", fred_csv(s, "IMPCH"))
    result = pull("us_china_goods_trade")
    assert_kept("us_china_goods_trade", result, None)
    assert "fewer than" in result.message


def test_census_pull_with_every_value_null_is_refused(origins):
    assert pull("us_soybean_exports").ok
    good = cache_paths("us_soybean_exports")[0].read_bytes()
    rows = json.loads(synthetic_census_hs1201_response())
    for row in rows[1:]:
        row[2] = None
    origins.route(CENSUS_PATH, Reply(json.dumps(rows).encode(), content_type="application/json"))
    result = pull("us_soybean_exports")
    assert_kept("us_soybean_exports", result, good)
    assert "value_usd" in result.message


def test_an_infinite_value_is_refused(origins):
    s = snapshot_series("IMPCH").astype(object)
    s.iloc[-1] = "inf"
    serve_fred(origins, "IMPCH", fred_csv(s, "IMPCH"))
    result = pull("us_china_goods_trade")
    assert_kept("us_china_goods_trade", result, None)
    assert "not a finite number" in result.message


def test_a_body_cut_inside_its_last_number_is_refused(origins):
    body = fred_csv(snapshot_series("IMPCH"), "IMPCH")
    cut = body[:-4]  # the last value loses its last digits and the line break
    serve_fred(origins, "IMPCH", cut)
    result = pull("us_china_goods_trade")
    assert_kept("us_china_goods_trade", result, None)
    assert "cut off" in result.message


def test_a_body_shorter_than_its_declared_length_is_refused(origins):
    body = fred_csv(snapshot_series("IMPCH"), "IMPCH")
    serve_fred(origins, "IMPCH", body[:-4], declared_length=len(body))
    result = pull("us_china_goods_trade")
    assert not result.ok and "cut off" in result.message


def test_an_answer_for_another_series_is_refused(origins, good_bodies):
    serve_fred(origins, "EXPCH", good_bodies["IMPCH"])
    result = pull("us_china_goods_trade")
    assert not result.ok and "'IMPCH', not the 'EXPCH'" in result.message


def test_another_series_under_the_right_header_is_refused_by_the_revision_band(origins):
    serve_fred(origins, "EXPCH", fred_csv(snapshot_series("IMPCH"), "EXPCH"))
    result = pull("us_china_goods_trade")
    assert_kept("us_china_goods_trade", result, None)
    assert "revision tolerance" in result.message and "exports_usd_mn" in result.message


def test_a_correct_pull_replaces_a_wrongly_accepted_one(origins, good_bodies, monkeypatch):
    s = snapshot_series("IMPCH").copy()
    s.iloc[-1] = round(s.iloc[-1] / 10, 1)  # a lost digit, as a cut-off body would give
    serve_fred(origins, "IMPCH", fred_csv(s, "IMPCH"))
    tolerance = live.REFRESH_MAX_REVISION
    checked = plausibility.check
    monkeypatch.setattr(live, "REFRESH_MAX_REVISION", 100.0)  # the guards of old: accepted
    monkeypatch.setattr(plausibility, "check", lambda *args, **kwargs: None)
    assert pull("us_china_goods_trade").ok
    monkeypatch.setattr(live, "REFRESH_MAX_REVISION", tolerance)
    monkeypatch.setattr(plausibility, "check", checked)
    serve_fred(origins, "IMPCH", good_bodies["IMPCH"])
    assert pull("us_china_goods_trade").ok
    served = load("us_china_goods_trade").set_index("date")["imports_usd_mn"].dropna()
    assert served.iloc[-1] == snapshot_series("IMPCH").iloc[-1]


def test_a_cache_only_dataset_recovers_with_fresh(origins, good_bodies, monkeypatch):
    rows = json.loads(good_bodies["census"])
    for row in rows[1:]:
        row[2] = str(int(row[2]) * 1000)  # SYNTHETIC: a unit slip in the synthetic answer
    origins.route(CENSUS_PATH, Reply(json.dumps(rows).encode(), content_type="application/json"))
    assert pull("us_soybean_exports").ok
    origins.route(CENSUS_PATH, Reply(good_bodies["census"], content_type="application/json"))
    refused = pull("us_soybean_exports")
    assert not refused.ok and "revision tolerance" in refused.message
    assert pull("us_soybean_exports", fresh=True).ok
    exports = load("us_soybean_exports")
    assert exports["value_usd"].max() == 20000  # the good synthetic answer's largest value


# ---- 8. one origin's crash stops nothing else -------------------------------------------

def cut_workbook(body: bytes) -> bytes:
    """The workbook with its sheet XML cut in half (an XML parse error, not a zip error)."""
    src, out = zipfile.ZipFile(io.BytesIO(body)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[: len(data) // 2] if "worksheets/" in item.filename else data)
    return out.getvalue()


def test_a_cut_workbook_fails_only_its_dataset(origins, good_bodies):
    origins.route(WB_PATH, Reply(cut_workbook(good_bodies["worldbank"])))
    results = {r.dataset: r for r in refresh(progress=False)}
    assert not results["commodity_prices"].ok
    assert "World Bank" in results["commodity_prices"].message or \
        "workbook" in results["commodity_prices"].message
    assert all(r.ok for d, r in results.items() if d != "commodity_prices"), results


def test_census_numbers_instead_of_strings_fail_only_their_dataset(origins):
    rows = json.loads(synthetic_census_hs1201_response())
    numeric = [rows[0]] + [[int(c) if c.isdigit() else c for c in r] for r in rows[1:]]
    origins.route(CENSUS_PATH, Reply(json.dumps(numeric).encode(),
                                     content_type="application/json"))
    results = {r.dataset: r for r in refresh(progress=False)}
    assert not results["us_soybean_exports"].ok and "non-text" in results[
        "us_soybean_exports"].message
    assert results["us_china_goods_trade"].ok and results["fx_cny_usd"].ok


def test_a_fred_body_cut_inside_a_date_fails_only_its_dataset(origins):
    serve_fred(origins, "EXCHUS", b"observation_date,EXCHUS\n1981-01-01,1.5518\n2025-1")
    results = {r.dataset: r for r in refresh(progress=False)}
    assert not results["fx_cny_usd"].ok and "EXCHUS" in results["fx_cny_usd"].message
    assert results["us_china_goods_trade"].ok and results["farm_input_prices"].ok


def test_an_unexpected_exception_becomes_that_datasets_failure(origins, monkeypatch):
    def broken(spec):
        raise RuntimeError("parser state lost")

    declared = registry.spec("farm_input_prices")
    monkeypatch.setitem(registry.specs(), "farm_input_prices", dataclasses.replace(
        declared, live=dataclasses.replace(declared.live, pull=broken)))
    results = {r.dataset: r for r in refresh(progress=False)}
    assert not results["farm_input_prices"].ok
    assert "RuntimeError: parser state lost" in results["farm_input_prices"].message
    assert sum(r.ok for r in results.values()) == len(results) - 1


# ---- 9. deadlines and size caps ---------------------------------------------------------

def test_a_dripping_origin_is_stopped_at_the_deadline(origins, monkeypatch):
    monkeypatch.setenv("TRADEWATCH_HTTP_DEADLINE", "1.5")
    serve_fred(origins, "IMPCH", b"observation_date,IMPCH\n" * 50, drip=0.2)
    started = time.monotonic()
    result = pull("us_china_goods_trade")
    assert time.monotonic() - started < 6
    assert not result.ok and "1.5 s deadline (TRADEWATCH_HTTP_DEADLINE)" in result.message


def test_a_silent_origin_times_out_naming_the_setting(origins):
    serve_fred(origins, "EXPCH", fred_csv(snapshot_series("EXPCH"), "EXPCH"), delay=2.5)
    result = pull("us_china_goods_trade")
    assert not result.ok and "TRADEWATCH_HTTP_TIMEOUT" in result.message


def test_a_body_over_the_size_cap_is_refused(origins, monkeypatch):
    monkeypatch.setenv("TRADEWATCH_HTTP_MAX_BYTES", "100000")
    serve_fred(origins, "IMPCH", b"observation_date,IMPCH\n" + b"1985-01-01,1.0\n" * 20000)
    result = pull("us_china_goods_trade")
    assert not result.ok and "TRADEWATCH_HTTP_MAX_BYTES" in result.message


def test_a_gzip_bomb_is_refused_by_its_decoded_size(origins, monkeypatch):
    monkeypatch.setenv("TRADEWATCH_HTTP_MAX_BYTES", str(4 * 1024 * 1024))
    bomb = gzip.compress(b"0" * (64 * 1024 * 1024))
    origins.route(CENSUS_PATH, Reply(bomb, content_type="application/json",
                                     headers={"Content-Encoding": "gzip"}))
    result = pull("us_soybean_exports")
    assert not result.ok and "once decoded" in result.message


# ---- 10. keys never show ----------------------------------------------------------------

KEY_ECHOES = {
    "raw": lambda k: k,
    "url-encoded": lambda k: "".join(f"%{b:02X}" for b in k.encode()),
    "quoted": lambda k: quote(k, safe=""),
    "upper-cased": str.upper,
    "snippet-straddling": lambda k: k[: len(k) // 2 + 1],
    "tail-snippet": lambda k: k[len(k) // 2 - 1:],
}


def echo_routes(origins, text: bytes) -> None:
    error = Reply(b"upstream error: " + text, status=500, content_type="text/plain")
    origins.route(CENSUS_PATH, error)
    for year in range(2024, 2028):
        origins.route(esr_path(year), error)
    origins.route(f"{COMTRADE_ROOT}/data/v1/get/C/M/HS", error)


@pytest.mark.parametrize("form", list(KEY_ECHOES))
@pytest.mark.parametrize("var, ds_id", [("CENSUS_API_KEY", "us_soybean_exports"),
                                        ("FAS_API_KEY", "us_soybean_export_sales")])
def test_an_echoed_key_is_scrubbed_in_every_form(origins, capsys, form, var, ds_id):
    secret = TEST_KEYS[var]
    echo_routes(origins, f"key {KEY_ECHOES[form](secret)} is not allowed".encode())
    result = pull(ds_id)
    assert not result.ok and "***" in result.message
    for shown in (result.message, *capsys.readouterr()):
        for probe in (secret, secret.upper(), secret[:8], secret[-8:]):
            assert probe.lower() not in shown.lower(), (form, shown)


def test_the_comtrade_key_is_scrubbed_and_sent_in_a_header(origins):
    from helpers.data.origins import comtrade

    secret = TEST_KEYS["COMTRADE_API_KEY"]
    echo_routes(origins, f"bad subscription {secret.upper()}".encode())
    with pytest.raises(Exception) as err:
        comtrade.fetch("china_soybean_imports", range(2025, 2026))
    assert secret.upper() not in str(err.value) and "***" in str(err.value)
    path, headers = origins.requests[-1]
    assert secret not in path and headers.get("Ocp-Apim-Subscription-Key") == secret


# ---- Census key (required since 2026-05-12) ---------------------------------------------

MISSING_KEY_PAGE = (b"<html><body><div class=\"content\"><h1>Missing Key</h1><p>A key must be "
                    b"included with each data API request.</p></div></body></html>")
INVALID_KEY_PAGE = (b"<html><body><div class=\"content\"><h1>Invalid Key</h1><p>A valid "
                    b"<em>key</em> must be included with each data API request.</p></div>"
                    b"</body></html>")


def test_an_unkeyed_request_redirect_is_reported_not_followed(origins, monkeypatch):
    monkeypatch.delenv("CENSUS_API_KEY")
    origins.route(CENSUS_PATH, Reply(b"", status=302, content_type="text/html",
                                     headers={"Location": origins.base + "/missing_key.html"}))
    origins.route("/missing_key.html", Reply(MISSING_KEY_PAGE, content_type="text/html"))
    result = pull("us_soybean_exports")
    assert not result.ok and "no API key was sent" in result.message
    assert "set CENSUS_API_KEY (free key from the Census Bureau" in result.message
    assert not any(p.startswith("/missing_key") for p, _ in origins.requests)


def test_an_invalid_key_header_is_reported(origins):
    origins.route(CENSUS_PATH, Reply(INVALID_KEY_PAGE, content_type="text/html",
                                     headers={"X-DataWebAPI-KeyError": "Invalid Key"}))
    result = pull("us_soybean_exports")
    assert not result.ok and "key in CENSUS_API_KEY was refused" in result.message
    assert "set CENSUS_API_KEY (free key from the Census Bureau" in result.message


def test_a_missing_key_page_answering_200_is_reported(origins, monkeypatch):
    monkeypatch.delenv("CENSUS_API_KEY")
    origins.route(CENSUS_PATH, Reply(MISSING_KEY_PAGE, content_type="text/html"))
    result = pull("us_soybean_exports")
    assert not result.ok and "set CENSUS_API_KEY" in result.message


# ---- a refresh stopped between its renames, a damaged vintage ------------------------------

def test_a_refresh_stopped_between_its_renames_keeps_the_last_good_refresh(origins, monkeypatch):
    assert pull("fx_cny_usd").ok
    first = load("fx_cny_usd").attrs["provenance"]
    assert first["origin"] == "cache"
    revised = snapshot_series("DEXCHUS").copy()
    revised.iloc[-1] = round(revised.iloc[-1] * 1.001, 4)  # SYNTHETIC: a small revision
    serve_fred(origins, "DEXCHUS", fred_csv(revised, "DEXCHUS"))
    renames = []
    real_replace = live.os.replace

    published = {p.name for p in cache_paths("fx_cny_usd")}

    def stopped_after_one_rename(src, dst):
        if Path(dst).name in published:
            renames.append(Path(dst).name)
            if len(renames) == 2:
                raise KeyboardInterrupt  # the process is stopped here
        return real_replace(src, dst)

    monkeypatch.setattr(live.os, "replace", stopped_after_one_rename)
    with pytest.raises(KeyboardInterrupt):
        pull("fx_cny_usd")
    monkeypatch.setattr(live.os, "replace", real_replace)
    assert len(renames) == 2
    served = load("fx_cny_usd").attrs["provenance"]
    assert served["origin"] == "cache" and served["files"] == first["files"]


def test_a_damaged_kept_vintage_stops_no_other_datasets_changes(data_copy):
    from helpers.data.changes import changes

    vintages = data_copy / "cache" / "vintages"
    vintages.mkdir(parents=True)
    (vintages / "fx_cny_usd.previous.csv").write_bytes(b"\x00damaged")
    (vintages / "fx_cny_usd.previous.json").write_text(json.dumps({"sha256": "0" * 64}))
    table = changes(["fx_cny_usd", "commodity_prices"])
    kinds = dict(zip(table["dataset"], table["kind"], strict=True))
    assert kinds == {"fx_cny_usd": "damaged vintage", "commodity_prices": "no previous vintage"}


def test_a_second_refresh_at_the_same_time_leaves_the_others_temporaries_alone(origins):
    """Another process's refresh of the same dataset is mid-way: its temporary table and
    sidecar (SYNTHETIC bytes, under that process's names) exist. This refresh publishes
    its own files and neither overwrites nor deletes the other's."""
    csv_path, meta_path = cache_paths("us_china_goods_trade")
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    theirs = {csv_path.with_name(".us_china_goods_trade.other.csv.tmp"): b"their table\n",
              meta_path.with_name(f".{meta_path.name}.999999.tmp"): b"their sidecar\n",
              meta_path.with_name(meta_path.name + ".tmp"): b"a sidecar under a fixed name\n"}
    for path, body in theirs.items():
        path.write_bytes(body)
    assert pull("us_china_goods_trade").ok
    assert all(path.read_bytes() == body for path, body in theirs.items())
    assert load("us_china_goods_trade").attrs["provenance"]["origin"] == "cache"
