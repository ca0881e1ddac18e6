"""The index page leads with where things stand now, says 'first build' once, and shows the
instructor edition as such (SYNTHETIC brief states and figures, made-up values)."""

from __future__ import annotations

import json

from helpers import briefs
from tests.unit.test_index_lead import lead_payloads


def write_states(reports, payloads, previous=None) -> None:
    """SYNTHETIC build states: one per brief, each with an empty page so it counts as built."""
    (reports / ".cache").mkdir(parents=True)
    for name, payload in payloads.items():
        payload = {"title": f"Synthetic {name}", "takeaway": "A made-up line.", **payload}
        (reports / f"{name}.html").write_text("<html></html>")
        state = {"status": "ok", "payload": payload, "previous": previous}
        (reports / ".cache" / f"{name}.json").write_text(json.dumps(state))


def test_the_index_leads_with_the_figures_that_stand_now(tmp_path):
    reports = tmp_path / "reports"
    write_states(reports, lead_payloads())
    page = briefs.write_index(reports).read_text()
    lead = page.index("Now stands at")
    assert lead < page.index("The story so far") < page.index("The briefs, in reading order")
    assert "Section 301 List 3: <b class=\"value\">45%</b>" in page
    assert "<b class=\"value\">none</b> <span class=\"date\">(Nov 2025)</span>" in page
    assert "(to 27 Aug 2026)" in page and "99 Mt" not in page  # the variant never leads
    assert page.count("First build of") == 1 and "First build of these briefs" in page
    assert "instructor edition" not in page.lower()


def test_the_lead_leaves_out_a_missing_figure_and_the_instructor_index_says_what_it_is(tmp_path):
    payloads = lead_payloads()
    del payloads["05_outlook"]
    reports = tmp_path / "reports" / "instructor"
    write_states(reports, payloads, previous={"figures": [], "built": "2026-01-01T00:00:00"})
    page = briefs.write_index(reports).read_text()
    assert "US export sales of 2025/26" not in page and "China&#39;s tariff on US soybeans:" in page
    assert "<title>US–China Trade Watch: briefs, instructor edition</title>" in page
    assert "class=\"edition\">Instructor edition" in page
    assert "<a href=\"../index.html\">policy edition</a>" in page
    assert "First build of" not in page  # every brief has a previous build


def test_nothing_moved_is_said_once_and_what_moved_under_its_brief(tmp_path):
    """SYNTHETIC: every brief's previous build held the same figures but one, revised."""
    payloads = lead_payloads()
    reports = tmp_path / "reports"
    (reports / ".cache").mkdir(parents=True)
    for name, payload in payloads.items():
        payload = {"title": f"Synthetic {name}", "takeaway": "A made-up line.", **payload}
        previous = json.loads(json.dumps({**payload, "built": "2026-01-01T00:00:00"}))
        if name == "02_decoupling":
            previous["figures"][0]["value"] = 1.0  # a revision since the build before
        (reports / f"{name}.html").write_text("<html></html>")
        state = {"status": "ok", "payload": payload, "previous": previous}
        (reports / ".cache" / f"{name}.json").write_text(json.dumps(state))
    page = briefs.write_index(reports).read_text()
    assert page.count("Nothing moved") == 1 and "First build of" not in page
    line = page[page.index("Nothing moved"):].split("</p>")[0]
    assert "Synthetic 01_tariff_timeline" in line and "Synthetic 02_decoupling" not in line
    assert page.count("Since the build of 2026-01-01") == 1


def test_the_built_index_dates_every_sentence_and_writes_none_for_zero(built_briefs):
    import re

    page = (built_briefs["reports"] / "index.html").read_text(encoding="utf-8")
    overview = page[page.index('<section class="overview">'):page.index("</section>",
                                                                     page.index('class="overview"'))]
    sentences = [re.sub(r"<[^>]+>", "", s).strip()
                 for p in re.findall(r"<p>(.*?)</p>", overview, re.S)
                 for s in re.split(r'<a class="src"[^>]*>\[\d\d\]</a>', p) if s.strip()]
    assert len(sentences) >= 6, sentences
    undated = [s for s in sentences if not re.search(r"\b(?:19|20)\d{2}\b", s)]
    assert not undated, f"overview sentences without the date of their figure: {undated}"
    assert not re.search(r"(?<![\d.,])0(?:\.0+)? (?:kg|t|Mt|thousand t)\b", page)
    assert page.count("First build of") + page.count("Nothing moved") <= 1
