"""Time-series regressions returned as tidy tables (thin wrappers on statsmodels' formula API).

Every estimate uses HAC (Newey-West) standard errors unless stated; every table has the
columns ``term, coef, std_err, ci_low, ci_high, p_value, n, sample_start, sample_end, method``.
``estimate_report`` is the one rule that turns an estimate into the sentence a brief prints.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from scipy import stats

TIDY_COLUMNS = ["term", "coef", "std_err", "ci_low", "ci_high", "p_value", "n", "sample_start",
                "sample_end", "method"]
LAG_RULE = "floor(4 (n/100)^(2/9))"


def hac_lags(n: int) -> int:
    """Newey-West lag length by the usual rule of thumb, floor(4 (n/100)^(2/9))."""
    return int(np.floor(4 * (n / 100) ** (2 / 9)))


def fit_hac(formula: str, data: pd.DataFrame, lags: int | None = None):
    """OLS with HAC standard errors; rows with a missing value in the model are dropped."""
    model = smf.ols(formula, data=data)
    n = int(model.nobs)
    return model.fit(cov_type="HAC", cov_kwds={"maxlags": lags if lags is not None else
                                                hac_lags(n)})


def hac_method(result) -> str:
    """How a result's standard errors were computed, with the lag count and whether it came
    from the rule of thumb."""
    lags = (getattr(result, "cov_kwds", None) or {}).get("maxlags")
    if lags is None:
        return "OLS, classical errors"
    rule = f"rule {LAG_RULE}" if lags == hac_lags(int(result.nobs)) else "set by hand"
    return f"OLS, HAC (Newey-West) errors, {lags} lags ({rule})"


def sample_dates(result) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """First and last row the model used, when the data had a date index."""
    labels = getattr(result.model.data, "row_labels", None)
    if isinstance(labels, pd.DatetimeIndex) and len(labels):
        return labels.min(), labels.max()
    return None, None


def ols_row(formula: str, data: pd.DataFrame, term: str, lags: int | None = None, start=None,
            end=None, drop_year: int | None = None, drop_years=()) -> pd.Series:
    """One tidy row (``term``) of an OLS fit with HAC errors on a sub-sample of ``data`` (date
    index): from ``start``, to ``end``, without the calendar year ``drop_year`` or the years
    ``drop_years``. The fit behind every specification of a regression's robustness table."""
    sample = data.loc[pd.Timestamp(start) if start is not None else None:
                      pd.Timestamp(end) if end is not None else None]
    left_out = {*drop_years, *([drop_year] if drop_year is not None else [])}
    sample = sample[~sample.index.year.isin(sorted(left_out))]
    return tidy(fit_hac(formula, sample, lags), [term]).iloc[0]


def tidy(result, terms: list[str] | None = None, method: str | None = None,
         alpha: float = 0.05) -> pd.DataFrame:
    """Coefficients of a statsmodels result as a tidy table (optionally a subset of terms)."""
    ci = result.conf_int(alpha)
    table = pd.DataFrame({
        "term": result.params.index, "coef": result.params.values,
        "std_err": result.bse.values, "ci_low": ci.iloc[:, 0].values,
        "ci_high": ci.iloc[:, 1].values, "p_value": result.pvalues.values,
    })
    table["n"] = int(result.nobs)
    table["sample_start"], table["sample_end"] = sample_dates(result)
    table["method"] = method or hac_method(result)
    if terms is not None:
        table = table[table["term"].isin(terms)]
    return table.reset_index(drop=True)[TIDY_COLUMNS]


def months_since(index: pd.DatetimeIndex, origin) -> np.ndarray:
    """Calendar months from ``origin`` to each date (negative before it), as floats: a time
    term that skips missing months instead of counting rows."""
    origin = pd.Timestamp(origin)
    index = pd.DatetimeIndex(index)
    return ((index.year - origin.year) * 12 + (index.month - origin.month)).to_numpy(float)


