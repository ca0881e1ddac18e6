"""Frame builders: the table an analysis starts from, the same for notebook, exercises and
tests."""

import nbformat
import pandas as pd
import pytest

from helpers import frames, paths, tariffs
from helpers.data import load, soybean_imports


def test_import_values_carry_the_stated_zeros_and_keep_other_gaps():
    values = frames.soybean_import_values()
    raw = soybean_imports("value_usd", "month")
    assert values.loc["2025-09-01", "United States"] == 0 and pd.isna(
        raw.loc["2025-09-01", "United States"])  # stated zero written in
    assert values.notna().sum().sum() >= raw.notna().sum().sum()
    assert (values.where(raw.notna()).fillna(-1) == raw.fillna(-1)).all().all()  # never overwritten
    assert list(frames.soybean_import_values(("Brazil", "World")).columns) == ["Brazil", "World"]


def test_tariff_share_frame_is_the_regression_frame_of_03():
    frame = frames.tariff_share_frame("2017-01-01", "2025-10-01")
    assert list(frame.columns) == ["us_share", "brazil_share", "tariff", "trend", "month"]
    assert frame.index.min() == pd.Timestamp("2017-01-01")
    assert frame.index.max() == pd.Timestamp("2025-10-01")
    path = tariffs.soybean_tariff_path(load("tariff_events"), "2017-01-01", "2025-10-01")
    assert frame["tariff"].equals(tariffs.to_monthly(path).reindex(frame.index))
    values = frames.soybean_import_values()
    assert frame.loc["2018-03-01", "us_share"] == pytest.approx(
        100 * values.loc["2018-03-01", "United States"] / values.loc["2018-03-01", "World"])
    statutory = frames.tariff_share_frame("2017-01-01", "2025-10-01", basis="statutory")
    assert (statutory["tariff"] >= frame["tariff"]).all()


def test_notebook_03_builds_its_regression_frame_with_the_builder():
    nb = nbformat.read(paths.notebooks_dir() / "03_soybean_collapse.ipynb", as_version=4)
    source = "\n".join(c.source for c in nb.cells)
    assert "frames.tariff_share_frame(start, end, tariff_basis)" in source
    assert "soy.share_frame(" not in source


def test_02_fit_window_rule_and_its_break_dates_are_the_event_tables():
    goods = frames.goods_trade("2025-12-01")
    assert goods.index.max() <= pd.Timestamp("2025-12-01")
    start = frames.fit_window_start(goods)
    assert pd.Timestamp("2009-01-01") < start < pd.Timestamp("2014-07-01")  # 4 years before 2018-07
    nb = nbformat.read(paths.notebooks_dir() / "02_decoupling.ipynb", as_version=4)
    source = "\n".join(c.source for c in nb.cells)
    assert "rule_start = frames.fit_window_start(g)" in source
    # The parameters' break months are the months the event table's instruments took effect.
    events = tariffs.filter_events(load("tariff_events"), actor="US", status="took effect")
    list_1 = events[events["instrument"].fillna("").str.contains("Section 301 List 1")]
    reciprocal = events[events["rate_after_as_stated"].fillna("").str.contains("reciprocal")]
    assert 'break_2018 = "' + f"{list_1['date'].min():%Y-%m}-01" in source
    assert 'break_2025 = "' + f"{reciprocal['date'].min():%Y-%m}-01" in source


def test_rolling_goods_trade_sums_twelve_months_in_billions():
    """SYNTHETIC: 24 months of constant trade (1,000 USD mn imports, 400 exports)."""
    months = pd.date_range("2020-01-01", periods=24, freq="MS")
    goods = pd.DataFrame({"imports_usd_mn": 1000.0, "exports_usd_mn": 400.0}, index=months)
    rolled = frames.rolling_goods_trade(goods)
    assert rolled.loc[months[10]].isna().all()  # fewer than 12 months: no sum
    assert rolled.loc[months[11]].to_dict() == {"imports from China": 12.0,
                                                "exports to China": 4.8, "balance": -7.2}
