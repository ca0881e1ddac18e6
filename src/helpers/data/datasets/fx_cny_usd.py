"""Chinese yuan per US dollar: FRED EXCHUS (monthly average), DEXCHUS (daily) and the kit's
monthly means of DEXCHUS for whole months (labelled computed; they bridge the months after
EXCHUS ends). The daily rates of 2019-08..2020-11, which the extracts lack, come from a second
public copy of FRED DEXCHUS committed beside the snapshot (``snapshot/copies/``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.data import computed, extracts, pulls, schemas
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec, Live, Pull, Series

COLUMNS = ["date", "series_id", "freq", "cny_per_usd"]
SERIES = (
    Series("EXCHUS", "CNY per USD, monthly average of daily rates", "CNY per USD"),
    Series("DEXCHUS", "CNY per USD, noon buying rate in New York", "CNY per USD"),
)
BRIDGE = "DEXCHUS_MONTHLY_MEAN_COMPUTED"  # not a FRED id: computed by the kit, never pulled
BRIDGE_SERIES = Series(BRIDGE, "CNY per USD, monthly mean of DEXCHUS computed by the kit (whole "
                       "months of the daily series)", "CNY per USD")
FREQ = {"EXCHUS": "month", "DEXCHUS": "day"}
SERIES_FREQ = {**FREQ, BRIDGE: "month"}

def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "date": schemas.date("the month's first day (EXCHUS, the computed means) or the day "
                                 "(DEXCHUS)"),
            "series_id": schemas.one_of(f"FRED id EXCHUS (monthly) or DEXCHUS (daily), or {BRIDGE} "
                                        "(monthly mean of DEXCHUS computed by the kit, whole "
                                        "months only)", list(SERIES_FREQ)),
            "freq": schemas.one_of("'month' or 'day'", ["month", "day"]),
            "cny_per_usd": pa.Column(float, pa.Check.in_range(0.1, 20), nullable=True,
                                     metadata={"unit": "CNY per USD"},
                                     description="yuan per US dollar; blank on US holidays"),
        },
        unique=["date", "series_id"],
        checks=[pa.Check(lambda df: schemas.months_contiguous(df[df["freq"] == "month"],
                                                              by="series_id"),
                         element_wise=False, error="monthly rates must run without a missing row")],
        coerce=True, strict=True,
    )


def bridge(daily: pd.Series) -> pd.Series:
    """Monthly means of the daily rates (CNY per USD, 4 decimals as FRED prints EXCHUS) for
    every whole month of the daily series; partial months get none."""
    return computed.complete_monthly_means(daily).round(4)


def _with_bridge(values: dict[str, pd.Series]) -> dict[str, pd.Series]:
    return {**values, BRIDGE: bridge(values["DEXCHUS"])}


def build(sources: Path) -> pd.DataFrame:
    """CNY per USD: FRED EXCHUS (monthly average) and DEXCHUS (daily noon buying rate), as
    printed, and the kit's monthly means of DEXCHUS for its whole months (DEXCHUS_MONTHLY_MEAN_
    COMPUTED, which bridges the months after EXCHUS ends)."""
    text = {sid: extracts.fred(sources, f"macro/{sid}.csv") for sid in FREQ}
    daily = text["DEXCHUS"]
    numbers = {"DEXCHUS": pd.Series(pd.to_numeric(daily["value"]).values,
                                    index=pd.to_datetime(daily["date"]))}
    means = bridge(numbers["DEXCHUS"])
    frames = [df.assign(series_id=sid, freq=FREQ[sid]) for sid, df in text.items()]
    frames.append(pd.DataFrame({"date": means.index.strftime("%Y-%m-%d"), "series_id": BRIDGE,
                                "freq": "month", "value": means.map("{:.4f}".format).values}))
    out = pd.concat(frames, ignore_index=True).rename(columns={"value": "cny_per_usd"})
    return out[COLUMNS]


EARLIER_DAILY = "snapshot/copies/dexchus_daily_2019-08_2020-11.csv"


def with_earlier_daily(table: pd.DataFrame, earlier: pd.DataFrame) -> pd.DataFrame:
    """The snapshot table with the earlier copy's daily rates before its own first day, and
    computed monthly means for the whole months that only the two copies together cover and
    that neither EXCHUS nor the snapshot's means hold (2019-09..2020-11)."""
    own_daily = table[table["series_id"] == "DEXCHUS"]
    earlier = earlier[earlier["date"] < own_daily["date"].min()]
    daily = pd.concat([earlier, own_daily]).set_index("date")["cny_per_usd"]
    known = set(table.loc[table["series_id"] != "DEXCHUS", "date"])
    means = bridge(daily)
    means = means[(means.index > table.loc[table["series_id"] == "EXCHUS", "date"].max())
                  & ~means.index.isin(known)]
    added = pd.DataFrame({"date": means.index, "series_id": BRIDGE, "freq": "month",
                          "cny_per_usd": means.values})
    out = pd.concat([table, earlier, added], ignore_index=True)
    return out.sort_values(["series_id", "date"], ignore_index=True)


