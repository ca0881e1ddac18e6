"""Tables and event lists for people: labelled columns with units, numbers with separators
and no '-0.00', p-values as '< 0.001', months as 'Mar 2025', citations as links; every text
from data escaped."""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd
from IPython.display import display

from helpers.typeset import keep_whole

UNIT_SUFFIXES = {"_usd_bn": " (USD bn)", "_usd_mn": " (USD mn)", "_usd": " (USD)",
                 "_pct": " (%)", "_kmt": " (thousand t)", "_mmt": " (Mt)", "_mt": " (Mt)",
                 "_kg": " (kg)", "_t": " (t)"}
URL_IN_TEXT = re.compile(r"(?<![\w/.])((?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s;,)]*)",
                         re.IGNORECASE)


STATISTICS_LABELS = {"coef": "Estimate", "std_err": "Standard error", "ci_low": "95% CI, low",
                     "ci_high": "95% CI, high", "ci": "95% CI", "p_value": "p-value",
                     "pvalue": "p-value", "p": "p-value", "n": "n", "sample_start": "Sample from",
                     "sample_end": "Sample to", "ci_includes_zero": "95% CI includes zero",
                     "r": "r", "df": "Degrees of freedom"}
P_COLUMNS = {"p_value", "pvalue", "p-value", "p"}


def column_label(name) -> str:
    """'imports_usd_bn' -> 'Imports (USD bn)': units from the name's suffix, no underscores;
    statistics columns by their usual names ('ci_low' -> '95% CI, low', 'p_value' -> 'p-value')."""
    text = str(name)
    if text in STATISTICS_LABELS:
        return STATISTICS_LABELS[text]
    for suffix, unit in UNIT_SUFFIXES.items():
        if text.endswith(suffix):
            text = text[: -len(suffix)] + unit
            break
    text = text.replace("_", " ")
    return text[:1].upper() + text[1:]


