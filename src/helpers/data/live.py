"""Pull newer data from the official origins into ``data/cache/``, never harming good data.

Each refreshed dataset is written in the same table format as its snapshot file: first to a
temporary file, then validated by the same schema the loader uses, then renamed into place
with a metadata sidecar (retrieval time, origins, sha256). A failed pull (timeout, HTTP
error, an HTML page instead of data, a cut-off body, a schema violation, or data covering
less than what the kit already has) leaves the cache and the snapshot untouched.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd
from tqdm import tqdm

from helpers import paths
from helpers.data import catalog, snapshot
from helpers.data.errors import DataError
from helpers.data.load import cache_paths, load, read_text_table, typed_table
from helpers.data.origins import census, fred, worldbank


def _long(series: dict[str, pd.Series], meta: dict[str, tuple[str, ...]], **extra) -> pd.DataFrame:
    frames = []
    for sid, values in series.items():
        frames.append(pd.DataFrame({"date": values.index.strftime("%Y-%m-%d"),
                                    "series_id": sid, "value": values.values}))
        for i, col in enumerate(extra.get("columns", ())):
            frames[-1][col] = meta[sid][i]
    return pd.concat(frames, ignore_index=True)


def pull_us_china_goods_trade(ds_id: str) -> tuple[pd.DataFrame, list[str]]:
    s = fred.fetch(ds_id, ["EXPCH", "IMPCH", "IMPTOTUS"])
    wide = pd.DataFrame({"exports_usd_mn": s["EXPCH"], "imports_usd_mn": s["IMPCH"],
                         "imports_world_usd_mn": s["IMPTOTUS"]})
    wide["exports_copy"] = wide["exports_usd_mn"].notna().map({True: "FRED EXPCH", False: ""})
    wide.index = wide.index.strftime("%Y-%m-%d")
    return wide.rename_axis("date").reset_index(), [f"{fred.endpoint()}?id={i}" for i in s]


def pull_commodity_prices(ds_id: str) -> tuple[pd.DataFrame, list[str]]:
    s = fred.fetch(ds_id, list(snapshot.FRED_PRICE_SERIES))
    imf = _long(s, snapshot.FRED_PRICE_SERIES, columns=("series_name", "unit", "publisher"))
    wb = worldbank.fetch(ds_id)
    out = pd.concat([imf.assign(release=""), wb], ignore_index=True)
    cols = ["date", "series_id", "series_name", "unit", "value", "publisher", "release"]
    origins = [f"{fred.endpoint()}?id={i}" for i in s] + [worldbank.endpoint()]
    return out[cols], origins


def pull_farm_input_prices(ds_id: str) -> tuple[pd.DataFrame, list[str]]:
    s = fred.fetch(ds_id, list(snapshot.FARM_INPUT_SERIES))
    out = _long(s, snapshot.FARM_INPUT_SERIES, columns=("series_name", "unit"))
    return (out[["date", "series_id", "series_name", "unit", "value"]],
            [f"{fred.endpoint()}?id={i}" for i in s])


def pull_fx_cny_usd(ds_id: str) -> tuple[pd.DataFrame, list[str]]:
    s = fred.fetch(ds_id, ["EXCHUS", "DEXCHUS"])
    out = _long(s, {"EXCHUS": ("month",), "DEXCHUS": ("day",)}, columns=("freq",))
    out = out.rename(columns={"value": "cny_per_usd"})
    return out[["date", "series_id", "freq", "cny_per_usd"]], [f"{fred.endpoint()}?id={i}" for i in s]


def pull_us_soybean_exports(ds_id: str) -> tuple[pd.DataFrame, list[str]]:
    return census.fetch_soybean_exports(ds_id), [census.endpoint()]


PULLERS: dict[str, Callable[[str], tuple[pd.DataFrame, list[str]]]] = {
    "us_china_goods_trade": pull_us_china_goods_trade,
    "commodity_prices": pull_commodity_prices,
    "farm_input_prices": pull_farm_input_prices,
    "fx_cny_usd": pull_fx_cny_usd,
    "us_soybean_exports": pull_us_soybean_exports,
}


@dataclass
class RefreshResult:
    dataset: str
    ok: bool
    message: str


def _spans(df: pd.DataFrame) -> dict[str, tuple[pd.Timestamp, pd.Timestamp]]:
    """First and last date with a value, per series (long tables) or per value column (wide)."""
    key = next((k for k in ("series_id", "destination") if k in df), None)
    value_cols = [c for c in df.columns if c != "date" and pd.api.types.is_float_dtype(df[c])]
    spans = {}
    groups = df.groupby(key) if key else [(None, df)]
    for name, g in groups:
        for col in value_cols:
            dates = g.loc[g[col].notna(), "date"]
            if len(dates):
                spans[f"{name}" if key else col] = (dates.min(), dates.max())
    return spans


def _covers_current(ds_id: str, new: pd.DataFrame, where: str) -> None:
    """Refuse a pull that has less history or ends earlier than the data the kit serves now."""
    try:
        current = load(ds_id)
    except DataError:
        return  # nothing to compare with (a refresh-only dataset before its first pull)
    new_spans = _spans(new)
    for name, (start, end) in _spans(current).items():
        got = new_spans.get(name)
        if got is None or got[0] > start or got[1] < end:
            seen = f"starts {got[0].date()} and ends {got[1].date()}" if got else "is absent"
            raise DataError(ds_id, where, f"pulled {name} {seen}, short of the "
                            f"{start.date()}..{end.date()} the kit already has; "
                            "keeping the last good data")


def _write_atomically(ds_id: str, table: pd.DataFrame, origins: list[str]) -> str:
    """Validate ``table`` through a temporary file, then move it and its sidecar into place."""
    csv_path, meta_path = cache_paths(ds_id)
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{ds_id}.", suffix=".csv.tmp", dir=csv_path.parent)
    os.close(fd)
    tmp = csv_path.with_name(os.path.basename(tmp_name))
    try:
        tmp.write_bytes(snapshot.to_csv_bytes(table))
        typed = typed_table(ds_id, read_text_table(ds_id, tmp), "pulled from " + ", ".join(origins))
        _covers_current(ds_id, typed, ", ".join(origins))
        digest = catalog.sha256_of(tmp)
        meta = {"dataset": ds_id, "retrieved_at": dt.datetime.now(dt.UTC).isoformat(
            timespec="seconds"), "origins": origins, "rows": len(typed), "sha256": digest}
        meta_tmp = meta_path.with_name(meta_path.name + ".tmp")
        meta_tmp.write_text(json.dumps(meta, indent=2), encoding="utf-8")
        os.replace(tmp, csv_path)
        os.replace(meta_tmp, meta_path)
        return f"{len(typed)} rows to {typed['date'].max().date()}"
    finally:
        tmp.unlink(missing_ok=True)
        meta_path.with_name(meta_path.name + ".tmp").unlink(missing_ok=True)


def refresh(ids: Iterable[str] | None = None, *, progress: bool = True) -> list[RefreshResult]:
    """Refresh the given datasets (default: every refreshable one); report each outcome.

    Failures are collected, not raised, so one bad origin does not stop the others.
    """
    known = catalog.read_catalog()
    wanted = list(ids) if ids else [d for d in PULLERS if d in known]
    for ds_id in wanted:
        if ds_id not in PULLERS:
            raise DataError(ds_id, str(paths.catalog_path()), "this dataset has no live origin",
                            f"Refreshable: {', '.join(PULLERS)}")
    results = []
    bar = tqdm(wanted, desc="refresh", unit="dataset", disable=not progress)
    for ds_id in bar:
        bar.set_postfix_str(ds_id)
        try:
            table, origins = PULLERS[ds_id](ds_id)
            results.append(RefreshResult(ds_id, True, _write_atomically(ds_id, table, origins)))
        except DataError as exc:
            results.append(RefreshResult(ds_id, False, str(exc)))
    return results
