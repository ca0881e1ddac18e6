"""A year the data cover in part says so (SYNTHETIC monthly frames, made-up values)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import periods


def months(start: str, end: str) -> pd.DatetimeIndex:
    return pd.date_range(start, end, freq="MS")


def test_months_text_names_a_run_one_month_or_a_count_when_a_month_is_missing():
    assert periods.months_text(months("2025-01-01", "2025-11-01")) == "Jan-Nov"
    assert periods.months_text(months("2025-09-01", "2026-02-01")) == "Sep-Feb"
    assert periods.months_text(months("2025-09-01", "2025-09-01")) == "Sep"
    assert periods.months_text(months("2018-01-01", "2018-12-01").delete(5)) == "11 of 12 months"
    with pytest.raises(ValueError, match="no month"):
        periods.months_text(pd.DatetimeIndex([]))


def test_a_full_year_keeps_its_name_and_a_partial_one_carries_its_months():
    assert periods.period_label(2024, months("2024-01-01", "2024-12-01")) == "2024"
    assert periods.period_label(2026, months("2026-01-01", "2026-09-01")) == "2026 (Jan-Sep)"
    assert periods.period_label("2025/26", months("2025-09-01", "2025-10-01")) == "2025/26 (Sep-Oct)"


def test_a_row_whose_columns_cover_different_months_names_each_set():
    """SYNTHETIC: imports to December 2025, exports (and so the balance) to November."""
    index = months("2024-01-01", "2025-12-01")
    frame = pd.DataFrame({"imports": np.arange(24.0), "exports": np.r_[np.arange(23.0), np.nan]},
                         index=index)
    frame["balance"] = frame["exports"] - frame["imports"]
    labels = periods.row_labels(frame)
    assert labels.to_dict() == {2024: "2024",
                                2025: "2025 (imports Jan-Dec; exports, balance Jan-Nov)"}
    assert periods.row_labels(frame[["exports"]]).loc[2025] == "2025 (Jan-Nov)"


def test_marketing_years_are_labelled_by_the_groups_given():
    """SYNTHETIC: September 2024 to October 2025 in marketing years."""
    index = months("2024-09-01", "2025-10-01")
    groups = ["2024/25" if d < pd.Timestamp("2025-09-01") else "2025/26" for d in index]
    labels = periods.row_labels(pd.DataFrame({"x": 1.0}, index=index), groups)
    assert labels.to_dict() == {"2024/25": "2024/25", "2025/26": "2025/26 (Sep-Oct)"}
