"""The README's dataset table is written by hand (it says in a few words what a dataset
holds), so a test holds its coverage column to the data: the latest date each row names is
the latest date its datasets hold."""

from __future__ import annotations

import re

import pytest

from helpers import paths
from helpers.data import load, registry, spans

DATE_TOKEN = re.compile(r"(?<![\d/])\d{4}(?:-\d{2}(?:-\d{2})?)?(?!\d)")  # 2024, 2024-05, 2024-05-31
TABLE_HEAD = "| dataset | what | coverage in the snapshot |"
DATED_COLUMNS = ("published",)  # besides the date column and spans.PERIOD_COLUMNS


def _rows() -> list[tuple[list[str], str]]:
    """(dataset ids of the first cell, coverage text) for every row of the README's dataset
    table."""
    readme = (paths.PROJECT_ROOT / "README.md").read_text()
    assert TABLE_HEAD in readme, "README.md has no dataset table"
    table = readme.split(TABLE_HEAD, 1)[1].split("\n\n", 1)[0].strip().splitlines()[1:]
    rows = []
    for line in table:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        rows.append((re.findall(r"`([a-z0-9_]+)`", cells[0]), cells[-1]))
    return rows


def _latest(tokens: list[str]) -> str:
    """The latest of date tokens of any precision (a year or a month counts as its first
    day)."""
    first_day = {4: "-01-01", 7: "-01", 10: ""}
    return max(tokens, key=lambda t: t + first_day[len(t)])


def _latest_in_data(dataset_id: str) -> str | None:
    """The latest date a dataset's date or period columns hold; None for an undated table."""
    ds = registry.spec(dataset_id)
    df = load(dataset_id)
    columns = {ds.date_column, *spans.PERIOD_COLUMNS, *DATED_COLUMNS} & set(df.columns)
    text = " ".join(df[c].dropna().astype(str).str.slice(0, 10).str.cat(sep=" ") for c in columns)
    found = DATE_TOKEN.findall(text)
    return _latest(found) if found else None


def test_every_dataset_but_the_cross_checks_is_named_in_the_table():
    readme = (paths.PROJECT_ROOT / "README.md").read_text()
    table = readme.split(TABLE_HEAD, 1)[1].split("\n\n", 1)[0]
    named = set(re.findall(r"`([a-z0-9_]+)`", table))
    kept = {i for i in registry.specs() if not i.startswith("xcheck_")}
    assert kept <= named, sorted(kept - named)


@pytest.mark.parametrize("ids, coverage", _rows(), ids=lambda v: v[0] if isinstance(v, list) else "")
def test_the_latest_date_a_row_names_is_the_latest_its_data_hold(ids, coverage):
    held = [i for i in ids if registry.spec(i).files]
    if not held:
        assert "refresh only" in coverage
        return
    named = DATE_TOKEN.findall(coverage)
    dated = [d for d in (_latest_in_data(i) for i in held) if d is not None]
    if not dated:
        assert not named and "undated" in coverage, f"{ids}: an undated table given dates"
        return
    assert named, f"{ids}: the coverage names no date"
    in_data = _latest(dated)
    assert in_data.startswith(_latest(named)), (
        f"{ids}: README's coverage ends {_latest(named)}, the data end {in_data}")
