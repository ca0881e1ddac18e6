"""Folders the kit writes, and the only deletes it makes in them.

Each output folder the kit owns (``reports/``, the refresh cache, the student edition)
carries ``MARKER``, a small JSON file the kit writes when it first uses the folder; the
student edition's marker also lists every file written with its sha256 (a manifest).
``check_removable`` refuses any delete in a folder that is empty-named, the root of a
drive, the home folder, the project itself or one of its parents, and in an unmarked folder
outside the project. The callers then remove only files they name from their own records.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from helpers import paths

MARKER = ".tradewatch-output"


class UnsafeDelete(ValueError):
    """The kit refused to delete in a folder it cannot prove it wrote."""


def mark(folder: Path, kind: str, files: dict[str, str] | None = None) -> None:
    """Create ``folder`` if needed and record that the kit owns it (``kind``: reports, cache,
    student); ``files`` (relative path -> sha256) is the manifest of what it wrote."""
    folder.mkdir(parents=True, exist_ok=True)
    record = {"written_by": "us-china-trade-watch", "kind": kind}
    if files is not None:
        record["files"] = files
    marker = folder / MARKER
    if files is None and marker.is_file():
        return
    tmp = folder / f".{MARKER}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, marker)


def marker(folder: Path) -> dict | None:
    """The folder's marker record, or None when it has none (or an unreadable one)."""
    try:
        record = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return record if isinstance(record, dict) and record.get("written_by") else None


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _project() -> Path | None:
    """The project folder (``paths.project_root``, settings-aware), or None outside one."""
    try:
        return paths.project_root().resolve()
    except paths.PathSettingError:
        return None


def check_removable(folder: Path, kind: str) -> Path:
    """The folder, resolved, if the kit may delete its own files in it; else UnsafeDelete
    naming the folder and the reason."""
    if not str(folder).strip():
        raise UnsafeDelete("refusing to delete in a folder with an empty name")
    if not folder.is_absolute():
        raise UnsafeDelete(f"refusing to delete in {folder}: not an absolute path")
    resolved = folder.resolve()
    root = _project()
    kept = [Path(resolved.anchor), Path.home().resolve(), paths.PROJECT_ROOT.resolve(), root]
    if any(_inside(k, resolved) for k in kept if k is not None):
        raise UnsafeDelete(f"refusing to delete in {folder}: it is a drive root, the home "
                           "folder, or the project (or the kit's source) or one of its parents")
    record = marker(resolved)
    inside_project = root is not None and _inside(resolved, root)
    if not inside_project and (record is None or record.get("kind") != kind):
        raise UnsafeDelete(f"refusing to delete in {folder}: it is outside the project and "
                           f"carries no {MARKER} file saying the kit wrote it as its {kind} folder")
    return resolved


def remove_files(folder: Path, relative: Iterable[str]) -> list[Path]:
    """Delete the named files under ``folder`` (never a path leaving it), then any of their
    parent folders left empty; returns what was deleted."""
    removed = []
    for rel in relative:
        path = folder / rel
        if not _inside(path.parent.resolve(), folder) or not (path.is_file() or path.is_symlink()):
            continue
        path.unlink()
        removed.append(path)
        for parent in path.parents:
            if parent == folder or not _inside(parent, folder):
                break
            try:
                parent.rmdir()
            except OSError:
                break
    return removed
