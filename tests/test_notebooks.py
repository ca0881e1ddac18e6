"""Notebooks are committed clean and each runs from a clean kernel (through the brief build)."""

import json

import nbformat
import pytest

from helpers import paths

NOTEBOOKS = sorted(paths.notebooks_dir().glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_clean_with_a_parameters_cell(nb_path):
    nb = nbformat.read(nb_path, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_does_no_io_of_its_own(nb_path):
    source = "\n".join(c.source for c in nbformat.read(nb_path, as_version=4).cells)
    for forbidden in ("read_csv", "open(", "requests", "DataReader", "data/snapshot"):
        assert forbidden not in source, f"{nb_path.name} uses {forbidden}: call helpers instead"


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_from_a_clean_kernel_and_writes_its_brief(built_briefs, nb_path):
    outcome = built_briefs["outcomes"][nb_path.stem]
    assert outcome.status == "built", outcome.message
    reports = built_briefs["reports"]
    payload = json.loads((reports / f"{nb_path.stem}.figures.json").read_text())
    assert payload["title"] and payload["takeaway"] and payload["figures"]
    for fig in payload["figures"]:
        assert fig["unit"] and fig["period"] and fig["datasets"]
