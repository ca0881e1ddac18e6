"""What a build is asked for: which notebooks, which edition into which folder, their
parameters typed from each notebook's ``parameters`` cell (papermill's convention), and the
file name of a parameterised variant."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import json
import math
import re
from pathlib import Path

from helpers import paths
from helpers.export import PAPER

EDITIONS = ("policy", "instructor")  # instructor: teaching cells kept, in reports/instructor/
PAPERS = tuple(sorted(PAPER))  # paper sizes of the PDFs (``export.write_pdfs``)
MAX_NAME = 120  # characters of a variant's file name before it is named by a hash instead

_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_BOOLS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}


def notebook_paths(names: list[str] | None = None) -> list[Path]:
    """The notebooks to render (all of ``notebooks/`` by default), by name without suffix."""
    available = {p.stem: p for p in sorted(paths.notebooks_dir().glob("[0-9][0-9]_*.ipynb"))}
    if not names:
        return list(available.values())
    unknown = [n for n in names if n not in available]
    if unknown:
        raise ValueError(f"no notebook named {unknown} in notebooks/; "
                         f"available: {', '.join(available)}")
    return [available[n] for n in names]


def reports_folder(edition: str = "policy") -> Path:
    """Where an edition's briefs go: ``reports/``, or ``reports/instructor/``."""
    if edition not in EDITIONS:
        raise ValueError(f"edition must be one of {EDITIONS}, not {edition!r}")
    return paths.reports_dir() / ("instructor" if edition == "instructor" else "")


def declared_default(info: dict):
    """The Python value of a parameter's default as written in the parameters cell."""
    try:
        return ast.literal_eval(info["default"])
    except (ValueError, SyntaxError):
        return None


def _as_date_like(default: str, text: str) -> str:
    """``text`` as the same kind of date as ``default`` (YYYY-MM or YYYY-MM-DD), zero-padded."""
    if _DAY.fullmatch(default):
        m = _DAY.fullmatch(text)
        try:
            return dt.date(*map(int, m.groups())).isoformat()
        except (AttributeError, ValueError):
            raise ValueError("a date like 2018-01-01") from None
    m = _MONTH.fullmatch(text)
    if not m or not 1 <= int(m[2]) <= 12:
        raise ValueError("a month like 2018-01")
    return f"{m[1]}-{int(m[2]):02d}"


def typed_value(value, default):
    """A parameter value (text from the command line or a JSON value) typed like its declared
    default: bool, int, finite float, or text; a date-like default (YYYY-MM or YYYY-MM-DD)
    takes only the same kind of date, in canonical form. ValueError names the type wanted."""
    text = str(value).strip()
    if isinstance(default, bool):
        if text.lower() not in _BOOLS:
            raise ValueError("true or false")
        return _BOOLS[text.lower()]
    if isinstance(default, int):
        try:
            return int(text)
        except ValueError:
            raise ValueError("a whole number") from None
    if isinstance(default, float):
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise ValueError("a finite number")
        return number
    if isinstance(default, str) and (_DAY.fullmatch(default) or _MONTH.fullmatch(default)):
        return _as_date_like(default, text)
    return text


def check_params(nb_path: Path, params: dict) -> dict:
    """Parameters checked against the notebook's parameters cell and typed from its declared
    defaults; any value that cannot be read as its type is refused, naming the parameter."""
    if not params:
        return {}
    import papermill

    declared = papermill.inspect_notebook(str(nb_path))
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise ValueError(f"{nb_path.stem} has no parameter {unknown}; "
                         f"its parameters cell declares {sorted(declared)}")
    typed = {}
    for name, value in params.items():
        default = declared_default(declared[name])
        try:
            typed[name] = typed_value(value, default)
        except ValueError as exc:
            shown = repr(value) if len(repr(value)) <= 80 else f"{repr(value)[:60]}... " \
                f"({len(str(value)):,} characters)"
            raise ValueError(f"{nb_path.stem}: parameter {name!r} = {shown} is not {exc} "
                             f"(its default is {declared[name]['default']})") from None
    return typed


def output_name(nb_path: Path, params: dict) -> str:
    """``03_soybean_collapse`` or, for a variant, ``03_soybean_collapse--start=2015-01``.

    Typed values make the name canonical (2018-1 and 2018-01 are one variant); a value with
    a character other than letters, digits, '.' and '-' (so also '_' and '=', which would
    let two variants share a name), or a name over ``MAX_NAME`` characters, gives
    ``<notebook>--<12 hex digits of the parameters' hash>`` instead."""
    if not params:
        return nb_path.stem
    slug = "_".join(f"{k}={v}" for k, v in sorted(params.items()))
    name = f"{nb_path.stem}--{slug}"
    plain = all(re.fullmatch(r"[A-Za-z0-9.-]+", str(v)) for v in params.values())
    if plain and len(name) <= MAX_NAME:  # values without '_' or '=': one name, one variant
        return name
    digest = hashlib.sha256(json.dumps(params, sort_keys=True, default=str).encode())
    return f"{nb_path.stem}--{digest.hexdigest()[:12]}"
