"""Frame cache fault cases: a stored frame is data only, checked against its recorded
sha256 before use, and the briefs' cache key covers what it serves."""

from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import helpers.data.frame_cache as frame_cache
from helpers.data.loader import served_digest

PROBE = ("from helpers.data import load\n"
         "df = load('us_china_goods_trade', use_cache=False)\n"
         "print(df.select_dtypes('number').abs().to_numpy().sum())")


def _session(cache: Path) -> str:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         env={**os.environ, "TRADEWATCH_FRAME_CACHE": str(cache)}, check=True)
    return out.stdout.strip()


def _stored(cache: Path) -> Path:
    (frame,) = cache.glob("us_china_goods_trade-*.parquet")
    return frame


class _Runs:
    """A crafted pickle payload: unpickling it creates the file named in ``marker``."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (Path(self.marker),))


def test_a_crafted_pickle_in_the_frame_cache_never_runs(tmp_path):
    cache = tmp_path / "frames"
    honest = _session(cache)
    marker = tmp_path / "ran"
    for stored in cache.glob("us_china_goods_trade-*"):
        stored.write_bytes(pickle.dumps(_Runs(str(marker))))
    legacy = _stored(cache).with_suffix(".pkl")
    legacy.write_bytes(pickle.dumps(_Runs(str(marker))))
    assert _session(cache) == honest
    assert not marker.exists()


def test_flipped_bytes_in_a_stored_frame_are_detected_and_the_frame_rebuilt(tmp_path):
    cache = tmp_path / "frames"
    honest = _session(cache)
    frame = _stored(cache)
    data = bytearray(frame.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 64] = bytes(b ^ 0xFF for b in data[middle:middle + 64])
    frame.write_bytes(bytes(data))
    assert _session(cache) == honest
    assert frame.read_bytes() != bytes(data)  # rewritten from the validated table


def test_a_valid_frame_with_changed_values_is_refused_without_its_digest(tmp_path):
    cache = tmp_path / "frames"
    honest = _session(cache)
    frame = _stored(cache)
    doubled = pd.read_parquet(frame)
    numbers = doubled.select_dtypes("number").columns
    doubled[numbers] = doubled[numbers] * 2
    buffer = io.BytesIO()
    doubled.to_parquet(buffer)
    frame.write_bytes(buffer.getvalue())
    assert _session(cache) == honest


def test_the_briefs_cache_key_covers_the_stored_frames(tmp_path, monkeypatch):
    monkeypatch.setenv("TRADEWATCH_FRAME_CACHE", str(tmp_path / "frames"))
    monkeypatch.setattr(frame_cache, "_VALIDATED", {})
    first = served_digest()
    assert served_digest() == first
    sidecar = next((tmp_path / "frames").glob("fx_cny_usd-*.sha256"))
    sidecar.write_text("0" * 64)
    assert served_digest() != first


def test_an_empty_home_never_writes_the_frame_cache_to_the_root(monkeypatch):
    monkeypatch.delenv("TRADEWATCH_FRAME_CACHE")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", "")
    assert frame_cache.frame_cache_dir() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert frame_cache.frame_cache_dir() is None


def test_a_full_disk_leaves_no_temporary_in_the_frame_cache(tmp_path, monkeypatch):
    def full(self, data):
        self.touch()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    target = tmp_path / "x-0.parquet"
    frame_cache._to_disk(target, pd.DataFrame({"a": [1.0]}))
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value", ["relative/frames"])
def test_a_relative_frame_cache_setting_is_refused(monkeypatch, value):
    from helpers.paths import PathSettingError

    monkeypatch.setenv("TRADEWATCH_FRAME_CACHE", value)
    with pytest.raises(PathSettingError):
        frame_cache.frame_cache_dir()
