"""Editions of the notebooks: policy briefs, the instructor edition, the student hand-out.

The committed notebooks are the instructor edition. Teaching cells carry tags:
``learning-goals`` and ``exercise`` (Markdown), ``method`` (the model and its code) and
``solution`` (code between ``### BEGIN SOLUTION`` and ``### END SOLUTION``, followed by a
``teach.check_answer`` call). Policy briefs drop every teaching cell; instructor briefs keep
them with solutions collapsed (``InstructorCells``); ``build_student`` writes a folder whose
notebooks keep each solution cell only as a stub.
"""

from __future__ import annotations

import hashlib
import html
import os
import shutil
import tempfile
from pathlib import Path

import nbformat
from nbconvert.preprocessors import Preprocessor

from helpers import instructor, owned, paths

KIT = Path(__file__).resolve().parent  # the helpers package the edition ships as src/helpers
TEACHING_TAGS = {"exercise", "solution", "method", "learning-goals"}
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
STUB = "answer = ...  # your code here"


def tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


class InstructorCells(Preprocessor):
    """For a brief with inputs hidden: put a solution's code and outputs in a collapsed
    ``<details>``, a method cell's code in a visible block before its outputs, and the
    glossary the learning goals link to inside the page (``helpers.instructor``)."""

    def preprocess(self, nb, resources):
        nb, resources = super().preprocess(nb, resources)
        return instructor.with_glossary(nb), resources

    def preprocess_cell(self, cell, resources, index):
        kind = tags(cell) & {"solution", "method"}
        if cell.cell_type == "code" and kind:
            block = f"<pre><code>{html.escape(cell.source)}</code></pre>"
            outputs = cell.get("outputs", [])
            if "solution" in kind:  # the solution's outputs go inside its collapsed block
                block = (f"<details class='tw-solution'><summary>Solution</summary>{block}"
                         f"{instructor.outputs_html(outputs)}</details>")
                outputs = []
            shown = nbformat.v4.new_output("display_data", data={"text/html": block})
            cell.outputs = [shown, *outputs]
        return cell, resources


def stub(source: str) -> str:
    """A solution cell's source with the text between the markers replaced by ``STUB``
    (indented like the BEGIN marker); ValueError unless the markers appear once, in order."""
    lines = source.splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip() == BEGIN]
    ends = [i for i, line in enumerate(lines) if line.strip() == END]
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        raise ValueError(f"a solution cell needs one {BEGIN!r} line and one {END!r} line after "
                         f"it; found {len(starts)} and {len(ends)}")
    begin = lines[starts[0]]
    indent = begin[:len(begin) - len(begin.lstrip())]
    return "\n".join([*lines[:starts[0]], indent + STUB, *lines[ends[0] + 1:]])


