"""A normal (non-editable) install works: the kit is built into a wheel, installed with
``--no-deps`` into a fresh venv that sees this environment's packages, and run from another
folder holding a copy of data/ and one tiny SYNTHETIC notebook."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from helpers import paths
from tests.faults.test_build_faults import synthetic_cells_notebook

ROOT = paths.PROJECT_ROOT


def _run(command: list, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The python of a fresh venv with the kit installed from a wheel (dependencies come from
    this environment's site-packages through a .pth line, never from the network)."""
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    (source / "src").mkdir(parents=True)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "src" / "helpers", source / "src" / "helpers",
                    ignore=shutil.ignore_patterns("__pycache__"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRADEWATCH_", "PYTHON"))}
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", work / "wheels",
                  source], work, env)
    assert built.returncode == 0, built.stderr
    (wheel,) = (work / "wheels").glob("*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True, timeout=120)
    python = venv / "bin" / "python"
    site = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                     work, env).stdout.strip())
    (site / "zz_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    done = _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps",
                 "--no-index", "-q", wheel], work, env)
    assert done.returncode == 0, done.stderr
    return python


def _clean_env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRADEWATCH_", "PYTHON"))}
    env["TRADEWATCH_FRAME_CACHE"] = "off"
    env["HOME"] = str(tmp_path)
    # nbconvert's templates are data files of this environment (share/jupyter), which the
    # .pth line does not bring; a venv that pip-installs nbconvert has them in its own prefix
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    return env


def test_the_installed_kit_runs_status_and_a_brief_from_another_folder(installed, tmp_path):
    project = tmp_path / "my-project"
    shutil.copytree(ROOT / "data", project / "data", ignore=shutil.ignore_patterns("cache"))
    (project / "notebooks").mkdir()
    synthetic_cells_notebook(project / "notebooks" / "01_synthetic.ipynb", "n = 2",
                             "import helpers\nprint(helpers.__file__, n * 3)")
    env = _clean_env(tmp_path)
    where = _run([installed, "-c", "import helpers; print(helpers.__file__)"], project, env)
    assert str(installed.parent.parent) in where.stdout, "the kit was not imported from the wheel"
    status = _run([installed, "-m", "helpers", "data", "status"], project, env)
    assert status.returncode == 0, status.stderr
    assert "us_china_goods_trade" in status.stdout
    brief = _run([installed, "-m", "helpers", "briefs", "--notebook", "01_synthetic"], project, env)
    assert brief.returncode == 0, brief.stdout + brief.stderr
    assert (project / "reports" / "01_synthetic.html").is_file()
    assert "site-packages" in (project / "reports" / "executed" / "01_synthetic.ipynb").read_text()


def test_the_installed_kit_outside_a_project_stops_at_once_naming_the_setting(installed, tmp_path):
    status = _run([installed, "-m", "helpers", "data", "status"], tmp_path, _clean_env(tmp_path))
    assert status.returncode == 2
    assert "no data/ folder" in status.stderr and "TRADEWATCH_PROJECT_DIR" in status.stderr
