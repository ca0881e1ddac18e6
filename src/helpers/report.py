"""What a notebook shows a brief's reader: the as-of block, the key-figures table, the
takeaway, checked claims, and figures displayed with their alt text.

Key figures travel twice in one display: as an HTML table for people and as JSON under
``FIGURES_MIME`` that ``helpers.briefs`` writes to ``reports/<name>.figures.json``.
A claim (a sentence about the data) is shown as text and carried as JSON under
``CLAIM_MIME``; a claim whose check does not hold raises ``ClaimError`` and stops the
notebook, so a brief can never print a statement its data contradict.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import re
from dataclasses import dataclass, field

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display
from matplotlib.figure import Figure

from helpers import charts
from helpers.contract import (  # noqa: F401 (re-exported for notebooks and tests)
    CHART_MIME,
    CLAIM_MIME,
    FIGURES_MIME,
    Claim,
    KeyFigure,
    collect_payload,
    git_revision,
    kit_version,
)
from helpers.data import catalog
from helpers.overview import QUANTITY_UNITS, period_label, period_words


class ClaimError(AssertionError):
    """A sentence about the data that the data do not support."""


def shortfall_words(value: float, unit: str = "USD {:.0f} bn") -> str:
    """A shortfall (benchmark minus actual) in words: 'USD 22 bn below' for a positive
    value, 'USD 1 bn above' for a negative one, so a sign never hides in a minus."""
    return f"{unit.format(abs(value))} {'below' if value > 0 else 'above'}"


def markdown_text(text: str) -> str:
    """Text from data or code made safe for a Markdown cell: HTML special characters escaped,
    so a dataset value can never become a tag, script or link."""
    return html.escape(str(text), quote=False)


@dataclass
class Brief:
    """Collects a notebook's title, takeaway and key figures, then shows them."""

    title: str
    takeaway: str = ""
    figures: list[KeyFigure] = field(default_factory=list)
    as_of: dict[str, str | None] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    as_of_block: str = ""
    series: list[dict] = field(default_factory=list)
    data_digest: str = ""

    def claim(self, text: str, holds, basis: str, datasets=(), show: bool = True) -> None:
        """Check a statement about the data and (by default) display it as Markdown; with
        ``show=False`` it is only recorded for the figures JSON.

        ``holds`` is computed from the data by the caller; when it is false the notebook stops
        with ``ClaimError`` naming the statement. ``basis`` says how it was checked.
        """
        item = Claim(str(text), bool(holds), basis, tuple(datasets))
        if not item.holds:
            raise ClaimError(f"claim does not hold: {item.text!r} (checked: {basis})")
        self.claims.append(item)
        shown = markdown_text(item.text) if show else ""
        display({"text/markdown": shown, CLAIM_MIME: item.record(),
                 "text/plain": item.text if show else ""}, raw=True)

    def set_takeaway(self, text: str, holds, basis: str, datasets=()) -> None:
        """The brief's headline, checked like any claim (shown later by ``show``)."""
        self.claim(text, holds, basis, datasets, show=False)
        self.takeaway = str(text)

    def add(self, name: str, value, unit: str, period: str, datasets, note: str = "",
            decimals: int = 1, *, key: str) -> KeyFigure:
        """Record a key figure; ``key`` is its stable snake_case name (unique in the brief)."""
        if any(f.key == key for f in self.figures):
            raise ValueError(f"two key figures share the key {key!r}")
        if not str(period).strip() or str(period).strip().lower() == "n/a" and value is not None:
            raise ValueError(f"key figure {key!r} names no period: every figure says when")
        value = None if value is None or pd.isna(value) else float(value)
        fig = KeyFigure(key, name, value, unit, period, tuple(datasets), note, decimals)
        self.figures.append(fig)
        return fig

    def payload(self) -> dict:
        main = next(iter(self.as_of), None)
        return {"title": self.title, "takeaway": self.takeaway, "as_of": self.as_of,
                "main_dataset": main, "data_to": self.as_of.get(main), "series": self.series,
                "data_digest": self.data_digest,
                "figures": [f.record() for f in self.figures],
                "claims": [c.record() for c in self.claims]}

    def show_as_of(self, frames: list[pd.DataFrame], today=None) -> None:
        """Record each dataset's vintage (the first frame is the brief's main dataset, whose
        series the index shows), every series' age on the build date ``today`` (default:
        today; ``status.series_ages``) and the dated block, which ``show`` prints after the
        takeaway and key figures, collapsed. The run's parameters come from papermill's
        record, added by the brief builder."""
        from helpers.data.status import series_ages

        self.as_of = {f.attrs["provenance"]["dataset"]: f.attrs["provenance"]["as_of"]
                      for f in frames}
        ages = [series_ages(f, today) for f in frames]
        self.series = [age_record(row) for table in ages for row in table.to_dict("records")]
        self.as_of_block = as_of_html(frames, ages, today)
        self.data_digest = hashlib.sha256(json.dumps(
            [[f.attrs["provenance"]["dataset"], f.attrs["provenance"]["files"]] for f in frames],
            sort_keys=True, default=str).encode()).hexdigest()

    def html_table(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(f.name)}</td><td class='num'>{value}</td>"
            f"<td>{html.escape(unit)}</td><td>{html.escape(period_words(f.period))}</td>"
            f"<td>{html.escape(f.note)}</td></tr>"
            for f in self.figures for value, unit in [value_and_unit(f)])
        takeaway = (f"<p class='tw-takeaway'>{html.escape(self.takeaway)}</p>"
                    if self.takeaway else "")
        return (f"{takeaway}<table class='tw-figures'><thead><tr><th>Key figure</th>"
                f"<th>Value</th><th>Unit</th><th>Period</th><th>Note</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>")

    def show(self) -> None:
        """Display the takeaway, the key-figures table and the collapsed as-of block (and the
        JSON the brief builder collects)."""
        as_of = (f"<details class='tw-asof-box'><summary>As of: data vintages, parameters, "
                 f"revision</summary>{self.as_of_block}</details>" if self.as_of_block else "")
        display({"text/html": self.html_table() + as_of, FIGURES_MIME: self.payload(),
                 "text/plain": "\n".join(f"{f.name}: {f.formatted()} {f.unit} ({f.period})"
                                         for f in self.figures)}, raw=True)


