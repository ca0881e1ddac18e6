"""Where the kit's files live, independent of the working directory.

``TRADEWATCH_DATA_DIR`` points the kit at another data folder (tests use it for a scratch
cache); it must hold ``catalog.toml`` and ``snapshot/``.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """The data folder: catalog, committed snapshot and (ignored) cache."""
    return Path(os.environ.get("TRADEWATCH_DATA_DIR", PROJECT_ROOT / "data"))


def catalog_path() -> Path:
    return data_dir() / "catalog.toml"


def cache_dir() -> Path:
    """Refreshed data pulled from the origins; never committed."""
    return data_dir() / "cache"


def notebooks_dir() -> Path:
    """The narrative notebooks; ``TRADEWATCH_NOTEBOOKS_DIR`` points elsewhere (tests)."""
    return Path(os.environ.get("TRADEWATCH_NOTEBOOKS_DIR", PROJECT_ROOT / "notebooks"))


def reports_dir() -> Path:
    """Rendered briefs; ``TRADEWATCH_REPORTS_DIR`` points elsewhere (tests, benchmarks)."""
    return Path(os.environ.get("TRADEWATCH_REPORTS_DIR", PROJECT_ROOT / "reports"))
