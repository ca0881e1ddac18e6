"""Fault cases for the committed data files: each damaged file is refused with one DataError
naming the dataset, the file and, where there is one, the line. Damage is done to a private
copy of data/ (the ``data_copy``/``tamper`` fixtures), never to the project's files."""

from __future__ import annotations

import csv
import io
import re
import subprocess

import pytest

from helpers import paths
from helpers.data import catalog, load
from helpers.data.errors import DataError

TRADE = "snapshot/us_china_goods_trade_monthly.csv"
EVENTS = "snapshot/tariff_events.csv"


def _line(text: str, startswith: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(startswith))


@pytest.mark.parametrize("word", ["NaN", "nan", "inf", "-Infinity"])
def test_nan_or_inf_text_in_a_numeric_column_is_refused_with_file_and_line(tamper, word):
    path = tamper(TRADE, lambda t: re.sub(r"^2019-03-01,[^,]*", f"2019-03-01,{word}", t,
                                          count=1, flags=re.M))
    line = _line(path.read_text(), "2019-03-01")
    with pytest.raises(DataError) as err:
        load("us_china_goods_trade")
    message = str(err.value)
    assert "us_china_goods_trade_monthly.csv" in message
    assert f"line {line}, column 'exports_usd_mn': '{word}' is not a finite number" in message


def test_a_header_only_file_is_refused(tamper):
    tamper(EVENTS, lambda t: t.splitlines(keepends=True)[0])
    with pytest.raises(DataError, match=r"tariff_events\.csv\): the table has a header "
                                        r"\(event_id, date, .*\) but no rows"):
        load("tariff_events")


def test_an_empty_file_is_refused(tamper):
    tamper(EVENTS, lambda t: "")
    with pytest.raises(DataError, match=r"tariff_events\.csv\): the file is empty"):
        load("tariff_events")


def test_invalid_utf8_names_its_line(data_copy):
    path = data_copy / EVENTS
    lines = path.read_bytes().split(b"\n")
    lines[9] = lines[9][:20] + b"\xe9" + lines[9][20:]  # a Latin-1 byte inside line 10
    path.write_bytes(b"\n".join(lines))
    catalog.write_checksums(data_copy / "catalog.toml")
    with pytest.raises(DataError, match=r"tariff_events\.csv\): not a readable CSV: line 10 is "
                                        r"not valid UTF-8 \(byte 0xe9\)"):
        load("tariff_events")


def test_a_deleted_column_is_named(tamper):
    def drop_measure(text):
        rows = list(csv.reader(io.StringIO(text)))
        gone = rows[0].index("measure")
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(r[:gone] + r[gone + 1:] for r in rows)
        return out.getvalue()

    tamper(EVENTS, drop_measure)
    with pytest.raises(DataError, match=r"tariff_events\.csv\): the header lacks column "
                                        r"'measure'; it has event_id, date"):
        load("tariff_events")


def test_a_crlf_checkout_is_refused_with_how_to_fix_it(data_copy):
    path = data_copy / TRADE
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    with pytest.raises(DataError) as err:
        load("us_china_goods_trade")
    message = str(err.value)
    assert "sha256 mismatch" in message and "Windows line endings (CRLF)" in message
    assert "git config core.autocrlf false" in message and "git checkout HEAD -- data/" in message


def test_git_never_converts_line_endings_of_data_files():
    root = paths.PROJECT_ROOT
    if not (root / ".git").exists():
        pytest.skip("not a git checkout")
    files = [f"data/{f.path}" for ds in catalog.read_catalog(root / "data/catalog.toml").values()
             for f in ds.files] + ["data/catalog.toml"]
    out = subprocess.run(["git", "check-attr", "text", "--", *files], cwd=root, check=True,
                         capture_output=True, text=True).stdout
    attrs = dict(line.rsplit(": text: ", 1) for line in out.splitlines())
    assert attrs == dict.fromkeys(files, "unset")
