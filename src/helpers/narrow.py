"""The phone variant of a chart: the same figure laid out again for a narrow screen (panels
stacked, taller, fewer ticks, end labels gathered into a key below, long text wrapped) with
every text large enough to read when the image fills a phone's width.

On a phone the image is shown ``PHONE_CSS_PX`` CSS px wide, so text of ``s`` points is
``s * PHONE_CSS_PX / (72 * WIDTH_IN)`` CSS px whatever the dpi; ``MIN_TEXT_PT`` keeps that at
least ``MIN_TEXT_CSS_PX``.
"""

from __future__ import annotations

import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.ticker import FixedLocator, MaxNLocator
from matplotlib.transforms import blended_transform_factory

from helpers import markers
from helpers.charts import short_date_ticks

WIDTH_IN = 4.0          # width of the phone figure, inches
DPI = 144               # pixels per inch of the phone image (about 1.5 image px per CSS px)
PHONE_CSS_PX = 372      # a chart's width on a 390 px screen, less the page's side padding
MIN_TEXT_CSS_PX = 9.0   # smallest chart text on a phone, CSS px
MIN_TEXT_PT = 8.0       # = 10.3 CSS px at full width; still 9 if the image is 14% wider
PANEL_IN = 2.9          # height of a panel's plotting area, inches (the zoom panel: 2.3)
GAP_IN = 0.12           # space between stacked panels, inches


def text_css_px(points: float, dpi: float, pixel_width: int, shown_px: float = PHONE_CSS_PX) -> float:
    """CSS px of text of ``points`` in an image ``pixel_width`` px wide rendered at ``dpi`` and
    shown ``shown_px`` CSS px wide (never wider than its own pixels)."""
    return points * dpi / 72 * min(shown_px, pixel_width) / pixel_width


def smallest_text_pt(fig: Figure) -> float:
    """The smallest font size (points) of any visible, non-empty text of the figure."""
    sizes = [t.get_fontsize() for t in fig.findobj(Text)
             if t.get_visible() and t.get_text().strip() and _shown(t)]
    return min(sizes)


def _shown(text: Text) -> bool:
    ax = text.axes
    if ax is None or text not in ax.get_xticklabels() + ax.get_yticklabels():
        return True
    lo, hi = sorted(ax.get_xlim() if text in ax.get_xticklabels() else ax.get_ylim())
    x, y = text.get_position()
    value = x if text in ax.get_xticklabels() else y
    return lo <= value <= hi


def _panels(fig: Figure) -> tuple[list[Axes], dict[Axes, Axes]]:
    """Plotting panels top to bottom, left to right, and each colour bar with its panel."""
    bars = {a: a._colorbar.mappable.axes for a in fig.axes if getattr(a, "_colorbar", None)}
    panels = [a for a in fig.axes if a.get_visible() and a not in bars]
    panels.sort(key=lambda a: (round(-a.get_position().y1, 2), a.get_position().x0))
    return panels, bars


