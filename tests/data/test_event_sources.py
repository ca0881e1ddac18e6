"""Citations a policy reader can trust: the event table's sources against the declared tiers
of ``helpers.data.source_tiers``."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.data import load, registry, source_tiers
from helpers.data.source_tiers import Citation


@pytest.fixture(scope="module")
def events():
    return load("tariff_events", use_cache=False)


def test_every_event_citation_is_a_full_address_on_a_declared_trusted_host(events):
    assert source_tiers.problems(events) == []


def test_rows_without_primary_or_wire_citation_are_partly_confirmed(events):
    for row in events.itertuples():
        citations, _ = source_tiers.parse(row.sources)
        if row.confirmed == "yes":
            assert any(c.primary_or_wire for c in citations), row.event_id
    # the declaration says how many rows stay 'yes' under the rule: keep it true
    caveat = next(c for c in registry.spec("tariff_events").caveats if "rows are 'yes'" in c)
    stated = int(re.search(r"only (\d+) rows are 'yes'", caveat).group(1))
    assert (events["confirmed"] == "yes").sum() == stated


def test_no_removed_host_survives_anywhere_in_the_sources(events):
    text = " ".join(events["sources"])
    for host in ("wpinitiate.com", "englishline-test", "linkedin", "tradewartracker/",
                 "mwaugh0328/", "rbtfl.xyz", "newtest.", "dev-v4."):
        assert host not in text, host


def test_events_reach_september_2026_and_the_last_two_say_partly(events):
    assert events["date"].max() == pd.Timestamp("2026-09-24")
    last = events[events["date"] == "2026-09-24"]
    assert len(last) == 2 and (last["confirmed"] == "partly").all()
    assert last["sources"].str.contains("partly confirmed").all()
    assert set(last["actor"]) == {"US+China", "China"}
    duty = events[(events["date"] == "2026-07-24") & events["measure"].str.contains("12.5%")]
    assert len(duty) == 1 and duty["confirmed"].iloc[0] == "partly"


def test_refund_rows_say_what_the_sources_say(events):
    order = events[(events["date"] == "2026-03-04")].iloc[0]
    assert "2026-03-06" in order["measure"] and "suspended" in order["measure"]
    cape = events[events["measure"].str.startswith("CBP opens CAPE")].iloc[0]
    assert "accepted for processing" in cape["measure"] and "refunded" not in cape["measure"]
    assert "USD 24bn" in cape["sources"] and "2026-06-10" in cape["sources"]


@pytest.mark.parametrize(("citation", "counts"), [
    (Citation("Reuters via CNA", "2026-03-12", "https://www.channelnewsasia.com/x"), True),
    (Citation("USDA FAS GAIN report", "date not shown", "https://www.fas.usda.gov/data/x"), True),
    (Citation("Xinhua via Shanghai Daily", "2025-02-04", "https://www.shine.cn/news/x"), True),
    (Citation("APEC summary", "2025-10-30", "https://www.scmp.com/x"), False),  # not AP
    (Citation("Mondaq", "2026-03-06", "https://www.mondaq.com/x"), False),
    (Citation("Reuters via aggregator", "2025-11-04", "https://www.financetom.com/x"), False),
])
def test_primary_or_wire_is_read_from_host_and_outlet(citation, counts):
    assert citation.primary_or_wire is counts


def test_the_quality_check_fails_on_untrusted_hosts_and_unmarked_rows():
    """SYNTHETIC rows (made-up event ids and measures) breaking one rule each."""
    bad = pd.DataFrame({
        "event_id": ["X1", "X2", "X3", "X4", "X5"],
        "date": pd.to_datetime(["2026-05-15"] * 5),
        "confirmed": ["partly", "yes", "partly", "partly", "partly"],
        "sources": [
            "BBC copy (2026-05-15): https://wpinitiate.com/echo-test/demo/x",
            "Mondaq (2026-03-06): https://www.mondaq.com/x",
            "news summary (2026-06-02): https://unknown-host.example/x",
            "gcaptain.com/trade-court-ruling (2026-03-04)",
            "",
        ]})
    found = source_tiers.problems(bad)
    assert any(p.startswith("X1") and "untrusted host wpinitiate.com" in p for p in found)
    assert any(p.startswith("X2") and "no primary or wire" in p for p in found)
    assert any(p.startswith("X3") and "no declared tier" in p for p in found)
    assert any(p.startswith("X4") and "not 'Outlet (date): https://...'" in p for p in found)
    assert any(p.startswith("X5") for p in found)
