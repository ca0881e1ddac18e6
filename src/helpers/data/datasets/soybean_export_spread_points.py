"""Isolated quotes of the Brazil-US soybean export premium or spread (mixed units): points for
the narrative, not a series."""

from __future__ import annotations

from helpers.data.datasets import _farm
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec

COLUMNS = ["date", "series", "origin_a", "origin_b", "value", "unit", "source", "source_url",
           "verified", "note"]

SPEC = DatasetSpec(
    id="soybean_export_spread_points",
    title="Brazil vs US soybean export premium: isolated quotes, mixed units",
    role="core",
    publisher="Bloomberg, USDA FAS and AMS, Agricensus, NDSU (as quoted); one citation per row",
    units="USD/bu, USD/t, percent; unit column per row",
    frequency="facts (isolated points)",
    origin_url="see the source_url of each row",
    licence="figures quoted from published reports",
    source_line="Bloomberg, USDA FAS/AMS, Agricensus, NDSU (as quoted)",
    caveats=(
        _farm.HAND_TRANSCRIBED + ".",
        _farm.VERIFIED_MEANS,
        ("The quotes use different bases (premium over CBOT, over FOB Gulf, percentages, farm "
         "values): they are not comparable with each other and never a line."),
        "Value is text: ranges ('324-338') and bounds ('>25') are kept as printed.",
    ),
    gaps=("The AMS Grain Transportation Report tables (Gulf/PNW vs Paranagua) were not found; "
          "only narrative excerpts.",),
    files=(DataFile("snapshot/soybean_export_spread_points.csv",
                    build=_farm.build_copy("soybean_export_spread_points"),
                    copied_from=(_farm.HAND_TRANSCRIBED
                                 + " (the extract farm/soybean_export_spread_points.csv)",)),),
    schema=_farm.schema_for(COLUMNS, numeric_value=False),
    usual_lag_days=None,  # facts compiled from releases: no release schedule
    plausibility=Plausibility(),  # isolated quotes in mixed units; duplicates refused
)
