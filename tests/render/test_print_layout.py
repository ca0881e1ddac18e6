"""Printed briefs read cleanly: in Chromium's print layout on the narrower paper (A4) no table
header is split inside a word ('Valu / e'; a compound may break after its hyphen), no date or
period in a table is split ('2025- / 09') once the kit's tables mark them
(``helpers.typeset``), no table is wider than the page; the printed PDF never says 'data to
n/a'."""

from __future__ import annotations

import os
import re
import shutil

import pandas as pd
import pytest

from helpers import export, report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# A4's width less the PDF's side margins (210 mm - 2 x 12 mm), in CSS px (96 per inch).
A4_CONTENT_PX = round((210 - 2 * 12) / 25.4 * 96)
# Per visible table: its width against the body's; per header word, date or period: how many
# lines it takes. A word's lines are counted from its range's boxes (distinct tops).
LAYOUT = r"""
(datePattern) => {
  const date = new RegExp(datePattern, "g");
  const lines = (node, start, end) => {
    const range = document.createRange(); range.setStart(node, start); range.setEnd(node, end);
    return new Set([...range.getClientRects()].filter(r => r.width > 0)
                   .map(r => Math.round(r.top))).size;
  };
  const body = document.body.getBoundingClientRect().width;
  const found = {wide: [], header: [], date: []};
  for (const table of document.querySelectorAll("table")) {
    if (table.offsetParent === null) continue;
    const width = table.getBoundingClientRect().width;
    if (width > body + 1) found.wide.push(`${Math.round(width)} px: ${table.rows[0].innerText.slice(0, 60)}`);
  }
  for (const cell of document.querySelectorAll("th, td")) {
    if (cell.offsetParent === null) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      if (cell.tagName === "TH")
        for (const m of text.matchAll(/[^\s-]+/g))  // a break after a hyphen is a line break
          if (lines(node, m.index, m.index + m[0].length) > 1) found.header.push(m[0]);
      for (const m of text.matchAll(date))
        if (lines(node, m.index, m.index + m[0].length) > 1) found.date.push(m[0]);
    }
  }
  return found;
}
"""


def _need_chromium() -> None:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium")
        pytest.skip("chromium is not installed")


def _dates_kept_whole() -> bool:
    """Whether the kit's tables mark their dates and periods for the stylesheet to keep whole."""
    return "tw-nobr" in report.table_html(pd.DataFrame({"period": ["2018-2019"]}))


def print_layout(html_paths) -> dict[str, dict]:
    """Each page laid out as Chromium prints it on A4 (print media, A4's content width, the
    as-of block opened as ``export.write_pdfs`` opens it): tables wider than the page, split
    header words, split dates and periods."""
    from playwright.sync_api import sync_playwright

    from helpers.typeset import WHOLE

    found = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=export.chromium(), args=export.CHROMIUM_FLAGS)
        try:
            for path in html_paths:
                page = browser.new_page(viewport={"width": A4_CONTENT_PX, "height": 1000})
                page.route("**/*", lambda route: route.continue_()
                           if route.request.url.startswith(("file:", "data:")) else route.abort())
                page.goto(path.resolve().as_uri(), wait_until="load")
                page.evaluate("document.querySelectorAll('details.tw-asof-box')"
                              ".forEach(d => d.open = true)")
                page.emulate_media(media="print")
                found[path.name] = page.evaluate(LAYOUT, WHOLE.pattern.replace("(?<![\\w-])", "")
                                                 .replace("(?![\\w-])", ""))
                page.close()
        finally:
            browser.close()
    return found


def test_the_layout_check_finds_split_headers_split_dates_and_wide_tables(tmp_path):
    """SYNTHETIC page: a header and a date squeezed into one letter's width, and a table wider
    than the page; then the same page laid out well."""
    _need_chromium()
    squeezed = "style='width:1ch;max-width:1ch;overflow-wrap:anywhere'"
    bad = (f"<html><body><table style='width:4ch'><tr><th {squeezed}>Value</th><td {squeezed}>"
           "2025-09-18</td></tr></table><table style='width:1200px'><tr><td>x</td></tr></table>"
           "</body></html>")
    good = "<html><body><table><tr><th>Value</th><td>2025-09-18</td></tr></table></body></html>"
    (tmp_path / "bad.html").write_text(bad)
    (tmp_path / "good.html").write_text(good)
    found = print_layout([tmp_path / "bad.html", tmp_path / "good.html"])
    assert found["bad.html"]["header"] == ["Value"] and found["bad.html"]["date"] == ["2025-09-18"]
    assert len(found["bad.html"]["wide"]) == 1
    assert found["good.html"] == {"wide": [], "header": [], "date": []}


def test_every_brief_prints_whole_headers_and_dates_in_tables_that_fit_the_page(built_briefs):
    _need_chromium()
    pages = sorted(built_briefs["reports"].glob("0*.html"))
    assert pages, "no brief was built"
    found = print_layout(pages)
    wide = {name: f["wide"] for name, f in found.items() if f["wide"]}
    headers = {name: f["header"] for name, f in found.items() if f["header"]}
    assert not wide, f"tables wider than an A4 page: {wide}"
    assert not headers, f"table headers split inside a word when printed: {headers}"
    if _dates_kept_whole():
        dates = {name: f["date"] for name, f in found.items() if f["date"]}
        assert not dates, f"dates or periods split across lines when printed: {dates}"


def test_no_printed_brief_says_data_to_na(built_briefs, tmp_path):
    _need_chromium()
    from pypdf import PdfReader

    pages = sorted(built_briefs["reports"].glob("0*.html"))
    pdfs = export.write_pdfs([(p, tmp_path / f"{p.stem}.pdf") for p in pages], "A4")
    for pdf in pdfs:
        text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
        assert not re.search(r"to n/a|\(n/a\)|main data n/a", text), pdf.name


def test_a_brief_without_dated_data_never_says_data_to_na():
    """SYNTHETIC brief stamp: no main dataset and no data span known."""
    import nbformat
    from nbformat.v4 import new_markdown_cell, new_notebook

    from helpers import briefs

    nb = new_notebook(cells=[new_markdown_cell("# Synthetic brief")])
    nb.metadata["tradewatch_brief"] = {"title": "Synthetic brief", "kit": "0.0.0",
                                       "built": "2026-01-02T00:00:00", "revision": "abc1234",
                                       "data_span": "to n/a", "main_dataset": None,
                                       "parameters": {}}
    page = briefs.render_html(nbformat.from_dict(nb))
    footer = page[page.index('class="tw-cite-line"'):]
    assert "[Brief]" in footer and "built 2 January 2026" in footer
    assert "n/a" not in footer
