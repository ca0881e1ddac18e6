"""Reference answers of notebook 01 tariff timeline."""

from __future__ import annotations

import pandas as pd

from helpers import tariffs
from helpers.answers import choice, reference
from helpers.data import load


def _soy_path(basis: str = "waiver") -> pd.Series:
    return tariffs.soybean_tariff_path(load("tariff_events"), "2018-01-01", basis=basis)


@reference("01_peak_days", 0.5, "days")
def _peak_days() -> float:
    """Days China's tariff on US soybeans (waiver basis) stood at its peak rate."""
    path = _soy_path()
    return float((path == path.max()).sum())


@reference("01_mean_2025", 0.1, "%")
def _mean_2025() -> float:
    """Day-weighted average of China's tariff on US soybeans in 2025 (waiver basis)."""
    return float(_soy_path().loc["2025"].mean())


@reference("01_stack_list3", 0.1, "%")
def _stack_list3() -> float:
    """Additional US duty on a List 3 good from China on 2025-04-12: Section 301 + IEEPA."""
    rates = tariffs.in_force_on(load("tariff_events"), "2025-04-12")
    return rates["Section 301 List 3"] + rates["IEEPA stack"]


@reference("01_waiver_gap_2020_21", 0.1, "percentage points")
def _waiver_gap() -> float:
    """Average of statutory minus waiver soybean tariff over 2020-2021, day-weighted."""
    gap = _soy_path("statutory") - _soy_path("waiver")
    return float(gap.loc["2020":"2021"].mean())


@choice("01_mean_reading", {
    "peak": "the 2025 average is closer to the year's peak than to its rate on 1 January",
    "start": "the 2025 average is closer to the rate on 1 January than to the year's peak"},
    note="A day-weighted average counts each rate by the days it stood. A peak that lasted "
         "weeks moves the average little, and a rate that few cargoes paid (buyers stopped "
         "booking US beans at the highest rates) says more about the threat than about what "
         "was collected. Which rate shipments paid also depends on exclusions (the waiver "
         "basis) and on when cargoes cleared customs.")
def _mean_reading() -> str:
    """Whether the 2025 average soybean tariff is closer to the year's peak or its 1 January rate."""
    days_2025 = _soy_path().loc["2025"]
    return ("peak" if days_2025.max() - days_2025.mean() < days_2025.mean() - days_2025.iloc[0]
            else "start")


@choice("01_stack_vs_average_reading", {
    "above": "the List 3 good's additional duty is above PIIE's average US tariff on Chinese goods",
    "below": "the List 3 good's additional duty is at or below PIIE's average"},
    note="PIIE's average weights every good by its trade before the duties, and goods on "
         "no list or exempted from a duty pull it down; one good on List 3 pays the full "
         "stack. Averages and single-good rates answer different questions: "
         "what the typical dollar of imports faced, against what a given importer paid.")
def _stack_vs_average() -> str:
    """Whether the List 3 stack on 2025-04-12 exceeds PIIE's latest average on or before it."""
    avg = load("average_tariffs")
    piie = avg[(avg["publisher"] == "PIIE") & (avg["direction"] == "us_on_china")
               & (avg["date"] <= pd.Timestamp("2025-04-12"))]
    return "above" if _stack_list3() > piie.sort_values("date")["avg_tariff_pct"].iloc[-1] else "below"

