"""Cross-check: superseded GACC rows for the US, Brazil and Argentina (duplicate-valued rows dropped)."""

from __future__ import annotations

from helpers.data import extracts
from helpers.data.registry import DataFile, DatasetSpec, Field

SPEC = DatasetSpec(
    id="xcheck_gacc_superseded_rows",
    title="Superseded GACC rows for US, Brazil, Argentina (duplicate-valued rows dropped)",
    role="cross-check",
    publisher="GACC online query",
    units="US dollars",
    frequency="monthly (query cells)",
    origin_url="http://stats.customs.gov.cn/",
    licence="GACC statistics, public query",
    source_line="China Customs (GACC), superseded copy",
    caveats=(
        ("Superseded: this copy omits a row when another row of the same month and partner has the "
         "identical value (5 months). Kept for the record and to show that defect in a test."),
    ),
    files=(DataFile("snapshot/crosscheck/gacc_soybean_imports_by_origin_rows_superseded.csv",
                    build=extracts.copy(
                        "text/gacc_china_soybean_imports_by_origin_monthly_rows_2017_2025.csv",
                        keep=["period", "partner", "value_usd", "source_row"]),
                    fields=(
                        Field("period", "string", "month (YYYY-MM)"),
                        Field("partner", "string", "origin country"),
                        Field("value_usd", "integer", "value of the query cell (imports CIF)", "USD"),
                        Field("source_row", "integer", "the cell's row in the superseded copy"),
                    ),
                    copied_from=(
                        ("ProIg-Chaa/APMCM-training data/processed/ques1/中国大豆进口/all.csv "
                         "@24a6620e4818ce21003ce53aaf4af05a7105dd80"),
                    )),),
)
