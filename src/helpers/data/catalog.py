"""The data catalog (``data/catalog.toml``): what each dataset is, where it came from, its files.

Charts and briefs take their source lines and "as of" stamps from here, never from typed text.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from helpers import paths
from helpers.data.errors import DataError

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class DataFile:
    path: str  # relative to the data folder
    sha256: str
    copied_from: tuple[str, ...] = ()

    def absolute(self) -> Path:
        return paths.data_dir() / self.path


@dataclass(frozen=True)
class Dataset:
    id: str
    title: str
    role: str  # core | refresh-only | cross-check
    publisher: str
    units: str
    frequency: str
    coverage: str
    origin_url: str
    licence: str
    source_line: str
    series_ids: tuple[str, ...] = ()
    refresh: tuple[str, ...] = ()
    caveats: tuple[str, ...] = ()
    gaps: tuple[str, ...] = ()
    files: tuple[DataFile, ...] = field(default=())


def _dataset(ds_id: str, entry: dict) -> Dataset:
    files = tuple(
        DataFile(f["path"], f.get("sha256", ""), tuple(f.get("copied_from", [])))
        for f in entry.get("files", [])
    )
    scalars = ("title", "role", "publisher", "units", "frequency", "coverage", "origin_url",
               "licence", "source_line")
    missing = [k for k in scalars if k not in entry]
    if missing:
        raise DataError(ds_id, str(paths.catalog_path()), f"catalog entry lacks {missing}")
    tuples = {k: tuple(entry.get(k, [])) for k in ("series_ids", "refresh", "caveats", "gaps")}
    return Dataset(id=ds_id, files=files, **{k: entry[k] for k in scalars}, **tuples)


def read_catalog(path: Path | None = None) -> dict[str, Dataset]:
    """Every dataset in the catalog, by id."""
    path = path or paths.catalog_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError("*", str(path), "the catalog file is missing") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DataError("*", str(path), f"the catalog is not valid TOML: {exc}") from exc
    return {ds_id: _dataset(ds_id, entry) for ds_id, entry in raw.get("datasets", {}).items()}


def snapshot_built(path: Path | None = None) -> str:
    """The date the committed snapshot was built (ISO)."""
    path = path or paths.catalog_path()
    return tomllib.loads(path.read_text(encoding="utf-8"))["snapshot_built"]


def get(dataset_id: str) -> Dataset:
    """One dataset's catalog entry; a clear error listing the valid ids otherwise."""
    catalog = read_catalog()
    if dataset_id not in catalog:
        raise DataError(dataset_id, str(paths.catalog_path()), "no such dataset in the catalog",
                        f"Known ids: {', '.join(sorted(catalog))}")
    return catalog[dataset_id]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_file(dataset_id: str, data_file: DataFile) -> Path:
    """Return the file's path after checking it exists and matches its catalog checksum."""
    path = data_file.absolute()
    if not path.is_file():
        raise DataError(dataset_id, str(path), "the committed file is missing",
                        "Restore it with `git checkout -- data/`")
    actual = sha256_of(path)
    if actual != data_file.sha256:
        problem = f"sha256 mismatch: catalog says {data_file.sha256 or '(none)'}, file is {actual}"
        if b"\r\n" in path.read_bytes():
            raise DataError(
                dataset_id, str(path), problem + "; the file has Windows line endings (CRLF)",
                "Git converted it on checkout; make the checkout byte-exact with "
                "`git config core.autocrlf false` and then `git checkout HEAD -- data/`")
        raise DataError(
            dataset_id, str(path), problem,
            "The file was changed or corrupted; restore it with `git checkout -- data/`, or if "
            "the change is a deliberate rebuild, run `python -m helpers data checksums --write`",
        )
    return path


def write_checksums(path: Path | None = None) -> list[str]:
    """Record the current sha256 of every catalogued file; return the paths whose sum changed.

    Uses tomlkit so the catalog's comments and layout survive the rewrite.
    """
    import tomlkit

    path = path or paths.catalog_path()
    doc = tomlkit.parse(path.read_text(encoding="utf-8"))
    changed = []
    for entry in doc["datasets"].values():
        for f in entry.get("files", []):
            digest = sha256_of(path.parent / f["path"])
            if f["sha256"] != digest:
                f["sha256"] = digest
                changed.append(f["path"])
    path.write_text(tomlkit.dumps(doc), encoding="utf-8")
    return changed


def summary(roles: tuple[str, ...] = ("core", "refresh-only")) -> pd.DataFrame:
    """One row per dataset: id, title, publisher, units, frequency, licence, refresh origins."""
    import pandas as pd

    return pd.DataFrame([
        {"id": d.id, "title": d.title, "publisher": d.publisher, "units": d.units,
         "frequency": d.frequency, "licence": d.licence, "refresh": ", ".join(d.refresh) or "-"}
        for d in read_catalog().values() if d.role in roles])
