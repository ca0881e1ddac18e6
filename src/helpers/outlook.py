"""The outlook's facts from the event table: the deadlines its texts name, counted against an
as-of date, and the soybean purchase quantities its rows claim (pure functions: frames in,
frames out)."""

from __future__ import annotations

import re

import pandas as pd

from helpers.data.datasets.tariff_events import PURCHASE_CLAIM
from helpers.tariffs import latest_event

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_MONTH_NAME = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
               r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DEADLINE = re.compile(
    r"\b(?:until|through|to) (?:(?P<iso>\d{4}-\d{2}-\d{2})\b"
    rf"|(?P<month>{_MONTH_NAME})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<year>\d{{4}}))?\b"
    rf"|(?P<day2>\d{{1,2}}) (?P<month2>{_MONTH_NAME})\.?(?: (?P<year2>\d{{4}}))?\b)")


def deadline_dates(text: str, written_on) -> list[pd.Timestamp]:
    """Every date ``text`` names as an end ('until', 'through' or 'to' a date): ISO dates
    ('until 2026-11-10') and dates in words ('to Oct 30', 'through 13 December 2025'). A
    date in words without a year is the first such day on or after ``written_on`` (the
    event's date); impossible days (31 Feb) are skipped."""
    written_on = pd.Timestamp(written_on).normalize()
    found = []
    for m in _DEADLINE.finditer(str(text)):
        if m["iso"]:
            found.append(pd.Timestamp(m["iso"]))
            continue
        month, day, year = ((m["month"], m["day"], m["year"]) if m["month"]
                            else (m["month2"], m["day2"], m["year2"]))
        month, day = _MONTHS[month[:3].lower()], int(day)
        try:
            date = pd.Timestamp(year=int(year or written_on.year), month=month, day=day)
            if year is None and date < written_on:
                date = pd.Timestamp(year=written_on.year + 1, month=month, day=day)
        except ValueError:
            continue
        found.append(date)
    return found


def deadlines(events: pd.DataFrame) -> pd.DataFrame:
    """Every date an event's text names as an end (``deadline_dates``: ISO or in words):
    columns ``deadline``, ``set_on`` (event date), ``actor``, ``event_id``, ``measure``,
    ``confirmed``; one row per deadline and event."""
    rows = []
    for _, ev in events.iterrows():
        for day in deadline_dates(ev["measure"], ev["date"]):
            rows.append({"deadline": day, "set_on": ev["date"], "actor": ev["actor"],
                         "event_id": ev["event_id"], "measure": ev["measure"],
                         "confirmed": ev.get("confirmed")})
    columns = ["deadline", "set_on", "actor", "event_id", "measure", "confirmed"]
    out = pd.DataFrame(rows, columns=columns)
    out["deadline"] = pd.to_datetime(out["deadline"])
    return out.drop_duplicates(["deadline", "event_id"]).sort_values(
        ["deadline", "event_id"], ignore_index=True)


def default_as_of(as_of: str = "", today=None) -> pd.Timestamp:
    """The date a brief counts from: ``as_of`` when given (ISO text), else the build date."""
    if as_of:
        try:
            return pd.Timestamp(as_of).normalize()
        except ValueError:
            raise ValueError(f"as_of must be an ISO date like 2026-10-01, not {as_of!r}") from None
    return pd.Timestamp(today or pd.Timestamp.now()).normalize()


PASSED_UNRECORDED = "passed (after the table's last event: outcome not recorded)"


def deadline_state(deadline, as_of, table_end) -> str:
    """Where a deadline stands on ``as_of``: 'passed' (before it; ``PASSED_UNRECORDED`` when
    also after the table's last event), 'ahead' (on or after it), or 'unknown since <table
    end>' for a deadline after ``as_of`` that the event table, ending before ``as_of``, cannot
    resolve (kept, extended or lapsed): such a deadline is never called 'ahead'."""
    deadline, as_of, table_end = (pd.Timestamp(x) for x in (deadline, as_of, table_end))
    if deadline < as_of:
        return "passed" if deadline <= table_end else PASSED_UNRECORDED
    if as_of > table_end:
        return f"unknown since {table_end:%d %b %Y}"
    return "ahead"


