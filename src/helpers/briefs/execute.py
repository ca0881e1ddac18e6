"""One notebook in a worker process: run it with papermill, name the cell that failed, timed
out or printed too much, then publish its brief (``publish.publish_brief``)."""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

from helpers.briefs.lock import still_owned
from helpers.briefs.publish import MAX_BRIEF, publish_brief

log = logging.getLogger(__name__)
CELL_TIMEOUT = 300  # seconds one cell may run before its notebook fails
MAX_CELL_OUTPUT = 8 * 2**20  # bytes of output one cell may print or display


def _positions(source) -> dict:
    """Cell id -> position in the notebook as committed (0-based): papermill adds cells of
    its own to the executed copy, so executed cells are named by the committed position."""
    return {c.get("id"): i for i, c in enumerate(source.cells)}


def failing_cell(executed, source) -> str:
    """'cell N (Error: message)' for the first cell with an error output."""
    positions = _positions(source)
    for cell in executed.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                where = positions.get(cell.get("id"), "?")
                return f"cell {where} ({out.get('ename')}: {out.get('evalue')})"
    return "unknown cell"


def last_started(executed, source) -> str:
    """'cell N': the last cell papermill started (the ones after it were never started);
    '' when none started."""
    started = [c for c in executed.cells if c.get("metadata", {}).get("papermill", {}).get(
        "start_time")]
    return f"cell {_positions(source).get(started[-1].get('id'), '?')}" if started else ""


def timed_out_cell(executed, source, seconds: float) -> str:
    """'cell N (timed out after S s)'."""
    return f"{last_started(executed, source) or 'a cell'} (timed out after {seconds:g} s)"


def oversized(executed_path: Path, source) -> str:
    """'' or which cell's output or which notebook is over ``MAX_CELL_OUTPUT`` /
    ``MAX_BRIEF`` bytes."""
    size = executed_path.stat().st_size
    if size <= MAX_CELL_OUTPUT:
        return ""
    positions = _positions(source)
    for cell in json.loads(executed_path.read_bytes()).get("cells", []):
        output = len(json.dumps(cell.get("outputs", [])))
        if output > MAX_CELL_OUTPUT:
            return (f"cell {positions.get(cell.get('id'), '?')} output is "
                    f"{output / 2**20:.1f} MB, over the {MAX_CELL_OUTPUT / 2**20:g} MB limit "
                    "per cell")
    if size > MAX_BRIEF:
        return (f"the executed notebook is {size / 2**20:.1f} MB, over the "
                f"{MAX_BRIEF / 2**20:g} MB limit per brief")
    return ""


def _run(nb_path: str, params: dict, tmp_nb: Path, cell_timeout: float | None) -> str:
    """Execute the notebook into ``tmp_nb``; '' when it ran through, else where it stopped."""
    import nbformat
    import papermill
    from nbclient.exceptions import CellTimeoutError

    try:
        papermill.execute_notebook(nb_path, str(tmp_nb), parameters=params,
                                   kernel_name="python3", cwd=str(Path(nb_path).parent),
                                   progress_bar=False, log_output=False,
                                   execution_timeout=cell_timeout,
                                   extra_arguments=["--IPKernelApp.log_level=ERROR"])
    except (papermill.PapermillExecutionError, CellTimeoutError) as exc:
        nb = nbformat.read(tmp_nb, as_version=4) if tmp_nb.exists() else None
        source = nbformat.read(nb_path, as_version=4)
        if isinstance(exc, CellTimeoutError):
            return timed_out_cell(nb, source, cell_timeout) if nb else "a cell timed out"
        return failing_cell(nb, source) if nb else f"execution count {exc.exec_count}"
    except Exception as exc:  # a kernel that died or could not start
        log.debug("%s: the kernel stopped", Path(nb_path).name, exc_info=True)
        try:
            where = last_started(nbformat.read(tmp_nb, as_version=4),
                                 nbformat.read(nb_path, as_version=4))
        except Exception:  # noqa: BLE001 (no notebook written yet: no cell to name)
            where = ""
        return f"{where + ': ' if where else ''}{type(exc).__name__}: {str(exc)[:500]}"
    return oversized(tmp_nb, nbformat.read(nb_path, as_version=4))


def execute_one(nb_path: str, params: dict, name: str, reports: str,
                cell_timeout: float | None, edition: str = "policy",
                parent: int | None = None) -> dict:
    """Run in a worker process: execute, then publish while the build that started this
    worker (pid ``parent``) holds the lock. Returns the outcome for the build's state:
    ``ok``, ``seconds``, and ``payload`` and ``executed_sha256`` or ``error``."""
    import nbformat

    reports_dir = Path(reports)
    (reports_dir / "executed").mkdir(parents=True, exist_ok=True)
    tmp_nb = reports_dir / "executed" / f".{name}.{os.getpid()}.ipynb"
    started = time.perf_counter()
    try:
        error = _run(nb_path, params, tmp_nb, cell_timeout)
        result = {"ok": False, "error": error} if error else publish_brief(
            nbformat.read(tmp_nb, as_version=4), Path(nb_path).name, name, reports_dir, edition,
            lambda: parent is None or still_owned(reports_dir, parent))
    finally:
        tmp_nb.unlink(missing_ok=True)
    return {**result, "seconds": time.perf_counter() - started}
