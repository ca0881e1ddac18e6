"""The house chart style: one theme, a colour-blind-safe palette, direct labels, event markers,
source footers taken from the catalog, and alt text carried with every figure.
"""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Iterable
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.data import catalog

# Okabe-Ito palette: distinguishable with the common forms of colour blindness.
PALETTE = {
    "blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
    "sky": "#56B4E9", "purple": "#CC79A7", "yellow": "#F0E442", "black": "#000000",
}
ACTOR_COLOURS = {"US": PALETTE["blue"], "China": PALETTE["vermillion"],
                 "US+China": PALETTE["black"]}
# One colour per partner and per tariff direction in every chart of the kit.
PARTNER_COLOURS = {"United States": PALETTE["blue"], "Brazil": PALETTE["green"],
                   "Argentina": PALETTE["orange"], "Rest of world": "#8C8C8C",
                   "World": PALETTE["black"]}
DIRECTION_COLOURS = {"US on China": PALETTE["blue"], "China on US": PALETTE["vermillion"]}
_ALIASES = {"US": "United States", "U.S.": "United States"}


def colour_for(name: str) -> str | None:
    """The kit's fixed colour for a partner or direction named at the start of ``name``
    ('Brazil', 'US, 2017', 'China on US (PIIE)'); None when the name is neither."""
    text = str(name)
    for key, colour in {**DIRECTION_COLOURS, **PARTNER_COLOURS}.items():
        if text == key or text.startswith((key + " ", key + ",", key + " (")):
            return colour
    head = text.split(",")[0].split(" (")[0].strip()
    return PARTNER_COLOURS.get(_ALIASES.get(head, ""))
STYLE = {
    "figure.figsize": (9, 4.8), "figure.dpi": 100, "savefig.dpi": 110,
    "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True,
    "grid.alpha": 0.3, "axes.titleweight": "bold", "axes.titlesize": 12,
    "axes.titlelocation": "left", "axes.labelsize": 10, "legend.frameon": False,
    "axes.prop_cycle": plt.cycler(color=list(PALETTE.values())),
    "font.size": 10, "svg.fonttype": "none",
}


def use_house_style() -> None:
    """Apply the kit's matplotlib style (call once at the top of a notebook)."""
    plt.rcParams.update(STYLE)


def source_line(dataset_ids: Iterable[str], as_of: dict[str, str | None] | None = None) -> str:
    """'Source: ...' built from the catalog entries (and as-of dates when given)."""
    known = catalog.read_catalog()
    parts = []
    for ds_id in dataset_ids:
        text = known[ds_id].source_line
        if as_of and as_of.get(ds_id):
            text += f" (data to {as_of[ds_id]})"
        parts.append(text)
    return "Source: " + "; ".join(parts) + "."


def source_footer(fig: Figure, frames_or_ids: Iterable, note: str | None = None) -> str:
    """Write the source line under the figure; accepts loaded frames (uses their provenance)
    or dataset ids. Returns the text written."""
    ids, as_of = [], {}
    for item in frames_or_ids:
        if isinstance(item, pd.DataFrame | pd.Series):
            prov = item.attrs["provenance"]
            ids.append(prov["dataset"])
            as_of[prov["dataset"]] = prov["as_of"]
        else:
            ids.append(item)
    text = source_line(dict.fromkeys(ids), as_of)
    if note:
        text += " " + note
    wrapped = "\n".join(textwrap.wrap(text, 150))
    fig._tradewatch_footer = fig.text(0.01, 0.005, wrapped, ha="left", va="bottom", fontsize=7.5,
                                      color="#444444")  # re-wrapped by narrow.phone_layout
    fig.subplots_adjust(bottom=0.12 + 0.03 * wrapped.count("\n"))
    fig._tradewatch_source = text  # read by tests and by describe()
    return text


def set_alt_text(fig: Figure, text: str) -> None:
    """Attach alt text to a figure; HTML briefs put it on the image."""
    fig._tradewatch_alt = text


def alt_text(fig: Figure) -> str | None:
    return getattr(fig, "_tradewatch_alt", None)


