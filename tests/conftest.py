"""Shared fixtures: a scratch copy of the data folder, the extracts and reference folders,
the session's own frame cache, and every brief built once (local origin servers for the
refresh tests are in tests/refresh_origins.py)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import paths, settings
from helpers.data import catalog

SHARED = paths.PROJECT_ROOT.parent / "shared"
TESTS = Path(__file__).parent
# Tests by kind: the folder names the kind; the fault cases carry the kind of what they break.
KINDS = ("unit", "data", "render")
FAULT_KINDS = {"test_build_faults.py": "render", "test_data_file_faults.py": "data",
               "test_refresh_faults.py": "data", "test_delete_faults.py": "data",
               "test_hermetic_faults.py": "data", "test_cache_faults.py": "data",
               "test_plausibility_faults.py": "data", "test_publish_faults.py": "render",
               "test_low_faults.py": "render", "test_verbose_faults.py": "render"}


def pytest_collection_modifyitems(config, items):
    """Mark every test ``unit``, ``data`` or ``render`` so ``pytest -m unit`` runs the fast
    logic tests alone (seconds), ``-m data`` the data checks, ``-m render`` the builds."""
    for item in items:
        folder = item.path.relative_to(TESTS).parts[0]
        kind = FAULT_KINDS.get(item.path.name) if folder == "faults" else folder
        if kind in KINDS:
            item.add_marker(getattr(pytest.mark, kind))


@pytest.fixture(scope="session", autouse=True)
def private_frame_cache(tmp_path_factory):
    """Validated frames go to a cache of the test session's own, never the user's."""
    import os

    os.environ["TRADEWATCH_FRAME_CACHE"] = str(tmp_path_factory.mktemp("frames"))


@pytest.fixture(scope="session", autouse=True)
def hermetic_data(tmp_path_factory):
    """Every test reads a copy of the committed data/ (catalog and snapshot, no refresh
    cache) and writes briefs and hand-outs into folders of the session's own, so what the
    developer refreshed into data/cache/ never changes a result and no test deletes it or
    the developer's reports/."""
    import os

    dst = tmp_path_factory.mktemp("session") / "data"
    shutil.copytree(paths.PROJECT_ROOT / "data", dst, ignore=shutil.ignore_patterns("cache"))
    os.environ["TRADEWATCH_DATA_DIR"] = str(dst)
    os.environ["TRADEWATCH_DIST_DIR"] = str(tmp_path_factory.mktemp("dist"))
    os.environ["TRADEWATCH_REPORTS_DIR"] = str(tmp_path_factory.mktemp("session-reports"))
    return dst


@pytest.fixture
def brief_dirs(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """An empty notebooks folder and a reports folder of the test's own, wired to the kit."""
    notebooks, reports = tmp_path / "notebooks", tmp_path / "reports"
    notebooks.mkdir()
    monkeypatch.setenv("TRADEWATCH_NOTEBOOKS_DIR", str(notebooks))
    monkeypatch.setenv("TRADEWATCH_REPORTS_DIR", str(reports))
    return notebooks, reports


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of data/ (catalog + snapshot) that the test may damage or refresh into."""
    dst = tmp_path / "data"
    shutil.copytree(paths.PROJECT_ROOT / "data", dst, ignore=shutil.ignore_patterns("cache"))
    monkeypatch.setenv("TRADEWATCH_DATA_DIR", str(dst))
    return dst


@pytest.fixture
def tamper(data_copy) -> Callable[[str, Callable[[str], str], bool], Path]:
    """Edit a snapshot file's text; by default re-record its checksum so only the content
    check (not the sha256 check) can catch the damage."""

    def edit(rel: str, change: Callable[[str], str], keep_checksum_valid: bool = True) -> Path:
        path = data_copy / rel
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        if keep_checksum_valid:
            catalog.write_checksums(data_copy / "catalog.toml")
        return path

    return edit


@pytest.fixture
def shared_sources() -> Path:
    path = SHARED / "sources"
    if not (path / "MANIFEST.md").is_file():
        _absent("the official-statistics extracts folder is not beside the project")
    return path


@pytest.fixture
def shared_reference() -> Path:
    path = SHARED / "reference"
    if not path.is_dir():
        _absent("the reference folder is not beside the project")
    return path


def _absent(what: str) -> None:
    """Skip a test whose folder beside the project is missing, or fail it where the run
    declares the folder must be there (``TRADEWATCH_REQUIRE_SHARED=1``), so a machine that
    should cross-check never passes by skipping."""
    if settings.flag("TRADEWATCH_REQUIRE_SHARED"):
        pytest.fail(f"{what}, and TRADEWATCH_REQUIRE_SHARED=1 says it must be")
    pytest.skip(what)


@pytest.fixture(scope="session")
def built_briefs(tmp_path_factory):
    """Every notebook executed from a clean kernel and rendered once, into a scratch reports/."""
    import os

    from helpers import briefs

    reports = tmp_path_factory.mktemp("reports")
    old = os.environ.get("TRADEWATCH_REPORTS_DIR")
    os.environ["TRADEWATCH_REPORTS_DIR"] = str(reports)
    try:
        outcomes = briefs.build(force=True, progress=False)
    finally:
        if old is None:
            os.environ.pop("TRADEWATCH_REPORTS_DIR")
        else:
            os.environ["TRADEWATCH_REPORTS_DIR"] = old
    return {"reports": reports, "outcomes": {o.name: o for o in outcomes}}
