"""House chart helpers: footers from the catalog, alt text, event markers, saving."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from helpers import charts, markers, report, tariffs  # noqa: E402
from helpers.data import load  # noqa: E402


def test_source_footer_comes_from_the_catalog_with_as_of():
    trade = load("us_china_goods_trade", use_cache=False)
    fig, ax = plt.subplots()
    text = charts.source_footer(fig, [trade, "tariff_events"])
    assert text.startswith("Source: U.S. Census Bureau, Trade in Goods with China")
    assert "(data to 2025-12-01)" in text and "event table" in text
    assert charts.describe(fig)["source"] == text
    plt.close(fig)


def test_show_figure_refuses_a_chart_without_alt_text_or_source():
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="alt_text"):
        report.show_figure(fig)
    charts.set_alt_text(fig, "A line.")
    with pytest.raises(ValueError, match="source_footer"):
        report.show_figure(fig)
    plt.close(fig)


def test_annotate_events_numbers_the_events_inside_the_axes_and_returns_their_key():
    events = tariffs.with_short_labels(load("tariff_events", use_cache=False))
    fig, ax = plt.subplots()
    ax.plot(pd.date_range("2025-01-01", "2025-12-31", freq="MS"), range(12))
    key = markers.annotate_events(ax, events, max_labels=5)
    in_2025 = int((events["date"].dt.year == 2025).sum())
    assert list(key["number"]) == [1, 2, 3, 4, 5] and key.attrs["left_out"] == in_2025 - 5
    assert (key["date"].dt.year == 2025).all() and key["date"].is_monotonic_increasing
    assert sorted(t.get_text() for t in ax.texts) == sorted(key["marker"].unique())
    html = report.event_key_html(key, "soybean steps only")
    assert html.count("<li") == key["marker"].nunique() and "soybean steps only" in html
    assert "not marked" in html
    plt.close(fig)


def test_partners_and_directions_keep_one_colour_everywhere():
    assert charts.colour_for("United States") == charts.colour_for("US, 2017")
    assert charts.colour_for("Brazil, 2021-2024") == charts.PARTNER_COLOURS["Brazil"]
    assert charts.colour_for("China on US (PIIE)") == charts.DIRECTION_COLOURS["China on US"]
    assert charts.colour_for("natural gas") is None
    fig, ax = charts.lines(pd.DataFrame({"Rest of world": [1.0, 2.0], "Brazil": [2.0, 1.0]},
                                        index=pd.date_range("2020-01-01", periods=2, freq="MS")),
                           "t", "y")
    assert [line.get_color() for line in ax.get_lines()] == [
        charts.PARTNER_COLOURS["Rest of world"], charts.PARTNER_COLOURS["Brazil"]]
    plt.close(fig)


def test_chart_data_travels_as_a_csv_with_its_source_line():
    import base64

    frame = pd.DataFrame({"United States": [1.5, None, 3.0]},
                         index=pd.date_range("2025-07-01", periods=3, freq="MS"))
    fig, ax = charts.lines(frame, "US share", "%")
    data = report.chart_data(ax)
    assert list(data.columns) == ["United States [%]"] and data.index[0] == pd.Timestamp("2025-07-01")
    link = report.csv_link(data, "US share", "Source: somewhere.")
    text = base64.b64decode(link.split("base64,")[1].split("'")[0]).decode()
    assert text.splitlines()[:3] == ["# US share", "# Source: somewhere.", "date,United States [%]"]
    assert text.splitlines()[4] == "2025-08-01,"  # a missing month stays empty, never zero
    plt.close(fig)


def test_chart_csv_rounds_to_the_datas_precision_and_names_every_column():
    """SYNTHETIC values: a rate held at one decimal, a computed ratio with a long tail."""
    frame = pd.DataFrame({"rate_pct": [7.5, 25.0, 10.0], "ratio": [1 / 3, 2 / 3, 10 / 7]},
                         index=pd.Index([2018, 2019, 2020], name="year"))
    text = report.chart_csv(frame, "t", "Source: s.")
    assert text.splitlines()[2:5] == ["year,Rate (%),Ratio", "2018,7.5,0.333", "2019,25.0,0.667"]
    with pytest.raises(ValueError, match="name the index"):
        report.chart_csv(frame.set_axis(pd.date_range("2018-01-01", periods=3, freq="YS")),
                         "unnamed", "Source: s.")
    assert report.chart_csv(frame.reset_index(drop=True), "rows", "s").splitlines()[2] == \
        "Rate (%),Ratio"  # row numbers are left out
    fig, ax = plt.subplots()
    ax.bar([1, 2], [3, 4])
    charts.set_alt_text(fig, "bars")
    with pytest.raises(ValueError, match="pass data="):
        report.show_chart(fig, ["tariff_events"], alt="bars")
    plt.close(fig)


def test_the_average_tariff_chart_gives_2025_on_a_panel_of_its_own():
    avg = load("average_tariffs", use_cache=False)
    points = {f"{d} ({p})": tariffs.average_tariff_points(avg, p, key)
              for p in ("PIIE", "CRS") for d, key in [("US on China", "us_on_china"),
                                                      ("China on US", "china_on_us")]}
    fig, main = charts.published_points(points, "t", "2018-01-01", "2026-09-30", "2025-01-01", "%")
    recent = fig.axes[1]
    lo, hi = (plt.matplotlib.dates.num2date(x).replace(tzinfo=None) for x in recent.get_xlim())
    in_2025 = sorted({d for s in points.values() for d in s.index if d >= pd.Timestamp("2025-01-01")})
    assert len(fig.axes) == 2 and lo < in_2025[0] and hi > in_2025[-1]
    assert (in_2025[-1] - in_2025[0]) / (hi - lo) > 0.5  # the recent points span the panel
    assert main.get_xlim()[1] <= recent.get_xlim()[0] + 40  # the panels overlap by their margins
    plt.close(fig)


def test_save_writes_png_and_svg(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([1, 2])
    written = charts.save(fig, tmp_path / "slide.png")
    assert [p.suffix for p in written] == [".png", ".svg"] and all(p.stat().st_size for p in written)
    plt.close(fig)


def test_coverage_chart_colours_more_datasets_than_the_palette_holds():
    """SYNTHETIC coverage rows: twelve datasets, one series each."""
    cov = pd.DataFrame({"dataset": [f"ds{i:02d}" for i in range(12)], "series": "s",
                        "start": pd.Timestamp("2020-01-01"), "end": pd.Timestamp("2021-01-01"),
                        "missing": 0})
    fig = charts.coverage_chart(cov)
    assert len(fig.axes[0].patches) == 12


def _phone_variant_of_a_synthetic_chart():
    """SYNTHETIC lines (no data): a long title, end labels, a zoom panel and a source line."""
    frame = pd.DataFrame({"first synthetic line": range(40), "second synthetic line": range(40, 0, -1)},
                         index=pd.date_range("2020-01-01", periods=40, freq="MS"), dtype=float)
    fig, ax = charts.lines(frame, "A synthetic title long enough to need two lines on a phone",
                           "synthetic units")
    charts.add_zoom(fig, frame, "2022-06-01", "recent months")
    charts.source_footer(fig, ["tariff_events"], note="Synthetic chart for a test.")
    return fig


def test_the_phone_variant_keeps_every_text_at_least_nine_css_px_on_a_390px_screen():
    import io

    from PIL import Image

    from helpers import chart_stanza, narrow

    charts.use_house_style()
    fig = _phone_variant_of_a_synthetic_chart()
    data, text_px = chart_stanza.phone_png(fig)
    width, height = Image.open(io.BytesIO(data)).size
    assert width <= (narrow.WIDTH_IN + 0.3) * narrow.DPI and height > width  # narrow and taller
    smallest = narrow.smallest_text_pt(fig)
    assert text_px == pytest.approx(smallest * narrow.DPI / 72)
    assert narrow.text_css_px(smallest, narrow.DPI, width) >= narrow.MIN_TEXT_CSS_PX
    ax = fig.axes[0]
    assert len([t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]) <= 6
    assert not any(t.get_visible() for t in ax.texts if "synthetic line" in t.get_text())
    assert sorted(t.get_text() for t in fig.legends[0].get_texts()) == [
        "first synthetic line", "second synthetic line"]  # end labels became a key below
    assert all(a.get_position().x1 <= 1 for a in fig.axes)
    plt.close(fig)
    desktop = _phone_variant_of_a_synthetic_chart()
    shown = report.png_bytes(desktop)  # the desktop image shrunk onto a phone: too small
    assert narrow.text_css_px(narrow.smallest_text_pt(desktop), 110,
                              Image.open(io.BytesIO(shown)).size[0]) < narrow.MIN_TEXT_CSS_PX
    plt.close(desktop)


def _overlapping(boxes) -> list:
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1]


def test_events_days_apart_share_a_marker_and_no_marker_covers_another():
    """SYNTHETIC events (dates and labels made up for the test) on a two-year axis."""
    events = pd.DataFrame({"date": pd.to_datetime(["2025-03-04", "2025-03-05", "2025-03-20",
                                                   "2025-03-27", "2025-04-03", "2025-04-10"]),
                           "actor": ["US", "US", "China", "US", "China", "US+China"],
                           "short_label": [f"synthetic event {i}" for i in range(1, 7)]})
    fig, ax = plt.subplots()
    ax.plot(pd.date_range("2024-06-01", "2026-06-01", freq="MS"), range(25))
    key = markers.annotate_events(ax, events)
    assert list(key["marker"]) == ["1-2", "1-2", "3", "4", "5", "6"]
    markers.tidy(fig)
    fig.canvas.draw()
    boxes = [t.get_bbox_patch().get_window_extent() for t in ax.texts]
    assert len(boxes) == 5 and not _overlapping(boxes)
    html = report.event_key_html(key)
    assert html.count("<li") == 5 and "<b class='tw-mark'>1-2</b> 04 Mar 2025: synthetic event 1; " \
        "05 Mar 2025: synthetic event 2</li>" in html
    assert all(word in html for word in ("US measure", "China's measure", "both sides"))
    plt.close(fig)


def test_end_labels_and_zoom_month_labels_never_touch():
    """SYNTHETIC lines ending at almost the same value, and a two-year zoom panel."""
    charts.use_house_style()
    index = pd.date_range("2023-01-01", "2025-12-01", freq="MS")
    frame = pd.DataFrame({f"synthetic line {i}": np.linspace(20.0 * i, 100.0 + 0.3 * i, len(index))
                          for i in range(4)}, index=index)
    fig, ax = charts.lines(frame, "synthetic", "units")
    zoom = charts.add_zoom(fig, frame, "2024-01-01", "zoom")
    markers.tidy(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    labels = [Text.get_window_extent(t, renderer) for t in ax.texts]
    assert len(labels) == 4 and not _overlapping(labels)
    ticks = sorted((t.get_window_extent(renderer) for t in zoom.get_xticklabels() if t.get_text()),
                   key=lambda box: box.x0)
    assert len(ticks) >= 2 and all(b.x0 - a.x1 >= 0.8 * a.height  # an em apart: never run together
                                   for a, b in zip(ticks, ticks[1:], strict=False))
    assert all(len(t.get_text()) <= 4 for t in zoom.get_xticklabels())  # '2025', 'Apr'
    plt.close(fig)