def _design(series: pd.Series, breaks: list) -> pd.DataFrame:
    """Trend (calendar months since the first date), month-of-year, and per break a level
    dummy ``post_k`` and a slope term ``trend_k`` (calendar months since the break, 0 before).
    Every time term counts dates, so a missing month leaves a gap in the trend too."""
    df = pd.DataFrame({"y": series.values}, index=series.index)
    df["trend"] = months_since(df.index, df.index.min())
    df["month"] = df.index.month
    for k, b in enumerate(breaks, start=1):
        after = df.index >= pd.Timestamp(b)
        df[f"post_{k}"] = after.astype(float)
        df[f"trend_{k}"] = np.where(after, months_since(df.index, b), 0.0)
    return df


def trend_break(series: pd.Series, breaks: list, seasonal: bool = True,
                lags: int | None = None) -> tuple[pd.DataFrame, object]:
    """Regress ``series`` (e.g. log imports) on a trend, month-of-year effects and, per
    break date, a level shift and a slope change. Returns (tidy break terms, result).

    A level coefficient on a log series is approximately the proportional jump at the break.
    """
    df = _design(series.dropna(), breaks)
    rhs = ["trend"] + (["C(month)"] if seasonal else [])
    for k in range(1, len(breaks) + 1):
        rhs += [f"post_{k}", f"trend_{k}"]
    result = fit_hac("y ~ " + " + ".join(rhs), df, lags)
    terms = ["trend"] + [f"{p}_{k}" for k in range(1, len(breaks) + 1) for p in ("post", "trend")]
    return tidy(result, terms), result


def break_term(series: pd.Series, breaks: list, term: str = "post_1", start=None,
               lags: int | None = None, seasonal: bool = True, end=None) -> pd.Series:
    """One tidy row of ``trend_break`` (e.g. the level shift ``post_1``), optionally on the
    sample ``start``..``end``: the building block of a robustness table. Breaks after the
    sample's end are left out (a sample ending before a break cannot estimate it)."""
    sample = series.loc[pd.Timestamp(start) if start is not None else None:
                        pd.Timestamp(end) if end is not None else None]
    last = sample.dropna().index.max()
    kept = [b for b in breaks if pd.Timestamp(b) <= last]
    table, _ = trend_break(sample, kept, seasonal=seasonal, lags=lags)
    return table.set_index("term").loc[term]


def break_wald(series: pd.Series, break_date, seasonal: bool = True,
               lags: int | None = None) -> dict:
    """HAC-robust Wald test that neither the level nor the trend changed at ``break_date``.

    The classic Chow F assumes independent errors, which monthly trade data are not; this
    tests ``post_1 = trend_1 = 0`` with Newey-West covariance. Returns the F form of the
    statistic, its degrees of freedom, p-value and n.
    """
    _, result = trend_break(series, [break_date], seasonal=seasonal, lags=lags)
    test = result.wald_test("post_1 = 0, trend_1 = 0", use_f=True, scalar=True)
    return {"break": pd.Timestamp(break_date), "F": float(test.statistic),
            "df": (int(test.df_num), int(test.df_denom)), "p_value": float(test.pvalue),
            "n": int(result.nobs), "method": hac_method(result)}


def sup_wald(series: pd.Series, trim: float = 0.15, seasonal: bool = True) -> dict:
    """Largest HAC Wald statistic over every candidate break month inside the trimmed sample
    (Andrews' sup-F idea with robust covariance).

    The date is searched for, so its p-value is non-standard and none is reported: the date
    and statistic describe where the data change most, whatever caused it. Returns the best
    date, its statistic, the statistic path and the trimming.
    """
    s = series.dropna()
    lo, hi = int(len(s) * trim), int(len(s) * (1 - trim))
    path = pd.Series({s.index[i]: break_wald(s, s.index[i], seasonal)["F"]
                      for i in range(lo, hi)}, name="F")
    return {"break": path.idxmax(), "F": float(path.max()), "path": path, "trim": trim,
            "searched": (s.index[lo], s.index[hi - 1])}


