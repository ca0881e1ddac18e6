"""USDA FAS weekly export sales of US soybeans to China (thousand metric tons), by
marketing year."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.data import extracts, schemas
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec, Live, Pull, Series

COLUMNS = ["date", "marketing_year", "destination", "total_commitments_kmt",
           "accumulated_exports_kmt", "outstanding_sales_kmt", "net_sales_kmt", "note"]


def _marketing_years_consecutive(years: pd.Series) -> pd.Series:
    """'2024/25' style labels whose second year follows the first (1999/00 included)."""
    start = pd.to_numeric(years.str[:4], errors="coerce")
    return (start + 1) % 100 == pd.to_numeric(years.str[5:], errors="coerce")


def _commitments_add_up(df: pd.DataFrame) -> pd.Series:
    """Total commitments = accumulated exports + outstanding sales, within the 0.1 kt rounding."""
    gap = (df["total_commitments_kmt"] - df["accumulated_exports_kmt"]
           - df["outstanding_sales_kmt"]).abs()
    return gap.isna() | (gap <= 0.1 + 1e-6)


def _kmt(description: str, non_negative: bool = True):
    import pandera.pandas as pa

    checks = [pa.Check.ge(0)] if non_negative else []
    return pa.Column(float, checks, nullable=True, metadata={"unit": "kt"},
                     description=f"{description}; thousand metric tons (kt)")


def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "date": schemas.date("week ending (a Thursday), ISO date",
                                 pa.Check(lambda d: d.dt.day_of_week == 3,
                                          error="week ending must be a Thursday")),
            "marketing_year": schemas.text(
                "US soybean marketing year, 1 September to 31 August, written '2024/25'",
                pa.Check.str_matches(r"^\d{4}/\d{2}$"),
                pa.Check(_marketing_years_consecutive, error="years must be consecutive")),
            "destination": schemas.one_of("'China' (Mainland) or 'World' (all destinations)",
                                          ["China", "World"]),
            "total_commitments_kmt": _kmt("accumulated exports + outstanding sales"),
            "accumulated_exports_kmt": _kmt("shipped since 1 September of the marketing year; "
                                            "0 on weeks before it starts"),
            "outstanding_sales_kmt": _kmt("sold, not yet shipped"),
            "net_sales_kmt": _kmt("new sales minus cancellations in the week; may be negative",
                                  non_negative=False),
            "note": schemas.text("blank, the source copy's flag on a week it could not "
                                 "confirm (kept word for word), or why a first week's net "
                                 "sales are blank", nullable=True),
        },
        unique=["date", "marketing_year", "destination"],
        checks=[pa.Check(_commitments_add_up,
                         error="total commitments must equal accumulated exports + outstanding "
                               "sales (within 0.1 kt)")],
        coerce=True, strict=True,
    )


FIRST_WEEK_NOTE = ("first week of the marketing year: the copy's net sales ({copied} kt) are the "
                   "change in total commitments, which includes the outstanding sales carried "
                   "in from {previous}; {previous} is not in the copy, so the week's net sales "
                   "are unknown here")


def first_week_net_sales(esr: pd.DataFrame) -> pd.DataFrame:
    """Net sales of each marketing year's first week from the copy's own fields.

    The copy's net sales are the week-to-week change in total commitments. In the first
    week of a marketing year (the first week ending on or after 1 September) the total also
    takes in the old year's outstanding sales, which ESR carries over into the new year, so
    the change overstates the week's sales by that carry-in. Rule: first-week net sales =
    total commitments - the forward book of the week before - the old year's outstanding
    sales in its last week before 1 September. Where the old year is not in the copy, the
    carry-in is unknown: net sales are left blank and the row says why. Text in, text out.
    """
    out = esr.copy()
    total = pd.to_numeric(out["total_commitments_kmt"])
    outstanding = pd.to_numeric(out["outstanding_sales_kmt"])
    dates = pd.to_datetime(out["week_ending"])
    starts = pd.to_datetime(out["marketing_year"].str[:4] + "-09-01")
    for year in out["marketing_year"].unique():
        own = (out["marketing_year"] == year) & (dates >= starts)
        if not own.any():
            continue
        first = dates[own].idxmin()
        before = (out["marketing_year"] == year) & (dates < dates[first])
        start_year = int(year[:4])
        previous = f"{start_year - 1}/{start_year % 100:02d}"
        old = (out["marketing_year"] == previous) & (dates < starts[first])
        if not before.any() or not old.any():
            out.loc[first, "note"] = FIRST_WEEK_NOTE.format(
                copied=out.loc[first, "net_sales_kmt"], previous=previous)
            out.loc[first, "net_sales_kmt"] = ""
            continue
        carried_in = outstanding[dates[old].idxmax()]
        net = total[first] - total[dates[before].idxmax()] - carried_in
        out.loc[first, "net_sales_kmt"] = f"{net:.1f}"
    return out


def build(sources: Path) -> pd.DataFrame:
    """USDA FAS weekly export sales of US soybeans to China (thousand metric tons), long.

    One row per week ending (Thursday) and marketing year: a week before 1 September can
    carry both the current year and the next year's forward book. ``note`` keeps the
    copy's flags on weeks it could not confirm, word for word, and says where a first
    week's net sales are blank (``first_week_net_sales``). Absent weeks stay absent.
    """
    esr = extracts.read(sources,
                        "soybeans/usda_fas_esr_soybeans_to_china_weekly_my2024_2027.csv")
    esr = first_week_net_sales(esr)
    out = esr.rename(columns={"week_ending": "date"}).assign(destination="China")
    return out[COLUMNS]


def pull(spec: DatasetSpec) -> Pull:
    from helpers.data.origins import esr

    table, origins = esr.fetch(spec.id)
    return Pull(table, origins)


SPEC = DatasetSpec(
    id="us_soybean_export_sales",
    title=("US soybean export sales to China, weekly: commitments, accumulated exports, outstanding "
           "and net sales"),
    role="core",
    publisher="USDA Foreign Agricultural Service, Export Sales Reporting (ESR)",
    units="thousand metric tons (kt); net sales may be negative (cancellations)",
    frequency="weekly (week ending Thursday), by marketing year (1 September - 31 August)",
    origin_url=("https://api.fas.usda.gov/api/esr/exports/commodityCode/801/countryCode/5700/marketYear"
                "/{year} (also served at apps.fas.usda.gov/OpenData/api/esr/...)"),
    licence="U.S. government work, public domain",
    source_line="USDA FAS Export Sales Reporting, soybeans (snapshot via USDA AMS AgTransport)",
    caveats=(
        ("The snapshot is a processed public copy, not the FAS release: ESR figures as republished by "
         "USDA AMS AgTransport (Socrata dataset wnn7-29tu), then stored in a dashboard payload, from "
         "which the three China curves were transcribed. A refresh reads the FAS OpenData ESR API "
         "instead."),
        ("A week before 1 September appears under two marketing years: the current year's row and the "
         "next year's forward book (accumulated exports 0). The key is date + marketing_year + "
         "destination; never add rows across marketing years."),
        ("Flagged weeks (column note, the copy's words kept verbatim): MY 2025/26 2025-10-30 and "
         "2025-11-06 have equal net sales (232.0 kt each) inside the 2025-10-01..2025-11-12 US "
         "government shutdown, when ESR was not published: the pattern of a value filled across the "
         "gap, unconfirmed. MY 2025/26 2026-07-23, 2026-07-30, 2026-08-13, 2026-08-20 and 2026-08-27 "
         "are unchanged from the week before (net 0.0): genuine or carried forward, unconfirmed."),
        ("The copy is known to fill gaps: in its MY 2018/19 China curve (not in the snapshot) the "
         "2018-19 shutdown weeks carry identical net sales."),
        ("Checked against published figures: commitments to China were zero as of 2025-09-18 and 6.81 "
         "Mt a year earlier (Argus Media, 2025-09-25; rows 2025-09-18 = 0.0 and 2024-09-19 = 6,812.3 "
         "kt); less than 4 Mt sold to China by late November 2025 (Bloomberg via farmdoc Farm Policy "
         "News, December 2025; at most 3,015.0 kt through 2025-11-27). Not matched: AP (via Pro "
         "Farmer, November 2025) reported purchases of about 332,000 t in the delayed shutdown data; "
         "no row equals 332 (the copy has 232.0, 464.0, 364.0 for 2025-10-30, 2025-11-06, 2025-11-13). "
         "Unresolved."),
        ("In every row, total commitments = accumulated exports + outstanding sales (within 0.1 kt) "
         "and, except in a marketing year's first week, net sales equal the week-to-week change in "
         "total commitments (within 0.15 kt). Weekly exports are not a column: they are the "
         "week-to-week change in accumulated exports."),
        ("First week of a marketing year: ESR carries the old year's unshipped (outstanding) sales "
         "into the new year, so the change in total commitments that week is net sales plus that "
         "carry-in. The kit's rule, from the copy's own fields: first-week net sales = total "
         "commitments - the forward book of the week before - the old year's outstanding sales in "
         "its last week. 2025-09-04 (2025/26): 2024/25 ended with 0.0 outstanding, so 0.0. "
         "2024-09-05 (2024/25): the copy's 1,072.2 kt counts the 2023/24 carry-in, which the copy "
         "does not hold, so net sales are blank and the note keeps the copy's figure; a refresh "
         "reads ESR's own net sales for the week."),
        ("ESR reports the week spanning 1 September under both marketing years: the old year's last "
         "week (with next-year fields) and the new year's first. The refresh ends the old year's "
         "forward book where the new year's own rows begin, so a week has one row per marketing "
         "year."),
        ("From 2025-10-30, MY 2025/26 and 2026/27 outstanding sales are whole thousands of tonnes "
         "while accumulated exports carry decimals; the copy does not explain the rounding."),
        ("Single-source apart from the published figures above: no second machine-readable copy of ESR "
         "sales to China for 2025/26 was found. The payload used is one of several versions "
         "(latest_date 2026-08-27); newer versions were not available as text."),
        ("The live refresh needs a FAS OpenData API key, sent in the X-Api-Key header and read from "
         "the environment; it is never written anywhere."),
    ),
    gaps=(
        ("Weeks not in the copy are absent rows, never zeros: nothing before 2024-04-04 or after "
         "2026-08-27 in the snapshot."),
        "No all-destinations ('World') rows in the snapshot; a refresh adds them.",
        ("MY 2025/26 weeks 2025-10-02..2025-10-23 also fall inside the shutdown; the copy shows 0.0 "
         "and does not flag them."),
    ),
    files=(DataFile("snapshot/us_soybean_export_sales_weekly.csv", build=build,
                    copied_from=(
                        ("huichengguan/usda-export-sales multi_commodity_payload.json "
                         "@0d813537bc8424c15d8a20930dad825190c533d7, key path "
                         "soybeans.data.china.curves['2024-25' | '2025-26' | '2026-27'] (payload "
                         "latest_date 2026-08-27; fields totcommcmy, accexportscmy, outsalescmy, "
                         "netsalescmy of USDA AMS AgTransport dataset wnn7-29tu)"),
                    )),),
    schema=schema,
    date_column="date",
    series=(Series("ESR soybeans (commodity 801) to China (country 5700)",
                   "US soybean export sales to China", "kt"),
            Series("ESR soybeans (commodity 801), all countries",
                   "US soybean export sales to all destinations", "kt")),
    live=Live("USDA FAS OpenData ESR", pull, keys=("FAS_API_KEY",)),
    usual_lag_days=8,  # FAS publishes the week ending Thursday on the Thursday after, at
    # 8:30 ET (ESR release schedule, apps.fas.usda.gov/export-sales)
    plausibility=Plausibility(
        bounds={"total_commitments_kmt": (0, 100_000),  # kt; to China up to 22,480
                "accumulated_exports_kmt": (0, 100_000),
                "outstanding_sales_kmt": (0, 100_000),
                "net_sales_kmt": (-20_000, 20_000)}),  # kt a week; history -100..2,142
)
