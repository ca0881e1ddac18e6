"""A dataset is added by one declaration: a module in the data folder's ``datasets/``.

The toy dataset here is SYNTHETIC (made-up prices for a made-up series id); it exists to
show that loading, validation, status and refresh need nothing but its declaration.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import catalog, load, refresh, registry, status
from helpers.data.errors import DataError
from tests.data.refresh_origins import (  # noqa: F401 (fixtures)
    FRED_PATH,
    Reply,
    fred_csv,
    good_bodies_fixture,
    origins_fixture,
)

SYNTHETIC_DECLARATION = '''
"""SYNTHETIC toy prices: a made-up series for testing the registry."""

import pandera.pandas as pa

from helpers.data import pulls, schemas
from helpers.data.registry import DataFile, DatasetSpec, Live, Pull, Series

SERIES = (Series("SYNTHTOY", "synthetic toy price", "USD/t"),)


def pull(spec):
    values, origins = pulls.fred(spec)
    table = pulls.long_frame(values, **pulls.series_columns(spec.series, "unit"))
    return Pull(table[["date", "series_id", "unit", "value"]], origins)


SPEC = DatasetSpec(
    id="synthetic_toy_prices", title="SYNTHETIC toy prices", role="core",
    publisher="nobody (synthetic)", units="USD/t", frequency="monthly",
    origin_url="http://127.0.0.1/", licence="none (synthetic)",
    source_line="SYNTHETIC toy prices",
    files=(DataFile("snapshot/synthetic_toy_prices.csv", copied_from=("made up for a test",)),),
    schema=pa.DataFrameSchema(
        {"date": schemas.date("month, as its first day"),
         "series_id": schemas.text("the series id"),
         "unit": schemas.text("the unit"),
         "value": schemas.non_negative("the synthetic price", "USD/t")},
        unique=["date", "series_id"], checks=[schemas.monthly_continuity("series_id")],
        coerce=True, strict=True),
    date_column="date",
    series=SERIES,
    live=Live("FRED", pull),
)
'''
SYNTHETIC_ROWS = "".join(f"2020-{m:02d}-01,SYNTHTOY,USD/t,{100 + m}\n" for m in range(1, 7))


@pytest.fixture
def toy(data_copy):
    """The data copy with the toy's one declaration, its synthetic file and its checksum."""
    (data_copy / "datasets").mkdir()
    (data_copy / "datasets" / "synthetic_toy_prices.py").write_text(SYNTHETIC_DECLARATION)
    (data_copy / "snapshot" / "synthetic_toy_prices.csv").write_text(
        "date,series_id,unit,value\n" + SYNTHETIC_ROWS)
    assert catalog.write_checksums() == ["snapshot/synthetic_toy_prices.csv"]
    return data_copy


def test_a_declared_dataset_loads_validated_and_shows_in_status(toy):
    df = load("synthetic_toy_prices")
    assert df["value"].tolist() == [101.0, 102.0, 103.0, 104.0, 105.0, 106.0]
    assert df.attrs["provenance"]["as_of"] == "2020-06-01"
    row = status().set_index("id").loc["synthetic_toy_prices"]
    assert (row["origin"], row["end"], row["live_source"]) == ("snapshot", "2020-06-01", "FRED")


def test_a_declared_dataset_is_validated_by_its_own_schema(toy, tamper):
    tamper("snapshot/synthetic_toy_prices.csv", lambda t: t.replace("2020-03-01", "2020-09-01"))
    with pytest.raises(DataError, match="synthetic_toy_prices.*months must run"):
        load("synthetic_toy_prices")


def test_a_declared_dataset_refreshes_from_its_origin(toy, origins):
    later = pd.Series([101.0, 102.0, 103.0, 104.0, 105.0, 106.0, 107.0],
                      index=pd.date_range("2020-01-01", periods=7, freq="MS"))
    origins.route(FRED_PATH, Reply(fred_csv(later, "SYNTHTOY")), id="SYNTHTOY")
    (result,) = refresh(["synthetic_toy_prices"], progress=False)
    assert result.ok, result.message
    df = load("synthetic_toy_prices")
    assert df.attrs["provenance"]["origin"] == "cache" and len(df) == 7
    assert status().set_index("id").loc["synthetic_toy_prices", "end"] == "2020-07-01"


def test_a_declaration_without_column_descriptions_is_refused(data_copy):
    (data_copy / "datasets").mkdir()
    (data_copy / "datasets" / "synthetic_bare.py").write_text(
        SYNTHETIC_DECLARATION.replace('schemas.text("the unit")', 'pa.Column(str)')
        .replace("synthetic_toy_prices", "synthetic_bare"))
    with pytest.raises(DataError, match=r"synthetic_bare.*without a description: \['unit'\]"):
        registry.specs()


@pytest.mark.parametrize("spec", list(registry.specs().values()), ids=lambda s: s.id)
def test_every_kit_dataset_describes_every_column(spec):
    described = ([spec.table_schema] if spec.schema is not None else []) + [
        f.file_schema for f in spec.files if f.schema is not None]
    for schema in described:
        assert all(col.description for col in schema.columns.values())
    if spec.schema is None:
        assert all(f.fields and all(x.description for x in f.fields) for f in spec.files)


def _is_time_series(spec) -> bool:
    """A dataset of observations dated on a schedule (not facts, events or published points)."""
    kind = spec.frequency.lower()
    return spec.date_column is not None and not any(
        word in kind for word in ("fact", "event", "irregular"))


KIT_CORE = [s for s in registry.specs().values() if s.role == "core"]


@pytest.mark.parametrize("spec", KIT_CORE, ids=lambda s: s.id)
def test_every_core_time_series_declares_its_publishers_usual_lag(spec):
    import importlib
    import inspect

    if _is_time_series(spec):
        assert isinstance(spec.usual_lag_days, int) and 1 <= spec.usual_lag_days <= 400, spec.id
    elif spec.date_column is not None:
        assert spec.usual_lag_days is None, f"{spec.id}: facts and events have no schedule"
    source = inspect.getsource(importlib.import_module(f"helpers.data.datasets.{spec.id}"))
    declared = [line for line in source.splitlines() if "usual_lag_days=" in line]
    assert len(declared) == 1 and "#" in declared[0], \
        f"{spec.id}: declare usual_lag_days once, with a comment naming the schedule"


@pytest.mark.parametrize("spec", [s for s in KIT_CORE if _is_time_series(s)], ids=lambda s: s.id)
def test_every_core_time_series_declares_plausibility_rules(spec):
    rules = spec.plausibility
    assert rules is not None and (rules.bounds or rules.shares), spec.id
