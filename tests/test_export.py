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
    sheets = pd.read_excel(path, sheet_name=None, header=None)
    assert list(sheets)[0] == "Key figures" and len(sheets) == 3
    assert len(set(sheets)) == 3 and all(len(name) <= 31 for name in sheets)
    figures = pd.read_excel(path, sheet_name="Key figures", skiprows=3)
    assert figures.loc[0, "name"] == "Synthetic figure" and figures.loc[0, "value"] == 1234.5
    chart = list(sheets.values())[1]
    assert chart.iloc[1, 0] == "Source: synthetic."
    data = pd.read_excel(path, sheet_name=list(sheets)[1], skiprows=3)
    assert list(data.columns) == ["date", "United States"] and pd.isna(data.loc[1, "United States"])


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
