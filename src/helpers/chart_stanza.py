"""A chart as a brief shows it: numbered event markers and their key, the source line, alt
text, the image twice (the desktop figure and its phone variant, ``narrow``, chosen by the
browser through ``<picture>``) and the chart's data as a CSV downloadable from the page."""

from __future__ import annotations

import base64
import html
import io
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display
from matplotlib.figure import Figure

from helpers import charts, markers, narrow
from helpers.contract import CHART_MIME
from helpers.tables import column_label

# The phone variant travels beside ``image/png`` in the same output; the brief template
# turns the pair into ``<picture>``, and notebooks show the desktop image.
PHONE_PNG_MIME = "image/vnd.tradewatch.phone+png"


def chart_data(ax) -> pd.DataFrame:
    """The labelled lines of a chart as one table: a 'date' index (or the x axis label), one
    column per line headed '<label> [<y axis label>]' so the unit travels with the values."""
    columns = {}
    unit = ax.get_ylabel().strip()
    for line in ax.get_lines():
        label = str(line.get_label())
        if label.startswith("_"):
            continue
        x = np.asarray(line.get_xdata())
        if x.dtype == object and len(x) and isinstance(x[0], pd.Timestamp | np.datetime64):
            x = pd.to_datetime(x)
        header = f"{label} [{unit}]" if unit else label
        columns[header] = pd.Series(np.asarray(line.get_ydata(), dtype=float), index=x)
    frame = pd.DataFrame(columns)
    frame.index.name = ("date" if isinstance(frame.index, pd.DatetimeIndex)
                        else ax.get_xlabel().strip() or None)
    return frame


def data_decimals(values: pd.Series, most: int = 4) -> int:
    """Decimal places of a column as the data hold them: the fewest (up to ``most``) that
    keep every value exactly; a computed column (a ratio, a sum of converted units) gets
    four significant digits of its largest value instead."""
    numbers = values.dropna().astype(float)
    for places in range(most + 1):
        if np.allclose(numbers, numbers.round(places), rtol=0, atol=1e-9):
            return places
    largest = float(numbers.abs().max()) if len(numbers) else 1.0
    return int(min(6, max(0, 3 - np.floor(np.log10(largest or 1.0)))))


def chart_csv(data: pd.DataFrame, title: str, source: str) -> str:
    """A chart's data as CSV text whose first two lines are the title and source line;
    columns labelled for people with their units (``tables.column_label``: 'share_pct' ->
    'Share (%)'), numbers rounded to the data's precision (``data_decimals``); an unnamed
    integer index (row numbers) is left out, any other index is a first column under its own
    name."""
    keep_index = bool(data.index.name) or not pd.api.types.is_integer_dtype(data.index)
    if keep_index and not data.index.name:
        raise ValueError(f"chart {title!r}: name the index of its data (the first CSV column)")
    out = data.rename(columns=column_label)
    for col in out.columns:
        if pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].round(data_decimals(out[col]))
    body = io.StringIO()
    body.write(f"# {title}\n# {source}\n")
    out.to_csv(body, date_format="%Y-%m-%d", index=keep_index)
    return body.getvalue()


def csv_link(data: pd.DataFrame, title: str, source: str) -> str:
    """An HTML link that downloads ``data`` as CSV from the page itself (a ``data:`` URI, so
    the brief stays self-contained); the file starts with the chart title and source line."""
    encoded = base64.b64encode(chart_csv(data, title, source).encode("utf-8")).decode()
    name = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "chart"
    return (f"<a class='tw-csv' download='{name}.csv' href='data:text/csv;charset=utf-8;base64,"
            f"{encoded}'>Download this chart's data (CSV)</a>")


ACTOR_WORDS = {"US": "US measure", "China": "China's measure", "US+China": "both sides"}


