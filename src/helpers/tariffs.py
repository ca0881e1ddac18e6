"""Tariff paths from the kit's event table (pure functions: frames in, frames out).

Rates are percent (``_pct``) or percentage points. Instrument rates are the additional duty
of one legal instrument; they are never average tariffs (see ``average_tariff_points``).
"""

from __future__ import annotations

import re

import pandas as pd

# China's MFN tariff on soybeans, the base every additional duty stacks on (percent).
# Source: Reuters via financetom.com; hengyin.tech ("13% = 3% + 10%"); see tariff_events.
MFN_SOYBEAN_PCT = 3.0

# US instruments specific to China: (column searched, pattern that assigns the event,
# pattern whose first group is the rate after the event, read from rate_after_as_stated).
US_INSTRUMENTS = {
    "Section 301 List 1": ("instrument", r"Section 301 List 1\b", r"^(\d+(?:\.\d+)?)"),
    "Section 301 List 2": ("instrument", r"Section 301 List 2\b", r"^(\d+(?:\.\d+)?)"),
    "Section 301 List 3": ("instrument", r"Section 301 List 3\b", r"^(\d+(?:\.\d+)?)"),
    "Section 301 List 4A": ("instrument", r"Section 301 List 4A\b", r"^(\d+(?:\.\d+)?)"),
    "IEEPA fentanyl": ("rate_after_as_stated", r"fentanyl",
                       r"(\d+(?:\.\d+)?) (?:\(IEEPA )?fentanyl"),
    "IEEPA reciprocal": ("rate_after_as_stated", r"reciprocal", r"(\d+(?:\.\d+)?) reciprocal"),
}

# Events that end US instruments outright (matched on ``measure``): the instrument's rate
# is 0 from that date. The Supreme Court's IEEPA ruling led to collection stopping on
# 2026-02-24.
US_INSTRUMENT_ENDS = {
    "IEEPA fentanyl": r"IEEPA tariffs no longer in effect",
    "IEEPA reciprocal": r"IEEPA tariffs no longer in effect",
}

# China's measures for the Gantt view: label -> (pattern starting it, pattern ending it),
# both matched on the event's ``measure`` text; None = still in force at the table's end.
CHINA_MEASURES = {
    "Retaliation lists of 2018 (USD 34bn + 16bn, 25%)": (r"^First Section-301 retaliation",
                                                        None),
    "Retaliation list of 2018 (USD 60bn, 5-25%)": (r"^Third Section-301 retaliation", None),
    "USD 75bn list, tranche 1 (2019)": (r"^First tranche of USD 75bn", None),
    "Energy and machinery counter-tariffs (2025)": (r"^15% on US coal and LNG", None),
    "Agricultural counter-tariffs (March 2025)": (r"^15% on chicken, wheat",
                                                  r"^Terminated the March 2025 ag tariffs"),
    "Counter-tariff on all US goods (2025)": (r"^Additional 34% on all US goods", None),
    "Rare-earth export controls (April 2025)": (r"^Export controls \(licensing\) on 7", None),
    "Rare-earth export controls (October 2025)": (r"^Expanded rare-earth controls",
                                                  r"^Suspended rare-earth export controls"),
}


def filter_events(events: pd.DataFrame, actor: str | None = None, status: str | None = None,
                  start=None, end=None, product: str | None = None) -> pd.DataFrame:
    """Events by actor ('US', 'China', 'US+China', or a list of them), status, date window
    (inclusive) and product.

    ``product='soybeans'`` keeps events that set China's soybean rate or name soybeans.
    """
    out = events
    if actor is not None:
        actors = [actor] if isinstance(actor, str) else list(actor)
        out = out[out["actor"].isin(actors)]
    if status is not None:
        out = out[out["status"] == status]
    if start is not None:
        out = out[out["date"] >= pd.Timestamp(start)]
    if end is not None:
        out = out[out["date"] <= pd.Timestamp(end)]
    if product is not None:
        named = (out["measure"] + " " + out["scope"].fillna("")).str.contains(product, case=False)
        if product.lower().startswith("soybean"):
            named |= out["soybean_total_rate_pct"].notna()
        out = out[named]
    return out


INPUT_COST_PATTERN = r"steel|aluminum|export control|rare.earth|gallium|fertili"


def input_cost_events(events: pd.DataFrame) -> pd.DataFrame:
    """Events that bear on farm input costs rather than on soybean sales: steel and aluminum
    duties (machinery inputs), export controls on rare earths and other minerals, and
    anything naming fertilizer. Threats that never took effect are left out."""
    text = events["measure"] + " " + events["instrument"].fillna("")
    keep = text.str.contains(INPUT_COST_PATTERN, case=False) & (events["status"] != "announced only")
    return events[keep]


