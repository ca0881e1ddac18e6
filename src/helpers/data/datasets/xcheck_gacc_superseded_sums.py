"""Cross-check: monthly sums of the superseded GACC rows (US, Brazil, Argentina)."""

from __future__ import annotations

from helpers.data import extracts
from helpers.data.datasets.xcheck_gacc_monthly_sums import SUM_COLUMNS, SUM_FIELDS
from helpers.data.registry import DataFile, DatasetSpec

SPEC = DatasetSpec(
    id="xcheck_gacc_superseded_sums",
    title="Monthly sums of the superseded GACC rows (US, Brazil, Argentina)",
    role="cross-check",
    publisher="computed from the superseded GACC rows",
    units="US dollars",
    frequency="monthly",
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
                    fields=SUM_FIELDS,
                    copied_from=(
                        "Computed in the extracts from the superseded rows",
                    )),),
)
