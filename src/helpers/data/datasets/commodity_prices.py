"""Commodity prices: IMF soybean and maize (via FRED) and the World Bank Pink Sheet tail."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.data import extracts, pulls, schemas
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec, Live, Pull, Series

PINK_SHEET_RELEASE = "Updated on May 04, 2026"
FULL_PRECISION = "text/worldbank_pinksheet_monthly_2025M06_2026M04_text.csv"
ROUNDED = "text/worldbank_pinksheet_monthly_2025M01_2026M06_rounded_text.csv"
# The release column of the months taken from the rounded copy says so.
ROUNDED_RELEASE = ("rounded to display precision; release not stated (probably July 2026); used "
                   "only for months after the full-precision copy")
COLUMNS = ["date", "series_id", "series_name", "unit", "value", "publisher", "release"]

FRED_SERIES = (
    Series("PSOYBUSDM", "Global price of soybeans (IMF)", "USD/t", "IMF via FRED"),
    Series("PMAIZMTUSDM", "Global price of maize (IMF)", "USD/t", "IMF via FRED"),
)
# The Pink Sheet series: the name the workbook prints -> the kit's id (WB_ + the code of the
# CSV release) and unit.
PINK_SHEET = {
    "Soybeans": ("WB_SOYBEANS", "USD/t"), "Soybean meal": ("WB_SOYBEAN_MEAL", "USD/t"),
    "Soybean oil": ("WB_SOYBEAN_OIL", "USD/t"), "Maize": ("WB_MAIZE", "USD/t"),
    "Urea": ("WB_UREA_EE_BULK", "USD/t"), "DAP": ("WB_DAP", "USD/t"), "TSP": ("WB_TSP", "USD/t"),
    "Potassium chloride **": ("WB_POTASH", "USD/t"), "Phosphate rock": ("WB_PHOSROCK", "USD/t"),
    "Natural gas, US": ("WB_NGAS_US", "USD/MMBtu"), "Crude oil, average": ("WB_CRUDE_PETRO", "USD/bbl"),
}
PINK_SHEET_SERIES = tuple(Series(sid, f"{name} (World Bank Pink Sheet)", unit, "World Bank")
                          for name, (sid, unit) in PINK_SHEET.items())

def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {**schemas.long_monthly("per row (column unit)"),
         "publisher": schemas.text("who publishes the series (IMF via FRED, or World Bank)"),
         "release": schemas.text("the Pink Sheet release the value is from; blank for IMF",
                                 nullable=True)},
        unique=["date", "series_id"], checks=[schemas.monthly_continuity("series_id")],
        coerce=True, strict=True,
    )


def pink_sheet_rows(wb: pd.DataFrame) -> pd.DataFrame:
    """Rows of a Pink Sheet text copy in the table's layout (units written USD/t etc.)."""
    return pd.DataFrame(
        {
            "date": wb["date"],
            "value": wb["value"],
            "series_id": "WB_" + wb["series_code"],
            "series_name": wb["series_name"] + " (World Bank Pink Sheet)",
            "unit": wb["unit"].str.replace("$/mt", "USD/t", regex=False)
            .str.replace("$/bbl", "USD/bbl", regex=False)
            .str.replace("$/mmbtu", "USD/MMBtu", regex=False),
            "publisher": "World Bank",
            "release": wb["release"],
        }
    )


def build(sources: Path) -> pd.DataFrame:
    """IMF soybean and maize prices (monthly) plus the World Bank Pink Sheet tail, long format:
    the full-precision copy to its last month, then the rounded copy's later months only."""
    frames = []
    for s in FRED_SERIES:
        df = extracts.fred(sources, f"macro/{s.id}.csv")
        frames.append(df.assign(series_id=s.id, series_name=s.name, unit=s.unit,
                                publisher=s.publisher, release=""))
    full = extracts.read(sources, FULL_PRECISION)
    rounded = extracts.read(sources, ROUNDED)
    rounded = rounded[rounded["date"] > full["date"].max()].assign(release=ROUNDED_RELEASE)
    for wb in (full, rounded):
        frames.append(pink_sheet_rows(wb))
    return pd.concat(frames, ignore_index=True)[COLUMNS]