def deadline_table(events: pd.DataFrame, as_of) -> pd.DataFrame:
    """``deadlines(events)`` with ``state`` (``deadline_state`` against ``as_of`` and the
    table's latest event) and ``days_from_as_of`` (negative: before the as-of date)."""
    out = deadlines(events)
    end = latest_event(events)
    out["state"] = [deadline_state(d, as_of, end) for d in out["deadline"]]
    out["days_from_as_of"] = (out["deadline"] - pd.Timestamp(as_of)).dt.days
    return out


def deadline_count_words(table: pd.DataFrame, as_of) -> str:
    """'6 of the 9 deadlines named in the event table had passed by 3 December 2026 (2 of
    them after its last event, outcome not recorded); 1 lay ahead; 2 are unknown since ...'
    from a ``deadline_table``: every state named with its count."""
    state = table["state"]
    passed = state.str.startswith("passed")
    text = (f"{int(passed.sum())} of the {len(table)} deadlines named in the event table had "
            f"passed by {pd.Timestamp(as_of):%d %B %Y}")
    unrecorded = int((state == PASSED_UNRECORDED).sum())
    if unrecorded:
        text += f" ({unrecorded} of them after its last event, outcome not recorded)"
    parts = [text]
    if (ahead := int((state == "ahead").sum())):
        parts.append(f"{ahead} lay ahead")
    for label, n in state[state.str.startswith("unknown")].value_counts().items():
        parts.append(f"{n} {'is' if n == 1 else 'are'} {label}, the table's last event")
    return "; ".join(parts)


_CLAIM_COLUMNS = ["event_id", "date", "actor", "quantity_mt", "per_year", "period",
                  "period_start", "period_end", "confirmed", "sources"]


def _claim_span(period: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of a claim's period: 'YYYY-MM..YYYY-MM' (months), 'YYYY..YYYY'
    (calendar years) or 'MY YYYY/YY' (soybean marketing year, September to August)."""
    if period.startswith("MY "):
        first = int(period[3:7])
        return pd.Timestamp(first, 9, 1), pd.Timestamp(first + 1, 8, 31)
    begin, end = period.split("..")
    start = pd.Timestamp(begin)
    last = pd.Timestamp(end) + (pd.offsets.MonthEnd(0) if len(end) == 7 else pd.offsets.YearEnd(0))
    return start, last


def purchase_claims(events: pd.DataFrame) -> pd.DataFrame:
    """Every soybean purchase quantity the event table records as claimed (column
    ``soybean_purchase_claims``), one row per quantity: ``quantity_mt`` (million tonnes, a
    minimum where the row's measure says '>='), ``per_year`` (True: that much in each year of
    the period), ``period`` as recorded, ``period_start``/``period_end`` (days), and the
    event's id, date, actor, confirmed flag and sources."""
    rows = []
    for _, ev in events[events["soybean_purchase_claims"].notna()].iterrows():
        for part in ev["soybean_purchase_claims"].split(" ; "):
            found = re.fullmatch(PURCHASE_CLAIM, part)
            if found is None:
                raise ValueError(f"event {ev['event_id']}: purchase claim {part!r} does not "
                                 f"read '<number> Mt[ a year] <period>'")
            start, end = _claim_span(found["period"])
            rows.append({"event_id": ev["event_id"], "date": ev["date"], "actor": ev["actor"],
                         "quantity_mt": float(found["mt"]), "per_year": bool(found["a_year"]),
                         "period": found["period"], "period_start": start, "period_end": end,
                         "confirmed": ev["confirmed"], "sources": ev["sources"]})
    return pd.DataFrame(rows, columns=_CLAIM_COLUMNS)


def claim_for(claims: pd.DataFrame, period: str) -> pd.Series:
    """The latest claim recorded for ``period`` (as in ``purchase_claims``: '2025-11..2025-12',
    '2026..2028', 'MY 2025/26'); ValueError naming the recorded periods when there is none."""
    rows = claims[claims["period"] == period]
    if rows.empty:
        raise ValueError(f"no purchase claim for {period!r} in the event table; recorded: "
                         f"{sorted(set(claims['period']))}")
    return rows.sort_values("date", kind="stable").iloc[-1]
