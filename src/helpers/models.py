"""Time-series regressions returned as tidy tables (thin wrappers on statsmodels' formula API).

Every estimate uses HAC (Newey-West) standard errors unless stated; every table has the
columns ``term, coef, std_err, ci_low, ci_high, p_value, n, method``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from scipy import stats

TIDY_COLUMNS = ["term", "coef", "std_err", "ci_low", "ci_high", "p_value", "n", "method"]


def hac_lags(n: int) -> int:
    """Newey-West lag length by the usual rule of thumb, floor(4 (n/100)^(2/9))."""
    return int(np.floor(4 * (n / 100) ** (2 / 9)))


def fit_hac(formula: str, data: pd.DataFrame, lags: int | None = None):
    """OLS with HAC standard errors; rows with a missing value in the model are dropped."""
    model = smf.ols(formula, data=data)
    n = int(model.nobs)
    return model.fit(cov_type="HAC", cov_kwds={"maxlags": lags if lags is not None else
                                                hac_lags(n)})


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
    lags = (result.cov_kwds or {}).get("maxlags") if hasattr(result, "cov_kwds") else None
    table["method"] = method or (f"OLS, HAC (Newey-West, {lags} lags)" if lags is not None
                                 else "OLS")
    if terms is not None:
        table = table[table["term"].isin(terms)]
    return table.reset_index(drop=True)[TIDY_COLUMNS]


def _design(series: pd.Series, breaks: list) -> pd.DataFrame:
    """Trend (months since start), month-of-year, and per break a level dummy ``post_k``
    and a slope term ``trend_k`` (months since the break, 0 before)."""
    df = pd.DataFrame({"y": series.values}, index=series.index)
    df["trend"] = np.arange(len(df), dtype=float)
    df["month"] = df.index.month
    for k, b in enumerate(breaks, start=1):
        b = pd.Timestamp(b)
        after = df.index >= b
        df[f"post_{k}"] = after.astype(float)
        df[f"trend_{k}"] = np.where(after, (df.index.year - b.year) * 12 +
                                    (df.index.month - b.month), 0.0)
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


def chow_test(series: pd.Series, break_date, seasonal: bool = True) -> dict:
    """Classic Chow F test of a level and trend change at a known date (homoskedastic F;
    the HAC coefficients from ``trend_break`` are the robust view of the same question)."""
    df = _design(series.dropna(), [break_date])
    rhs = "trend" + (" + C(month)" if seasonal else "")
    restricted = smf.ols(f"y ~ {rhs}", df).fit()
    unrestricted = smf.ols(f"y ~ {rhs} + post_1 + trend_1", df).fit()
    q = 2
    f = ((restricted.ssr - unrestricted.ssr) / q) / (unrestricted.ssr / unrestricted.df_resid)
    return {"break": pd.Timestamp(break_date), "F": f, "df": (q, int(unrestricted.df_resid)),
            "p_value": float(stats.f.sf(f, q, unrestricted.df_resid)), "n": int(unrestricted.nobs)}


def sup_f(series: pd.Series, trim: float = 0.15, seasonal: bool = True) -> dict:
    """Largest Chow F over every candidate break inside the trimmed sample (Andrews' sup-F).

    Its p-value is non-standard (the break date is searched for), so none is reported: the
    date and statistic are descriptive. Returns the best date, its F and the F path.
    """
    s = series.dropna()
    lo, hi = int(len(s) * trim), int(len(s) * (1 - trim))
    path = pd.Series({s.index[i]: chow_test(s, s.index[i], seasonal)["F"]
                      for i in range(lo, hi)}, name="F")
    return {"break": path.idxmax(), "F": float(path.max()), "path": path, "trim": trim}


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