def direct_label(ax: Axes, series: pd.Series, label: str, color: str | None = None,
                 dy: float = 0.0) -> None:
    """Label a line at its last valid point instead of using a legend (``dy``: points up);
    ``markers.tidy`` nudges labels that touch apart, and the phone variant (``narrow``)
    turns them into key entries drawn like the line of the same label."""
    s = series.dropna()
    if s.empty:
        return
    colour = color or ax.get_lines()[-1].get_color()
    note = ax.annotate(label, xy=(s.index[-1], s.iloc[-1]), xytext=(4, dy),
                       textcoords="offset points", va="center", fontsize=9, color=colour,
                       zorder=10, annotation_clip=False,
                       bbox={"facecolor": "white", "alpha": 0.8, "lw": 0, "pad": 0.3},
                       arrowprops={"arrowstyle": "-", "color": colour, "lw": 0.6, "shrinkA": 0,
                                   "shrinkB": 1})  # a leader line once markers.tidy nudges it
    line = next((x for x in ax.get_lines() if x.get_label() == label), None)
    style = ({"ls": line.get_linestyle(), "lw": line.get_linewidth(), "marker": line.get_marker(),
              "mfc": line.get_markerfacecolor()} if line is not None else {"lw": 2})
    ax._tradewatch_end_labels = [*getattr(ax, "_tradewatch_end_labels", []), (note, colour, style)]


KEY_LABEL_CHARS = 150  # an event's key label longer than this loses asides, then trailing clauses


ABBREVIATIONS = ("incl", "etc", "Inc", "No", "v", "e.g", "i.e", "Mr", "Dr", "St", "U.S")


def _top_level_parts(text: str, sep: str) -> list[str]:
    """``text`` split at ``sep`` outside parentheses (never after an abbreviation like
    'incl.')."""
    depth, start, parts = 0, 0, []
    for i, char in enumerate(text):
        depth += (char == "(") - (char == ")" and depth > 0)
        after_abbreviation = sep.startswith(".") and text[:i].split(" ")[-1] in ABBREVIATIONS
        if depth == 0 and text.startswith(sep, i) and not after_abbreviation:
            parts.append(text[start:i])
            start = i + len(sep)
    return [*parts, text[start:]]


def key_label(measure: str) -> str:
    """An event's label for a chart's key: its measure's first sentence and first clause, a
    short 'List 1:'-style head kept with what follows it, asides in parentheses dropped and
    then trailing clauses only when it runs over ``KEY_LABEL_CHARS``: whole phrases, never
    words cut mid-phrase."""
    first = _top_level_parts(str(measure).strip(), ". ")[0]
    first = _top_level_parts(first, "; ")[0]
    head, colon, _ = first.partition(": ")
    text = head if colon and len(head) >= 25 else first
    if text.count("(") > text.count(")"):
        text = text[: text.rindex("(")].rstrip(" ,")
    if len(text) > KEY_LABEL_CHARS:
        text = re.sub(r"\s*\([^()]*\)", "", text)
    if len(text) > KEY_LABEL_CHARS:
        text = _top_level_parts(text, ", ")[0]
    return text.strip().rstrip(".")


def mark_stated_zeros(ax: Axes, series: pd.Series, color: str | None = None) -> pd.DatetimeIndex:
    """Draw a source's stated zeros as zeros (diamonds on the axis), so they are not read as
    gaps; returns their dates. Missing months stay gaps in the line."""
    zeros = series.index[series.eq(0)]
    ax.plot(zeros, [0] * len(zeros), "D", color=color or PALETTE["blue"], ms=6, zorder=5)
    return zeros


