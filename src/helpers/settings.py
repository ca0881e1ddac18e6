"""Every ``TRADEWATCH_*`` environment variable the kit reads, declared once with its default,
type, unit and meaning, and read only through this module.

A folder must be an absolute path (an empty or relative value would depend on where a command
runs); a number must parse and be positive (a count may be zero). Either fault raises
:class:`SettingError` naming the variable. ``markdown_table()`` renders the README's table.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


class SettingError(ValueError):
    """An environment variable holds a value the kit cannot use."""


#: Older name kept so callers catching a folder fault keep working.
PathSettingError = SettingError


@dataclass(frozen=True)
class Setting:
    """One environment variable: ``kind`` is folder, seconds, bytes, count, url, flag or make."""

    name: str
    kind: str
    default: str
    unit: str
    description: str


SETTINGS: tuple[Setting, ...] = (
    Setting("TRADEWATCH_PROJECT_DIR", "folder", "the checkout, else the working directory", "path",
            "Project root holding data/, notebooks/ and reports/ (an installed kit needs it or a "
            "working directory with data/)"),
    Setting("TRADEWATCH_DATA_DIR", "folder", "<project>/data", "path",
            "Data folder: catalog.toml, snapshot/ and the refresh cache"),
    Setting("TRADEWATCH_NOTEBOOKS_DIR", "folder", "<project>/notebooks", "path",
            "Narrative notebooks the briefs are built from"),
    Setting("TRADEWATCH_REPORTS_DIR", "folder", "<project>/reports", "path",
            "Where briefs, PDFs and the index are written"),
    Setting("TRADEWATCH_DIST_DIR", "folder", "<project>/dist", "path",
            "Where the student edition is written"),
    Setting("TRADEWATCH_FRAME_CACHE", "folder", "~/.cache/us-china-trade-watch/frames", "path",
            "Validated-frame cache between sessions; `off` (or `0`, empty) disables it"),
    Setting("TRADEWATCH_HTTP_DEADLINE", "seconds", "300", "s",
            "Total time allowed for one download"),
    Setting("TRADEWATCH_HTTP_TIMEOUT", "seconds", "60", "s",
            "Time a silent socket is waited for"),
    Setting("TRADEWATCH_HTTP_MAX_BYTES", "bytes", str(64 * 1024 * 1024), "bytes",
            "Largest body accepted once decoded"),
    Setting("TRADEWATCH_HTTP_RETRIES", "count", "3", "times",
            "Repeats of a request answered 429 or 5xx (0: none)"),
    Setting("TRADEWATCH_HTTP_BACKOFF", "seconds", "2", "s",
            "Wait before the first repeat, doubled each time"),
    Setting("TRADEWATCH_FRED_URL", "url", "FRED's CSV endpoint", "URL",
            "Replaces FRED's address (tests use a local server)"),
    Setting("TRADEWATCH_CENSUS_URL", "url", "Census exports endpoint", "URL",
            "Replaces the Census API address (tests)"),
    Setting("TRADEWATCH_WORLDBANK_URL", "url", "Pink Sheet download", "URL",
            "Replaces the World Bank download address (tests)"),
    Setting("TRADEWATCH_FAS_URL", "url", "FAS ESR API root", "URL",
            "Replaces the FAS export-sales API root (tests)"),
    Setting("TRADEWATCH_COMTRADE_URL", "url", "UN Comtrade API root", "URL",
            "Replaces the UN Comtrade API root (tests)"),
    Setting("TRADEWATCH_REQUIRE_SHARED", "flag", "0", "0/1",
            "`1`: tests that need the shared extracts fail instead of skipping"),
    Setting("TRADEWATCH_BRIEF_NB", "make", "", "name",
            "`make brief NB=...`: the notebook, passed on as `--notebook`"),
    Setting("TRADEWATCH_BRIEF_PARAMS", "make", "", "name=value ...",
            "`make brief PARAMS=...`: parameters, passed on as `--params`"),
    Setting("TRADEWATCH_BRIEF_PARAMS_FILE", "make", "", "path",
            "`make brief PARAMS_FILE=...`: a JSON file, passed on as `--params-file`"),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _raw(name: str) -> str | None:
    if name not in _BY_NAME:
        raise KeyError(f"{name} is not a declared setting (add it to helpers.settings.SETTINGS)")
    return os.environ.get(name)


def folder(name: str, default: Path | None) -> Path | None:
    """The absolute folder ``name`` names, else ``default``; an empty, blank or relative value
    is refused naming the variable."""
    value = _raw(name)
    if value is None:
        return default
    if not value.strip():
        raise SettingError(f"{name} is set but empty; unset it or give an absolute path")
    path = Path(value).expanduser()
    if not path.is_absolute():
        raise SettingError(f"{name}={value!r} is a relative path; give an absolute path")
    return path


def number(name: str) -> float:
    """A positive number (seconds, bytes) or, for a count, a whole number zero or more."""
    setting = _BY_NAME[name]
    value = _raw(name)
    text = setting.default if value is None else value
    try:
        parsed = int(text) if setting.kind in ("count", "bytes") else float(text)
    except ValueError:
        raise SettingError(f"{name}={text!r} is not a number of {setting.unit}") from None
    if parsed < 0 or (parsed == 0 and setting.kind != "count") or parsed != parsed:
        raise SettingError(f"{name}={text!r} must be positive ({setting.unit})")
    return parsed


def url(name: str, default: str) -> str:
    """The address ``name`` gives, else ``default``; an empty value is refused."""
    value = _raw(name)
    if value is None:
        return default
    if not value.strip():
        raise SettingError(f"{name} is set but empty; unset it or give a URL")
    return value.strip()


def text(name: str) -> str | None:
    """The raw value of a setting the kit only passes on or inspects (``None`` when unset)."""
    return _raw(name)


def flag(name: str) -> bool:
    """True when the variable is ``1``."""
    return (_raw(name) or "").strip() == "1"


def frame_cache_off() -> bool:
    """True when ``TRADEWATCH_FRAME_CACHE`` switches the frame cache off (``off``, ``0``, empty)."""
    value = text("TRADEWATCH_FRAME_CACHE")
    return value is not None and value.strip().lower() in ("", "off", "0")


def validate() -> None:
    """Check every declared setting that is set, so a command stops before it starts on the
    first bad value (``SettingError`` naming the variable)."""
    for s in SETTINGS:
        if s.kind == "folder" and not (s.name == "TRADEWATCH_FRAME_CACHE" and frame_cache_off()):
            folder(s.name, None)
        elif s.kind in ("seconds", "bytes", "count"):
            number(s.name)
        elif s.kind == "url":
            url(s.name, "")


def markdown_table() -> str:
    """The README's settings table, one row per declared variable."""
    rows = ["| Variable | Default | Unit | Meaning |", "| --- | --- | --- | --- |"]
    rows += [f"| `{s.name}` | {s.default or '(none)'} | {s.unit} | {s.description} |"
             for s in SETTINGS]
    return "\n".join(rows) + "\n"
