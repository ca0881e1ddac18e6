"""Pull newer data from the official origins into ``data/cache/``, never harming good data.

Each dataset's declaration (``helpers.data.datasets``) names its live origin and the pull
that reads it. Each refreshed dataset is written in the same table format as its snapshot file: first to a
temporary file, then validated by the same schema the loader uses, then checked against the
reference vintage, then renamed into place after its metadata sidecar (retrieval time,
origins, sha256, coverage, the previous vintage's sha256 and coverage, and the sidecar of
the table it replaces, so a refresh stopped between the two renames loses nothing).

A pull is refused, leaving the cache and the snapshot untouched, when the origin fails
(timeout, deadline, size cap, HTTP error, redirect, HTML instead of data, a cut-off body,
another series than the one asked for), when the schema refuses it, or when, compared with
the reference vintage, any series and value column

- starts later or ends earlier, or has fewer values over the reference's span;
- holds a value that is not finite;
- moves, where both have a value, by more than ``REFRESH_MAX_REVISION`` of the larger of the
  reference value and the series' median level (official revisions are far smaller; a
  wrong series, a lost digit or a unit slip moves values by factors). Rows the reference
  flags in a ``note`` column (unconfirmed weeks) are not held to this band.

The reference is the committed snapshot whenever the dataset has one: no refresh can change
it, so a bad pull that once slipped into the cache never blocks a good one. A dataset
without a snapshot is compared with its cache; after a bad pull there,
``refresh(ids, fresh=True)`` compares with nothing but still applies the schema,
finiteness and origin checks.

Any exception while one dataset is pulled becomes that dataset's failure; the others still
run. Every message is scrubbed of API keys.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers import owned, paths
from helpers.data import catalog, changes, registry
from helpers.data.csvio import to_csv_bytes
from helpers.data.errors import DataError
from helpers.data.loader import cache_paths, load, read_cache_meta
from helpers.data.origins.secrets import log_traceback, scrub
from helpers.data.tables import read_text_table, typed_table

log = logging.getLogger(__name__)

REFRESH_MAX_REVISION = 0.5  # largest move of a held value a refresh may make, share of its scale
FLAG_COLUMN = "note"


@dataclass
class RefreshResult:
    dataset: str
    ok: bool
    message: str


def _reference(ds: registry.DatasetSpec, fresh: bool) -> pd.DataFrame | None:
    """The vintage a pull is checked against: the snapshot, else the cache (see above)."""
    try:
        if ds.files:
            return load(ds.id, use_cache=False)
        return None if fresh else load(ds.id)
    except DataError:
        return None


def _refuse(ds_id: str, where: str, problem: str) -> DataError:
    return DataError(ds_id, where, problem, "keeping the last good data")


def check_pull(ds_id: str, new: pd.DataFrame, reference: pd.DataFrame | None,
               where: str) -> None:
    """Refuse a pull that is not finite, covers less, or moves beyond the revision band."""
    pulled = changes.long_values(ds_id, new)
    bad = pulled[pulled["value"].notna() & ~np.isfinite(pulled["value"].astype(float))]
    if len(bad):
        row = bad.iloc[0]
        raise _refuse(ds_id, where, f"{row['series']} at {row['date'].date()} is "
                      f"{row['value']}, not a finite number")
    if reference is None:
        return
    flagged = set()
    if FLAG_COLUMN in reference:
        date_col, _, _ = changes.series_layout(ds_id)
        flagged = set(pd.to_datetime(reference.loc[reference[FLAG_COLUMN].notna(), date_col]))
    old = changes.long_values(ds_id, reference).dropna(subset=["value"])
    new_have = pulled.dropna(subset=["value"])
    for series, g in old.groupby("series"):
        start, end = g["date"].min(), g["date"].max()
        got = new_have[new_have["series"] == series]
        if got.empty or got["date"].min() > start or got["date"].max() < end:
            seen = (f"starts {got['date'].min().date()} and ends {got['date'].max().date()}"
                    if len(got) else "is absent")
            raise _refuse(ds_id, where, f"pulled {series} {seen}, short of the "
                          f"{start.date()}..{end.date()} the kit already has")
        inside = got[(got["date"] >= start) & (got["date"] <= end)]
        if len(inside) < len(g):
            raise _refuse(ds_id, where, f"pulled {series} has {len(inside)} values over "
                          f"{start.date()}..{end.date()}, fewer than the {len(g)} the kit has")
        both = g.merge(inside, on="date", suffixes=("_old", "_new"))
        both = both[~both["date"].isin(flagged)]
        scale = np.maximum(both["value_old"].abs(), g["value"].abs().median())
        off = (both["value_new"] - both["value_old"]).abs() > REFRESH_MAX_REVISION * scale
        if off.any():
            r = both[off].iloc[0]
            raise _refuse(ds_id, where, f"pulled {series} at {r['date'].date()} is "
                          f"{r['value_new']:g} against {r['value_old']:g} in the kit: beyond "
                          f"the {REFRESH_MAX_REVISION:.0%} revision tolerance (another series, "
                          "a cut number or a unit slip?)")


def _current_meta(ds_id: str) -> dict | None:
    """The sidecar of the cached table as it is now, if the two match (without its own
    ``replaces``), else None."""
    csv_path, _ = cache_paths(ds_id)
    meta = read_cache_meta(ds_id)
    if meta is None or not csv_path.is_file() or catalog.sha256_of(csv_path) != meta.get(
            "sha256"):
        return None
    return {k: v for k, v in meta.items() if k != "replaces"}


def _write_atomically(ds: registry.DatasetSpec, pull: registry.Pull, fresh: bool) -> str:
    """Validate and check the pull through a temporary file, then move it and its sidecar."""
    csv_path, meta_path = cache_paths(ds.id)
    owned.mark(csv_path.parent, "cache")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{ds.id}.", suffix=".csv.tmp", dir=csv_path.parent)
    os.close(fd)
    tmp = csv_path.with_name(os.path.basename(tmp_name))
    meta_tmp = meta_path.with_name(f".{meta_path.name}.{os.getpid()}.tmp")
    where = ", ".join(pull.origins)
    try:
        tmp.write_bytes(to_csv_bytes(pull.table))
        typed = typed_table(ds.id, read_text_table(ds.id, tmp), "pulled from " + where)
        check_pull(ds.id, typed, _reference(ds, fresh), where)
        try:
            served = load(ds.id)
            previous = {"origin": served.attrs["provenance"]["origin"],
                        "sha256": [f["sha256"] for f in served.attrs["provenance"]["files"]],
                        "coverage": changes.coverage(ds.id, served)}
        except DataError:
            previous = None
        meta = {"dataset": ds.id, "retrieved_at": dt.datetime.now(dt.UTC).isoformat(
            timespec="seconds"), "origins": pull.origins, "rows": len(typed),
            "sha256": catalog.sha256_of(tmp), "coverage": changes.coverage(ds.id, typed),
            "notes": pull.notes, "previous": previous, "replaces": _current_meta(ds.id)}
        meta_tmp.write_text(json.dumps(meta, indent=2), encoding="utf-8")
        # the sidecar first: it also describes the table it replaces, so a refresh stopped
        # between the two renames still serves the last good refreshed table
        os.replace(meta_tmp, meta_path)
        os.replace(tmp, csv_path)
        date_col, _, _ = changes.series_layout(ds.id)
        summary = f"{len(typed)} rows to {typed[date_col].max().date()}"
        return "; ".join([summary, *pull.notes])
    finally:
        tmp.unlink(missing_ok=True)
        meta_tmp.unlink(missing_ok=True)


def cache_files() -> list[str]:
    """What refreshes wrote in the refresh cache (relative paths): each catalog dataset's
    table and sidecar, its kept vintages, and unpublished temporaries."""
    folder = paths.cache_dir()
    files = []
    for ds_id in catalog.read_catalog():
        files += [f"{ds_id}.csv", f"{ds_id}.json"]
        files += [f"vintages/{ds_id}.{slot}.{ext}" for slot in changes.SLOTS
                  for ext in ("csv", "json")]
        files += [p.relative_to(folder).as_posix() for pattern in (
            f".{ds_id}.*.tmp", f"vintages/.{ds_id}.*.tmp") for p in folder.glob(pattern)]
    return files


def clean_cache() -> list:
    """Delete what refreshes wrote in the refresh cache (``owned.check_removable`` first)."""
    folder = paths.cache_dir()
    if not folder.is_dir():
        return []
    return owned.remove_files(owned.check_removable(folder, "cache"), cache_files())


def _pull_one(ds: registry.DatasetSpec, fresh: bool) -> RefreshResult:
    log.debug("refresh %s from %s", ds.id, type(ds.live).__name__)
    try:
        return RefreshResult(ds.id, True, scrub(_write_atomically(ds, ds.live.pull(ds), fresh)))
    except DataError as exc:
        log_traceback(log, f"refresh of {ds.id} failed")
        return RefreshResult(ds.id, False, scrub(str(exc)))
    except Exception as exc:  # noqa: BLE001 (any origin fault is this dataset's failure)
        log_traceback(log, f"refresh of {ds.id} failed")
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        return RefreshResult(ds.id, False, scrub(
            f"dataset '{ds.id}': the origin's answer could not be used "
            f"({type(exc).__name__}{': ' + detail if detail else ''}); keeping the last good data"))


def refresh(ids: Iterable[str] | None = None, *, progress: bool = True,
            fresh: bool = False) -> list[RefreshResult]:
    """Refresh the given datasets (default: every one declared with a live origin);
    report each outcome. Failures are collected, never raised, so one bad origin does not
    stop the others. ``fresh`` drops the comparison with a cache-only dataset's last pull."""
    known = catalog.read_catalog()
    live = [d.id for d in known.values() if d.live]
    wanted = list(ids) if ids else live
    for ds_id in wanted:
        if ds_id not in live:
            raise DataError(ds_id, str(paths.catalog_path()), "this dataset has no live origin",
                            f"Refreshable: {', '.join(live)}")
    noted = [d.id for d in known.values() if d.role != "cross-check"]
    changes.note_vintages(noted)
    results = []
    from tqdm import tqdm

    bar = tqdm(wanted, desc="refresh", unit="dataset", disable=not progress)
    for ds_id in bar:
        bar.set_postfix_str(ds_id)
        results.append(_pull_one(known[ds_id], fresh))
    changes.note_vintages(noted)
    return results