def student_notebook(nb):
    """A copy of ``nb`` with every solution cell reduced to its stub and no outputs."""
    nb = nbformat.from_dict(nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            if "solution" in tags(cell):
                try:
                    cell.source = stub(cell.source)
                except ValueError as exc:
                    raise ValueError(f"cell {i}: {exc}") from None
            cell.outputs, cell.execution_count = [], None
    return nb


STUDENT_README = """\
# US–China Trade Watch: student edition

Notebooks on the US–China trade conflict and US agriculture, with exercises. The data
travel with the notebooks (`data/`: catalog and snapshot of official statistics), so
everything works offline once the kit is installed.

## Install (once)

You need Python 3.11 or newer. In this folder:

```sh
python3 -m venv .venv
.venv/bin/pip install -e .          # Windows: .venv\\Scripts\\pip install -e .
.venv/bin/jupyter lab               # Windows: .venv\\Scripts\\jupyter lab
```

JupyterLab opens at this folder: the notebooks are in `notebooks/`, and their links to
`docs/glossary.md` work from there.

`pip install -e .` installs the kit (the `helpers` package in `src/`) from this folder, so
the notebooks find the data beside it. Installing needs the package index once; for a room
without internet your instructor can bring a folder of wheels made with
`pip download -d wheels .` and you install with
`pip install --no-index --find-links wheels -e .`. With conda:
`conda create -n tradewatch python=3.11`, `conda activate tradewatch`, then `pip install -e .`.

## Work

Open a notebook, run it from the top (Run > Run All Cells), read the story, then do the
exercises at the end. Each exercise cell has a stub:

```python
answer = ...  # your code here
teach.check_answer("<exercise name>", answer)
```

Replace `...` with code that computes your number from the data with the kit's helpers.
`check_answer` says whether your number is within tolerance of the reference, without
showing it (the edition carries only salted digests of the answers, made from the data in
`data/` when the edition was built), and prints the unit it expects. Terms are
explained in `docs/glossary.md`.

Nothing here needs the internet after installation: the notebooks read the snapshot in
`data/snapshot/`. Missing months are missing, not zero; read each dataset's caveats with
`load("<dataset>").attrs["provenance"]`.
"""


def _check_out(out: Path) -> Path:
    """``out`` resolved, if the student edition may be written there: not a file, not inside
    a folder the edition copies (it would copy itself), not the project or a parent of it."""
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out} is a file; --out must name a folder")
    resolved = out.resolve()
    root = paths.project_root().resolve()
    if resolved == root or resolved in root.parents:
        raise ValueError(f"{out} is the project or one of its parents; choose a folder of its own")
    for copied in (KIT, paths.data_dir(), paths.notebooks_dir(), root / "docs"):
        copied = copied.resolve()
        if resolved == copied or copied in resolved.parents:
            raise ValueError(f"{out} is inside {copied}, which the student edition copies; "
                             "choose a folder outside it")
    return resolved


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_edition(staging: Path) -> None:
    """Every file of the student edition, written into the empty folder ``staging``."""
    root = paths.project_root()
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints")
    shutil.copytree(KIT, staging / "src" / KIT.name, ignore=skip)
    ship_checks_not_answers(staging / "src" / "helpers")
    shutil.copytree(paths.data_dir(), staging / "data", ignore=shutil.ignore_patterns(
        "cache", owned.MARKER))
    for name in ("pyproject.toml", "LICENSE"):
        shutil.copy2(root / name, staging / name)
    (staging / "docs").mkdir()
    shutil.copy2(root / "docs" / "glossary.md", staging / "docs" / "glossary.md")
    (staging / "notebooks").mkdir()
    for nb_path in sorted(paths.notebooks_dir().glob("[0-9][0-9]_*.ipynb")):
        nb = student_notebook(nbformat.read(nb_path, as_version=4))
        nbformat.write(nb, staging / "notebooks" / nb_path.name)
    (staging / "README.md").write_text(STUDENT_README, encoding="utf-8")


def ship_checks_not_answers(package: Path) -> None:
    """In the student edition's copy of the kit (``package``), replace the reference
    computations (the ``helpers/answers`` package) by the salted checks ``teach.check_answer``
    reads, computed now from the loaded data."""
    from helpers import answers, teach

    shutil.rmtree(package / "answers")
    teach.write_keys(answers.sealed_keys(), package / teach.KEYS_FILE.name)


def build_student(out: Path | None = None) -> Path:
    """Write the student edition to ``out`` (default ``dist/student``): the kit's source and
    ``pyproject.toml`` (installed with ``pip install -e .``), ``data/`` (catalog and
    snapshot, no refresh cache), the notebooks with solution stubs, the glossary and a
    README, listed with their sha256 in the folder's marker (``helpers.owned``).

    A rebuild replaces only the files the last build wrote and the student left unchanged;
    the students' own files stay. Refused (FileExistsError) for a non-empty folder the kit
    did not write, a written file the student changed, or a new file whose name a student
    file already has; ValueError for an ``out`` that is a file or inside what is copied."""
    out = _check_out(Path(out) if out is not None else paths.dist_dir() / "student")
    record = owned.marker(out) or {}
    before = record.get("files", {}) if record.get("kind") == "student" else None
    if out.is_dir() and any(out.iterdir()) and before is None:
        raise FileExistsError(f"{out} exists and is not a student edition this kit wrote; "
                              "choose an empty or new folder")
    before = before or {}
    changed = [rel for rel, digest in before.items()
               if (out / rel).is_file() and _sha256(out / rel) != digest]
    if changed:
        raise FileExistsError(f"{out}: {', '.join(sorted(changed)[:5])} changed since the kit "
                              "wrote them; move them (or your whole folder) before rebuilding")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        _write_edition(staging)
        files = {p.relative_to(staging).as_posix(): _sha256(p)
                 for p in sorted(staging.rglob("*")) if p.is_file()}
        theirs = [rel for rel in files if rel not in before and (out / rel).exists()]
        if theirs:
            raise FileExistsError(f"{out}: {', '.join(theirs[:5])} already exist and were not "
                                  "written by the kit; move them before rebuilding")
        owned.remove_files(out, before)
        for rel in files:
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / rel, out / rel)
        owned.mark(out, "student", files)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out
