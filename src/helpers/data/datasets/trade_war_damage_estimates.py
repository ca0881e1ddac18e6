"""Published estimates of trade-war damage to US agriculture (ERS ERR-304, Grant et al. 2021,
Carter and Steinbach 2020, Adjemian et al. 2021, GAO, the 2025 round), each with its basis."""

from __future__ import annotations

from helpers.data.datasets import _farm
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec

SPEC = DatasetSpec(
    id="trade_war_damage_estimates",
    title="Published estimates of trade-war damage to US agriculture, with their bases",
    role="core",
    publisher="the studies, cited per row (USDA ERS, AEPP, NBER, Food Policy, GAO, NDSU, AFBF)",
    units="USD bn or mn (total or per year), USD/bu, percent, bushels; unit column per row",
    frequency="facts",
    origin_url="see the source_url of each row",
    licence="figures quoted from published studies",
    source_line="USDA ERS ERR-304 (2022); Grant et al. (2021); Carter and Steinbach (2020); "
                "Adjemian, Smith and He (2021); GAO-22-468",
    caveats=(
        _farm.HAND_TRANSCRIBED + ".",
        _farm.VERIFIED_MEANS,
        ("The bases differ (export value, trade value, price, volume, scenario): the basis column "
         "says which, and estimates of different bases are not comparable with one another."),
        ("Value is text: ranges ('13.5-18.7') and scenario pairs are printed as published; two "
         "studies give no number (blank)."),
        ("Carter and Steinbach's figures were seen only through secondary reports (Reason, a "
         "newspaper editorial)."),
    ),
    gaps=("No formal counterfactual estimate (ERS, CARD, farmdoc) of the 2025-2026 round's cost "
          "to US soybean exports, in USD, was found.",),
    files=(DataFile("snapshot/trade_war_damage_estimates.csv",
                    build=_farm.build_copy("trade_war_damage_estimates"),
                    copied_from=(_farm.HAND_TRANSCRIBED
                                 + " (the extract farm/trade_war_damage_estimates.csv)",)),),
    schema=_farm.schema_for(_farm.PUBLISHED_FIGURE_COLUMNS, numeric_value=False),
    usual_lag_days=None,  # facts compiled from releases: no release schedule
    plausibility=Plausibility(),  # figures kept as printed text; duplicates refused
)
