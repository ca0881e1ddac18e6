"""Validated frames kept between loads: in the process, and on disk between sessions.

A frame is kept in the process under its dataset, declaration and files' (path, sha256), and
on disk (``frame_cache_dir``) as Parquet under the same files' sha256 plus a fingerprint of
the data layer's code and the pandas/pandera versions, so a new session skips parsing and
validation (and importing pandera) for content it has validated before. A stored frame is
used only when its bytes match the sha256 recorded beside it; Parquet holds data, never code.
Every caller gets a copy, so no caller can change what the next one gets.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import io
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import settings
from helpers.data import registry

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
    package = Path(__file__).parent  # the data layer's source
    for source in sorted(package.rglob("*.py")):
        h.update(source.read_bytes())
    return h.hexdigest()


def disk_path(dataset_id: str, sums: list[tuple[Path, str]]) -> Path | None:
    """``<id>-<key>.parquet`` in the frame cache; its sha256 is in ``<id>-<key>.sha256``."""
    folder = frame_cache_dir()
    if folder is None:
        return None
    h = hashlib.sha256(_code_fingerprint().encode())
    for path, digest in sums:
        h.update(f"{path.name}:{digest};".encode())
    return folder / f"{dataset_id}-{h.hexdigest()[:32]}.parquet"


def stored_digest(path: Path | None) -> str | None:
    """The sha256 recorded for a stored frame, or None when there is none."""
    try:
        return path.with_suffix(".sha256").read_text(encoding="ascii").strip() if path else None
    except (OSError, UnicodeDecodeError):
        return None


def _from_disk(path: Path | None) -> pd.DataFrame | None:
    """A stored frame (Parquet: data only, nothing in it can run) whose bytes match their
    recorded sha256; anything else (damaged, foreign, unrecorded) is None and is rebuilt."""
    recorded = stored_digest(path)
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


def once(ds, sums: list[tuple[Path, str]],
          make: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """A copy of the frame ``make`` validates, made once per declaration and file content
    (in this process, and across sessions through the frame cache)."""
    key = (ds.id, id(registry.spec(ds.id)), tuple((str(p), s) for p, s in sums))
    if key not in _VALIDATED:
        disk = disk_path(ds.id, sums)
        frame = _from_disk(disk)
        if frame is None:
            frame = make()
            _to_disk(disk, frame)
        _VALIDATED[key] = frame
    return _VALIDATED[key].copy()
