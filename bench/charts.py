"""Benchmark what the phone image adds to every chart, side by side in one run.

    python bench/charts.py [--repeat N]

Each chart a brief shows is rendered twice: the desk image, then the phone variant
(``helpers.narrow.phone_layout`` re-lays the figure out, stacked and with larger text, and it
is rendered again). On two charts built the way the briefs build them from the kit's data (a
line chart with a zoom panel and event markers, as in 02; the instruments-in-force gantt, as
in 01) this times, alternately in one process:
  desk   the desk PNG alone (``chart_stanza.png_bytes``);
  both   the desk PNG and the phone PNG (``chart_stanza.png_bytes`` + ``phone_png``);
then prints the ratio both/desk (the render cost of the phone image), the bytes of each
image (the page weight it adds), and the share of one brief's chart rendering in its build:
the charts' measured render time times the number of charts the brief shows, against the
brief's build time the builder reports. Times are medians of ``--repeat`` runs; ratios, not
seconds, are the result.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot as plt  # noqa: E402

from helpers import chart_stanza, charts, frames, markers, tariffs  # noqa: E402
from helpers.data import load  # noqa: E402

BRIEF = "02_decoupling"  # the brief whose build the chart rendering is set against


def trade_lines():
    """02's first chart: 12-month rolling trade with a zoom panel and US tariff actions."""
    rolled = frames.rolling_goods_trade(frames.goods_trade(None))
    fig, ax = charts.lines(rolled, "US goods trade with China, 12-month rolling sums",
                           "USD bn (12 months to date)")
    charts.add_zoom(fig, rolled, "2024-01-01", "2024 on, in detail")
    events = tariffs.with_short_labels(load("tariff_events"))
    actions = tariffs.filter_events(events, actor="US", status="took effect", start="2018-01-01")
    markers.annotate_events(ax, actions, max_labels=6)
    return _finished(fig, ["us_china_goods_trade", "tariff_events"])


def instruments_gantt():
    """01's instruments-in-force chart."""
    spans = tariffs.instrument_spans(tariffs.with_short_labels(load("tariff_events")))
    fig, _ = charts.gantt(spans, "Tariff instruments in force")
    return _finished(fig, ["tariff_events"])


def _finished(fig, sources):
    charts.source_footer(fig, sources)
    charts.set_alt_text(fig, "benchmark chart")
    markers.tidy(fig)
    return fig


def render(build: Callable, phone: bool) -> tuple[float, int, int]:
    """Seconds to render one freshly built chart as the desk PNG (and, with ``phone``, its
    phone PNG too), and the bytes of each image (0 for the phone image not rendered)."""
    fig = build()
    started = time.perf_counter()
    desk = chart_stanza.png_bytes(fig)
    phone_png = chart_stanza.phone_png(fig)[0] if phone else b""
    elapsed = time.perf_counter() - started
    plt.close(fig)
    return elapsed, len(desk), len(phone_png)


def brief_build(name: str) -> tuple[float, int]:
    """Seconds the builder reports for one brief built cold, and its number of charts."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, TRADEWATCH_REPORTS_DIR=tmp)
        out = subprocess.run([sys.executable, "-m", "helpers", "briefs", "--notebook", name,
                              "--force"], check=True, env=env, capture_output=True,
                             text=True).stdout
        line = next(x for x in out.splitlines() if x.startswith("built"))
        executed = Path(tmp) / "executed" / f"{name}.ipynb"
        cells = json.loads(executed.read_text())["cells"] if executed.exists() else []
    charts_shown = sum("image/png" in o.get("data", {}) for c in cells for o in c.get("outputs", []))
    return float(line.rsplit("(", 1)[1].rstrip("s)")), charts_shown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    charts.use_house_style()
    print(f"charts rendered desk-only against desk + phone, {args.repeat} runs each, alternating")
    per_chart = []
    for name, build in (("02 trade lines with zoom", trade_lines),
                        ("01 instruments gantt", instruments_gantt)):
        desk_t, both_t = [], []
        for _ in range(args.repeat):  # alternate so a noisy moment hits both alike
            desk_t.append(render(build, phone=False)[0])
            both_t.append(render(build, phone=True)[0])
        _, desk_bytes, phone_bytes = render(build, phone=True)
        d, b = statistics.median(desk_t), statistics.median(both_t)
        per_chart.append(b)
        print(f"{name:26s} desk {d:5.2f} s, desk + phone {b:5.2f} s: ratio {b / d:.2f}; "
              f"bytes desk {desk_bytes / 1e3:5.0f} kB, phone {phone_bytes / 1e3:5.0f} kB "
              f"(phone / desk {phone_bytes / desk_bytes:.2f})")
    build_s, shown = brief_build(BRIEF)
    if shown:
        rendering = shown * statistics.mean(per_chart)
        print(f"brief {BRIEF}: built in {build_s:.1f} s with {shown} charts; their rendering, "
              f"at the charts' mean above, is about {rendering:.1f} s = "
              f"{rendering / build_s:.2f} of the build")
    else:
        print(f"brief {BRIEF}: built in {build_s:.1f} s; its executed notebook was not found, "
              "so the charts' share is not given")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
