"""Before/after comparisons of one monthly series, with HAC errors (``helpers.models``): the
change against the same months a year earlier, difference-in-differences on a differenced
series, and event-study coefficients by year."""

from __future__ import annotations

import pandas as pd

from helpers.models import fit_hac, hac_lags, tidy


def same_months_change(series: pd.Series, event_date, months_after: int = 12,
                       lags: int | None = None) -> pd.Series:
    """Change after an event measured against the same calendar months a year earlier.

    Takes the months from ``event_date`` on (at most ``months_after``, and only those with a
    value a year earlier too) and regresses the year-on-year difference on a constant with
    HAC errors, so seasons are compared like for like. Returns one tidy row ``change``
    (mean difference) with ``n`` the months used.
    """
    s = series.dropna()
    day = pd.Timestamp(event_date)
    after = s[(s.index >= day) & (s.index < day + pd.DateOffset(months=months_after))]
    earlier = s.reindex(after.index - pd.DateOffset(years=1))
    diff = pd.Series(after.to_numpy() - earlier.to_numpy(), index=after.index).dropna()
    if len(diff) < 3:
        raise ValueError(f"fewer than three months after {day:%Y-%m} have a value a year "
                         "earlier")
    frame = pd.DataFrame({"d": diff})
    result = fit_hac("d ~ 1", frame, lags if lags is not None else min(hac_lags(len(frame)), 3))
    return tidy(result).iloc[0].rename("change")


def did_row(gap: pd.Series, first, last, start=None, end=None,
            lags: int | None = None) -> pd.Series:
    """Difference-in-differences on a differenced series (e.g. ``soy.diversion_panel``'s
    ``gap``): the mean change of ``gap`` in the treated months ``first``..``last`` against the
    other months of the sample ``start``..``end``, with month-of-year effects and HAC errors.
    Returns the tidy row ``treated`` (log points when ``gap`` is in logs)."""
    sample = gap.loc[pd.Timestamp(start) if start is not None else None:
                     pd.Timestamp(end) if end is not None else None].dropna()
    frame = pd.DataFrame({"gap": sample, "month": sample.index.month,
                          "treated": ((sample.index >= pd.Timestamp(first))
                                      & (sample.index <= pd.Timestamp(last))).astype(float)})
    return tidy(fit_hac("gap ~ treated + C(month)", frame, lags), ["treated"]).iloc[0]


def event_study(gap: pd.Series, base_year: int, lags: int | None = None) -> pd.DataFrame:
    """Year-by-year coefficients of a differenced series against ``base_year`` (month-of-year
    effects, HAC errors): one tidy row per year other than the base, ``term`` = the year."""
    sample = gap.dropna()
    if base_year not in set(sample.index.year):
        raise ValueError(f"no month of {base_year} in the series to compare the years with")
    frame = pd.DataFrame({"gap": sample, "month": sample.index.month, "year": sample.index.year})
    result = fit_hac(f"gap ~ C(year, Treatment(reference={base_year})) + C(month)", frame, lags)
    table = tidy(result)
    table = table[table["term"].str.startswith("C(year")].copy()
    table["term"] = table["term"].str.extract(r"\[T\.(\d+)\]")[0].astype(int)
    return table.reset_index(drop=True)
