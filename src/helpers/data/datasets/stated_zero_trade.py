"""Months in which a cited source states China imported no soybeans from the United States."""

from __future__ import annotations

from helpers.data import schemas
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec


def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "period": schemas.date("the month the statement is about (YYYY-MM-01)",
                                   pa.Check(lambda d: d.dt.day == 1,
                                            error="period must be a month start (YYYY-MM-01)")),
            "reporter": schemas.text("the importing country whose customs data the statement "
                                     "reports"),
            "partner": schemas.text("the origin stated to have shipped nothing"),
            "commodity": schemas.text("the goods the statement is about"),
            "quantity_t": pa.Column(float, pa.Check.equal_to(0), metadata={"unit": "t"},
                                    description="metric tons; zero, as the source states"),
            "statement": schemas.text("short paraphrase of the cited statement"),
            "source": schemas.text("publisher, URL and publication date (YYYY-MM-DD) of each "
                                   "citation", pa.Check.str_matches(r".*\b\d{4}-\d{2}-\d{2}\b")),
            "confirmed": schemas.one_of("'yes', or 'partly' where the statement is indirect",
                                        ["yes", "partly"]),
        },
        unique=["period", "reporter", "partner", "commodity"], coerce=True, strict=True,
    )

SPEC = DatasetSpec(
    id="stated_zero_trade",
    title="Months in which a cited source states China imported no soybeans from the United States",
    role="core",
    publisher=("China Customs (GACC) data as reported by Reuters and others; compiled by the kit with "
               "a citation per row"),
    units="quantity_t: metric tons (zero, as stated); one row per month and partner stated",
    frequency="facts (stated months only)",
    origin_url="see the source column of each row",
    licence="facts compiled from cited public sources",
    source_line="Press reports of China Customs (GACC) data (Reuters and others), compiled by the kit",
    caveats=(
        ("Hand-compiled: each row paraphrases a published statement that China imported no US soybeans "
         "in the month, with publisher, URL and publication date of every citation."),
        ("The statements are press reports of GACC data, not the customs query itself: the GACC query "
         "returns no cell for these months, which the kit otherwise treats as missing. A stated zero "
         "is an observation; a month without a row here and without a customs row stays missing."),
        "Quantities are zero as stated; the value is implied zero (no source states a value).",
        ("2025-10 rests on a direct statement (second month in a row) and on Reuters' 'third straight "
         "month' in November, which counts September, October and November."),
        ("2025-12 rests on Reuters of 2026-01-20 (China Customs data): a fourth consecutive month "
         "at zero. The same reports give Brazil's, Argentina's and total tonnages of 2025-10..12, "
         "kept in china_soybean_imports (source 'GACC as reported')."),
    ),
    gaps=(
        "Only months with a cited statement are here; a zero month no source states is not listed.",
    ),
    files=(DataFile("snapshot/facts/stated_zero_trade.csv",
                    copied_from=(
                        ("Hand-compiled by the kit from the cited press reports (URL and publication "
                         "date per row)"),
                    )),),
    schema=schema,
    usual_lag_days=None,  # a fact table / event list: no release schedule
    plausibility=Plausibility(),
)
