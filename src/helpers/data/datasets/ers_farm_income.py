"""USDA ERS farm income: net farm income, net cash farm income, direct government payments
(total and the ad hoc/emergency part), by year, with the release vintage of every row."""

from __future__ import annotations

from helpers.data.datasets import _farm
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec

COLUMNS = ["year", "series", "value", "unit", "vintage", "status", "source", "source_url",
           "source_repo", "source_path", "source_commit", "verified", "note"]

SPEC = DatasetSpec(
    id="ers_farm_income",
    title=("US farm income: net farm income, net cash farm income and direct government payments "
           "(total and ad hoc), with release vintages"),
    role="core",
    publisher="USDA Economic Research Service, Farm Income and Wealth Statistics",
    units="USD bn, nominal",
    frequency="annual (estimates 2010-2024, preliminary 2025, forecast 2026)",
    origin_url="https://www.ers.usda.gov/data-products/farm-income-and-wealth-statistics",
    licence="U.S. government work, public domain",
    source_line="USDA ERS Farm Income and Wealth Statistics, release of 5 Feb 2026",
    caveats=(
        ("Rows of the 5 Feb 2026 release were selected by a third party's script from the ERS "
         "bulk CSV by ERS key (FIAUSNTFI--P net farm income, FIAUSNTCI--P net cash farm income, "
         "GPAUSGPTLVAP direct government payments, GPAUSAE--VAP ad hoc and emergency) and scaled "
         "from USD 1,000 to USD bn; rounded to 3 dp."),
        ("Older vintages (Feb 2024, Feb 2025, Sep 2025, Dec 2020, Nov 2018) are hand-transcribed "
         "from press and CRS reports; each row names its vintage."),
        _farm.VERIFIED_MEANS,
        ("What the ad hoc key holds is inferred, not documented: its 2018-2019 values (0.9 and "
         "1.4 bn) show MFP is not inside it; its 2020 value (31.4 bn) shows CFAP and PPP are. "
         "The 'excluding ad hoc' rows are derived (total minus ad hoc)."),
        ("Revisions are large: 2025 net farm income went 180.1 (Feb 2025) -> 179.8 (Sep 2025) -> "
         "154.5 (Feb 2026); 2018 was 66.3 in the Nov 2018 forecast and is 82.4 now."),
        ("One row (ERS 3 Sep 2026 vintage, 2026 payments 47.4 bn) comes from one blog post and "
         "is UNVERIFIED."),
        "Nominal dollars; ERS's inflation-adjusted figures are not included.",
    ),
    gaps=(
        ("ERS's December 2025 update was cancelled (government shutdown); the Feb 2026 release "
         "is the latest vintage found."),
        "The line-level payments table (MFP, CFAP as separate lines) was not available.",
    ),
    files=(DataFile("snapshot/ers_farm_income.csv", build=_farm.build_copy("ers_farm_income"),
                    copied_from=(
                        ("ERS rows: kernlai/agents-vs-wall-street-starter "
                         "data/deere/drv_farm_economy.csv @e4b6aa6b9031011dc2827b428d7c6bd60e25683d "
                         "(from https://www.ers.usda.gov/media/20808/february-5-2026-release.zip)"),
                        "Older vintages: " + _farm.HAND_TRANSCRIBED,
                    )),),
    schema=_farm.schema_for(COLUMNS, numeric_value=True, years=(2010, 2026)),
    usual_lag_days=45,  # ERS publishes a year's first estimate in early February of the
    # next year
    plausibility=Plausibility(
        bounds={"value": (-500, 2_000)}),  # USD bn (nominal); history 0.66..475
)
