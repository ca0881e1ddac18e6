"""Load validated datasets: a valid refresh cache first, else the committed snapshot.

``load(id)`` returns a DataFrame whose ``attrs["provenance"]`` says what it is, where it
came from (``origin``: cache or snapshot), its checksum, as-of date and caveats.

A table is parsed and validated once per content: the validated frame is kept in the
process under its dataset, declaration and files' (path, sha256), and on disk
(``frame_cache_dir``) as Parquet under the same files' sha256 plus a fingerprint of the data
layer's code and the pandas/pandera versions, so a new session skips parsing and validation
(and importing pandera) for content it has validated before. A stored frame is used only
when its bytes match the sha256 recorded beside it; Parquet holds data, never code. Every
load hands out a copy, so a caller cannot change what the next one gets. The sha256 is computed from the file on every
load, so a changed file, or changed validation code, is read and validated afresh, never
served stale.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import io
import json
import os
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import paths, settings
from helpers.data import catalog, plausibility, registry
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


def _validated(dataset_id: str, schema, path: Path) -> pd.DataFrame:
    """One file read as text, checked and validated with ``schema``."""
    from helpers.data import schemas

    raw = read_text_table(dataset_id, path)
    _refuse_unreadable(dataset_id, raw, schema, str(path))
    return schemas.validate(schema, raw, dataset_id, str(path))


_VALIDATED: dict[tuple, pd.DataFrame] = {}


def frame_cache_dir() -> Path | None:
    """Where validated frames are kept between sessions: ``TRADEWATCH_FRAME_CACHE`` (``off``
    disables it; a relative path is refused), else ``$XDG_CACHE_HOME`` (when absolute) or
    ``~/.cache``; none when the home folder is unknown. Outside ``data/``, so briefs do not
    rebuild when it changes."""
    if settings.frame_cache_off():
        return None
    chosen = settings.folder("TRADEWATCH_FRAME_CACHE", None)
    if chosen is not None:
        return chosen
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if Path(xdg).is_absolute():
        base = Path(xdg)
    else:
        home = os.environ.get("HOME", "")
        if not Path(home).is_absolute() or Path(home) == Path(Path(home).anchor):
            return None  # no usable home folder: never write to /.cache
        base = Path(home) / ".cache"
    return base / "us-china-trade-watch" / "frames"


@functools.cache
def _code_fingerprint() -> str:
    """The data layer's source and the library versions a validated frame depends on (read
    without importing pandera or importlib.metadata, which would cost what the cache saves)."""
    h = hashlib.sha256(f"pandas={pd.__version__};numpy={np.__version__};".encode())
    pandera = importlib.util.find_spec("pandera")
    if pandera is not None and pandera.origin:
        site = Path(pandera.origin).parent.parent
        h.update(";".join(sorted(d.name for d in site.glob("pandera-*.dist-info"))).encode())
    package = Path(__file__).parent
    for source in sorted(package.rglob("*.py")):
        h.update(source.read_bytes())
    return h.hexdigest()


def _disk_path(dataset_id: str, sums: list[tuple[Path, str]]) -> Path | None:
    """``<id>-<key>.parquet`` in the frame cache; its sha256 is in ``<id>-<key>.sha256``."""
    folder = frame_cache_dir()
    if folder is None:
        return None
    h = hashlib.sha256(_code_fingerprint().encode())
    for path, digest in sums:
        h.update(f"{path.name}:{digest};".encode())
    return folder / f"{dataset_id}-{h.hexdigest()[:32]}.parquet"


def _stored_digest(path: Path | None) -> str | None:
    """The sha256 recorded for a stored frame, or None when there is none."""
    try:
        return path.with_suffix(".sha256").read_text(encoding="ascii").strip() if path else None
    except (OSError, UnicodeDecodeError):
        return None


def _from_disk(path: Path | None) -> pd.DataFrame | None:
    """A stored frame (Parquet: data only, nothing in it can run) whose bytes match their
    recorded sha256; anything else (damaged, foreign, unrecorded) is None and is rebuilt."""
    recorded = _stored_digest(path)
    if recorded is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != recorded:
        return None
    try:
        frame = pd.read_parquet(io.BytesIO(data))
    except Exception:  # noqa: BLE001 (a frame pyarrow cannot read is rebuilt)
        return None
    return frame if isinstance(frame, pd.DataFrame) else None


def _replace_with(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary that never outlives a failure."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _to_disk(path: Path | None, frame: pd.DataFrame) -> None:
    """Keep a validated frame for the next session as Parquet with its sha256 beside it;
    a cache that cannot be written (full disk, read-only, a frame Parquet cannot hold) is
    skipped."""
    if path is None:
        return
    try:
        buffer = io.BytesIO()
        frame.to_parquet(buffer)
        data = buffer.getvalue()
        path.parent.mkdir(parents=True, exist_ok=True)
        _replace_with(path, data)
        _replace_with(path.with_suffix(".sha256"), hashlib.sha256(data).hexdigest().encode())
    except Exception:  # noqa: BLE001 (the cache is an optimisation; loading goes on)
        return


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
        stored = _disk_path(ds.id, [(Path(f["path"]), f["sha256"]) for f in files])
        h.update(f"{ds.id}:{_stored_digest(stored) or 'not stored'};".encode())
    return h.hexdigest()


def _once(ds: catalog.Dataset, sums: list[tuple[Path, str]],
          make: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """A copy of the frame ``make`` validates, made once per declaration and file content
    (in this process, and across sessions through the frame cache)."""
    key = (ds.id, id(registry.spec(ds.id)), tuple((str(p), s) for p, s in sums))
    if key not in _VALIDATED:
        disk = _disk_path(ds.id, sums)
        frame = _from_disk(disk)
        if frame is None:
            frame = make()
            _to_disk(disk, frame)
        _VALIDATED[key] = frame
    return _VALIDATED[key].copy()


def _from_snapshot(ds: catalog.Dataset) -> pd.DataFrame:
    """The committed files, checked against their sha256, validated and combined."""
    if not ds.files:
        raise DataError(ds.id, "data/snapshot", "this dataset has no committed snapshot",
                        "It is filled only by `make data-refresh` (needs internet)")
    files = [(f, catalog.verify_file(ds.id, f)) for f in ds.files]

    def make() -> pd.DataFrame:
        if ds.combine is None:
            ((_, path),) = files
            return typed_table(ds.id, read_text_table(ds.id, path), str(path))
        parts = [_validated(ds.id, f.file_schema, path) for f, path in files]
        return typed_table(ds.id, ds.combine(*parts), " + ".join(str(p) for _, p in files))

    return _once(ds, [(path, f.sha256) for f, path in files], make)


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
        digest = catalog.sha256_of(csv_path)
        if digest != meta.get("sha256") and digest == (meta.get("replaces") or {}).get("sha256"):
            meta = meta["replaces"]  # a refresh stopped between its renames: the last good one
        if digest != meta.get("sha256"):
            raise DataError(ds.id, str(csv_path), "cache file does not match its recorded sha256")
        return _once(ds, [(csv_path, meta["sha256"])], lambda: typed_table(
            ds.id, read_text_table(ds.id, csv_path), str(csv_path))), meta
    except DataError as exc:
        warnings.warn(f"ignoring the refresh cache: {exc}; using the snapshot", stacklevel=3)
        return None


def _as_of(df: pd.DataFrame, ds: catalog.Dataset) -> str | None:
    if ds.date_column is None or df.empty:
        return None
    return pd.Timestamp(df[ds.date_column].max()).date().isoformat()


def load(dataset_id: str, *, use_cache: bool = True) -> pd.DataFrame:
    """A validated dataset, with provenance in ``df.attrs['provenance']``.

    A valid cache from ``refresh`` wins over the committed snapshot; ``use_cache=False``
    forces the snapshot. Raises ``DataError`` naming dataset, file and first bad row.
    """
    ds = catalog.get(dataset_id)
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
