"""Tariff paths: dates and rates that pin behaviour, filters, and the Gantt spans."""

import pandas as pd
import pytest

from helpers import tariffs
from helpers.data import load


@pytest.fixture(scope="module")
def events():
    return load("tariff_events", use_cache=False)


@pytest.mark.parametrize("day, rate", [
    ("2018-07-05", 3.0), ("2018-07-06", 28.0), ("2019-08-31", 28.0), ("2019-09-01", 33.0),
    ("2020-02-13", 33.0), ("2020-02-14", 30.5), ("2020-03-02", 3.0), ("2025-03-09", 3.0),
    ("2025-03-10", 13.0), ("2025-04-10", 97.0), ("2025-04-11", 97.0), ("2025-04-12", 138.0),
    ("2025-05-13", 138.0), ("2025-05-14", 23.0), ("2025-11-09", 23.0), ("2025-11-10", 13.0),
    ("2025-12-31", 13.0),
])
def test_soybean_tariff_waiver_path(events, day, rate):
    assert tariffs.soybean_tariff_path(events, end="2025-12-31").loc[day] == rate


def test_the_ieepa_stack_ends_when_collection_stopped(events):
    rates = tariffs.us_instrument_rates(events, start="2026-02-01")
    assert rates.loc["2026-02-23", "IEEPA stack"] == 20
    assert rates.loc["2026-02-24", "IEEPA stack"] == 0
    assert rates["Section 301 List 1"].loc["2026-02-24"] == 25  # Section 301 unaffected


def test_paths_run_to_the_latest_event_by_default(events):
    latest = tariffs.latest_event(events)
    assert tariffs.soybean_tariff_path(events).index[-1] == latest
    assert tariffs.us_instrument_rates(events).index[-1] == latest


def test_an_ending_event_sets_the_ieepa_instruments_to_zero():
    """SYNTHETIC: a two-row event table, an IEEPA duty and the event that ends it."""
    events = pd.DataFrame({
        "date": pd.to_datetime(["2025-03-04", "2026-02-24"]), "actor": ["US", "US"],
        "status": ["took effect", "took effect"], "instrument": ["IEEPA", "Executive Order"],
        "measure": ["fentanyl duty raised", "IEEPA tariffs no longer in effect"],
        "rate_after_as_stated": ["20 fentanyl", "0 IEEPA"]})
    rates = tariffs.us_instrument_rates(events, start="2025-03-01")
    assert rates.loc["2026-02-23", "IEEPA fentanyl"] == 20
    assert rates.loc["2026-02-24", "IEEPA fentanyl"] == 0
    assert rates.loc["2026-02-24", "IEEPA stack"] == 0


@pytest.mark.parametrize("day, rate", [
    ("2020-03-01", 30.5), ("2020-03-02", 30.5), ("2025-03-10", 40.5), ("2025-04-12", 165.5),
    ("2025-05-14", 50.5), ("2025-11-10", 40.5),
])
def test_soybean_tariff_statutory_path_keeps_the_waived_duties(events, day, rate):
    assert tariffs.soybean_tariff_path(events, basis="statutory").loc[day] == rate


def test_soybean_path_rejects_unknown_basis(events):
    with pytest.raises(ValueError, match="basis"):
        tariffs.soybean_tariff_path(events, basis="average")


def test_monthly_mean_weights_days_and_last_takes_month_end(events):
    daily = tariffs.soybean_tariff_path(events, "2018-07-01", "2018-07-31")
    monthly = tariffs.to_monthly(daily)
    assert monthly.loc["2018-07-01"] == pytest.approx((5 * 3 + 26 * 28) / 31)
    assert tariffs.to_monthly(daily, "last").loc["2018-07-01"] == 28
    with pytest.raises(ValueError):
        tariffs.to_monthly(daily, "median")


@pytest.mark.parametrize("day, column, rate", [
    ("2018-07-05", "Section 301 List 1", None), ("2018-07-06", "Section 301 List 1", 25),
    ("2019-05-09", "Section 301 List 3", 10), ("2019-05-10", "Section 301 List 3", 25),
    ("2019-09-01", "Section 301 List 4A", 15), ("2020-02-14", "Section 301 List 4A", 7.5),
    ("2025-02-03", "IEEPA fentanyl", None), ("2025-02-04", "IEEPA fentanyl", 10),
    ("2025-03-04", "IEEPA fentanyl", 20), ("2025-04-09", "IEEPA stack", 104),
    ("2025-04-10", "IEEPA stack", 145), ("2025-05-14", "IEEPA stack", 30),
    ("2025-11-10", "IEEPA fentanyl", 10), ("2025-11-10", "IEEPA stack", 20),
])
def test_us_instrument_rates(events, day, column, rate):
    value = tariffs.us_instrument_rates(events).loc[day, column]
    assert (pd.isna(value) if rate is None else value == rate)


def test_threat_of_extra_100_percent_never_enters_a_rate(events):
    rates = tariffs.us_instrument_rates(events)
    assert rates.loc["2025-11-01":, "IEEPA stack"].max() == 30


