"""Cross-check: ERS soybean costs and returns, the kit's release against an older one
(2015-2024 U.S. key rows and every cell revised in 2022), plus the ERS 2025 forecast."""

from __future__ import annotations

from helpers.data import extracts
from helpers.data.registry import DataFile, DatasetSpec, Field

SPEC = DatasetSpec(
    id="xcheck_soybean_costs_returns_revisions",
    title=("Soybean costs and returns per planted acre: the kit's ERS release beside the 2024 "
           "release, with the ERS 2025 forecast"),
    role="cross-check",
    publisher="USDA Economic Research Service, Commodity Costs and Returns",
    units="as the unit column says (mostly dollars per planted acre)",
    frequency="annual",
    origin_url="https://www.ers.usda.gov/data-products/commodity-costs-and-returns",
    licence="U.S. government work, public domain",
    source_line="USDA ERS Commodity Costs and Returns, soybeans (two releases compared)",
    caveats=(
        ("The older release (1997-2022) is ERS SoybeanCostReturn.csv as committed in "
         "jpgit2020/Election_data @b6259420905f8591939f4b81adb4fac9608fe2b9 (2024-04-19). "
         "5,353 of its 5,408 cells equal the kit's release; the 55 that differ are all 2022 "
         "ERS revisions."),
        ("The 2025 total-cost forecast (625 USD/acre, Nov/Dec 2024 vintage) has one source "
         "republished under the same author (Terrain / Farm Credit): unverified."),
    ),
    files=(DataFile("snapshot/crosscheck/soybean_costs_returns_revisions.csv",
                    build=extracts.copy("farm/soybean_costs_returns_crosscheck.csv"),
                    fields=(
                        Field("year", "integer", "crop year"),
                        Field("region", "string", "'U.S. total' or an ERS farm resource region"),
                        Field("category", "string", "ERS category"),
                        Field("item", "string", "ERS item"),
                        Field("unit", "string", "the unit of the values"),
                        Field("value_kit_nov2025_release", "number",
                              "the kit's release (about Oct/Nov 2025)", "per unit column"),
                        Field("value_older_release_2024copy", "number",
                              "the older release (copy of 2024-04-19); blank after 2022",
                              "per unit column"),
                        Field("difference_kit_minus_older", "number", "kit minus older",
                              "per unit column"),
                        Field("value_forecast", "number", "ERS forecast (2025 row only)",
                              "per unit column"),
                        Field("survey_base_year", "string", "ARMS survey base"),
                        Field("status", "string", "final, revised between releases, or forecast"),
                        Field("note", "string", "the compiler's note"),
                    ),
                    copied_from=(
                        ("Compiled by script from the two releases: JensenJudkins/soybean-forecast "
                         "SoybeanCostReturn.csv @e6658bb854c6e9998b235f0d2d25fb097c5d52d1 and "
                         "jpgit2020/Election_data SoybeanCostReturn.csv "
                         "@b6259420905f8591939f4b81adb4fac9608fe2b9; forecast from "
                         "https://terrainag.com/insights/crop-margins-likely-to-remain-tight-in-2025"),
                    )),),
)
