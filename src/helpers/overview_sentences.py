"""The overview's sentences: each states figures of one brief, looked up by the keys it
declares (``reads``), so the index can check that every key it reads is published."""

from __future__ import annotations

import re
from collections.abc import Callable

from helpers.figure_words import period_words, quantity_words, shown


def reads(number: str, *keys: str) -> Callable[[Callable], Callable]:
    """Declare the brief (its number) and the figure keys a sentence writer reads."""
    def declare(write: Callable) -> Callable:
        write.figure_keys = (number, keys)
        return write
    return declare


@reads("01", "soy_tariff_peak", "soy_tariff_end")
def _tariffs(f: Callable) -> str | None:
    peak, end = f("01", "soy_tariff_peak"), f("01", "soy_tariff_end")
    if not (peak and end):
        return None
    return (f"China's tariff on US soybeans peaked at {shown(peak)} on "
            f"{period_words(peak['period'])} and stood at {shown(end)} on "
            f"{period_words(end['period'])}, the end of the tariff timeline's window.")


@reads("01", "ieepa_peak")
def _ieepa(f: Callable) -> str | None:
    peak = f("01", "ieepa_peak")
    if not peak:
        return None
    return f"US IEEPA duties on China peaked at {shown(peak)} on {period_words(peak['period'])}."


@reads("02", "imports_2018", "imports_latest_full_year")
def _imports_levels(f: Callable) -> str | None:
    early, late = f("02", "imports_2018"), f("02", "imports_latest_full_year")
    if not (early and late):
        return None
    return (f"US goods imports from China were {shown(early)} in {early['period']} and "
            f"{shown(late)} in {late['period']}.")


@reads("02", "imports_ytd_change")
def _imports_change(f: Callable) -> str | None:
    change = f("02", "imports_ytd_change")
    if not change:
        return None
    side = "below" if change["value"] < 0 else "above"
    return (f"In {period_words(change['period'])}, US goods imports from China were "
            f"{shown(change, abs(change['value']))} {side} the same months a year earlier.")


@reads("02", "china_share_latest")
def _china_share(f: Callable) -> str | None:
    share = f("02", "china_share_latest")
    if not share:
        return None
    return (f"China's share of all US goods imports was {shown(share)} in the 12 months to "
            f"{period_words(share['period'])}, the latest month of the Census series of total "
            "US goods imports.")


@reads("03", "us_soy_2017_mt", "us_soy_sep2025_kg")
def _soy_shipments(f: Callable) -> str | None:
    shipped = [fig for fig in (f("03", "us_soy_2017_mt"), f("03", "us_soy_sep2025_kg")) if fig]
    if not shipped:
        return None
    def what(i: int, fig: dict) -> str:
        shown = quantity_words(fig)
        if i:
            return shown
        return "no US soybeans" if shown == "none" else f"{shown} of US soybeans"

    phrases = [f"{what(i, fig)} in {period_words(fig['period'])}" for i, fig in enumerate(shipped)]
    last = shipped[-1]
    stated = (", a stated zero" if last["value"] == 0 and "stated zero" in last.get("note", "")
              else "")
    return f"China imported {' and '.join(phrases)}{stated}."


@reads("03", "brazil_share_sep2025")
def _brazil_share(f: Callable) -> str | None:
    brazil = f("03", "brazil_share_sep2025")
    if not brazil:
        return None
    basis = f" ({brazil['note']})" if brazil.get("note") else ""
    return (f"Brazil supplied {shown(brazil)} of China's soybean imports in "
            f"{period_words(brazil['period'])}{basis}.")


@reads("03", "benchmark_gap_frozen", "benchmark_gap_brazil_trend")
def _soy_gap(f: Callable) -> str | None:
    frozen, trend = f("03", "benchmark_gap_frozen"), f("03", "benchmark_gap_brazil_trend")
    if not (frozen and trend):
        return None
    base = re.search(r"the (\d{4})-share benchmark", frozen.get("name", ""))
    other = re.search(r"with (.+?), \d{4}", trend.get("name", ""))
    if not (base and other):
        return None

    def gap(fig: dict) -> str:
        return f"{shown(fig, abs(fig['value']))} {'below' if fig['value'] > 0 else 'above'}"

    return (f"Over {period_words(frozen['period'])}, China's imports of US soybeans were "
            f"{gap(frozen)} a benchmark that freezes the US share of {base[1]} and "
            f"{gap(trend)} one with {other[1]}.")


def _change_words(fig: dict) -> str:
    value = fig["value"]
    verb = "rose" if value > 0 else "fell" if value < 0 else "changed by"
    return f"{verb} {shown(fig, abs(value))}"


@reads("04", "machinery_change_2018", "urea_change_wb")
def _input_costs(f: Callable) -> str | None:
    machinery, urea = f("04", "machinery_change_2018"), f("04", "urea_change_wb")
    parts = []
    if machinery:
        parts.append(f"farm machinery prices (BLS PPI) {_change_words(machinery)} from "
                     f"{period_words(machinery['period'])}")
    if urea:
        parts.append(f"the World Bank urea price {_change_words(urea)} from "
                     f"{period_words(urea['period'])}")
    if not parts:
        return None
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


@reads("05", "esr_sales_2026", "claimed_per_year")
def _purchases(f: Callable) -> str | None:
    """The claim set beside sales on its own basis: new sales in calendar 2026 against the
    claimed tonnes a year (never one marketing year's book against a yearly claim)."""
    sales, claim = f("05", "esr_sales_2026"), f("05", "claimed_per_year")
    if not (sales and claim):
        return None
    return (f"New US export sales of soybeans to China (all marketing years) came to "
            f"{shown(sales)} from {period_words(sales['period'])}, against claimed Chinese "
            f"purchases of {shown(claim)} a year for {period_words(claim['period'])}.")


@reads("06", "mfp_2018_2019_paid", "err304_soybean_loss_per_year")
def _farm_aid(f: Callable) -> str | None:
    paid, loss = f("06", "mfp_2018_2019_paid"), f("06", "err304_soybean_loss_per_year")
    if not (paid and loss):
        return None
    source = paid.get("note", "").partition("; ")[2]
    return (f"The Market Facilitation Program paid {shown(paid)} for {paid['period']} "
            f"(payments made{', ' + source if source else ''}; payments, not losses); USDA ERS "
            f"put direct soybean export losses at {shown(loss)} for {loss['period']}.")


PARAGRAPHS = (
    (_tariffs, _ieepa, _imports_levels, _imports_change, _china_share),
    (_soy_shipments, _brazil_share, _soy_gap, _input_costs, _purchases, _farm_aid),
)
