"""Build the committed snapshot (``data/snapshot/``) from the official-statistics extracts.

The extracts are verbatim copies of official series with a ``SOURCES.md`` per folder (see the
README). Each dataset declares the builder of each of its files (``helpers.data.datasets``);
builders only reshape the extracts into the kit's tidy files: they rename columns, join
files that cover different months of the same series, and write units into column names.
They never fill, interpolate or round a published value; a series the kit computes (monthly
means of whole months, ``helpers.data.computed``) carries ``COMPUTED`` in its id. Files
without a builder are hand-compiled (``data/snapshot/facts/``) or public copies of a
published series that the extracts lack, kept as printed and checked against the extracts
(``data/snapshot/copies/``). Run it with ``python -m helpers data build-snapshot --sources
DIR`` after the extracts change, then ``python -m helpers data checksums --write`` to record
the new checksums in the catalog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers.data import registry
from helpers.data.csvio import to_csv_bytes


def builders() -> dict[str, Callable]:
    """Every built file (path under ``snapshot/``) and its builder, from the registry."""
    return {f.path.removeprefix("snapshot/"): f.build for spec in registry.specs().values()
            for f in spec.files if f.build is not None}


def build(sources: Path, out_dir: Path) -> list[Path]:
    """Write every built snapshot file under ``out_dir``; return the paths written."""
    sources, out_dir = Path(sources), Path(out_dir)
    if not (sources / "MANIFEST.md").is_file():
        raise FileNotFoundError(f"{sources} is not an extracts folder (no MANIFEST.md there)")
    written = []
    for rel, builder in builders().items():
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(to_csv_bytes(builder(sources)))
        written.append(path)
    return written
