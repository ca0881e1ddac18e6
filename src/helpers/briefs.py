"""Render notebooks into self-contained HTML briefs under ``reports/``.

One kernel per core executes the notebooks (papermill, so parameters follow its
``parameters`` cell convention); nbconvert renders them with code hidden and no script or
remote asset. A notebook whose inputs (its text, parameters, the helpers' source, the data
files) are unchanged since its last good build is skipped. A notebook that fails keeps its
previous brief, marked stale in the index, and the build exits non-zero naming the cell.
Builds hold a lock on ``reports/.lock`` and publish files by atomic rename.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import datetime as dt
import fcntl
import hashlib
import html
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from helpers import paths

TEMPLATES = Path(__file__).parent / "templates"


@dataclass
class Outcome:
    name: str
    status: str  # built | cached | failed
    seconds: float
    message: str = ""


def notebook_paths(names: list[str] | None = None) -> list[Path]:
    """The notebooks to render (all of ``notebooks/`` by default), by name without suffix."""
    available = {p.stem: p for p in sorted(paths.notebooks_dir().glob("[0-9][0-9]_*.ipynb"))}
    if not names:
        return list(available.values())
    unknown = [n for n in names if n not in available]
    if unknown:
        raise ValueError(f"no notebook named {unknown} in notebooks/; "
                         f"available: {', '.join(available)}")
    return [available[n] for n in names]


def _parse_param(value: str):
    """A command-line parameter as int, float or text, in that order of preference."""
    for cast in (int, float):
        with contextlib.suppress(ValueError):
            return cast(value)
    return value


def check_params(nb_path: Path, params: dict[str, str]) -> dict:
    """Parameters typed (int, float or text) and checked against the notebook's parameters cell."""
    if not params:
        return {}
    import papermill

    declared = papermill.inspect_notebook(str(nb_path))
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise ValueError(f"{nb_path.stem} has no parameter {unknown}; "
                         f"its parameters cell declares {sorted(declared)}")
    return {k: _parse_param(v) if isinstance(v, str) else v for k, v in params.items()}


def output_name(nb_path: Path, params: dict) -> str:
    """``03_soybean_collapse`` or, for a variant, ``03_soybean_collapse--start=2015-01``."""
    if not params:
        return nb_path.stem
    slug = "_".join(f"{k}={v}" for k, v in sorted(params.items()))
    return f"{nb_path.stem}--{re.sub(r'[^A-Za-z0-9=._-]+', '-', slug)}"


