"""Chinese yuan per US dollar: FRED EXCHUS (monthly average) and DEXCHUS (daily)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.data import extracts, pulls, schemas
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec, Live, Pull, Series

COLUMNS = ["date", "series_id", "freq", "cny_per_usd"]
SERIES = (
    Series("EXCHUS", "CNY per USD, monthly average of daily rates", "CNY per USD"),
    Series("DEXCHUS", "CNY per USD, noon buying rate in New York", "CNY per USD"),
)
FREQ = {"EXCHUS": "month", "DEXCHUS": "day"}

def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "date": schemas.date("the month's first day (EXCHUS) or the day (DEXCHUS)"),
            "series_id": schemas.one_of("FRED id: EXCHUS (monthly) or DEXCHUS (daily)", list(FREQ)),
            "freq": schemas.one_of("'month' or 'day'", ["month", "day"]),
            "cny_per_usd": pa.Column(float, pa.Check.in_range(0.1, 20), nullable=True,
                                     metadata={"unit": "CNY per USD"},
                                     description="yuan per US dollar; blank on US holidays"),
        },
        unique=["date", "series_id"],
        checks=[pa.Check(lambda df: schemas.months_contiguous(df[df["freq"] == "month"]),
                         element_wise=False, error="monthly rates must run without a missing row")],
        coerce=True, strict=True,
    )


def build(sources: Path) -> pd.DataFrame:
    """CNY per USD: FRED EXCHUS (monthly average) and DEXCHUS (daily noon buying rate)."""
    frames = [extracts.fred(sources, f"macro/{sid}.csv").assign(series_id=sid, freq=freq)
              for sid, freq in FREQ.items()]
    out = pd.concat(frames, ignore_index=True).rename(columns={"value": "cny_per_usd"})
    return out[COLUMNS]


def pull(spec: DatasetSpec) -> Pull:
    values, origins = pulls.fred(spec)
    out = pulls.long_frame(values, value_column="cny_per_usd", freq=FREQ)
    return Pull(out[COLUMNS], origins)


SPEC = DatasetSpec(
    id="fx_cny_usd",
    title="Chinese yuan per US dollar: monthly history and recent daily rates",
    role="core",
    publisher="Board of Governors of the Federal Reserve System (H.10), via FRED",
    units="CNY per USD",
    frequency=("monthly (EXCHUS, average of daily rates) and daily (DEXCHUS, noon buying rates in New "
               "York)"),
    coverage="EXCHUS 1981-01..2017-09; DEXCHUS 2020-11-30..2025-11-28",
    origin_url="https://fred.stlouisfed.org/series/EXCHUS ; https://fred.stlouisfed.org/series/DEXCHUS",
    licence="U.S. government work, public domain",
    source_line="Federal Reserve H.10 via FRED (EXCHUS, DEXCHUS)",
    caveats=(
        ("The two series do not overlap in the snapshot; a monthly series for 2017-10..2020-10 needs a "
         "refresh."),
    ),
    gaps=(
        "No rates 2017-10..2020-11-29 in the snapshot.",
        "DEXCHUS is blank on 56 US holidays (blank in the source).",
    ),
    files=(DataFile("snapshot/fx_cny_usd.csv", build=build,
                    copied_from=(
                        ("EXCHUS: Tornadoofsoul/USCN EXCHUS.csv "
                         "@47f6f0a3fe61a695340a2f0da9566d29ea5d56f2 (FRED CSV)"),
                        ("DEXCHUS: skyexry/cnyusd-volatility-modeling DEXCHUS.csv "
                         "@1fd49961af7925e10b673bf8a4053161fd2d7cf4 (FRED CSV)"),
                    )),),
    schema=schema,
    date_column="date",
    series=SERIES,
    live=Live("FRED", pull),
    plausibility=Plausibility(
        bounds={"cny_per_usd": (0.5, 50)},  # history 1.55..8.73
        max_move=3),  # largest move in the history x1.5 (January 1994 unification)
)
