"""What the index page says: the story told by the briefs' key figures, and what moved in
each brief since its previous build.

Both read only the payloads the briefs published (``reports/<name>.figures.json``, kept in
``reports/.cache``), looking figures up by their stable ``key``. A sentence whose figure is
unusable (missing value) is left out rather than written with a gap, and every direction word
("below", "rose") is chosen from the sign of the number it describes; a key the index reads
that a published brief does not carry at all (a renamed key) is logged as a warning, and
``check_figure_keys`` (run by the tests on the built briefs) raises.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from helpers.figure_words import (
    QUANTITY_UNITS,  # noqa: F401 (report.py imports it from here)
    month_words,
    number,
    period_words,
    quantity_words,
    shown,
    usable,
)
from helpers.overview_sentences import PARAGRAPHS

log = logging.getLogger(__name__)

FIGURE_UNCHANGED_WITHIN = 0.005  # relative change of a key figure between builds read as no change
MAX_CHANGES = 4  # changed figures named per brief before "and N more"


@dataclass(frozen=True)
class Sentence:
    """One sentence of the overview and the brief whose figures it states."""

    text: str
    brief: str


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


def figure_keys() -> set[tuple[str, str]]:
    """Every (brief number, key) the index reads: the overview's sentences and the lead line."""
    writers = [write for paragraph in PARAGRAPHS for write in paragraph]
    keys = {(write.figure_keys[0], key) for write in writers for key in write.figure_keys[1]}
    return keys | {(nr, key) for nr, key, _ in NOW_STANDS_AT}


def _defaults(payloads: dict[str, dict]) -> dict[str, tuple[str, dict]]:
    """The default briefs' payloads (no parameter variant) by brief number."""
    return {name[:2]: (name, p) for name, p in payloads.items() if "--" not in name}


# The kit's briefs whose figures the index reads, by number: their payloads must carry every
# key the index reads (another notebook with the same number, e.g. a test's, is not checked).
KIT_BRIEFS = {"01": "01_tariff_timeline", "02": "02_decoupling", "03": "03_soybean_collapse",
              "04": "04_input_costs", "05": "05_outlook", "06": "06_farm_income"}


def missing_keys(payloads: dict[str, dict], wanted=None) -> list[str]:
    """What is wrong when a published kit brief lacks a key the index reads (``wanted``,
    default ``figure_keys()``): one message per brief and key (a renamed key); a brief not
    built at all is simply not told."""
    found = []
    for nr, key in sorted(figure_keys() if wanted is None else wanted):
        name, payload = _defaults(payloads).get(nr, (None, None))
        if name == KIT_BRIEFS[nr] and key not in {f.get("key") for f in payload["figures"]}:
            found.append(f"brief {name} publishes no figure with key {key!r}, which the index "
                             "reads: rename the key in helpers/overview_sentences.py or "
                             "overview.NOW_STANDS_AT too, or restore it in the notebook")
    return found


def check_figure_keys(payloads: dict[str, dict]) -> None:
    """Raise ValueError naming every key the index reads that a published kit brief lacks."""
    if found := missing_keys(payloads):
        raise ValueError("; ".join(found))


def _warn_missing(payloads: dict[str, dict], wanted) -> None:
    """The index is still written when a brief lacks a key (an old payload of a failed build
    may): each missing key is logged as a warning and its sentence left out."""
    for message in missing_keys(payloads, wanted):
        log.warning(message)


def _figure_finder(payloads: dict[str, dict]) -> Callable[[str, str], dict | None]:
    """Look a usable figure up by brief number and key in the default briefs' payloads."""
    by_number = {nr: p for nr, (_, p) in _defaults(payloads).items()}

    def figure(nr: str, key: str) -> dict | None:
        payload = by_number.get(nr, {})
        found = next((x for x in payload.get("figures", []) if x.get("key") == key), None)
        return found if usable(found) else None

    return figure


def now_stands_at(payloads: dict[str, dict]) -> list[Standing]:
    """The index's lead line from the default briefs' key figures (``NOW_STANDS_AT``, by
    key): each item with its value and date; an item whose figure is unusable is left out."""
    _warn_missing(payloads, {(nr, key) for nr, key, _ in NOW_STANDS_AT})
    names = {nr: name for nr, (name, _) in _defaults(payloads).items()}
    figure = _figure_finder(payloads)
    return [Standing(label, quantity_words(fig), period_words(fig["period"]), names[nr])
            for nr, key, label in NOW_STANDS_AT if (fig := figure(nr, key))]


def story(payloads: dict[str, dict]) -> list[list[Sentence]]:
    """The overview's paragraphs from the default briefs' payloads (keyed by brief name, e.g.
    '03_soybean_collapse'): each writer is handed the figures it declares and called when they
    are usable (any of them, for a ``partial`` writer); a paragraph with no sentence is left
    out."""
    _warn_missing(payloads, figure_keys() - {(n, k) for n, k, _ in NOW_STANDS_AT})
    names = {nr: name for nr, (name, _) in _defaults(payloads).items()}
    figure = _figure_finder(payloads)
    paragraphs = []
    for paragraph in PARAGRAPHS:
        sentences = []
        for write in paragraph:
            nr, keys = write.figure_keys
            figures = [figure(nr, key) for key in keys]
            if (any if write.partial else all)(figures) and (text := write(*figures)):
                sentences.append(Sentence(text, names[nr]))
        if sentences:
            paragraphs.append(sentences)
    return paragraphs



def _revised(old: dict, new: dict, tolerance: float) -> str | None:
    """How one key figure moved between two builds, or None within the tolerance."""
    name = new.get("name") or new.get("key")
    if not usable(new):
        return f"{name} now n/a" if usable(old) else None
    if not usable(old):
        return f"{name} now {shown(new)}"
    a, b = old["value"], new["value"]
    decimals = new.get("decimals", 1)
    if number(a, decimals) == number(b, decimals) or (
            a != 0 and abs(b - a) / abs(a) <= tolerance):
        return None
    if old.get("period") != new.get("period"):
        return (f"{name} {shown(new)} for {period_words(new['period'])} "
                f"(was {shown(old)} for {period_words(old['period'])})")
    if new.get("unit") == "%" or a == 0:
        return f"{name} revised from {shown(old)} to {shown(new)}"
    return f"{name} revised {100 * (b - a) / abs(a):+.0f}% ({shown(old)} to {shown(new)})"


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
