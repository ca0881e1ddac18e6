"""JupyterLab for the kit (``python -m helpers lab [-- JUPYTERLAB OPTIONS]``, ``make lab``).

The server's root is the project folder, so ``data/``, ``docs/`` and the README are visible
and a notebook's relative links (``../docs/glossary.md``) resolve. Options after ``--`` go to
JupyterLab unchanged (``--no-browser``, ``--port 8899``). The server runs in a session of its
own: Ctrl-C (or SIGTERM) reaches only this process, which then stops the server (SIGTERM,
and a kill after ``STOP_TIMEOUT`` seconds), so no Jupyter server is left running behind it.
"""

from __future__ import annotations

import signal
import subprocess
import sys

from helpers import paths

STOP_TIMEOUT = 20.0  # seconds the server is given to shut down before it is killed


def command(extra: list[str]) -> list[str]:
    """The JupyterLab command line: this interpreter, the project root as the server's root,
    then JupyterLab's own options (a leading ``--`` separator is dropped)."""
    options = list(extra[1:] if extra[:1] == ["--"] else extra)
    return [sys.executable, "-m", "jupyterlab",
            f"--ServerApp.root_dir={paths.project_root()}", *options]


def stop(server: subprocess.Popen) -> int:
    """Stop the server: SIGTERM (Jupyter shuts down without asking), a kill if it has not
    exited after ``STOP_TIMEOUT`` seconds; its exit code."""
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            server.kill()
    return server.wait()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def run(extra: list[str]) -> int:
    """Run JupyterLab until it exits or this process is interrupted; the server's exit code
    (130 after Ctrl-C or SIGTERM, once the server has stopped)."""
    server = subprocess.Popen(command(extra), cwd=paths.project_root(),
                              start_new_session=True)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        return server.wait()
    except KeyboardInterrupt:
        stop(server)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
        stop(server)
