"""Cross-check: an unattributed copy of the Census c5700 table, 2020-01..2025-04."""

from __future__ import annotations

from helpers.data import extracts
from helpers.data.registry import DataFile, DatasetSpec, Field, Series

SPEC = DatasetSpec(
    id="xcheck_census_c5700_2020_2025m04",
    title="Census c5700 table 2020-01..2025-04 (exports, imports, balance), unattributed copy",
    role="cross-check",
    publisher="U.S. Census Bureau (table c5700), copy of unknown origin",
    units="USD millions",
    frequency="monthly",
    origin_url="https://www.census.gov/foreign-trade/balance/c5700.html",
    licence="U.S. government work, public domain",
    source_line="U.S. Census Bureau c5700 (unattributed copy)",
    caveats=(
        "Kept to re-run the checks that admit the 2020-2023 exports into us_china_goods_trade.",
    ),
    files=(DataFile("snapshot/crosscheck/census_c5700_us_china_2020_2025m04.csv",
                    build=extracts.copy("text/census_c5700_us_china_goods_trade_2020_2025M04_text.csv"),
                    fields=(
                        Field("date", "date", "month, as its first day"),
                        Field("exports_EXPCH", "number", "US goods exports to China", "USD millions"),
                        Field("imports_IMPCH", "number", "US goods imports from China", "USD millions"),
                        Field("balance", "number", "exports minus imports, as the copy prints it",
                              "USD millions"),
                    ),
                    copied_from=(
                        "Unattributed plotting script hard-coding the c5700 table (repository unknown)",
                    )),),
    series=(Series("EXPCH", "US goods exports to China", "USD millions"),
            Series("IMPCH", "US goods imports from China", "USD millions")),
)
