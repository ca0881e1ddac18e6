"""What the index page says: the story told by the briefs' key figures, and what moved in
each brief since its previous build.

Both read only the payloads the briefs published (``reports/<name>.figures.json``, kept in
``reports/.cache``), looking figures up by their stable ``key``. A sentence whose figures are
missing is left out rather than written with a gap, and every direction word ("below",
"rose") is chosen from the sign of the number it describes.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

FIGURE_UNCHANGED_WITHIN = 0.005  # relative change of a key figure between builds read as no change
MAX_CHANGES = 4  # changed figures named per brief before "and N more"

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
    shown = number(value, decimals)
    if unit == "%":
        return f"{shown}%"
    if unit.startswith("USD "):
        return f"USD {shown} {unit[4:]}"
    return f"{shown} {unit}"


QUANTITY_UNITS = {"kg", "t", "Mt", "thousand t"}


def quantity_words(figure: dict) -> str:
    """A figure in its unit, with a quantity of exactly zero written 'none' ('0 kg' never
    stands beside figures in Mt)."""
    if figure.get("value") == 0 and figure.get("unit") in QUANTITY_UNITS:
        return "none"
    return _shown(figure)


def _usable(figure: dict | None) -> bool:
    value = (figure or {}).get("value")
    return isinstance(value, int | float) and math.isfinite(value)


def _shown(figure: dict, value: float | None = None) -> str:
    value = figure["value"] if value is None else value
    return amount(value, figure.get("unit", ""), figure.get("decimals", 1))


@dataclass(frozen=True)
class Sentence:
    """One sentence of the overview and the brief whose figures it states."""

    text: str
    brief: str


def _tariffs(f: Callable) -> str | None:
    peak, end = f("01", "soy_tariff_peak"), f("01", "soy_tariff_end")
    if not (peak and end):
        return None
    return (f"China's tariff on US soybeans peaked at {_shown(peak)} on "
            f"{period_words(peak['period'])} and stood at {_shown(end)} on "
            f"{period_words(end['period'])}, the end of the tariff timeline's window.")


def _ieepa(f: Callable) -> str | None:
    peak = f("01", "ieepa_peak")
    if not peak:
        return None
    return f"US IEEPA duties on China peaked at {_shown(peak)} on {period_words(peak['period'])}."


def _imports_levels(f: Callable) -> str | None:
    early, late = f("02", "imports_2018"), f("02", "imports_2024")
    if not (early and late):
        return None
    return (f"US goods imports from China were {_shown(early)} in {early['period']} and "
            f"{_shown(late)} in {late['period']}.")


def _imports_change(f: Callable) -> str | None:
    change = f("02", "imports_ytd_change")
    if not change:
        return None
    side = "below" if change["value"] < 0 else "above"
    return (f"In {period_words(change['period'])}, US goods imports from China were "
            f"{_shown(change, abs(change['value']))} {side} the same months a year earlier.")


def _china_share(f: Callable) -> str | None:
    share = f("02", "china_share_latest")
    if not share:
        return None
    return (f"China's share of all US goods imports was {_shown(share)} in the 12 months to "
            f"{period_words(share['period'])}, the latest month of the Census series of total "
            "US goods imports.")


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


def _brazil_share(f: Callable) -> str | None:
    brazil = f("03", "brazil_share_sep2025")
    if not brazil:
        return None
    basis = f" ({brazil['note']})" if brazil.get("note") else ""
    return (f"Brazil supplied {_shown(brazil)} of China's soybean imports in "
            f"{period_words(brazil['period'])}{basis}.")


def _soy_gap(f: Callable) -> str | None:
    frozen, trend = f("03", "benchmark_gap_frozen"), f("03", "benchmark_gap_brazil_trend")
    if not (frozen and trend):
        return None
    base = re.search(r"the (\d{4})-share benchmark", frozen.get("name", ""))
    other = re.search(r"with (.+?), \d{4}", trend.get("name", ""))
    if not (base and other):
        return None

    def gap(fig: dict) -> str:
        return f"{_shown(fig, abs(fig['value']))} {'below' if fig['value'] > 0 else 'above'}"

    return (f"Over {period_words(frozen['period'])}, China's imports of US soybeans were "
            f"{gap(frozen)} a benchmark that freezes the US share of {base[1]} and "
            f"{gap(trend)} one with {other[1]}.")


def _change_words(fig: dict) -> str:
    value = fig["value"]
    verb = "rose" if value > 0 else "fell" if value < 0 else "changed by"
    return f"{verb} {_shown(fig, abs(value))}"


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


def _purchases(f: Callable) -> str | None:
    """The claim set beside sales on its own basis: new sales in calendar 2026 against the
    claimed tonnes a year (never one marketing year's book against a yearly claim)."""
    sales, claim = f("05", "esr_sales_2026"), f("05", "claimed_per_year")
    if not (sales and claim):
        return None
    return (f"New US export sales of soybeans to China (all marketing years) came to "
            f"{_shown(sales)} from {period_words(sales['period'])}, against claimed Chinese "
            f"purchases of {_shown(claim)} a year for {period_words(claim['period'])}.")


def _farm_aid(f: Callable) -> str | None:
    paid, loss = f("06", "mfp_2018_2019_paid"), f("06", "err304_soybean_loss_per_year")
    if not (paid and loss):
        return None
    source = paid.get("note", "").partition("; ")[2]
    return (f"The Market Facilitation Program paid {_shown(paid)} for {paid['period']} "
            f"(payments made{', ' + source if source else ''}; payments, not losses); USDA ERS "
            f"put direct soybean export losses at {_shown(loss)} for {loss['period']}.")


PARAGRAPHS = (
    (("01", _tariffs), ("01", _ieepa), ("02", _imports_levels), ("02", _imports_change),
     ("02", _china_share)),
    (("03", _soy_shipments), ("03", _brazil_share), ("03", _soy_gap), ("04", _input_costs),
     ("05", _purchases), ("06", _farm_aid)),
)


@dataclass(frozen=True)
class Standing:
    """One item of the index's 'now stands at' line: what, its value in words, its date, and
    the brief it comes from."""

    label: str
    value: str
    date: str
    brief: str


# (brief number, key, label) of the 'now stands at' items, in the order the line reads.
NOW_STANDS_AT = (
    ("01", "soy_tariff_end", "China's tariff on US soybeans"),
    ("01", "us_stack_end", "US tariff stack on Chinese goods of Section 301 List 3"),
    ("03", "us_soy_latest_month", "China's imports of US soybeans, latest month"),
    ("05", "esr_2526_commitments", "US export sales of 2025/26 soybeans to China"),
)


def _figure_finder(payloads: dict[str, dict]) -> Callable[[str, str], dict | None]:
    """Look a usable figure up by brief number and key in the default briefs' payloads."""
    by_number = {name[:2]: p for name, p in payloads.items() if "--" not in name}

    def figure(number: str, key: str) -> dict | None:
        payload = by_number.get(number, {})
        found = next((x for x in payload.get("figures", []) if x.get("key") == key), None)
        return found if _usable(found) else None

    return figure


def now_stands_at(payloads: dict[str, dict]) -> list[Standing]:
    """The index's lead line from the default briefs' key figures (``NOW_STANDS_AT``, by
    key): each item with its value and date; an item whose figure is missing is left out."""
    names = {name[:2]: name for name in payloads if "--" not in name}
    figure = _figure_finder(payloads)
    return [Standing(label, quantity_words(fig), period_words(fig["period"]), names[number])
            for number, key, label in NOW_STANDS_AT if (fig := figure(number, key))]


def story(payloads: dict[str, dict]) -> list[list[Sentence]]:
    """The overview's paragraphs from the default briefs' payloads (keyed by brief name, e.g.
    '03_soybean_collapse'): each sentence states only figures it found, by key; a paragraph
    whose figures are all missing is left out."""
    by_number = {name[:2]: (name, p) for name, p in payloads.items() if "--" not in name}
    figure = _figure_finder(payloads)
    paragraphs = []
    for paragraph in PARAGRAPHS:
        sentences = [Sentence(text, by_number[number][0]) for number, write in paragraph
                     if (text := write(figure))]
        if sentences:
            paragraphs.append(sentences)
    return paragraphs


def _revised(old: dict, new: dict, tolerance: float) -> str | None:
    """How one key figure moved between two builds, or None within the tolerance."""
    name = new.get("name") or new.get("key")
    if not _usable(new):
        return f"{name} now n/a" if _usable(old) else None
    if not _usable(old):
        return f"{name} now {_shown(new)}"
    a, b = old["value"], new["value"]
    decimals = new.get("decimals", 1)
    if number(a, decimals) == number(b, decimals) or (
            a != 0 and abs(b - a) / abs(a) <= tolerance):
        return None
    if old.get("period") != new.get("period"):
        return (f"{name} {_shown(new)} for {period_words(new['period'])} "
                f"(was {_shown(old)} for {period_words(old['period'])})")
    if new.get("unit") == "%" or a == 0:
        return f"{name} revised from {_shown(old)} to {_shown(new)}"
    return f"{name} revised {100 * (b - a) / abs(a):+.0f}% ({_shown(old)} to {_shown(new)})"


def changes_since(previous: dict | None, current: dict,
                  tolerance: float = FIGURE_UNCHANGED_WITHIN) -> list[str] | None:
    """What moved in a brief between two builds' payloads: its main data's end month, then
    each key figure (by key) revised by more than ``tolerance`` (relative) or beyond its
    printed precision, added or dropped. None when there is no previous build; [] when
    nothing moved."""
    if previous is None:
        return None
    moved = []
    old_to, new_to = previous.get("data_to"), current.get("data_to")
    if month_words(old_to) != month_words(new_to) and new_to:
        if old_to and str(new_to) < str(old_to):
            moved.append(f"data now end {month_words(new_to)} (was {month_words(old_to)})")
        else:
            moved.append(f"new data to {month_words(new_to)}")
    old_figures = {f.get("key"): f for f in previous.get("figures", [])}
    new_keys = {f.get("key") for f in current.get("figures", [])}
    figures = []
    for fig in current.get("figures", []):
        if fig.get("key") not in old_figures:
            figures.append(f"new figure: {fig.get('name') or fig.get('key')}")
        elif (text := _revised(old_figures[fig["key"]], fig, tolerance)) is not None:
            figures.append(text)
    figures += [f"figure dropped: {f.get('name') or key}" for key, f in old_figures.items()
                if key not in new_keys]
    if len(figures) > MAX_CHANGES:
        figures = figures[:MAX_CHANGES] + [f"{len(figures) - MAX_CHANGES} more key figures moved"]
    return moved + figures


def period_label(last: str, period_end: str | None = None) -> str:
    """An observation's period in words: '2024' for a year, 'Nov 2023' for a month, '27 Aug
    2026' for a day or week (read from the observation's date and its period's end)."""
    first, end = dt.date.fromisoformat(str(last)[:10]), str(period_end or last)[:10]
    end = dt.date.fromisoformat(end)
    if first.day == 1 and first.month == 1 and (end.month, end.day) == (12, 31):
        return str(first.year)
    if first.day == 1 and end != first:
        return f"{first:%b %Y}"
    return f"{first.day} {first:%b %Y}"


def _month(iso: str) -> str:
    return f"{dt.date.fromisoformat(iso[:10]):%b %Y}"


def data_freshness(payload: dict, today: dt.date | None = None) -> dict:
    """What the index says about a brief's data on ``today`` (default: today): ``main``, the
    main dataset's last month ('to Nov 2023', or 'ending Nov 2023 to Oct 2025 by series' when
    its series end in different months), ``oldest``, the series ending first across the brief ('PPI soybeans
    (Nov 2023)'), and ``stale``, the names of series behind by more than their dataset's
    declared usual lag, counted from ``today``."""
    today = today or dt.date.today()
    series = payload.get("series") or []
    main = [s for s in series if s.get("dataset") == payload.get("main_dataset")]
    ends = sorted({s["last_observation"] for s in main})
    if ends:
        first, last = _month(ends[0]), _month(ends[-1])
        main_text = f"to {first}" if first == last else f"ending {first} to {last} by series"
    else:
        main_text = f"to {month_words(payload.get('data_to')) or 'n/a'}"
    stale = [s["series"] for s in series if s.get("usual_lag_days") is not None
             and (today - dt.date.fromisoformat(s["period_end"])).days > s["usual_lag_days"]]
    oldest = min(series, key=lambda s: s["last_observation"], default=None)
    return {"main": main_text, "stale": stale,
            "oldest": f"{oldest['series']} "
                      f"({period_label(oldest['last_observation'], oldest.get('period_end'))})"
            if oldest else None}


def data_changed(previous_state: dict | None, payload: dict) -> str:
    """When a brief's data last changed: the previous build's date while the data files it
    read are the same (``data_digest``), else this build's time."""
    previous_state = previous_state or {}
    before = (previous_state.get("payload") or {}).get("data_digest")
    if before and before == payload.get("data_digest"):
        return (previous_state.get("data_changed")
                or previous_state["payload"].get("built") or payload.get("built", ""))
    return payload.get("built", "")
