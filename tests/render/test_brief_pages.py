"""What a brief's reader sees: event keys in whole phrases, years without separators, small
chart images, and every built brief within its size budget."""

from __future__ import annotations

import base64
import io

import matplotlib.pyplot as plt
import pandas as pd
from PIL import Image

from helpers import charts, report
from helpers.briefs.publish import PAGE_WEIGHT_TARGET
from helpers.data import load


def test_event_key_labels_are_whole_phrases():
    assert charts.key_label("List 1: 25% additional duty; 545 lines incl. soybeans") == \
        "List 1: 25% additional duty"
    assert charts.key_label("Tariff truce extended 90 days to 2025-11-10 (24pp kept on both "
                            "sides; talks July 28-29); later notes") == \
        "Tariff truce extended 90 days to 2025-11-10 (24pp kept on both sides; talks July 28-29)"
    assert charts.key_label("Department of Defense adds 65 entities, incl. Alibaba, to its "
                            "list. Second sentence") == \
        "Department of Defense adds 65 entities, incl. Alibaba, to its list"
    long_head = "Market-based exclusion process reported closed to new applications"
    assert charts.key_label(f"{long_head}: details follow") == long_head
    for measure in load("tariff_events")["measure"]:
        label = charts.key_label(measure)
        assert label and label.count("(") == label.count(")"), measure
        assert len(label) <= charts.KEY_LABEL_CHARS or "," not in label, measure


def test_year_like_columns_print_without_separators():
    frame = pd.DataFrame({"period": [2005, 2024], "marketing_year": [2016, 2017],
                          "quantity_t": [1711507, 2]})
    html = report.table_html(frame)
    assert ">2005<" in html and ">2016<" in html and ">1,711,507<" in html
    assert "2,005" not in html and "2,016" not in html


def test_charts_are_embedded_as_small_palette_pngs():
    fig, ax = plt.subplots()
    ax.plot(range(10), [x * x for x in range(10)], label="synthetic")
    ax.fill_between(range(10), 0, 50, alpha=0.3)
    data = report.png_bytes(fig)
    plt.close(fig)
    image = Image.open(io.BytesIO(data))
    assert image.mode == "P" and len(image.getcolors(256)) <= report.PNG_COLOURS
    full = io.BytesIO()
    fig.savefig(full, format="png", bbox_inches="tight")
    assert len(data) < 0.6 * len(full.getvalue())


def test_every_built_brief_stays_within_its_size_budget(built_briefs):
    reports = built_briefs["reports"]
    sizes = {p.stem: p.stat().st_size for p in reports.glob("*.html") if p.name != "index.html"}
    assert set(sizes) == set(built_briefs["outcomes"])
    over = {name: size for name, size in sizes.items() if size > PAGE_WEIGHT_TARGET}
    assert not over, f"briefs over {PAGE_WEIGHT_TARGET:,} bytes: {over}"
    page = (reports / "03_soybean_collapse.html").read_text()
    first_png = page.split("data:image/png;base64,", 1)[1].split('"', 1)[0]
    assert Image.open(io.BytesIO(base64.b64decode(first_png))).mode == "P"
