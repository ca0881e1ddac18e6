"""Render notebooks into self-contained HTML briefs under ``reports/``.

One kernel per core executes the notebooks (papermill, so parameters follow its
``parameters`` cell convention); nbconvert renders them with code hidden and no script or
remote asset. A notebook whose inputs (its text, parameters, the helpers' source, the data
files) are unchanged since its last good build is skipped. A notebook that fails keeps its
previous brief, marked stale in the index, and the build exits non-zero naming the cell.
Builds hold a lock on ``reports/.lock`` and publish files by atomic rename.
"""

from __future__ import annotations

import ast
import concurrent.futures as cf
import contextlib
import datetime as dt
import hashlib
import json
import logging
import math
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import nh3
from filelock import FileLock, Timeout
from tqdm import tqdm

from helpers import export, mathml, owned, paths

TEMPLATES = Path(__file__).parent / "templates"  # package data (pyproject.toml)
log = logging.getLogger(__name__)
CELL_TIMEOUT = 300  # seconds one cell may run before its notebook fails
LOCK_TIMEOUT = 1800  # seconds a build waits for another build's lock before giving up
STOP_GRACE = 3.0  # seconds stopped workers get to shut their kernels before being killed
MAX_NAME = 120  # characters of a variant's file name before it is named by a hash instead
MAX_CELL_OUTPUT = 8 * 2**20  # bytes of output one cell may print or display
MAX_BRIEF = 24 * 2**20  # bytes of one brief's page (and of its executed notebook)
# signals that stop a build cleanly (SIGHUP: the terminal closed), where the platform has them
STOP_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGINT", "SIGHUP")
                     if hasattr(signal, n))


class BuildBusy(RuntimeError):
    """Another build held the reports folder's lock for longer than this build would wait."""


class BuildInterrupted(BaseException):
    """The build received SIGTERM or SIGINT and stopped its workers (not an ``Exception``, so
    no ``except Exception`` can swallow it)."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(f"stopped by {signal.Signals(signum).name}")


@dataclass
class Outcome:
    name: str
    status: str  # built | rendered (prose only, no kernel) | cached | failed
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


_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_BOOLS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}


def _declared_default(info: dict):
    """The Python value of a parameter's default as written in the parameters cell."""
    try:
        return ast.literal_eval(info["default"])
    except (ValueError, SyntaxError):
        return None


def _as_date_like(default: str, text: str) -> str:
    """``text`` as the same kind of date as ``default`` (YYYY-MM or YYYY-MM-DD), zero-padded."""
    if _DAY.fullmatch(default):
        m = _DAY.fullmatch(text)
        try:
            return dt.date(*map(int, m.groups())).isoformat()
        except (AttributeError, ValueError):
            raise ValueError("a date like 2018-01-01") from None
    m = _MONTH.fullmatch(text)
    if not m or not 1 <= int(m[2]) <= 12:
        raise ValueError("a month like 2018-01")
    return f"{m[1]}-{int(m[2]):02d}"


def typed_value(value, default):
    """A parameter value (text from the command line or a JSON value) typed like its declared
    default: bool, int, finite float, or text; a date-like default (YYYY-MM or YYYY-MM-DD)
    takes only the same kind of date, in canonical form. ValueError names the type wanted."""
    text = str(value).strip()
    if isinstance(default, bool):
        if text.lower() not in _BOOLS:
            raise ValueError("true or false")
        return _BOOLS[text.lower()]
    if isinstance(default, int):
        try:
            return int(text)
        except ValueError:
            raise ValueError("a whole number") from None
    if isinstance(default, float):
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise ValueError("a finite number")
        return number
    if isinstance(default, str) and (_DAY.fullmatch(default) or _MONTH.fullmatch(default)):
        return _as_date_like(default, text)
    return text


def check_params(nb_path: Path, params: dict) -> dict:
    """Parameters checked against the notebook's parameters cell and typed from its declared
    defaults; any value that cannot be read as its type is refused, naming the parameter."""
    if not params:
        return {}
    import papermill

    declared = papermill.inspect_notebook(str(nb_path))
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise ValueError(f"{nb_path.stem} has no parameter {unknown}; "
                         f"its parameters cell declares {sorted(declared)}")
    typed = {}
    for name, value in params.items():
        default = _declared_default(declared[name])
        try:
            typed[name] = typed_value(value, default)
        except ValueError as exc:
            shown = repr(value) if len(repr(value)) <= 80 else f"{repr(value)[:60]}... " \
                f"({len(str(value)):,} characters)"
            raise ValueError(f"{nb_path.stem}: parameter {name!r} = {shown} is not {exc} "
                             f"(its default is {declared[name]['default']})") from None
    return typed


