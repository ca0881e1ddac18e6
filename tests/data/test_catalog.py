"""Every committed data file is catalogued with provenance and a matching checksum."""

from pathlib import Path

import pytest

from helpers import paths
from helpers.data import catalog, load, registry
from helpers.data.datasets import tariff_events
from helpers.data.errors import DataError
from helpers.data.spans import coverage_words

DATA = paths.PROJECT_ROOT / "data"


def test_every_snapshot_file_has_a_catalog_entry_and_every_entry_a_file():
    catalogued = {f.path for ds in catalog.read_catalog().values() for f in ds.files}
    on_disk = {str(p.relative_to(DATA)) for p in (DATA / "snapshot").rglob("*") if p.is_file()}
    assert on_disk == catalogued


@pytest.mark.parametrize("ds", list(catalog.read_catalog().values()), ids=lambda d: d.id)
def test_catalog_entry_is_complete(ds):
    for name in ("title", "publisher", "units", "frequency", "origin_url",
                 "licence", "source_line"):
        assert getattr(ds, name).strip(), f"{ds.id}: {name} is empty"
    assert ds.role in {"core", "refresh-only", "cross-check"}
    if ds.role == "refresh-only":
        assert ds.live and not ds.files
    else:
        assert ds.files
    for f in ds.files:
        assert len(f.sha256) == 64 and f.copied_from, f"{ds.id}: {f.path} lacks sha256/provenance"


@pytest.mark.parametrize("data_file", [f for ds in catalog.read_catalog().values()
                                       for f in ds.files], ids=lambda f: f.path)
def test_committed_checksums_match(data_file):
    assert catalog.sha256_of(DATA / data_file.path) == data_file.sha256


def test_unknown_dataset_names_the_known_ones():
    with pytest.raises(DataError, match="Known ids: .*us_china_goods_trade"):
        registry.spec("soybeans")


def test_broken_catalog_is_one_clear_error(data_copy):
    (data_copy / "catalog.toml").write_text("[datasets\nbroken", encoding="utf-8")
    with pytest.raises(DataError, match="not valid TOML"):
        catalog.read_catalog()


def test_write_checksums_keeps_comments_and_reports_changes(tamper, data_copy):
    tamper("snapshot/average_tariffs.csv", lambda t: t + "\n", keep_checksum_valid=False)
    changed = catalog.write_checksums(data_copy / "catalog.toml")
    assert changed == ["snapshot/average_tariffs.csv"]
    text = Path(data_copy / "catalog.toml").read_text(encoding="utf-8")
    assert text.startswith("# US-China Trade Watch data catalog")


def test_farm_input_series_are_the_ones_the_snapshot_holds():
    ds = registry.spec("farm_input_prices")
    held = load("farm_input_prices", use_cache=False).drop_duplicates("series_id")
    assert list(held["series_id"]) == list(ds.series_ids)
    assert list(held["unit"]) == [s.unit for s in ds.series]
    assert "WPU111" in ds.series_ids and "WPU057303" in ds.series_ids


def test_mislabelled_machinery_series_is_gone_and_its_correction_stated():
    ds = registry.spec("farm_input_prices")
    assert "WPU1141" not in ds.series_ids
    assert any("WPU1141" in c and "mislabelled" in c for c in ds.caveats)
    for p in (DATA / "snapshot").rglob("*.csv"):
        assert "WPU1141" not in p.read_text(encoding="utf-8"), p


def test_hand_compiled_files_say_so():
    facts = [f for ds in catalog.read_catalog().values() for f in ds.files
             if f.path.startswith("snapshot/facts/")]
    assert len(facts) >= 3
    for f in facts:
        assert any("hand-compiled" in c.lower() for c in f.copied_from), f.path


def test_tariff_events_entry_names_its_compiled_input_and_reaches_its_last_event():
    ds = registry.spec("tariff_events")
    assert any(tariff_events.COMPILED_EVENTS in c for c in ds.files[0].copied_from)
    last = load("tariff_events", use_cache=False)["date"].max()
    assert coverage_words("tariff_events").split(",")[0].endswith(f"{last:%Y-%m-%d}")
    assert any("2026-07-24" in g and "2026-11-10" in g for g in ds.gaps)


def test_a_declaration_has_one_version_whose_checksums_are_the_catalogs():
    declared = registry.spec("tariff_events")
    assert catalog.read_catalog()["tariff_events"] is declared
    assert not hasattr(catalog, "get")
    for f in declared.files:
        assert f.sha256 == catalog.recorded_sha256(f.path) == catalog.sha256_of(DATA / f.path)


def test_data_modules_are_modules_and_their_functions_keep_their_names():
    import helpers.data.loader as loader
    import helpers.data.views as views
    from helpers import data

    assert loader.__name__ == "helpers.data.loader" and views.__name__ == "helpers.data.views"
    assert data.load is loader.load and data.soybean_imports is views.soybean_imports


def test_coverage_is_written_from_the_data_not_declared():
    events = load("tariff_events", use_cache=False)
    assert coverage_words("tariff_events") == (
        f"{events['date'].min():%Y-%m-%d}..{events['date'].max():%Y-%m-%d}, {len(events)} rows")
    fx = load("fx_cny_usd", use_cache=False)
    monthly = fx[fx["series_id"] == "EXCHUS"].dropna(subset=["cny_per_usd"])["date"]
    assert f"{monthly.min():%Y-%m}..{monthly.max():%Y-%m} ({len(monthly)} values)" in \
        coverage_words("fx_cny_usd")
    assert coverage_words("us_soybean_exports") == "no committed data: filled by a refresh"
    assert not hasattr(registry.spec("tariff_events"), "coverage")
