"""``python -m helpers lab`` for real: JupyterLab's own options pass through, the server
serves the project root (the notebooks' glossary link resolves, README and data are there),
and Ctrl-C on the launcher stops the server too."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from helpers import paths

TOKEN = "tradewatch-lab-test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                     headers={"Authorization": f"token {TOKEN}"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status, json.loads(response.read() or b"null")


def _wait_until_serving(port: int, launcher: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert launcher.poll() is None, "the launcher exited before the server answered"
        try:
            _get(port, "/api/status")
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(1)
    pytest.fail(f"JupyterLab did not answer on port {port} within {seconds:.0f} s")


def _refused(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def test_lab_serves_the_project_root_with_its_options_and_stops_with_the_launcher(tmp_path):
    port = _free_port()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "JUPYTER_CONFIG_DIR": str(tmp_path / "config")}
    launcher = subprocess.Popen(
        [sys.executable, "-m", "helpers", "lab", "--", "--no-browser", "--port", str(port),
         f"--IdentityProvider.token={TOKEN}", "--ServerApp.port_retries=0",
         *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_serving(port, launcher)
        # the notebooks' link ../docs/glossary.md, seen from notebooks/, is docs/glossary.md
        status, glossary = _get(port, "/api/contents/docs/glossary.md?content=0")
        assert status == 200 and glossary["path"] == "docs/glossary.md"
        assert _get(port, "/api/contents/README.md?content=0")[0] == 200
        status, listing = _get(port, "/api/contents/notebooks")
        names = {item["name"] for item in listing["content"]}
        assert {p.name for p in paths.notebooks_dir().glob("0[1-6]_*.ipynb")} <= names
        launcher.send_signal(signal.SIGINT)  # Ctrl-C reaches the launcher only
        assert launcher.wait(60) == 130
        deadline = time.monotonic() + 30
        while not _refused(port) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _refused(port), "the Jupyter server kept running after the launcher stopped"
    finally:
        if launcher.poll() is None:
            launcher.send_signal(signal.SIGINT)
            launcher.wait(60)
