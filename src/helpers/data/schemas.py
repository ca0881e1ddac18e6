"""pandera schemas for every table the kit reads, and one translation of their failures.

Each schema coerces text to its dtype (a non-numeric value is an error, never a silent NaN),
checks keys are unique, values are possible (no negative dollars or tonnes) and, where a
series promises it, that the months run without a hole (blank values are allowed; missing
rows are not).
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from helpers.data.errors import DataError

DATE = "datetime64[ns]"


def _months_contiguous(df: pd.DataFrame, by: str | None = None) -> bool:
    """True when every group's dates are consecutive month starts."""
    groups = [df] if by is None else [g for _, g in df.groupby(by)]
    for g in groups:
        d = g["date"].sort_values()
        if not (d.dt.day == 1).all():
            return False
        expected = pd.date_range(d.iloc[0], d.iloc[-1], freq="MS")
        if len(expected) != len(d) or not (expected.values == d.values).all():
            return False
    return True


def _monthly_continuity(by: str | None = None) -> pa.Check:
    return pa.Check(lambda df: _months_contiguous(df, by), element_wise=False,
                    error="months must run without a missing row (blank values are fine)")


def _non_negative(nullable: bool = True) -> pa.Column:
    return pa.Column(float, pa.Check.ge(0), nullable=nullable)


US_CHINA_GOODS_TRADE = pa.DataFrameSchema(
    {
        "date": pa.Column(DATE),
        "exports_usd_mn": _non_negative(),
        "imports_usd_mn": _non_negative(),
        "imports_world_usd_mn": _non_negative(),
        "exports_copy": pa.Column(str, nullable=True),
    },
    unique=["date"], checks=[_monthly_continuity()], coerce=True, strict=True,
)

GACC_ROWS = pa.DataFrameSchema(
    {
        "period": pa.Column(str, pa.Check.str_matches(r"^\d{4}-\d{2}$")),
        "partner_code": pa.Column(str),
        "partner": pa.Column(str),
        "trade_mode_code": pa.Column(str),
        "trade_mode_zh": pa.Column(str),
        "region_code": pa.Column(str),
        "region_zh": pa.Column(str),
        "value_usd": pa.Column(float, pa.Check.ge(0)),
        "source_file": pa.Column(str),
        "source_row": pa.Column(int, pa.Check.ge(1)),
    },
    unique=["source_file", "source_row"], coerce=True, strict=True,
)

TDM_QUANTITIES = pa.DataFrameSchema(
    {
        "period": pa.Column(str, pa.Check.str_matches(r"^\d{4}(-\d{2})?$")),
        "freq": pa.Column(str, pa.Check.isin(["year", "month"])),
        "partner": pa.Column(str),
        "quantity_kg": pa.Column(float, pa.Check.ge(0)),
        "share_of_china_total": pa.Column(float, pa.Check.in_range(0, 1)),
    },
    unique=["period", "freq", "partner"], coerce=True, strict=True,
)

CHINA_SOYBEAN_IMPORTS = pa.DataFrameSchema(
    {
        "period": pa.Column(DATE),
        "freq": pa.Column(str, pa.Check.isin(["year", "month"])),
        "partner": pa.Column(str),
        "measure": pa.Column(str, pa.Check.isin(["value_usd", "quantity_kg",
                                                 "share_of_china_total"])),
        "value": pa.Column(float, pa.Check.ge(0)),
        "source": pa.Column(str),
    },
    unique=["period", "freq", "partner", "measure"], coerce=True, strict=True,
)

_LONG_MONTHLY = {
    "date": pa.Column(DATE),
    "series_id": pa.Column(str),
    "series_name": pa.Column(str),
    "unit": pa.Column(str),
    "value": _non_negative(),
}

COMMODITY_PRICES = pa.DataFrameSchema(
    {**_LONG_MONTHLY, "publisher": pa.Column(str), "release": pa.Column(str, nullable=True)},
    unique=["date", "series_id"], checks=[_monthly_continuity("series_id")],
    coerce=True, strict=True,
)

FARM_INPUT_PRICES = pa.DataFrameSchema(
    _LONG_MONTHLY, unique=["date", "series_id"], checks=[_monthly_continuity("series_id")],
    coerce=True, strict=True,
)

