"""Rare earths: production, reserves, US import reliance and sources, oxide prices (USGS)."""

from __future__ import annotations

import pandas as pd

from helpers.data import extracts, schemas
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec


def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "fact_id": schemas.text("the fact's id", unique=True),
            "subject": schemas.text("country, product or trade flow the fact is about"),
            "measure": schemas.text("what is measured (production, reserves, ...)"),
            "period": schemas.text("the year or years, as printed"),
            "value": schemas.non_negative("the number; blank where USGS prints a bound ('>95')",
                                          "per row (column unit)"),
            "unit": schemas.text("the unit of value (t REO, percent, USD/kg)"),
            "as_printed": schemas.text("the figure exactly as USGS prints it"),
            "estimated": pa.Column(bool, description="USGS marks the figure as an estimate ('e'); "
                                                     "the file writes 'yes' or leaves it blank"),
            "publisher": schemas.text("USGS"),
            "citation": schemas.text("the publication and table"),
            "notes": schemas.text("the kit's notes on the fact", nullable=True),
        },
        coerce=True, strict=True,
    )


def estimated_flag(df: pd.DataFrame) -> pd.DataFrame:
    """USGS marks estimates with 'e'; the extract writes 'yes' or leaves the cell blank."""
    return df.assign(estimated=df["estimated"].eq("yes"))


def build(sources):
    """USGS Mineral Commodity Summaries 2025 rare-earth facts, as printed (one fact a row)."""
    return extracts.read(sources, "rare_earths/rare_earth_facts.csv")


SPEC = DatasetSpec(
    id="rare_earth_facts",
    title="Rare earths: production, reserves, US import reliance and sources, oxide prices",
    role="core",
    publisher="U.S. Geological Survey, Mineral Commodity Summaries 2025, Rare Earths",
    units="t REO (metric tons of rare-earth-oxide equivalent), percent, USD/kg; unit column per row",
    frequency="annual facts",
    origin_url="https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-rare-earths.pdf",
    licence="U.S. government work, public domain",
    source_line="USGS Mineral Commodity Summaries 2025, Rare Earths",
    caveats=(
        "China's production figures are its quota and exclude undocumented production.",
        "'>95' and '>90,000,000' are lower bounds: value is blank and as_printed keeps the text.",
        "estimated = True where USGS marks the figure 'e'.",
    ),
    files=(DataFile("snapshot/rare_earth_facts.csv", build=build,
                    copied_from=(
                        ("USGS Mineral Commodity Summaries 2025, Rare Earths chapter, checked line by "
                         "line against its tables"),
                    )),),
    schema=schema,
    before=estimated_flag,
    usual_lag_days=31,  # USGS publishes the Mineral Commodity Summaries for a year at the end
    # of January of the next (usgs.gov/centers/national-minerals-information-center)
    plausibility=Plausibility(),
)