def _shared_digest() -> str:
    """Hash of what every brief depends on: the helpers' source and templates, the catalog,
    the snapshot and the refresh cache."""
    h = hashlib.sha256()
    package = Path(__file__).parent
    data = paths.data_dir()
    files = sorted(package.rglob("*.py")) + sorted(package.rglob("*.j2")) + [data / "catalog.toml"]
    files += sorted((data / "snapshot").rglob("*.csv")) + sorted(paths.cache_dir().glob("*.csv"))
    for f in files:
        if f.is_file():
            h.update(str(f.relative_to(f.anchor)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def _inputs_digest(nb_path: Path, params: dict, shared: str,
                   today: dt.date | None = None) -> str:
    """Hash of everything one brief depends on: its notebook, parameters and the shared
    inputs, plus today's date for a notebook whose metadata says it counts from the build
    date (``tradewatch.rebuild_daily``)."""
    h = hashlib.sha256(shared.encode())
    raw = nb_path.read_bytes()
    h.update(raw)
    h.update(json.dumps(params, sort_keys=True).encode())
    if json.loads(raw).get("metadata", {}).get("tradewatch", {}).get("rebuild_daily"):
        h.update((today or dt.date.today()).isoformat().encode())
    return h.hexdigest()


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _failing_cell(executed, source) -> str:
    """'cell N (Error: message)', N counted in the notebook as committed (0-based), since
    papermill adds cells of its own to the executed copy."""
    positions = {c.get("id"): i for i, c in enumerate(source.cells)}
    for cell in executed.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                where = positions.get(cell.get("id"), "?")
                return f"cell {where} ({out.get('ename')}: {out.get('evalue')})"
    return "unknown cell"


def render_html(nb) -> str:
    """The executed notebook as a brief: inputs and prompts hidden, ``remove-cell`` dropped."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    from traitlets.config import Config

    config = Config()
    config.TagRemovePreprocessor.remove_cell_tags = {"remove-cell"}
    config.TagRemovePreprocessor.enabled = True
    exporter = HTMLExporter(config=config, template_name="brief",
                            extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.register_preprocessor(TagRemovePreprocessor(config=config), enabled=True)
    body, _ = exporter.from_notebook_node(nb)
    return body


def extract_payload(nb) -> dict:
    from helpers.report import FIGURES_MIME

    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if FIGURES_MIME in data:
                return dict(data[FIGURES_MIME])
    return {"title": "", "takeaway": "", "figures": []}


def _execute_one(nb_path: str, params: dict, name: str, reports: str) -> dict:
    """Run in a worker process: execute, render, publish. Returns the state for the index."""
    import nbformat
    import papermill

    reports_dir = Path(reports)
    executed_path = reports_dir / "executed" / f"{name}.ipynb"
    executed_path.parent.mkdir(parents=True, exist_ok=True)
    tmp_nb = executed_path.with_name(f".{name}.{os.getpid()}.ipynb")
    started = time.perf_counter()
    try:
        papermill.execute_notebook(nb_path, str(tmp_nb), parameters=params,
                                   kernel_name="python3", cwd=str(Path(nb_path).parent),
                                   progress_bar=False, log_output=False,
                                   extra_arguments=["--IPKernelApp.log_level=ERROR"])
    except papermill.PapermillExecutionError as exc:
        nb = nbformat.read(tmp_nb, as_version=4) if tmp_nb.exists() else None
        tmp_nb.unlink(missing_ok=True)
        source = nbformat.read(nb_path, as_version=4)
        where = _failing_cell(nb, source) if nb else f"execution count {exc.exec_count}"
        return {"ok": False, "error": f"{where}", "seconds": time.perf_counter() - started}
    except Exception as exc:  # a kernel that died or could not start
        tmp_nb.unlink(missing_ok=True)
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}",
                "seconds": time.perf_counter() - started}
    nb = nbformat.read(tmp_nb, as_version=4)
    os.replace(tmp_nb, executed_path)
    payload = extract_payload(nb)
    payload.update(notebook=Path(nb_path).name, parameters=params,
                   built=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    _atomic_write(reports_dir / f"{name}.figures.json",
                  json.dumps(payload, indent=2, default=str).encode())
    _atomic_write(reports_dir / f"{name}.html", render_html(nb).encode())
    return {"ok": True, "payload": payload, "seconds": time.perf_counter() - started}


@contextlib.contextmanager
def build_lock(reports: Path):
    """One build at a time per reports folder; a second build waits for the first."""
    reports.mkdir(parents=True, exist_ok=True)
    with open(reports / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _state_path(reports: Path, name: str) -> Path:
    return reports / ".cache" / f"{name}.json"


def _read_state(reports: Path, name: str) -> dict | None:
    try:
        return json.loads(_state_path(reports, name).read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def build(names: list[str] | None = None, params: dict | None = None, force: bool = False,
          jobs: int | None = None, progress: bool = True) -> list[Outcome]:
    """Build the briefs; returns one Outcome per notebook (built, cached or failed)."""
    reports = paths.reports_dir()
    params = params or {}
    nbs = notebook_paths(names)
    typed = {nb: check_params(nb, params) for nb in nbs}
    outcomes: list[Outcome] = []
    with build_lock(reports):
        (reports / ".cache").mkdir(parents=True, exist_ok=True)
        todo = []
        shared = _shared_digest()
        for nb in nbs:
            name = output_name(nb, typed[nb])
            digest = _inputs_digest(nb, typed[nb], shared)
            state = _read_state(reports, name)
            fresh = (state and state.get("digest") == digest and state.get("status") == "ok"
                     and (reports / f"{name}.html").is_file())
            if fresh and not force:
                outcomes.append(Outcome(name, "cached", 0.0))
            else:
                todo.append((nb, name, digest))
        if todo:
            _execute_all(todo, typed, reports, outcomes, jobs, progress)
        write_index(reports)
    return sorted(outcomes, key=lambda o: o.name)


def _execute_all(todo, typed, reports: Path, outcomes: list[Outcome], jobs, progress) -> None:
    """Run the notebooks to build, one kernel per worker process, recording each state."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    bar = tqdm(total=len(todo), desc="briefs", unit="nb", disable=not progress)
    with cf.ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(_execute_one, str(nb), typed[nb], name, str(reports)):
                   (nb, name, digest) for nb, name, digest in todo}
        for fut in cf.as_completed(futures):
            nb, name, digest = futures[fut]
            result = fut.result()
            previous = _read_state(reports, name) or {}
            if result["ok"]:
                state = {"status": "ok", "digest": digest, "payload": result["payload"]}
                outcomes.append(Outcome(name, "built", result["seconds"]))
            else:
                state = {**previous, "status": "failed", "error": result["error"]}
                outcomes.append(Outcome(name, "failed", result["seconds"],
                                        f"{nb.name}: {result['error']}"))
            _atomic_write(_state_path(reports, name), json.dumps(state, default=str).encode())
            bar.set_postfix_str(f"{name} {outcomes[-1].status}")
            bar.update()
    bar.close()


def write_index(reports: Path) -> Path:
    """``reports/index.html``: every brief with its takeaway and as-of date; stale ones marked."""
    items = []
    for state_file in sorted((reports / ".cache").glob("*.json")):
        name = state_file.stem
        state = json.loads(state_file.read_text())
        payload = state.get("payload")
        if not payload or not (reports / f"{name}.html").is_file():
            items.append(f"<li><b>{html.escape(name)}</b>: not built "
                         f"({html.escape(state.get('error', ''))})</li>")
            continue
        stale = state.get("status") != "ok"
        flag = (f" <span class='stale'>STALE: last build failed at "
                f"{html.escape(state.get('error', ''))}; showing the previous good brief</span>"
                if stale else "")
        params = payload.get("parameters") or {}
        variant = (" <small>(variant: " + html.escape(", ".join(f"{k}={v}" for k, v in
                                                                 params.items())) + ")</small>"
                   if params else "")
        items.append(
            f"<li><a href='{html.escape(name)}.html'>{html.escape(payload.get('title') or name)}"
            f"</a>{variant}{flag}<br><span class='take'>{html.escape(payload.get('takeaway', ''))}</span>"
            f"<br><small>latest data {html.escape(str(payload.get('data_to') or 'n/a'))}; built "
            f"{html.escape(payload.get('built', ''))}; "
            f"<a href='{html.escape(name)}.figures.json'>key figures (JSON)</a></small></li>")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>US-China Trade Watch: briefs</title>
<style>body{{font-family:system-ui,sans-serif;max-width:820px;margin:2rem auto;padding:0 1rem}}
li{{margin:0 0 1rem}} .take{{font-weight:600}} .stale{{color:#D55E00;font-weight:700}}</style>
</head><body><h1>US-China Trade Watch: briefs</h1>
<p>Each brief is a self-contained page rendered from a notebook of the kit, with its data
vintages in an "as of" block.</p><ul>{''.join(items)}</ul></body></html>
"""
    path = reports / "index.html"
    _atomic_write(path, page.encode())
    return path


def main(notebook: str | None = None, params: dict | None = None, force: bool = False) -> int:
    """CLI entry: build, print one line per notebook, exit non-zero if any failed."""
    try:
        outcomes = build([notebook] if notebook else None, params, force)
    except ValueError as exc:
        print(f"error: {exc}")
        return 2
    for o in outcomes:
        print(f"{o.status:7s} {o.name} ({o.seconds:.1f}s){'  ' + o.message if o.message else ''}")
    print(f"index: {paths.reports_dir() / 'index.html'}")
    return 1 if any(o.status == "failed" for o in outcomes) else 0
