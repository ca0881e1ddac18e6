"""What a notebook hands its brief: the one module both sides import.

A notebook (through ``helpers.report``) displays its key figures, checked claims and chart
data as JSON under the MIME types below; the brief builder (``helpers.briefs``) and the
exports (``helpers.export``) read them back from the executed notebook with
``collect_payload`` and ``chart_records``. Nothing here imports pandas, matplotlib or the
notebook side, so the builder stays light.
"""

from __future__ import annotations

import math
import re
import subprocess
from dataclasses import dataclass
from importlib import metadata

from helpers import paths

FIGURES_MIME = "application/vnd.tradewatch.figures+json"
CLAIM_MIME = "application/vnd.tradewatch.claim+json"
CHART_MIME = "application/vnd.tradewatch.chart+json"
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class KeyFigure:
    """One number a brief prints: value in ``unit`` for ``period``, from ``datasets``.
    ``key`` is stable across label edits (snake_case); tests and readers look figures up by it."""

    key: str
    name: str
    value: float | None
    unit: str
    period: str
    datasets: tuple[str, ...]
    note: str = ""
    decimals: int = 1

    def __post_init__(self):
        if not KEY_PATTERN.match(self.key):
            raise ValueError(f"key figure key {self.key!r} must be snake_case (a-z, 0-9, _)")

    def formatted(self) -> str:
        if self.value is None or (isinstance(self.value, float) and math.isnan(self.value)):
            return "n/a"
        return f"{self.value:,.{self.decimals}f}"

    def record(self) -> dict:
        return {"key": self.key, "name": self.name, "value": self.value, "unit": self.unit,
                "period": self.period, "datasets": list(self.datasets), "note": self.note,
                "decimals": self.decimals}


@dataclass(frozen=True)
class Claim:
    """A statement a brief prints, the check computed from the data, and what it rests on."""

    text: str
    holds: bool
    basis: str
    datasets: tuple[str, ...]

    def record(self) -> dict:
        return {"text": self.text, "holds": self.holds, "basis": self.basis,
                "datasets": list(self.datasets)}


def _outputs(nb):
    for cell in nb.cells:
        yield from (out.get("data", {}) for out in cell.get("outputs", []))


def collect_payload(nb) -> dict:
    """The key-figures payload (first ``FIGURES_MIME`` output) with every claim the notebook
    checked, in order, whether made before the figures table or later in the narrative."""
    payload: dict | None = None
    claims: list[dict] = []
    for data in _outputs(nb):
        if FIGURES_MIME in data and payload is None:
            payload = dict(data[FIGURES_MIME])
            claims.extend(payload.get("claims", []))
        if CLAIM_MIME in data:
            claims.append(dict(data[CLAIM_MIME]))
    payload = payload or {"title": "", "takeaway": "", "figures": []}
    seen: set[str] = set()
    payload["claims"] = [c for c in claims if not (c["text"] in seen or seen.add(c["text"]))]
    return payload


def chart_records(nb) -> list[dict]:
    """Every chart's title, source line and CSV text, in the order the brief shows them."""
    return [dict(data[CHART_MIME]) for data in _outputs(nb) if CHART_MIME in data]


def git_revision() -> str:
    """The short git revision of the project folder (``paths.project_root``: the notebooks
    and data a brief is built from), or 'unknown' outside a git checkout."""
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=paths.project_root(),
                             capture_output=True, text=True, timeout=5, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.SubprocessError, paths.PathSettingError):
        return "unknown"


def kit_version() -> str:
    try:
        return metadata.version("us-china-trade-watch")
    except metadata.PackageNotFoundError:
        return "unknown"
