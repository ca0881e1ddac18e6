"""The outlook's facts: deadlines read from event texts and counted against an as-of date,
and the soybean purchase claims the event rows record."""

import pandas as pd
import pytest

from helpers import outlook
from helpers.data import load
from helpers.data.datasets.tariff_events import PURCHASE_CLAIM


@pytest.fixture(scope="module")
def events():
    return load("tariff_events", use_cache=False)


def test_deadlines_are_read_from_the_event_texts_in_iso_and_in_words(events):
    d = outlook.deadlines(events)
    named = d[d["set_on"] <= "2026-07-07"]  # the rows this test pins (later rows may add more)
    assert list(named["deadline"].dt.strftime("%Y-%m-%d")) == [
        "2025-09-14", "2025-10-30", "2025-11-10", "2025-12-13", "2026-07-24", "2026-11-10",
        "2026-11-10", "2026-11-27", "2026-12-31"]
    assert set(named.loc[named["deadline"] == "2026-11-10", "actor"]) == {"US", "China"}
    assert set(named.loc[named["event_id"] == "E043", "deadline"].dt.strftime("%m-%d")) == {
        "09-14", "10-30", "12-13"}  # 'to Oct 30', 'through Dec 13' (2025) counted


@pytest.mark.parametrize("text, written, expected", [
    ("extended to Oct 30 with approvals valid through Dec 13", "2025-08-20",
     ["2025-10-30", "2025-12-13"]),
    ("suspended until 2026-11-10", "2025-11-10", ["2026-11-10"]),
    ("valid through 13 December 2025", "2025-08-01", ["2025-12-13"]),
    ("runs to January 5", "2025-11-20", ["2026-01-05"]),  # no year: the next such day
    ("to Sept. 1, 2027", "2025-01-01", ["2027-09-01"]),
    ("cut from 20% to 10%; raised to 50 percent", "2025-01-01", []),
    ("until Feb 31", "2025-01-01", []),  # impossible day skipped
    ("to Octopus 3", "2025-01-01", []),  # not a month
])
def test_deadline_dates_in_words_take_their_year_from_the_event(text, written, expected):
    found = outlook.deadline_dates(text, written)
    assert [f"{d:%Y-%m-%d}" for d in found] == expected


def _synthetic_deadline_events():
    """SYNTHETIC: three events naming deadlines; the table ends 2026-07-07."""
    return pd.DataFrame({
        "event_id": ["S1", "S2", "S3"], "actor": ["US", "China", "US"],
        "date": pd.to_datetime(["2025-08-01", "2025-11-10", "2026-07-07"]),
        "confirmed": ["partly", "yes", "yes"],
        "measure": ["process extended to Oct 30", "suspended until 2026-11-10",
                    "hearings; surcharge through 2026-07-24 and review to 2027-01-10"]})


@pytest.mark.parametrize("as_of, states", [
    ("2026-07-07", ["passed", "ahead", "ahead", "ahead"]),
    ("2026-12-03", ["passed", outlook.PASSED_UNRECORDED, outlook.PASSED_UNRECORDED,
                    "unknown since 07 Jul 2026"]),
    ("2025-09-01", ["ahead", "ahead", "ahead", "ahead"]),
])
def test_deadline_states_count_from_the_as_of_date_and_never_call_the_unknown_ahead(as_of,
                                                                                   states):
    table = outlook.deadline_table(_synthetic_deadline_events(), as_of)
    assert list(table["deadline"].dt.strftime("%Y-%m-%d")) == [
        "2025-10-30", "2026-07-24", "2026-11-10", "2027-01-10"]
    assert list(table["state"]) == states
    assert table["days_from_as_of"].iloc[0] == (pd.Timestamp("2025-10-30")
                                                - pd.Timestamp(as_of)).days


def test_deadline_count_words_name_every_state():
    table = outlook.deadline_table(_synthetic_deadline_events(), "2026-12-03")
    words = outlook.deadline_count_words(table, "2026-12-03")
    assert words.startswith("3 of the 4 deadlines named in the event table had passed by "
                            "03 December 2026 (2 of them after its last event")
    assert "1 is unknown since 07 Jul 2026" in words and "ahead" not in words
    early = outlook.deadline_count_words(outlook.deadline_table(
        _synthetic_deadline_events(), "2026-07-07"), "2026-07-07")
    assert early.startswith("1 of the 4") and "3 lay ahead" in early


def test_as_of_defaults_to_the_build_date_and_refuses_a_non_date():
    assert outlook.default_as_of("", today="2026-12-03 15:00") == pd.Timestamp("2026-12-03")
    assert outlook.default_as_of("2026-10-01") == pd.Timestamp("2026-10-01")
    assert outlook.default_as_of() == pd.Timestamp.now().normalize()
    with pytest.raises(ValueError, match="as_of must be an ISO date"):
        outlook.default_as_of("next week")


def test_purchase_claims_come_from_the_rows_that_state_them(events):
    claims = outlook.purchase_claims(events)
    by_event = claims.groupby("event_id")["period"].apply(list)
    assert by_event.to_dict() == {"E049": ["2025-11..2025-12", "2026..2028"],
                                  "E054": ["MY 2025/26", "MY 2026/27"]}
    for event_id in by_event.index:  # every quantity recorded is in the row's own words
        measure = events.set_index("event_id").loc[event_id, "measure"]
        for mt in claims.loc[claims["event_id"] == event_id, "quantity_mt"]:
            assert f"{mt:.0f} MMT" in measure
    assert (claims["confirmed"] == "partly").all() and claims["sources"].str.contains("https://").all()
    late = outlook.claim_for(claims, "2025-11..2025-12")
    assert (late["quantity_mt"], late["period_end"]) == (12.0, pd.Timestamp("2025-12-31"))
    yearly = outlook.claim_for(claims, "2026..2028")
    assert yearly["per_year"] and yearly["quantity_mt"] == 25.0
    assert outlook.claim_for(claims, "MY 2025/26")["period_start"] == pd.Timestamp("2025-09-01")
    with pytest.raises(ValueError, match="no purchase claim for '2030..2031'.*recorded"):
        outlook.claim_for(claims, "2030..2031")


def test_a_purchase_claim_out_of_grammar_is_refused():
    """SYNTHETIC event row with a claim the grammar does not read."""
    row = pd.DataFrame({"event_id": ["S1"], "date": pd.to_datetime(["2026-01-01"]),
                        "actor": ["US"], "confirmed": ["partly"], "sources": ["x"],
                        "soybean_purchase_claims": ["about 12 MMT soon"]})
    with pytest.raises(ValueError, match="event S1: purchase claim 'about 12 MMT soon'"):
        outlook.purchase_claims(row)
    assert pd.Series(["12 Mt 2025-11..2025-12", "25 Mt a year 2026..2028"]).str.fullmatch(
        PURCHASE_CLAIM).all()
