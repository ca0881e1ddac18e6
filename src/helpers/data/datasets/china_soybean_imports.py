"""China's soybean imports (HS 1201) by origin: monthly customs values for every partner,
TDM quantities and shares for the US and Brazil; one long table, and wide views of it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from helpers.data import extracts, schemas
from helpers.data.errors import DataError
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec, Live, Pull, Series

WORLD = "World"
MEASURES = ["value_usd", "quantity_kg", "share_of_china_total"]

GACC_ROW_COLUMNS = {
    "period": "period",
    "partner_code_gacc": "partner_code",
    "partner": "partner",
    "trade_mode_code": "trade_mode_code",
    "trade_mode_zh": "trade_mode_zh",
    "registered_region_code": "region_code",
    "registered_region_zh": "region_zh",
    "value_usd": "value_usd",
    "source_file": "source_file",
    "source_row": "source_row",
}

def gacc_rows_schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "period": schemas.text("month of the query cell (YYYY-MM)",
                                   pa.Check.str_matches(r"^\d{4}-\d{2}$")),
            "partner_code": schemas.text("China Customs' code of the origin country"),
            "partner": schemas.text("origin country, in English"),
            "trade_mode_code": schemas.text("China Customs' trade-mode code"),
            "trade_mode_zh": schemas.text("trade mode, as the query prints it (Chinese)"),
            "region_code": schemas.text("code of the importer's registered location in China"),
            "region_zh": schemas.text("importer's registered location, as printed (Chinese)"),
            "value_usd": pa.Column(float, pa.Check.ge(0), metadata={"unit": "USD"},
                                   description="value of the cell, US dollars (imports CIF)"),
            "source_file": schemas.text("the query export file the cell was copied from"),
            "source_row": pa.Column(int, pa.Check.ge(1),
                                    description="the cell's row in that file (1-based)"),
        },
        unique=["source_file", "source_row"], coerce=True, strict=True,
    )

def tdm_quantities_schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "period": schemas.text("year (YYYY) or month (YYYY-MM)",
                                   pa.Check.str_matches(r"^\d{4}(-\d{2})?$")),
            "freq": schemas.one_of("'year' or 'month'", ["year", "month"]),
            "partner": schemas.text("origin country"),
            "quantity_kg": pa.Column(float, pa.Check.ge(0), metadata={"unit": "kg"},
                                     description="net weight imported, kilograms (unit inferred "
                                                 "from magnitudes; TDM does not state it)"),
            "share_of_china_total": pa.Column(float, pa.Check.in_range(0, 1),
                                              metadata={"unit": "fraction 0-1"},
                                              description="the origin's share of China's total "
                                                          "soybean imports by quantity, as "
                                                          "published"),
        },
        unique=["period", "freq", "partner"], coerce=True, strict=True,
    )

REPORTED = "soybeans/china_soybean_imports_by_origin_monthly_news_2025M10_2025M12.csv"
REPORTED_SOURCE = "GACC as reported"
# The press reports' units -> kilograms per unit.
KG_PER = {"t": 1_000, "million t (as reported, rounded)": 1_000_000_000}


def reported_schema():
    """The pandera schema of the press-reported tonnages, built on first use."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "period": schemas.text("month (YYYY-MM)", pa.Check.str_matches(r"^\d{4}-\d{2}$")),
            "partner": schemas.text("origin country, or 'World' (all origins)"),
            "quantity_kg": pa.Column(float, pa.Check.ge(0), metadata={"unit": "kg"},
                                     description="the reported tonnage in kilograms"),
            "quantity_as_reported": schemas.text("the figure and unit as the report prints it "
                                                 "(million t rounded to 0.01, or t)"),
            "source": schemas.text("the report: outlet, date and https:// URL"),
        },
        unique=["period", "partner"], coerce=True, strict=True,
    )


