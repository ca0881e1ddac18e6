"""Reading and validating the kit's CSV tables: every cell read as text, refused with one
DataError naming file and line when unreadable, then typed and checked by the dataset's
schema and plausibility rules, in date order."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.data import plausibility, registry
from helpers.data.errors import DataError

NON_FINITE = frozenset({"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity",
                        "-infinity"})  # text a number parser would read as NaN or inf
RESTORE = "Restore the file with `git checkout -- data/`"


def _decoded(dataset_id: str, path: Path) -> str:
    """The file's text; invalid UTF-8 is refused naming the line (1-based) and the byte."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataError(dataset_id, str(path),
                        f"not a readable CSV: line {line} is not valid UTF-8 "
                        f"(byte 0x{raw[exc.start]:02x})",
                        RESTORE) from None


def read_text_table(dataset_id: str, path: Path) -> pd.DataFrame:
    """Read a kit CSV with every cell as text (blank = missing) so the schema does the typing.

    Refused with one DataError: invalid UTF-8 (with its line), an empty file, a header with no
    rows, anything the CSV parser cannot read."""
    text = _decoded(dataset_id, path)
    if not text.strip():
        raise DataError(dataset_id, str(path), "the file is empty (no header, no rows)", RESTORE)
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""])
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataError(dataset_id, str(path), f"not a readable CSV: {exc}", RESTORE) from None
    if table.empty:
        raise DataError(dataset_id, str(path),
                        f"the table has a header ({', '.join(table.columns)}) but no rows", RESTORE)
    return table


def _is_numeric(column) -> bool:
    try:
        return pd.api.types.is_numeric_dtype(getattr(column.dtype, "type", None))
    except TypeError:
        return False


def _refuse_unreadable(dataset_id: str, raw: pd.DataFrame, schema, where: str,
                       first_line: int = 2) -> None:
    """Refuse, before validation, a header lacking one of the schema's columns and any 'NaN'
    or 'inf' written into a numeric column (a missing value is an empty cell). Without a
    schema every column is checked for such text."""
    if schema is None:
        numeric = list(raw.columns)
    else:
        lacking = [c for c, col in schema.columns.items() if col.required and c not in raw]
        if lacking:
            raise DataError(dataset_id, where,
                            f"the header lacks column{'s' if len(lacking) > 1 else ''} "
                            f"{', '.join(map(repr, lacking))}; it has {', '.join(raw.columns)}",
                            RESTORE)
        numeric = [c for c, col in schema.columns.items() if c in raw and _is_numeric(col)]
    for column in numeric:
        values = raw[column]
        if pd.api.types.is_numeric_dtype(values):
            bad = np.isinf(values.to_numpy(dtype=float))
        else:
            bad = values.astype("string").str.strip().str.lower().isin(NON_FINITE).to_numpy()
        if bad.any():
            row = int(bad.argmax())
            raise DataError(dataset_id, where,
                            f"line {row + first_line}, column '{column}': {values.iloc[row]!r} "
                            "is not a finite number (a missing value is an empty cell)", RESTORE)


def _numeric_where_possible(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        converted = pd.to_numeric(out[col], errors="coerce")
        if converted.notna().sum() == out[col].notna().sum():
            out[col] = converted
    return out


def typed_table(dataset_id: str, raw: pd.DataFrame, where: str) -> pd.DataFrame:
    """Validate a raw (text) table with its dataset's schema and its declared plausibility
    rules and finish it; tables without a schema (cross-check extracts) are only typed.
    Raises DataError naming ``where`` and the first bad row."""
    from helpers.data import schemas  # pandera, imported with the first table validated

    spec = registry.spec(dataset_id)
    _refuse_unreadable(dataset_id, raw, spec.table_schema, where)
    if spec.table_schema is None:  # checksummed; numbers typed where all are numbers
        return _numeric_where_possible(raw)
    df = spec.before(raw) if spec.before else raw
    df = schemas.validate(spec.table_schema, df, dataset_id, where)
    df = spec.after(df) if spec.after else df
    plausibility.check(dataset_id, df, where)
    return in_date_order(spec, df)


def in_date_order(spec, df: pd.DataFrame) -> pd.DataFrame:
    """Rows in date order within each series (the schema's unique columns other than the
    date), since rolling and change helpers assume it; a table already in order is returned
    as it is, any other is sorted (stable, so rows of one date keep their order)."""
    date = spec.date_column
    if not date or date not in df or df.empty:
        return df
    keys = [c for c in (getattr(spec.table_schema, "unique", None) or [])
            if c != date and c in df]
    if keys:
        ordered = all(group.is_monotonic_increasing
                      for _, group in df.groupby(keys, sort=False, dropna=False)[date])
    else:
        ordered = df[date].is_monotonic_increasing
    return df if ordered else df.sort_values([*keys, date], kind="stable", ignore_index=True)


def validated(dataset_id: str, schema, path: Path) -> pd.DataFrame:
    """One file read as text, checked and validated with ``schema``."""
    from helpers.data import schemas

    raw = read_text_table(dataset_id, path)
    _refuse_unreadable(dataset_id, raw, schema, str(path))
    return schemas.validate(schema, raw, dataset_id, str(path))
