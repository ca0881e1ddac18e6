"""Where the kit's files live, independent of the working directory.

``TRADEWATCH_DATA_DIR`` points the kit at another data folder (tests use it for a scratch
cache); it must hold ``catalog.toml`` and ``snapshot/``. Every folder named in the
environment must be an absolute path: an empty or relative value is refused
(``PathSettingError``), never read as the current directory.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class PathSettingError(ValueError):
    """An environment variable names a folder the kit cannot safely use."""


def from_environment(variable: str, default: Path) -> Path:
    """The folder ``variable`` names, else ``default``; an empty, blank or relative value
    is refused naming the variable (a relative path would depend on where a command runs,
    and an empty one would mean the current directory)."""
    value = os.environ.get(variable)
    if value is None:
        return default
    if not value.strip():
        raise PathSettingError(f"{variable} is set but empty; unset it or give an absolute path")
    path = Path(value).expanduser()
    if not path.is_absolute():
        raise PathSettingError(f"{variable}={value!r} is a relative path; give an absolute path")
    return path


def data_dir() -> Path:
    """The data folder: catalog, committed snapshot and (ignored) cache."""
    return from_environment("TRADEWATCH_DATA_DIR", PROJECT_ROOT / "data")


def catalog_path() -> Path:
    return data_dir() / "catalog.toml"


def cache_dir() -> Path:
    """Refreshed data pulled from the origins; never committed."""
    return data_dir() / "cache"


def notebooks_dir() -> Path:
    """The narrative notebooks; ``TRADEWATCH_NOTEBOOKS_DIR`` points elsewhere (tests)."""
    return from_environment("TRADEWATCH_NOTEBOOKS_DIR", PROJECT_ROOT / "notebooks")


def reports_dir() -> Path:
    """Rendered briefs; ``TRADEWATCH_REPORTS_DIR`` points elsewhere (tests, benchmarks)."""
    return from_environment("TRADEWATCH_REPORTS_DIR", PROJECT_ROOT / "reports")


def dist_dir() -> Path:
    """Hand-outs such as the student edition; ``TRADEWATCH_DIST_DIR`` points elsewhere (tests)."""
    return from_environment("TRADEWATCH_DIST_DIR", PROJECT_ROOT / "dist")