def output_name(nb_path: Path, params: dict) -> str:
    """``03_soybean_collapse`` or, for a variant, ``03_soybean_collapse--start=2015-01``.

    Typed values make the name canonical (2018-1 and 2018-01 are one variant); a value with
    a character other than letters, digits, '.' and '-' (so also '_' and '=', which would
    let two variants share a name), or a name over ``MAX_NAME`` characters, gives
    ``<notebook>--<12 hex digits of the parameters' hash>`` instead."""
    if not params:
        return nb_path.stem
    slug = "_".join(f"{k}={v}" for k, v in sorted(params.items()))
    name = f"{nb_path.stem}--{slug}"
    plain = all(re.fullmatch(r"[A-Za-z0-9.-]+", str(v)) for v in params.values())
    if plain and len(name) <= MAX_NAME:  # values without '_' or '=': one name, one variant
        return name
    digest = hashlib.sha256(json.dumps(params, sort_keys=True, default=str).encode())
    return f"{nb_path.stem}--{digest.hexdigest()[:12]}"


def shared_digest() -> str:
    """Hash of what every brief depends on: the helpers' source, every template file (conf.json
    included), every file in the data folder (catalog, snapshot and refresh cache, any
    extension) and the stored validated frames the datasets are served from
    (``load.served_digest``)."""
    from helpers.data.load import served_digest

    h = hashlib.sha256(served_digest().encode())
    package, data = Path(__file__).parent, paths.data_dir()
    trees = [(package, sorted(package.rglob("*.py"))), (TEMPLATES, sorted(TEMPLATES.rglob("*"))),
             (data, sorted(data.rglob("*")))]
    for root, files in trees:
        for f in files:
            if f.is_file():
                h.update(f.relative_to(root).as_posix().encode())
                h.update(f.read_bytes())
    return h.hexdigest()


