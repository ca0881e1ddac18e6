"""Reference answers of notebook 01 tariff timeline."""

from __future__ import annotations

import pandas as pd

from helpers import tariffs
from helpers.answers import reference
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
