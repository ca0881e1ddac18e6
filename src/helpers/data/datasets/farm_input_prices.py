"""US farm input prices: BLS PPIs and EIA prices, via FRED, monthly, long."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.data import computed, extracts, pulls, schemas
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
WEEKLY_DIESEL = "GASDESW"  # pulled, then averaged; its weekly values are dataset diesel_retail_weekly
DIESEL_BRIDGE = Series("GASDESW_MONTHLY_MEAN_COMPUTED",
                       "US No. 2 diesel retail price, monthly mean of weekly GASDESW computed by the "
                       "kit (whole months)", "USD/gal")

def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        schemas.long_monthly("per row (column unit)"), unique=["date", "series_id"],
        checks=[schemas.monthly_continuity("series_id")], coerce=True, strict=True,
    )


def diesel_bridge(weekly: pd.Series) -> pd.Series:
    """Monthly means (USD/gal, 3 decimals as FRED prints GASDESM) of the weekly retail diesel
    price, dated by week start as EIA does, for every whole month of the weekly series."""
    return computed.complete_monthly_means(weekly, period_days=7).round(3)


def _bridge_rows(means: pd.Series) -> pd.DataFrame:
    return pd.DataFrame({"date": means.index.strftime("%Y-%m-%d"), "series_id": DIESEL_BRIDGE.id,
                         "series_name": DIESEL_BRIDGE.name, "unit": DIESEL_BRIDGE.unit,
                         "value": means.map("{:.3f}".format).values})


def _numbers(df: pd.DataFrame) -> pd.Series:
    return pd.Series(pd.to_numeric(df["value"]).values, index=pd.to_datetime(df["date"]))


def build(sources: Path) -> pd.DataFrame:
    """US farm input price series (BLS PPIs, EIA diesel and gas via FRED), monthly, long, as
    printed, and the kit's monthly means of weekly GASDESW (computed; they run on after
    GASDESM ends)."""
    text = {s.id: extracts.fred(sources, f"macro/{s.id}.csv") for s in SERIES}
    frames = [text[s.id].assign(series_id=s.id, series_name=s.name, unit=s.unit) for s in SERIES]
    weekly = _numbers(extracts.fred(sources, f"macro/{WEEKLY_DIESEL}.csv"))
    frames.append(_bridge_rows(diesel_bridge(weekly)))
    return pd.concat(frames, ignore_index=True)[COLUMNS]


def pull(spec: DatasetSpec) -> Pull:
    values, origins = pulls.fred(spec, [*(s.id for s in SERIES), WEEKLY_DIESEL])
    weekly = values.pop(WEEKLY_DIESEL)
    out = pulls.long_frame(values, **pulls.series_columns(SERIES, "series_name", "unit"))
    bridge = _bridge_rows(diesel_bridge(weekly)).assign(
        value=lambda df: pd.to_numeric(df["value"]))
    return Pull(pd.concat([out, bridge], ignore_index=True)[COLUMNS], origins)


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
        ("Every PPI is single-source: no second public copy was found. WPU111 passes a plausibility "
         "check only (1982-07 = 100 on a 1982=100 base). MHHNGSP has two copies agreeing on all 351 "
         "shared months."),
        ("WPU0652013A 2023-11 is 107.127 (revised; an earlier copy held the first release 110.098: "
         "BLS revises a PPI four months after first release). 2025-12..2026-03 may still be "
         "preliminary."),
        ("GASDESW_MONTHLY_MEAN_COMPUTED is not published: the kit computes it as the mean of the "
         "weekly GASDESW prices dated in the month (dataset diesel_retail_weekly), rounded to 3 "
         "decimals as FRED prints GASDESM, for every whole month of the weekly copy (2023-01.."
         "2026-09; 2026-10 is partial and gets none). Where both exist (2023-01..2025-03) it equals "
         "GASDESM in 25 of 27 months and is 0.001 USD/gal off in the other two; use GASDESM where "
         "published and the computed "
         "means after it (2025-04..2026-09)."),
    ),
    gaps=(
        ("WPU0652, WPU111, WPU01830131 and WPU057303 end 2023-11 and PCU325311325311A 2022-04 in the "
         "snapshot (no later copy was found); a refresh fixes the end. WPU0652013A runs to 2026-03, "
         "retail diesel to 2026-09 (computed from weekly prices after 2025-03), gas to 2026-05."),
        "PCU325311325311A is blank 1980-01..1980-11 (missing in the source).",
        "WPU01830131 is blank at 1973-09 (NA in the source).",
    ),
    files=(DataFile("snapshot/farm_input_prices_monthly.csv", build=build,
                    copied_from=(
                        ("WPU0652, WPU111, WPU01830131, WPU057303: "
                         "open-datahub/commodity @028f74ce56448a8a94d60d52357342dad4b6213b"),
                        ("WPU0652013A: soph-k/ammonia-shock-analysis data/WPU0652013A.csv "
                         "@b5c9162c68e5c9843f4b5ac2c979e39f6c69e2cc (to 2026-03; replaces the "
                         "open-datahub/commodity copy to 2023-11)"),
                        ("GASDESM: KellyJBelly/marketing_analytics-case3 GASDESM.csv "
                         "@6197b5ce9700bce4f7b8b94c5462e89a8ea8e5a0 (to 2025-03; replaces the "
                         "open-datahub/commodity copy to 2023-11)"),
                        ("GASDESW (averaged into GASDESW_MONTHLY_MEAN_COMPUTED): "
                         "silverprawn/silverprawn.github.io GASDESW.csv "
                         "@cd6907c35fa003cb685082df1ff61c67271f339e"),
                        ("PCU325311325311A: justin-e-dong/fertilizer-time-series 'Nitrogen "
                         "Fertilizer.csv' @7c6a4c76e4033910fadf4c633904f81f1408e43f"),
                        ("MHHNGSP: EdoardoTrappetti/ml-state-modeling-investment-strategies "
                         "data/MHHNGSP.csv @ebb5437455d3b4a9881e92b473c8dc8410c6c350 (FRED CSV, to "
                         "2026-05); second copy soph-k/ammonia-shock-analysis data/MHHNGSP.csv "
                         "@b5c9162c68e5c9843f4b5ac2c979e39f6c69e2cc (to 2026-03); replaces "
                         "lien762/FRED_Colab MHHNGSP.csv @d058669c74f2254feedb92a0d6e3565b03bd160b"),
                    )),),
    schema=schema,
    date_column="date",
    series=(*SERIES, DIESEL_BRIDGE),
    live=Live("FRED", pull),
    usual_lag_days=45,  # BLS releases the PPI about mid-month for the month before (BLS PPI
    # release schedule, bls.gov/schedule/news_release/ppi.htm); EIA's monthly diesel and
    # Henry Hub averages come sooner, so the PPIs' schedule is the one declared
    plausibility=Plausibility(
        bounds={"value": (0, 10_000)},  # indexes and USD per unit; history 0.96..749
        max_move=5),  # largest monthly move in the history x2.0
)
