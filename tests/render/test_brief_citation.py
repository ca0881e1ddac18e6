"""A brief a reader can cite: a byline with the kit as publisher, its version and the date,
and an APA-style citation with the data vintage (SYNTHETIC notebook and metadata)."""

from __future__ import annotations

from nbformat.v4 import new_markdown_cell, new_notebook

from helpers import briefs


def synthetic_brief(**overrides):
    """SYNTHETIC notebook with the metadata the builder stamps (made-up values)."""
    nb = new_notebook(cells=[new_markdown_cell("# Synthetic brief for tests")])
    nb.metadata["tradewatch_brief"] = {
        "title": "Synthetic brief", "data_to": "2025-10-01", "main_dataset": "synthetic",
        "parameters": {}, "built": "2026-12-03T07:30:00+00:00", "kit": "9.9.9",
        "revision": "abc1234", "data_span": "to Oct 2025", **overrides}
    return nb


def test_a_brief_carries_a_byline_and_an_apa_citation_with_its_data_vintage():
    page = briefs.render_html(synthetic_brief())
    byline = page.index("US–China Trade Watch, version 9.9.9 · brief · 3 December 2026")
    assert byline < page.index("<h1")
    assert ("US–China Trade Watch. (2026, December 3). <i>Synthetic brief</i>\n(Version 9.9.9) "
            "[Brief; main data to Oct 2025].") in page
    assert "CITATION.cff" not in page and "the notebook's defaults" in page
    assert "main data (synthetic)\nto Oct 2025" in page  # the source line names the dataset


def test_a_variant_names_its_parameters_and_an_undated_build_says_no_date():
    page = briefs.render_html(synthetic_brief(parameters={"start": "2015-01"}, built=""))
    assert "(n.d.)" in page and "start = 2015-01" in page