def short_label(measure: str, words: int = 4) -> str:
    """A chart label from an event's measure: the text before a colon if short, else the
    first few words."""
    head = measure.split(":", 1)[0]
    if ":" in measure and len(head) <= 32:
        return head
    return " ".join(measure.split()[:words])


def with_short_labels(events: pd.DataFrame) -> pd.DataFrame:
    return events.assign(short_label=events["measure"].map(short_label))


def latest_event(events: pd.DataFrame) -> pd.Timestamp:
    """The date of the newest event in the table: the default end of every path."""
    return pd.Timestamp(events["date"].max())


def _daily_index(start, end) -> pd.DatetimeIndex:
    return pd.date_range(pd.Timestamp(start), pd.Timestamp(end), freq="D", name="date")


def _step_path(points: pd.Series, index: pd.DatetimeIndex) -> pd.Series:
    """A step path on ``index``: each point's rate holds from its date until the next point
    (points before the index start carry in); NaN before the first point."""
    return points.reindex(index.union(points.index)).ffill().reindex(index)


def soybean_tariff_path(events: pd.DataFrame, start="2017-01-01", end=None,
                        basis: str = "waiver") -> pd.Series:
    """China's total tariff on US soybeans (percent), daily step path.

    ``basis='waiver'`` (the kit's default, used in its charts): the rate paid by importers
    granted the market-based exclusions from 2020-03-02, i.e. the event table's soybean
    column, which returns to the 3% MFN base then and stacks the 2025 duties on it.
    ``basis='statutory'``: the schedule's rate, keeping the 2018-19 duties that the
    exclusions waived (the waived amount is read from the table: rate before the exclusion
    event minus rate after it).
    A rate takes effect on its event date; several events on one day: the last row wins.
    ``end`` defaults to the latest event in the table.
    """
    end = latest_event(events) if end is None else end
    if basis not in ("waiver", "statutory"):
        raise ValueError(f"basis must be 'waiver' or 'statutory', not {basis!r}")
    steps = events.dropna(subset=["soybean_total_rate_pct"])
    steps = steps.groupby("date")["soybean_total_rate_pct"].last()
    index = _daily_index(start, end)
    path = _step_path(steps, index).fillna(MFN_SOYBEAN_PCT).rename("soybean_tariff_pct")
    if basis == "statutory":
        waiver = events[events["rate_change_pp_as_stated"].fillna("").str.contains("waiver")]
        if len(waiver):
            day = waiver["date"].iloc[0]
            before = steps[steps.index < day].iloc[-1]
            waived = before - steps.loc[day]
            path = path.where(path.index < day, path + waived)
    return path


def to_monthly(daily: pd.Series | pd.DataFrame, how: str = "mean"):
    """Monthly frequency (month-start index): ``mean`` = day-weighted average of the month,
    ``last`` = the rate in force on the month's last day."""
    if how not in ("mean", "last"):
        raise ValueError(f"how must be 'mean' or 'last', not {how!r}")
    grouped = daily.resample("MS")
    return grouped.mean() if how == "mean" else grouped.last()


def us_instrument_rates(events: pd.DataFrame, start="2018-01-01", end=None) -> pd.DataFrame:
    """Additional US duty of each China-specific instrument (percent), daily; NaN before the
    instrument existed, 0 after an event in ``US_INSTRUMENT_ENDS`` ended it. Section 232 and
    Section 122 (global) and threats, suspensions and plans not implemented are left out.
    ``IEEPA stack`` = fentanyl + reciprocal. ``end`` defaults to the latest event."""
    end = latest_event(events) if end is None else end
    took = events[(events["status"] == "took effect") & events["actor"].isin(["US", "US+China"])]
    index = _daily_index(start, end)
    out = pd.DataFrame(index=index)
    for name, (column, assign, rate) in US_INSTRUMENTS.items():
        points = {}
        for _, row in took.iterrows():
            text = str(row[column]) if pd.notna(row[column]) else ""
            if not re.search(assign, text):
                continue
            found = re.search(rate, str(row["rate_after_as_stated"]))
            if found:
                points[row["date"]] = float(found.group(1))
        ended_by = US_INSTRUMENT_ENDS.get(name)
        if ended_by:
            for day in events.loc[events["measure"].str.contains(ended_by, regex=True), "date"]:
                points[day] = 0.0
        steps = pd.Series(points, dtype=float).sort_index()
        out[name] = _step_path(steps, index)
    out["IEEPA stack"] = out["IEEPA fentanyl"].fillna(0) + out["IEEPA reciprocal"].fillna(0)
    out.loc[out[["IEEPA fentanyl", "IEEPA reciprocal"]].isna().all(axis=1), "IEEPA stack"] = None
    return out


