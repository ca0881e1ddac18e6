"""Fault cases for the brief builder, one test per case, on tiny SYNTHETIC notebooks in temp
folders (no real data is executed): signals, a held lock, script and external URLs in
outputs, a hung cell, parameters that do not match their declared type, shell metacharacters
through make, and what the cache key covers."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers import briefs, cli, paths
from tests.render.test_briefs import synthetic_notebook

HUNG = "import time\ntime.sleep(seconds)"
PARAMETERS = ('flag = False\ncount = 2\nratio = 0.5\nmonth = "2018-01"\nday = "2018-01-01"\n'
              'label = "2015"')
TYPES_SEEN = "print(repr(flag), repr(count), repr(ratio), repr(month), repr(day), repr(label))"
ONE_PIXEL_PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kg"
                 "AAAABJRU5ErkJggg==")


def synthetic_cells_notebook(path: Path, parameters: str, body: str) -> Path:
    """SYNTHETIC test notebook: a title, a parameters cell and one code cell."""
    nb = new_notebook(cells=[new_markdown_cell("# Synthetic fault case"),
                             new_code_cell(parameters, metadata={"tags": ["parameters"]}),
                             new_code_cell(body)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)
    return path


def _alive(pid: int) -> bool:
    """True for a running process; a zombie (exited, not yet reaped) counts as gone."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.is_file() and stat.read_text().rsplit(")", 1)[1].split()[0] == "Z")


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def _leftovers(reports: Path) -> list[str]:
    return sorted(p.name for p in reports.rglob(".*")
                  if p.suffix in (".tmp", ".ipynb") or p.name == ".lock.owner")


