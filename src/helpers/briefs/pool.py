"""The worker pool: one kernel per worker process, spawned (not forked, so no worker
inherits the lock or the build's state), each ending with the build that started it, and
all of them (with their kernels) stopped when the build is stopped."""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from tqdm import tqdm

from helpers import log_to_stderr
from helpers.briefs.execute import execute_one

STOP_GRACE = 3.0  # seconds stopped workers get to shut their kernels before being killed


def start_worker(parent: int, log_level: int) -> None:
    """Worker start-up: log like the build (``--verbose``: each step and tracebacks at debug
    level), and end with the build that started it (``die_with_parent``)."""
    if log_level < logging.WARNING:
        log_to_stderr(log_level)
    die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """End this worker when the build that started it ends, even by SIGKILL (Linux: the
    kernel sends SIGTERM on the parent's death; elsewhere a thread watches the parent's
    pid)."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _kernels_of(workers) -> list:
    """The processes the workers started (their kernels), found before the workers end."""
    import psutil

    found = []
    for worker in workers:
        with contextlib.suppress(psutil.Error):
            found += psutil.Process(worker.pid).children(recursive=True)
    return found


def stop_workers(pool: cf.ProcessPoolExecutor) -> None:
    """End every worker: SIGTERM first (nbclient then shuts its kernel down), SIGKILL after
    ``STOP_GRACE`` seconds. A kernel still running then (one stuck in C code holding the
    interpreter, which neither hears its shutdown request nor sees its parent go) is killed
    after one more ``STOP_GRACE``."""
    import psutil

    workers = multiprocessing.active_children()
    kernels = _kernels_of(workers)
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.terminate()
    deadline = time.monotonic() + STOP_GRACE
    for worker in workers:
        worker.join(max(0.0, deadline - time.monotonic()))
    for worker in workers:
        if worker.is_alive():
            worker.kill()
            worker.join()
    _, stuck = psutil.wait_procs(kernels, timeout=STOP_GRACE)
    for kernel in stuck:
        with contextlib.suppress(psutil.Error):
            kernel.kill()


def execute_all(todo: list[tuple[Path, str, dict]], typed: dict, reports: Path,
                record: Callable[[Path, str, dict, dict], str], jobs: int | None = None,
                progress: bool = True, cell_timeout: float | None = None,
                edition: str = "policy") -> None:
    """Run the notebooks of ``todo`` (notebook, brief name, digests), at most ``jobs`` at a
    time (default one per core), calling ``record(notebook, name, digests, result)`` with
    each worker's result (``execute.execute_one``) as it finishes; ``record`` returns the
    word the progress bar shows."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    bar = tqdm(total=len(todo), desc="briefs", unit="nb", disable=not progress)
    pool = cf.ProcessPoolExecutor(max_workers=workers,
                                  mp_context=multiprocessing.get_context("spawn"),
                                  initializer=start_worker,
                                  initargs=(os.getpid(), logging.getLogger("helpers").getEffectiveLevel()))
    try:
        futures = {pool.submit(execute_one, str(nb), typed[nb], name, str(reports),
                               cell_timeout, edition, os.getpid()): (nb, name, digest)
                   for nb, name, digest in todo}
        for fut in cf.as_completed(futures):
            nb, name, digest = futures[fut]
            bar.set_postfix_str(f"{name} {record(nb, name, digest, fut.result())}")
            bar.update()
    except BaseException:
        stop_workers(pool)
        raise
    else:
        pool.shutdown()
    finally:
        bar.close()