def pull(spec: DatasetSpec) -> Pull:
    """The IMF series from FRED and the whole Pink Sheet monthly workbook."""
    from helpers.data.origins import worldbank

    values, origins = pulls.fred(spec, [s.id for s in FRED_SERIES])
    imf = pulls.long_frame(values, **pulls.series_columns(FRED_SERIES, "series_name", "unit",
                                                          "publisher"))
    wb = worldbank.fetch(spec.id, {name: sid for name, (sid, _) in PINK_SHEET.items()})
    out = pd.concat([imf.assign(release=""), wb], ignore_index=True)
    return Pull(out[COLUMNS], origins + [worldbank.endpoint()])


SPEC = DatasetSpec(
    id="commodity_prices",
    title="Commodity prices: IMF soybean and maize, World Bank Pink Sheet tail",
    role="core",
    publisher=("International Monetary Fund (Primary Commodity Prices, via FRED); World Bank "
               "(Commodity Price Data, The Pink Sheet)"),
    units=("nominal USD per metric ton (USD/t), crude oil USD/bbl, US natural gas USD/MMBtu; unit "
           "column per row"),
    frequency="monthly",
    origin_url=("https://fred.stlouisfed.org/series/PSOYBUSDM ; "
                "https://www.worldbank.org/en/research/commodity-markets"),
    licence="IMF data via FRED (IMF terms of use); World Bank data CC BY 4.0",
    source_line=("IMF Primary Commodity Prices via FRED; World Bank Pink Sheet (release of 2026-05-04; "
                 "2026-05..06 from a later release, rounded)"),
    caveats=(
        ("IMF and World Bank soybean prices are different series (different quotes); do not splice "
         "them into one line."),
        ("The Pink Sheet's latest month is revised between releases (2026-04 soybeans 463.13 here vs "
         "462.5 in the June 2026 release)."),
        ("2026-05 and 2026-06 come from a second copy rounded to display precision (e.g. soybeans 473, "
         "urea 770.5), whose release is not stated (probably July 2026); their release column says "
         "so. 119 of its 121 values overlapping the full-precision copy agree after rounding, the two "
         "others being 2026-04 revisions; the full-precision values to 2026-04 are kept."),
    ),
    gaps=(
        "IMF series end 2025-01 (soybeans) and 2024-10 (maize) in the snapshot.",
        ("Only the Pink Sheet tail 2025-06..2026-06 is in the snapshot; a refresh pulls the full "
         "history from 1960."),
    ),
    files=(DataFile("snapshot/commodity_prices_monthly.csv", build=build,
                    copied_from=(
                        ("PSOYBUSDM: andyL09/Currency-Predictor PSOYBUSDM.csv "
                         "@5341e65dee4aca4fe507a2644892e14a2d2327f3 (FRED CSV)"),
                        ("PMAIZMTUSDM: akshgarg7/stats207 PMAIZMTUSDM.csv "
                         "@913a08aff87c281dbb80302f422778ea230f17a2 (FRED CSV)"),
                        ("Pink Sheet: sebapi747/gold CMO-Historical-Data-Monthly.csv "
                         "@5a1fc1ca4c359e9880b41b0d12dcead15a08fd72 (header 'Updated on May 04, 2026')"),
                        ("Pink Sheet 2026-05..06 (rounded): Tytannn/Cross-Sectional-Equity-Prediction-"
                         "System-with-CatBoost CMO-Historical-Data-Monthly.csv "
                         "@141bbba4d5e7a7fcdc222a385ef7b322168a6990"),
                    )),),
    schema=schema,
    date_column="date",
    series=FRED_SERIES + PINK_SHEET_SERIES,
    live=Live("FRED + World Bank Pink Sheet", pull),
    usual_lag_days=5,  # the Pink Sheet is released on the second business day of the month
    # after (World Bank Commodity Markets release calendar); the IMF series via FRED follow
    # monthly within about two weeks, so the tighter World Bank schedule is the one declared
    plausibility=Plausibility(
        bounds={"value": (0, 100_000)},  # USD per unit; history 2.8..1624
        max_move=5),  # largest monthly move in the history x1.8
)
