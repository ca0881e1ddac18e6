"""Load validated datasets: a valid refresh cache first, else the committed snapshot.

``load(id)`` returns a DataFrame whose ``attrs["provenance"]`` says what it is, where it
came from (``origin``: cache or snapshot), its checksum, as-of date and caveats. Tables are
read and validated by ``helpers.data.tables`` once per content (``helpers.data.frame_cache``);
the sha256 is computed from the file on every load, so a changed file, or changed
validation code, is read and validated afresh, never served stale.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path

import pandas as pd

from helpers import paths
from helpers.data import catalog, registry
from helpers.data.errors import DataError
from helpers.data.frame_cache import disk_path, once, stored_digest
from helpers.data.tables import read_text_table, typed_table, validated


def _from_snapshot(ds: registry.DatasetSpec) -> pd.DataFrame:
    """The committed files, checked against their sha256, validated and combined."""
    if not ds.files:
        raise DataError(ds.id, "data/snapshot", "this dataset has no committed snapshot",
                        "It is filled only by `make data-refresh` (needs internet)")
    files = [(f, catalog.verify_file(ds.id, f)) for f in ds.files]

    def make() -> pd.DataFrame:
        if ds.combine is None:
            ((_, path),) = files
            return typed_table(ds.id, read_text_table(ds.id, path), str(path))
        parts = [validated(ds.id, f.file_schema, path) for f, path in files]
        return typed_table(ds.id, ds.combine(*parts), " + ".join(str(p) for _, p in files))

    return once(ds, [(path, f.sha256) for f, path in files], make)


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


def _from_cache(ds: registry.DatasetSpec) -> tuple[pd.DataFrame, dict] | None:
    """The cached table if one exists and is intact and valid; warns and returns None if not."""
    csv_path, _ = cache_paths(ds.id)
    meta = read_cache_meta(ds.id)
    if not csv_path.is_file() or meta is None:
        return None
    try:
        digest = catalog.sha256_of(csv_path)
        if digest != meta.get("sha256") and digest == (meta.get("replaces") or {}).get("sha256"):
            meta = meta["replaces"]  # a refresh stopped between its renames: the last good one
        if digest != meta.get("sha256"):
            raise DataError(ds.id, str(csv_path), "cache file does not match its recorded sha256")
        return once(ds, [(csv_path, meta["sha256"])], lambda: typed_table(
            ds.id, read_text_table(ds.id, csv_path), str(csv_path))), meta
    except DataError as exc:
        warnings.warn(f"ignoring the refresh cache: {exc}; using the snapshot", stacklevel=3)
        return None


def _as_of(df: pd.DataFrame, ds: registry.DatasetSpec) -> str | None:
    if ds.date_column is None or df.empty:
        return None
    return pd.Timestamp(df[ds.date_column].max()).date().isoformat()


def load(dataset_id: str, *, use_cache: bool = True) -> pd.DataFrame:
    """A validated dataset, with provenance in ``df.attrs['provenance']``.

    A valid cache from ``refresh`` wins over the committed snapshot; ``use_cache=False``
    forces the snapshot. Raises ``DataError`` naming dataset, file and first bad row.
    """
    ds = registry.spec(dataset_id)
    cached = _from_cache(ds) if use_cache and ds.live else None
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
        "retrieved": retrieved, "as_of": _as_of(df, ds), "files": files,
        "caveats": list(ds.caveats), "gaps": list(ds.gaps), "licence": ds.licence,
    }
    return df


def served_digest() -> str:
    """Hash of the stored frames every dataset is served from now (each loaded once, which
    also stores it): part of the briefs' cache key, so a brief never stays current over a
    frame the cache serves differently."""
    h = hashlib.sha256()
    for ds in catalog.read_catalog().values():
        try:
            files = load(ds.id).attrs["provenance"]["files"]
        except DataError:
            h.update(f"{ds.id}:unloadable;".encode())
            continue
        stored = disk_path(ds.id, [(Path(f["path"]), f["sha256"]) for f in files])
        h.update(f"{ds.id}:{stored_digest(stored) or 'not stored'};".encode())
    return h.hexdigest()
