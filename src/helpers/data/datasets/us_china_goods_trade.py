"""US goods trade with China, monthly: exports, imports, total US imports (USD millions)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.data import extracts, pulls, schemas
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec, Live, Pull, Series

SERIES = (
    Series("EXPCH", "US goods exports to China", "USD millions"),
    Series("IMPCH", "US goods imports from China", "USD millions"),
    Series("IMPTOTUS", "US goods imports from the world", "USD millions"),
)
COLUMN_OF = {"EXPCH": "exports_usd_mn", "IMPCH": "imports_usd_mn",
             "IMPTOTUS": "imports_world_usd_mn"}

def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "date": schemas.date("month, as its first day (YYYY-MM-01)"),
            "exports_usd_mn": schemas.non_negative(
                "US goods exports to China (EXPCH), F.A.S. basis, not seasonally adjusted; blank "
                "where no copy has the month", "USD millions"),
            "imports_usd_mn": schemas.non_negative(
                "US goods imports from China (IMPCH), customs basis, not seasonally adjusted",
                "USD millions"),
            "imports_world_usd_mn": schemas.non_negative(
                "US goods imports from all countries (IMPTOTUS, December 2023 vintage), not "
                "seasonally adjusted", "USD millions"),
            "exports_copy": schemas.text(
                "which copy of the Census table the month's exports come from; blank without an "
                "export value", nullable=True),
        },
        unique=["date"], checks=[schemas.monthly_continuity()], coerce=True, strict=True,
    )


def build(sources: Path) -> pd.DataFrame:
    """Monthly goods trade with China (USD millions), joined from the three extracts.

    Exports come from three copies of Census c5700 / FRED EXPCH; ``exports_copy`` names the
    copy each month's value was taken from, so a reader can trace every number.
    """
    imports = extracts.fred(sources, "macro/IMPCH.csv").rename(columns={"value": "imports_usd_mn"})
    world = extracts.fred(sources, "text/IMPTOTUS.csv").rename(
        columns={"value": "imports_world_usd_mn"})
    exp_main = extracts.fred(sources, "macro/EXPCH.csv")
    exp_gap = extracts.fred(sources, "text/EXPCH_2020_2023.csv").set_index("date")["value"]

    exports = exp_main.set_index("date")["value"]
    copy = pd.Series("", index=exports.index, dtype=object)
    copy[exports.index < "2020-01-01"] = "census_c5700_copy_2001_2019"
    copy[exports.index >= "2023-09-01"] = "census_c5700_retrieved_2026-02-13"
    for date, value in exp_gap.items():
        if exports.get(date, "") == "":
            exports[date] = value
            copy[date] = "census_c5700_unattributed_copy_2020_2023"
        elif float(exports[date]) != float(value):
            raise ValueError(f"EXPCH {date}: the two copies disagree ({exports[date]} vs {value})")
    copy[exports == ""] = ""
    exp = pd.DataFrame({"exports_usd_mn": exports, "exports_copy": copy}).reset_index()

    out = imports.merge(exp, on="date", how="outer").merge(world, on="date", how="outer")
    out = out.sort_values("date").fillna("")
    return out[["date", "exports_usd_mn", "imports_usd_mn", "imports_world_usd_mn", "exports_copy"]]


def with_balance(df: pd.DataFrame) -> pd.DataFrame:
    """Add the goods balance (exports - imports), missing where either side is missing."""
    return df.assign(balance_usd_mn=df["exports_usd_mn"] - df["imports_usd_mn"])


def pull(spec: DatasetSpec) -> Pull:
    """The three FRED series side by side; every pulled export is FRED's own."""
    values, origins = pulls.fred(spec)
    wide = pd.DataFrame({COLUMN_OF[sid]: s for sid, s in values.items()})
    wide["exports_copy"] = wide["exports_usd_mn"].notna().map({True: "FRED EXPCH", False: ""})
    wide.index = wide.index.strftime("%Y-%m-%d")
    return Pull(wide.rename_axis("date").reset_index(), origins)