def value_and_unit(figure: KeyFigure) -> tuple[str, str]:
    """A key figure's value and unit as the table prints them: a quantity of exactly zero as
    'none' without a unit ('0 kg' never stands among figures in Mt), a whole value (a
    statutory rate, a count) without decimals ('3', not '3.0', beside '57'), never '-0.0'."""
    value = figure.value
    if value is None or pd.isna(value):
        return "n/a", figure.unit
    if value == 0 and figure.unit in QUANTITY_UNITS:
        return "none", ""
    return number_text(value, 0 if float(value).is_integer() else figure.decimals), figure.unit


def age_record(row: dict) -> dict:
    """One series' age (a ``status.series_ages`` row) as JSON-ready values for the payload."""
    return {"dataset": row["dataset"], "series": row["series"],
            "last_observation": f"{row['last_observation']:%Y-%m-%d}",
            "period_end": f"{row['period_end']:%Y-%m-%d}", "days_behind": int(row["days_behind"]),
            "usual_lag_days": row["usual_lag_days"], "stale": bool(row["stale"])}


def age_words(row: dict, today) -> str:
    """'last observation Nov 2023, 1,099 days before the build date; STALE: the publisher
    usually needs 60 days' (or 'within the publisher's usual 60 days', or 'no publication
    schedule declared'; 'dated after the build date' for a future date)."""
    shown = period_label(f"{pd.Timestamp(row['last_observation']):%Y-%m-%d}",
                         f"{pd.Timestamp(row['period_end']):%Y-%m-%d}")
    if row.get("future"):
        return f"last observation {shown}: dated after the build date ({today:%d %b %Y})"
    text = f"last observation {shown}, {int(row['days_behind']):,} days before the build date"
    lag = row["usual_lag_days"]
    if lag is None or pd.isna(lag):
        return text + " (no publication schedule declared)"
    if row["stale"]:
        return text + f"; <b class='tw-stale'>STALE</b>: the publisher usually needs {int(lag)} days"
    return text + f" (within the publisher's usual {int(lag)} days)"


