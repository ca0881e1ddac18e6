"""What changed between the data the kit serves now and the previous vintage.

A vintage is the table ``load`` served at a point in time. ``note_vintages`` (run by every
refresh, before and after pulling) keeps two per dataset under ``data/cache/vintages/``:
``<id>.seen.csv``, the last table served, and ``<id>.previous.csv``, the one served before
it changed. Each has a JSON sidecar with its sha256, coverage and the time it was noted, so
a refresh that replaces data, and a snapshot update that brings new events, both leave the
previous vintage to compare with.

``changes`` lists, per dataset, new periods (values after the previous vintage's last
one), values revised by more than ``REPORT_TOLERANCE`` and, for tables without series
(events, facts), rows added or removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
from pathlib import Path

import pandas as pd

from helpers import owned, paths
from helpers.data import catalog, registry
from helpers.data.errors import DataError
from helpers.data.loader import load

# A value counts as revised when it moves by more than 0.5% of its previous level.
REPORT_TOLERANCE = 0.005
SLOTS = ("seen", "previous")


def series_layout(ds_id: str) -> tuple[str | None, list[str], list[str]]:
    """The table's date column, series key columns and value columns (from its schema)."""
    spec = registry.spec(ds_id)
    if spec.table_schema is None:
        return None, [], []
    date_col = spec.date_column
    keys = [c for c in (spec.table_schema.unique or []) if c != date_col]
    values = [c for c, col in spec.table_schema.columns.items() if str(col.dtype).startswith("float")]
    return date_col, keys, values


def long_values(ds_id: str, df: pd.DataFrame) -> pd.DataFrame:
    """One row per series, date and value column: series, date, value (missing kept)."""
    date_col, keys, values = series_layout(ds_id)
    frames = []
    for col in values:
        name = df[keys].astype(str).agg(" / ".join, axis=1) if keys else pd.Series("", df.index)
        label = (name + " / " + col) if keys else pd.Series(col, df.index)
        frames.append(pd.DataFrame({"series": label.values, "date": pd.to_datetime(df[date_col]),
                                    "value": pd.to_numeric(df[col], errors="coerce").values}))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["series", "date", "value"])


def coverage(ds_id: str, df: pd.DataFrame) -> dict[str, dict]:
    """Per series: first and last date with a value and the number of values."""
    date_col, _, _ = series_layout(ds_id)
    if date_col is None:
        return {"rows": {"observations": len(df)}}
    have = long_values(ds_id, df).dropna(subset=["value"])
    return {s: {"start": g["date"].min().date().isoformat(),
                "end": g["date"].max().date().isoformat(), "observations": len(g)}
            for s, g in have.groupby("series")}


def _dir() -> Path:
    return paths.cache_dir() / "vintages"


def _files(ds_id: str, slot: str) -> tuple[Path, Path]:
    return _dir() / f"{ds_id}.{slot}.csv", _dir() / f"{ds_id}.{slot}.json"


def _table_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def vintage_meta(ds_id: str, slot: str = "previous") -> dict | None:
    """The sidecar of a kept vintage (sha256, coverage, origin, as_of, noted_at), or None."""
    _, meta = _files(ds_id, slot)
    try:
        return json.loads(meta.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def _write(ds_id: str, slot: str, body: bytes, meta: dict) -> None:
    csv_path, meta_path = _files(ds_id, slot)
    owned.mark(paths.cache_dir(), "cache")
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    for path, data in ((csv_path, body), (meta_path, json.dumps(meta, indent=2).encode())):
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # one per process
        try:
            tmp.write_bytes(data)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)


def note_vintages(ids: list[str]) -> None:
    """Record what each dataset serves now; when it differs from the last table seen, that
    one becomes the previous vintage. Datasets that cannot be loaded are skipped."""
    for ds_id in ids:
        try:
            df = load(ds_id)
        except DataError:
            continue
        body = _table_bytes(df)
        digest = hashlib.sha256(body).hexdigest()
        seen = vintage_meta(ds_id, "seen")
        if seen is not None and seen.get("sha256") == digest:
            continue
        if seen is not None:
            old_csv, _ = _files(ds_id, "seen")
            _write(ds_id, "previous", old_csv.read_bytes(), seen)
        prov = df.attrs["provenance"]
        _write(ds_id, "seen", body, {
            "dataset": ds_id, "sha256": digest, "origin": prov["origin"],
            "as_of": prov["as_of"], "rows": len(df), "coverage": coverage(ds_id, df),
            "noted_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")})


