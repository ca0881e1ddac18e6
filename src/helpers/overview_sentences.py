"""The overview's sentences: each writer declares the brief and figure keys it reads
(``reads``) and is handed those figures, in that order, so the index can check that every key
it reads is published. A writer is called only when all its figures are usable, or, declared
``partial``, when any is (the others passed as None)."""

from __future__ import annotations

import re
from collections.abc import Callable

from helpers.figure_words import period_words, quantity_words, shown


def reads(number: str, *keys: str, partial: bool = False) -> Callable[[Callable], Callable]:
    """Declare the brief (its number) and the figure keys a sentence writer reads."""
    def declare(write: Callable) -> Callable:
        write.figure_keys, write.partial = (number, keys), partial
        return write
    return declare


@reads("01", "soy_tariff_peak", "soy_tariff_end")
def _tariffs(peak: dict, end: dict) -> str:
    return (f"China's tariff on US soybeans peaked at {shown(peak)} on "
            f"{period_words(peak['period'])} and stood at {shown(end)} on "
            f"{period_words(end['period'])}, the end of the tariff timeline's window.")


@reads("01", "ieepa_peak")
def _ieepa(peak: dict) -> str:
    return f"US IEEPA duties on China peaked at {shown(peak)} on {period_words(peak['period'])}."


@reads("02", "imports_2018", "imports_latest_full_year")
def _imports_levels(early: dict, late: dict) -> str:
    return (f"US goods imports from China were {shown(early)} in {early['period']} and "
            f"{shown(late)} in {late['period']}.")


@reads("02", "imports_ytd_change")
def _imports_change(change: dict) -> str:
    side = "below" if change["value"] < 0 else "above"
    return (f"In {period_words(change['period'])}, US goods imports from China were "
            f"{shown(change, abs(change['value']))} {side} the same months a year earlier.")


@reads("02", "china_share_latest")
def _china_share(share: dict) -> str:
    return (f"China's share of all US goods imports was {shown(share)} in the 12 months to "
            f"{period_words(share['period'])}, the latest month of the Census series of total "
            "US goods imports.")


@reads("03", "us_soy_2017_mt", "us_soy_sep2025_kg", partial=True)
def _soy_shipments(*figures: dict | None) -> str:
    shipped = [fig for fig in figures if fig]

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
def _brazil_share(brazil: dict) -> str:
    basis = f" ({brazil['note']})" if brazil.get("note") else ""
    return (f"Brazil supplied {shown(brazil)} of China's soybean imports in "
            f"{period_words(brazil['period'])}{basis}.")


@reads("03", "benchmark_gap_frozen", "benchmark_gap_brazil_trend")
def _soy_gap(frozen: dict, trend: dict) -> str | None:
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


@reads("04", "machinery_change_2018", "urea_change_wb", partial=True)
def _input_costs(machinery: dict | None, urea: dict | None) -> str:
    parts = []
    if machinery:
        parts.append(f"farm machinery prices (BLS PPI) {_change_words(machinery)} from "
                     f"{period_words(machinery['period'])}")
    if urea:
        parts.append(f"the World Bank urea price {_change_words(urea)} from "
                     f"{period_words(urea['period'])}")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


@reads("05", "esr_sales_2026", "claimed_per_year")
def _purchases(sales: dict, claim: dict) -> str:
    """The claim set beside sales on its own basis: new sales in calendar 2026 against the
    claimed tonnes a year (never one marketing year's book against a yearly claim)."""
    return (f"New US export sales of soybeans to China (all marketing years) came to "
            f"{shown(sales)} from {period_words(sales['period'])}, against claimed Chinese "
            f"purchases of {shown(claim)} a year for {period_words(claim['period'])}.")


@reads("06", "mfp_2018_2019_paid")
def _farm_aid(paid: dict) -> str:
    """Payments alone: a programme total is never set beside a yearly loss rate (brief 06
    compares them, each on its own basis)."""
    source = paid.get("note", "").partition("; ")[2]
    return (f"The Market Facilitation Program paid {shown(paid)} in total for {paid['period']} "
            f"(payments made{', ' + source if source else ''}); brief 06 sets them beside "
            f"loss estimates, each on its own basis.")


PARAGRAPHS = (
    (_tariffs, _ieepa, _imports_levels, _imports_change, _china_share),
    (_soy_shipments, _brazil_share, _soy_gap, _input_costs, _purchases, _farm_aid),
)
