"""The World Bank Pink Sheet monthly workbook (CMO-Historical-Data-Monthly.xlsx).

The "Monthly Prices" sheet has a few title rows, a row of series names, a row of units,
then one row per month labelled like ``1960M01``. The parser finds those rows by their
content rather than by fixed offsets, so a title line more or less does not break it.
``TRADEWATCH_WORLDBANK_URL`` replaces the download address (tests use a local server).
"""

from __future__ import annotations

import io
import logging
import re
import zipfile

import pandas as pd

from helpers import settings
from helpers.data.errors import DataError
from helpers.data.origins import http
from helpers.data.origins.secrets import log_traceback

log = logging.getLogger(__name__)

PINK_SHEET_URL = ("https://thedocs.worldbank.org/en/doc/5d903e848db1d1b83e0ec8f744e55570-"
                  "0350012021/related/CMO-Historical-Data-Monthly.xlsx")
SHEET = "Monthly Prices"
UNITS = {"($/mt)": "USD/t", "($/bbl)": "USD/bbl", "($/mmbtu)": "USD/MMBtu"}
MONTH = re.compile(r"^(\d{4})M(\d{2})$")


def endpoint() -> str:
    return settings.url("TRADEWATCH_WORLDBANK_URL", PINK_SHEET_URL)


def parse_workbook(dataset_id: str, content: bytes, where: str,
                   series: dict[str, str]) -> pd.DataFrame:
    """Long table (date, series_id, series_name, unit, value, release) from workbook bytes,
    for ``series``: the name the workbook prints -> the kit's series id."""
    try:
        sheet = pd.read_excel(io.BytesIO(content), sheet_name=SHEET, header=None, dtype=object)
    except (zipfile.BadZipFile, ValueError, KeyError, OSError, SyntaxError, EOFError) as exc:
        log_traceback(log, "Pink Sheet workbook could not be read")
        raise DataError(dataset_id, where, f"not a readable Pink Sheet workbook: {exc}") from None
    first = sheet.iloc[:, 0].astype(str).str.strip()
    data_rows = first.str.match(MONTH)
    if not data_rows.any():
        raise DataError(dataset_id, where, "no monthly rows (labels like 1960M01) in the sheet")
    top = int(data_rows.idxmax())
    header = sheet.iloc[:top]
    names_at = next((i for i in header.index
                     if header.loc[i].astype(str).str.strip().eq("Soybeans").any()), None)
    if names_at is None:
        raise DataError(dataset_id, where, "no row of series names (with 'Soybeans') found")
    names = sheet.loc[names_at].astype(str).str.strip()
    units = sheet.loc[names_at + 1].astype(str).str.strip()
    release = next((str(v) for v in first[:top] if str(v).startswith("Updated on")), "")
    body = sheet[data_rows]
    dates = body.iloc[:, 0].astype(str).str.strip().str.replace(MONTH, r"\1-\2-01", regex=True)
    frames = []
    for col in sheet.columns[1:]:
        name = names[col]
        if name not in series:
            continue
        values = pd.to_numeric(body[col].replace({"..": None, "…": None}), errors="coerce")
        raw = body[col][values.isna() & body[col].notna() & ~body[col].isin(["..", "…"])]
        if len(raw):
            raise DataError(dataset_id, where, f"non-numeric value {raw.iloc[0]!r} in '{name}'")
        frames.append(pd.DataFrame({
            "date": dates.values, "series_id": series[name],
            "series_name": f"{name} (World Bank Pink Sheet)",
            "unit": UNITS.get(units[col], units[col]), "value": values.values,
            "publisher": "World Bank", "release": release,
        }))
    if len(frames) != len(series):
        found = {f["series_id"].iloc[0] for f in frames}
        lost = sorted(set(series.values()) - found)
        raise DataError(dataset_id, where, f"series missing from the workbook: {lost}")
    out = pd.concat(frames, ignore_index=True)
    # Each series keeps its own span: leading months before a series starts are not data.
    spans = out.dropna(subset=["value"]).groupby("series_id")["date"].agg(["min", "max"])
    out = out.join(spans, on="series_id")
    return out[(out["date"] >= out["min"]) & (out["date"] <= out["max"])].drop(
        columns=["min", "max"]).reset_index(drop=True)


def fetch(dataset_id: str, series: dict[str, str]) -> pd.DataFrame:
    """``series`` (workbook name -> series id) from the whole monthly workbook."""
    url = endpoint()
    answer = http.get(dataset_id, url, what="World Bank download")
    if answer.status != 200:
        raise DataError(dataset_id, url, f"World Bank download answered HTTP {answer.status}")
    return parse_workbook(dataset_id, answer.body, url, series)
