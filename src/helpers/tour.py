"""The data tour's tables for people: the status, catalog and coverage tables of
``helpers.data`` with readable headers, dates as dates (months for month-start dates), no
missing-value markers, the live source and its keys in one column, and long slash-joined
names given break points so no table is wider than the page."""

from __future__ import annotations

import re

import pandas as pd

NOT_DATED = "not dated"
STATUS_COLUMNS = {"id": "dataset", "start": "from", "end": "to", "rows": "rows",
                  "as_of": "as of", "origin": "read from", "freshness": "freshness",
                  "live_source": "live source"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?: 00:00:00)?")
ZERO_WIDTH_SPACE = "\u200b"


def date_or_text(value) -> pd.Timestamp | str:
    """An ISO date ('2025-12-01', with or without a midnight time) as a Timestamp, which the
    kit's tables print as 'Dec 2025' (a month start) or '05 Oct 2026'; other text as it is
    ('2018 (one year of retaliation)'); missing as 'not dated'."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return NOT_DATED
    text = str(value)
    return pd.Timestamp(text) if ISO_DATE.fullmatch(text) else text


def live_source(row) -> str:
    """'FRED (no key needed)', 'UN Comtrade (needs COMTRADE_API_KEY (optional) (missing))',
    or 'none' for a dataset no refresh updates."""
    if row["live_source"] == "none":
        return "none"
    keys = row["keys"] or "no key needed"
    return f"{row['live_source']} ({keys if keys == 'no key needed' else 'needs ' + keys})"


def status_table(status: pd.DataFrame) -> pd.DataFrame:
    """``helpers.data.status()`` for people: dataset, from, to, rows, as of, read from,
    freshness ('not tracked' for undated facts), live source with its keys."""
    out = status.assign(
        start=status["start"].map(date_or_text), end=status["end"].map(date_or_text),
        as_of=status["as_of"].map(date_or_text),
        freshness=status["freshness"].replace("n/a", "not tracked"),
        live_source=status.apply(live_source, axis=1))
    return out[list(STATUS_COLUMNS)].rename(columns=STATUS_COLUMNS)


def breakable(text: str) -> str:
    """Long slash-joined names ('timeseries/intltrade/exports/hs') with a zero-width break
    point after each slash, so a narrow column wraps them instead of growing."""
    return str(text).replace("/", "/" + ZERO_WIDTH_SPACE)


def catalog_table(summary: pd.DataFrame) -> pd.DataFrame:
    """``catalog.summary()`` for people: the dataset's id and title in one column, then
    publisher, units, frequency, licence and refresh origin ('none' for a dataset no
    refresh updates), every text breakable at its slashes."""
    out = pd.DataFrame({
        "dataset": summary["id"] + ": " + summary["title"],
        "publisher": summary["publisher"], "units": summary["units"],
        "frequency": summary["frequency"], "licence": summary["licence"],
        "refresh from": summary["refresh"].replace("-", "none")})
    return out.map(breakable)


def gaps_table(coverage: pd.DataFrame) -> pd.DataFrame:
    """The series with missing months inside their span (``coverage()`` rows with
    ``missing`` > 0): dataset, series, from, to, observations, missing months."""
    gaps = coverage[coverage["missing"] > 0]
    return gaps[["dataset", "series", "start", "end", "observations", "missing"]].rename(
        columns={"start": "from", "end": "to", "missing": "missing months"})
