"""Benchmark the brief build against what people do by hand, side by side in one run.

    python bench/briefs.py [--repeat N]

Runs, on the same notebooks and machine, one after the other:
  baseline  serial `jupyter nbconvert --execute --to html`, one notebook at a time;
  cold      the kit's build with an empty cache (parallel kernels, render, figures JSON);
  warm      the kit's build again with nothing changed (content-hash cache);
  prose     one notebook's cold build, then its rebuild after a Markdown-only edit (the
            brief is re-rendered from the stored outputs, no kernel);
then prints the ratios cold/baseline, warm/cold and prose/cold, the size of every brief, and the cost
of `import helpers` plus loading every core dataset of the registry (each file parsed
and validated once in a fresh interpreter) against a bare `import pandas`.
Times are wall-clock medians of ``--repeat`` runs; ratios, not seconds, are the result.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpers.briefs.publish import PAGE_WEIGHT_TARGET

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
BRIEF_BUDGET_MB = PAGE_WEIGHT_TARGET / 1e6  # the size a brief stays within (a test asserts it)


def _timed(fn, *args, **kwargs) -> float:
    started = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - started


def baseline(notebooks: list[Path], out: Path) -> None:
    jupyter = Path(PY).with_name("jupyter")
    for nb in notebooks:
        subprocess.run([str(jupyter), "nbconvert", "--execute", "--to", "html",
                        "--output-dir", str(out), str(nb)], check=True, cwd=nb.parent,
                       capture_output=True)


def kit_build(reports: Path, force: bool) -> None:
    env = dict(os.environ, TRADEWATCH_REPORTS_DIR=str(reports))
    cmd = [PY, "-m", "helpers", "briefs"] + (["--force"] if force else [])
    subprocess.run(cmd, check=True, env=env, capture_output=True)


PROSE_NOTEBOOK = "03_soybean_collapse"


def prose_edit(tmp: Path) -> tuple[float, float]:
    """Seconds the build reports for one notebook: its cold build (kernel, render, publish),
    then the median of three rebuilds after only its prose changed (a sentence added to its
    first Markdown cell each time: re-rendered from the stored outputs), in a scratch copy.
    Both are the builder's own per-notebook times, so the interpreter's start-up is left
    out of both."""
    import nbformat

    notebooks, reports = tmp / "prose_notebooks", tmp / "prose_reports"
    notebooks.mkdir()
    source = ROOT / "notebooks" / f"{PROSE_NOTEBOOK}.ipynb"
    (notebooks / source.name).write_bytes(source.read_bytes())
    env = dict(os.environ, TRADEWATCH_REPORTS_DIR=str(reports),
               TRADEWATCH_NOTEBOOKS_DIR=str(notebooks))
    cmd = [PY, "-m", "helpers", "briefs", "--notebook", PROSE_NOTEBOOK]

    def reported(extra: list[str], status: str) -> float:
        out = subprocess.run(cmd + extra, check=True, env=env, capture_output=True,
                             text=True).stdout
        line = next(x for x in out.splitlines() if x.startswith(status))
        return float(line.rsplit("(", 1)[1].rstrip("s)"))

    cold = reported(["--force"], "built")
    prose = []
    for n in range(3):  # the median of three edits: one run's noise does not decide it
        nb = nbformat.read(notebooks / source.name, as_version=4)
        first = next(c for c in nb.cells if c.cell_type == "markdown")
        first.source += f"\n\nSentence {n + 1} added to measure a prose-only rebuild."
        nbformat.write(nb, notebooks / source.name)
        prose.append(reported([], "rendered"))
    return cold, statistics.median(prose)


def import_cost(code: str, repeat: int) -> float:
    return statistics.median(
        _timed(subprocess.run, [PY, "-c", code], check=True, capture_output=True)
        for _ in range(repeat))


def peak_memory_mb(code: str) -> float:
    """Peak resident memory of a fresh interpreter running ``code`` (ru_maxrss, Linux KiB)."""
    probe = code + "\nimport resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    out = subprocess.run([PY, "-c", probe], check=True, capture_output=True, text=True).stdout
    return int(out.split()[-1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base_t, cold_t, warm_t = [], [], []
        for i in range(args.repeat):
            reports = tmp / f"reports{i}"
            base_t.append(_timed(baseline, notebooks, tmp / f"naive{i}"))
            cold_t.append(_timed(kit_build, reports, force=True))
            warm_t.append(_timed(kit_build, reports, force=False))
        b, c, w = (statistics.median(x) for x in (base_t, cold_t, warm_t))
        one_cold, one_prose = prose_edit(tmp)
        sizes = {p.name: p.stat().st_size for p in sorted((tmp / "reports0").glob("*.html"))
                 if p.name != "index.html"}
    print(f"notebooks: {len(notebooks)}; cores: {os.cpu_count()}; repeats: {args.repeat}")
    print(f"baseline (serial nbconvert --execute): {b:6.1f} s")
    print(f"kit cold build:                        {c:6.1f} s   cold / baseline = {c / b:.2f}"
          "  (target <= 0.50)")
    print(f"kit warm build (nothing changed):      {w:6.1f} s   warm / cold     = {w / c:.3f}"
          " (target <= 0.05)")
    print(f"prose-only edit of {PROSE_NOTEBOOK}:   {one_prose:6.1f} s   prose / that notebook's "
          f"cold build ({one_cold:.1f} s) = {one_prose / one_cold:.3f} (target <= 0.10)")
    for name, size in sizes.items():
        over = "  OVER BUDGET" if size > BRIEF_BUDGET_MB * 1e6 else ""
        print(f"brief size {name:28s} {size / 1e6:5.2f} MB  (target <= {BRIEF_BUDGET_MB} MB){over}")
    load_all = ("import helpers.data as d\nfrom helpers.data import catalog\n"
                "[d.load(i) for i, ds in catalog.read_catalog().items() "
                "if ds.role == 'core' and ds.files]")
    bare = import_cost("import pandas", max(3, args.repeat))
    kit = import_cost(load_all, max(3, args.repeat))
    bare_mb, kit_mb = peak_memory_mb("import pandas"), peak_memory_mb(load_all)
    print(f"import pandas:                         {bare:6.2f} s  {bare_mb:6.0f} MB peak")
    print(f"import helpers + load every dataset:   {kit:6.2f} s  {kit_mb:6.0f} MB peak   "
          f"time ratio = {kit / bare:.2f}x (target <= 1.5), memory ratio = {kit_mb / bare_mb:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
