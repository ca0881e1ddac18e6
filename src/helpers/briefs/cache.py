"""When a brief needs no kernel: the digests of its inputs, the executed notebook reused with
new prose, and each brief's recorded state (``reports/.cache/<name>.json``).

Two keys per brief: ``digest`` (everything: unchanged means the brief is current) and
``code_digest`` (all but the Markdown and the edition: unchanged means the stored executed
notebook still holds the right outputs, so the brief is only rendered again)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

from helpers import paths
from helpers.briefs import render
from helpers.briefs.publish import atomic_write

PACKAGE = Path(__file__).parents[1]  # the helpers package, whose source every brief runs


def shared_digest() -> str:
    """Hash of what every brief depends on: the helpers' source, every template file (conf.json
    included), every file in the data folder (catalog, snapshot and refresh cache, any
    extension) and the stored validated frames the datasets are served from
    (``loader.served_digest``)."""
    from helpers.data.loader import served_digest

    h = hashlib.sha256(served_digest().encode())
    templates, data = render.TEMPLATES, paths.data_dir()
    trees = [(PACKAGE, sorted(PACKAGE.rglob("*.py"))), (templates, sorted(templates.rglob("*"))),
             (data, sorted(data.rglob("*")))]
    for root, files in trees:
        for f in files:
            if f.is_file():
                h.update(f.relative_to(root).as_posix().encode())
                h.update(f.read_bytes())
    return h.hexdigest()


def _rebuilds_daily(nb: dict) -> bool:
    return bool(nb.get("metadata", {}).get("tradewatch", {}).get("rebuild_daily"))


def inputs_digest(nb_path: Path, params: dict, shared: str,
                  today: dt.date | None = None) -> str:
    """Hash of everything one brief depends on: its notebook, parameters and the shared
    inputs, plus today's date for a notebook whose metadata says it counts from the build
    date (``tradewatch.rebuild_daily``)."""
    h = hashlib.sha256(shared.encode())
    raw = nb_path.read_bytes()
    h.update(raw)
    h.update(json.dumps(params, sort_keys=True).encode())
    if _rebuilds_daily(json.loads(raw)):
        h.update((today or dt.date.today()).isoformat().encode())
    return h.hexdigest()


def code_digest(nb_path: Path, params: dict, shared: str, today: dt.date | None = None) -> str:
    """Hash of what a brief's outputs depend on: the shared inputs, parameters and the
    notebook's code cells (source and tags) and metadata, not its Markdown nor the edition
    (both editions run the same cells). When only these stay the same, the brief is
    re-rendered from a stored executed notebook without running a kernel."""
    nb = json.loads(nb_path.read_bytes())  # plain JSON: nbformat's import costs seconds
    h = hashlib.sha256(shared.encode())
    h.update(json.dumps(params, sort_keys=True).encode())
    h.update(json.dumps(nb.get("metadata", {}), sort_keys=True, default=str).encode())
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            source = cell.get("source", "")
            h.update(("".join(source) if isinstance(source, list) else source).encode())
            h.update(json.dumps(cell.get("metadata", {}).get("tags", []), sort_keys=True).encode())
    if _rebuilds_daily(nb):
        h.update((today or dt.date.today()).isoformat().encode())
    return h.hexdigest()


def with_new_prose(executed, source):
    """The executed notebook with the committed notebook's Markdown cells in place of its
    own: code cells and their outputs (and papermill's injected parameters) stay, every
    Markdown cell comes from ``source``. Returns None when the code cells do not line up
    (then the notebook has to run again)."""
    ran = [c for c in executed.cells if c.cell_type == "code"]
    injected = [c for c in ran if "injected-parameters" in c.metadata.get("tags", [])]
    ran = [c for c in ran if c not in injected]
    wanted = [c for c in source.cells if c.cell_type == "code"]
    if [c.source for c in ran] != [c.source for c in wanted]:
        return None
    cells, code = [], iter(ran)
    for cell in source.cells:
        if cell.cell_type != "code":
            cells.append(cell)
            continue
        cells.append(next(code))
        if "parameters" in cell.metadata.get("tags", []):
            cells.extend(injected)
    out = executed.copy()
    out.cells = cells
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stored_executed(reports: Path, name: str, state: dict) -> bytes | None:
    """The executed notebook a build stored for brief ``name`` in ``reports``, if it is byte
    for byte the one the state records (``executed_sha256``); else None."""
    expected = state.get("executed_sha256")
    try:
        data = (reports / "executed" / f"{name}.ipynb").read_bytes()
    except OSError:
        return None
    return data if expected and hashlib.sha256(data).hexdigest() == expected else None


def state_path(reports: Path, name: str) -> Path:
    return reports / ".cache" / f"{name}.json"


def state_of(path: Path) -> dict | None:
    """A brief's recorded state; None when absent. A damaged file (not JSON, not an object)
    is reported by name and treated as absent, so its brief is rebuilt."""
    try:
        state = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        state = exc
    if not isinstance(state, dict):
        print(f"warning: {path} is damaged ({type(state).__name__}); its brief is rebuilt",
              file=sys.stderr, flush=True)
        return None
    return state


def read_state(reports: Path, name: str) -> dict | None:
    return state_of(state_path(reports, name))


def write_state(reports: Path, name: str, state: dict) -> None:
    atomic_write(state_path(reports, name), json.dumps(state, default=str).encode())
