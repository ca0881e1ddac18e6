"""What a notebook shows a brief's reader: the as-of block, the key-figures table, the
takeaway, and figures displayed with their alt text.

Key figures travel twice in one display: as an HTML table for people and as JSON under
``FIGURES_MIME`` that ``helpers.briefs`` writes to ``reports/<name>.figures.json``.
"""

from __future__ import annotations

import base64
import html
import io
import math
import subprocess
from dataclasses import asdict, dataclass, field
from importlib import metadata

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display
from matplotlib.figure import Figure

from helpers import charts, paths
from helpers.data import catalog

FIGURES_MIME = "application/vnd.tradewatch.figures+json"


@dataclass(frozen=True)
class KeyFigure:
    """One number a brief prints: value in ``unit`` for ``period``, from ``datasets``."""

    name: str
    value: float | None
    unit: str
    period: str
    datasets: tuple[str, ...]
    note: str = ""
    decimals: int = 1

    def formatted(self) -> str:
        if self.value is None or (isinstance(self.value, float) and math.isnan(self.value)):
            return "n/a"
        return f"{self.value:,.{self.decimals}f}"


@dataclass
class Brief:
    """Collects a notebook's title, takeaway and key figures, then shows them."""

    title: str
    takeaway: str = ""
    figures: list[KeyFigure] = field(default_factory=list)
    as_of: dict[str, str | None] = field(default_factory=dict)

    def add(self, name: str, value, unit: str, period: str, datasets, note: str = "",
            decimals: int = 1) -> KeyFigure:
        value = None if value is None or pd.isna(value) else float(value)
        fig = KeyFigure(name, value, unit, period, tuple(datasets), note, decimals)
        self.figures.append(fig)
        return fig

    def payload(self) -> dict:
        return {"title": self.title, "takeaway": self.takeaway, "as_of": self.as_of,
                "data_to": max((d for d in self.as_of.values() if d), default=None),
                "figures": [asdict(f) | {"datasets": list(f.datasets)} for f in self.figures]}

    def show_as_of(self, frames: list[pd.DataFrame], params: dict) -> None:
        """Display the dated block and record each dataset's vintage for the figures JSON."""
        self.as_of = {f.attrs["provenance"]["dataset"]: f.attrs["provenance"]["as_of"]
                      for f in frames}
        display({"text/html": as_of_html(frames, params),
                 "text/plain": f"As of: {self.as_of}"}, raw=True)

    def html_table(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(f.name)}</td><td class='num'>{f.formatted()}</td>"
            f"<td>{html.escape(f.unit)}</td><td>{html.escape(f.period)}</td>"
            f"<td>{html.escape(f.note)}</td></tr>" for f in self.figures)
        takeaway = (f"<p class='tw-takeaway'>{html.escape(self.takeaway)}</p>"
                    if self.takeaway else "")
        return (f"{takeaway}<table class='tw-figures'><thead><tr><th>Key figure</th>"
                f"<th>Value</th><th>Unit</th><th>Period</th><th>Note</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>")

    def show(self) -> None:
        """Display the takeaway and table (and the JSON the brief builder collects)."""
        display({"text/html": self.html_table(), FIGURES_MIME: self.payload(),
                 "text/plain": "\n".join(f"{f.name}: {f.formatted()} {f.unit} ({f.period})"
                                         for f in self.figures)}, raw=True)


def git_revision() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=paths.PROJECT_ROOT,
                             capture_output=True, text=True, timeout=5, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def kit_version() -> str:
    try:
        return metadata.version("us-china-trade-watch")
    except metadata.PackageNotFoundError:
        return "unknown"


def as_of_html(frames: list[pd.DataFrame], params: dict) -> str:
    """The dated block: each dataset's vintage and origin, the kit version, git revision and
    the parameters used."""
    rows = []
    for df in frames:
        p = df.attrs["provenance"]
        rows.append(f"<li><b>{html.escape(p['title'])}</b>: data to {p['as_of'] or 'n/a'}, "
                    f"{html.escape(p['source_line'])} ({p['origin']}, retrieved "
                    f"{p['retrieved']})</li>")
    params_text = ", ".join(f"{k} = {v!r}" for k, v in params.items()) or "defaults"
    return (f"<div class='tw-asof'><b>As of</b> snapshot built {catalog.snapshot_built()}; "
            f"kit {kit_version()}, revision {git_revision()}. Parameters: "
            f"{html.escape(params_text)}.<ul>{''.join(rows)}</ul></div>")


def show_figure(fig: Figure) -> None:
    """Display a chart with its alt text; a chart without alt text or source is refused."""
    info = charts.describe(fig)
    if not info["alt"] or not info["source"]:
        raise ValueError("every chart needs charts.set_alt_text() and charts.source_footer()")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    plt.close(fig)
    display({"image/png": base64.b64encode(buf.getvalue()).decode(), "text/plain": info["alt"]},
            raw=True, metadata={"image/png": {"alt": info["alt"]}})