def counterfactual_gap(series_log: pd.Series, first_break, seasonal: bool = True) -> pd.DataFrame:
    """Actual vs the pre-break trend, in levels, by month.

    Fits trend (+ month effects) on the months before ``first_break`` only, projects it
    forward and returns columns ``actual``, ``counterfactual`` and ``gap`` (actual minus
    counterfactual) in the units of ``exp(series_log)``. The projection assumes the
    pre-break trend would have continued: a benchmark, not a forecast.
    """
    s = series_log.dropna()
    df = _design(s, [])
    pre = df[df.index < pd.Timestamp(first_break)]
    rhs = "trend" + (" + C(month)" if seasonal else "")
    fit = smf.ols(f"y ~ {rhs}", pre).fit()
    post = df[df.index >= pd.Timestamp(first_break)]
    # exp of a log-linear fit estimates the median; the smearing factor corrects to the mean.
    smear = float(np.mean(np.exp(fit.resid)))
    out = pd.DataFrame({"actual": np.exp(post["y"]),
                        "counterfactual": np.exp(fit.predict(post)) * smear}, index=post.index)
    out["gap"] = out["actual"] - out["counterfactual"]
    return out


def event_window(series: pd.Series, event_date, before: int = 12, after: int = 12,
                 lags: int | None = None) -> pd.DataFrame:
    """Mean of ``series`` in the ``before`` months up to the event and the ``after`` months
    from it, and their difference (HAC standard error) as one tidy row ``post``."""
    s = series.dropna()
    day = pd.Timestamp(event_date)
    window = s[(s.index >= day - pd.DateOffset(months=before)) &
               (s.index < day + pd.DateOffset(months=after))]
    df = pd.DataFrame({"y": window.values, "post": (window.index >= day).astype(float)})
    result = fit_hac("y ~ post", df, lags if lags is not None else min(hac_lags(len(df)), 3))
    table = tidy(result, ["Intercept", "post"])
    table["term"] = table["term"].replace({"Intercept": "mean_before",
                                           "post": "change_after"})
    return table


def long_run_effect(result, terms: list[str], alpha: float = 0.05) -> dict:
    """Sum of coefficients (e.g. a distributed lag's long-run elasticity) with its HAC CI."""
    names = list(result.params.index)
    weights = np.array([1.0 if n in terms else 0.0 for n in names])
    test = result.t_test(weights)
    low, high = np.asarray(test.conf_int(alpha)).ravel()
    return {"estimate": float(np.asarray(test.effect).ravel()[0]), "ci_low": float(low),
            "ci_high": float(high), "p_value": float(np.asarray(test.pvalue).ravel()[0]),
            "n": int(result.nobs)}


def correlation(x: pd.Series, y: pd.Series) -> dict:
    """Pearson correlation on the months both series have, with n and its p-value."""
    both = pd.concat([x, y], axis=1).dropna()
    r, p = stats.pearsonr(both.iloc[:, 0], both.iloc[:, 1])
    return {"r": float(r), "p_value": float(p), "n": len(both),
            "start": both.index.min(), "end": both.index.max()}


def includes_zero(row) -> bool:
    """Whether a tidy row's confidence interval includes zero."""
    return bool(row["ci_low"] <= 0 <= row["ci_high"])


def _p_text(p: float) -> str:
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


def estimate_report(row: pd.Series, subject: str, unit: str, decimals: int = 2,
                    scale: float = 1.0) -> tuple[str, pd.DataFrame]:
    """The sentence and one-row table a notebook prints for one estimate (a tidy row).

    ``subject`` names what the coefficient measures ("the US share per point of tariff"),
    ``unit`` its unit after ``scale`` ("points"). The sign is stated in words (higher /
    lower); when the 95% CI includes zero the sentence says the estimate is not
    distinguishable from zero. The table carries coefficient, CI, p, n, sample and method.
    """
    coef, low, high = (scale * float(row[c]) for c in ("coef", "ci_low", "ci_high"))
    size = f"{abs(coef):.{decimals}f}{'' if unit.startswith('%') else ' '}{unit}".rstrip()
    direction = "higher" if coef > 0 else "lower"
    start, end = row.get("sample_start"), row.get("sample_end")
    sample = (f"{pd.Timestamp(start):%Y-%m} to {pd.Timestamp(end):%Y-%m}"
              if start is not None and pd.notna(start) else "sample dates not recorded")
    detail = (f"{_p_text(float(row['p_value']))}; n = {int(row['n'])}, {sample}; "
              f"{row['method']}")
    ci = f"95% CI {low:.{decimals}f} to {high:.{decimals}f}"
    if includes_zero({"ci_low": low, "ci_high": high}):
        sentence = (f"{subject[0].upper()}{subject[1:]} is not distinguishable from zero: the "
                    f"point estimate is {size} {direction}, but the {ci} includes zero "
                    f"({detail}).")
    else:
        sentence = f"{subject[0].upper()}{subject[1:]}: {size} {direction} ({ci}; {detail})."
    table = pd.DataFrame([{"estimate": subject, "coef": coef, "ci_low": low, "ci_high": high,
                           "p_value": float(row["p_value"]), "n": int(row["n"]),
                           "sample": sample, "method": row["method"]}])
    return sentence, table


