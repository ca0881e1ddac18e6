"""The dataset registry: one declaration per dataset, one module per declaration.

Each dataset is a module whose ``SPEC`` is a :class:`DatasetSpec`: its provenance (title,
publisher, units, licence, source line, caveats, gaps), its files (path, where
each was copied from, the builder that makes it from the extracts), its pandera schema
with a ``description`` for every column, its date column and load hooks, the series it
holds (id, name, unit) and its live origin with the pull that reads it. The loaders,
``status``, ``changes``, the snapshot builder, the refresh and the data package all read
this registry; no other module holds a per-dataset table.

Why modules and not catalog entries: a dataset's facts are half prose and half code
(schemas with checks, reshaping builders, pulls from an origin's API), and TOML can hold
code only as names pointing elsewhere, which is how facts drifted apart before. A module
keeps them side by side, reviewable in one diff, while ``data/catalog.toml`` keeps only
what tools write: the date the snapshot was built and each file's sha256
(``python -m helpers data checksums --write``), which the declarations never repeat.

Where declarations are found: the modules of ``helpers.data.datasets`` (the kit's own),
then every ``*.py`` in the data folder's ``datasets/`` (a data folder's own datasets; with
``TRADEWATCH_DATA_DIR`` a course or a test adds one by writing one file there).
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from helpers import paths
from helpers.data.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

ROLES = ("core", "refresh-only", "cross-check")


@dataclass(frozen=True)
class Field:
    """A column described without a pandera schema (extract copies kept as they are)."""

    name: str
    type: str  # frictionless type: string | number | integer | date
    description: str
    unit: str = ""


@dataclass(frozen=True)
class DataFile:
    """One committed file, as declared; its ``sha256`` is the catalog's record, never declared."""

    path: str  # relative to the data folder
    copied_from: tuple[str, ...] = ()
    build: Callable[[Path], pd.DataFrame] | None = None  # from the extracts; None: hand-made
    schema: Any = None  # pandera schema (or a function building it) of the file itself
    fields: tuple[Field, ...] = ()  # column dictionary of a schema-less file

    def absolute(self) -> Path:
        return paths.data_dir() / self.path

    @property
    def sha256(self) -> str:
        """The file's sha256 as ``data/catalog.toml`` records it ('' when it records none)."""
        from helpers.data.catalog import recorded_sha256

        return recorded_sha256(self.path)

    @property
    def file_schema(self):
        """The file's pandera schema, built on first use."""
        return built_schema(self.schema, self.path)


@dataclass(frozen=True)
class Series:
    """A series a dataset holds: the origin's id, the kit's name for it and its unit."""

    id: str
    name: str
    unit: str
    publisher: str = ""


@dataclass
class Pull:
    """A pulled table in its snapshot's format, where it came from, and notes for the user."""

    table: pd.DataFrame
    origins: list[str]
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Live:
    """A dataset's live origin: its name, the key variables it needs ("optional" where it
    also answers without one) and the pull that reads it (imports its client when run)."""

    origin: str
    pull: Callable[[DatasetSpec], Pull]
    keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class DatasetSpec:
    id: str
    title: str
    role: str  # core | refresh-only | cross-check
    publisher: str
    units: str
    frequency: str
    origin_url: str
    licence: str
    source_line: str
    caveats: tuple[str, ...] = ()
    gaps: tuple[str, ...] = ()
    files: tuple[DataFile, ...] = ()
    schema: Any = None  # pandera schema of the loaded table, or a function building it
    # (declarations pass the function, so pandera is imported only when a table is
    # validated); None: typed as read
    date_column: str | None = None
    before: Callable[[pd.DataFrame], pd.DataFrame] | None = None  # before validation
    after: Callable[[pd.DataFrame], pd.DataFrame] | None = None  # after validation
    combine: Callable[..., pd.DataFrame] | None = None  # files (validated each) -> one table
    series: tuple[Series, ...] = ()
    live: Live | None = None
    # the publisher's usual delay, in days, between the end of a period and its release;
    # a series further behind the build date than this is stale (None: no schedule, e.g.
    # fact tables and event lists)
    usual_lag_days: int | None = None
    # plausibility rules for the values (helpers.data.plausibility.Plausibility): bounds,
    # shares, largest period-on-period move, no future dates, no duplicate records (None:
    # none checked)
    plausibility: Any = None

    @property
    def series_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.series)

    @property
    def table_schema(self):
        """The table's pandera schema, built on first use."""
        return built_schema(self.schema, self.id)


