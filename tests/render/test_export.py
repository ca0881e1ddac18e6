"""Taking a brief's data away: the workbook of key figures and chart data, and the PDF."""

from __future__ import annotations

import os
import shutil

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from helpers import export, report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def synthetic_executed_notebook():
    """SYNTHETIC: an executed notebook holding one key figure and two charts' data."""
    brief = report.Brief(title="Synthetic brief", takeaway="A made-up takeaway for a test.")
    brief.add("Synthetic figure", 1234.5, "USD bn", "2025", ["synthetic"], key="synthetic")
    frame = pd.DataFrame({"United States": [1.0, None]},
                         index=pd.to_datetime(["2025-01-01", "2025-02-01"]))
    frame.index.name = "date"
    charts = [{"title": title, "source": "Source: synthetic.",
               "csv": report.chart_csv(frame, title, "Source: synthetic.")}
              for title in ("Share: by month [value]", "Share: by month [value]")]
    outputs = [new_output("display_data", data={report.FIGURES_MIME: brief.payload()})]
    outputs += [new_output("display_data", data={report.CHART_MIME: c}) for c in charts]
    return nbformat.from_dict(new_notebook(cells=[new_code_cell("", outputs=outputs)]))


def test_workbook_has_key_figures_and_one_sheet_per_chart(tmp_path):
    path = export.write_workbook(synthetic_executed_notebook(), tmp_path / "brief.xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets)[0] == "Key figures" and list(sheets)[-1] == "Notes" and len(sheets) == 4
    assert len(set(sheets)) == 4 and all(len(name) <= 31 for name in sheets)
    figures = sheets["Key figures"]
    assert list(figures.columns)[:5] == ["Figure", "Value", "Unit", "Period", "Note"]
    assert figures.loc[0, "Figure"] == "Synthetic figure" and figures.loc[0, "Value"] == 1234.5
    notes = sheets["Notes"]
    assert notes.loc[1, "Source or note"] == "Source: synthetic."
    data = list(sheets.values())[1]
    assert list(data.columns) == ["date", "United States"] and pd.isna(data.loc[1, "United States"])
    assert pd.api.types.is_datetime64_any_dtype(data["date"])  # dates as dates, not text


def test_workbook_rounds_as_printed_freezes_headers_and_names_sheets_at_word_ends(tmp_path):
    from openpyxl import load_workbook

    nb = synthetic_executed_notebook()
    figures = nb.cells[0].outputs[0]["data"][report.FIGURES_MIME]["figures"]
    figures[0]["value"], figures[0]["decimals"] = 12.3456, 2
    chart = nb.cells[0].outputs[1]["data"][report.CHART_MIME]
    chart["title"] = "China's soybean imports from the United States by month"
    path = export.write_workbook(nb, tmp_path / "brief.xlsx")
    book = load_workbook(path)
    assert book["Key figures"]["B2"].value == 12.35
    assert all(book[name].freeze_panes == "A2" for name in book.sheetnames)
    long_name = book.sheetnames[1]
    assert chart["title"].startswith(long_name) and chart["title"][len(long_name)] == " "
    assert book.properties.title == "Synthetic brief"


def test_pdf_holds_the_takeaway(tmp_path):
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium")
        pytest.skip("chromium is not installed")
    from pypdf import PdfReader

    page = tmp_path / "brief.html"
    page.write_text("<html><body><h1>Synthetic</h1><p class='tw-takeaway'>A made-up takeaway "
                    "for a test.</p><img src='http://example.invalid/x.png'></body></html>")
    pdf = export.write_pdf(page, tmp_path / "brief.pdf", paper="Letter")
    reader = PdfReader(pdf)
    assert len(reader.pages) > 0
    assert "A made-up takeaway" in reader.pages[0].extract_text()
    with pytest.raises(ValueError, match="paper"):
        export.write_pdf(page, tmp_path / "x.pdf", paper="A3")


def _normal(text: str) -> str:
    """Text as a PDF's extractor gives it back, compared loosely: ligatures (ﬃ) unfolded, a
    line broken after a hyphen joined again, every run of whitespace one space."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text).replace("-\n", "-")  # a line broken at a hyphen
    return " ".join(text.split())


def test_every_built_brief_prints_to_a_pdf_with_its_takeaway_and_whole_charts(
        built_briefs, monkeypatch):
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium")
        pytest.skip("chromium is not installed")
    import hashlib
    import json

    from pypdf import PdfReader

    from helpers import briefs

    reports = built_briefs["reports"]
    monkeypatch.setenv("TRADEWATCH_REPORTS_DIR", str(reports))
    outcomes = briefs.build(progress=False, pdf="A4")  # nothing changed: prints the PDFs only
    assert {o.status for o in outcomes} == {"cached"}
    for o in outcomes:
        reader = PdfReader(reports / f"{o.name}.pdf")
        assert len(reader.pages) > 0
        text = _normal(" ".join(page.extract_text() for page in reader.pages))
        takeaway = json.loads((reports / f"{o.name}.figures.json").read_text())["takeaway"]
        assert _normal(takeaway) in text, o.name
        assert "data vintages, parameters, revision" in text, o.name  # as-of block opened
        pages_of = {}
        for number, page in enumerate(reader.pages):
            for image in page.images:
                pages_of.setdefault(hashlib.sha256(image.data).hexdigest(), set()).add(number)
        assert pages_of, f"{o.name}: no chart in the PDF"
        assert all(len(p) == 1 for p in pages_of.values()), f"{o.name}: a chart split across pages"
    index = (reports / "index.html").read_text()
    assert all(f'href="{o.name}.pdf"' in index for o in outcomes)


def test_every_built_brief_has_its_workbook(built_briefs):
    import nbformat

    from helpers.contract import chart_records

    reports = built_briefs["reports"]
    for name, outcome in built_briefs["outcomes"].items():
        assert outcome.status == "built"
        sheets = pd.read_excel(reports / f"{name}.xlsx", sheet_name=None, header=None)
        executed = nbformat.read(reports / "executed" / f"{name}.ipynb", as_version=4)
        assert list(sheets)[0] == "Key figures" and list(sheets)[-1] == "Notes"
        assert len(sheets) == 2 + len(chart_records(executed))
    assert not list(reports.glob(".*.tmp"))
