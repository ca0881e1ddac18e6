"""ESR (USDA FAS OpenData) and UN Comtrade clients against a local server in their formats.

ESR answers carry the snapshot's real values in tons (see ``esr_records_from_snapshot`` for
the fields that are synthetic zeros). Comtrade answers carry the snapshot's real customs
values in Comtrade's record layout.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers.data import load, refresh, registry
from helpers.data.errors import DataError
from helpers.data.origins import comtrade
from tests.data.refresh_origins import (  # noqa: F401 (fixtures)
    COMTRADE_ROOT,
    TEST_KEYS,
    Reply,
    comtrade_answer_from_snapshot,
    esr_path,
    esr_records_from_snapshot,
    good_bodies_fixture,
    origins_fixture,
)


def pull_sales():
    (result,) = refresh(["us_soybean_export_sales"], progress=False)
    return result


def test_esr_refresh_serves_thousand_tons_for_china_and_the_world(origins):
    result = pull_sales()
    assert result.ok, result.message
    sales = load("us_soybean_export_sales")
    assert sales.attrs["provenance"]["origin"] == "cache"
    china = sales[sales["destination"] == "China"].set_index(["marketing_year", "date"])
    assert china.loc[("2025/26", pd.Timestamp("2026-08-27")), "total_commitments_kmt"] == \
        pytest.approx(12_498.1)
    assert china.loc[("2026/27", pd.Timestamp("2026-08-27")), "accumulated_exports_kmt"] == 0
    assert set(sales["destination"]) == {"China", "World"}
    esr_requests = [(p, h) for p, h in origins.requests if "/api/esr/" in p]
    assert esr_requests and all(h.get("X-Api-Key") == TEST_KEYS["FAS_API_KEY"]
                                for _, h in esr_requests)
    assert all(TEST_KEYS["FAS_API_KEY"] not in p for p, _ in esr_requests)


def test_esr_fixture_carries_the_rollover_week_under_both_years(good_bodies):
    """ESR sends the week spanning 1 September in the old year's answer (next-year fields)
    and in the new year's: the fixture must too, or the rollover is never exercised."""
    old_year = {r["weekEndingDate"][:10]: r for r in esr_records_from_snapshot(2024)}
    new_year = {r["weekEndingDate"][:10]: r for r in esr_records_from_snapshot(2025)}
    assert old_year["2024-09-05"]["nextMYOutstandingSales"] == 4_917_600
    assert "2024-09-05" in new_year


def test_esr_refresh_across_the_marketing_year_rollover_keeps_one_row_per_week(origins):
    result = pull_sales()
    assert result.ok, result.message
    sales = load("us_soybean_export_sales")
    assert not sales.duplicated(["date", "marketing_year", "destination"]).any()
    china = sales[sales["destination"] == "China"].set_index(["marketing_year", "date"])
    first = china.loc[("2024/25", pd.Timestamp("2024-09-05"))]
    # the new year's own row, not its own row plus the old year's forward book
    assert (first["total_commitments_kmt"], first["accumulated_exports_kmt"]) == (4968.6, 51.0)
    book = china.loc["2024/25"]
    assert book.loc[:"2024-08-29", "accumulated_exports_kmt"].eq(0).all()
    assert book.loc["2024-08-29", "total_commitments_kmt"] == pytest.approx(3896.4)


def test_forward_book_ends_where_the_new_years_own_rows_begin():
    """SYNTHETIC rows (made-up kt): the old year's answer reads the forward book up to and
    including the overlap week; the new year's answer starts with that week."""
    from helpers.data.origins import esr

    rows = pd.DataFrame({
        "date": ["2031-08-28", "2031-09-04", "2031-09-04", "2031-09-11"],
        "marketing_year": ["2031/32"] * 4, "book": ["forward", "forward", "own", "own"],
        "total_commitments_kmt": [100.0, 120.0, 150.0, 160.0]})
    kept = esr.end_forward_books(rows)
    assert kept["date"].tolist() == ["2031-08-28", "2031-09-04", "2031-09-11"]
    assert kept["total_commitments_kmt"].tolist() == [100.0, 150.0, 160.0]
    only_forward = rows[rows["book"] == "forward"]
    assert len(esr.end_forward_books(only_forward)) == 2  # no own week yet: all kept


def test_esr_without_a_key_names_the_variable(origins, monkeypatch):
    monkeypatch.delenv("FAS_API_KEY")
    result = pull_sales()
    assert not result.ok and "set FAS_API_KEY" in result.message
    assert not any("/api/esr/" in p for p, _ in origins.requests)


@pytest.mark.parametrize("reply, words", [
    (Reply(b'{"error": "API_KEY_INVALID"}', status=403, content_type="application/json"),
     "refused the key"),
    (Reply(b"<html><body>Service Unavailable</body></html>", content_type="text/html"),
     "not JSON"),
    (Reply(b'[{"weekEndingDate": "2025-09-04T00:00:00", "countryCode": 5700', declared_length=900,
           content_type="application/json"), "cut off"),
    (Reply(json.dumps([{"commodityCode": 801, "countryCode": 5700, "unitId": 3,
                        "weekEndingDate": "2025-09-04T00:00:00", "accumulatedExports": 0,
                        "outstandingSales": 0, "currentMYNetSales": 0,
                        "currentMYTotalCommitment": 0, "nextMYOutstandingSales": 0,
                        "nextMYNetSales": 0}]).encode(), content_type="application/json"),
     "not soybeans (801) in metric tons"),
    (Reply(b'[{"weekEndingDate": "2025-09-04T00:00:00"}]', content_type="application/json"),
     "lacks"),
])
def test_esr_failures_are_clear_and_keep_the_snapshot(origins, reply, words):
    origins.route(esr_path(2026), reply)
    result = pull_sales()
    assert not result.ok and words in result.message, result.message
    assert load("us_soybean_export_sales").attrs["provenance"]["origin"] == "snapshot"


def test_comtrade_rows_keep_their_origin_and_never_replace_customs_values(origins):
    path = f"{COMTRADE_ROOT}/data/v1/get/C/M/HS"
    empty = json.dumps({"count": 0, "data": [], "error": ""}).encode()
    origins.route(path, Reply(empty, content_type="application/json"))
    origins.route(path, Reply(comtrade_answer_from_snapshot(2024),
                              content_type="application/json"),
                  period=",".join(f"2024{m:02d}" for m in range(1, 13)))
    ds = registry.spec("china_soybean_imports")
    pulled = ds.live.pull(ds)
    table = pulled.table
    assert (table["source"] == "UN Comtrade").sum() == 0  # every 2024 value is in the snapshot
    assert any("median difference 0.0%" in n for n in pulled.notes), pulled.notes
    _, headers = next((p, h) for p, h in origins.requests if p.startswith(path))
    assert headers.get("Ocp-Apim-Subscription-Key") == TEST_KEYS["COMTRADE_API_KEY"]


def test_comtrade_answer_for_another_reporter_is_refused():
    """SYNTHETIC record (values 1.0) for the US as reporter."""
    body = json.dumps({"count": 1, "error": "", "data": [
        {"period": "202401", "reporterCode": 842, "flowCode": "M", "partnerCode": 0,
         "cmdCode": "1201", "primaryValue": 1.0, "netWgt": 1.0}]}).encode()
    with pytest.raises(DataError, match="not China's imports of HS 1201"):
        comtrade.parse("china_soybean_imports", body, "test")
