"""``--verbose``: each step of a build is logged, and an origin fault's one-line message has
its traceback behind it at debug level. SYNTHETIC notebook and origin answers only."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.data.refresh_origins import (  # noqa: F401 (fixtures)
    FRED_PATH,
    Reply,
    fred_csv,
    good_bodies_fixture,
    origins_fixture,
    snapshot_series,
)
from tests.faults.test_build_faults import synthetic_cells_notebook


def _helpers(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True,
                          text=True, timeout=300, env=dict(os.environ))


def test_briefs_verbose_logs_what_is_built_published_and_cached(brief_dirs):
    notebooks, reports = brief_dirs
    synthetic_cells_notebook(notebooks / "01_synthetic.ipynb", "n = 2", "print(n * 3)")
    first = _helpers("briefs", "--verbose")
    assert first.returncode == 0, first.stderr
    assert "helpers.briefs.run: 01_synthetic: to build (inputs changed)" in first.stderr
    assert "01_synthetic: built and published" in first.stderr
    assert f"index written: {reports / 'index.html'}" in first.stderr
    second = _helpers("briefs", "--verbose")
    assert "01_synthetic: cached (inputs unchanged" in second.stderr
    quiet = _helpers("briefs")
    assert "helpers.briefs" not in quiet.stderr


def test_a_kernel_that_dies_under_verbose_shows_its_traceback(brief_dirs):
    notebooks, _ = brief_dirs
    synthetic_cells_notebook(notebooks / "01_killed.ipynb", "n = 2",
                             "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")
    loud = _helpers("briefs", "--verbose")
    assert loud.returncode == 1
    assert "DEBUG helpers.briefs.execute: 01_killed.ipynb: the kernel stopped" in loud.stderr
    assert "Traceback (most recent call last)" in loud.stderr
    quiet = _helpers("briefs")
    assert quiet.returncode == 1 and "helpers.briefs" not in quiet.stderr
    assert "cell 2: " in quiet.stdout


def test_an_origin_fault_under_verbose_shows_its_traceback(origins):
    body = fred_csv(snapshot_series("IMPCH"), "IMPCH")
    origins.route(FRED_PATH, Reply(body[:-4], declared_length=len(body)), id="IMPCH")
    loud = _helpers("data", "refresh", "us_china_goods_trade", "--verbose")
    assert loud.returncode == 1
    assert "cut off" in loud.stdout
    assert "Traceback (most recent call last)" in loud.stderr
    assert "DEBUG helpers.data.origins.http" in loud.stderr
    quiet = _helpers("data", "refresh", "us_china_goods_trade")
    assert "cut off" in quiet.stdout and "Traceback" not in quiet.stderr