def _cell(value, decimals: int) -> str:
    """One table cell for people: thousands separators, months as 'Mar 2025', n/a for missing."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "n/a"
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, pd.Timestamp):
        return f"{value:%b %Y}" if value.day == 1 else f"{value:%d %b %Y}"
    if isinstance(value, int | np.integer):
        return f"{value:,}"
    if isinstance(value, float | np.floating):
        return number_text(value, decimals)
    return html.escape(str(value))


def number_text(value: float, decimals: int) -> str:
    """A number at ``decimals`` places with thousands separators, never '-0.00': a value that
    rounds to zero prints without a sign."""
    text = f"{value:,.{decimals}f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.,") else text


def p_text(value) -> str:
    """A p-value for people: '< 0.001' below a thousandth, else three places ('0.042')."""
    if value is None or pd.isna(value):
        return "n/a"
    return "< 0.001" if float(value) < 0.001 else f"{float(value):.3f}"


def with_ci_column(frame: pd.DataFrame, decimals: int | dict[str, int] = 1) -> pd.DataFrame:
    """A statistics table's 'ci_low' and 'ci_high' as one '95% CI' column ('0.16 to 0.59', at
    the decimals of 'ci_low'), where 'ci_low' stood; other tables unchanged."""
    if not {"ci_low", "ci_high"} <= set(frame.columns):
        return frame
    places = decimals.get("ci_low", 1) if isinstance(decimals, dict) else decimals
    bounds = zip(frame["ci_low"], frame["ci_high"], strict=True)
    ci = [("n/a" if pd.isna(low) or pd.isna(high) else
           f"{number_text(low, places)} to {number_text(high, places)}") for low, high in bounds]
    out = frame.drop(columns=["ci_high"])
    out.insert(out.columns.get_loc("ci_low"), "ci", ci)
    return out.drop(columns=["ci_low"])


def cited(text: str) -> str:
    """Escaped citation text with its web addresses as links."""
    def link(match):
        url = match.group(1)
        href = url if url.lower().startswith("http") else f"https://{url}"
        return f"<a href='{html.escape(href)}'>{html.escape(url)}</a>"

    parts = URL_IN_TEXT.split(str(text))
    return "".join(link(URL_IN_TEXT.match(p)) if i % 2 else keep_whole(html.escape(p))
                   for i, p in enumerate(parts))


def is_year_column(name) -> bool:
    """A column of years or year-like periods ('year', 'marketing_year', 'period', 'season'),
    printed without thousands separators."""
    text = str(name).lower()
    return text.endswith("year") or text in {"period", "season"}


def table_html(frame: pd.DataFrame, decimals: int | dict[str, int] = 1, index: bool = False,
               citations: tuple[str, ...] = ("citation", "sources", "source")) -> str:
    """A DataFrame as a table for people: labelled columns with units, formatted numbers,
    months as 'Mar 2025', missing as n/a, citation columns with links; no internal ids. With
    ``index`` the index is the first column, headed by its name (name it: 'Index' tells a
    reader nothing)."""
    data = with_ci_column(frame.reset_index() if index else frame, decimals)
    heads = "".join(f"<th>{html.escape(column_label(c))}</th>" for c in data.columns)
    rows = []
    for row in data.itertuples(index=False):
        cells = []
        for col, value in zip(data.columns, row, strict=True):
            places = decimals.get(col, 1) if isinstance(decimals, dict) else decimals
            numeric = isinstance(value, int | float | np.integer | np.floating) and not isinstance(
                value, bool | np.bool_)
            if col in citations and isinstance(value, str):
                cells.append(f"<td class='tw-cite'>{cited(value)}</td>")  # a source line
                continue
            elif str(col) in P_COLUMNS and numeric:
                text = html.escape(p_text(value))
            elif is_year_column(col) and isinstance(value, int | np.integer):
                text = str(value)  # a year, not a quantity: no thousands separator
            else:
                text = _cell(value, places)
            cells.append(f"<td class='num'>{text}</td>" if numeric else f"<td>{keep_whole(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<table class='tw-table'><thead><tr>{heads}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def event_list_html(events: pd.DataFrame) -> str:
    """Events as a list for people: date, actor, status, confirmed flag, the measure and its
    sources as links (every text escaped)."""
    items = "".join(
        f"<li><b>{r.date:%d %b %Y}</b> ({html.escape(r.actor)}; {html.escape(r.status)}; "
        f"confirmed: {html.escape(r.confirmed)}): {html.escape(r.measure)} "
        f"<span class='tw-cite'>Sources: {cited(r.sources)}</span></li>"
        for r in events.itertuples())
    return f"<ul class='tw-events'>{items}</ul>"


def narrative_html(story: pd.DataFrame, as_of, table_end) -> str:
    """A year's events told in a few lines (``tariffs.year_narrative``): a lead saying where
    the event table ends against the as-of date, one line per event with its date, headline,
    linked source and a 'partly confirmed' flag, and how many events only the appendix lists
    (every text escaped)."""
    as_of, table_end = pd.Timestamp(as_of), pd.Timestamp(table_end)
    if story.empty:
        return f"<p>The kit's event table ends {table_end:%d %B %Y} and holds no event of that year.</p>"
    year = pd.Timestamp(story["date"].iloc[0]).year
    lead = (f"{year} in {len(story) + story.attrs.get('left_out', 0)} events of the kit's table, "
            f"the main ones told here. The table ends {table_end:%d %B %Y}")
    lead += (f", {(as_of - table_end).days} days before the as-of date ({as_of:%d %B %Y}): "
             "what happened since is not in these lines." if as_of > table_end else ".")
    items = []
    for r in story.itertuples():
        source = (f" <a href='{html.escape(r.source_url)}'>{html.escape(r.source_label)}</a>"
                  if r.source_url else " (no web source cited)")
        flag = " <span class='tw-partly'>partly confirmed</span>" if r.partly else ""
        stop = "" if r.headline.endswith(("…", ".")) else "."
        items.append(f"<li><b>{r.date:%d %b}</b>: {html.escape(r.headline)}{stop}{source}{flag}</li>")
    left_out = story.attrs.get("left_out", 0)
    tail = (f"<p class='tw-key-note'>{left_out} further event{'s' if left_out != 1 else ''} "
            "of the year, with every source, in the appendix's full event table.</p>"
            if left_out else "")
    return f"<p>{html.escape(lead)}</p><ul class='tw-narrative'>{''.join(items)}</ul>{tail}"


def show_table(frame: pd.DataFrame, title: str | None = None, decimals: int | dict = 1,
               index: bool = False, appendix: bool = False) -> None:
    """Display a table for people (``table_html``); ``appendix`` puts it in a collapsed block
    titled ``title`` (long reference tables go at the end of a brief)."""
    body = table_html(frame, decimals, index)
    if appendix:
        body = (f"<details class='tw-appendix'><summary>{html.escape(title or 'Table')}"
                f"</summary>{body}</details>")
    elif title:
        body = f"<p class='tw-table-title'>{html.escape(title)}</p>{body}"
    display({"text/html": body, "text/plain": frame.to_string()}, raw=True)