def _previous_table(ds_id: str) -> pd.DataFrame | None:
    csv_path, _ = _files(ds_id, "previous")
    meta = vintage_meta(ds_id)
    if meta is None or not csv_path.is_file():
        return None
    if catalog.sha256_of(csv_path) != meta.get("sha256"):
        raise DataError(ds_id, str(csv_path), "the kept previous vintage does not match its "
                        "sha256", "Delete data/cache/vintages/ to start a new comparison")
    return _as_text(csv_path.read_bytes())


def _as_text(body: bytes) -> pd.DataFrame:
    """A kept table read back with every cell as text (blank = empty string)."""
    return pd.read_csv(io.BytesIO(body), dtype=str, keep_default_na=False)


def _series_changes(ds_id: str, old: pd.DataFrame, new: pd.DataFrame,
                    tolerance: float) -> list[dict]:
    before, after = long_values(ds_id, old), long_values(ds_id, new)
    rows = []
    ends = before.dropna(subset=["value"]).groupby("series")["date"].max()
    for series, g in after.dropna(subset=["value"]).groupby("series"):
        fresh = g[g["date"] > ends[series]] if series in ends else g
        if len(fresh):
            rows.append({"kind": "new periods", "series": series,
                         "detail": f"{fresh['date'].min().date()}..{fresh['date'].max().date()} "
                                   f"({len(fresh)} new)"})
    both = before.merge(after, on=["series", "date"], suffixes=("_old", "_new")).dropna()
    moved = (both["value_new"] - both["value_old"]).abs() > tolerance * both["value_old"].abs()
    for _, r in both[moved].iterrows():
        pct = ((r["value_new"] / r["value_old"] - 1) * 100) if r["value_old"] else float("inf")
        rows.append({"kind": "revised", "series": r["series"],
                     "detail": f"{r['date'].date()}: {r['value_old']:g} -> {r['value_new']:g} "
                               f"({pct:+.1f}%)"})
    return rows


def _row_changes(old: pd.DataFrame, new: pd.DataFrame) -> list[dict]:
    def joined(df: pd.DataFrame) -> pd.Series:
        return df.agg(" | ".join, axis=1)

    old_rows, new_rows = set(joined(old)), joined(_as_text(_table_bytes(new)))
    out = [{"kind": "new row", "series": "", "detail": r} for r in new_rows
           if r not in old_rows]
    out += [{"kind": "removed row", "series": "", "detail": r}
            for r in sorted(old_rows - set(new_rows))]
    return out


def changes(ids: list[str] | None = None, tolerance: float = REPORT_TOLERANCE) -> pd.DataFrame:
    """dataset, kind (new periods / revised / new row / removed row), series, detail;
    datasets without a kept previous vintage are listed once as such."""
    ids = ids or [d.id for d in catalog.read_catalog().values() if d.role != "cross-check"]
    rows = []
    for ds_id in ids:
        try:
            old = _previous_table(ds_id)
        except DataError as exc:  # one damaged vintage stops no other dataset's report
            rows.append({"dataset": ds_id, "kind": "damaged vintage", "series": "",
                         "detail": str(exc)})
            continue
        if old is None:
            rows.append({"dataset": ds_id, "kind": "no previous vintage", "series": "",
                         "detail": "nothing to compare yet (a refresh keeps one)"})
            continue
        new = load(ds_id)
        date_col, _, values = series_layout(ds_id)
        if date_col and values and registry.spec(ds_id).table_schema.unique:
            found = _series_changes(ds_id, old, new, tolerance)
        else:
            found = _row_changes(old, new)
        meta = vintage_meta(ds_id)
        rows += [{"dataset": ds_id, **r} for r in found] or [
            {"dataset": ds_id, "kind": "unchanged", "series": "",
             "detail": f"same as the vintage noted {meta['noted_at']}"}]
    return pd.DataFrame(rows, columns=["dataset", "kind", "series", "detail"])