FX_CNY_USD = pa.DataFrameSchema(
    {
        "date": pa.Column(DATE),
        "series_id": pa.Column(str, pa.Check.isin(["EXCHUS", "DEXCHUS"])),
        "freq": pa.Column(str, pa.Check.isin(["month", "day"])),
        "cny_per_usd": pa.Column(float, pa.Check.in_range(0.1, 20), nullable=True),
    },
    unique=["date", "series_id"],
    checks=[pa.Check(lambda df: _months_contiguous(df[df["freq"] == "month"]),
                     element_wise=False, error="monthly rates must run without a missing row")],
    coerce=True, strict=True,
)

# How an event stands, read from its row's words: a court ruling or an opened investigation
# changes no rate by itself; claims, threats and proposals are "announced only".
EVENT_STATUSES = ["took effect", "announced only", "not implemented", "suspended",
                  "court ruling", "investigation"]

TARIFF_EVENTS = pa.DataFrameSchema(
    {
        "event_id": pa.Column(str, unique=True),
        "date": pa.Column(DATE),
        "date_precision": pa.Column(str, pa.Check.isin(["day", "month"])),
        "actor": pa.Column(str, pa.Check.isin(["US", "China", "US+China"])),
        "measure": pa.Column(str),
        "instrument": pa.Column(str, nullable=True),
        "scope": pa.Column(str, nullable=True),
        "trade_value_usd_bn_as_stated": pa.Column(str, nullable=True),
        "rate_change_pp_as_stated": pa.Column(str, nullable=True),
        "rate_after_as_stated": pa.Column(str, nullable=True),
        "soybean_total_rate_pct": pa.Column(float, pa.Check.in_range(0, 300), nullable=True),
        "status": pa.Column(str, pa.Check.isin(EVENT_STATUSES)),
        "confirmed": pa.Column(str, pa.Check.isin(["yes", "partly"])),
        "sources": pa.Column(str),
    },
    coerce=True, strict=True,
)

AVERAGE_TARIFFS = pa.DataFrameSchema(
    {
        "publisher": pa.Column(str, pa.Check.isin(["PIIE", "CRS"])),
        "date_as_published": pa.Column(str),
        "date": pa.Column(DATE),
        "date_precision": pa.Column(str, pa.Check.isin(["day", "month", "year"])),
        "direction": pa.Column(str, pa.Check.isin(["us_on_china", "china_on_us"])),
        "avg_tariff_pct": pa.Column(float, pa.Check.in_range(0, 300)),
        "citation": pa.Column(str),
    },
    unique=["publisher", "date_as_published", "direction"], coerce=True, strict=True,
)

RARE_EARTH_FACTS = pa.DataFrameSchema(
    {
        "fact_id": pa.Column(str, unique=True),
        "subject": pa.Column(str),
        "measure": pa.Column(str),
        "period": pa.Column(str),
        "value": _non_negative(),
        "unit": pa.Column(str),
        "as_printed": pa.Column(str),
        "estimated": pa.Column(bool),
        "publisher": pa.Column(str),
        "citation": pa.Column(str),
        "notes": pa.Column(str, nullable=True),
    },
    coerce=True, strict=True,
)

PHASE_ONE_FACTS = pa.DataFrameSchema(
    {
        "fact_id": pa.Column(str, unique=True),
        "measure": pa.Column(str),
        "period": pa.Column(str),
        "value": _non_negative(nullable=False),
        "unit": pa.Column(str, pa.Check.isin(["USD bn", "%"])),
        "citation": pa.Column(str),
    },
    coerce=True, strict=True,
)

STATED_ZERO_TRADE = pa.DataFrameSchema(
    {
        "period": pa.Column(DATE, pa.Check(lambda d: d.dt.day == 1,
                                           error="period must be a month start (YYYY-MM-01)"),
                            description="the month the statement is about"),
        "reporter": pa.Column(str, description="the importing country whose customs data "
                                               "the statement reports"),
        "partner": pa.Column(str, description="the origin stated to have shipped nothing"),
        "commodity": pa.Column(str),
        "quantity_t": pa.Column(float, pa.Check.equal_to(0),
                                description="metric tons; zero, as the source states"),
        "statement": pa.Column(str, description="short paraphrase of the cited statement"),
        "source": pa.Column(str, pa.Check.str_matches(r".*\b\d{4}-\d{2}-\d{2}\b"),
                            description="publisher, URL and publication date (YYYY-MM-DD) of "
                                        "each citation"),
        "confirmed": pa.Column(str, pa.Check.isin(["yes", "partly"])),
    },
    unique=["period", "reporter", "partner", "commodity"], coerce=True, strict=True,
)

