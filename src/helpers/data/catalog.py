"""The data catalog: every declared dataset with its files' recorded checksums.

What each dataset is and where it came from is declared in its module and read with
``helpers.data.registry.spec`` (the one version of a declaration); ``data/catalog.toml``
records what tools write: the date the
snapshot was built and the sha256 of every committed file. Charts and briefs take their
source lines and "as of" stamps from here, never from typed text.
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

from helpers import paths
from helpers.data.errors import DataError
from helpers.data.registry import DataFile, DatasetSpec, specs

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["read_catalog", "recorded_sha256", "sha256_of", "snapshot_built", "summary",
           "verify_file", "write_checksums"]

_PARSED: dict[tuple[str, int, int], dict] = {}


def _lock(path: Path) -> dict:
    """The parsed catalog file (cached while its size and modification time stay put)."""
    try:
        stat = path.stat()
    except FileNotFoundError as exc:
        raise DataError("*", str(path), "the catalog file is missing") from exc
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _PARSED:
        try:
            _PARSED[key] = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise DataError("*", str(path), f"the catalog is not valid TOML: {exc}") from exc
    return _PARSED[key]


def recorded_sha256(rel: str, path: Path | None = None) -> str:
    """The sha256 the catalog records for a data file (path relative to ``data/``); ''
    when it records none."""
    return _lock(path or paths.catalog_path()).get("sha256", {}).get(rel, "")


def read_catalog(path: Path | None = None) -> dict[str, DatasetSpec]:
    """Every declared dataset by id (the declarations themselves, ``registry.specs()``),
    after checking the catalog file reads; each file's ``sha256`` is the catalog's record."""
    _lock(path or paths.catalog_path())
    return specs()


def snapshot_built(path: Path | None = None) -> str:
    """The date the committed snapshot was built (ISO)."""
    return _lock(path or paths.catalog_path())["snapshot_built"]


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
    """Record the current sha256 of every declared file; return the paths whose sum changed.

    Uses tomlkit so the catalog's comments and layout survive the rewrite; files no longer
    declared lose their line.
    """
    import tomlkit

    path = path or paths.catalog_path()
    doc = tomlkit.parse(path.read_text(encoding="utf-8"))
    sums = doc.setdefault("sha256", tomlkit.table())
    declared = [f.path for spec in specs().values() for f in spec.files]
    changed = []
    for rel in declared:
        digest = sha256_of(path.parent / rel)
        if sums.get(rel) != digest:
            sums[rel] = digest
            changed.append(rel)
    for rel in [r for r in sums if r not in declared]:
        del sums[rel]
    path.write_text(tomlkit.dumps(doc), encoding="utf-8")
    return changed


def summary(roles: tuple[str, ...] = ("core", "refresh-only")) -> pd.DataFrame:
    """One row per dataset: id, title, publisher, units, frequency, licence, live origin."""
    import pandas as pd

    return pd.DataFrame([
        {"id": d.id, "title": d.title, "publisher": d.publisher, "units": d.units,
         "frequency": d.frequency, "licence": d.licence,
         "refresh": d.live.origin if d.live else "-"}
        for d in read_catalog().values() if d.role in roles])
