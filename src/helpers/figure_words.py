"""Figures in words, as the index writes them: periods, amounts with their units, and a
quantity of zero as 'none'."""

from __future__ import annotations

import datetime as dt
import math
import re

_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH = re.compile(r"\b(\d{4})-(\d{2})\b")


def period_words(period: str) -> str:
    """'2025-04-02' -> '2 Apr 2025', '2018-01..2023-11' -> 'Jan 2018 to Nov 2023'; other
    text unchanged."""
    text = _DAY.sub(lambda m: f"{int(m[3])} {dt.date(*map(int, m.groups())):%b %Y}", str(period))
    text = _MONTH.sub(lambda m: f"{dt.date(int(m[1]), int(m[2]), 1):%b %Y}", text)
    return text.replace("..", " to ")


def month_words(date: str | None) -> str | None:
    """The month of a 'YYYY-MM[-DD]' date as 'Oct 2025' (None stays None)."""
    m = re.match(r"(\d{4})-(\d{2})", str(date or ""))
    return f"{dt.date(int(m[1]), int(m[2]), 1):%b %Y}" if m else None


def number(value: float, decimals: int = 1) -> str:
    """A value with thousands separators at ``decimals`` places, trailing '.0' dropped."""
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def amount(value: float, unit: str, decimals: int = 1) -> str:
    """A value in its unit as people write it: '138%', 'USD 27.2 bn (CIF)', '12.5 Mt'."""
    text = number(value, decimals)
    if unit == "%":
        return f"{text}%"
    if unit.startswith("USD "):
        return f"USD {text} {unit[4:]}"
    return f"{text} {unit}"


QUANTITY_UNITS = {"kg", "t", "Mt", "thousand t"}


def quantity_words(figure: dict) -> str:
    """A figure in its unit, with a quantity of exactly zero written 'none' ('0 kg' never
    stands beside figures in Mt)."""
    if figure.get("value") == 0 and figure.get("unit") in QUANTITY_UNITS:
        return "none"
    return shown(figure)


def usable(figure: dict | None) -> bool:
    """A figure with a finite number to state."""
    value = (figure or {}).get("value")
    return isinstance(value, int | float) and math.isfinite(value)


def shown(figure: dict, value: float | None = None) -> str:
    """A figure's value (or ``value``) in its unit at its decimals."""
    value = figure["value"] if value is None else value
    return amount(value, figure.get("unit", ""), figure.get("decimals", 1))
