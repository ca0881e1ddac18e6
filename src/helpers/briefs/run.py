"""A build, start to end: for each notebook decide whether its brief is current (cached),
can be rendered again from a stored executed notebook (rendered: only the prose or the
edition changed), or must run (built, in the worker pool); record each brief's state; write
the index; print PDFs on request. ``main`` is the command line's entry."""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from helpers import export, paths
from helpers.briefs import pool
from helpers.briefs.cache import (
    code_digest,
    inputs_digest,
    read_state,
    shared_digest,
    stored_executed,
    with_new_prose,
    write_state,
)
from helpers.briefs.execute import CELL_TIMEOUT
from helpers.briefs.index import write_index
from helpers.briefs.lock import LOCK_TIMEOUT, BuildBusy, build_lock
from helpers.briefs.params import (
    EDITIONS,
    PAPERS,
    check_params,
    notebook_paths,
    output_name,
    reports_folder,
)
from helpers.briefs.publish import print_pdfs, publish_brief, remove_temp_files
from helpers.briefs.signals import BuildInterrupted, stop_on_signals

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    name: str
    status: str  # built | rendered (no kernel: prose or edition changed) | cached | failed
    seconds: float
    message: str = ""


def _built_state(digest: dict, result: dict, previous: dict) -> dict:
    """The state of a brief published from new outputs, remembering the one before it."""
    from helpers import overview

    return {"status": "ok", **digest, "payload": result["payload"],
            "executed_sha256": result["executed_sha256"], "previous": previous.get("payload"),
            "data_changed": overview.data_changed(previous, result["payload"])}


def _rerender(nb_path: Path, name: str, executed: bytes, reports: Path, edition: str) -> dict:
    """Publish brief ``name`` into ``reports`` from a stored executed notebook with the
    notebook's current prose (no kernel); the key figures and claims come from the stored
    outputs. ``ok`` is False when the code cells no longer line up, a claim in it does not
    hold or publishing fails: then the notebook runs again."""
    import nbformat

    started = time.perf_counter()
    merged = with_new_prose(nbformat.reads(executed.decode(), as_version=4),
                            nbformat.read(nb_path, as_version=4))
    if merged is None:
        return {"ok": False}
    result = publish_brief(merged, nb_path.name, name, reports, edition)
    return {**result, "seconds": time.perf_counter() - started}


def _without_kernel(nb: Path, name: str, reports: Path, edition: str, digest: dict,
                    state: dict) -> Outcome | None:
    """Render the brief again, if a stored executed notebook has the outputs it needs (same
    ``code_digest``, file as recorded): this edition's own, when only the prose changed, else
    the other edition's, when only the edition differs. None when neither serves."""
    own_current = state.get("status") == "ok" and (reports / f"{name}.html").is_file()
    sources = [(edition, reports, state if own_current else {})]
    sources += [(other, reports_folder(other), None) for other in EDITIONS if other != edition]
    for source_edition, folder, recorded in sources:
        recorded = read_state(folder, name) if recorded is None else recorded
        if not recorded or recorded.get("status") != "ok" or \
                recorded.get("code_digest") != digest["code_digest"]:
            continue
        executed = stored_executed(folder, name, recorded)
        result = _rerender(nb, name, executed, reports, edition) if executed else {"ok": False}
        if not result["ok"]:
            continue
        if folder == reports:
            write_state(reports, name, {**state, **digest, "payload": result["payload"],
                                        "executed_sha256": result["executed_sha256"]})
            log.info("%s: prose changed only; re-rendered and published", name)
        else:
            write_state(reports, name, _built_state(digest, result, state))
            log.info("%s: rendered from the %s edition's executed notebook (same code and "
                     "data); published", name, source_edition)
        return Outcome(name, "rendered", result["seconds"])
    return None


