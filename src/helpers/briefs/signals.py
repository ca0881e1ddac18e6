"""Stop signals during a build: SIGTERM, SIGINT and SIGHUP end the build cleanly
(``BuildInterrupted``), and are held while one brief's files are renamed into place."""

from __future__ import annotations

import contextlib
import signal
import threading

# signals that stop a build cleanly (SIGHUP: the terminal closed), where the platform has them
STOP_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGINT", "SIGHUP")
                     if hasattr(signal, n))


class BuildInterrupted(BaseException):
    """The build received SIGTERM or SIGINT and stopped its workers (not an ``Exception``, so
    no ``except Exception`` can swallow it)."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(f"stopped by {signal.Signals(signum).name}")


@contextlib.contextmanager
def stop_on_signals():
    """Turn SIGTERM, SIGINT and SIGHUP into ``BuildInterrupted`` for the duration of a build
    (main thread only; elsewhere the caller's handlers stay)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, _frame):
        for s in previous:  # one stop is enough; a second signal must not cut the clean-up
            signal.signal(s, signal.SIG_IGN)
        raise BuildInterrupted(signum)

    previous = {s: signal.signal(s, stop) for s in STOP_SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


@contextlib.contextmanager
def signals_deferred():
    """Hold SIGTERM/SIGINT while the files of one brief are renamed into place (POSIX), so a
    stop never leaves a brief half-published."""
    stops = set(STOP_SIGNALS)
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, stops)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
