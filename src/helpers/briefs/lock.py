"""One build at a time per reports folder: the lock on ``reports/.lock`` (portable through
filelock), the owner file that says whose build holds it, and ``clean``, which deletes what
builds wrote only while it holds the same lock."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from pathlib import Path

from filelock import FileLock, Timeout

from helpers import owned
from helpers.briefs.publish import atomic_write, kit_files

LOCK_TIMEOUT = 1800  # seconds a build waits for another build's lock before giving up


class BuildBusy(RuntimeError):
    """Another build held the reports folder's lock for longer than this build would wait."""


def lock_owner(reports: Path) -> str:
    """'the build started at <time> by pid <pid>', from the owner file beside the lock."""
    try:
        owner = json.loads((reports / ".lock.owner").read_text())
        return f"the build started at {owner['started']} by pid {owner['pid']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "another build (it has not recorded its start yet)"


def owner_pid(reports: Path) -> int | None:
    try:
        return int(json.loads((reports / ".lock.owner").read_text())["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def still_owned(reports: Path, parent: int) -> bool:
    """True while the build that started this worker (pid ``parent``) is alive and holds
    the lock."""
    return os.getppid() == parent and owner_pid(reports) == parent


@contextlib.contextmanager
def build_lock(reports: Path, timeout: float | None = LOCK_TIMEOUT):
    """One build at a time per reports folder (``reports/.lock``, portable through filelock).

    A build that finds the lock taken says whose build it waits for and gives up with
    ``BuildBusy`` after ``timeout`` seconds (None: wait for ever). The holder's pid and start
    time are in ``reports/.lock.owner`` while it builds."""
    owned.mark(reports, "reports")
    lock = FileLock(reports / ".lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        limit = "for ever" if timeout is None else f"up to {timeout:g} s"
        print(f"waiting for {lock_owner(reports)} to finish ({limit}; reports/.lock)",
              file=sys.stderr, flush=True)
        try:
            lock.acquire(timeout=-1 if timeout is None else timeout)
        except Timeout:
            raise BuildBusy(f"gave up after {timeout:g} s waiting for {lock_owner(reports)}; "
                            "let it finish, stop it, or wait longer with --lock-timeout") from None
    owner = reports / ".lock.owner"
    try:
        atomic_write(owner, json.dumps({
            "pid": os.getpid(),
            "started": dt.datetime.now().astimezone().isoformat(timespec="seconds")}).encode())
        yield
    finally:
        owner.unlink(missing_ok=True)
        lock.release()


def clean(reports: Path) -> list[Path]:
    """Delete what builds wrote in ``reports`` (and its ``instructor/`` edition), holding
    each folder's build lock: refused (``BuildBusy``) while a build runs, and refused
    (``owned.UnsafeDelete``) for a folder the kit cannot prove it wrote. The lock file and
    the marker stay, so a build starting meanwhile never loses its lock."""
    removed = []
    for folder in (reports / "instructor", reports):
        if not folder.is_dir():
            continue
        folder = owned.check_removable(folder, "reports")
        lock = FileLock(folder / ".lock")
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise BuildBusy(f"not cleaning {folder}: {lock_owner(folder)} is running") from None
        try:
            removed += owned.remove_files(folder, kit_files(folder))
        finally:
            lock.release()
    return removed
