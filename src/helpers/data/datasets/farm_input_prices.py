"""US farm input prices: BLS PPIs and EIA prices, via FRED, monthly, long."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.data import extracts, pulls, schemas
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec, Live, Pull, Series

COLUMNS = ["date", "series_id", "series_name", "unit", "value"]
SERIES = (
    Series("WPU0652", "PPI fertilizer materials", "index 1982=100"),
    Series("WPU0652013A", "PPI nitrogenates (ammonia, nitric acid, ammonium compounds, urea)",
           "index Dec 2014=100"),
    Series("PCU325311325311A", "PPI nitrogenous fertilizer manufacturing (series id as cited)",
           "index Dec 1979=100"),
    Series("WPU111", "PPI agricultural machinery and equipment", "index 1982=100"),
    Series("WPU01830131", "PPI soybeans", "index 1982=100"),
    Series("WPU057303", "PPI No. 2 diesel fuel (wholesale)", "index 1982=100"),
    Series("GASDESM", "US No. 2 diesel retail price", "USD/gal"),
    Series("MHHNGSP", "Henry Hub natural gas spot price", "USD/MMBtu"),
)

def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        schemas.long_monthly("per row (column unit)"), unique=["date", "series_id"],
        checks=[schemas.monthly_continuity("series_id")], coerce=True, strict=True,
    )


def build(sources: Path) -> pd.DataFrame:
    """US farm input price series (BLS PPIs, EIA diesel and gas via FRED), monthly, long."""
    frames = [
        extracts.fred(sources, f"macro/{s.id}.csv").assign(series_id=s.id, series_name=s.name,
                                                           unit=s.unit)
        for s in SERIES
    ]
    return pd.concat(frames, ignore_index=True)[COLUMNS]


def pull(spec: DatasetSpec) -> Pull:
    values, origins = pulls.fred(spec)
    out = pulls.long_frame(values, **pulls.series_columns(spec.series, "series_name", "unit"))
    return Pull(out[COLUMNS], origins)


SPEC = DatasetSpec(
    id="farm_input_prices",
    title=("US farm input prices: fertilizer and farm-machinery PPIs, soybean PPI, diesel (wholesale "
           "PPI and retail price), natural gas"),
    role="core",
    publisher=("U.S. Bureau of Labor Statistics (PPIs) and U.S. Energy Information Administration, via "
               "FRED"),
    units=("PPIs are indexes (base in the unit column: 1982=100, Dec 2014=100, Dec 1979=100); diesel "
           "USD/gal; gas USD/MMBtu"),
    frequency="monthly, not seasonally adjusted",
    coverage=("WPU0652 1933-01..2023-11; WPU0652013A 2014-12..2023-11; PCU325311325311A "
              "1975-12..2022-04; WPU111 1926-01..2023-11; WPU01830131 1947-01..2023-11; WPU057303 "
              "1973-02..2023-11; GASDESM 1994-04..2023-11; MHHNGSP 1997-01..2025-10"),
    origin_url="https://fred.stlouisfed.org/ ; https://www.bls.gov/ppi/ ; https://www.eia.gov/",
    licence="U.S. government works, public domain",
    source_line="BLS Producer Price Indexes and EIA prices, via FRED",
    caveats=(
        ("PCU325311325311A: the series id is as cited by the copy's own script; the file's header says "
         "only 'Nitrogen'. Its base (100 at 1979-12) is read from the data."),
        ("WPU0652013A's title (synthetic ammonia, nitric acid, ammonium compounds and urea) is FRED's; "
         "the copy does not print it."),
        ("WPU111 (BLS commodity code 11-1) is the agricultural machinery and equipment index. An "
         "earlier version of this dataset carried WPU1141 under that name; WPU1141 is BLS code 11-41, "
         "'Pumps, compressors, and equipment', so it was mislabelled and is no longer used."),
        ("WPU057303 (PPI No. 2 diesel fuel) is a wholesale (producer) price index, 1982=100; GASDESM "
         "is the EIA retail price in USD per gallon. They are different series: do not splice them."),
        ("Every series is single-source: no second public copy was found. WPU111 passes a plausibility "
         "check only (1982-07 = 100 on a 1982=100 base)."),
    ),
    gaps=(
        ("PPIs and diesel end 2023-11 (nitrogen manufacturing 2022-04) in the snapshot; a refresh "
         "fixes the end."),
        "PCU325311325311A is blank 1980-01..1980-11 (missing in the source).",
        "WPU01830131 is blank at 1973-09 (NA in the source).",
    ),
    files=(DataFile("snapshot/farm_input_prices_monthly.csv", build=build,
                    copied_from=(
                        ("WPU0652, WPU0652013A, WPU111, WPU01830131, WPU057303, GASDESM: "
                         "open-datahub/commodity @028f74ce56448a8a94d60d52357342dad4b6213b"),
                        ("PCU325311325311A: justin-e-dong/fertilizer-time-series 'Nitrogen "
                         "Fertilizer.csv' @7c6a4c76e4033910fadf4c633904f81f1408e43f"),
                        ("MHHNGSP: lien762/FRED_Colab MHHNGSP.csv "
                         "@d058669c74f2254feedb92a0d6e3565b03bd160b (FRED CSV)"),
                    )),),
    schema=schema,
    date_column="date",
    series=SERIES,
    live=Live("FRED", pull),
    plausibility=Plausibility(
        bounds={"value": (0, 10_000)},  # indexes and USD per unit; history 0.96..749
        max_move=5),  # largest monthly move in the history x2.0
)