def _build_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers", "briefs", *args],
                          capture_output=True, text=True, timeout=300, **kwargs)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP],
                         ids=["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_signal_stops_the_whole_build_and_the_next_build_proceeds(brief_dirs, tmp_path, signum):
    notebooks, reports = brief_dirs
    marker = tmp_path / "kernel-and-worker.pids"
    synthetic_cells_notebook(
        notebooks / "01_hang.ipynb", "seconds = 600",
        f"import os, pathlib\npathlib.Path({str(marker)!r} + '.part').write_text("
        f"f'{{os.getpid()}} {{os.getppid()}}')\n"
        f"os.replace({str(marker)!r} + '.part', {str(marker)!r})\n{HUNG}")
    synthetic_notebook(notebooks / "02_quick.ipynb")
    build = subprocess.Popen([sys.executable, "-m", "helpers", "briefs", "--force"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert _wait_for(marker.exists, 180), "the hung notebook never started"
        kernel, worker = map(int, marker.read_text().split())
        build.send_signal(signum)
        out = build.communicate(timeout=60)[0]
    finally:
        build.kill()
    assert build.returncode == 128 + signum, out
    assert f"stopped by {signal.Signals(signum).name}" in out
    assert _wait_for(lambda: not _alive(kernel) and not _alive(worker), 20), \
        "a worker or its kernel outlived the build"
    assert not (reports / "01_hang.html").exists()
    assert not (reports / "01_hang.figures.json").exists()
    assert _leftovers(reports) == []
    after = briefs.build(progress=False, lock_timeout=5, cell_timeout=15)
    outcomes = {o.name: o.status for o in after}
    assert outcomes["01_hang"] == "failed" and outcomes["02_quick"] in ("built", "cached"), \
        [o.message for o in after]


def test_a_kernel_stuck_in_c_code_is_ended_with_its_build(brief_dirs, tmp_path):
    """The cell sleeps inside a C call that keeps the interpreter lock (ctypes.PyDLL), so the
    kernel hears no shutdown request and its parent watcher never runs."""
    notebooks, reports = brief_dirs
    marker = tmp_path / "kernel-and-worker.pids"
    synthetic_cells_notebook(
        notebooks / "01_stuck.ipynb", "seconds = 600",
        f"import ctypes, os, pathlib\npathlib.Path({str(marker)!r} + '.part').write_text("
        f"f'{{os.getpid()}} {{os.getppid()}}')\n"
        f"os.replace({str(marker)!r} + '.part', {str(marker)!r})\n"
        "ctypes.PyDLL(None).sleep(seconds)")
    build = subprocess.Popen([sys.executable, "-m", "helpers", "briefs", "--force"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert _wait_for(marker.exists, 180), "the stuck notebook never started"
        kernel, worker = map(int, marker.read_text().split())
        time.sleep(1)  # the kernel is inside the C call
        build.send_signal(signal.SIGTERM)
        out = build.communicate(timeout=60)[0]
    finally:
        build.kill()
        if marker.exists():
            for pid in map(int, marker.read_text().split()):
                if _alive(pid):
                    os.kill(pid, signal.SIGKILL)
    assert build.returncode == 128 + signal.SIGTERM, out
    assert not _alive(worker) and not _alive(kernel), "a stuck kernel outlived its build"
    assert not (reports / "01_stuck.html").exists()


def test_sigkill_of_a_build_ends_its_workers_and_they_publish_nothing(brief_dirs, tmp_path):
    notebooks, reports = brief_dirs
    marker = tmp_path / "kernel-and-worker.pids"
    synthetic_cells_notebook(
        notebooks / "01_slow.ipynb", "seconds = 8",
        f"import os, pathlib\npathlib.Path({str(marker)!r} + '.part').write_text("
        f"f'{{os.getpid()}} {{os.getppid()}}')\n"
        f"os.replace({str(marker)!r} + '.part', {str(marker)!r})\n{HUNG}")
    build = subprocess.Popen([sys.executable, "-m", "helpers", "briefs", "--force"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _wait_for(marker.exists, 180), "the slow notebook never started"
        kernel, worker = map(int, marker.read_text().split())
        build.kill()
        build.wait(timeout=30)
    finally:
        build.kill()
    assert _wait_for(lambda: not _alive(worker), 10), "the worker outlived its killed build"
    assert _wait_for(lambda: not _alive(kernel), 20), "the kernel outlived its worker"
    time.sleep(9)  # past the moment the cell would have finished and published
    assert not (reports / "01_slow.html").exists()
    assert not (reports / "executed" / "01_slow.ipynb").exists()


def test_a_worker_publishes_only_while_its_build_holds_the_lock(brief_dirs):
    _, reports = brief_dirs
    with briefs.build_lock(reports, timeout=0):
        assert briefs.lock.still_owned(reports, os.getppid()) is False  # another pid owns it
    assert briefs.lock.still_owned(reports, os.getppid()) is False  # nobody holds it


def test_a_build_waiting_for_the_lock_says_whose_and_gives_up(brief_dirs):
    notebooks, reports = brief_dirs
    synthetic_notebook(notebooks / "01_alpha.ipynb")
    with briefs.build_lock(reports):
        started = json.loads((reports / ".lock.owner").read_text())["started"]
        waited = _build_cli("--lock-timeout", "1")
    assert waited.returncode == 2, waited.stderr
    assert f"waiting for the build started at {started} by pid {os.getpid()}" in waited.stderr
    assert "gave up after 1 s" in waited.stderr
    assert not (reports / "01_alpha.html").exists()


def test_script_and_external_urls_from_data_never_reach_the_brief(brief_dirs):
    notebooks, reports = brief_dirs
    hostile = ("<script>alert(1)</script><img src=http://198.51.100.7/x.png onerror=alert(2)>"
               "<a href='http://198.51.100.7/'>out</a> <a href='//198.51.100.7/p'>proto</a> "
               "<a href='data:text/html,x'>data</a> <a href='#top'>top</a> "
               "<a href='00_other.html'>sibling</a> "
               "<span style='background:url(http://198.51.100.7/b)'>styled</span>")
    synthetic_cells_notebook(
        notebooks / "01_hostile.ipynb", "measure = 'synthetic'",
        "from IPython.display import HTML, Markdown, display\n"
        f"measure = {hostile!r}\n"
        "display(Markdown('Event: ' + measure))\ndisplay(HTML(measure))\n"
        f"display({{'image/png': {ONE_PIXEL_PNG!r}}}, raw=True)")
    assert {o.status for o in briefs.build(progress=False)} == {"built"}
    page = (reports / "01_hostile.html").read_text()
    assert "<script" not in page and "onerror" not in page and "198.51.100.7" not in page
    import re

    urls = re.findall(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]*)""", page)
    assert urls and all(u.startswith(("data:image/", "#")) or not re.match(r"[\w+.-]*:|//", u)
                        for u in urls), urls
    assert 'href="#top"' in page and 'href="00_other.html"' in page
    assert "data:image/png;base64," in page and "styled" in page and "out" in page


def test_a_hung_cell_fails_its_notebook_and_the_build_goes_on(brief_dirs):
    notebooks, reports = brief_dirs
    synthetic_cells_notebook(notebooks / "01_hang.ipynb", "seconds = 600", HUNG)
    synthetic_notebook(notebooks / "02_quick.ipynb")
    outcomes = {o.name: o for o in briefs.build(progress=False, cell_timeout=2)}
    assert outcomes["01_hang"].status == "failed"
    assert "cell 2 (timed out after 2 s)" in outcomes["01_hang"].message
    assert outcomes["02_quick"].status == "built"
    assert _leftovers(reports) == []


def test_parameters_are_typed_from_the_declared_defaults(brief_dirs):
    notebooks, _ = brief_dirs
    nb = synthetic_cells_notebook(notebooks / "01_params.ipynb", PARAMETERS, TYPES_SEEN)
    typed = briefs.check_params(nb, {"flag": "False", "count": "3", "ratio": "2",
                                     "month": "2018-1", "day": "2018-1-5", "label": "2016"})
    assert typed == {"flag": False, "count": 3, "ratio": 2.0, "month": "2018-01",
                     "day": "2018-01-05", "label": "2016"}
    assert type(typed["ratio"]) is float and type(typed["count"]) is int
    assert briefs.check_params(nb, {"flag": "true"}) == {"flag": True}
    assert briefs.check_params(nb, {"flag": True, "count": 4}) == {"flag": True, "count": 4}


@pytest.mark.parametrize("name, value, wanted", [
    ("flag", "maybe", "true or false"), ("count", "2.5", "a whole number"),
    ("ratio", "nan", "a finite number"), ("month", "2018", "a month like 2018-01"),
    ("month", "2018-13", "a month like 2018-01"), ("day", "2018", "a date like 2018-01-01"),
    ("day", "2018-02-30", "a date like 2018-01-01")])
def test_a_value_that_is_not_its_declared_type_is_refused_before_execution(brief_dirs, name, value,
                                                                           wanted):
    notebooks, reports = brief_dirs
    synthetic_cells_notebook(notebooks / "01_params.ipynb", PARAMETERS, TYPES_SEEN)
    with pytest.raises(ValueError, match=rf"01_params: parameter '{name}' = '{value}' is not "
                                         rf"{wanted}"):
        briefs.build(params={name: value}, progress=False)
    assert not reports.exists() or not list(reports.rglob("*.ipynb"))


def test_variant_names_are_canonical_and_short(brief_dirs):
    notebooks, _ = brief_dirs
    nb = synthetic_cells_notebook(notebooks / "01_params.ipynb", PARAMETERS, TYPES_SEEN)

    def name(**params):
        return briefs.output_name(nb, briefs.check_params(nb, params))

    assert name(month="2018-1") == name(month="2018-01") == "01_params--month=2018-01"
    assert name(count="03", flag="no") == "01_params--count=3_flag=False"
    long = name(label="x" * 400)
    assert len(long) <= briefs.MAX_NAME and long == name(label="x" * 400)
    assert name(label="a/b") != name(label="a b") != name(label="a-b") == "01_params--label=a-b"


def test_a_param_without_equals_is_a_clear_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["briefs", "--param", "foo"])
    assert exit_.value.code == 2
    assert "argument --param: expected name=value, got 'foo'" in capsys.readouterr().err


def test_a_params_file_reaches_the_notebook_typed(brief_dirs, tmp_path):
    notebooks, reports = brief_dirs
    synthetic_cells_notebook(notebooks / "01_params.ipynb", PARAMETERS, TYPES_SEEN)
    params = tmp_path / "params.json"
    params.write_text(json.dumps({"flag": "False", "count": "3", "month": "2018-1"}))
    run = _build_cli("--notebook", "01_params", "--params-file", str(params))
    assert run.returncode == 0, run.stdout + run.stderr
    name = "01_params--count=3_flag=False_month=2018-01"
    assert f"built   {name}" in run.stdout
    executed = nbformat.read(reports / "executed" / f"{name}.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    assert printed.strip() == "False 3 0.5 '2018-01' '2018-01-01' '2015'"


def test_make_brief_passes_parameters_without_a_shell(brief_dirs, tmp_path):
    notebooks, reports = brief_dirs
    if not (paths.PROJECT_ROOT / ".venv" / "bin" / "python").exists() or not shutil.which("make"):
        pytest.skip("make brief needs make and the project's .venv")
    synthetic_cells_notebook(notebooks / "01_params.ipynb", PARAMETERS, TYPES_SEEN)
    pwned = tmp_path / "PWNED"
    run = subprocess.run(["make", "-s", "-o", ".venv/.installed-stamp", "brief", "NB=01_params",
                          f"PARAMS=label=x; touch {pwned} $(touch {pwned})"],
                         cwd=paths.PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode != 0
    assert "expected name=value, got 'touch'" in run.stderr
    assert not pwned.exists() and not reports.exists()


def test_the_digest_covers_templates_and_every_data_file(data_copy, tmp_path, monkeypatch):
    templates = tmp_path / "templates"
    shutil.copytree(briefs.render.TEMPLATES, templates)
    monkeypatch.setattr(briefs.render, "TEMPLATES", templates)
    before = briefs.shared_digest()
    conf = templates / "brief" / "conf.json"
    conf.write_text(conf.read_text().replace('"text/html": true', '"text/html": false'))
    after_conf = briefs.shared_digest()
    assert after_conf != before
    (data_copy / "cache").mkdir(exist_ok=True)
    (data_copy / "cache" / "synthetic_extra.parquet").write_bytes(b"synthetic bytes")
    after_cache = briefs.shared_digest()
    assert after_cache != after_conf
    (data_copy / "snapshot" / "synthetic_notes.json").write_text("{}")
    assert briefs.shared_digest() != after_cache


def test_the_data_tour_prints_ages_from_today_so_it_rebuilds_daily():
    import datetime as dt

    tour = paths.PROJECT_ROOT / "notebooks" / "00_data_tour.ipynb"
    nb = nbformat.read(tour, as_version=4)
    assert any("status(" in c.source for c in nb.cells if c.cell_type == "code")
    assert nb.metadata["tradewatch"]["rebuild_daily"] is True
    day1, day2 = dt.date(2026, 11, 27), dt.date(2026, 11, 28)
    assert briefs.inputs_digest(tour, {}, "x", day1) != briefs.inputs_digest(tour, {}, "x", day2)


def test_only_https_citation_links_and_embedded_csv_survive_the_sanitiser():
    body = ("<a href='https://example.org/ruling'>example.org/ruling</a>"
            "<a href='http://198.51.100.7/'>plain http</a>"
            "<a download='d.csv' href='data:text/csv;base64,YSxi'>csv</a>"
            "<a href='data:text/html,x'>html</a><img src='https://example.org/x.png'>")
    clean = briefs.sanitise_body(body)
    assert 'href="https://example.org/ruling"' in clean
    assert "198.51.100.7" not in clean and "data:text/html" not in clean
    assert 'href="data:text/csv;base64,YSxi"' in clean and "example.org/x.png" not in clean


def test_a_picture_keeps_only_one_embedded_image_per_srcset():
    phone = "data:image/png;base64,iVBORw0KGgo="
    body = (f"<picture data-text-px='18'><source media='(max-width: 600px)' srcset='{phone}'>"
            f"<source srcset='{phone} 1x, https://example.org/x.png 2x'>"
            "<source srcset='data:text/html;base64,PGI+'><img src='" + phone + "' alt='a'></picture>")
    clean = briefs.sanitise_body(body)
    assert clean.count(f'srcset="{phone}"') == 1 and 'media="(max-width: 600px)"' in clean
    assert "example.org" not in clean and "data:text/html" not in clean
    assert "<picture" in clean and 'data-text-px="18"' in clean