SPEC = DatasetSpec(
    id="us_china_goods_trade",
    title="US goods trade with China, monthly",
    role="core",
    publisher=("U.S. Census Bureau (table c5700 'Trade in Goods with China'; FRED EXPCH, IMPCH, "
               "IMPTOTUS)"),
    units="USD millions, not seasonally adjusted; exports F.A.S. basis, imports customs basis",
    frequency="monthly",
    origin_url="https://www.census.gov/foreign-trade/balance/c5700.html",
    licence="U.S. government work, public domain",
    source_line=("U.S. Census Bureau, Trade in Goods with China (c5700), via FRED EXPCH / IMPCH / "
                 "IMPTOTUS"),
    caveats=(
        ("Exports come from three copies of the same Census series; column exports_copy names the copy "
         "for every month."),
        ("2020-01..2023-12 exports (47 months) come from an unattributed copy of the c5700 table. It "
         "is accepted because its imports column equals FRED IMPCH in all 64 months it covers, its "
         "exports equal the census.gov copy in all 17 overlapping months, and exports - imports = "
         "balance within 0.1 in every row."),
        ("Census revises recent years each June; 2014-2016 exports differ slightly from an older FRED "
         "vintage."),
        ("imports_world_usd_mn (FRED IMPTOTUS) is a December 2023 vintage while IMPCH is a 2025 "
         "vintage: China's share of US imports computed from the two mixes vintages (small for "
         "2020-2022; 2023 is pre-revision)."),
        ("Known figures: 2018 imports 538,514.2 and exports 120,281.3 (USD millions); 2024 exports "
         "143,226.6."),
    ),
    gaps=(
        ("Exports before 2001-01 are not in the snapshot; a refresh pulls whatever earlier months FRED "
         "EXPCH holds."),
        "Exports for 2025-12 are not in the snapshot.",
        "Total US imports end 2023-10 in the snapshot; a refresh brings the current vintage.",
    ),
    files=(DataFile("snapshot/us_china_goods_trade_monthly.csv", build=build,
                    copied_from=(
                        ("IMPCH: kwang101-cb/Timeseries-FinalProject IMPCH.csv "
                         "@0ec739741cbd797f242d8a69082e5ea571efa633 (FRED CSV)"),
                        ("EXPCH 2001-01..2019-12: "
                         "mizydorczyk/relationship-between-trade-and-the-exchange-rate "
                         "assets/usa-china-trade-data.csv @a3807b5f0d9163e4300c5b429e0fbc6833e4fb26 "
                         "(copy of census.gov c5700, accessed 2025-05-23)"),
                        ("EXPCH 2023-09, 2024-01..2025-11: weiqi-kids/agent.cross-border-trade "
                         "docs/Extractor/us_trade_census/trade_balance/us-balance-5700-2026.md "
                         "@2d9d6eb27980eb254e743b5e6ce3cb88ebb806e7 (census.gov c5700, retrieved "
                         "2026-02-13)"),
                        ("EXPCH 2020-01..2023-12: unattributed plotting script hard-coding the c5700 "
                         "table (repository unknown)"),
                        ("IMPTOTUS: open-datahub/commodity IMPTOTUS.csv "
                         "@028f74ce56448a8a94d60d52357342dad4b6213b (FRED, Dec 2023 vintage)"),
                    )),),
    schema=schema,
    date_column="date",
    after=with_balance,
    series=SERIES,
    live=Live("FRED", pull),
    usual_lag_days=65,  # Census publishes a month's goods trade by country in the FT-900
    # about five weeks after the month ends and FRED posts it after; ~2 months in all
    # (census.gov/foreign-trade/schedule.html)
    plausibility=Plausibility(
        bounds={"exports_usd_mn": (0, 100_000),  # USD mn a month; history up to 16,650
                "imports_usd_mn": (0, 200_000),  # history up to 52,080
                "imports_world_usd_mn": (0, 2_000_000)},  # history up to 296,000
        max_move=5,  # largest monthly move in the history x1.6
        move_names=("exports_usd_mn", "imports_usd_mn", "imports_world_usd_mn")),
)
