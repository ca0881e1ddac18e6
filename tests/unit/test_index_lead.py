"""The index's 'now stands at' line: figures looked up by key, each with its date, an item
whose figure is missing left out (SYNTHETIC payloads, made-up values)."""

from __future__ import annotations

import pytest

from helpers import overview
from tests.unit.test_overview import synthetic_figure, synthetic_payloads


def lead_payloads() -> dict[str, dict]:
    """SYNTHETIC payloads holding every key the lead line reads."""
    payloads = synthetic_payloads()
    payloads["01_tariff_timeline"]["figures"].append(
        synthetic_figure("us_stack_end", 45.0, "%", "2026-02-01"))
    payloads["03_soybean_collapse"]["figures"].append(
        synthetic_figure("us_soy_latest_month", 0.0, "Mt", "2025-11", decimals=2))
    payloads["05_outlook--as_of=2026-01-01"] = {"figures": [
        synthetic_figure("esr_2526_commitments", 99.0, "Mt", "to 2026-01-01")]}
    return payloads


def test_the_lead_line_states_each_figure_with_its_date_and_brief():
    items = overview.now_stands_at(lead_payloads())
    assert [(i.label, i.value, i.date, i.brief) for i in items] == [
        ("China's tariff on US soybeans", "10%", "15 Jan 2026", "01_tariff_timeline"),
        ("US tariff stack on Chinese goods of Section 301 List 3", "45%", "1 Feb 2026", "01_tariff_timeline"),
        ("China's imports of US soybeans, latest month", "none", "Nov 2025",
         "03_soybean_collapse"),
        ("US export sales of 2025/26 soybeans to China", "10 Mt", "to 27 Aug 2026",
         "05_outlook"),  # the default brief, not its variant
    ]


def test_an_unusable_figure_or_a_brief_not_built_leaves_its_item_out():
    payloads = lead_payloads()
    next(f for f in payloads["01_tariff_timeline"]["figures"]
         if f["key"] == "us_stack_end")["value"] = None
    payloads["05_outlook"]["figures"][0]["value"] = float("nan")
    del payloads["03_soybean_collapse"]
    labels = [i.label for i in overview.now_stands_at(payloads)]
    assert labels == ["China's tariff on US soybeans"]
    assert overview.now_stands_at({}) == []


def test_a_key_the_lead_line_reads_missing_from_a_built_brief_is_an_error():
    payloads = lead_payloads()
    payloads["01_tariff_timeline"]["figures"] = [
        f for f in payloads["01_tariff_timeline"]["figures"] if f["key"] != "us_stack_end"]
    with pytest.raises(ValueError, match="01_tariff_timeline publishes no figure with key "
                                         "'us_stack_end'"):
        overview.check_figure_keys(payloads)
    assert "US tariff stack on Chinese goods of Section 301 List 3" not in [
        i.label for i in overview.now_stands_at(payloads)]
