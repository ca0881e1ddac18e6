"""Every brief opens in headless Chromium with the network blocked: no external or failed
request, no console error, every image decoded, headings and the key-figures table present,
the page titled from its notebook, every chart's event key whole, every chart's CSV
downloadable from the page; screenshots at 1100 px and at a phone's 390 px for review."""

from __future__ import annotations

import base64
import csv
import io
import os
import re
import shutil

import nbformat
import pandas as pd
import pytest

from helpers import charts, narrow, paths
from helpers.data import load

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DESKTOP, PHONE = 1100, 390
KEY_DATE = re.compile(r"(?:^|; )(\d{2} [A-Z][a-z]{2} \d{4}): ")
DANGLING = re.compile(r"(\b(of|on|to|the|a|an|and|or|for|in|by|with|from|USD)|[,;:(])$")


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    """Screenshots go to a scratch folder, never into the project's reports/; each saved
    file's path is printed in the test run's output for review."""
    return tmp_path_factory.mktemp("screenshots")


def _open(browser, url: str, width: int = DESKTOP):
    page = browser.new_page(viewport={"width": width, "height": 900})
    external, failed, errors = [], [], []

    def gate(route):
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    page.route("**/*", gate)
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="load")
    return page, external, failed, errors


def _built(built_briefs) -> list[str]:
    names = [n for n, o in built_briefs["outcomes"].items() if o.status == "built"]
    assert names
    return names


def _first_heading(name: str) -> str:
    nb = nbformat.read(paths.notebooks_dir() / f"{name}.ipynb", as_version=4)
    return next(c.source.split("\n")[0][2:].strip() for c in nb.cells
                if c.cell_type == "markdown" and c.source.startswith("# "))


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "chart"


def _save(page, shots, name: str, width: int, capsys) -> None:
    path = shots / f"{name}-{width}px.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 0
    with capsys.disabled():
        print(f"\nscreenshot: {path}")


def test_every_brief_renders_offline_in_chromium(built_briefs, browser, shots, capsys):
    reports = built_briefs["reports"]
    for name in _built(built_briefs):
        page, external, failed, errors = _open(browser, (reports / f"{name}.html").as_uri())
        assert external == [] and failed == [] and errors == [], name
        images = page.evaluate("Array.from(document.images).map(i => "
                               "[i.complete && i.naturalWidth > 0 && i.naturalHeight > 0, i.alt])")
        assert images, f"{name} has no chart"
        assert all(ok for ok, _ in images), f"{name}: an image did not decode"
        assert all(alt and "no description" not in alt for _, alt in images), name
        assert page.locator("h1").count() == 1
        assert page.title() == _first_heading(name)
        assert page.locator("table.tw-figures tbody tr").count() >= 1
        assert page.locator(".tw-asof").count() == 1
        _save(page, shots, name, DESKTOP, capsys)
        page.close()


def test_every_event_key_sits_under_its_chart_with_whole_labels(built_briefs, browser):
    reports = built_briefs["reports"]
    whole = set(load("tariff_events")["measure"].map(charts.key_label))
    keyed = {}
    for name in _built(built_briefs):
        page, *_ = _open(browser, (reports / f"{name}.html").as_uri())
        keys = page.evaluate("""Array.from(document.querySelectorAll('ol.tw-event-key')).map(ol => {
            const all = Array.from(document.querySelectorAll('img, ol.tw-event-key'));
            const before = all.slice(0, all.indexOf(ol)).pop();
            return {after_chart: !!before && before.tagName === 'IMG',
                    items: Array.from(ol.querySelectorAll('li')).map(
                        li => [Number(li.getAttribute('value')), li.textContent])};
        })""")
        executed = nbformat.read(reports / "executed" / f"{name}.ipynb", as_version=4)
        drawn = sum("tw-event-key" in out.get("data", {}).get("text/html", "")
                    for cell in executed.cells for out in cell.get("outputs", []))
        assert len(keys) == drawn, f"{name}: a chart's event key did not reach the page"
        for key in keys:
            assert key["after_chart"], f"{name}: an event key is not under a chart"
            numbers = []
            for first, text in key["items"]:  # '5 06 Jul 2018: label' or '5-6 06 Jul ...; 08 Jul ...'
                mark, _, events = text.partition(" ")
                low, _, high = mark.partition("-")
                assert int(low) == first, (name, text)
                numbers += range(first, int(high or low) + 1)
                labels = KEY_DATE.split(events)[2::2]
                assert len(labels) == int(high or low) - first + 1, (name, text)
                for label in labels:
                    assert label in whole, f"{name}: {label!r} is not an event's whole label"
                    assert not DANGLING.search(label), f"{name}: {label!r} is cut short"
            assert numbers == list(range(numbers[0], numbers[0] + len(numbers))), name
        keyed[name] = len(keys)
        page.close()
    assert keyed.get("01_tariff_timeline") and keyed.get("03_soybean_collapse"), keyed


