"""Each notebook has a reviewable text twin (notebooks/text/<name>.py, jupytext py:percent)
that agrees with it; ``python -m helpers notebooks check`` and ``sync`` keep them so."""

from __future__ import annotations

import shutil
import subprocess
import sys

import nbformat
import pytest

from helpers import notebook_text, paths

ROOT = paths.PROJECT_ROOT


def test_every_notebook_and_its_text_file_agree():
    found = notebook_text.differences(ROOT / "notebooks")
    assert not found, ("notebooks and their text files differ; run "
                       "`python -m helpers notebooks sync`:\n" + "\n".join(found))


def test_the_text_keeps_the_tags_the_builder_reads_and_no_outputs():
    text = (ROOT / "notebooks" / "text" / "03_soybean_collapse.py").read_text()
    assert '# %% tags=["parameters"]' in text
    assert "# %% [markdown]" in text
    assert "execution_count" not in text and "image/png" not in text


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the project's jupytext.toml and one notebook with its text file (a SYNTHETIC
    project folder; the notebook is the kit's own, copied)."""
    root = tmp_path / "project"
    (root / "notebooks" / "text").mkdir(parents=True)
    shutil.copy(ROOT / "jupytext.toml", root / "jupytext.toml")
    for rel in ("01_tariff_timeline.ipynb", "text/01_tariff_timeline.py"):
        shutil.copy(ROOT / "notebooks" / rel, root / "notebooks" / rel)
    monkeypatch.setenv("TRADEWATCH_NOTEBOOKS_DIR", str(root / "notebooks"))
    return root / "notebooks"


def _helpers(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True,
                          text=True, timeout=120)


def test_an_edited_notebook_fails_the_check_until_synced(project):
    assert notebook_text.differences() == []
    nb_path = project / "01_tariff_timeline.ipynb"
    nb = nbformat.read(nb_path, as_version=4)
    nb.cells[0].source += "\n\nA SYNTHETIC sentence added in review."
    nbformat.write(nb, nb_path)
    assert notebook_text.differences() == ["text/01_tariff_timeline.py: differs from "
                                           "01_tariff_timeline.ipynb"]
    check = _helpers("notebooks", "check")
    assert check.returncode == 1 and "differs from 01_tariff_timeline.ipynb" in check.stdout
    synced = _helpers("notebooks", "sync")
    assert synced.returncode == 0, synced.stderr
    assert "A SYNTHETIC sentence added in review." in (project / "text" /
                                                       "01_tariff_timeline.py").read_text()
    assert _helpers("notebooks", "check").returncode == 0


def test_a_missing_or_orphaned_text_file_is_named(project):
    (project / "text" / "01_tariff_timeline.py").rename(project / "text" / "09_gone.py")
    assert notebook_text.differences() == [
        "text/01_tariff_timeline.py: missing",
        "text/09_gone.py: no notebook 09_gone.ipynb; delete it"]


def test_without_the_pairing_settings_the_check_says_what_is_missing(project):
    (project.parent / "jupytext.toml").unlink()
    with pytest.raises(ValueError, match="no jupytext.toml"):
        notebook_text.differences()