def _fewer_ticks(ax: Axes) -> None:
    """At most five dated ticks on x (short labels) or four numeric ones, five on y; a fixed
    list of more than six x labels keeps every second or third; long row names go above
    their rows."""
    axis = ax.xaxis
    if isinstance(axis.get_major_formatter(), mdates.ConciseDateFormatter | mdates.AutoDateFormatter
                  | mdates.DateFormatter):
        short_date_ticks(ax, 5)
    elif isinstance(axis.get_major_locator(), FixedLocator):
        ticks, labels = ax.get_xticks(), [t.get_text() for t in ax.get_xticklabels()]
        step = -(-len(ticks) // 6)
        if step > 1 and len(labels) == len(ticks):
            ax.set_xticks(ticks[::step], labels[::step])
    else:
        axis.set_major_locator(MaxNLocator(4, integer=all(float(t).is_integer() for t in ax.get_xticks())))
    if not isinstance(ax.yaxis.get_major_locator(), FixedLocator):
        ax.yaxis.set_major_locator(MaxNLocator(5))
    else:
        labels = [t.get_text() for t in ax.get_yticklabels()]
        if any(len(t) > 24 for t in labels):
            _labels_above_rows(ax, labels)


ROW_IN = 0.42  # height of one named row (its label line above its bar), inches


def _labels_above_rows(ax: Axes, labels: list[str]) -> None:
    """Long row names (a Gantt or coverage chart) each on a line of its own above its bar,
    across the panel, instead of a column of tick labels that leaves the bars no room."""
    ticks = list(ax.get_yticks())
    down = ax.yaxis_inverted()
    for bar in ax.patches:  # thinner bars leave each label a line of its own
        if isinstance(bar, Rectangle):
            bar.set_y(bar.get_y() + bar.get_height() * 0.2)
            bar.set_height(bar.get_height() * 0.6)
    place = blended_transform_factory(ax.transAxes, ax.transData)
    for y, label in zip(ticks, labels, strict=True):
        ax.text(0.005, y - 0.3 if down else y + 0.3, label, transform=place, va="bottom",
                ha="left", fontsize=MIN_TEXT_PT, clip_on=False)
    ax.tick_params(axis="y", labelleft=False, length=0)
    lo, hi = min(ticks) - 1.0, max(ticks) + 0.6
    ax.set_ylim((hi, lo) if down else (lo, hi))
    ax._tradewatch_rows = len(ticks)


def _key_below(fig: Figure, panels: list[Axes]) -> list:
    """End labels become the entries of one key under the last panel; legends move there."""
    handles, labels = [], []
    for ax in panels:
        for note, colour, style in getattr(ax, "_tradewatch_end_labels", []):
            note.set_visible(False)
            if note.get_text() not in labels:
                handles.append(Line2D([], [], color=colour, **style))
                labels.append(note.get_text())
        legend = ax.get_legend()
        if legend is not None:
            handles += list(legend.legend_handles)
            labels += [t.get_text() for t in legend.get_texts()]
            legend.remove()
    return list(zip(handles, labels, strict=True))


def _wrap(text: Text, width_px: float, renderer) -> None:
    """Break ``text`` at spaces so no line is wider than ``width_px``."""
    words, lines = " ".join(text.get_text().split()).split(" "), []
    for word in words:
        trial = f"{lines[-1]} {word}" if lines else word
        text.set_text(trial)
        if lines and text.get_window_extent(renderer).width > width_px:
            lines.append(word)
        elif lines:
            lines[-1] = trial
        else:
            lines.append(word)
    text.set_text("\n".join(lines))


def phone_layout(fig: Figure, footer: Text | None = None) -> None:
    """Lay ``fig`` out for a phone in place: ``WIDTH_IN`` wide, panels stacked with their
    colour bars beside them, text at least ``MIN_TEXT_PT``, titles, labels and the source
    line ``footer`` wrapped to the width, end labels and legends in one key below."""
    panels, bars = _panels(fig)
    entries = _key_below(fig, panels)
    for ax in fig.axes:
        ax.set_axes_locator(None)
        _fewer_ticks(ax)
        ax.tick_params(labelsize=MIN_TEXT_PT)
    for text in fig.findobj(Text):
        text.set_fontsize(max(text.get_fontsize(), MIN_TEXT_PT))
    fig.set_size_inches(WIDTH_IN, PANEL_IN * (len(panels) + 1))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    titles = [t for ax in panels for t in (ax.title, ax._left_title, ax._right_title)
              if t.get_text()]
    for title in titles:
        title.set_visible(False)
    left = max(ax.get_window_extent(renderer).x0 - ax.get_tightbbox(renderer).x0
               for ax in panels) / fig.dpi + 0.05
    for title in titles:
        title.set_visible(True)
        _wrap(title, (WIDTH_IN - left - 0.1) * fig.dpi, renderer)
    if footer is not None:
        _wrap(footer, (WIDTH_IN - 0.15) * fig.dpi, renderer)
    fig.canvas.draw()
    _stack(fig, panels, bars, entries, footer, renderer, left)
    markers.tidy(fig)


def _stack(fig, panels, bars, entries, footer, renderer, left: float) -> None:
    """Place the panels one under another from measured decorations (inches), then the key
    and the source line."""
    dpi = fig.dpi
    sizes = []
    for ax in panels:
        box, tight = ax.get_window_extent(renderer), ax.get_tightbbox(renderer)
        rows = ROW_IN * getattr(ax, "_tradewatch_rows", 0)  # inches named rows need
        ends = [t.get_window_extent(renderer).x1 for t in ax.texts if t.get_visible()]
        sizes.append({"right": max(0.0, max(ends, default=0.0) - box.x1) / dpi,
                      "top": (tight.y1 - box.y1) / dpi,
                      "bottom": (box.y0 - tight.y0) / dpi,
                      "height": max(PANEL_IN if ax is panels[0] else 2.3, rows)})
    right = max(s["right"] for s in sizes) + 0.1 + (0.55 if bars else 0.0)
    heights = [s["top"] + s["height"] + s["bottom"] + GAP_IN for s in sizes]
    ncol = 2 if entries and max(len(label) for _, label in entries) < 22 else 1
    key_in = 0.2 * -(-len(entries) // ncol) + 0.12 if entries else 0.0
    footer_in = (footer.get_window_extent(renderer).height / dpi + 0.1) if footer else 0.0
    total = sum(heights) + key_in + footer_in + 0.05
    fig.set_size_inches(WIDTH_IN, total)
    top = total - 0.05
    for ax, size, height in zip(panels, sizes, heights, strict=True):
        y0 = top - size["top"] - size["height"]
        ax.set_position([left / WIDTH_IN, y0 / total, (WIDTH_IN - left - right) / WIDTH_IN,
                         size["height"] / total])
        top -= height
    for bar, parent in bars.items():
        box = parent.get_position()
        bar.set_position([box.x1 + 0.1 / WIDTH_IN, box.y0, 0.12 / WIDTH_IN, box.height])
    if entries:
        handles, labels = zip(*entries, strict=True)
        fig.legend(handles, labels, loc="upper left", ncol=ncol, bbox_to_anchor=(0.02, top / total),
                   frameon=False, fontsize=MIN_TEXT_PT + 0.5, borderaxespad=0.2, handlelength=1.6,
                   columnspacing=1.0)
    if footer is not None:
        footer.set_position((0.02, 0.005))
        footer.set_va("bottom")
