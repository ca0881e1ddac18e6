"""Command line: every verb of the kit, with or without make and on any platform:
``python -m helpers data status|refresh|changes|build-snapshot|checksums|package``,
``briefs``, ``notebooks sync|check``, ``student``, and the development verbs ``test``,
``lint``, ``bench``, ``lab`` and ``clean`` (the Makefile is a thin alias for these)."""

from __future__ import annotations

import argparse
import json
import logging
import shlex
import sys
from pathlib import Path

from helpers import log_to_stderr, settings
from helpers.data.errors import DataError
from helpers.paths import PathSettingError

log = logging.getLogger(__name__)


def _data_status(args) -> int:
    from helpers.data import status

    table = status()
    if args.json:
        print(json.dumps(table.to_dict(orient="records"), indent=2, default=str))
    else:
        import pandas as pd

        with pd.option_context("display.width", 200, "display.max_colwidth", 48):
            print(table.drop(columns=["source"]).to_string(index=False))
    return 0


def _data_refresh(args) -> int:
    from helpers.data import refresh

    results = refresh(args.ids or None)
    for r in results:
        print(f"{'ok  ' if r.ok else 'FAIL'} {r.dataset}: {r.message}")
    return 0 if all(r.ok for r in results) else 1


def _data_changes(args) -> int:
    from helpers.data.changes import changes

    table = changes(args.ids or None)
    if args.json:
        print(json.dumps(table.to_dict(orient="records"), indent=2))
    else:
        print(table.to_string(index=False))
    return 0


def _build_snapshot(args) -> int:
    from helpers import paths
    from helpers.data import snapshot

    for p in snapshot.build(Path(args.sources), paths.data_dir() / "snapshot"):
        print(p)
    return 0


def _checksums(args) -> int:
    from helpers.data import catalog

    if args.write:
        changed = catalog.write_checksums()
        print("\n".join(changed) if changed else "all checksums already match")
        return 0
    bad = 0
    for ds in catalog.read_catalog().values():
        for f in ds.files:
            try:
                catalog.verify_file(ds.id, f)
            except DataError as exc:
                bad += 1
                print(exc)
    print("all checksums match" if not bad else f"{bad} file(s) do not match")
    return 1 if bad else 0


def _data_package(args) -> int:
    from helpers.data import package

    print(package.write())
    return 0


def _name_value(text: str) -> tuple[str, str]:
    """``name=value`` as a pair; anything else is a usage error naming the argument."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected name=value, got {text!r}")
    return name.strip(), value


MAX_PARAMS_FILE = 64 * 1024  # bytes: parameters are a few short values


def _params_file(text: str) -> dict:
    """A JSON object of parameter values, e.g. ``{"start": "2015-01", "base_year": 2016}``,
    in a file of at most ``MAX_PARAMS_FILE`` bytes."""
    try:
        size = Path(text).stat().st_size
        if size > MAX_PARAMS_FILE:
            raise argparse.ArgumentTypeError(f"{text} is {size:,} bytes; a parameters file "
                                             f"holds at most {MAX_PARAMS_FILE:,}")
        params = json.loads(Path(text).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise argparse.ArgumentTypeError(f"cannot read parameters from {text}: {exc}") from None
    if not isinstance(params, dict):
        raise argparse.ArgumentTypeError(f"{text} must hold one JSON object of name: value")
    return params


def _params_text(text: str) -> list[tuple[str, str]]:
    """Space-separated ``name=value`` pairs with shell-style quoting (``title='a b'``)."""
    try:
        return [_name_value(word) for word in shlex.split(text)]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"cannot split {text!r}: {exc}") from None


def _briefs(args) -> int:
    from helpers import briefs

    params = {**(args.params_file or {}), **dict(args.params or []), **dict(args.param)}
    return briefs.main(notebook=args.notebook or None, params=params, force=args.force,
                       cell_timeout=args.cell_timeout or None, lock_timeout=args.lock_timeout,
                       edition=args.edition, pdf=args.paper if args.pdf else None)


def _student(args) -> int:
    from helpers import edition

    try:
        print(f"student edition: {edition.build_student(args.out)}")
    except (FileExistsError, ValueError) as exc:
        log.debug("the student edition was refused", exc_info=True)
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _notebooks(args) -> int:
    """``sync``: rewrite the notebooks' text files (notebooks/text/*.py) from the .ipynb;
    ``check``: name every text file out of step (exit 1)."""
    from helpers import notebook_text

    try:
        if args.verb == "sync":
            written = notebook_text.sync()
            print("\n".join(map(str, written)) or "every text file already matches its notebook")
        found = notebook_text.differences()
    except ValueError as exc:
        log.debug("the notebooks' text files were not checked", exc_info=True)
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(found) or "every notebook and its text file agree")
    return 1 if found else 0


def _run(command: list[str], extra: list[str]) -> int:
    """Run a development tool from the project root with this interpreter's environment."""
    import subprocess

    from helpers import paths

    return subprocess.call([*command, *extra], cwd=paths.project_root())


