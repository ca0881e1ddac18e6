"""Editions of the notebooks: policy briefs, the instructor edition, the student hand-out.

The committed notebooks are the instructor edition. Teaching cells carry tags:
``learning-goals`` and ``exercise`` (Markdown), ``method`` (the model and its code) and
``solution`` (code between ``### BEGIN SOLUTION`` and ``### END SOLUTION``, followed by a
``teach.check_answer`` call). Policy briefs drop every teaching cell; instructor briefs keep
them with solutions collapsed (``InstructorCells``); ``build_student`` writes a folder whose
notebooks keep each solution cell only as a stub.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import nbformat
from nbconvert.preprocessors import Preprocessor

from helpers import paths

TEACHING_TAGS = {"exercise", "solution", "method", "learning-goals"}
EDITIONS = ("policy", "instructor")
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
STUB = "answer = ...  # your code here"
MARKER = ".student-edition"  # marks a folder this module wrote and may replace


def tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


class InstructorCells(Preprocessor):
    """For a brief with inputs hidden: put a solution's code in a collapsed ``<details>``
    and a method cell's code in a visible block, each before the cell's own outputs."""

    def preprocess_cell(self, cell, resources, index):
        kind = tags(cell) & {"solution", "method"}
        if cell.cell_type == "code" and kind:
            block = f"<pre><code>{html.escape(cell.source)}</code></pre>"
            if "solution" in kind:
                block = f"<details class='tw-solution'><summary>Solution</summary>{block}</details>"
            shown = nbformat.v4.new_output("display_data", data={"text/html": block})
            cell.outputs = [shown, *cell.get("outputs", [])]
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
.venv/bin/jupyter lab notebooks/    # Windows: .venv\\Scripts\\jupyter lab notebooks/
```

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


def ship_checks_not_answers(package: Path) -> None:
    """In the student edition's copy of the kit (``package``), replace the reference
    computations (``helpers/answers.py``) by the salted checks ``teach.check_answer`` reads,
    computed now from the loaded data."""
    from helpers import answers, teach

    (package / "answers.py").unlink()
    teach.write_keys(answers.sealed_keys(), package / teach.KEYS_FILE.name)


def build_student(out: Path | None = None) -> Path:
    """Write the student edition to ``out`` (default ``dist/student``): the kit's source and
    ``pyproject.toml`` (installed with ``pip install -e .``), ``data/`` (catalog and
    snapshot, no refresh cache), the notebooks with solution stubs, the glossary and a
    README. A folder from an earlier build is replaced; any other non-empty folder is
    refused."""
    root = paths.PROJECT_ROOT
    out = Path(out) if out is not None else root / "dist" / "student"
    if out.exists() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise FileExistsError(f"{out} exists and is not a student edition this kit wrote; "
                              "choose an empty or new folder")
    shutil.rmtree(out, ignore_errors=True)
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints")
    shutil.copytree(root / "src", out / "src", ignore=skip)
    shutil.copytree(paths.data_dir(), out / "data", ignore=shutil.ignore_patterns("cache"))
    ship_checks_not_answers(out / "src" / "helpers")
    for name in ("pyproject.toml", "LICENSE"):
        shutil.copy2(root / name, out / name)
    (out / "docs").mkdir()
    shutil.copy2(root / "docs" / "glossary.md", out / "docs" / "glossary.md")
    (out / "notebooks").mkdir()
    for nb_path in sorted(paths.notebooks_dir().glob("[0-9][0-9]_*.ipynb")):
        nb = student_notebook(nbformat.read(nb_path, as_version=4))
        nbformat.write(nb, out / "notebooks" / nb_path.name)
    (out / "README.md").write_text(STUDENT_README, encoding="utf-8")
    (out / MARKER).write_text("written by python -m helpers student\n", encoding="utf-8")
    return out