def robustness(fit: Callable[..., pd.Series], variants: dict[str, dict]) -> pd.DataFrame:
    """One row per specification: ``fit(**kwargs)`` returns a tidy row (coef, CI, p, n,
    sample); ``variants`` maps a label to the keyword arguments that define it. The first
    variant is the main specification that ``range_sentence`` compares the others with."""
    rows = []
    for label, kwargs in variants.items():
        row = fit(**kwargs)
        rows.append({"specification": label, "coef": row["coef"], "ci_low": row["ci_low"],
                     "ci_high": row["ci_high"], "p_value": row["p_value"], "n": row["n"],
                     "sample_start": row.get("sample_start"),
                     "sample_end": row.get("sample_end"),
                     "ci_includes_zero": includes_zero(row)})
    return pd.DataFrame(rows)


PRE_2025, PRE_2020 = pd.Timestamp("2024-12-01"), pd.Timestamp("2019-12-01")


def sample_end_variants(base: dict, last, ends=(PRE_2025, PRE_2020),
                        label: str = "sample ending {:%Y-%m}") -> dict[str, dict]:
    """Variants of ``base`` (keyword arguments) that end the sample earlier: one per date in
    ``ends`` before ``last`` (the main sample's last month), each adding ``end=<date>``. Where
    a sample ends decides what it can see, so every headline robustness table includes these
    (the kit's minimum: before 2025 and before 2020)."""
    return {label.format(pd.Timestamp(e)): {**base, "end": pd.Timestamp(e)} for e in ends
            if pd.Timestamp(e) < pd.Timestamp(last)}


def drop_year_variants(base: dict, years) -> dict[str, dict]:
    """Variants of ``base`` that leave out one calendar year each (``drop_year=<year>``): for
    annual fits, where one year can carry the estimate."""
    return {f"without {y}": {**base, "drop_year": int(y)} for y in years}


def range_sentence(table: pd.DataFrame, unit: str, decimals: int = 2,
                   scale: float = 1.0) -> str:
    """The range over every specification of a ``robustness`` table, which ones give its ends,
    how many CIs include zero and, when some specification reaches the other verdict than the
    first (main) one, which ones do and what drives it: when they are all samples that end
    earlier than the main one, the main verdict rests on the months after their last end."""
    coefs = scale * table["coef"]
    zero = int(table["ci_includes_zero"].sum())
    low, high = coefs.idxmin(), coefs.idxmax()
    spec = table["specification"]
    text = (f"Across {len(table)} specifications the estimate runs from "
            f"{coefs[low]:.{decimals}f} ({spec[low]}) to {coefs[high]:.{decimals}f} "
            f"({spec[high]}) {unit}; {zero} of {len(table)} confidence intervals include zero.")
    main = table.iloc[0]
    differ = table[table["ci_includes_zero"] != main["ci_includes_zero"]]
    if differ.empty:
        return text + f" Every specification agrees with the main one ({spec.iloc[0]})."
    verdict = "excludes" if main["ci_includes_zero"] else "includes"
    text += (f" The CI {verdict} zero, unlike the main specification ({spec.iloc[0]}), in: "
             + ", ".join(differ["specification"]) + ".")
    ends = pd.to_datetime(differ["sample_end"])
    main_end = main.get("sample_end")
    if main_end is not None and pd.notna(main_end) and ends.notna().all() and (
            ends < pd.Timestamp(main_end)).all():
        text += (f" What drives it is where the sample ends: the main verdict rests on the "
                 f"months after {ends.max():%Y-%m}.")
    return text