def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "period": schemas.date("year or month, as its first day"),
            "freq": schemas.one_of("'year' or 'month'", ["year", "month"]),
            "partner": schemas.text("origin country, or 'World' (every partner in the query)"),
            "measure": schemas.one_of("value_usd (US dollars, CIF), quantity_kg (kilograms) or "
                                      "share_of_china_total (fraction 0-1)", MEASURES),
            "value": pa.Column(float, pa.Check.ge(0), metadata={"unit": "per measure"},
                               description="the value, in the unit its measure names"),
            "source": schemas.text("GACC (customs query), TDM, 'GACC as reported' (China "
                                   "Customs figures as the press, mostly Reuters, reported "
                                   "them) or UN Comtrade (refresh only)"),
        },
        unique=["period", "freq", "partner", "measure"], coerce=True, strict=True,
    )


def build_rows(sources: Path) -> pd.DataFrame:
    """Every China Customs query cell for HS 1201 imports, all partners, 2017-01..2025-10 (USD)."""
    parts = [
        extracts.read(sources, "text/gacc_china_soybean_imports_all_partners_rows_2017_2023.csv"),
        extracts.read(sources, "text/gacc_china_soybean_imports_all_partners_rows_2024_2025.csv"),
    ]
    rows = pd.concat(parts, ignore_index=True)
    return rows[list(GACC_ROW_COLUMNS)].rename(columns=GACC_ROW_COLUMNS)