def as_of_html(frames: list[pd.DataFrame], ages: list[pd.DataFrame] | None = None,
               today=None) -> str:
    """The dated block: each dataset's source, origin and the date its copy was taken, then
    per series (``status.series_ages``) the last observation and its age on the build date,
    stale when behind the declared usual lag; the kit version and revision."""
    from helpers.data.status import series_ages

    today = pd.Timestamp(today or pd.Timestamp.now()).normalize()
    ages = ages if ages is not None else [series_ages(f, today) for f in frames]
    rows = []
    for df, table in zip(frames, ages, strict=True):
        p = df.attrs["provenance"]
        copy = ("pulled from its origin" if p["origin"] == "cache" else "the kit's snapshot copy")
        lines = "".join(f"<li>{html.escape(r['series'])}: {age_words(r, today)}</li>"
                        for r in table.to_dict("records"))
        dated = f"<ul>{lines}</ul>" if lines else " Facts without dated observations."
        rows.append(f"<li><b>{html.escape(p['title'])}</b>: {html.escape(p['source_line'])} "
                    f"({copy}, taken {p['retrieved']}: the date of the copy, not of the "
                    f"data).{dated}</li>")
    return (f"<div class='tw-asof'><b>As of</b> the build date {today:%d %B %Y}; snapshot "
            f"built {catalog.snapshot_built()}; kit {kit_version()}, revision "
            f"{git_revision()}.<ul>{''.join(rows)}</ul></div>")


def chart_data(ax) -> pd.DataFrame:
    """The labelled lines of a chart as one table: a date (or x) index, one column per line."""
    columns = {}
    for line in ax.get_lines():
        label = str(line.get_label())
        if label.startswith("_"):
            continue
        x = np.asarray(line.get_xdata())
        if x.dtype == object and len(x) and isinstance(x[0], pd.Timestamp | np.datetime64):
            x = pd.to_datetime(x)
        columns[label] = pd.Series(np.asarray(line.get_ydata(), dtype=float), index=x)
    frame = pd.DataFrame(columns)
    frame.index.name = "date" if isinstance(frame.index, pd.DatetimeIndex) else "x"
    return frame


def chart_csv(data: pd.DataFrame, title: str, source: str) -> str:
    """A chart's data as CSV text whose first two lines are the title and source line; a
    plain row-number index is left out, any other index is a named first column."""
    body = io.StringIO()
    body.write(f"# {title}\n# {source}\n")
    keep_index = not isinstance(data.index, pd.RangeIndex)
    data.to_csv(body, date_format="%Y-%m-%d", index=keep_index,
                index_label=(data.index.name or "x") if keep_index else None)
    return body.getvalue()


def csv_link(data: pd.DataFrame, title: str, source: str) -> str:
    """An HTML link that downloads ``data`` as CSV from the page itself (a ``data:`` URI, so
    the brief stays self-contained); the file starts with the chart title and source line."""
    encoded = base64.b64encode(chart_csv(data, title, source).encode("utf-8")).decode()
    name = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "chart"
    return (f"<a class='tw-csv' download='{name}.csv' href='data:text/csv;charset=utf-8;base64,"
            f"{encoded}'>Download this chart's data (CSV)</a>")