def test_every_chart_csv_link_decodes_to_its_data(built_briefs, browser):
    """One CSV link per chart image in every brief (the data tour included); each CSV opens
    with its title and source line, every numeric column's header names its unit ('[%]',
    '(USD bn)'), no column is called 'x', and numbers carry at most six decimals."""
    reports = built_briefs["reports"]
    links = 0
    for name in _built(built_briefs):
        page, *_ = _open(browser, (reports / f"{name}.html").as_uri())
        images = page.evaluate("document.images.length")
        csvs = page.locator("a.tw-csv").count()
        assert csvs == images, f"{name}: {images} charts but {csvs} CSV links"
        for href, download in page.eval_on_selector_all(
                "a.tw-csv", "els => els.map(e => [e.getAttribute('href'), "
                            "e.getAttribute('download')])"):
            prefix = "data:text/csv;charset=utf-8;base64,"
            assert href.startswith(prefix), name
            lines = base64.b64decode(href[len(prefix):]).decode("utf-8").splitlines()
            title, source, header = lines[0], lines[1], lines[2]
            assert title.startswith("# ") and title != "# chart", (name, title)
            assert download == f"{_slug(title[2:])}.csv", name
            assert source.startswith("# Source: "), (name, source)
            columns = next(csv.reader([header]))
            assert all(columns) and not header.startswith("#"), (name, header)
            data = pd.read_csv(io.StringIO("\n".join(lines[2:])))
            assert len(data) > 0 and list(data.columns) == columns, (name, title)
            assert "x" not in [c.strip().lower() for c in columns], (name, title)
            for col in columns[1:]:
                if pd.api.types.is_numeric_dtype(data[col]) and data[col].dtype != bool:
                    assert re.search(r"\[.+\]|\(.+\)", col), f"{name}: {col!r} names no unit"
            assert not re.search(r"\.\d{7,}", "\n".join(lines[2:])), (name, title)
            links += 1
        page.close()
    assert links >= 5


CHART_TEXT = """Array.from(document.images).map(img => {
    const pic = img.closest('picture'), source = pic && pic.querySelector('source');
    return {narrow: !!source && img.currentSrc === source.getAttribute('srcset')
                    && img.currentSrc !== img.src,
            text_px: pic ? Number(pic.dataset.textPx) : 0,
            shown: img.getBoundingClientRect().width, natural: img.naturalWidth};
})"""
TABLES = """Array.from(document.querySelectorAll('table')).map(t => {
    const box = t.getBoundingClientRect(), style = getComputedStyle(t);
    return {right: box.right, left: box.left, wide: t.scrollWidth > t.clientWidth + 1,
            scrolls: ['auto', 'scroll'].includes(style.overflowX),
            cue: style.backgroundImage.includes('gradient')};
})"""


def test_every_brief_fits_a_phone_screen(built_briefs, browser, shots, capsys):
    """At 390 px: every chart is its phone variant with text of at least
    ``narrow.MIN_TEXT_CSS_PX`` as shown (the phone image's smallest text, in image pixels,
    scaled by its shown over its natural width), and every table fits the screen or scrolls
    in its own box with the edge shadow as its cue; the page never scrolls sideways."""
    reports = built_briefs["reports"]
    for name in _built(built_briefs):
        page, external, failed, errors = _open(browser, (reports / f"{name}.html").as_uri(), PHONE)
        assert external == [] and failed == [] and errors == [], name
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE, f"{name} scrolls sideways on a phone ({width} px)"
        charts_shown = page.evaluate(CHART_TEXT)
        assert charts_shown, name
        for i, chart in enumerate(charts_shown, 1):
            assert chart["narrow"], f"{name}: chart {i} is not its phone variant at {PHONE} px"
            css_px = chart["text_px"] * chart["shown"] / chart["natural"]
            assert css_px >= narrow.MIN_TEXT_CSS_PX, f"{name}: chart {i} text {css_px:.1f} CSS px"
        for i, table in enumerate(page.evaluate(TABLES), 1):
            assert table["left"] >= 0 and table["right"] <= PHONE, f"{name}: table {i} overflows"
            assert not table["wide"] or (table["scrolls"] and table["cue"]), (name, i, table)
        _save(page, shots, name, PHONE, capsys)
        page.close()


def test_the_desktop_page_shows_the_desktop_charts(built_briefs, browser):
    reports = built_briefs["reports"]
    for name in _built(built_briefs):
        page, *_ = _open(browser, (reports / f"{name}.html").as_uri(), DESKTOP)
        assert not any(c["narrow"] for c in page.evaluate(CHART_TEXT)), name
        page.close()


def test_index_links_every_brief_and_tells_the_story(built_briefs, browser, shots, capsys):
    reports = built_briefs["reports"]
    page, external, failed, errors = _open(browser, (reports / "index.html").as_uri())
    assert external == [] and failed == [] and errors == []
    hrefs = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    for name in built_briefs["outcomes"]:
        assert f"{name}.html" in hrefs and f"{name}.xlsx" in hrefs
    assert page.locator(".overview p").count() == 2
    _save(page, shots, "index", DESKTOP, capsys)
    page.close()
