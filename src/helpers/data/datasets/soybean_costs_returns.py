"""USDA ERS soybean costs and returns per planted acre, US and regions, annual, long."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.data import extracts, schemas
from helpers.data.errors import DataError
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec

EXTRACT = "farm/usda_ers_soybean_costs_returns_annual.csv"
COLUMNS = ["year", "region", "category", "item", "unit", "value", "survey_base_year"]
# Columns of the extract that hold one value only; the builder checks it and drops them.
CONSTANT = {"commodity": "Soybean", "size": "No specific size", "country": "United States"}
REGIONS = ["U.S. total", "Heartland", "Northern Crescent", "Northern Great Plains",
           "Prairie Gateway", "Eastern Uplands", "Southern Seaboard", "Mississippi Portal"]
UNITS = ["dollars per planted acre", "bushels per planted acre", "dollars per bushel at harvest",
         "planted acres", "percent of acres"]


def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "year": pa.Column(int, pa.Check.in_range(1997, 2100),
                              description="calendar (crop) year of the estimate"),
            "region": schemas.one_of("'U.S. total' or an ERS farm resource region", REGIONS),
            "category": schemas.text("ERS category: Gross value of production, Operating costs, "
                                     "Allocated overhead, Costs listed, Net value, Supporting "
                                     "information or Production practices"),
            "item": schemas.text("the cost or return item, as ERS labels it (spaces trimmed)"),
            "unit": schemas.one_of("the unit of the row's value", UNITS),
            "value": pa.Column(float, nullable=False, metadata={"unit": "per row (column unit)"},
                               description="the estimate; net values may be negative"),
            "survey_base_year": schemas.text("the ARMS survey base of the estimate ('Base "
                                             "survey of 2018'); levels can jump where it changes"),
        },
        unique=["year", "region", "category", "item"], coerce=True, strict=True,
    )


def build(sources: Path) -> pd.DataFrame:
    """ERS soybean costs and returns, one row per year x region x item, U.S. total first."""
    df = extracts.read(sources, EXTRACT)
    for column, value in CONSTANT.items():
        other = sorted(set(df[column]) - {value})
        if other:
            raise DataError("soybean_costs_returns", f"{sources / EXTRACT}, column '{column}'",
                            f"expected only {value!r}, found {other[:3]}")
    return df[COLUMNS]


def dated(df: pd.DataFrame) -> pd.DataFrame:
    """Add ``date``: 1 January of the crop year, the kit's date for annual rows (so the table
    has an as-of date like the other annual series)."""
    return df.assign(date=pd.to_datetime(df["year"].astype(str) + "-01-01"))


SPEC = DatasetSpec(
    id="soybean_costs_returns",
    title="Soybean costs and returns per planted acre, US and farm resource regions",
    role="core",
    publisher=("USDA Economic Research Service, Commodity Costs and Returns (soybean "
               "cost-of-production estimates from the ARMS surveys)"),
    units=("dollars per planted acre (costs, values, net values); bushels per planted acre "
           "(yield); dollars per bushel at harvest (price); planted acres (enterprise size); "
           "percent of acres (dryland, irrigated); unit column per row"),
    frequency="annual",
    origin_url="https://www.ers.usda.gov/data-products/commodity-costs-and-returns",
    licence="U.S. government work, public domain",
    source_line="USDA ERS Commodity Costs and Returns, soybeans (release of about Oct/Nov 2025)",
    caveats=(
        ("The survey base changes in 2002, 2006, 2012 and 2018 (column survey_base_year); levels "
         "can jump at a change (capital recovery of machinery: 90.99 in 2017, 107.55 in 2018)."),
        ("'Price' is the harvest-period price (dollars per bushel at harvest), not the "
         "marketing-year average price received (2018: 8.61 against 8.48)."),
        ("Estimates are revised between releases: 55 cells of 2022 differ from the 2024 release "
         "(U.S. yield 53 -> 52 bu, value less total costs 81.91 -> 80.08); the dataset "
         "xcheck_soybean_costs_returns_revisions lists them."),
        ("An earlier release (1997-2023, andyL09/Currency-Predictor @5341e65d) agrees on all "
         "5,616 shared values."),
        ("Labels were trimmed of leading and trailing spaces ('Fertilizer  '); the extract's "
         "constant columns (commodity Soybean, size 'No specific size', country United States) "
         "are dropped; values are unchanged."),
        "Nominal dollars; no inflation adjustment.",
    ),
    gaps=(
        ("No 2025 estimate; the ERS 2025 forecast (625 USD/acre total cost) is single-source and "
         "kept only in the cross-check dataset."),
        ("Zeros are as ERS prints them (purchased irrigation water in 161 rows, irrigated share "
         "in 20); no year, region or item is missing."),
    ),
    files=(DataFile("snapshot/soybean_costs_returns_annual.csv", build=build,
                    copied_from=(
                        ("ERS SoybeanCostReturn.csv via JensenJudkins/soybean-forecast "
                         "SoybeanCostReturn.csv @e6658bb854c6e9998b235f0d2d25fb097c5d52d1 "
                         "(2025-11-04, repository snapshot)"),
                    )),),
    schema=schema,
    after=dated,
    date_column="date",
    usual_lag_days=300,  # ERS publishes a crop year's estimates around October of the next
    # year: about 300 days after the year ends (ages count from the end of the period)
    plausibility=Plausibility(
        bounds={"value": (-2_000, 5_000)}),  # USD per planted acre, USD/bu or bu/acre; history
    # -150..959 (net returns may be negative)
)
