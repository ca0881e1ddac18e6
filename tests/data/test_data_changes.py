"""`data changes`: new periods, revised values and new rows since the previous vintage.

The Census answers are synthetic (made-up values in the API's JSON layout, named so); the
event rows are the snapshot's own.
"""

from __future__ import annotations

import json

from helpers.cli import main
from helpers.data import refresh
from helpers.data.changes import changes, note_vintages, vintage_meta
from tests.data.refresh_origins import (  # noqa: F401 (fixtures)
    CENSUS_PATH,
    Reply,
    good_bodies_fixture,
    origins_fixture,
    synthetic_census_hs1201_response,
)


def census_answer(drop_last_month: bool = False, revise: float = 1.0) -> Reply:
    """SYNTHETIC Census answer; optionally without 2013-04, or with China's 2013-02 value
    multiplied by ``revise``."""
    rows = json.loads(synthetic_census_hs1201_response())
    rows = [r for r in rows if not (drop_last_month and r[-1] == "2013-04")]
    for r in rows:
        if r[0] == "5700" and r[-1] == "2013-02":
            r[2] = str(round(int(r[2]) * revise))
    return Reply(json.dumps(rows).encode(), content_type="application/json")


def test_changes_list_new_months_and_revisions_since_the_previous_pull(origins, capsys):
    origins.route(CENSUS_PATH, census_answer(drop_last_month=True))
    assert refresh(["us_soybean_exports"], progress=False)[0].ok
    origins.route(CENSUS_PATH, census_answer(revise=1.05))
    assert refresh(["us_soybean_exports"], progress=False)[0].ok
    found = changes(["us_soybean_exports"])
    new = found[found["kind"] == "new periods"]
    assert set(new["series"]) == {"China / value_usd", "China / quantity_t",
                                  "World / value_usd", "World / quantity_t"}
    assert (new["detail"] == "2013-04-01..2013-04-01 (1 new)").all()
    revised = found[found["kind"] == "revised"]
    assert revised[["series", "detail"]].values.tolist() == [
        ["China / value_usd", "2013-02-01: 2000 -> 2100 (+5.0%)"]]
    assert vintage_meta("us_soybean_exports")["coverage"]["China / value_usd"]["end"] == \
        "2013-03-01"
    assert main(["data", "changes", "us_soybean_exports", "--json"]) == 0
    assert "+5.0%" in capsys.readouterr().out


def test_revisions_within_the_tolerance_are_not_listed(origins):
    origins.route(CENSUS_PATH, census_answer())
    assert refresh(["us_soybean_exports"], progress=False)[0].ok
    origins.route(CENSUS_PATH, census_answer(revise=1.004))
    assert refresh(["us_soybean_exports"], progress=False)[0].ok
    assert "revised" not in set(changes(["us_soybean_exports"])["kind"])


def test_new_events_since_the_previous_vintage_are_listed(tamper, data_copy):
    path = data_copy / "snapshot/tariff_events.csv"
    full = path.read_text(encoding="utf-8")
    *kept, last = full.rstrip("\n").split("\n")
    tamper("snapshot/tariff_events.csv", lambda _: "\n".join(kept) + "\n")
    note_vintages(["tariff_events"])
    tamper("snapshot/tariff_events.csv", lambda _: full)
    note_vintages(["tariff_events"])
    found = changes(["tariff_events"])
    assert found["kind"].tolist() == ["new row"]
    assert last.split(",")[0] in found["detail"].iloc[0]


def test_without_a_previous_vintage_changes_say_so(data_copy):
    found = changes(["fx_cny_usd"])
    assert found["kind"].tolist() == ["no previous vintage"]