def add_zoom(fig: Figure, frame: pd.DataFrame, start, title: str, step: bool = False) -> Axes:
    """A panel to the right of the chart showing ``frame`` from ``start`` on, so a short
    recent window (2025-2026) is readable next to a long history. Lines keep the colour and
    style of the same-named lines in the main chart; ``step`` for rates that change on a
    date. The panel is tied to the main axes, so later layout changes move both."""
    from mpl_toolkits.axes_grid1 import make_axes_locatable

    main = fig.axes[0]
    fig.set_figwidth(fig.get_figwidth() * 1.4)
    zoom = make_axes_locatable(main).append_axes("right", size="42%", pad=1.5)
    styles = {str(line.get_label()): line for line in main.get_lines()}
    recent = frame.loc[pd.Timestamp(start):]
    for i, col in enumerate(recent.columns):
        like = styles.get(str(col))
        kw = {"color": like.get_color() if like else colour_for(col) or
              list(PALETTE.values())[i % len(PALETTE)],
              "ls": like.get_linestyle() if like else "-", "lw": 1.4}
        if step:
            zoom.step(recent.index, recent[col], where="post", **kw)
        else:
            zoom.plot(recent.index, recent[col], marker=".", **kw)
    zoom.set_title(title, fontsize=9, loc="left")
    short_date_ticks(zoom, 5)  # short month names; markers.tidy thins them further
    zoom.tick_params(labelsize=7.5)
    fig._tradewatch_zoom = (zoom, pd.Timestamp(start))  # read by report.show_chart
    return zoom


def short_date_ticks(ax: Axes, most: int) -> None:
    """At most ``most`` date ticks on x, labelled short ('2025', 'Apr', 'Jul'), with no offset
    text; every month count from one to twelve is an allowed step."""
    dates = plt.matplotlib.dates
    locator = dates.AutoDateLocator(minticks=2, maxticks=most)
    locator.intervald[dates.MONTHLY] = [1, 2, 3, 4, 6, 12]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator, show_offset=False))


def published_points(points: dict[str, pd.Series], title: str, start, end, recent_from,
                     ylabel: str) -> tuple[Figure, Axes]:
    """Published averages as points, one series per ``points`` entry ('US on China (PIIE)'):
    PIIE's as dots with dotted steps between them (the level held until the next point),
    others (CRS) as hollow squares; the whole window ``start``-``end`` and, when the window
    runs past ``recent_from``, the points from then on (to a month after the last) in a panel
    of their own with the same y scale, so closely spaced recent points are read apart. End
    labels go on the last panel. Returns the figure and the main axes."""
    start, end, recent_from = pd.Timestamp(start), pd.Timestamp(end), pd.Timestamp(recent_from)
    last = max((s.index.max() for s in points.values() if len(s)), default=end)
    split = start < recent_from < min(end, last)
    fig, axes = plt.subplots(1, 2 if split else 1, sharey=True, squeeze=False,
                             figsize=(11.5, 4.8) if split else None,
                             gridspec_kw={"width_ratios": [3, 2]} if split else None)
    panels = list(axes[0])
    for panel, (lo, hi) in zip(panels, [(start, end if not split else recent_from),
                                        (recent_from, min(end, last + pd.Timedelta(days=30)))],
                                 strict=False):
        for name, series in points.items():
            colour = colour_for(name)
            if "(PIIE)" in name:
                panel.step(series.index, series.values, where="post", color=colour, lw=0.8, ls=":")
                panel.plot(series.index, series.values, "o", color=colour, ms=5, label=name)
            else:
                panel.plot(series.index, series.values, "s", mfc="none", color=colour, ms=6,
                           label=name)
        panel.set_xlim(lo - pd.Timedelta(days=20), hi + pd.Timedelta(days=20))
        short_date_ticks(panel, 6)
    ends = {name: s.loc[:end].dropna() for name, s in points.items()}
    right = max((s.index[-1] for s in ends.values() if len(s)), default=end)
    for name, series in ends.items():  # labels start right of the latest point, never on one
        if len(series):
            direct_label(panels[-1], pd.Series([series.iloc[-1]], index=[right]), name,
                         color=colour_for(name))
    panels[0].set_title(textwrap.fill(title, 60 if split else 90))
    panels[0].set_ylabel(ylabel)
    if split:
        panels[1].set_title(f"{recent_from:%Y} on, in detail", fontsize=10, loc="left")
        panels[1].tick_params(labelleft=True)
    fig.subplots_adjust(right=0.84, wspace=0.18)
    return fig, panels[0]


def zoom_of(fig: Figure) -> tuple[Axes, pd.Timestamp] | None:
    """The zoom panel ``add_zoom`` added to ``fig`` and where it starts, if any."""
    return getattr(fig, "_tradewatch_zoom", None)


