"""Building blocks of the datasets' pandera schemas, and one translation of their failures.

Each dataset declares its schema in its own module (``helpers.data.datasets``); the schemas
coerce text to its dtype (a non-numeric value is an error, never a silent NaN), check keys
are unique, values are possible (no negative dollars or tonnes) and, where a series
promises it, that the months run without a hole (blank values are allowed; missing rows are
not). Units go in a column's ``metadata={"unit": ...}``; every column has a description.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from helpers.data.errors import DataError

if TYPE_CHECKING:
    import pandera.pandas as pa

DATE = "datetime64[ns]"


def months_contiguous(df: pd.DataFrame, by: str | None = None) -> bool:
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


def monthly_continuity(by: str | None = None) -> pa.Check:
    import pandera.pandas as pa

    return pa.Check(lambda df: months_contiguous(df, by), element_wise=False,
                    error="months must run without a missing row (blank values are fine)")


def non_negative(description: str, unit: str = "", nullable: bool = True) -> pa.Column:
    import pandera.pandas as pa

    return pa.Column(float, pa.Check.ge(0), nullable=nullable, description=description,
                     metadata={"unit": unit} if unit else None)


def text(description: str, *checks: pa.Check, nullable: bool = False,
         unique: bool = False) -> pa.Column:
    import pandera.pandas as pa

    return pa.Column(str, list(checks), nullable=nullable, unique=unique,
                     description=description)


def one_of(description: str, values: list[str]) -> pa.Column:
    import pandera.pandas as pa

    return pa.Column(str, pa.Check.isin(values), description=description)


def date(description: str, *checks: pa.Check) -> pa.Column:
    import pandera.pandas as pa

    return pa.Column(DATE, list(checks), description=description)


def long_monthly(value_unit: str) -> dict[str, pa.Column]:
    """The columns of a long monthly price table: one row per date and series."""
    return {
        "date": date("month, as its first day (YYYY-MM-01)"),
        "series_id": text("the origin's series id (FRED id, or WB_ + the Pink Sheet code)"),
        "series_name": text("the series' name"),
        "unit": text("the unit of the row's value"),
        "value": non_negative("the observation; blank where the source has none",
                              value_unit),
    }


def unit_of(column: pa.Column) -> str:
    return (column.metadata or {}).get("unit", "")


def _show(value) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def validate(schema: pa.DataFrameSchema, df: pd.DataFrame, dataset: str, where: str,
             first_line: int = 2) -> pd.DataFrame:
    """Validate and coerce ``df``; on failure raise one DataError naming the first bad row.

    ``first_line`` is the file line of the frame's first row (2 for a CSV with a header).
    """
    import pandera.pandas as pa

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