def test_in_force_on_a_date(events):
    got = tariffs.in_force_on(events, "2025-04-12")
    assert got["IEEPA stack"] == 145 and got["China soybean tariff (waiver)"] == 138
    assert got["China soybean tariff (statutory)"] == 165.5


def test_filters(events):
    soy = tariffs.filter_events(events, product="soybeans")
    assert {"2018-07-06", "2025-03-10", "2025-11-10"} <= set(soy["date"].dt.strftime("%Y-%m-%d"))
    china_2025 = tariffs.filter_events(events, actor="China", start="2025-01-01")
    assert (china_2025["actor"] == "China").all() and china_2025["date"].min().year == 2025
    threats = tariffs.filter_events(events, status="announced only", end="2025-12-31")
    assert set(threats["event_id"]) == {"E001", "E004", "E046", "E049"}
    assert (tariffs.filter_events(events, status="announced only")["status"] == "announced only").all()


def test_spans_cover_every_rule_and_end_where_the_table_says(events):
    spans = tariffs.instrument_spans(events).set_index("instrument")
    assert len(spans) == len(tariffs.US_INSTRUMENTS) + len(tariffs.CHINA_MEASURES)
    ag = spans.loc["Agricultural counter-tariffs (March 2025)"]
    assert ag["start"] == pd.Timestamp("2025-03-10") and ag["end"] == pd.Timestamp("2025-11-10")
    assert not ag["ongoing"] and spans.loc["Section 301 List 1", "ongoing"]


def test_average_points_keep_publishers_apart():
    avg = load("average_tariffs", use_cache=False)
    piie = tariffs.average_tariff_points(avg, "PIIE", "us_on_china")
    crs = tariffs.average_tariff_points(avg, "CRS", "us_on_china")
    assert piie.max() == 126.5 and crs.max() == 164
    assert piie.loc["2020-02-14"] == 19.3
    with pytest.raises(ValueError, match="publisher"):
        tariffs.average_tariff_points(avg, "WTO", "us_on_china")


def test_short_labels():
    assert tariffs.short_label("List 1: 25% additional duty") == "List 1"
    assert tariffs.short_label("Raised rates on the USD 60bn list") == "Raised rates on the"


def test_headlines_are_short_first_clauses():
    assert tariffs.headline("IEEPA tariffs no longer in effect: EO of 2026-02-20 directs") == (
        "IEEPA tariffs no longer in effect")
    assert tariffs.headline("MOFCOM adds 10 US entities (MP Materials) to its list; more") == (
        "MOFCOM adds 10 US entities to its list")
    long = tariffs.headline("word " * 60, max_chars=40)
    assert len(long) <= 41 and long.endswith("…")


def test_first_source_is_an_https_link_with_its_outlet():
    assert tariffs.first_source("patentlyo.com/a/b.html (Patently-O, 2026-03-04) ; x.com/y") == (
        "https://patentlyo.com/a/b.html", "Patently-O, 2026-03-04")
    assert tariffs.first_source("https://www.mondaq.com/us/1 (2026-02-27)") == (
        "https://www.mondaq.com/us/1", "mondaq.com, 2026-02-27")
    assert tariffs.first_source("no address here") is None


def test_year_narrative_keeps_at_most_the_lines_asked_acted_events_first():
    """SYNTHETIC: fifteen events of one year, five of them took effect."""
    n = 15
    events = pd.DataFrame({
        "event_id": [f"S{i:02d}" for i in range(n)],
        "date": pd.date_range("2026-01-05", periods=n, freq="7D"),
        "measure": [f"Measure {i}: detail" for i in range(n)],
        "status": ["took effect" if i % 3 == 0 else "announced only" for i in range(n)],
        "confirmed": ["partly" if i % 2 else "yes" for i in range(n)],
        "sources": [f"example.org/{i} (Outlet {i}, 2026-01)" for i in range(n)]})
    story = tariffs.year_narrative(events, 2026, max_lines=8)
    assert len(story) == 8 and story.attrs["left_out"] == 7
    assert story["date"].is_monotonic_increasing
    assert set(events.loc[events["status"] == "took effect", "event_id"]) <= set(story["event_id"])
    row = story.set_index("event_id").loc["S03"]
    assert row["headline"] == "Measure 3" and bool(row["partly"])
    assert row["source_url"] == "https://example.org/3" and row["source_label"] == "Outlet 3, 2026-01"
    assert tariffs.year_narrative(events, 2025).empty


def test_the_real_latest_year_fits_in_twelve_lines(events):
    story = tariffs.year_narrative(events, tariffs.latest_event(events).year)
    assert 0 < len(story) <= 12
    assert story["source_url"].str.startswith("https://").all()


def test_input_cost_events_keep_steel_and_export_controls_not_soybean_steps():
    events = load("tariff_events")
    picked = tariffs.input_cost_events(events)
    assert len(picked) > 0
    text = picked["measure"].str.lower()
    assert text.str.contains("steel|aluminum|export|rare|gallium|fertili").all()
    assert not (picked["status"] == "announced only").any()
    assert picked["soybean_total_rate_pct"].isna().all()
