"""Validated frames kept between sessions (helpers.data.frame_cache): a new process
loads without parsing, validating or importing pandera; changed content or a damaged cache
file is validated afresh."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from helpers.data import load

PROBE = ("import sys\nfrom helpers.data import load\n"
         "df = load('fx_cny_usd', use_cache=False)\n"
         "print(len(df), 'pandera' in sys.modules)")


def _fresh_process(env_cache) -> tuple[int, bool]:
    import os

    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         env={**os.environ, "TRADEWATCH_FRAME_CACHE": str(env_cache)}, check=True)
    rows, imported = out.stdout.split()
    return int(rows), imported == "True"


def test_a_second_session_loads_from_the_cache_without_pandera(tmp_path):
    first = _fresh_process(tmp_path)
    second = _fresh_process(tmp_path)
    assert first[1] is True and second == (first[0], False)
    assert len(list(tmp_path.glob("fx_cny_usd-*.parquet"))) == 1


def test_a_damaged_cache_file_is_validated_again(tmp_path):
    _fresh_process(tmp_path)
    (cached,) = tmp_path.glob("fx_cny_usd-*.parquet")
    cached.write_bytes(b"not a frame")
    rows, imported = _fresh_process(tmp_path)
    assert imported is True and rows > 0
    assert pd.read_parquet(cached).shape[0] == rows  # rewritten with the validated frame


def test_changed_content_is_never_served_from_the_cache(tamper):
    before = load("fx_cny_usd", use_cache=False)
    tamper("snapshot/fx_cny_usd.csv", lambda t: t.replace("8.2765", "8.2766", 1))
    after = load("fx_cny_usd", use_cache=False)
    assert (after["cny_per_usd"] == 8.2766).sum() == (before["cny_per_usd"] == 8.2766).sum() + 1


def test_the_cache_can_be_switched_off(monkeypatch):
    from helpers.data.frame_cache import frame_cache_dir

    monkeypatch.setenv("TRADEWATCH_FRAME_CACHE", "off")
    assert frame_cache_dir() is None
