"""Cross-check: monthly sums of the superseded GACC rows (US, Brazil, Argentina)."""

from __future__ import annotations

from helpers.data import extracts
from helpers.data.registry import DataFile, DatasetSpec, Field

SUM_COLUMNS = ["period", "partner", "computed: sum of rows (value_usd)", "n_rows_summed"]

SPEC = DatasetSpec(
    id="xcheck_gacc_superseded_sums",
    title="Monthly sums of the superseded GACC rows (US, Brazil, Argentina)",
    role="cross-check",
    publisher="computed from the superseded GACC rows",
    units="US dollars",
    frequency="monthly",
    coverage="2017-01..2025-10",
    origin_url="http://stats.customs.gov.cn/",
    licence="GACC statistics, public query",
    source_line="China Customs (GACC), superseded copy, monthly sums",
    caveats=(
        "Superseded by the all-partner query; short by exactly one duplicate-valued row in 5 months.",
    ),
    files=(DataFile("snapshot/crosscheck/gacc_soybean_imports_by_origin_sums_superseded.csv",
                    build=extracts.copy(
                        "text/gacc_china_soybean_imports_by_origin_monthly_sums_2017_2025.csv",
                        keep=SUM_COLUMNS),
                    fields=(
                        Field("period", "string", "month (YYYY-MM)"),
                        Field("partner", "string", "origin country, or the World line of the query"),
                        Field("computed: sum of rows (value_usd)", "integer",
                              "sum of the month's query cells for the partner", "USD"),
                        Field("n_rows_summed", "integer", "how many cells were added up"),
                    ),
                    copied_from=(
                        "Computed in the extracts from the superseded rows",
                    )),),
)
