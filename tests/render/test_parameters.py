"""Every documented parameter of every notebook can be set from ``--param``: papermill reads
every line of each parameters cell, and one variant per notebook sets each of its parameters
once to a value other than its default and builds."""

from __future__ import annotations

import json
import re

import papermill
import pytest

from helpers import briefs, paths

NOTEBOOKS = sorted(paths.notebooks_dir().glob("[0-9][0-9]_*.ipynb"))

# One variant per notebook: every declared parameter, none at its default.
VARIANTS = {
    "00_data_tour": {"include_crosschecks": "true"},
    "01_tariff_timeline": {"start": "2019-01-01", "end": "2025-12-31", "as_of": "2026-10-01",
                           "actor": "China", "soybean_basis": "statutory"},
    "02_decoupling": {"window_start": "2005-01-01", "window_end": "2024-12-01",
                      "break_2018": "2018-09-01", "break_2025": "2025-02-01"},
    "03_soybean_collapse": {"start": "2015-01-01", "end": "2024-12-01",
                            "origins": "United States,Brazil", "tariff_basis": "statutory"},
    "04_input_costs": {"base_period": "2016", "window_start": "2016-01-01",
                       "model_start": "2005-01-01", "nitrogen_series": "WPU0652", "lags": "4",
                       "shock_start": "2022-02-01", "shock_end": "2022-07-01"},
    "05_outlook": {"as_of": "2026-10-01", "history_start": "2010"},
    "06_farm_income": {"start_year": "2016", "end_year": "2023", "region": "Heartland"},
}

_ASSIGNMENT = re.compile(r"^([A-Za-z_]\w*)\s*=", re.MULTILINE)


def _parameters_cell(nb_path) -> str:
    cells = json.loads(nb_path.read_text())["cells"]
    cell = next(c for c in cells if "parameters" in c["metadata"].get("tags", []))
    return "".join(cell["source"])


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_papermill_reads_every_line_of_the_parameters_cell(nb_path):
    written = _ASSIGNMENT.findall(_parameters_cell(nb_path))
    assert written and list(papermill.inspect_notebook(str(nb_path))) == written


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_variant_sets_every_parameter_to_a_value_other_than_its_default(nb_path):
    declared = papermill.inspect_notebook(str(nb_path))
    variant = VARIANTS[nb_path.stem]
    assert set(variant) == set(declared)
    typed = briefs.check_params(nb_path, variant)
    for name, value in typed.items():
        assert value != briefs.params.declared_default(declared[name]), name


def _variant_cases():
    for nb_path in NOTEBOOKS:
        yield pytest.param(nb_path.stem, VARIANTS[nb_path.stem], id=nb_path.stem)
    yield pytest.param(*_readme_example(), id="readme_example")


def _readme_example() -> tuple[str, dict]:
    """The README's ``make brief NB=... PARAMS="..."`` example, as the kit's CLI reads it."""
    from helpers import cli

    found = re.search(r'make brief NB=(\w+) PARAMS="([^"]+)"',
                      (paths.PROJECT_ROOT / "README.md").read_text())
    assert found, "the README shows a make brief example with PARAMS"
    return found[1], dict(cli._params_text(found[2]))


@pytest.mark.parametrize("notebook, params", list(_variant_cases()))
def test_a_variant_with_every_parameter_set_builds(tmp_path, monkeypatch, notebook, params):
    monkeypatch.setenv("TRADEWATCH_REPORTS_DIR", str(tmp_path / "reports"))
    (outcome,) = briefs.build([notebook], params=params, progress=False)
    assert outcome.status == "built", outcome.message
    payload = json.loads((tmp_path / "reports" / f"{outcome.name}.figures.json").read_text())
    assert payload["parameters"] and payload["figures"]
    if "as_of" in params:  # the deadlines and the year's summary count from the given date
        html = (tmp_path / "reports" / f"{outcome.name}.html").read_text()
        assert "01 October 2026" in html
