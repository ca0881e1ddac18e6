"""Substitution between US and Brazilian soybeans in China (the Armington relation) and who
bore China's tariff, from the exporters' own monthly records (UN Comtrade, FOB values and
net weights; ``soybean_exports_by_exporter``) and China's tariff path on US soybeans.

With a CES demand over origins, the ratio of the quantities China buys from the two origins
(equal to the ratio of their shares of China's imports) follows

    ln(q_US / q_BR) = a - sigma * ln(p_US * (1 + t) / p_BR)

where p is each origin's FOB unit value (USD per tonne) and t China's tariff on US beans
(a fraction). Month-of-year effects absorb the opposite harvest seasons. A unit value needs a
reported weight: months in which either origin's weight is blank or a Comtrade estimate are
left out (the US weights of 2015-2017 and 2019 are estimates, so those years drop out).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import models

KG_PER_TONNE = 1_000.0
BUSHELS_PER_TONNE = 1_000.0 / 27.2155  # soybeans: 60 lb = 27.2155 kg a bushel
MIN_N = 24  # months below which a fit with twelve month effects is not reported
FORMULA = "log_quantity_ratio ~ log_price_ratio + C(month)"


def origin_prices(exports: pd.DataFrame, reporter: str, partner: str = "China") -> pd.DataFrame:
    """One exporter's monthly shipments to ``partner``: ``value_usd`` (FOB), ``tonnes``,
    ``unit_value`` (USD per tonne) and ``weight_reported`` (every HS line of the month has a
    weight that is neither blank nor a Comtrade estimate). Months without a row are absent."""
    rows = exports[(exports["reporter"] == reporter) & (exports["partner"] == partner)]
    if rows.empty:
        raise ValueError(f"soybean_exports_by_exporter: no rows for {reporter} to {partner}")
    grouped = rows.groupby("date")
    out = pd.DataFrame({
        "value_usd": grouped["value_usd"].sum(),
        "tonnes": grouped["net_weight_kg"].sum(min_count=1) / KG_PER_TONNE,
        "weight_reported": grouped.apply(
            lambda g: bool(g["net_weight_kg"].notna().all() and not g["net_weight_estimated"].any()),
            include_groups=False),
    })
    out["unit_value"] = out["value_usd"] / out["tonnes"].where(out["tonnes"] > 0)
    out.index.name = "date"
    return out


def armington_frame(exports: pd.DataFrame, tariff_pct: pd.Series,
                    tariff_lag_months: int = 0) -> pd.DataFrame:
    """The regression frame, one row per month in which both the US and Brazil shipped to China
    with reported weights: log quantity ratio (US / Brazil), log tariff-inclusive price ratio,
    the two unit values (USD per tonne, FOB), the tariff (percent, monthly mean of the daily
    path ``tariff_pct``; ``tariff_lag_months`` = 1 applies the tariff in force a month after
    shipment, when the beans reach China) and the calendar month."""
    us, br = origin_prices(exports, "United States"), origin_prices(exports, "Brazil")
    both = us.add_suffix("_us").join(br.add_suffix("_br"), how="inner")
    both = both[both["weight_reported_us"] & both["weight_reported_br"]]
    tariff = tariff_pct.copy()
    tariff.index = tariff.index + pd.DateOffset(months=-tariff_lag_months)
    both["tariff_pct"] = tariff.reindex(both.index)
    frame = pd.DataFrame({
        "log_quantity_ratio": np.log(both["tonnes_us"] / both["tonnes_br"]),
        "log_price_ratio": np.log(both["unit_value_us"] * (1 + both["tariff_pct"] / 100)
                                  / both["unit_value_br"]),
        "unit_value_us": both["unit_value_us"], "unit_value_br": both["unit_value_br"],
        "tariff_pct": both["tariff_pct"], "month": both.index.month}, index=both.index)
    return frame.replace([np.inf, -np.inf], np.nan).dropna()


def sigma_row(frame: pd.DataFrame, start=None, end=None) -> pd.Series:
    """sigma (the elasticity of substitution, minus the price-ratio coefficient) with its HAC
    95% CI, p, n and sample, on ``start``..``end``; ValueError below ``MIN_N`` months."""
    sample = frame.loc[pd.Timestamp(start) if start is not None else None:
                       pd.Timestamp(end) if end is not None else None]
    if len(sample) < MIN_N:
        raise ValueError(f"Armington fit: {len(sample)} months with reported weights from "
                         f"{start or 'the start'} to {end or 'the end'}; at least {MIN_N} needed")
    row = models.ols_row(FORMULA, sample, "log_price_ratio").copy()
    row["coef"], row["ci_low"], row["ci_high"] = -row["coef"], -row["ci_high"], -row["ci_low"]
    row["term"] = "sigma"
    return row


def sample_variants(frame: pd.DataFrame, starts=(), ends=()) -> dict[str, dict]:
    """The main sample plus one variant per later start and per earlier end that keeps at
    least ``MIN_N`` months (labels name the months kept)."""
    first, last = frame.index.min(), frame.index.max()
    variants = {f"all months {first:%Y-%m} to {last:%Y-%m}": {}}
    for start in starts:
        if pd.Timestamp(start) > first and len(frame.loc[pd.Timestamp(start):]) >= MIN_N:
            variants[f"from {pd.Timestamp(start):%Y-%m}"] = {"start": start}
    for end in ends:
        if pd.Timestamp(end) < last and len(frame.loc[:pd.Timestamp(end)]) >= MIN_N:
            variants[f"to {pd.Timestamp(end):%Y-%m}"] = {"end": end}
    return variants


def robustness(frame: pd.DataFrame, starts=(), ends=(),
               alternatives: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """sigma on the main sample, on each start/end variant, and on the whole of each
    alternative frame (e.g. the other tariff basis, the tariff a month later), labelled by its
    key: one ``models.robustness`` table, the main specification first."""
    frames = {None: frame, **(alternatives or {})}
    variants = sample_variants(frame, starts, ends)
    variants.update({label: {"frame": label} for label in alternatives or {}})
    return models.robustness(lambda frame=None, **kw: sigma_row(frames[frame], **kw), variants)


def price_gap(frame: pd.DataFrame, before: tuple, after: tuple) -> pd.DataFrame:
    """The US FOB unit value against Brazil's in two windows (``(first, last)`` months):
    months, mean unit values (USD per tonne), the US / Brazil ratio of the means, and the US
    minus Brazil gap in USD per tonne and per bushel. Rows ``before`` and ``after``."""
    rows = {}
    for label, (first, last) in (("before", before), ("after", after)):
        window = frame.loc[pd.Timestamp(first):pd.Timestamp(last)]
        if window.empty:
            raise ValueError(f"price gap: no month with both unit values in {first}..{last}")
        us, br = window["unit_value_us"].mean(), window["unit_value_br"].mean()
        rows[label] = {"first": window.index.min(), "last": window.index.max(),
                       "months": len(window), "US, USD/t": us, "Brazil, USD/t": br,
                       "US / Brazil": us / br, "gap, USD/t": us - br,
                       "gap, USD/bu": (us - br) / BUSHELS_PER_TONNE}
    return pd.DataFrame(rows).T


def gap_display(gap: pd.DataFrame) -> pd.DataFrame:
    """``price_gap``'s rows for a reader: the months each window covers in words ('Jan 2018
    to Jun 2018'), then its numbers as numbers, indexed by ``window``."""
    covered = [f"{first:%b %Y} to {last:%b %Y}"
               for first, last in zip(gap["first"], gap["last"], strict=True)]
    numbers = gap.drop(columns=["first", "last"]).astype(float)
    return numbers.assign(**{"months covered": covered})[
        ["months covered", *numbers.columns]].rename_axis("window")


def sellers_share(gap: pd.DataFrame, tariff_rise_pct: float) -> float:
    """Share of a tariff rise borne by US sellers, read from the fall of the US / Brazil price
    ratio: 0 if it did not fall, 1 if it fell to 1 / (1 + rise) of its level before."""
    ratio = float(gap.loc["after", "US / Brazil"] / gap.loc["before", "US / Brazil"])
    return (1 - ratio) / (1 - 1 / (1 + tariff_rise_pct / 100))


LOGIT_UNIT = "logit exponent (dimensionless)"


def sigma_from_logit(figure: pd.Series) -> float:
    """The elasticity of substitution a published logit exponent stands for (a row of
    ``published_trade_elasticities``). In a logit over sources each source's quantity share
    moves with its price to the power of the exponent, the CES relation fitted here, so sigma
    is the exponent's magnitude. ValueError for another unit or a positive exponent."""
    if figure["unit"] != LOGIT_UNIT:
        raise ValueError(f"{figure['study']}: unit {figure['unit']!r} is not a logit exponent")
    exponent = float(figure["value"])
    if exponent >= 0:
        raise ValueError(f"{figure['study']}: a logit exponent of {exponent} does not lower a "
                         "source's share as its price rises")
    return -exponent
