"""Writing a brief's files: all or none, by atomic rename, from temporaries named
``.<file>.<pid>.tmp`` beside their targets; the one publishing sequence every path takes
(``publish_brief``); PDFs; and the list of what builds wrote, for clean-up."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

from helpers import export
from helpers.briefs.render import false_claims, render_html, stamp
from helpers.briefs.signals import signals_deferred

log = logging.getLogger(__name__)
MAX_BRIEF = 24 * 2**20  # bytes of one brief's page (and of its executed notebook)
PAGE_WEIGHT_TARGET = 800_000  # bytes a reader downloads per brief: every chart travels twice


def temporary(target: Path) -> Path:
    """Where ``target`` is written before it is renamed into place."""
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def atomic_write(path: Path, data: bytes) -> None:
    tmp = temporary(path)
    tmp.write_bytes(data)
    os.replace(tmp, path)


def publish(written: list[tuple[Path, Path]], contents: dict[Path, bytes]) -> None:
    """Publish one brief's files all or none: every content is first written to a temporary
    beside its target (with the already ``written`` temporaries), then all are renamed into
    place with stop signals held. A write that fails (a full disk, a read-only folder)
    removes every temporary and raises, leaving the previous files as they were."""
    moves = list(written)
    try:
        for target, data in contents.items():
            moves.append((temporary(target), target))
            moves[-1][0].write_bytes(data)
    except BaseException:
        for tmp, _ in moves:
            tmp.unlink(missing_ok=True)
        raise
    with signals_deferred():
        for tmp, target in moves:
            os.replace(tmp, target)


def publish_brief(nb, notebook: str, name: str, reports: Path, edition: str,
                  may_publish: Callable[[], bool] = lambda: True) -> dict:
    """Publish brief ``name`` from its executed notebook ``nb`` (of ``notebook``, a file
    name): stamp its payload, refuse a claim that does not hold, render the page (at most
    ``MAX_BRIEF`` bytes) and the workbook, then write the executed notebook, key figures
    (JSON), workbook and page all or none, if ``may_publish()`` still says so.

    Returns ``{"ok": True, "payload", "executed_sha256"}`` or ``{"ok": False, "error"}``;
    on any refusal or failure the previous brief stays as it was."""
    import nbformat

    payload = stamp(nb, notebook)
    refused = false_claims(payload)
    page = render_html(nb, edition).encode() if not refused else b""
    if len(page) > MAX_BRIEF:
        refused = (f"the brief is {len(page) / 2**20:.1f} MB, over the "
                   f"{MAX_BRIEF / 2**20:g} MB limit per brief")
    if refused:
        return {"ok": False, "error": refused}
    workbook = reports / f"{name}.xlsx"
    book = temporary(workbook)
    try:
        export.write_workbook(nb, book)
    except Exception as exc:  # any failure keeps the last good files
        log.debug("%s: the workbook could not be written", name, exc_info=True)
        book.unlink(missing_ok=True)
        return {"ok": False, "error": f"workbook {workbook.name}: {type(exc).__name__}: {exc}"}
    if not may_publish():
        book.unlink(missing_ok=True)
        return {"ok": False, "error": "the build that started this worker no longer holds "
                "the lock; nothing published"}
    executed = nbformat.writes(nb).encode()
    try:
        (reports / "executed").mkdir(parents=True, exist_ok=True)
        publish([(book, workbook)], {
            reports / "executed" / f"{name}.ipynb": executed,
            reports / f"{name}.figures.json": json.dumps(payload, indent=2, default=str).encode(),
            reports / f"{name}.html": page})
    except OSError as exc:
        log.debug("%s: its files could not be written", name, exc_info=True)
        book.unlink(missing_ok=True)
        return {"ok": False, "error": f"could not write its files in {reports} "
                f"({exc.strerror or exc}); the previous brief is kept"}
    return {"ok": True, "payload": payload, "executed_sha256": hashlib.sha256(executed).hexdigest()}


def print_pdfs(reports: Path, names: list[str], paper: str) -> list[Path]:
    """``<name>.pdf`` beside each named brief, printed by headless Chromium on ``paper``
    (``export.write_pdfs``) into temporary files, then renamed into place."""
    targets = [reports / f"{n}.pdf" for n in names]
    export.write_pdfs([(reports / f"{n}.html", temporary(t)) for n, t in zip(names, targets,
                                                                             strict=True)], paper)
    for target in targets:
        os.replace(temporary(target), target)
    return targets


_TEMPORARIES = (".*.tmp", "executed/.*.ipynb", "executed/.*.tmp", ".cache/.*.tmp")


def remove_temp_files(reports: Path) -> None:
    """Drop unpublished temporaries (``.<name>.<pid>.tmp``, papermill's
    ``executed/.<name>.<pid>.ipynb``, ``executed/.<name>.ipynb.<pid>.tmp``, state files' temporaries);
    called under the lock, so none of them belongs to a running build."""
    for pattern in _TEMPORARIES:
        for leftover in reports.glob(pattern):
            leftover.unlink(missing_ok=True)


def kit_files(reports: Path) -> list[str]:
    """What builds wrote in ``reports`` (relative paths): the index, each brief's files named
    from its state file in ``.cache/``, and unpublished temporaries."""
    files = ["index.html", ".lock.owner"]
    for state in sorted((reports / ".cache").glob("*.json")):
        name = state.stem
        files += [f"{name}.html", f"{name}.figures.json", f"{name}.xlsx", f"{name}.pdf",
                  f"executed/{name}.ipynb", f".cache/{name}.json"]
    for pattern in _TEMPORARIES:
        files += [p.relative_to(reports).as_posix() for p in reports.glob(pattern)]
    return files
