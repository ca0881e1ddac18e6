"""The brief builder: caching, parameters, failures that keep the last good brief, locking."""

from __future__ import annotations

import json
import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers import briefs


def synthetic_notebook(path, value_expr="41 + 1", extra=""):
    """SYNTHETIC test notebook: a title, a parameters cell, one key figure, no real data."""
    nb = new_notebook(cells=[
        new_markdown_cell("# Synthetic brief for tests"),
        new_code_cell("factor = 1", metadata={"tags": ["parameters"]}),
        new_code_cell("from helpers import report\n"
                      "b = report.Brief(title='Synthetic brief', takeaway='A made-up number.')\n"
                      f"b.add('answer', ({value_expr}) * factor, 'units', 'none', ['synthetic'],"
                      " key='answer')\n"
                      "b.show()"),
        new_code_cell(extra or "print('REMOVED-CELL-' + 'MARKER')", metadata={"tags": ["remove-cell"]}),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)


@pytest.fixture
def scratch(brief_dirs):
    notebooks, reports = brief_dirs
    synthetic_notebook(notebooks / "01_alpha.ipynb")
    synthetic_notebook(notebooks / "02_beta.ipynb", "2 * 21")
    return notebooks, reports


def _status(outcomes):
    return {o.name: o.status for o in outcomes}


def test_unchanged_notebooks_are_skipped_and_changes_rebuild_only_what_changed(scratch):
    notebooks, reports = scratch
    assert _status(briefs.build(progress=False)) == {"01_alpha": "built", "02_beta": "built"}
    assert _status(briefs.build(progress=False)) == {"01_alpha": "cached", "02_beta": "cached"}
    synthetic_notebook(notebooks / "02_beta.ipynb", "6 * 7")
    assert _status(briefs.build(progress=False)) == {"01_alpha": "cached", "02_beta": "built"}
    assert _status(briefs.build(force=True, progress=False)) == {"01_alpha": "built",
                                                                  "02_beta": "built"}


def test_a_prose_edit_re_renders_without_running_the_notebook(scratch):
    notebooks, reports = scratch
    briefs.build(progress=False)
    nb = nbformat.read(notebooks / "01_alpha.ipynb", as_version=4)
    nb.cells[0].source = "# Synthetic brief for tests, retitled\n\nA new paragraph of prose."
    nb.cells.insert(3, nbformat.v4.new_markdown_cell("## A new section heading"))
    nbformat.write(nb, notebooks / "01_alpha.ipynb")
    outcomes = {o.name: o for o in briefs.build(progress=False)}
    assert outcomes["01_alpha"].status == "rendered" and outcomes["02_beta"].status == "cached"
    page = (reports / "01_alpha.html").read_text()
    assert "A new paragraph of prose." in page and "A new section heading" in page
    payload = json.loads((reports / "01_alpha.figures.json").read_text())
    assert payload["figures"][0]["value"] == 42  # the stored outputs, not a new run
    nb.cells[2].source = nb.cells[2].source.replace("* factor", "* factor * 2")
    nbformat.write(nb, notebooks / "01_alpha.ipynb")
    assert _status(briefs.build(progress=False))["01_alpha"] == "built"
    assert json.loads((reports / "01_alpha.figures.json").read_text())["figures"][0][
        "value"] == 84


def counting_notebook(path, counter, value_expr="41 + 1"):
    """SYNTHETIC test notebook with an exercise cell (instructor edition only) whose code
    appends a line to ``counter`` each time a kernel runs it."""
    nb = new_notebook(cells=[
        new_markdown_cell("# Synthetic brief that counts its runs"),
        new_code_cell(f"counter = {str(counter)!r}", metadata={"tags": ["parameters"]}),
        new_code_cell("from helpers import report\n"
                      "with open(counter, 'a') as runs:\n"
                      "    runs.write('ran\\n')\n"
                      "b = report.Brief(title='Synthetic runs', takeaway='A made-up number.')\n"
                      f"b.add('answer', {value_expr}, 'units', 'none', ['synthetic'], key='answer')\n"
                      "b.show()"),
        new_markdown_cell("Synthetic EXERCISE-MARKER for instructors.",
                          metadata={"tags": ["exercise"]}),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)


def test_switching_edition_reuses_the_executed_notebook_instead_of_running_it(brief_dirs,
                                                                              tmp_path):
    notebooks, reports = brief_dirs
    counter = tmp_path / "runs.txt"
    counting_notebook(notebooks / "01_runs.ipynb", counter)

    def runs():
        return len(counter.read_text().splitlines())

    assert _status(briefs.build(progress=False)) == {"01_runs": "built"}
    assert runs() == 1
    assert _status(briefs.build(progress=False, edition="instructor")) == {"01_runs": "rendered"}
    assert runs() == 1  # the policy build's executed notebook served the instructor brief
    instructor = reports / "instructor"
    assert "EXERCISE-MARKER" in (instructor / "01_runs.html").read_text()
    assert "EXERCISE-MARKER" not in (reports / "01_runs.html").read_text()
    assert json.loads((instructor / "01_runs.figures.json").read_text())["figures"][0][
        "value"] == 42
    assert _status(briefs.build(progress=False, edition="instructor")) == {"01_runs": "cached"}

    # new code runs once, in whichever edition builds first; the other edition reuses it
    counting_notebook(notebooks / "01_runs.ipynb", counter, "6 * 8")
    assert _status(briefs.build(progress=False, edition="instructor")) == {"01_runs": "built"}
    assert _status(briefs.build(progress=False)) == {"01_runs": "rendered"}
    assert runs() == 2
    assert json.loads((reports / "01_runs.figures.json").read_text())["figures"][0][
        "value"] == 48

    # an executed notebook that is not the one the kit recorded is never reused
    executed = instructor / "executed" / "01_runs.ipynb"
    executed.write_text(executed.read_text().replace('"value": 48', '"value": 4800'))
    (reports / ".cache" / "01_runs.json").unlink()
    assert _status(briefs.build(progress=False)) == {"01_runs": "built"}
    assert runs() == 3


def test_brief_is_self_contained_and_figures_json_is_written(scratch):
    _, reports = scratch
    briefs.build(progress=False)
    page = (reports / "01_alpha.html").read_text()
    assert "<script" not in page and 'src="http' not in page and "<link" not in page
    assert "Synthetic brief" in page and "tw-figures" in page
    assert "b.add(" not in page  # code hidden
    assert "REMOVED-CELL-MARKER" not in page  # remove-cell dropped with its output
    payload = json.loads((reports / "01_alpha.figures.json").read_text())
    assert payload["figures"][0]["value"] == 42 and payload["figures"][0]["unit"] == "units"
    index = (reports / "index.html").read_text()
    assert "01_alpha.html" in index and "A made-up number." in index


def test_parameters_make_a_variant_without_touching_the_default(scratch):
    _, reports = scratch
    briefs.build(["01_alpha"], progress=False)
    outcomes = briefs.build(["01_alpha"], params={"factor": "3"}, progress=False)
    assert _status(outcomes) == {"01_alpha--factor=3": "built"}
    variant = json.loads((reports / "01_alpha--factor=3.figures.json").read_text())
    default = json.loads((reports / "01_alpha.figures.json").read_text())
    assert variant["figures"][0]["value"] == 126 and default["figures"][0]["value"] == 42
    with pytest.raises(ValueError, match="has no parameter \\['start'\\]"):
        briefs.build(["01_alpha"], params={"start": "2015"}, progress=False)
    with pytest.raises(ValueError, match="no notebook named"):
        briefs.build(["99_missing"], progress=False)


def test_a_failing_notebook_keeps_its_last_good_brief_and_is_marked_stale(scratch):
    notebooks, reports = scratch
    briefs.build(progress=False)
    good = (reports / "02_beta.html").read_bytes()
    synthetic_notebook(notebooks / "02_beta.ipynb", extra="raise RuntimeError('boom')")
    outcomes = {o.name: o for o in briefs.build(progress=False)}
    assert outcomes["02_beta"].status == "failed"
    assert "cell 3" in outcomes["02_beta"].message and "boom" in outcomes["02_beta"].message
    assert outcomes["01_alpha"].status == "cached"
    assert (reports / "02_beta.html").read_bytes() == good
    assert "STALE" in (reports / "index.html").read_text()
    assert briefs.main() == 1


def test_two_builds_at_once_do_not_corrupt_reports(scratch):
    _, reports = scratch
    cmd = [sys.executable, "-m", "helpers", "briefs", "--force"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
             for _ in range(2)]
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    for name in ("01_alpha", "02_beta"):
        json.loads((reports / f"{name}.figures.json").read_text())
        assert (reports / f"{name}.html").read_text().rstrip().endswith("</html>")
    leftovers = [p for p in reports.rglob(".*") if p.name.endswith(".tmp")
                 or p.suffix == ".ipynb" and p.name.startswith(".")]
    assert leftovers == []


def test_a_notebook_that_counts_from_today_is_rebuilt_each_day(scratch):
    import datetime as dt

    notebooks, _ = scratch
    daily = notebooks / "03_daily.ipynb"
    synthetic_notebook(daily)
    nb = nbformat.read(daily, as_version=4)
    nb.metadata["tradewatch"] = {"rebuild_daily": True}
    nbformat.write(nb, daily)
    day1, day2 = dt.date(2026, 11, 27), dt.date(2026, 11, 28)
    digest = briefs.inputs_digest
    assert digest(daily, {}, "x", day1) != digest(daily, {}, "x", day2)
    plain = notebooks / "01_alpha.ipynb"
    assert digest(plain, {}, "x", day1) == digest(plain, {}, "x", day2)


def _synthetic_state(title, takeaway, value, status="ok", **extra):
    """SYNTHETIC state of a published brief, as the builder keeps it in reports/.cache."""
    payload = {"title": title, "takeaway": takeaway, "data_to": "2025-10-01",
               "main_dataset": "synthetic", "built": "2026-12-01T10:00:00+00:00",
               "parameters": extra.pop("parameters", {}),
               "figures": [{"key": "brazil_share_sep2025", "name": "Share", "value": value,
                            "unit": "%", "period": "2025-09", "datasets": ["synthetic"],
                            "note": "", "decimals": 1}]}
    return {"status": status, "payload": payload, **extra}


def test_index_lists_briefs_in_reading_order_escaped_with_their_files(tmp_path):
    reports = tmp_path / "reports"
    (reports / ".cache").mkdir(parents=True)
    states = {
        "00_data_tour": _synthetic_state("Tour", "All data.", 1.0),
        "03_soybean_collapse": _synthetic_state("Soy <script>x</script>", "Take <b>away</b>",
                                                85.0),
        "03_soybean_collapse--start=2015-01": _synthetic_state(
            "Soy variant", "Variant takeaway.", 80.0, parameters={"start": "2015-01"}),
        "01_tariff_timeline": _synthetic_state("Tariffs", "Tariff takeaway.", 2.0,
                                               status="failed", error="cell 4 (boom)"),
        "02_decoupling": {"status": "failed", "error": "cell 1 (never built)"},
    }
    for name, state in states.items():
        (reports / ".cache" / f"{name}.json").write_text(json.dumps(state))
        if "payload" in state:
            (reports / f"{name}.html").write_text("<html></html>")
    (reports / "03_soybean_collapse.xlsx").write_bytes(b"synthetic")
    page = briefs.write_index(reports).read_text()
    assert "<script>x" not in page and "Soy &lt;script&gt;x&lt;/script&gt;" in page
    assert "Take &lt;b&gt;away&lt;/b&gt;" in page
    listing = page.index("The briefs, in reading order")
    order = [page.index(f'href="{n}.html"', listing) for n in
             ("01_tariff_timeline", "03_soybean_collapse", "03_soybean_collapse--start=2015-01",
              "00_data_tour")]
    assert order == sorted(order)  # narrative briefs by number, variant after default, tour last
    assert 'href="03_soybean_collapse.xlsx"' in page
    assert 'href="03_soybean_collapse.pdf"' not in page  # links only to files that exist
    assert "variant: start = 2015-01" in page and "Main data to Oct 2025" in page
    assert "STALE" in page and "cell 4 (boom)" in page
    assert "02_decoupling</b>: not built (cell 1 (never built))" in page
    assert "Brazil supplied 85% of China&#39;s soybean imports in Sep 2025" in page
    assert "Brazil supplied 80%" not in page  # a variant never speaks for the overview


def test_index_says_what_moved_since_the_previous_build_and_workbooks_are_published(scratch):
    import pandas as pd

    notebooks, reports = scratch
    briefs.build(progress=False)
    first = (reports / "index.html").read_text()
    assert first.count("First build of these briefs") == 1  # said once, not per brief
    synthetic_notebook(notebooks / "02_beta.ipynb", "6 * 8")
    briefs.build(progress=False)
    index = (reports / "index.html").read_text()
    assert "answer revised +14% (42 units to 48 units)" in index
    assert 'href="02_beta.xlsx"' in index
    figures = pd.read_excel(reports / "02_beta.xlsx", sheet_name="Key figures")
    assert figures.loc[0, "Key"] == "answer" and figures.loc[0, "Value"] == 48
