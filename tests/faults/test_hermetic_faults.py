"""Hermetic tests: the suite's results never depend on what the developer refreshed."""

from __future__ import annotations

import json

from helpers import paths
from helpers.data import catalog, load


def test_every_test_reads_a_data_folder_of_its_own():
    assert paths.data_dir().resolve() != (paths.PROJECT_ROOT / "data").resolve()
    assert paths.reports_dir().resolve() != (paths.PROJECT_ROOT / "reports").resolve()
    assert paths.dist_dir().resolve() != (paths.PROJECT_ROOT / "dist").resolve()
    assert not (paths.cache_dir() / "fx_cny_usd.csv").exists()


DATASET, SNAPSHOT_FILE = "us_china_goods_trade", "us_china_goods_trade_monthly.csv"  # one file


def test_a_refreshed_file_in_the_projects_cache_changes_nothing():
    """A valid refreshed cache in the project's own data/cache/ (the snapshot's real rows
    without the last one, so serving it would show) is never what a test loads."""
    cache = paths.PROJECT_ROOT / "data" / "cache"
    table, sidecar = cache / f"{DATASET}.csv", cache / f"{DATASET}.json"
    if table.exists() or sidecar.exists():  # the developer's own refresh: read, never touched
        assert load(DATASET).attrs["provenance"]["origin"] == "snapshot"
        return
    lines = (paths.PROJECT_ROOT / "data" / "snapshot" / SNAPSHOT_FILE).read_text().splitlines()
    try:
        cache.mkdir(exist_ok=True)
        table.write_text("\n".join(lines[:-1]) + "\n")
        sidecar.write_text(json.dumps({"dataset": DATASET,
                                       "sha256": catalog.sha256_of(table),
                                       "retrieved_at": "2026-01-01T00:00:00+00:00"}))
        df = load(DATASET)
        assert df.attrs["provenance"]["origin"] == "snapshot"
        assert len(df) == len(lines) - 1
    finally:
        table.unlink(missing_ok=True)
        sidecar.unlink(missing_ok=True)