def in_force_on(events: pd.DataFrame, date) -> dict[str, float | None]:
    """Every path's rate on ``date``: China's soybean tariff (both bases) and each US instrument."""
    day = pd.Timestamp(date)
    rates = us_instrument_rates(events, start=day, end=day).iloc[0]
    out = {k: (None if pd.isna(v) else float(v)) for k, v in rates.items()}
    out["China soybean tariff (waiver)"] = float(soybean_tariff_path(events, day, day).iloc[0])
    out["China soybean tariff (statutory)"] = float(
        soybean_tariff_path(events, day, day, basis="statutory").iloc[0])
    return out


def instrument_spans(events: pd.DataFrame, until=None) -> pd.DataFrame:
    """Gantt rows: actor, instrument, start, end (``until``, default the latest event, when
    still in force), ongoing."""
    until = latest_event(events) if until is None else until
    rows = []
    rates = us_instrument_rates(events, end=until)
    for name in US_INSTRUMENTS:
        s = rates[name].dropna()
        s = s[s > 0]
        if len(s):
            rows.append({"actor": "US", "instrument": name, "start": s.index[0],
                         "end": s.index[-1], "ongoing": s.index[-1] == pd.Timestamp(until)})
    for label, (begin, finish) in CHINA_MEASURES.items():
        started = events[events["measure"].str.contains(begin, regex=True)]
        if started.empty:
            continue
        ended = events[events["measure"].str.contains(finish, regex=True)] if finish else []
        end = ended["date"].iloc[0] if len(ended) else pd.Timestamp(until)
        rows.append({"actor": "China", "instrument": label, "start": started["date"].iloc[0],
                     "end": end, "ongoing": not len(ended)})
    return pd.DataFrame(rows)


def average_tariff_points(avg: pd.DataFrame, publisher: str, direction: str) -> pd.Series:
    """One publisher's published averages (percent) for one direction, by date. Points only:
    PIIE and CRS are separate series and are never joined."""
    if publisher not in set(avg["publisher"]):
        raise ValueError(f"publisher must be one of {sorted(set(avg['publisher']))}")
    sel = avg[(avg["publisher"] == publisher) & (avg["direction"] == direction)]
    return sel.set_index("date")["avg_tariff_pct"].sort_index().rename(f"{publisher} {direction}")


# Statuses that changed what was in force (listed first when a year has more events than
# fit in its narrative); announcements and investigations fill the remaining lines.
_ACTED = ("took effect", "court ruling")
_SOURCE = re.compile(r"(?P<url>(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s;,)]*)"
                     r"(?:\s*\((?P<label>[^)]*)\))?", re.IGNORECASE)


def headline(measure: str, max_chars: int = 110) -> str:
    """An event's measure as one short sentence: parentheticals dropped, the text before its
    first colon or semicolon, cut at a word boundary with '…' when longer than
    ``max_chars``."""
    text = re.sub(r"\s*\([^()]*\)", "", str(measure))
    text = re.split(r"[:;]\s", text, maxsplit=1)[0].strip().rstrip(".,")
    if len(text) > max_chars:
        text = text[:max_chars].rsplit(" ", 1)[0].rstrip(".,;") + "…"
    return text


def first_source(sources: str) -> tuple[str, str] | None:
    """The first web address in an event's sources as (https URL, label): the label is the
    outlet and date in brackets after the address when given, else the host (with the date
    when only a date is in brackets)."""
    found = _SOURCE.search(str(sources or ""))
    if not found:
        return None
    url = found["url"]
    href = url if url.lower().startswith("http") else f"https://{url}"
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url).split("/")[0]
    label = (found["label"] or "").split(";")[0].strip()
    return href, (label if re.search(r"[A-Za-z]", label) else ", ".join(filter(None, (host, label))))


def year_narrative(events: pd.DataFrame, year: int, max_lines: int = 12) -> pd.DataFrame:
    """One year of the event table as a short narrative: at most ``max_lines`` rows in date
    order (events that took effect or were court rulings first, then the latest of the
    others), each with ``date``, ``event_id``, ``headline``, ``status``, ``partly`` (the row's
    confirmed flag is 'partly'), ``source_url`` and ``source_label`` (its first cited source).
    ``attrs['left_out']`` counts the year's events not told."""
    rows = events[events["date"].dt.year == year].sort_values("date", kind="stable")
    acted = rows[rows["status"].isin(_ACTED)]
    others = rows[~rows["status"].isin(_ACTED)]
    keep = acted.tail(max_lines)
    keep = pd.concat([keep, others.tail(max_lines - len(keep))]).sort_values("date", kind="stable")
    out = pd.DataFrame({
        "date": keep["date"], "event_id": keep["event_id"],
        "headline": keep["measure"].map(headline), "status": keep["status"],
        "partly": keep["confirmed"].eq("partly"),
        "source_url": keep["sources"].map(lambda s: (first_source(s) or ("", ""))[0]),
        "source_label": keep["sources"].map(lambda s: (first_source(s) or ("", ""))[1]),
    }).reset_index(drop=True)
    out.attrs["left_out"] = len(rows) - len(out)
    return out
