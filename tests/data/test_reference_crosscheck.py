"""Cross-checks of the kit's data against independent panels (read in place, never copied)."""

import pandas as pd
import pytest

from helpers.data import soybean_imports


@pytest.fixture
def comtrade(shared_reference) -> pd.DataFrame:
    path = shared_reference / "soybeans/un_comtrade_china_soybean_imports_by_origin_monthly.csv"
    if not path.is_file():
        pytest.skip("UN Comtrade panel not in the reference folder")
    df = pd.read_csv(path)
    df["period"] = pd.to_datetime(df["period"].astype(str), format="%Y%m")
    return df.groupby(["period", "partner"])["primary_value_usd"].sum().unstack()


def test_gacc_world_equals_un_comtrade_2017_2022_and_2024(comtrade):
    mine = soybean_imports("value_usd", "month")["World"]
    months = [m for m in mine.index if m.year in (2017, 2018, 2019, 2020, 2021, 2022, 2024)]
    assert len(months) == 84
    theirs = comtrade["World"].reindex(months)
    assert theirs.notna().all()
    assert (mine.loc[months] == theirs).all()


def test_gacc_and_comtrade_differ_in_2023_as_documented(comtrade):
    mine = soybean_imports("value_usd", "month")["World"].loc["2023"]
    theirs = comtrade["World"].reindex(mine.index)
    assert (mine != theirs).all()  # the unresolved 2023 gap noted in the catalog