def _tool(args) -> int:
    """``test`` (pytest), ``lint`` (ruff over what pyproject names), ``bench``, ``lab``."""
    if args.command == "lab":
        from helpers import lab
        return lab.run(args.extra)
    if args.command == "bench":  # every benchmark under bench/, one after the other
        from helpers import paths
        scripts = sorted((paths.project_root() / "bench").glob("*.py"))
        codes = [_run([sys.executable, str(script)], args.extra) for script in scripts]
        return next((code for code in codes if code), 0)
    commands = {"test": [sys.executable, "-m", "pytest"],
                "lint": [sys.executable, "-m", "ruff", "check"]}
    return _run(commands[args.command], args.extra)


def _clean(args) -> int:
    """Remove what builds and refreshes wrote (briefs, student edition, refresh cache), file
    by file from the kit's own records; refused while a build runs or for a folder the kit
    cannot prove it wrote (see ``helpers.owned``)."""
    from helpers import briefs, owned, paths
    from helpers.data import live

    try:
        removed = briefs.clean(paths.reports_dir())
        student = paths.dist_dir() / "student"
        record = owned.marker(student) if student.is_dir() else None
        if record and record.get("kind") == "student":
            removed += owned.remove_files(owned.check_removable(student, "student"),
                                          [*record.get("files", {}), owned.MARKER])
        removed += live.clean_cache()
    except (briefs.BuildBusy, owned.UnsafeDelete) as exc:
        log.debug("clean was refused", exc_info=True)
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"removed {len(removed)} file(s) the kit wrote")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from helpers import briefs

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--verbose", "-v", action="store_true", default=argparse.SUPPRESS,
                        help="log each step, and tracebacks behind error messages (debug level)")
    verbose = [common]  # every verb takes --verbose
    parser = argparse.ArgumentParser(prog="python -m helpers", parents=verbose)
    sub = parser.add_subparsers(dest="command", required=True)

    data = sub.add_parser("data", parents=verbose, help="the data layer").add_subparsers(
        dest="verb", required=True)
    st = data.add_parser("status", parents=verbose, help="one row per dataset")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=_data_status)
    rf = data.add_parser("refresh", parents=verbose, help="pull newer data from the origins (needs internet)")
    rf.add_argument("ids", nargs="*")
    rf.set_defaults(func=_data_refresh)
    ch = data.add_parser("changes", parents=verbose, help="new periods, revised values and new "
                         "rows since the previous vintage")
    ch.add_argument("ids", nargs="*")
    ch.add_argument("--json", action="store_true")
    ch.set_defaults(func=_data_changes)
    bs = data.add_parser("build-snapshot", parents=verbose, help="rebuild data/snapshot from the extracts")
    bs.add_argument("--sources", required=True, help="folder of extracts with MANIFEST.md")
    bs.set_defaults(func=_build_snapshot)
    ck = data.add_parser("checksums", parents=verbose, help="check (or --write) the catalog's sha256 sums")
    ck.add_argument("--write", action="store_true")
    ck.set_defaults(func=_checksums)
    pk = data.add_parser("package", parents=verbose, help="write data/datapackage.json "
                         "(Frictionless) from the dataset registry")
    pk.set_defaults(func=_data_package)

    br = sub.add_parser("briefs", parents=verbose,
                        help="render the notebooks into HTML briefs under reports/")
    br.add_argument("--notebook", help="one notebook name, e.g. 03_soybean_collapse")
    br.add_argument("--param", action="append", default=[], type=_name_value,
                    help="name=value (repeatable); typed from the notebook's declared default")
    br.add_argument("--params", type=_params_text, metavar="'NAME=VALUE ...'",
                    help="several name=value pairs in one argument, shell-quoted (make brief)")
    br.add_argument("--params-file", type=_params_file, metavar="FILE.json",
                    help="parameters as one JSON object; --params and --param override it")
    br.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    br.add_argument("--edition", choices=briefs.EDITIONS, default="policy",
                    help="policy (default): no teaching cells; instructor: exercises, methods "
                    "and collapsed solutions, into reports/instructor/")
    br.add_argument("--pdf", action="store_true",
                    help="also print reports/<name>.pdf of each brief (headless Chromium)")
    br.add_argument("--paper", choices=briefs.PAPERS, default="A4",
                    help="paper size of the PDFs (default %(default)s)")
    br.add_argument("--cell-timeout", type=float, default=briefs.CELL_TIMEOUT,
                    metavar="SECONDS", help="fail a notebook whose cell runs longer "
                    "(default %(default)g; 0: no limit)")
    br.add_argument("--lock-timeout", type=float, default=briefs.LOCK_TIMEOUT,
                    metavar="SECONDS", help="give up waiting for another build after this "
                    "long (default %(default)g)")
    br.set_defaults(func=_briefs)

    nbs = sub.add_parser("notebooks", parents=verbose, help="the notebooks' reviewable text "
                         "files (notebooks/text/*.py, jupytext py:percent)").add_subparsers(
        dest="verb", required=True)
    nbs.add_parser("sync", parents=verbose, help="rewrite the text files from the notebooks "
                   "(the .ipynb is the source)").set_defaults(func=_notebooks)
    nbs.add_parser("check", parents=verbose, help="name every text file out of step with its "
                   "notebook (exit 1)").set_defaults(func=_notebooks)

    stu = sub.add_parser("student", parents=verbose, help="write the student edition (solutions stubbed)")
    stu.add_argument("--out", type=Path, default=None,
                     help="folder to write (default dist/student)")
    stu.set_defaults(func=_student)
    for verb, text in [("test", "run the test suite (pytest; extra arguments pass through)"),
                       ("lint", "ruff over the project's code, tests and notebooks"),
                       ("bench", "speed and memory benchmarks, printed as ratios"),
                       ("lab", "JupyterLab at the project root, the kit importable (options after --)")]:
        tool = sub.add_parser(verb, parents=verbose, help=text)
        tool.add_argument("extra", nargs=argparse.REMAINDER, help="passed to the tool")
        tool.set_defaults(func=_tool)
    sub.add_parser("clean", parents=verbose, help="remove what builds, the student edition and refreshes "
                   "wrote (never while a build runs)").set_defaults(
        func=_clean)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    log_to_stderr(logging.DEBUG if getattr(args, "verbose", False) else logging.WARNING)
    try:
        settings.validate()
        return args.func(args)
    except (DataError, PathSettingError) as exc:
        log.debug("the command stopped", exc_info=True)
        print(f"error: {exc}", file=sys.stderr)
        return 2
