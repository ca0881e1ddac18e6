"""Self-checking exercises: ``check_answer(name, value)`` says whether a student's answer
matches the exercise's reference, without printing the reference.

A number is compared on the exercise's tolerance grid: the answer's cell,
round(value / tolerance), is hashed with a salt and compared with the salted hash of the
reference's cell, the neighbouring cells included, so every value within one tolerance of
the reference passes (and none beyond two). A reading (one of the options an exercise
states) is compared the same way. The student edition ships only these salted hashes
(``answer_keys.json`` beside this module, written when the edition is built); the
instructor edition computes the reference from the data with ``helpers.answers``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import secrets
from numbers import Real
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

ACCEPTED = "Correct"
REJECTED = "Not within tolerance"
KEYS_FILE = Path(__file__).with_name("answer_keys.json")
ROUNDS = 20_000  # PBKDF2 iterations per hash: slows a search of the grid, not one check
SCALES = {100: "a fraction where a percent is asked (or points vs percent)",
          0.01: "a percent where a fraction is asked",
          1000: "thousands where the unit is larger (kt vs Mt, USD mn vs bn)",
          0.001: "the unit where thousands are asked (Mt vs kt, USD bn vs mn)",
          -1: "a sign slip (check the order of the subtraction)"}


class Key(NamedTuple):
    """One exercise's check without its answer: the salted hash of the reference's grid
    cell (or reading), the grid step (0 for a reading), unit and stated options."""

    salt: str
    digest: str
    tolerance: float
    unit: str
    options: list[str] | None = None


def _hash(salt: str, name: str, token: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", f"{name}|{token}".encode(), bytes.fromhex(salt),
                               ROUNDS).hex()


def _cell(value: float, tolerance: float) -> int:
    return math.floor(value / tolerance + 0.5)


def seal(name: str, answer, tolerance: float, unit: str, options=None) -> Key:
    """The check of exercise ``name`` for reference ``answer`` (a number on a grid of step
    ``tolerance``, or one of ``options``), with a fresh random salt."""
    salt = secrets.token_hex(16)
    token = str(answer) if options is not None else str(_cell(float(answer), tolerance))
    return Key(salt, _hash(salt, name, token), tolerance, unit,
               None if options is None else list(options))


def _matches(name: str, key: Key, number: float) -> bool:
    if not math.isfinite(number):
        return False
    cell = _cell(number, key.tolerance)
    return any(_hash(key.salt, name, str(cell + step)) == key.digest for step in (0, -1, 1))


@functools.cache
def _shipped_keys() -> dict[str, Key]:
    raw = json.loads(KEYS_FILE.read_text(encoding="utf-8"))
    return {name: Key(**fields) for name, fields in raw.items()}


def write_keys(keys: dict[str, Key], path: Path) -> None:
    """Write the checks (no answers) that ``check_answer`` reads in the student edition."""
    path.write_text(json.dumps({name: key._asdict() for name, key in keys.items()}, indent=1)
                    + "\n", encoding="utf-8")


def key(name: str) -> Key:
    """Exercise ``name``'s check: from the shipped file, else sealed from the reference."""
    if KEYS_FILE.is_file():
        known = _shipped_keys()
        if name in known:
            return known[name]
    else:
        from helpers import answers  # instructor edition only

        known = answers.REFERENCES
        if name in known:
            return known[name].seal(name)
    raise ValueError(f"no exercise named {name!r}; exercises: {', '.join(sorted(known))}")


def _as_number(name: str, value) -> float | None:
    """A student's answer as a float; None for the stub's ``...``; TypeError otherwise."""
    if value is Ellipsis or value is None:
        return None
    if isinstance(value, (pd.Series, pd.DataFrame, np.ndarray)) and np.size(value) == 1:
        value = np.asarray(value).ravel()[0]
    if isinstance(value, bool) or not isinstance(value, Real | np.number):
        raise TypeError(f"{name}: the answer must be one number, not {type(value).__name__}")
    return float(value)


def _check_reading(name: str, check: Key, value) -> bool:
    options = ", ".join(f'"{o}"' for o in check.options)
    if value is Ellipsis or value is None:
        print(f"{name}: no answer yet. Replace `...` with one of {options}.")
        return False
    if not isinstance(value, str) or value.strip().lower() not in check.options:
        raise TypeError(f"{name}: the answer must be one of {options}, not {value!r}")
    if _hash(check.salt, name, value.strip().lower()) == check.digest:
        print(f"{ACCEPTED}: {name} is the reading the data support.")
        return True
    print(f"{REJECTED}: {name} is not the reading the data support. Compute the numbers "
          "the question names and compare them before choosing.")
    return False


def check_answer(name: str, value) -> bool:
    """Print whether ``value`` matches exercise ``name``'s reference (never the reference
    itself), with a hint when it matches after a unit or sign slip; return True or False."""
    check = key(name)
    if check.options is not None:
        return _check_reading(name, check, value)
    number = _as_number(name, value)
    if number is None:
        print(f"{name}: no answer yet. Replace `...` with your number ({check.unit}).")
        return False
    if _matches(name, check, number):
        print(f"{ACCEPTED}: {name} is within ±{check.tolerance:g} {check.unit} of the "
              "reference.")
        return True
    slip = next((scale for scale in SCALES if _matches(name, check, scale * number)), None)
    hint = (f"Your number matches after multiplying by {slip:g}: it looks like {SCALES[slip]}."
            if slip is not None else "Check the sample, the dates and missing months.")
    print(f"{REJECTED}: {name} is not within ±{check.tolerance:g} {check.unit} of the reference. "
          f"The answer's unit is {check.unit}. {hint}")
    return False
