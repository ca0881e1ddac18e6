"""Where the kit's files live, independent of the working directory.

The project root is ``TRADEWATCH_PROJECT_DIR``, else the checkout the kit runs from (an
editable install), else the working directory when it holds ``data/``; an installed kit
with none of these stops at once naming the setting. ``TRADEWATCH_DATA_DIR`` and its
siblings point single folders elsewhere (tests use them for scratch copies). Folders are read
through :mod:`helpers.settings`, which refuses empty or relative values (``PathSettingError``).
"""

from __future__ import annotations

from pathlib import Path

from helpers.settings import PathSettingError, folder

__all__ = ["PROJECT_ROOT", "PathSettingError", "project_root", "from_environment", "data_dir", "catalog_path",
           "cache_dir", "notebooks_dir", "reports_dir", "dist_dir"]

#: The source tree the kit was loaded from (``src/``'s parent): the checkout for an editable
#: install, somewhere under the install prefix otherwise. Data folders use ``project_root()``.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
_CHECKOUT = PROJECT_ROOT


def project_root() -> Path:
    """The folder holding data/, notebooks/ and reports/ (see the module's docstring)."""
    chosen = folder("TRADEWATCH_PROJECT_DIR", None)
    if chosen is not None:
        return chosen
    if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "data").is_dir():
        return _CHECKOUT
    here = Path.cwd()
    if (here / "data").is_dir():
        return here
    raise PathSettingError(f"no project found: {here} has no data/ folder and the kit is not run "
                           "from a checkout; run it from the project folder or set "
                           "TRADEWATCH_PROJECT_DIR (or TRADEWATCH_DATA_DIR) to an absolute path")


def from_environment(variable: str, default: Path) -> Path:
    """The folder ``variable`` names, else ``default`` (see :func:`helpers.settings.folder`)."""
    return folder(variable, default)


def _folder(variable: str, name: str) -> Path:
    chosen = folder(variable, None)
    return chosen if chosen is not None else project_root() / name


def data_dir() -> Path:
    """The data folder: catalog, committed snapshot and (ignored) cache."""
    return _folder("TRADEWATCH_DATA_DIR", "data")


def catalog_path() -> Path:
    return data_dir() / "catalog.toml"


def cache_dir() -> Path:
    """Refreshed data pulled from the origins; never committed."""
    return data_dir() / "cache"


def notebooks_dir() -> Path:
    """The narrative notebooks; ``TRADEWATCH_NOTEBOOKS_DIR`` points elsewhere (tests)."""
    return _folder("TRADEWATCH_NOTEBOOKS_DIR", "notebooks")


def reports_dir() -> Path:
    """Rendered briefs; ``TRADEWATCH_REPORTS_DIR`` points elsewhere (tests, benchmarks)."""
    return _folder("TRADEWATCH_REPORTS_DIR", "reports")


def dist_dir() -> Path:
    """Hand-outs such as the student edition; ``TRADEWATCH_DIST_DIR`` points elsewhere (tests)."""
    return _folder("TRADEWATCH_DIST_DIR", "dist")