US_SOYBEAN_EXPORTS = pa.DataFrameSchema(
    {
        "date": pa.Column(DATE),
        "destination": pa.Column(str, pa.Check.isin(["China", "World"])),
        "value_usd": _non_negative(),
        "quantity_t": _non_negative(),
    },
    unique=["date", "destination"], coerce=True, strict=True,
)


def _marketing_years_consecutive(years: pd.Series) -> pd.Series:
    """'2024/25' style labels whose second year follows the first (1999/00 included)."""
    start = pd.to_numeric(years.str[:4], errors="coerce")
    return (start + 1) % 100 == pd.to_numeric(years.str[5:], errors="coerce")


def _commitments_add_up(df: pd.DataFrame) -> pd.Series:
    """Total commitments = accumulated exports + outstanding sales, within the 0.1 kt rounding."""
    gap = (df["total_commitments_kmt"] - df["accumulated_exports_kmt"]
           - df["outstanding_sales_kmt"]).abs()
    return gap.isna() | (gap <= 0.1 + 1e-6)


def _kmt(description: str, non_negative: bool = True) -> pa.Column:
    checks = [pa.Check.ge(0)] if non_negative else []
    return pa.Column(float, checks, nullable=True,
                     description=f"{description}; thousand metric tons (kt)")


US_SOYBEAN_EXPORT_SALES = pa.DataFrameSchema(
    {
        "date": pa.Column(DATE, pa.Check(lambda d: d.dt.day_of_week == 3,
                                         error="week ending must be a Thursday"),
                          description="week ending (a Thursday), ISO date"),
        "marketing_year": pa.Column(
            str, [pa.Check.str_matches(r"^\d{4}/\d{2}$"),
                  pa.Check(_marketing_years_consecutive, error="years must be consecutive")],
            description="US soybean marketing year, 1 September to 31 August, written '2024/25'"),
        "destination": pa.Column(str, pa.Check.isin(["China", "World"]),
                                 description="'China' (Mainland) or 'World' (all destinations)"),
        "total_commitments_kmt": _kmt("accumulated exports + outstanding sales"),
        "accumulated_exports_kmt": _kmt("shipped since 1 September of the marketing year; "
                                        "0 on weeks before it starts"),
        "outstanding_sales_kmt": _kmt("sold, not yet shipped"),
        "net_sales_kmt": _kmt("new sales minus cancellations in the week; may be negative",
                              non_negative=False),
        "note": pa.Column(str, nullable=True,
                          description="blank, or the source copy's flag on a week it could not "
                                      "confirm, kept word for word"),
    },
    unique=["date", "marketing_year", "destination"],
    checks=[pa.Check(_commitments_add_up,
                     error="total commitments must equal accumulated exports + outstanding "
                           "sales (within 0.1 kt)")],
    coerce=True, strict=True,
)


def _show(value) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def validate(schema: pa.DataFrameSchema, df: pd.DataFrame, dataset: str, where: str,
             first_line: int = 2) -> pd.DataFrame:
    """Validate and coerce ``df``; on failure raise one DataError naming the first bad row.

    ``first_line`` is the file line of the frame's first row (2 for a CSV with a header).
    """
    try:
        return schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        located = cases[cases["index"].notna()]
        if len(located):
            # On the first bad row, a column's own check is named before a row-wide one.
            first = located.assign(row=located["index"].astype(int),
                                   wide=located["schema_context"] != "Column")
            first = first.sort_values(["row", "wide"], kind="stable").iloc[0]
            row = int(first["index"]) + first_line
            problem = (f"line {row}, column '{first['column']}': check "
                       f"{first['check']} failed for value {_show(first['failure_case'])}")
        else:
            first = cases.iloc[0]
            problem = f"column '{first['column']}': {first['check']} ({first['failure_case']})"
        # A bad cell fails several checks (coercion, dtype, range): count cells, not checks.
        counted = located if len(located) else cases
        more = len(counted.drop_duplicates(["column", "index"])) - 1
        if more > 0:
            problem += f" (and {more} more failure{'s' if more > 1 else ''})"
        raise DataError(dataset, where, problem) from None
