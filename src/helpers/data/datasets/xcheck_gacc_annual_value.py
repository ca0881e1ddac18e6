"""Cross-check: China's soybean imports by origin, annual value, as the source repository
summed them."""

from __future__ import annotations

from helpers.data import extracts
from helpers.data.registry import DataFile, DatasetSpec, Field

SPEC = DatasetSpec(
    id="xcheck_gacc_annual_value",
    title="China's soybean imports by origin, annual value, as summed by the copy's source repository",
    role="cross-check",
    publisher="GACC online query",
    units="US dollars",
    frequency="annual",
    origin_url="http://stats.customs.gov.cn/",
    licence="GACC statistics, public query",
    source_line="China Customs (GACC), annual sums by the source repository",
    caveats=(
        ("Summed by the source repository from a row file that dropped duplicate-valued rows in 5 "
         "months."),
    ),
    files=(DataFile("snapshot/crosscheck/gacc_soybean_imports_annual_value_by_origin.csv",
                    build=extracts.copy(
                        "soybeans/gacc_china_soybean_imports_by_origin_annual_value.csv",
                        keep=["period", "partner", "value_usd", "coverage_note"]),
                    fields=(
                        Field("period", "integer", "calendar year"),
                        Field("partner", "string", "origin country"),
                        Field("value_usd", "integer", "the year's import value, as summed by the copy",
                              "USD"),
                        Field("coverage_note", "string", "'full year', or the months the sum covers"),
                    ),
                    copied_from=(
                        ("ProIg-Chaa/APMCM-training data/processed/ques1/中国大豆进口/year_country_sum.csv "
                         "@f9e205e5d989d28d8c6347d46dd4a90ed8c6098c"),
                    )),),
)
