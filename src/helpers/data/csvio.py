"""The kit's CSV bytes: one writer for the snapshot builder and the refresh cache alike."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """Deterministic CSV bytes: LF line endings, minimal quoting, text cells as given."""
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return buf.getvalue().encode("utf-8")
