"""Cross-check: monthly sums by partner (and World) of the all-partner GACC query, as the
extract computed them."""

from __future__ import annotations

from helpers.data import extracts
from helpers.data.registry import DataFile, DatasetSpec, Field

# The layout of a file of monthly sums of query cells (this one and the superseded sums).
SUM_FIELDS = (
    Field("period", "string", "month (YYYY-MM)"),
    Field("partner", "string", "origin country, or the World line of the query"),
    Field("computed: sum of rows (value_usd)", "integer",
          "sum of the month's query cells for the partner", "USD"),
    Field("n_rows_summed", "integer", "how many cells were added up"),
)
SUM_COLUMNS = [f.name for f in SUM_FIELDS]

SPEC = DatasetSpec(
    id="xcheck_gacc_monthly_sums",
    title=("Monthly sums by partner (plus World) of the all-partner GACC query, as computed in the "
           "extract"),
    role="cross-check",
    publisher="computed from the GACC query rows",
    units="US dollars",
    frequency="monthly",
    origin_url="http://stats.customs.gov.cn/",
    licence="GACC statistics, public query",
    source_line="China Customs (GACC), monthly sums",
    caveats=(
        "The kit derives its own sums from the rows; these are kept to check that derivation.",
    ),
    files=(DataFile("snapshot/crosscheck/gacc_soybean_imports_all_partners_monthly_sums.csv",
                    build=extracts.copy(
                        "text/gacc_china_soybean_imports_all_partners_monthly_sums_2017_2023.csv",
                        "text/gacc_china_soybean_imports_all_partners_monthly_sums_2024_2025.csv",
                        keep=SUM_COLUMNS),
                    fields=SUM_FIELDS,
                    copied_from=(
                        ("Computed in the extracts from the all-partner query rows (2017-2023 and "
                         "2024-2025 files)"),
                    )),),
)
