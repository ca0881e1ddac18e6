"""The code, tests and notebooks pass the project's ruff rules, checked the way `make lint`
checks them (`python -m helpers lint`: ruff over what pyproject.toml includes)."""

import subprocess
import sys

from helpers import paths


def test_ruff_is_clean():
    makefile = (paths.PROJECT_ROOT / "Makefile").read_text()
    assert "\t$(BIN)/python -m helpers lint\n" in makefile, "make lint must be this command"
    result = subprocess.run([sys.executable, "-m", "helpers", "lint"], cwd=paths.PROJECT_ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]


def test_every_make_verb_is_a_python_m_helpers_call():
    """The Makefile is a thin alias: a class on Windows or without make runs the same verbs."""
    recipes = [line.strip() for line in (paths.PROJECT_ROOT / "Makefile").read_text().splitlines()
               if line.startswith("\t$(BIN)/") and " -m pip " not in line]  # setup installs
    assert recipes and all(r.startswith("$(BIN)/python -m helpers ") for r in recipes), recipes
    help_text = subprocess.run([sys.executable, "-m", "helpers", "--help"], capture_output=True,
                               text=True, cwd=paths.PROJECT_ROOT).stdout
    for verb in ("data", "briefs", "student", "test", "lint", "bench", "lab", "clean"):
        assert verb in help_text
