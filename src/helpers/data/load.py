"""Load validated datasets: a valid refresh cache first, else the committed snapshot.

``load(id)`` returns a DataFrame whose ``attrs["provenance"]`` says what it is, where it
came from (``origin``: cache or snapshot), its checksum, as-of date and caveats.
"""

from __future__ import annotations

import io
import json
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import paths
from helpers.data import catalog, schemas
from helpers.data.errors import DataError

WORLD = "World"


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


def _with_balance(df: pd.DataFrame) -> pd.DataFrame:
    """Add the goods balance (exports - imports), missing where either side is missing."""
    return df.assign(balance_usd_mn=df["exports_usd_mn"] - df["imports_usd_mn"])


def _estimated_flag(df: pd.DataFrame) -> pd.DataFrame:
    """USGS marks estimates with 'e'; the extract writes 'yes' or leaves the cell blank."""
    return df.assign(estimated=df["estimated"].eq("yes"))


@dataclass(frozen=True)
class Table:
    """How one dataset's table is typed and finished after validation."""

    schema: object
    date_column: str | None
    before: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    after: Callable[[pd.DataFrame], pd.DataFrame] | None = None


TABLES: dict[str, Table] = {
    "us_china_goods_trade": Table(schemas.US_CHINA_GOODS_TRADE, "date", after=_with_balance),
    "china_soybean_imports": Table(schemas.CHINA_SOYBEAN_IMPORTS, "period"),
    "commodity_prices": Table(schemas.COMMODITY_PRICES, "date"),
    "farm_input_prices": Table(schemas.FARM_INPUT_PRICES, "date"),
    "fx_cny_usd": Table(schemas.FX_CNY_USD, "date"),
    "tariff_events": Table(schemas.TARIFF_EVENTS, "date"),
    "average_tariffs": Table(schemas.AVERAGE_TARIFFS, "date"),
    "rare_earth_facts": Table(schemas.RARE_EARTH_FACTS, None, before=_estimated_flag),
    "phase_one_facts": Table(schemas.PHASE_ONE_FACTS, None),
    "stated_zero_trade": Table(schemas.STATED_ZERO_TRADE, None),
    "us_soybean_exports": Table(schemas.US_SOYBEAN_EXPORTS, "date"),
    "us_soybean_export_sales": Table(schemas.US_SOYBEAN_EXPORT_SALES, "date"),
}