def pull(spec: DatasetSpec) -> Pull:
    values, origins = pulls.fred(spec, list(FREQ))
    out = pulls.long_frame(_with_bridge(values), value_column="cny_per_usd", freq=SERIES_FREQ)
    return Pull(out[COLUMNS], origins)


SPEC = DatasetSpec(
    id="fx_cny_usd",
    title="Chinese yuan per US dollar: monthly history and recent daily rates",
    role="core",
    publisher="Board of Governors of the Federal Reserve System (H.10), via FRED",
    units="CNY per USD",
    frequency=("monthly (EXCHUS, average of daily rates) and daily (DEXCHUS, noon buying rates in New "
               "York)"),
    origin_url="https://fred.stlouisfed.org/series/EXCHUS ; https://fred.stlouisfed.org/series/DEXCHUS",
    licence="U.S. government work, public domain",
    source_line="Federal Reserve H.10 via FRED (EXCHUS, DEXCHUS)",
    caveats=(
        ("DEXCHUS_MONTHLY_MEAN_COMPUTED is not published: the kit computes it as the mean of the "
         "month's daily DEXCHUS rates (US holidays skipped), rounded to 4 decimals as FRED prints "
         "EXCHUS, for every whole month of the daily series (here 2020-12..2026-08, after EXCHUS "
         "ends; a refresh computes it wherever daily rates exist). Use EXCHUS where it is "
         "published and the computed means after it. EXCHUS is that same mean, published by the "
         "Federal Reserve: monthly means of the daily copy reproduce EXCHUS for 2017-09 and 2019-08. "
         "A month cut by the start or end of the daily copy (2020-11, 2026-09) gets no computed "
         "value."),
        ("EXCHUS 2017-09 is 6.569 (the whole month's mean); an earlier copy held 6.5144, a "
         "partial-month value. The other 440 months of the two copies are identical."),
        ("The daily copy of 2026 agrees with the earlier extract on all 1,305 overlapping days (an "
         "independent copy)."),
        ("The daily rates 2019-08-01..2020-11-27 come from a second public copy of FRED DEXCHUS "
         "(full history 1981-01-02..2023-09-15), checked two ways: its 2019-08 monthly mean is "
         "7.0629, FRED's EXCHUS for that month, and its 22 days 2020-11-30..2020-12-31 equal the "
         "main daily copy. The months 2019-09..2020-11 of the computed means rest on it."),
    ),
    gaps=(
        "DEXCHUS is blank on US holidays (blank in the source).",
    ),
    files=(DataFile("snapshot/fx_cny_usd.csv", build=build, schema=schema,
                    copied_from=(
                        ("EXCHUS: tzeghnoun/DZ data/EXCHUS.csv "
                         "@92631ed4fe33b0e37b9977218bf4a10c3750bfcd (FRED CSV, to 2019-08; replaces "
                         "Tornadoofsoul/USCN EXCHUS.csv @47f6f0a3fe61a695340a2f0da9566d29ea5d56f2)"),
                        ("DEXCHUS: vichobug/fx-hedging-sim data/DEXCHUS.csv "
                         "@157e8bbcf34ec85e05cee81e5f07b528b6747c1c (FRED CSV, to 2026-09-18; "
                         "replaces skyexry/cnyusd-volatility-modeling DEXCHUS.csv "
                         "@1fd49961af7925e10b673bf8a4053161fd2d7cf4)"),
                    )),
           DataFile(EARLIER_DAILY, schema=schema,
                    copied_from=(
                        ("DEXCHUS 2019-08-01..2020-11-27: AlexVazquez19/interest-exchange-rates "
                         "DEXCHUS.csv @c2edb8d461df54e29528f71e2418cabcf296dcf0 (FRED CSV, "
                         "'DATE,DEXCHUS', '.' for no rate, 1981-01-02..2023-09-15; rows kept as "
                         "printed, '.' written blank)"),
                    ))),
    schema=schema,
    combine=with_earlier_daily,
    date_column="date",
    series=(*SERIES, BRIDGE_SERIES),
    live=Live("FRED", pull),
    usual_lag_days=7,  # the Federal Reserve releases H.10 daily rates weekly, on Mondays, for
    # the week before (federalreserve.gov/releases/h10 schedule): at most about a week old
    plausibility=Plausibility(
        bounds={"cny_per_usd": (0.5, 50)},  # history 1.55..8.73
        max_move=3),  # largest move in the history x1.5 (January 1994 unification)
)