def build_quantities(sources: Path) -> pd.DataFrame:
    """China's soybean imports from Brazil and the US by quantity (kg, unit inferred), TDM."""
    frames = []
    for rel, freq in [
        ("soybeans/china_soybean_imports_by_origin_annual_tdm.csv", "year"),
        ("soybeans/china_soybean_imports_by_origin_monthly_tdm.csv", "month"),
    ]:
        df = extracts.read(sources, rel)
        frames.append(
            pd.DataFrame(
                {
                    "period": df["period"],
                    "freq": freq,
                    "partner": df["partner"],
                    "quantity_kg": df["quantity"],
                    "share_of_china_total": df["share_of_china_total_imports"],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def build_reported(sources: Path) -> pd.DataFrame:
    """China's soybean imports from Brazil, Argentina and the World in 2025-10..12 as the press
    (mostly Reuters) reported China Customs' figures, in kilograms (rounded where the report
    rounds). The US rows of these months are stated zeros, kept in ``stated_zero_trade``."""
    news = extracts.read(sources, REPORTED)
    unknown = sorted(set(news["quantity_unit"]) - set(KG_PER))
    if unknown:
        raise DataError(SPEC.id, REPORTED, f"unknown quantity unit(s) {unknown}",
                        f"Known: {sorted(KG_PER)}")
    dates = {url: _report_date(note) for url, note in zip(news["source_url"], news["source_note"],
                                                         strict=True) if _report_date(note)}
    news = news[news["partner"] != "United States"]
    kg = [round(float(q) * KG_PER[u]) for q, u in zip(news["quantity"], news["quantity_unit"],
                                                      strict=True)]
    return pd.DataFrame({
        "period": news["period"], "partner": news["partner"], "quantity_kg": kg,
        "quantity_as_reported": news["quantity"] + " " + news["quantity_unit"],
        "source": [f"{url} ({dates.get(url, 'date not shown')}); {note}"
                   for note, url in zip(news["source_note"], news["source_url"], strict=True)],
    }).reset_index(drop=True)


def _report_date(note: str) -> str:
    """'Reuters (Nov 20 2025) ...' -> '2025-11-20'; '' where the note gives no date."""
    found = re.search(r"\((\w{3}) (\d{1,2}) (\d{4})\)", note)
    if not found:
        return ""
    return dt.datetime.strptime(" ".join(found.groups()), "%b %d %Y").date().isoformat()


def long_table(rows: pd.DataFrame, tdm: pd.DataFrame, reported: pd.DataFrame) -> pd.DataFrame:
    """China's soybean imports as one long table from the customs rows and the TDM file.

    Monthly values by partner are sums of the query cells; ``World`` is the sum over every
    partner of the complete query. A month with no cells for a partner gets no row (missing,
    not zero). TDM quantities and shares are kept as published, including its stated zeros.
    """
    by_partner = rows.groupby(["period", "partner"], as_index=False)["value_usd"].sum()
    world = rows.groupby("period", as_index=False)["value_usd"].sum().assign(partner=WORLD)
    values = pd.concat([by_partner, world], ignore_index=True)
    values = pd.DataFrame({
        "period": values["period"], "freq": "month", "partner": values["partner"],
        "measure": "value_usd", "value": values["value_usd"], "source": "GACC",
    })
    quantities = tdm.melt(id_vars=["period", "freq", "partner"],
                          value_vars=["quantity_kg", "share_of_china_total"],
                          var_name="measure", value_name="value").assign(source="TDM")
    press = pd.DataFrame({"period": reported["period"], "freq": "month",
                          "partner": reported["partner"], "measure": "quantity_kg",
                          "value": reported["quantity_kg"], "source": REPORTED_SOURCE})
    out = pd.concat([values, quantities, press], ignore_index=True)
    out["period"] = out["period"].where(out["period"].str.len() > 4, out["period"] + "-01")
    return out.sort_values(["measure", "freq", "partner", "period"], ignore_index=True)


def pull(spec: DatasetSpec) -> Pull:
    """The snapshot's customs (GACC) and TDM rows, plus UN Comtrade rows for the months and
    partners they lack; each row keeps its ``source``. Where both have a month, the snapshot
    row is kept and the difference is reported, never mixed."""
    from helpers.data.loader import load
    from helpers.data.origins import comtrade

    current = load(spec.id, use_cache=False)
    first = int(current["period"].dt.year.min())
    pulled, origins = comtrade.fetch(spec.id, range(first, dt.date.today().year + 1))
    pulled["period"] = pd.to_datetime(pulled["period"])
    keys = ["period", "freq", "partner", "measure"]
    both = current.merge(pulled, on=keys, suffixes=("", "_comtrade"))
    added = pulled.merge(current[keys], on=keys, how="left", indicator=True)
    added = added[added["_merge"] == "left_only"].drop(columns="_merge")
    notes = [f"{len(added)} UN Comtrade values added where the snapshot has none"]
    if len(both):
        rel = (both["value_comtrade"] / both["value"].where(both["value"] != 0) - 1).abs()
        notes.append(f"UN Comtrade vs {'/'.join(sorted(set(both['source'])))} on {len(both)} "
                     f"shared values: median difference {rel.median():.1%}, largest "
                     f"{rel.max():.1%}; the snapshot's values are kept")
    out = pd.concat([current, added], ignore_index=True)
    out["period"] = out["period"].dt.strftime("%Y-%m-%d")
    return Pull(out.sort_values(keys, ignore_index=True), origins, notes)


SPEC = DatasetSpec(
    id="china_soybean_imports",
    title="China's soybean imports (HS 1201) by origin: value by month, quantity by year and month",
    role="core",
    publisher=("General Administration of Customs of China (GACC) online query; Trade Data Monitor "
               "(China Customs data)"),
    units=("value_usd: US dollars (China reports imports CIF); quantity_kg: kilograms net weight (unit "
           "not stated by TDM, inferred from magnitudes); share_of_china_total: fraction 0-1 as "
           "published"),
    frequency="monthly and annual",
    origin_url=("http://stats.customs.gov.cn/ ; refresh: https://comtradeapi.un.org/ (UN Comtrade, "
                "China as reporter)"),
    licence=("GACC statistics, public query; TDM figures as redistributed in a public repository "
             "(terms not stated)"),
    source_line="China Customs (GACC) HS 1201 query; Trade Data Monitor",
    caveats=(
        ("Values are summed in code from the row-level query cells (trade mode x registered location); "
         "World is the sum over every partner in the complete query."),
        ("World values equal UN Comtrade to the dollar in every month 2017-01..2022-12 and 2024; in "
         "2023 GACC and Comtrade differ (Comtrade higher in most months), an unresolved difference "
         "between the two publications."),
        ("The TDM quantity unit is not stated in its files: magnitudes match kilograms (US 2017 = "
         "32.85 Mt published)."),
        "Annual shares are published rounded to 2 decimals; monthly shares at full precision.",
        ("2025-10..12 quantities (source 'GACC as reported') are China Customs figures as Reuters "
         "and others reported them, not the query: most are rounded to 0.01 million t (Brazil and "
         "Argentina 2025-11 are exact tonnes from a Reuters table); the file keeps each figure as "
         "printed, with its report's URL and date. The reports' year-to-date figures add up with "
         "them. The US rows of these months are stated zeros (dataset stated_zero_trade)."),
    ),
    gaps=(
        ("A month with no query rows for a partner is missing (NaN), not zero: the GACC query returns "
         "no cell where there was no trade, but the kit only writes zero where a source states it."),
        ("No US rows in 2018-11, 2025-09 and 2025-10 (value missing). TDM states US quantity 2025-09 = "
         "0: the stated zero. Cited press statements of zero US months (2018-11, 2025-09, 2025-10, "
         "2025-11, 2025-12) are in the dataset stated_zero_trade."),
        ("No value by partner after 2025-10 and no quantity for any month of 2026: no copy was "
         "found; a refresh adds UN Comtrade's."),
        ("No quantities by partner for 2017-2023 months; no value series before 2017. China Customs "
         "has no machine-readable API: a refresh adds UN Comtrade monthly values (China as reporter, "
         "HS 1201, by partner) only for months the customs rows do not cover, marks each such row's "
         "source as UN Comtrade, and reports the differences where both exist (they differ in 2023)."),
    ),
    files=(
        DataFile("snapshot/gacc_china_soybean_import_rows.csv", build=build_rows,
                 schema=gacc_rows_schema,
                 copied_from=(
                     ("ProIg-Chaa/APMCM-training data/raw/que1/中国大豆进口/2017.csv, 2019.csv, 2021.csv "
                      "@bb7cac54245339c0672f9195b7966040c7649bc4"),
                     ("ProIg-Chaa/APMCM-training data/raw/2018.csv, 2020.csv, 2022.csv, 2023.csv, "
                      "2024.csv, 2025.csv @84578f2a9676424f350e4f11545b9c967463f3a6"),
                 )),
        DataFile("snapshot/tdm_china_soybean_imports_by_origin.csv", build=build_quantities,
                 schema=tdm_quantities_schema,
                 copied_from=(
                     ("agwaterdesk/2025-latam-china-trade "
                      "src/lib/data/china-soy-imports-by-country-annual.csv "
                      "@486ee0266824e358b139cb7f21c9a4d2528f9c9b"),
                     ("agwaterdesk/2025-latam-china-trade "
                      "src/lib/data/china-soy-imports-by-country-monthly.csv "
                      "@d7205d432cdccc6c9260fe414f360f08a0931e52"),
                 )),
        DataFile("snapshot/china_soybean_imports_reported_2025m10_m12.csv", build=build_reported,
                 schema=reported_schema,
                 copied_from=(
                     ("Press reports of China Customs data (no repository): Reuters via "
                      "https://srnnews.com/china-imports-no-us-soybeans-for-second-month-brazil-"
                      "arrivals-up-29 (2025-11-20), Reuters via https://www.tradingkey.com/news/"
                      "economic-indicator/251416413-reuters (2025-12-20) and https://www.tradingkey"
                      ".com/news/commodities/261489789-reuters (2026-01-20), "
                      "https://sunsirs.com/jp/detail_news-29853.html; URL per row"),
                 )),
    ),
    schema=schema,
    date_column="period",
    combine=long_table,
    series=(Series("GACC HS 1201 imports, all partners",
                   "China's soybean imports by partner, customs query cells", "USD (CIF)"),
            Series("TDM China soy bean imports by origin",
                   "China's soybean imports from the US and Brazil, quantity and share",
                   "kg; fraction 0-1")),
    live=Live("UN Comtrade", pull, keys=("COMTRADE_API_KEY (optional)",)),
    usual_lag_days=25,  # China Customs publishes a month's imports by origin around the 20th
    # of the month after (GACC release calendar, stats.customs.gov.cn)
    plausibility=Plausibility(
        bounds={"value_usd": (0, 5e11),  # USD; largest month 7.1e9, year below 1e11
                "quantity_kg": (0, 5e11)},  # kg; largest year 7.5e10
        shares={"share_of_china_total": 1}),
)
