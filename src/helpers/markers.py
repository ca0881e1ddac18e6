"""Numbered event markers on a chart, and keeping a chart's small texts apart when it is
rendered (``tidy``): markers stacked in rows so none covers another, end labels nudged apart
with a leader line to their point, date ticks thinned until their labels do not touch."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text

from helpers.charts import ACTOR_COLOURS, PALETTE, key_label, short_date_ticks

MERGE_DAYS = 4  # events at most this many days after a marker's first event share it ("5-6")
GAP_PX = 2.0    # least space between two markers or two end labels, in rendered pixels
TICK_GAP = 0.8  # least space between two date tick labels, in label heights (about an em)


def marker_groups(dates: pd.Series) -> list[list[int]]:
    """Positions of ``dates`` (sorted) grouped so that each group spans at most
    ``MERGE_DAYS`` days from its first date."""
    groups: list[list[int]] = []
    for i, day in enumerate(pd.to_datetime(dates)):
        if groups and (day - pd.Timestamp(dates.iloc[groups[-1][0]])).days <= MERGE_DAYS:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def annotate_events(ax: Axes, events: pd.DataFrame, label_column: str = "short_label",
                    max_labels: int = 12, first_number: int = 1) -> pd.DataFrame:
    """Numbered event markers: a dashed line per event inside the axes and, along the top,
    one marker per group of events within ``MERGE_DAYS`` days ('5' or '5-6'), coloured by
    actor (black when a group mixes actors). Returns the key (``number``, ``marker``,
    ``date``, ``actor``, ``label``) that ``report.show_chart`` prints under the chart. At
    most ``max_labels`` events are marked, the earliest first; ``attrs['left_out']`` counts
    the rest. ``events`` needs ``date`` and ``actor``; labels are ``key_label`` of each
    ``measure`` (whole phrases), or ``label_column``. ``first_number`` continues a numbering
    begun on another panel. ``tidy`` stacks the markers when the chart is rendered."""
    lo, hi = ax.get_xlim()
    xs = mdates.date2num(pd.to_datetime(events["date"]))
    inside = events[(xs >= lo) & (xs <= hi)].sort_values("date")
    labels = inside["measure"].map(key_label) if "measure" in inside else inside[label_column]
    marked = inside.head(max_labels)
    names = [""] * len(marked)
    for group in marker_groups(marked["date"]):
        first, last = first_number + group[0], first_number + group[-1]
        rows = marked.iloc[group]
        actors = set(rows["actor"])
        colour = ACTOR_COLOURS.get(actors.pop(), PALETTE["black"]) if len(actors) == 1 else \
            PALETTE["black"]
        for _, row in rows.iterrows():
            ax.axvline(pd.Timestamp(row["date"]), color=ACTOR_COLOURS.get(row["actor"], "black"),
                       lw=0.8, ls="--", alpha=0.6)
        name = str(first) if first == last else f"{first}-{last}"
        for i in group:
            names[i] = name
        mark = ax.text(pd.Timestamp(rows["date"].iloc[0]), 0.97, name, fontsize=7, color="white",
                       transform=ax.get_xaxis_transform(), ha="center", va="center", zorder=6,
                       fontweight="bold", bbox={"boxstyle": "round,pad=0.3,rounding_size=0.6",
                                                "facecolor": colour, "lw": 0})
        ax._tradewatch_markers = [*getattr(ax, "_tradewatch_markers", []), mark]
    ax.set_xlim(lo, hi)
    key = pd.DataFrame({"number": range(first_number, first_number + len(marked)),
                        "marker": names, "date": marked["date"].to_numpy(),
                        "actor": marked["actor"].to_numpy(),
                        "label": labels.loc[marked.index].astype(str).to_numpy()})
    key.attrs["left_out"] = len(inside) - len(marked)
    return key


def _boxes_overlap(a, b, gap: float = GAP_PX) -> bool:
    return a.x0 < b.x1 + gap and b.x0 < a.x1 + gap and a.y0 < b.y1 + gap and b.y0 < a.y1 + gap


def stack_markers(ax: Axes, renderer) -> None:
    """Rows of event markers from the top down: each marker goes to the highest row where it
    touches no marker already placed (measured as rendered)."""
    marks = sorted(getattr(ax, "_tradewatch_markers", []), key=lambda m: m.get_position()[0])
    if not marks:
        return
    height = ax.get_window_extent(renderer).height
    rows: list[list] = []
    for mark in marks:
        mark.set_y(0.97)
        box = mark.get_bbox_patch().get_window_extent(renderer) if mark.get_bbox_patch() else \
            mark.get_window_extent(renderer)
        step = (box.height + GAP_PX) / height
        row = next((r for r, placed in enumerate(rows)
                    if all(box.x0 > p.x1 + GAP_PX or box.x1 < p.x0 - GAP_PX for p in placed)),
                   len(rows))
        if row == len(rows):
            rows.append([])
        mark.set_y(0.97 - row * step)
        rows[row].append(box)


def separate_end_labels(ax: Axes, renderer) -> None:
    """Nudge end labels (``charts.direct_label``) upwards, lowest first, so none overlaps
    another; a label moved off its point keeps a leader line to it."""
    notes = [n for n, _, _ in getattr(ax, "_tradewatch_end_labels", []) if n.get_visible()]
    placed = []
    for note in sorted(notes, key=lambda n: Text.get_window_extent(n, renderer).y0):
        box = Text.get_window_extent(note, renderer)  # the text alone, not its leader line
        shift = 0.0
        while any(_boxes_overlap(box.translated(0, shift), p) for p in placed):
            shift = max(p.y1 + GAP_PX - box.y0 for p in placed
                        if _boxes_overlap(box.translated(0, shift), p)) + 0.5
        placed.append(box.translated(0, shift))
        note.xyann = (note.xyann[0], note.xyann[1] + shift * 72 / note.figure.dpi)


def thin_date_ticks(ax: Axes, renderer) -> None:
    """Fewer date ticks until no two tick labels on the x axis come closer than ``TICK_GAP``
    label heights (so 'Oct 2025 Apr' never reads as one label)."""
    locator = ax.xaxis.get_major_locator()
    if not isinstance(locator, mdates.AutoDateLocator):
        return
    most = max(locator.maxticks.values()) if isinstance(locator.maxticks, dict) else locator.maxticks
    while most > 2 and _labels_touch(ax, renderer):
        most -= 1
        short_date_ticks(ax, most)


def _labels_touch(ax: Axes, renderer) -> bool:
    boxes = sorted((t.get_window_extent(renderer) for t in ax.get_xticklabels()
                    if t.get_visible() and t.get_text()), key=lambda b: b.x0)
    return any(a.x1 + TICK_GAP * a.height > b.x0 for a, b in zip(boxes, boxes[1:], strict=False))


def tidy(fig: Figure) -> None:
    """Before a chart is saved: thin touching date ticks, stack event markers, nudge end
    labels apart (every axes of ``fig``, measured on the figure as it will be drawn)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        thin_date_ticks(ax, renderer)
        stack_markers(ax, renderer)
        separate_end_labels(ax, renderer)
