"""The committed snapshot is exactly what the builder makes from the extracts, and nothing in
the project is a copy of the reference files."""

import io

import pandas as pd
import pytest

from helpers import paths
from helpers.data import catalog, snapshot
from helpers.data.csvio import to_csv_bytes
from helpers.data.datasets import tariff_events
from helpers.data.errors import DataError


def test_rebuilding_from_the_extracts_reproduces_the_committed_snapshot(shared_sources, tmp_path):
    snapshot.build(shared_sources, tmp_path)
    for ds in catalog.read_catalog().values():
        for f in ds.files:
            if f.build is None:
                continue  # hand-compiled fact tables (facts/), not built from the extracts
            rebuilt = tmp_path / f.path.removeprefix("snapshot/")
            assert catalog.sha256_of(rebuilt) == f.sha256, f.path


def test_only_fact_tables_and_checked_copies_are_not_built():
    built = {f"snapshot/{rel}" for rel in snapshot.builders()}
    catalogued = {f.path for ds in catalog.read_catalog().values() for f in ds.files}
    assert all(p.startswith(("snapshot/facts/", "snapshot/copies/")) for p in catalogued - built)


def test_builder_refuses_a_folder_that_is_not_the_extracts(tmp_path):
    with pytest.raises(FileNotFoundError, match="no MANIFEST.md"):
        snapshot.build(tmp_path, tmp_path / "out")


def test_no_project_file_copies_reference_lines(shared_reference):
    ref_lines = set()
    for p in shared_reference.rglob("*.csv"):
        ref_lines.update(line for line in p.read_text(errors="ignore").splitlines()[1:]
                         if len(line) > 25)
    for p in (paths.PROJECT_ROOT / "data").rglob("*.csv"):
        shared = sum(1 for line in p.read_text(errors="ignore").splitlines() if line in ref_lines)
        assert shared < 20, f"{p} shares {shared} lines with the reference files"


def test_builder_refuses_compiled_events_with_other_columns(shared_sources, tamper, tmp_path):
    tamper(tariff_events.COMPILED_EVENTS, lambda t: t.replace("soybean_rate_after", "soy_rate", 1))
    with pytest.raises(DataError, match="tariff_events_2026_compiled.csv.*columns must be"):
        snapshot.build(shared_sources, tmp_path / "out")


def test_builder_refuses_a_soybean_rate_that_is_not_a_number(shared_sources, tamper, tmp_path):
    def rate_in_words(text):
        rows = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        rows.loc[0, "soybean_rate_after"] = "about 13"
        return to_csv_bytes(rows).decode("utf-8")

    tamper(tariff_events.COMPILED_EVENTS, rate_in_words)
    with pytest.raises(DataError, match="event of 2026-03-04.*'about 13'"):
        snapshot.build(shared_sources, tmp_path / "out")


def test_event_table_keeps_a_derived_soybean_rate_and_its_note(shared_sources):
    events = tariff_events.build(shared_sources).set_index("date")
    row = events.loc["2026-02-23"]
    assert row["soybean_total_rate_pct"] == "13"
    assert row["sources"].endswith(" ; soybean 13 (derived: 3 MFN + 10; no change reported)")