def save(fig: Figure, path: str | Path, formats: Iterable[str] = ("png", "svg")) -> list[Path]:
    """Save for slides: one file per format next to ``path`` (suffix replaced)."""
    base = Path(path)
    base.parent.mkdir(parents=True, exist_ok=True)
    out = []
    for fmt in formats:
        target = base.with_suffix(f".{fmt}")
        fig.savefig(target, format=fmt, bbox_inches="tight")
        out.append(target)
    return out


def describe(fig: Figure) -> dict[str, str | None]:
    """The figure's source line and alt text (what a brief shows a reader)."""
    return {"source": getattr(fig, "_tradewatch_source", None), "alt": alt_text(fig)}


def coverage_chart(cov: pd.DataFrame) -> Figure:
    """One horizontal bar per series from its first to its last observation; a hatched
    bar marks a series with missing months inside its span. Expects ``coverage()``'s frame."""
    cov = cov.sort_values(["dataset", "start"]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(9, 0.24 * len(cov) + 1.6))
    colours = dict(zip(cov["dataset"].unique(), itertools.cycle(PALETTE.values())))
    for i, row in cov.iterrows():
        ax.barh(i, row["end"] - row["start"] + pd.Timedelta(days=28), left=row["start"],
                color=colours[row["dataset"]], hatch="///" if row["missing"] else None,
                edgecolor="white", height=0.7)
    ax.set_yticks(range(len(cov)), [f"{d}: {s}" for d, s in zip(cov["dataset"], cov["series"],
                                                                 strict=True)], fontsize=7)
    ax.invert_yaxis()
    ax.set_title("What the kit holds: coverage of every series (hatched = months missing)")
    ax.grid(axis="y", visible=False)
    return fig


def lines(frame: pd.DataFrame, title: str, ylabel: str, step: bool = False,
          styles: dict[str, dict] | None = None) -> tuple[Figure, Axes]:
    """One line per column, labelled directly at its end (no legend). ``step`` draws the
    lines as steps (rates that change on a date). ``styles``: per-column plot kwargs.
    Partners and tariff directions get their fixed colours (``colour_for``)."""
    fig, ax = plt.subplots()
    colours = list(PALETTE.values())
    ends = {}
    for i, col in enumerate(frame.columns):
        kw = ({"color": colour_for(col) or colours[i % len(colours)], "lw": 1.8, "label": str(col)}
              | (styles or {}).get(col, {}))
        s = frame[col]
        if step:
            ax.step(s.index, s.values, where="post", **kw)
        else:
            ax.plot(s.index, s.values, **kw)
        if s.notna().any():
            ends[col] = (s.dropna().iloc[-1], kw["color"])
    for col, (_, colour) in ends.items():  # markers.tidy nudges touching labels apart
        direct_label(ax, frame[col], str(col), color=colour)
    ax.xaxis.set_major_formatter(plt.matplotlib.dates.ConciseDateFormatter(
        ax.xaxis.get_major_locator()))
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.margins(x=0.02)
    fig.subplots_adjust(right=0.8)
    return fig, ax


def gantt(spans: pd.DataFrame, title: str) -> tuple[Figure, Axes]:
    """Instruments in force: one bar per row of ``start``/``end``/``actor``/``instrument``;
    an arrow-less open end is marked 'in force' when ``ongoing``."""
    spans = spans.sort_values(["actor", "start"], ascending=[False, True]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(9, 0.35 * len(spans) + 1.4))
    for i, row in spans.iterrows():
        colour = ACTOR_COLOURS.get(row["actor"], PALETTE["black"])
        ax.barh(i, row["end"] - row["start"] + pd.Timedelta(days=1), left=row["start"],
                color=colour, alpha=0.85, height=0.6)
        if row.get("ongoing"):
            ax.text(row["end"], i, " in force", va="center", fontsize=7, color=colour)
    ax.set_yticks(range(len(spans)), [f"{a}: {n}" for a, n in zip(spans["actor"],
                                                                   spans["instrument"],
                                                                   strict=True)], fontsize=8)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.set_title(title)
    return fig, ax