def event_key_html(key: pd.DataFrame, note: str | None = None) -> str:
    """The events under a chart, one entry per marker ('5' or '5-6': events a few days apart
    share a marker), each with its dates and short labels (escaped), after a line saying
    what each marker colour means."""
    if key.empty:
        return ""
    marks = key["marker"] if "marker" in key else key["number"].astype(str)
    items = "".join(
        f"<li value='{rows['number'].iloc[0]}'><b class='tw-mark'>{html.escape(mark)}</b> "
        + "; ".join(f"{pd.Timestamp(d):%d %b %Y}: {html.escape(label)}"
                    for d, label in zip(rows["date"], rows["label"], strict=True)) + "</li>"
        for mark, rows in key.groupby(marks, sort=False))
    mixed = any(rows["actor"].nunique() > 1 for _, rows in key.groupby(marks))
    actors = [a for a in ACTOR_WORDS if a in set(key["actor"])]
    if mixed and "US+China" not in actors:
        actors.append("US+China")
    colours = ", ".join(f"<span style='color: {charts.ACTOR_COLOURS[a]}'>&#9679;</span> "
                        f"{ACTOR_WORDS[a]}" + (" (or a marker shared by both)" if a == "US+China"
                                                and mixed else "") for a in actors)
    extra = [html.escape(note)] if note else []
    if key.attrs.get("left_out"):
        extra.append(f"{key.attrs['left_out']} later events in the window are not marked.")
    tail = f"<p class='tw-key-note'>{' '.join(extra)}</p>" if extra else ""
    return (f"<p class='tw-key-note tw-key-colours'>Markers: {colours}.</p>"
            f"<ol class='tw-event-key'>{items}</ol>{tail}")


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
            key = markers.annotate_events(ax, events, max_labels=max_labels)
        else:  # events inside the zoom window are numbered on the zoom panel
            panel, start = zoom
            early = markers.annotate_events(ax, events[events["date"] < start], max_labels=max_labels)
            late = markers.annotate_events(panel, events[events["date"] >= start],
                                          max_labels=max_labels, first_number=len(early) + 1)
            key = pd.concat([early, late], ignore_index=True)
            key.attrs["left_out"] = early.attrs["left_out"] + late.attrs["left_out"]
    source = charts.source_footer(fig, sources, note=note)
    charts.set_alt_text(fig, alt)
    axes = ax if ax is not None else fig.axes[0]
    title = " ".join(next((t for loc in ("left", "center", "right") if (t := axes.get_title(loc))),
                          "chart").split())  # a wrapped title is one line in the CSV
    table = data if data is not None else chart_data(axes)
    if table.empty:
        raise ValueError(f"chart {title!r} has no labelled lines for its CSV: pass data=")
    csv = chart_csv(table, title, source)
    show_figure(fig)
    display({"text/html": event_key_html(key, events_note) + csv_link(table, title, source),
             "text/plain": "", CHART_MIME: {"title": title, "source": source, "csv": csv}},
            raw=True)


PNG_COLOURS = 64  # palette size of an embedded chart: flat colours and anti-aliased text fit


def png_bytes(fig: Figure, dpi: float | None = None) -> bytes:
    """The chart as a small PNG: rendered at ``dpi`` (default: the style's) on white, reduced
    to an adaptive palette of ``PNG_COLOURS`` colours (median cut, no dithering) and saved
    with optimize, about a third of matplotlib's RGBA file with no visible change."""
    from PIL import Image

    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight", **({"dpi": dpi} if dpi else {}))
    rgba = Image.open(buf).convert("RGBA")
    opaque = Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba).convert("RGB")
    small = io.BytesIO()
    opaque.quantize(colors=PNG_COLOURS, method=Image.Quantize.MEDIANCUT,
                    dither=Image.Dither.NONE).save(small, format="PNG", optimize=True)
    return small.getvalue()


def phone_png(fig: Figure) -> tuple[bytes, float]:
    """The phone variant (``narrow.phone_layout``, which changes ``fig``) as a PNG, and the
    height of its smallest text in image pixels (points * dpi / 72)."""
    narrow.phone_layout(fig, getattr(fig, "_tradewatch_footer", None))
    data = png_bytes(fig, dpi=narrow.DPI)
    return data, narrow.smallest_text_pt(fig) * narrow.DPI / 72


def show_figure(fig: Figure) -> None:
    """Display a chart with its alt text, as the desktop image and its phone variant (with
    the phone image's smallest text in pixels); a chart without alt text or source is
    refused."""
    info = charts.describe(fig)
    if not info["alt"] or not info["source"]:
        raise ValueError("every chart needs charts.set_alt_text() and charts.source_footer()")
    markers.tidy(fig)
    desktop = png_bytes(fig)
    phone, text_px = phone_png(fig)
    plt.close(fig)
    display({"image/png": base64.b64encode(desktop).decode(),
             PHONE_PNG_MIME: base64.b64encode(phone).decode(), "text/plain": info["alt"]},
            raw=True, metadata={"image/png": {"alt": info["alt"], "phone_text_px": round(text_px, 2)}})
