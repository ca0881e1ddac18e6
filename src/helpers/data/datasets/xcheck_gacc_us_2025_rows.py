"""Cross-check: China Customs query rows of soybean imports from the US, 2025-01..2025-08."""

from __future__ import annotations

from helpers.data import extracts
from helpers.data.registry import DataFile, DatasetSpec, Field

SPEC = DatasetSpec(
    id="xcheck_gacc_us_2025_rows",
    title="China Customs query rows, soybean imports from the US, 2025-01..2025-08",
    role="cross-check",
    publisher="GACC online query",
    units="US dollars",
    frequency="monthly (query cells)",
    origin_url="http://stats.customs.gov.cn/",
    licence="GACC statistics, public query",
    source_line="China Customs (GACC)",
    caveats=(
        "Same cells as the US rows of the all-partner 2025 query, in the same order.",
    ),
    files=(DataFile("snapshot/crosscheck/gacc_soybean_imports_from_us_2025_rows.csv",
                    build=extracts.copy(
                        "soybeans/gacc_china_soybean_imports_from_us_2025_rows_value.csv",
                        keep=["period", "partner", "value_usd"]),
                    fields=(
                        Field("period", "string", "month (YYYY-MM)"),
                        Field("partner", "string", "origin country"),
                        Field("value_usd", "integer", "value of the query cell (imports CIF)", "USD"),
                    ),
                    copied_from=(
                        ("ProIg-Chaa/APMCM-training data/processed/ques1/中国大豆进口/2025_美国_to_China.csv "
                         "@bb7cac54245339c0672f9195b7966040c7649bc4"),
                    )),),
)
