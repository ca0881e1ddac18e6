"""Low fault cases, one test each: a clear message instead of a traceback or a flood, on
tiny SYNTHETIC notebooks in temp folders."""

from __future__ import annotations

import json

import pytest

from helpers import briefs, cli, owned
from tests.faults.test_build_faults import synthetic_cells_notebook


def synthetic_notebook(path, body: str, parameters: str = "count = 2"):
    """SYNTHETIC test notebook (``synthetic_cells_notebook``) with a ``count`` parameter."""
    return synthetic_cells_notebook(path, parameters, body)


def test_a_huge_parameters_file_is_refused_in_one_short_line(tmp_path, capsys):
    big = tmp_path / "params.json"
    big.write_text(json.dumps({"count": "9" * 13_000_000}))
    with pytest.raises(SystemExit) as stop:
        cli.main(["briefs", "--params-file", str(big)])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "holds at most" in err and len(err) < 1000


def test_a_huge_wrong_parameter_value_gives_a_short_error(brief_dirs):
    notebooks, _ = brief_dirs
    nb = synthetic_notebook(notebooks / "01_p.ipynb", "print(count)")
    with pytest.raises(ValueError) as err:
        briefs.check_params(nb, {"count": "x" * 1_000_000})
    assert "is not a whole number" in str(err.value) and len(str(err.value)) < 400


def test_a_reports_folder_that_cannot_be_written_gives_a_clear_error(brief_dirs, monkeypatch,
                                                                     capsys):
    notebooks, reports = brief_dirs
    synthetic_notebook(notebooks / "01_p.ipynb", "print(count)")

    def read_only(folder, kind, files=None):
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(owned, "mark", read_only)
    assert briefs.main() == 2
    err = capsys.readouterr().err
    assert f"cannot write in {reports}" in err and "Permission denied" in err


def test_a_kernel_killed_mid_cell_names_the_cell(tmp_path):
    nb = synthetic_notebook(tmp_path / "01_killed.ipynb",
                            "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")
    result = briefs.execute.execute_one(str(nb), {}, "01_killed", str(tmp_path / "reports"), 120)
    assert not result["ok"]
    assert result["error"].startswith("cell 2: "), result["error"]


def test_a_state_folder_that_cannot_be_written_gives_a_clear_error(brief_dirs, monkeypatch,
                                                                  capsys):
    notebooks, reports = brief_dirs
    synthetic_notebook(notebooks / "01_p.ipynb", "print(count)")
    write = briefs.cache.atomic_write

    def state_read_only(path, data):
        if path.parent.name == ".cache":
            raise PermissionError(13, "Permission denied", str(path.parent))
        write(path, data)

    monkeypatch.setattr(briefs.cache, "atomic_write", state_read_only)
    assert briefs.main() == 2
    err = capsys.readouterr().err
    assert f"cannot write in {reports / '.cache'}" in err and "Permission denied" in err
    assert "Traceback" not in err
