"""Reference answers of notebook 05 outlook."""

from __future__ import annotations

import pandas as pd

from helpers import soy
from helpers.answers import reference
from helpers.data import load, soybean_imports


def _sales() -> pd.DataFrame:
    return load("us_soybean_export_sales")


@reference("05_outstanding_2526", 0.05, "Mt")
def _outstanding() -> float:
    """Outstanding 2025/26 US soybean sales to China in the last ESR week, Mt."""
    sales = _sales()
    return float(soy.sales_position(sales, sales["date"].max(), "2025/26")
                 ["outstanding_sales_kmt"] / 1000)


@reference("05_shipped_share_2526", 0.1, "%")
def _shipped_share() -> float:
    """Share of 2025/26 commitments to China already shipped in the last ESR week."""
    sales = _sales()
    pos = soy.sales_position(sales, sales["date"].max(), "2025/26")
    return float(100 * pos["accumulated_exports_kmt"] / pos["total_commitments_kmt"])


@reference("05_sales_nov_dec_2025", 0.05, "Mt")
def _sales_nov_dec() -> float:
    """New net sales to China in ESR weeks ending 2025-11-01..2025-12-31, Mt."""
    return soy.sales_made(_sales(), "2025-11-01", "2025-12-31") / 1000


@reference("05_basis_gap_2425", 0.05, "Mt")
def _basis_gap() -> float:
    """MY 2024/25: China's arrivals from the US minus US ESR accumulated exports, Mt."""
    arrivals = soybean_imports("quantity_kg", "month").loc["2024-09-01":"2025-08-01",
                                                            "United States"]
    if arrivals.count() < 12:
        raise ValueError("China's monthly arrivals do not cover all of MY 2024/25")
    shipped = soy.sales_position(_sales(), "2025-08-31", "2024/25")["accumulated_exports_kmt"]
    return float(soy.kg_to_million_tonnes(arrivals.sum()) - shipped / 1000)