def inputs_digest(nb_path: Path, params: dict, shared: str,
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


def code_digest(nb_path: Path, params: dict, shared: str, today: dt.date | None = None) -> str:
    """Hash of what a brief's outputs depend on: the shared inputs, parameters and the
    notebook's code cells (source and tags) and metadata, not its Markdown. When only the
    prose changed, this stays the same and the brief is re-rendered from the stored
    executed notebook without running a kernel."""
    nb = json.loads(nb_path.read_bytes())  # plain JSON: nbformat's import costs seconds
    h = hashlib.sha256(shared.encode())
    h.update(json.dumps(params, sort_keys=True).encode())
    h.update(json.dumps(nb.get("metadata", {}), sort_keys=True, default=str).encode())
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            source = cell.get("source", "")
            h.update(("".join(source) if isinstance(source, list) else source).encode())
            h.update(json.dumps(cell.get("metadata", {}).get("tags", []), sort_keys=True).encode())
    if nb.get("metadata", {}).get("tradewatch", {}).get("rebuild_daily"):
        h.update((today or dt.date.today()).isoformat().encode())
    return h.hexdigest()


def with_new_prose(executed, source):
    """The executed notebook with the committed notebook's Markdown cells in place of its
    own: code cells and their outputs (and papermill's injected parameters) stay, every
    Markdown cell comes from ``source``. Returns None when the code cells do not line up
    (then the notebook has to run again)."""
    ran = [c for c in executed.cells if c.cell_type == "code"]
    injected = [c for c in ran if "injected-parameters" in c.metadata.get("tags", [])]
    ran = [c for c in ran if c not in injected]
    wanted = [c for c in source.cells if c.cell_type == "code"]
    if [c.source for c in ran] != [c.source for c in wanted]:
        return None
    cells, code = [], iter(ran)
    for cell in source.cells:
        if cell.cell_type != "code":
            cells.append(cell)
            continue
        cells.append(next(code))
        if "parameters" in cell.metadata.get("tags", []):
            cells.extend(injected)
    out = executed.copy()
    out.cells = cells
    return out


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def false_claims(payload: dict) -> str:
    """'' when every claim in the payload holds, else the first one that does not, quoted:
    no path publishes a brief with a claim its data did not bear out."""
    for claim in payload.get("claims") or []:
        if claim.get("holds") is not True:
            return f"the claim {claim.get('text', '')!r} does not hold"
    return ""


def _rerender(nb_path: Path, name: str, reports: Path, edition: str,
              executed_sha256: str | None) -> dict:
    """Publish a brief again from its stored executed notebook with the notebook's new
    prose (no kernel); the key figures and claims come from the stored outputs. Only when
    the stored notebook is byte for byte the one the kit wrote (``executed_sha256``) and
    every claim in it holds; otherwise ``ok`` is False and the notebook runs again."""
    import nbformat

    started = time.perf_counter()
    executed_path = reports / "executed" / f"{name}.ipynb"
    if not executed_path.is_file() or not executed_sha256 or \
            _sha256(executed_path) != executed_sha256:
        return {"ok": False}
    merged = with_new_prose(nbformat.read(executed_path, as_version=4),
                            nbformat.read(nb_path, as_version=4))
    if merged is None:
        return {"ok": False}
    payload = stamp(merged, nb_path.name)
    if false_claims(payload):
        return {"ok": False}
    page = render_html(merged, edition).encode()
    executed = nbformat.writes(merged).encode()
    digest = hashlib.sha256(executed).hexdigest()
    try:
        publish([], {executed_path: executed,
                     reports / f"{name}.figures.json": json.dumps(payload, indent=2,
                                                                  default=str).encode(),
                     reports / f"{name}.html": page})
    except OSError:
        return {"ok": False}
    return {"ok": True, "payload": payload, "executed_sha256": digest,
            "seconds": time.perf_counter() - started}


def publish(written: list[tuple[Path, Path]], contents: dict[Path, bytes]) -> None:
    """Publish one brief's files all or none: every content is first written to a temporary
    beside its target (with the already ``written`` temporaries), then all are renamed into
    place with stop signals held. A write that fails (a full disk, a read-only folder)
    removes every temporary and raises, leaving the previous files as they were."""
    moves = list(written)
    try:
        for target, data in contents.items():
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            moves.append((tmp, target))
            tmp.write_bytes(data)
    except BaseException:
        for tmp, _ in moves:
            tmp.unlink(missing_ok=True)
        raise
    with _signals_deferred():
        for tmp, target in moves:
            os.replace(tmp, target)


def _oversized(executed_path: Path, source) -> str:
    """'' or which cell's output (counted in the committed notebook, 0-based) or which
    notebook is over ``MAX_CELL_OUTPUT`` / ``MAX_BRIEF`` bytes."""
    size = executed_path.stat().st_size
    if size <= MAX_CELL_OUTPUT:
        return ""
    positions = {c.get("id"): i for i, c in enumerate(source.cells)}
    for cell in json.loads(executed_path.read_bytes()).get("cells", []):
        output = len(json.dumps(cell.get("outputs", [])))
        if output > MAX_CELL_OUTPUT:
            return (f"cell {positions.get(cell.get('id'), '?')} output is "
                    f"{output / 2**20:.1f} MB, over the {MAX_CELL_OUTPUT / 2**20:g} MB limit "
                    "per cell")
    if size > MAX_BRIEF:
        return (f"the executed notebook is {size / 2**20:.1f} MB, over the "
                f"{MAX_BRIEF / 2**20:g} MB limit per brief")
    return ""


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


def render_html(nb, edition: str = "policy") -> str:
    """The executed notebook as a brief: inputs and prompts hidden, ``remove-cell`` dropped,
    TeX math as MathML, the body sanitised (``sanitise_body``). The ``policy`` edition also
    drops the teaching cells; ``instructor`` keeps them, solutions collapsed
    (``helpers.edition``)."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    from traitlets.config import Config

    from helpers import edition as editions

    if edition not in editions.EDITIONS:
        raise ValueError(f"edition must be one of {editions.EDITIONS}, not {edition!r}")
    config = Config()
    config.TagRemovePreprocessor.remove_cell_tags = {"remove-cell"} | (
        set() if edition == "instructor" else editions.TEACHING_TAGS)
    config.TagRemovePreprocessor.enabled = True
    exporter = HTMLExporter(config=config, template_name="brief",
                            extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.register_preprocessor(TagRemovePreprocessor(config=config), enabled=True)
    exporter.register_preprocessor(mathml.preprocess, enabled=True)
    if edition == "instructor":
        exporter.register_preprocessor(editions.InstructorCells(), enabled=True)
    page, _ = exporter.from_notebook_node(nb)
    head, rest = page.split("<body", 1)
    open_tag, rest = rest.split(">", 1)
    body, tail = rest.rsplit("</body>", 1)
    return f"{head}<body{open_tag}>{sanitise_body(body)}</body>{tail}"


_BODY_TAGS = set(nh3.ALLOWED_TAGS) | {"main", "section", "tfoot", "picture", "source"} | mathml.TAGS
_BODY_ATTRIBUTES = {"*": {"class", "id", "title", "lang", "dir", "tabindex", "data-mime-type",
                          "style", "align"},
                    "a": {"href", "download"}, "img": {"src", "alt", "width", "height"},
                    "picture": {"data-text-px"}, "source": {"media", "srcset", "type"},
                    "li": {"value"},
                    "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"},
                    "table": {"border"}, "ol": {"start"},
                    **{tag: mathml.ATTRIBUTES for tag in mathml.TAGS}}
_STYLE_PROPERTIES = {"text-align", "vertical-align", "color", "background-color", "font-weight",
                     "font-style", "font-size", "white-space", "width", "height", "padding",
                     "margin", "border", "border-bottom", "border-collapse"}


_ONE_DATA_IMAGE = re.compile(r"data:image/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+")


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Images only from ``data:image/`` (a ``srcset`` holds exactly one such image, no other
    candidate); links in-page, relative, a chart's embedded CSV (``data:text/csv``) or a
    cited source over ``https://`` (an anchor loads nothing until a reader follows it; plain
    ``http://`` is dropped); no CSS ``url()``."""
    if attribute == "src":
        return value if value.startswith("data:image/") else None
    if attribute == "srcset":
        return value if _ONE_DATA_IMAGE.fullmatch(value.strip()) else None
    if attribute == "href":
        lowered = value.lower()
        if lowered.startswith("data:"):
            return value if lowered.startswith("data:text/csv") else None
        return value if tag == "a" or not lowered.startswith("https:") else None
    if attribute == "style" and "url(" in value.lower():
        return None
    return value


def _relative_only(url: str) -> str | None:
    """Relative URLs stay unless they name another host (``//host/...``)."""
    return None if re.match(r"\s*[/\\]{2}", url) else url


def sanitise_body(body: str) -> str:
    """A brief's body through an allow-list (nh3): no script or style element, no event
    handler, no external URL in ``src``; images only as ``data:`` URIs; the only external
    ``href`` kept is an ``https://`` link to a cited source."""
    return nh3.clean(body, tags=_BODY_TAGS, clean_content_tags={"script", "style"},
                     attributes=_BODY_ATTRIBUTES, attribute_filter=_keep_attribute,
                     url_schemes={"data", "https"}, url_relative=_relative_only,
                     filter_style_properties=_STYLE_PROPERTIES, link_rel=None)


def stamp(nb, notebook: str) -> dict:
    """The brief's payload (``contract.collect_payload``) with papermill's record of the
    run's parameters, the build time, kit version and revision; also written into the
    notebook's metadata, from which the template prints the 'how to cite' line."""
    from helpers import contract

    payload = contract.collect_payload(nb)
    payload.update(notebook=notebook,
                   parameters=dict(nb.metadata.get("papermill", {}).get("parameters", {})),
                   built=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                   kit=contract.kit_version(), revision=contract.git_revision())
    from helpers import overview

    nb.metadata["tradewatch_brief"] = {k: payload.get(k) for k in (
        "title", "data_to", "main_dataset", "parameters", "built", "kit", "revision")}
    nb.metadata["tradewatch_brief"]["data_span"] = overview.data_freshness(payload)["main"]
    return payload


@contextlib.contextmanager
def _signals_deferred():
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


def _last_started(executed, source) -> str:
    """'cell N': the last cell papermill started (the ones after it were never started),
    counted in the committed notebook; '' when none started."""
    positions = {c.get("id"): i for i, c in enumerate(source.cells)}
    started = [c for c in executed.cells if c.get("metadata", {}).get("papermill", {}).get(
        "start_time")]
    return f"cell {positions.get(started[-1].get('id'), '?')}" if started else ""


def _timed_out_cell(executed, source, seconds: float) -> str:
    """'cell N (timed out after S s)'."""
    return f"{_last_started(executed, source) or 'a cell'} (timed out after {seconds:g} s)"


def _die_with_parent(parent: int) -> None:
    """Worker start-up: end this worker when the build that started it ends, even by
    SIGKILL (Linux: the kernel sends SIGTERM on the parent's death; elsewhere a thread
    watches the parent's pid)."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _owner_pid(reports: Path) -> int | None:
    try:
        return int(json.loads((reports / ".lock.owner").read_text())["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _still_owned(reports: Path, parent: int) -> bool:
    """True while the build that started this worker is alive and holds the lock."""
    return os.getppid() == parent and _owner_pid(reports) == parent


def _execute_one(nb_path: str, params: dict, name: str, reports: str,
                 cell_timeout: float | None, edition: str = "policy",
                 parent: int | None = None) -> dict:
    """Run in a worker process: execute, render, publish. Returns the state for the index."""
    import nbformat
    import papermill
    from nbclient.exceptions import CellTimeoutError

    reports_dir = Path(reports)
    executed_path = reports_dir / "executed" / f"{name}.ipynb"
    executed_path.parent.mkdir(parents=True, exist_ok=True)
    tmp_nb = executed_path.with_name(f".{name}.{os.getpid()}.ipynb")
    started = time.perf_counter()
    try:
        papermill.execute_notebook(nb_path, str(tmp_nb), parameters=params,
                                   kernel_name="python3", cwd=str(Path(nb_path).parent),
                                   progress_bar=False, log_output=False,
                                   execution_timeout=cell_timeout,
                                   extra_arguments=["--IPKernelApp.log_level=ERROR"])
    except (papermill.PapermillExecutionError, CellTimeoutError) as exc:
        nb = nbformat.read(tmp_nb, as_version=4) if tmp_nb.exists() else None
        tmp_nb.unlink(missing_ok=True)
        source = nbformat.read(nb_path, as_version=4)
        if isinstance(exc, CellTimeoutError):
            where = _timed_out_cell(nb, source, cell_timeout) if nb else "a cell timed out"
        else:
            where = _failing_cell(nb, source) if nb else f"execution count {exc.exec_count}"
        return {"ok": False, "error": where, "seconds": time.perf_counter() - started}
    except Exception as exc:  # a kernel that died or could not start
        try:
            where = _last_started(nbformat.read(tmp_nb, as_version=4),
                                  nbformat.read(nb_path, as_version=4))
        except Exception:  # noqa: BLE001 (no notebook written yet: no cell to name)
            where = ""
        tmp_nb.unlink(missing_ok=True)
        return {"ok": False, "error": f"{where + ': ' if where else ''}{type(exc).__name__}: "
                f"{str(exc)[:500]}", "seconds": time.perf_counter() - started}
    source = nbformat.read(nb_path, as_version=4)
    too_big = _oversized(tmp_nb, source)
    if too_big:
        tmp_nb.unlink(missing_ok=True)
        return {"ok": False, "error": too_big, "seconds": time.perf_counter() - started}
    nb = nbformat.read(tmp_nb, as_version=4)
    payload = stamp(nb, Path(nb_path).name)
    refused = false_claims(payload)
    page = render_html(nb, edition).encode() if not refused else b""
    if len(page) > MAX_BRIEF:
        refused = (f"the brief is {len(page) / 2**20:.1f} MB, over the "
                   f"{MAX_BRIEF / 2**20:g} MB limit per brief")
    if refused:
        tmp_nb.unlink(missing_ok=True)
        return {"ok": False, "error": refused, "seconds": time.perf_counter() - started}
    workbook = reports_dir / f"{name}.xlsx"
    tmp_book = workbook.with_name(f".{workbook.name}.{os.getpid()}.tmp")
    try:
        export.write_workbook(nb, tmp_book)
    except Exception as exc:  # any failure keeps the last good files
        tmp_nb.unlink(missing_ok=True)
        tmp_book.unlink(missing_ok=True)
        return {"ok": False, "error": f"workbook {workbook.name}: {type(exc).__name__}: {exc}",
                "seconds": time.perf_counter() - started}
    digest = _sha256(tmp_nb)
    if parent is not None and not _still_owned(reports_dir, parent):
        tmp_nb.unlink(missing_ok=True)
        tmp_book.unlink(missing_ok=True)
        return {"ok": False, "error": "the build that started this worker no longer holds "
                "the lock; nothing published", "seconds": time.perf_counter() - started}
    try:
        publish([(tmp_nb, executed_path), (tmp_book, workbook)], {
            reports_dir / f"{name}.figures.json": json.dumps(payload, indent=2,
                                                             default=str).encode(),
            reports_dir / f"{name}.html": page})
    except OSError as exc:
        return {"ok": False, "error": f"could not write its files in {reports_dir} "
                f"({exc.strerror or exc}); the previous brief is kept",
                "seconds": time.perf_counter() - started}
    return {"ok": True, "payload": payload, "executed_sha256": digest,
            "seconds": time.perf_counter() - started}


def _lock_owner(reports: Path) -> str:
    """'the build started at <time> by pid <pid>', from the owner file beside the lock."""
    try:
        owner = json.loads((reports / ".lock.owner").read_text())
        return f"the build started at {owner['started']} by pid {owner['pid']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "another build (it has not recorded its start yet)"


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
        print(f"waiting for {_lock_owner(reports)} to finish ({limit}; reports/.lock)",
              file=sys.stderr, flush=True)
        try:
            lock.acquire(timeout=-1 if timeout is None else timeout)
        except Timeout:
            raise BuildBusy(f"gave up after {timeout:g} s waiting for {_lock_owner(reports)}; "
                            "let it finish, stop it, or wait longer with --lock-timeout") from None
    owner = reports / ".lock.owner"
    try:
        _atomic_write(owner, json.dumps({
            "pid": os.getpid(),
            "started": dt.datetime.now().astimezone().isoformat(timespec="seconds")}).encode())
        yield
    finally:
        owner.unlink(missing_ok=True)
        lock.release()


@contextlib.contextmanager
def _stop_on_signals():
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


def _remove_temp_files(reports: Path) -> None:
    """Drop unpublished temporaries (``.<name>.<pid>.tmp``, ``executed/.<name>.<pid>.ipynb``
    and ``executed/.<name>.ipynb.<pid>.tmp``);
    called under the lock, so none of them belongs to a running build."""
    for pattern in (".*.tmp", "executed/.*.ipynb", "executed/.*.tmp"):
        for leftover in reports.glob(pattern):
            leftover.unlink(missing_ok=True)
    for leftover in (reports / ".cache").glob(".*.tmp"):
        leftover.unlink(missing_ok=True)


def kit_files(reports: Path) -> list[str]:
    """What builds wrote in ``reports`` (relative paths): the index, each brief's files named
    from its state file in ``.cache/``, and unpublished temporaries."""
    files = ["index.html", ".lock.owner"]
    for state in sorted((reports / ".cache").glob("*.json")):
        name = state.stem
        files += [f"{name}.html", f"{name}.figures.json", f"{name}.xlsx", f"{name}.pdf",
                  f"executed/{name}.ipynb", f".cache/{name}.json"]
    for pattern in (".*.tmp", "executed/.*.ipynb", "executed/.*.tmp", ".cache/.*.tmp"):
        files += [p.relative_to(reports).as_posix() for p in reports.glob(pattern)]
    return files


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
            raise BuildBusy(f"not cleaning {folder}: {_lock_owner(folder)} is running") from None
        try:
            removed += owned.remove_files(folder, kit_files(folder))
        finally:
            lock.release()
    return removed


def _state_path(reports: Path, name: str) -> Path:
    return reports / ".cache" / f"{name}.json"


def _state_of(path: Path) -> dict | None:
    """A brief's recorded state; None when absent. A damaged file (not JSON, not an object)
    is reported by name and treated as absent, so its brief is rebuilt."""
    try:
        state = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        state = exc
    if not isinstance(state, dict):
        print(f"warning: {path} is damaged ({type(state).__name__}); its brief is rebuilt",
              file=sys.stderr, flush=True)
        return None
    return state


def _read_state(reports: Path, name: str) -> dict | None:
    return _state_of(_state_path(reports, name))


def build(names: list[str] | None = None, params: dict | None = None, force: bool = False,
          jobs: int | None = None, progress: bool = True,
          cell_timeout: float | None = CELL_TIMEOUT,
          lock_timeout: float | None = LOCK_TIMEOUT, edition: str = "policy",
          pdf: str | None = None) -> list[Outcome]:
    """Build the briefs; returns one Outcome per notebook (built, cached or failed).
    ``edition='instructor'`` renders the teaching cells too, into ``reports/instructor/``.
    ``pdf``: a paper size ('A4' or 'Letter') to also print ``<name>.pdf`` of every brief
    this build built or found current.

    ``cell_timeout``: seconds one cell may run before its notebook fails (None: no limit).
    ``lock_timeout``: seconds to wait for another build's lock before ``BuildBusy``.
    SIGTERM/SIGINT stop the build: workers and kernels end, temporaries go, the lock is
    released, and ``BuildInterrupted`` is raised."""
    reports = paths.reports_dir() / ("instructor" if edition == "instructor" else "")
    params = params or {}
    if pdf is not None:
        if pdf not in export.PAPER:
            raise ValueError(f"paper must be one of {sorted(export.PAPER)}, not {pdf!r}")
        export.chromium()  # refuse before building when PDFs cannot be printed
    nbs = notebook_paths(names)
    typed = {nb: check_params(nb, params) for nb in nbs}
    outcomes: list[Outcome] = []
    with _stop_on_signals(), build_lock(reports, lock_timeout):
        _remove_temp_files(reports)
        try:
            (reports / ".cache").mkdir(parents=True, exist_ok=True)
            todo = []
            shared = shared_digest()
            for nb in nbs:
                name = output_name(nb, typed[nb])
                digest = {"digest": inputs_digest(nb, typed[nb], shared),
                          "code_digest": code_digest(nb, typed[nb], shared)}
                state = _read_state(reports, name) or {}
                current = state.get("status") == "ok" and (reports / f"{name}.html").is_file()
                if current and not force and state.get("digest") == digest["digest"]:
                    log.info("%s: cached (inputs unchanged, %s)", name, digest["digest"][:12])
                    outcomes.append(Outcome(name, "cached", 0.0))
                    continue
                if current and not force and state.get("code_digest") == digest["code_digest"]:
                    result = _rerender(nb, name, reports, edition,
                                       state.get("executed_sha256"))
                    if result["ok"]:
                        _atomic_write(_state_path(reports, name), json.dumps(
                            {**state, **digest, "payload": result["payload"],
                             "executed_sha256": result["executed_sha256"]},
                            default=str).encode())
                        log.info("%s: prose changed only; re-rendered and published", name)
                        outcomes.append(Outcome(name, "rendered", result["seconds"]))
                        continue
                log.info("%s: to build (%s)", name, "forced" if force else "inputs changed")
                todo.append((nb, name, digest))
            if todo:
                _execute_all(todo, typed, reports, outcomes, jobs, progress, cell_timeout,
                             edition)
            if pdf:
                print_pdfs(reports, [o.name for o in outcomes if o.status != "failed"], pdf)
            log.info("index written: %s", write_index(reports))
        except BaseException:
            _remove_temp_files(reports)
            raise
    return sorted(outcomes, key=lambda o: o.name)


def print_pdfs(reports: Path, names: list[str], paper: str) -> list[Path]:
    """``<name>.pdf`` beside each named brief, printed by headless Chromium on ``paper``
    (``export.write_pdfs``) into temporary files, then renamed into place."""
    pairs = [(reports / f"{n}.html", reports / f".{n}.pdf.{os.getpid()}.tmp") for n in names]
    export.write_pdfs(pairs, paper)
    published = []
    for (_, tmp), name in zip(pairs, names, strict=True):
        published.append(reports / f"{name}.pdf")
        os.replace(tmp, published[-1])
    return published


def _kernels_of(workers) -> list:
    """The processes the workers started (their kernels), found before the workers end."""
    import psutil

    found = []
    for worker in workers:
        with contextlib.suppress(psutil.Error):
            found += psutil.Process(worker.pid).children(recursive=True)
    return found


def _stop_workers(pool: cf.ProcessPoolExecutor) -> None:
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


def _execute_all(todo, typed, reports: Path, outcomes: list[Outcome], jobs, progress,
                 cell_timeout, edition: str = "policy") -> None:
    """Run the notebooks to build, one kernel per worker process, recording each state.

    Workers are spawned, not forked, so none inherits the lock or the parent's state; each
    ends with the build (``_die_with_parent``) and publishes only while the build that
    started it holds the lock."""
    from helpers import overview

    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    bar = tqdm(total=len(todo), desc="briefs", unit="nb", disable=not progress)
    pool = cf.ProcessPoolExecutor(max_workers=workers,
                                  mp_context=multiprocessing.get_context("spawn"),
                                  initializer=_die_with_parent, initargs=(os.getpid(),))
    try:
        futures = {pool.submit(_execute_one, str(nb), typed[nb], name, str(reports),
                               cell_timeout, edition, os.getpid()): (nb, name, digest)
                   for nb, name, digest in todo}
        for fut in cf.as_completed(futures):
            nb, name, digest = futures[fut]
            result = fut.result()
            previous = _read_state(reports, name) or {}
            if result["ok"]:
                state = {"status": "ok", **digest, "payload": result["payload"],
                         "executed_sha256": result["executed_sha256"],
                         "previous": previous.get("payload"),
                         "data_changed": overview.data_changed(previous, result["payload"])}
                outcomes.append(Outcome(name, "built", result["seconds"]))
                log.info("%s: built and published (%.1f s)", name, result["seconds"])
            else:
                state = {**previous, "status": "failed", "error": result["error"]}
                outcomes.append(Outcome(name, "failed", result["seconds"],
                                        f"{nb.name}: {result['error']}"))
                log.info("%s: failed, nothing published: %s", name, result["error"])
            _atomic_write(_state_path(reports, name), json.dumps(state, default=str).encode())
            bar.set_postfix_str(f"{name} {outcomes[-1].status}")
            bar.update()
    except BaseException:
        _stop_workers(pool)
        raise
    else:
        pool.shutdown()
    finally:
        bar.close()


def _is_data_tour(name: str) -> bool:
    """The data tour (``00_...``) is for analysts: listed after the narrative briefs."""
    return name.startswith("00_")


def _reading_order(name: str) -> tuple:
    """Narrative briefs by number, each variant after its default; the data tour last."""
    notebook = name.split("--")[0]
    return (_is_data_tour(notebook), notebook, name != notebook, name)


def index_entry(name: str, state: dict, reports: Path) -> dict:
    """What the index shows for one brief: title, takeaway, main data's last month, its oldest
    series and the series stale today (``overview.data_freshness``), when its data last
    changed (for the data tour, which covers every dataset, their count), variant parameters,
    stale flag,
    links to the files that exist, and what moved since the build before
    (``overview.changes_since``)."""
    from helpers import overview

    payload = state.get("payload")
    if not payload or not (reports / f"{name}.html").is_file():
        return {"name": name, "built": False, "error": state.get("error", "")}
    previous = state.get("previous")
    files = [("brief", f"{name}.html"), ("key figures (JSON)", f"{name}.figures.json"),
             ("data (Excel)", f"{name}.xlsx"), ("PDF", f"{name}.pdf")]
    return {
        "name": name, "built": True, "title": payload.get("title") or name,
        "href": f"{name}.html", "takeaway": payload.get("takeaway", ""),
        "data_month": overview.month_words(payload.get("data_to")),
        "data": overview.data_freshness(payload),
        "data_changed": state.get("data_changed") or payload.get("built", ""),
        "main_dataset": payload.get("main_dataset"),
        "tour": _is_data_tour(name), "datasets": len(payload.get("as_of") or {}),
        "parameters": [f"{k} = {v}" for k, v in (payload.get("parameters") or {}).items()],
        "built_at": payload.get("built", ""),
        "stale": state.get("status") != "ok", "error": state.get("error", ""),
        "links": [(label, href) for label, href in files if (reports / href).is_file()],
        "changes": overview.changes_since(previous, payload),
        "previous_built": (previous or {}).get("built", ""),
    }


def write_index(reports: Path) -> Path:
    """``reports/index.html`` from ``templates/index.html.j2``: a two-paragraph overview
    generated from the default briefs' key figures, then every brief in reading order with
    its takeaway, as-of month, parameters, links, stale flag and what changed since its
    previous build. Every text is escaped (autoescape)."""
    import jinja2

    from helpers import overview

    states = {}
    for state_file in (reports / ".cache").glob("*.json"):
        state = _state_of(state_file)
        if state is not None:
            states[state_file.stem] = state
    names = sorted(states, key=_reading_order)
    entries = [index_entry(name, states[name], reports) for name in names]
    payloads = {e["name"]: states[e["name"]]["payload"] for e in entries if e["built"]}
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    page = env.get_template("index.html.j2").render(
        overview=overview.story(payloads), now=overview.now_stands_at(payloads),
        instructor=reports.name == "instructor",
        briefs=[e for e in entries if not _is_data_tour(e["name"])],
        analysts=[e for e in entries if _is_data_tour(e["name"])],
        written=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    path = reports / "index.html"
    _atomic_write(path, page.encode())
    return path


def main(notebook: str | None = None, params: dict | None = None, force: bool = False,
         cell_timeout: float | None = CELL_TIMEOUT,
         lock_timeout: float | None = LOCK_TIMEOUT, edition: str = "policy",
         pdf: str | None = None) -> int:
    """CLI entry: build (and print PDFs on ``pdf`` paper), print one line per notebook, exit
    non-zero if any failed (2: refused before building; 128 + signal number: stopped by a
    signal)."""
    try:
        outcomes = build([notebook] if notebook else None, params, force,
                         cell_timeout=cell_timeout, lock_timeout=lock_timeout, edition=edition,
                         pdf=pdf)
    except (ValueError, BuildBusy, RuntimeError) as exc:
        log.debug("the build was refused", exc_info=True)
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a read-only or full reports folder, before anything was built
        log.debug("the reports folder could not be written", exc_info=True)
        print(f"error: cannot write in {exc.filename or paths.reports_dir()}: "
              f"{exc.strerror or exc}", file=sys.stderr)
        return 2
    except BuildInterrupted as exc:
        print(f"{exc}: workers and kernels ended, nothing half-published, lock released; "
              "run the build again to finish", file=sys.stderr)
        return 128 + exc.signum
    for o in outcomes:
        print(f"{o.status:7s} {o.name} ({o.seconds:.1f}s){'  ' + o.message if o.message else ''}")
    folder = paths.reports_dir() / ("instructor" if edition == "instructor" else "")
    print(f"index: {folder / 'index.html'}")
    return 1 if any(o.status == "failed" for o in outcomes) else 0
