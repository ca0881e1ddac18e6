"""House chart helpers: footers from the catalog, alt text, event markers, saving."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import charts, report, tariffs  # noqa: E402
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


def test_annotate_events_draws_only_events_inside_the_axes():
    events = tariffs.with_short_labels(load("tariff_events", use_cache=False))
    fig, ax = plt.subplots()
    ax.plot(pd.date_range("2025-01-01", "2025-12-31", freq="MS"), range(12))
    drawn = charts.annotate_events(ax, events, max_labels=5)
    assert drawn == (events["date"].dt.year == 2025).sum()
    labelled = [t for t in ax.texts if t.get_text().strip()]
    assert len(labelled) == 5
    plt.close(fig)


def test_save_writes_png_and_svg(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([1, 2])
    written = charts.save(fig, tmp_path / "slide.png")
    assert [p.suffix for p in written] == [".png", ".svg"] and all(p.stat().st_size for p in written)
    plt.close(fig)