def event_key_html(key: pd.DataFrame, note: str | None = None) -> str:
    """The numbered events under a chart: number, date, short label (escaped)."""
    if key.empty:
        return ""
    items = "".join(f"<li value='{n}'>{pd.Timestamp(d):%d %b %Y}: {html.escape(label)}</li>"
                    for n, d, label in zip(key["number"], key["date"], key["label"], strict=True))
    extra = [html.escape(note)] if note else []
    if key.attrs.get("left_out"):
        extra.append(f"{key.attrs['left_out']} later events in the window are not marked.")
    tail = f"<p class='tw-key-note'>{' '.join(extra)}</p>" if extra else ""
    return f"<ol class='tw-event-key'>{items}</ol>{tail}"


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
    return "".join(link(URL_IN_TEXT.match(p)) if i % 2 else html.escape(p)
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
            cells.append(f"<td class='num'>{text}</td>" if numeric else f"<td>{text}</td>")
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


def show_chart(fig: Figure, sources, alt: str, ax=None, events: pd.DataFrame | None = None,
               note: str | None = None, max_labels: int = 12, data: pd.DataFrame | None = None,
               events_note: str | None = None) -> None:
    """The chart stanza in one call: numbered event markers with their key (when ``events``
    and ``ax`` are given; on the zoom panel for events inside its window), the source line
    from the catalog (``sources``: loaded frames or dataset ids), alt text, the chart, and a
    CSV of its data (``data``, or the labelled lines of ``ax``) downloadable from the page.
    ``events_note`` says which events were chosen."""
    key = pd.DataFrame()
    if events is not None and ax is not None:
        zoom = charts.zoom_of(fig)
        if zoom is None:
            key = charts.annotate_events(ax, events, max_labels=max_labels)
        else:  # events inside the zoom window are numbered on the zoom panel
            panel, start = zoom
            early = charts.annotate_events(ax, events[events["date"] < start], max_labels=max_labels)
            late = charts.annotate_events(panel, events[events["date"] >= start],
                                          max_labels=max_labels, first_number=len(early) + 1)
            key = pd.concat([early, late], ignore_index=True)
            key.attrs["left_out"] = early.attrs["left_out"] + late.attrs["left_out"]
    source = charts.source_footer(fig, sources, note=note)
    charts.set_alt_text(fig, alt)
    axes = ax if ax is not None else fig.axes[0]
    title = next((t for loc in ("left", "center", "right") if (t := axes.get_title(loc))),
                 "chart")
    table = data if data is not None else chart_data(axes)
    show_figure(fig)
    extra = event_key_html(key, events_note) + (csv_link(table, title, source)
                                                if not table.empty else "")
    if extra:
        record = ({CHART_MIME: {"title": title, "source": source,
                                "csv": chart_csv(table, title, source)}}
                  if not table.empty else {})
        display({"text/html": extra, "text/plain": "", **record}, raw=True)


PNG_COLOURS = 256  # palette size of an embedded chart: flat colours and anti-aliased text fit


def png_bytes(fig: Figure) -> bytes:
    """The chart as a small PNG: rendered at the figure's dpi on white, reduced to an adaptive
    palette of ``PNG_COLOURS`` colours (median cut, no dithering) and saved with optimize,
    about a third of matplotlib's RGBA file with no visible change to lines, text or fills."""
    from PIL import Image

    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    rgba = Image.open(buf).convert("RGBA")
    opaque = Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba).convert("RGB")
    small = io.BytesIO()
    opaque.quantize(colors=PNG_COLOURS, method=Image.Quantize.MEDIANCUT,
                    dither=Image.Dither.NONE).save(small, format="PNG", optimize=True)
    return small.getvalue()


def show_figure(fig: Figure) -> None:
    """Display a chart with its alt text; a chart without alt text or source is refused."""
    info = charts.describe(fig)
    if not info["alt"] or not info["source"]:
        raise ValueError("every chart needs charts.set_alt_text() and charts.source_footer()")
    data = png_bytes(fig)
    plt.close(fig)
    display({"image/png": base64.b64encode(data).decode(), "text/plain": info["alt"]},
            raw=True, metadata={"image/png": {"alt": info["alt"]}})
