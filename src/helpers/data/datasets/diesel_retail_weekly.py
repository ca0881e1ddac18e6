"""US No. 2 diesel retail price, weekly (EIA via FRED GASDESW), USD per gallon."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.data import extracts, pulls, schemas
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec, Live, Pull, Series

COLUMNS = ["date", "series_id", "usd_per_gal"]
SERIES = (Series("GASDESW", "US No. 2 diesel retail price, all types, weekly", "USD/gal"),)


def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "date": schemas.date("the Monday the weekly price is dated (EIA survey day)",
                                 pa.Check(lambda d: d.dt.day_of_week == 0,
                                          error="weekly diesel prices are dated on a Monday")),
            "series_id": schemas.one_of("FRED id GASDESW", ["GASDESW"]),
            "usd_per_gal": schemas.non_negative("retail price of No. 2 diesel, all types",
                                                "USD/gal"),
        },
        unique=["date", "series_id"], coerce=True, strict=True,
    )


def build(sources: Path) -> pd.DataFrame:
    """The weekly retail diesel price as printed in the FRED CSV copy."""
    df = extracts.fred(sources, "macro/GASDESW.csv")
    return df.assign(series_id="GASDESW").rename(columns={"value": "usd_per_gal"})[COLUMNS]


def pull(spec: DatasetSpec) -> Pull:
    values, origins = pulls.fred(spec)
    return Pull(pulls.long_frame(values, value_column="usd_per_gal")[COLUMNS], origins)


SPEC = DatasetSpec(
    id="diesel_retail_weekly",
    title="US No. 2 diesel retail price, weekly",
    role="core",
    publisher="U.S. Energy Information Administration (Gasoline and Diesel Fuel Update), via FRED",
    units="USD per gallon, including taxes",
    frequency="weekly (dated Monday), not seasonally adjusted",
    origin_url="https://fred.stlouisfed.org/series/GASDESW ; https://www.eia.gov/petroleum/gasdiesel/",
    licence="U.S. government work, public domain",
    source_line="EIA weekly retail diesel price (GASDESW) via FRED",
    caveats=(
        ("Two public copies agree on all 197 weeks. The monthly series GASDESM (in farm_input_prices) "
         "ends 2025-03; farm_input_prices also carries GASDESW_MONTHLY_MEAN_COMPUTED, the kit's "
         "monthly mean of these weeks (whole months only, 2023-01..2026-09), which equals GASDESM "
         "in 25 of the 27 shared months and is 0.001 USD/gal off in the other two."),
    ),
    gaps=("Nothing before 2023-01-02 in the snapshot (the copies start there); a refresh pulls the "
          "whole series from 1994.",),
    files=(DataFile("snapshot/diesel_retail_weekly.csv", build=build,
                    copied_from=(
                        ("GASDESW: silverprawn/silverprawn.github.io GASDESW.csv "
                         "@cd6907c35fa003cb685082df1ff61c67271f339e (FRED CSV); second copy "
                         "billywelsh26-jpg/billywelsh26-jpg.github.io GASDESW.csv "
                         "@2dd96182ffd3b8d0148209eb52c0a5a2cd00d6c6, identical on all weeks"),
                    )),),
    schema=schema,
    date_column="date",
    series=SERIES,
    live=Live("FRED", pull),
    usual_lag_days=7,  # EIA publishes the Monday survey price the same Monday or the next day
    # (Gasoline and Diesel Fuel Update schedule); FRED posts it within days: about a week
    plausibility=Plausibility(
        bounds={"usd_per_gal": (0.5, 20)},  # USD per gallon; history 3.45..6.53 (2023-2026)
        max_move=1.5),  # a week's price within a factor 1.5 of the week before
)
