"""The code, tests and notebooks pass the project's ruff rules: the same `ruff check` (no
paths: the project root with pyproject's excludes) that `make lint` runs."""

import shutil
import subprocess
import sys
from pathlib import Path

from helpers import paths


def test_ruff_is_clean():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is a development dependency (pip install -e '.[dev]')"
    makefile = (paths.PROJECT_ROOT / "Makefile").read_text()
    assert "\t$(BIN)/ruff check\n" in makefile, "make lint and this test must run the same check"
    result = subprocess.run([ruff, "check"],
                            cwd=paths.PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
