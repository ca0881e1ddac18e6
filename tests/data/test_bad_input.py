"""Bad data gets one clear error naming dataset, file and first offending row; never a silent fix."""

import re

import pytest

from helpers.data import load
from helpers.data.errors import DataError

TRADE = "snapshot/us_china_goods_trade_monthly.csv"


def _line(text: str, startswith: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(startswith))


def test_checksum_mismatch_is_refused(tamper):
    tamper(TRADE, lambda t: t.replace("2019-03-01,10", "2019-03-01,99", 1),
           keep_checksum_valid=False)
    with pytest.raises(DataError, match=r"us_china_goods_trade.*sha256 mismatch.*git checkout"):
        load("us_china_goods_trade")


def test_missing_file_is_named(data_copy):
    (data_copy / TRADE).unlink()
    with pytest.raises(DataError, match=r"us_china_goods_trade_monthly\.csv\): the committed file "
                                        r"is missing"):
        load("us_china_goods_trade")


def test_non_numeric_value_names_the_line(tamper, data_copy):
    path = tamper(TRADE, lambda t: t.replace("2019-03-01,10", "2019-03-01,ten", 1))
    line = _line(path.read_text(), "2019-03-01")
    with pytest.raises(DataError) as err:
        load("us_china_goods_trade")
    message = str(err.value)
    assert "us_china_goods_trade" in message and "us_china_goods_trade_monthly.csv" in message
    assert f"line {line}, column 'exports_usd_mn'" in message and "'ten" in message
    assert "more failure" not in message  # one bad cell is one failure


def test_negative_dollars_are_impossible(tamper):
    path = tamper(TRADE, lambda t: t.replace("2019-03-01,10", "2019-03-01,-10", 1))
    line = _line(path.read_text(), "2019-03-01")
    with pytest.raises(DataError, match=rf"line {line}, column 'exports_usd_mn'.*greater_than"):
        load("us_china_goods_trade")


def test_duplicate_key_is_refused(tamper):
    def duplicate(text):
        lines = text.splitlines(keepends=True)
        i = _line(text, "2019-03-01") - 1
        return "".join(lines[: i + 1] + [lines[i]] + lines[i + 1:])

    tamper(TRADE, duplicate)
    with pytest.raises(DataError, match="multiple_fields_uniqueness|unique"):
        load("us_china_goods_trade")


def test_missing_month_row_breaks_promised_continuity(tamper):
    tamper(TRADE, lambda t: re.sub(r"^2019-03-01,.*\n", "", t, flags=re.M))
    with pytest.raises(DataError, match="months must run without a missing row"):
        load("us_china_goods_trade")


def test_missing_column_is_named(tamper):
    def drop_world(text):
        return "\n".join(",".join(c for j, c in enumerate(line.split(",")) if j != 3)
                         for line in text.splitlines()) + "\n"

    tamper(TRADE, drop_world)
    with pytest.raises(DataError, match="imports_world_usd_mn"):
        load("us_china_goods_trade")


def test_corrupt_bytes_are_one_clear_error(tamper, data_copy):
    path = data_copy / "snapshot/tdm_china_soybean_imports_by_origin.csv"
    path.write_bytes(b"\xff\xfe\x00garbage\x00\x81" * 20)
    from helpers.data import catalog

    catalog.write_checksums(data_copy / "catalog.toml")
    with pytest.raises(DataError, match="china_soybean_imports.*not a readable CSV"):
        load("china_soybean_imports")


def test_share_above_one_is_impossible(tamper):
    row = "2025-09,month,Brazil,10960516701,0.8516918826"
    path = tamper("snapshot/tdm_china_soybean_imports_by_origin.csv",
                  lambda t: t.replace(row, row.replace(",0.", ",1."), 1))
    line = _line(path.read_text(), "2025-09,month,Brazil")
    with pytest.raises(DataError, match=rf"line {line}, column 'share_of_china_total'"):
        load("china_soybean_imports")


def test_bad_parameters_get_clear_errors():
    from helpers.data import soybean_imports

    with pytest.raises(DataError, match="unknown measure 'tonnes'.*quantity_kg"):
        soybean_imports("tonnes")
    with pytest.raises(DataError, match="unknown freq 'week'"):
        soybean_imports("value_usd", "week")


def test_a_damaged_file_is_never_rewritten(tamper, data_copy):
    path = tamper(TRADE, lambda t: t.replace("2019-03-01,10", "2019-03-01,ten", 1))
    before = path.read_bytes()
    with pytest.raises(DataError):
        load("us_china_goods_trade")
    assert path.read_bytes() == before
