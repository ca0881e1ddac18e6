"""helpers.lab: JupyterLab's own options pass through, the server's root is the project, and
stopping the launcher stops the server."""

import subprocess
import sys

from helpers import cli, lab, paths


def test_jupyterlab_options_after_the_separator_pass_through_unchanged():
    cmd = lab.command(["--", "--no-browser", "--port", "8899"])
    assert cmd[:3] == [sys.executable, "-m", "jupyterlab"]
    assert cmd[-3:] == ["--no-browser", "--port", "8899"] and "--" not in cmd
    assert lab.command(["--no-browser"])[-1] == "--no-browser"


def test_the_server_root_is_the_project_so_the_glossary_link_resolves():
    root_option = next(a for a in lab.command([]) if a.startswith("--ServerApp.root_dir="))
    root = paths.project_root()
    assert root_option == f"--ServerApp.root_dir={root}"
    target = (paths.notebooks_dir() / "../docs/glossary.md").resolve()
    assert target.is_file() and target.is_relative_to(root.resolve())


def test_the_lab_verb_hands_its_options_to_the_launcher(monkeypatch):
    seen = []
    monkeypatch.setattr(lab, "run", lambda extra: seen.append(extra) or 0)
    args = cli.build_parser().parse_args(["lab", "--", "--no-browser", "--port", "8899"])
    assert args.func(args) == 0 and seen == [["--", "--no-browser", "--port", "8899"]]


def test_stop_terminates_a_running_child_and_kills_one_that_ignores_it(monkeypatch):
    polite = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    assert lab.stop(polite) != 0 and polite.poll() is not None
    stubborn = subprocess.Popen([sys.executable, "-c", "import signal, time; "
                                 "signal.signal(signal.SIGTERM, signal.SIG_IGN); print('ready', flush=True); "
                                 "time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    assert stubborn.stdout.readline().strip() == "ready"
    monkeypatch.setattr(lab, "STOP_TIMEOUT", 0.5)
    assert lab.stop(stubborn) == -9 and stubborn.poll() is not None