def built_schema(schema: Any, where: str):
    """A declared schema: as given, or built once from the function declaring it, with every
    column described (a column without a description is refused)."""
    if schema is None or hasattr(schema, "columns"):
        return schema
    return _build(schema, where)


@functools.cache
def _build(factory: Callable[[], Any], where: str):
    schema = factory()
    bare = [name for name, col in schema.columns.items() if not col.description]
    if bare:
        raise DataError(where, "dataset declaration", f"schema columns without a description: "
                        f"{bare}")
    return schema


def _check(spec: Any, where: str) -> DatasetSpec:
    if not isinstance(spec, DatasetSpec):
        raise DataError("*", where, "a dataset module must define SPEC = DatasetSpec(...)")
    if spec.role not in ROLES:
        raise DataError(spec.id, where, f"role {spec.role!r} is not one of {ROLES}")
    if hasattr(spec.schema, "columns"):  # a schema built at import: check it now
        bare = [name for name, col in spec.schema.columns.items() if not col.description]
        if bare:
            raise DataError(spec.id, where, f"schema columns without a description: {bare}")
    return spec


KIT_DATASETS = "helpers.data.datasets"


def _kit_modules() -> list[tuple[Any, str]]:
    """The kit's declarations, found by listing the package (declarations import this
    module, never the other way round)."""
    folder = importlib.util.find_spec(KIT_DATASETS).submodule_search_locations
    return [(importlib.import_module(f"{KIT_DATASETS}.{m.name}"), m.name)
            for m in pkgutil.iter_modules(folder) if not m.name.startswith("_")]


def _folder_modules(folder: Path) -> list[tuple[Any, str]]:
    found = []
    for path in sorted(folder.glob("*.py")):
        name = f"tradewatch_datasets_{abs(hash(str(path)))}_{path.stem}"
        module_spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(module_spec)
        try:
            module_spec.loader.exec_module(module)
        except Exception as exc:  # noqa: BLE001 (a broken declaration is one clear error)
            raise DataError(path.stem, str(path), f"the dataset declaration does not load: "
                            f"{type(exc).__name__}: {exc}") from exc
        found.append((module, str(path)))
    return found


_FOLDERS: dict[tuple[str, tuple], dict[str, DatasetSpec]] = {}


def specs() -> dict[str, DatasetSpec]:
    """Every declared dataset by id: the kit's own, then the data folder's ``datasets/``."""
    folder = paths.data_dir() / "datasets"
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.py")))
    key = (str(folder), stamp)
    if key not in _FOLDERS:
        out: dict[str, DatasetSpec] = {}
        for module, where in _kit_modules() + (_folder_modules(folder) if stamp else []):
            spec = _check(getattr(module, "SPEC", None), where)
            if spec.id in out:
                raise DataError(spec.id, where, "declared twice")
            out[spec.id] = spec
        _FOLDERS[key] = out
    return _FOLDERS[key]


def spec(dataset_id: str) -> DatasetSpec:
    """One declaration; a clear error listing the known ids otherwise."""
    known = specs()
    if dataset_id not in known:
        raise DataError(dataset_id, str(paths.catalog_path()), "no such dataset in the catalog",
                        f"Known ids: {', '.join(sorted(known))}")
    return known[dataset_id]