def build(names: list[str] | None = None, params: dict | None = None, force: bool = False,
          jobs: int | None = None, progress: bool = True,
          cell_timeout: float | None = CELL_TIMEOUT,
          lock_timeout: float | None = LOCK_TIMEOUT, edition: str = "policy",
          pdf: str | None = None) -> list[Outcome]:
    """Build the briefs; returns one Outcome per notebook (built, rendered, cached or failed).
    ``edition='instructor'`` renders the teaching cells too, into ``reports/instructor/``.
    ``pdf``: a paper size (``PAPERS``) to also print ``<name>.pdf`` of every brief
    this build built or found current.

    ``cell_timeout``: seconds one cell may run before its notebook fails (None: no limit).
    ``lock_timeout``: seconds to wait for another build's lock before ``BuildBusy``.
    SIGTERM/SIGINT stop the build: workers and kernels end, temporaries go, the lock is
    released, and ``BuildInterrupted`` is raised."""
    reports = reports_folder(edition)
    params = params or {}
    if pdf is not None:
        if pdf not in PAPERS:
            raise ValueError(f"paper must be one of {list(PAPERS)}, not {pdf!r}")
        export.chromium()  # refuse before building when PDFs cannot be printed
    nbs = notebook_paths(names)
    typed = {nb: check_params(nb, params) for nb in nbs}
    outcomes: list[Outcome] = []

    def record(nb: Path, name: str, digest: dict, result: dict) -> str:
        previous = read_state(reports, name) or {}
        if result["ok"]:
            state = _built_state(digest, result, previous)
            outcomes.append(Outcome(name, "built", result["seconds"]))
            log.info("%s: built and published (%.1f s)", name, result["seconds"])
        else:
            state = {**previous, "status": "failed", "error": result["error"]}
            outcomes.append(Outcome(name, "failed", result["seconds"],
                                    f"{nb.name}: {result['error']}"))
            log.info("%s: failed, nothing published: %s", name, result["error"])
        write_state(reports, name, state)
        return outcomes[-1].status

    with stop_on_signals(), build_lock(reports, lock_timeout):
        remove_temp_files(reports)
        try:
            (reports / ".cache").mkdir(parents=True, exist_ok=True)
            todo = []
            shared = shared_digest()
            for nb in nbs:
                name = output_name(nb, typed[nb])
                digest = {"digest": inputs_digest(nb, typed[nb], shared),
                          "code_digest": code_digest(nb, typed[nb], shared)}
                state = read_state(reports, name) or {}
                current = state.get("status") == "ok" and (reports / f"{name}.html").is_file()
                if current and not force and state.get("digest") == digest["digest"]:
                    log.info("%s: cached (inputs unchanged, %s)", name, digest["digest"][:12])
                    outcomes.append(Outcome(name, "cached", 0.0))
                    continue
                rendered = None if force else _without_kernel(nb, name, reports, edition,
                                                              digest, state)
                if rendered:
                    outcomes.append(rendered)
                    continue
                log.info("%s: to build (%s)", name, "forced" if force else "inputs changed")
                todo.append((nb, name, digest))
            if todo:
                pool.execute_all(todo, typed, reports, record, jobs, progress, cell_timeout,
                                 edition)
            if pdf:
                print_pdfs(reports, [o.name for o in outcomes if o.status != "failed"], pdf)
            log.info("index written: %s", write_index(reports))
        except BaseException:
            remove_temp_files(reports)
            raise
    return sorted(outcomes, key=lambda o: o.name)


def main(notebook: str | None = None, params: dict | None = None, force: bool = False,
         cell_timeout: float | None = CELL_TIMEOUT,
         lock_timeout: float | None = LOCK_TIMEOUT, edition: str = "policy",
         pdf: str | None = None) -> int:
    """CLI entry: build (and print PDFs on ``pdf`` paper), print one line per notebook, exit
    non-zero if any failed (2: refused before building; 128 + signal number: stopped by a
    signal)."""
    try:
        outcomes = build([notebook] if notebook else None, params, force,
                         cell_timeout=cell_timeout, lock_timeout=lock_timeout, edition=edition,
                         pdf=pdf)
    except (ValueError, BuildBusy, RuntimeError) as exc:
        log.debug("the build was refused", exc_info=True)
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a read-only or full reports folder, before anything was built
        log.debug("the reports folder could not be written", exc_info=True)
        print(f"error: cannot write in {exc.filename or paths.reports_dir()}: "
              f"{exc.strerror or exc}", file=sys.stderr)
        return 2
    except BuildInterrupted as exc:
        print(f"{exc}: workers and kernels ended, nothing half-published, lock released; "
              "run the build again to finish", file=sys.stderr)
        return 128 + exc.signum
    for o in outcomes:
        print(f"{o.status:7s} {o.name} ({o.seconds:.1f}s){'  ' + o.message if o.message else ''}")
    print(f"index: {reports_folder(edition) / 'index.html'}")
    return 1 if any(o.status == "failed" for o in outcomes) else 0
