"""Soybean exports (HS 1201) of the United States, Brazil and Argentina to China and to the
world, monthly, as the exporters report them (UN Comtrade): the shipping side of the trade
that China's customs record on arrival."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.data import extracts, schemas
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec, Series

EXTRACT = "soybeans/un_comtrade_soybean_exports_usa_brazil_argentina_to_china_and_world_monthly.csv"
REPORTERS = {"USA": "United States", "Brazil": "Brazil", "Argentina": "Argentina"}
FLAGS = {"TRUE": "yes", "FALSE": "no"}  # Comtrade's flags, as the kit writes booleans
COLUMNS = ["date", "reporter", "partner", "hs6_code", "classification", "value_usd",
           "net_weight_kg", "net_weight_estimated", "reported"]


def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "date": schemas.date("month of export, as its first day (Comtrade period YYYYMM)"),
            "reporter": schemas.one_of("the exporting country, which reports the row",
                                       list(REPORTERS.values())),
            "partner": schemas.one_of("'China' (Comtrade 156) or 'World' (all destinations)",
                                      ["China", "World"]),
            "hs6_code": schemas.one_of("HS subheading: 120190 soya beans other than seed, "
                                       "120110 seed; HS 1201 is their sum",
                                       ["120190", "120110"]),
            "classification": schemas.one_of("HS vintage the reporter used (H4 = HS 2012, "
                                             "H5 = HS 2017, H6 = HS 2022)", ["H4", "H5", "H6"]),
            "value_usd": schemas.non_negative("export value as reported (Comtrade primaryValue; "
                                              "FOB for exports)", "USD", nullable=False),
            "net_weight_kg": schemas.non_negative(
                "net weight (Comtrade netWgt); blank where the source has 0 against a positive "
                "value, i.e. not reported", "kg"),
            "net_weight_estimated": pa.Column(bool, description="Comtrade's flag: the net weight "
                                              "was estimated by Comtrade, not reported (the file "
                                              "writes 'yes' or 'no')"),
            "reported": pa.Column(bool, description="Comtrade's isReported flag (the file writes "
                                  "'yes' or 'no')"),
        },
        unique=["date", "reporter", "partner", "hs6_code"], coerce=True, strict=True,
    )


def flags(df: pd.DataFrame) -> pd.DataFrame:
    """The snapshot writes Comtrade's TRUE/FALSE flags as 'yes'/'no'; loaded as booleans."""
    return df.assign(net_weight_estimated=df["net_weight_estimated"].eq("yes"),
                     reported=df["reported"].eq("yes"))


def build(sources: Path) -> pd.DataFrame:
    """The Comtrade extract, one row per month, reporter, partner and HS6 line. Renamed
    columns; ``date`` written from ``period``; reporter 'USA' written 'United States'; a net
    weight of 0 on a row with a positive value written blank (not reported, per the
    extract's notes); flags written 'yes'/'no'. Months Comtrade has no row for stay absent."""
    raw = extracts.read(sources, EXTRACT)
    out = pd.DataFrame({
        "date": raw["period"].str[:4] + "-" + raw["period"].str[4:] + "-01",
        "reporter": raw["reporter"].map(REPORTERS),
        "partner": raw["partner"],
        "hs6_code": raw["hs6_code"],
        "classification": raw["classification"],
        "value_usd": raw["primary_value_usd"],
        "net_weight_kg": raw["net_weight_kg"].where(
            ~((raw["net_weight_kg"] == "0") & (raw["primary_value_usd"] != "0")), ""),
        "net_weight_estimated": raw["is_net_wgt_estimated"].map(FLAGS),
        "reported": raw["is_reported"].map(FLAGS),
    })
    return out.sort_values(["reporter", "partner", "date", "hs6_code"])[COLUMNS]


SPEC = DatasetSpec(
    id="soybean_exports_by_exporter",
    title=("Soybean exports (HS 1201) of the United States, Brazil and Argentina to China and to "
           "the world, monthly, exporter-reported (UN Comtrade)"),
    role="core",
    publisher="UN Comtrade (Comtrade Plus); for the United States its source is the US Census "
              "Bureau",
    units="value_usd: US dollars, FOB (export value as reported); net_weight_kg: kilograms",
    frequency="monthly (month of export)",
    origin_url="https://comtradeplus.un.org/TradeFlow (exports, HS 120110 and 120190, monthly)",
    licence="UN Comtrade data, free for non-commercial use with attribution",
    source_line="UN Comtrade, exporter-reported monthly exports, HS 1201",
    caveats=(
        ("Exporter-reported: the month a cargo leaves (the United States: Census, F.A.S./FOB "
         "value), not the month it arrives in China; China's own records (CIF, by arrival) are "
         "the china_soybean_imports dataset. The two differ by freight, timing and reporting."),
        ("HS 1201 is the sum of its two lines, 120190 (other than seed) and 120110 (seed); a month "
         "may have one line only."),
        ("United States net weights are 0 in every 2015 row and in several World rows of 2016, "
         "2017 and 2019 in the source: written blank here (not reported). Many other US weights "
         "are Comtrade estimates (net_weight_estimated): use US tonnages from 2018 on only."),
        ("Checked against the Census copy held by the extract's compiler: 55 of 83 overlapping "
         "month x HS6 US-to-China rows are identical to the dollar; the other 28 (2015, 2017, "
         "2019) differ by 0.006-10%, most likely Census revisions between download dates (not "
         "verified). US-to-China value 2017: USD 12,253,052,866 (USDA ERS: USD 12.3 bn)."),
    ),
    gaps=(
        ("Comtrade leaves out cells without trade: an absent month is absent, never a zero. United "
         "States to China has no rows for 2018-09, 2018-11, 2025-06 and 2025-07 (while United "
         "States to the world has them), and none after 2025-05."),
        "Argentina to China: 78 months only, with many months absent.",
    ),
    files=(DataFile("snapshot/un_comtrade_soybean_exports_monthly.csv", build=build,
                    copied_from=(
                        ("YixiNf/2025APMCM q1/data/2015-2025soybean_export/TradeData.xlsx and "
                         "TradeData (1).xlsx .. TradeData (10).xlsx @009f2e54e837bb99b5d3ca79e70741"
                         "b946e80ca7 (repository snapshot at 884759ea63f33c30140661b88da3c3c50b8e703c,"
                         " 2025-11-25; Comtrade Plus TradeData downloads)"),
                    )),),
    schema=schema,
    before=flags,
    date_column="date",
    series=(Series("HS 120190 + 120110, reporters 842 (USA), 76 (Brazil), 32 (Argentina), "
                   "partners 156 (China) and 0 (World)",
                   "Soybean exports by exporter to China and the world", "USD (FOB); kg"),),
    usual_lag_days=90,  # UN Comtrade: monthly data appear as reporters submit them, usually
    # within three months
    plausibility=Plausibility(
        bounds={"value_usd": (0, 5e10), "net_weight_kg": (0, 1e11)}),  # a month's flow; history
    # up to USD 8.1 bn and 16 Mt (Brazil to the world); months off season go near zero
)
