"""Trade-weighted average tariffs, US on China and China on US, as PIIE and CRS publish them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.data import extracts, schemas
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec, Series


def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "publisher": schemas.one_of("PIIE (Bown) or CRS (IF12990): two methods, two series",
                                        ["PIIE", "CRS"]),
            "date_as_published": schemas.text("the date with the source's own precision (a year, "
                                              "a month or a day)"),
            "date": schemas.date("that date's first day"),
            "date_precision": schemas.one_of("'day', 'month' or 'year'", ["day", "month", "year"]),
            "direction": schemas.one_of("us_on_china or china_on_us",
                                        ["us_on_china", "china_on_us"]),
            "avg_tariff_pct": pa.Column(float, pa.Check.in_range(0, 300),
                                        metadata={"unit": "percent"},
                                        description="trade-weighted average tariff, percent"),
            "citation": schemas.text("the chart or report version the figure is read from"),
        },
        unique=["publisher", "date_as_published", "direction"], coerce=True, strict=True,
    )


def build(sources: Path) -> pd.DataFrame:
    """Trade-weighted average tariffs as published, long: one row per publisher, date, direction.

    PIIE (Bown) and CRS (IF12990) use different methods; ``publisher`` keeps them apart.
    ``date_as_published`` keeps the source's own precision (``2017``, ``2025-03``, a day).
    """
    av = extracts.read(sources, "tariffs/average_tariffs.csv")
    rows = []
    for _, r in av.iterrows():
        publisher, citation = r["source"].split(":", 1)
        d = r["date"]
        precision = {4: "year", 7: "month", 10: "day"}[len(d)]
        start = {4: f"{d}-01-01", 7: f"{d}-01", 10: d}[len(d)]
        for col, direction in [("us_on_china_avg_pct", "us_on_china"),
                               ("china_on_us_avg_pct", "china_on_us")]:
            if r[col] == "":
                continue
            rows.append({
                "publisher": publisher.strip(),
                "date_as_published": d,
                "date": start,
                "date_precision": precision,
                "direction": direction,
                "avg_tariff_pct": r[col],
                "citation": citation.strip(),
            })
    return pd.DataFrame(rows)


SPEC = DatasetSpec(
    id="average_tariffs",
    title="Trade-weighted average tariffs, US on China and China on US, as published",
    role="core",
    publisher=("PIIE (Chad P. Bown, 'US-China Trade War Tariffs: An Up-to-Date Chart') and CRS In "
               "Focus IF12990"),
    units="percent, trade-weighted average",
    frequency="irregular (published points)",
    origin_url=("https://www.piie.com/research/piie-charts/2019/us-china-trade-war-tariffs-date-chart "
                "; https://www.everycrsreport.com/reports/IF12990.html"),
    licence="figures quoted from published analyses",
    source_line="PIIE (Bown) US-China tariff chart; CRS IF12990",
    caveats=(
        ("PIIE and CRS use different methods (CRS: approximate, no exemptions): two series, never one "
         "line."),
        ("Dates keep the source's precision (date_as_published); PIIE 2025-04-11 is the April 2025 "
         "chart version, exact as-of not printed."),
    ),
    gaps=(
        ("Points only: values between published dates are unknown; a step plot between points is an "
         "assumption and is labelled so."),
    ),
    files=(DataFile("snapshot/average_tariffs.csv", build=build,
                    copied_from=(
                        ("Quoted from archived copies of the PIIE chart versions and CRS IF12990 "
                         "versions (URL per row)"),
                    )),),
    schema=schema,
    date_column="date",
    series=(Series("PIIE", "Bown's trade-weighted average tariffs (PIIE chart)", "percent"),
            Series("CRS", "CRS In Focus IF12990 average tariffs", "percent")),
    usual_lag_days=None,  # a fact table / event list: no release schedule
    plausibility=Plausibility(
        bounds={"avg_tariff_pct": (0, 1000)},  # percent; history 2.7..164
        future_dates=True),  # a chart dates an announced rate at its effective date
)