def _numeric_where_possible(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        converted = pd.to_numeric(out[col], errors="coerce")
        if converted.notna().sum() == out[col].notna().sum():
            out[col] = converted
    return out


def typed_table(dataset_id: str, raw: pd.DataFrame, where: str) -> pd.DataFrame:
    """Validate a raw (text) table with its dataset's schema and finish it; cross-check
    extracts are only typed. Raises DataError naming ``where`` and the first bad row."""
    table = TABLES.get(dataset_id)
    _refuse_unreadable(dataset_id, raw, table.schema if table else None, where)
    if table is None:  # cross-check extracts: checksummed; numbers typed where all are numbers
        return _numeric_where_possible(raw)
    df = table.before(raw) if table.before else raw
    df = schemas.validate(table.schema, df, dataset_id, where)
    return table.after(df) if table.after else df


def _soybean_long(rows: pd.DataFrame, tdm: pd.DataFrame) -> pd.DataFrame:
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
    out = pd.concat([values, quantities], ignore_index=True)
    out["period"] = out["period"].where(out["period"].str.len() > 4, out["period"] + "-01")
    return out.sort_values(["measure", "freq", "partner", "period"], ignore_index=True)


def _validated(dataset_id: str, schema, path: Path) -> pd.DataFrame:
    """One file read as text, checked and validated with ``schema``."""
    raw = read_text_table(dataset_id, path)
    _refuse_unreadable(dataset_id, raw, schema, str(path))
    return schemas.validate(schema, raw, dataset_id, str(path))


def _from_snapshot(ds: catalog.Dataset) -> pd.DataFrame:
    if not ds.files:
        raise DataError(ds.id, "data/snapshot", "this dataset has no committed snapshot",
                        "It is filled only by `make data-refresh` (needs internet)")
    paths_ = [catalog.verify_file(ds.id, f) for f in ds.files]
    if ds.id == "china_soybean_imports":
        rows_path, tdm_path = paths_
        rows, tdm = (_validated(ds.id, schema, path) for schema, path in
                     ((schemas.GACC_ROWS, rows_path), (schemas.TDM_QUANTITIES, tdm_path)))
        return typed_table(ds.id, _soybean_long(rows, tdm),
                      f"{rows_path} + {tdm_path}")
    (path,) = paths_
    return typed_table(ds.id, read_text_table(ds.id, path), str(path))


def cache_paths(dataset_id: str) -> tuple[Path, Path]:
    """The cached table and its metadata sidecar for a dataset."""
    base = paths.cache_dir() / dataset_id
    return base.with_suffix(".csv"), base.with_suffix(".json")


def read_cache_meta(dataset_id: str) -> dict | None:
    _, meta_path = cache_paths(dataset_id)
    if not meta_path.is_file():
        return None
    try:
        return json.loads(meta_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return None


def _from_cache(ds: catalog.Dataset) -> tuple[pd.DataFrame, dict] | None:
    """The cached table if one exists and is intact and valid; warns and returns None if not."""
    csv_path, _ = cache_paths(ds.id)
    meta = read_cache_meta(ds.id)
    if not csv_path.is_file() or meta is None:
        return None
    try:
        if catalog.sha256_of(csv_path) != meta.get("sha256"):
            raise DataError(ds.id, str(csv_path), "cache file does not match its recorded sha256")
        return typed_table(ds.id, read_text_table(ds.id, csv_path), str(csv_path)), meta
    except DataError as exc:
        warnings.warn(f"ignoring the refresh cache: {exc}; using the snapshot", stacklevel=3)
        return None


def _as_of(df: pd.DataFrame, dataset_id: str) -> str | None:
    table = TABLES.get(dataset_id)
    if table is None or table.date_column is None or df.empty:
        return None
    return pd.Timestamp(df[table.date_column].max()).date().isoformat()


def load(dataset_id: str, *, use_cache: bool = True) -> pd.DataFrame:
    """A validated dataset, with provenance in ``df.attrs['provenance']``.

    A valid cache from ``refresh`` wins over the committed snapshot; ``use_cache=False``
    forces the snapshot. Raises ``DataError`` naming dataset, file and first bad row.
    """
    ds = catalog.get(dataset_id)
    cached = _from_cache(ds) if use_cache and ds.refresh else None
    if cached is not None:
        df, meta = cached
        origin, files = "cache", [{"path": str(cache_paths(ds.id)[0]), "sha256": meta["sha256"]}]
        retrieved, origins = meta.get("retrieved_at"), meta.get("origins", [])
    else:
        df = _from_snapshot(ds)
        origin = "snapshot"
        files = [{"path": f.path, "sha256": f.sha256, "copied_from": list(f.copied_from)}
                 for f in ds.files]
        retrieved, origins = catalog.snapshot_built(), [ds.origin_url]
    df.attrs["provenance"] = {
        "dataset": ds.id, "title": ds.title, "publisher": ds.publisher, "units": ds.units,
        "source_line": ds.source_line, "origin": origin, "origins": origins,
        "retrieved": retrieved, "as_of": _as_of(df, ds.id), "files": files,
        "caveats": list(ds.caveats), "gaps": list(ds.gaps), "licence": ds.licence,
    }
    return df


def soybean_imports(measure: str = "value_usd", freq: str = "month",
                    partners: tuple[str, ...] = ("United States", "Brazil", "Argentina", WORLD),
                    ) -> pd.DataFrame:
    """China's soybean imports as a wide table: one column per partner, indexed by period.

    ``measure``: ``value_usd`` (GACC, monthly 2017-01..2025-10), ``quantity_kg`` or
    ``share_of_china_total`` (TDM: US and Brazil). Partners the measure does not cover are
    left out; a missing month stays NaN. For ``value_usd`` with ``freq='year'`` the months
    reported are added up (the customs query returns no cell where there was no trade) and
    only years whose World total has all 12 months are kept, so 2025 (Jan-Oct) is left out.
    """
    long = load("china_soybean_imports")
    measures = set(long["measure"])
    if measure not in measures:
        raise DataError("china_soybean_imports", "soybean_imports()",
                        f"unknown measure {measure!r}", f"Use one of {sorted(measures)}")
    if freq not in ("month", "year"):
        raise DataError("china_soybean_imports", "soybean_imports()",
                        f"unknown freq {freq!r}", "Use 'month' or 'year'")
    sel = long[long["measure"] == measure]
    if measure == "value_usd" and freq == "year":
        monthly = _wide(sel[sel["freq"] == "month"], partners)
        counts = monthly.groupby(monthly.index.year).count()
        wide = monthly.groupby(monthly.index.year).sum(min_count=1)
        full = counts.max(axis=1) == 12
        wide = wide[full]
        wide.index = pd.to_datetime(wide.index.astype(str) + "-01-01")
        wide.index.name = "period"
    else:
        wide = _wide(sel[sel["freq"] == freq], partners)
    wide.attrs = {"measure": measure, "freq": freq,
                  "provenance": long.attrs["provenance"]}
    return wide


def _wide(long: pd.DataFrame, partners: tuple[str, ...]) -> pd.DataFrame:
    wide = long.pivot(index="period", columns="partner", values="value")
    if len(wide):
        full = pd.date_range(wide.index.min(), wide.index.max(),
                             freq="MS" if long["freq"].iloc[0] == "month" else "YS")
        wide = wide.reindex(full)
        wide.index.name = "period"
    keep = [p for p in partners if p in wide.columns]
    wide = wide[keep]
    wide.columns.name = None
    return wide
