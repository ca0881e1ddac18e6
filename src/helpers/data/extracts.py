"""Reading the official-statistics extracts as text, for the datasets' snapshot builders.

Every cell is read as text, so no value is re-formatted on the way into the snapshot.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd


def read(sources: Path, rel: str) -> pd.DataFrame:
    """An extract with every cell as text (blank = empty string)."""
    return pd.read_csv(sources / rel, dtype=str, keep_default_na=False)


def fred(sources: Path, rel: str) -> pd.DataFrame:
    """A two-column FRED-style extract ``date,<SERIES>`` as (date, value) text columns."""
    df = read(sources, rel)
    return df.rename(columns={df.columns[1]: "value"})


def copy(*rels: str, keep: list[str] | None = None) -> Callable[[Path], pd.DataFrame]:
    """A builder that keeps one or more extracts (stacked) with their own columns, or
    only ``keep``."""

    def build(sources: Path) -> pd.DataFrame:
        parts = [read(sources, rel) for rel in rels]
        return pd.concat([p[keep] if keep else p for p in parts], ignore_index=True)

    build.__doc__ = f"Extract(s) {', '.join(rels)}, kept with their own columns."
    return build
