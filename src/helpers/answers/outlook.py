"""Reference answers of notebook 05 outlook."""

from __future__ import annotations

import pandas as pd

from helpers import outlook, soy
from helpers.answers import choice, reference
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


def _pledged_nov_dec_mt() -> float:
    """The purchase quantity the event table records for November-December 2025, Mt."""
    claims = outlook.purchase_claims(load("tariff_events"))
    return float(outlook.claim_for(claims, "2025-11..2025-12")["quantity_mt"])


@choice("05_pledge_reading", {
    "met": "ESR recorded at least the quantity pledged for those weeks",
    "short": "ESR recorded less than the quantity pledged for those weeks"},
    note="ESR counts sales as exporters report them, by the week they are made; a purchase "
         "agreed in a statement shows only when contracts are signed and reported, sales to "
         "'unknown destinations' are not counted as China's until they are switched, and "
         "cancellations net out. Traders' and press counts of purchases mix announcements, "
         "cargoes and reported sales, so a shortfall in ESR need not mean the pledge was "
         "broken, and meeting it on paper need not mean the beans shipped.")
def _pledge_reading() -> str:
    """Whether ESR's new net sales to China in Nov-Dec 2025 reached the quantity pledged."""
    return "met" if _sales_nov_dec() >= _pledged_nov_dec_mt() else "short"


@choice("05_bases_reading", {
    "arrivals": "China's arrivals are larger by more than 1 Mt",
    "esr": "ESR's accumulated exports are larger by more than 1 Mt",
    "same": "the two bases are within 1 Mt of each other"},
    note="The two bases count the same beans at different moments: ESR when they are exported "
         "(by the US marketing year), China's customs when they arrive, about a month or more "
         "later. Arrivals in September-October come from US shipments of the previous "
         "marketing year, and shipments of July-August arrive after it ends, so the gap moves "
         "with the season's timing; quantities, unlike CIF against FAS values, carry no "
         "freight, so the gap is timing and coverage, not price.")
def _bases_reading() -> str:
    """Which basis is larger in MY 2024/25: China's arrivals or ESR's accumulated exports."""
    gap = _basis_gap()
    return "same" if abs(gap) <= 1 else "arrivals" if gap > 0 else "esr"

