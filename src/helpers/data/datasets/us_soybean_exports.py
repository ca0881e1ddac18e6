"""US soybean exports (HS 1201) to China and the world from the Census trade API (refresh only)."""

from __future__ import annotations

from helpers.data import schemas
from helpers.data.registry import DatasetSpec, Live, Pull, Series


def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "date": schemas.date("month, as its first day"),
            "destination": schemas.one_of("'China' (CTY_CODE 5700) or 'World' (all countries)",
                                          ["China", "World"]),
            "value_usd": schemas.non_negative("export value, F.A.S. basis (ALL_VAL_MO)", "USD"),
            "quantity_t": schemas.non_negative("quantity (QTY_1_MO)", "t"),
        },
        unique=["date", "destination"], coerce=True, strict=True,
    )


def pull(spec: DatasetSpec) -> Pull:
    from helpers.data.origins import census

    return Pull(census.fetch_soybean_exports(spec.id), [census.endpoint()])


SPEC = DatasetSpec(
    id="us_soybean_exports",
    title="US soybean exports (HS 1201) to China and to the world, monthly value and quantity",
    role="refresh-only",
    publisher="U.S. Census Bureau, International Trade API (timeseries/intltrade/exports/hs)",
    units="value_usd: US dollars, F.A.S.; quantity_t: metric tons (unit as returned in UNIT_QY1)",
    frequency="monthly",
    origin_url="https://api.census.gov/data/timeseries/intltrade/exports/hs",
    licence="U.S. government work, public domain",
    source_line="U.S. Census Bureau international trade API, HS 1201 exports",
    caveats=(
        ("The Census Data API requires a key on every request since 2026-05-12 (environment variable "
         "CENSUS_API_KEY, a free key from the Census Bureau); it is never written anywhere. Without it "
         "the API redirects to an HTML page and the refresh stops with a message saying so."),
    ),
    gaps=(
        ("Not in the snapshot: no text copy of the monthly series was available. Run `make "
         "data-refresh` online."),
    ),
    schema=schema,
    date_column="date",
    series=(Series("HS 1201 exports, CTY_CODE 5700 (China) and all countries",
                   "US soybean exports to China and the world", "USD (F.A.S.); t"),),
    live=Live("Census international trade API", pull, keys=("CENSUS_API_KEY",)),
    usual_lag_days=65,  # the Census API serves a month with the FT-900 release, about five
    # weeks after the month ends (census.gov/foreign-trade/schedule.html); ~2 months in all
)
