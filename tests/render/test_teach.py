"""The teaching edition: exercises with checked solutions, the student hand-out, instructor
briefs, and math rendered as MathML without a network."""

from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers import answers, briefs, edition, mathml, outlook, paths, references, teach
from helpers.data import load

NOTEBOOKS = sorted(paths.notebooks_dir().glob("[0-9][0-9]_*.ipynb"))
NARRATIVE = [p for p in NOTEBOOKS if not p.stem.startswith("00_")]
CHECK = re.compile(r'^teach\.check_answer\("([^"]+)", answer\)$')


def _tags(cell) -> set[str]:
    return set(cell.metadata.get("tags", []))


def _read(path):
    return nbformat.read(path, as_version=4)


def _exercise_pairs(nb) -> list[tuple[object, object]]:
    """(exercise cell, the cell after it) for every cell tagged ``exercise``."""
    return [(cell, nb.cells[i + 1] if i + 1 < len(nb.cells) else None)
            for i, cell in enumerate(nb.cells) if "exercise" in _tags(cell)]


def _solutions(nb) -> list:
    """Every solution cell (an exercise's number, then any reading it asks for)."""
    return [cell for cell in nb.cells if "solution" in _tags(cell)]


def _check_name(solution) -> str:
    match = CHECK.match(solution.source.strip().splitlines()[-1])
    assert match, f"solution does not end with a check_answer call:\n{solution.source}"
    return match.group(1)


# --- the notebooks (instructor edition) -----------------------------------------------------

@pytest.mark.parametrize("nb_path", NARRATIVE, ids=lambda p: p.stem)
def test_every_exercise_has_a_marked_solution_and_a_check(nb_path):
    pairs = _exercise_pairs(_read(nb_path))
    assert 3 <= len(pairs) <= 4
    for exercise, solution in pairs:
        assert exercise.cell_type == "markdown" and "**Unit:**" in exercise.source
        assert solution is not None and solution.cell_type == "code"
        assert "solution" in _tags(solution)
        lines = [line.strip() for line in solution.source.splitlines()]
        assert lines.count(edition.BEGIN) == 1 and lines.count(edition.END) == 1
        assert _check_name(solution) in answers.REFERENCES


@pytest.mark.parametrize("stem", [p.stem for p in NARRATIVE])
def test_half_the_exercises_ask_for_a_reading_and_start_from_a_loaded_table(stem):
    """Each such exercise is followed by its number's solution and a reading's solution (a
    choice among the readings its text states, computed from the data, with a model answer
    for instructors); at least one starts from a loaded table of the raw data."""
    nb = _read(paths.notebooks_dir() / f"{stem}.ipynb")
    exercises = [i for i, c in enumerate(nb.cells) if "exercise" in _tags(c)]
    with_reading = []
    for i in exercises:
        cells = nb.cells[i + 1:i + 3]
        name = _check_name(cells[1]) if len(cells) == 2 and "solution" in _tags(cells[1]) else ""
        ref = answers.REFERENCES.get(name)
        if ref is not None and ref.options is not None:
            text = nb.cells[i].source
            assert "**Then choose**" in text and all(f'"{o}"' in text for o in ref.options)
            assert "# Model answer:" in cells[1].source
            assert " if " in cells[1].source  # the reading follows from computed numbers
            with_reading.append(text)
    assert 2 * len(with_reading) >= len(exercises)
    assert any(re.search(r'`load\("[a-z_]+"\)`', text) for text in with_reading)


def test_exercises_and_references_take_claimed_quantities_from_the_event_table():
    """A purchase quantity the event table records (e.g. a pledge in Mt) is read from it, never
    typed into an exercise, a solution or a reference computation."""
    claims = outlook.purchase_claims(load("tariff_events"))
    typed = [re.compile(rf"(?<![\w.-]){q:g}(\.0)?\s*(Mt|else)\b")
             for q in sorted(set(claims["quantity_mt"]))]
    texts = {f"{p.stem} cell {i}": c.source for p in NARRATIVE
             for i, c in enumerate(_read(p).cells) if _tags(c) & {"exercise", "solution"}}
    modules = {inspect.getmodule(ref.function) for ref in answers.REFERENCES.values()}
    texts |= {m.__name__: inspect.getsource(m) for m in modules}
    found = [(where, pattern.pattern) for where, text in texts.items() for pattern in typed
             if pattern.search(text)]
    assert not found, found


def test_every_reference_is_asked_exactly_once():
    names = [_check_name(solution) for nb_path in NARRATIVE
             for solution in _solutions(_read(nb_path))]
    assert sorted(names) == sorted(answers.REFERENCES)


@pytest.mark.parametrize("nb_path", NARRATIVE, ids=lambda p: p.stem)
def test_notebook_has_goals_a_visible_method_and_exercises_before_its_limits_section(nb_path):
    nb = _read(nb_path)
    goals = nb.cells[1]
    assert "learning-goals" in _tags(goals) and "../docs/glossary.md" in goals.source
    assert 3 <= sum(line.startswith("- ") for line in goals.source.splitlines()) <= 5
    assert any("$$" in c.source for c in nb.cells if c.cell_type == "markdown")
    method_code = [c for c in nb.cells if c.cell_type == "code" and "method" in _tags(c)]
    assert method_code and not any({"remove-input", "remove-cell"} & _tags(c)
                                   for c in method_code)
    first_exercise = next(i for i, c in enumerate(nb.cells) if "exercise" in _tags(c))
    assert nb.cells[first_exercise].source.startswith("## Exercises")
    limits = next(i for i, c in enumerate(nb.cells) if i > first_exercise and
                  c.cell_type == "markdown" and c.source.startswith("## ") and not _tags(c))
    assert first_exercise < limits and not _tags(nb.cells[limits])
    assert all({"exercise", "solution"} & _tags(c) for c in nb.cells[first_exercise:limits])
    after = nb.cells[limits + 1:]  # only an appendix of reference tables may follow
    assert not after or after[0].source.startswith("## Appendix")


@pytest.mark.parametrize("nb_path", NARRATIVE, ids=lambda p: p.stem)
def test_each_solution_is_accepted_when_the_notebook_runs(built_briefs, nb_path):
    executed = _read(built_briefs["reports"] / "executed" / f"{nb_path.stem}.ipynb")
    for solution in _solutions(executed):
        printed = "".join(o.get("text", "") for o in solution.outputs
                          if o.get("output_type") == "stream")
        name = _check_name(solution)
        assert f"{teach.ACCEPTED}: {name} " in printed, printed
        assert teach.REJECTED not in printed


# --- check_answer ---------------------------------------------------------------------------

NUMBERS = sorted(n for n, r in answers.REFERENCES.items() if r.options is None)
READINGS = sorted(n for n, r in answers.REFERENCES.items() if r.options is not None)


@pytest.mark.parametrize("name", NUMBERS)
def test_check_answer_accepts_within_tolerance_and_rejects_beyond_without_revealing(name, capsys):
    ref = answers.REFERENCES[name]
    value = ref.function()
    assert teach.check_answer(name, value + ref.tolerance / 2) is True
    assert teach.check_answer(name, value - ref.tolerance) is True  # the neighbouring cell
    assert teach.check_answer(name, value + 3 * ref.tolerance) is False
    assert teach.check_answer(name, -123456.0) is False  # deliberately wrong
    out = capsys.readouterr().out
    assert out.count(teach.ACCEPTED) == 2 and out.count(teach.REJECTED) == 2
    assert f"{value:.2f}" not in out and ref.unit in out
    assert ref.description


def test_a_unit_slip_is_named_without_revealing_the_answer(capsys):
    value = answers.REFERENCES["02_exports_change_pct"].function()
    assert teach.check_answer("02_exports_change_pct", value / 100) is False
    assert teach.check_answer("02_exports_change_pct", -value) is False
    out = capsys.readouterr().out
    assert "a fraction where a percent is asked" in out and "sign slip" in out
    assert f"{value:.1f}" not in out and f"{-value:.1f}" not in out


@pytest.mark.parametrize("name", READINGS)
def test_a_reading_is_accepted_only_as_the_one_the_data_support(name, capsys):
    ref = answers.REFERENCES[name]
    right = ref.function()
    assert right in ref.options and ref.note and ref.description
    assert teach.check_answer(name, f" {right.upper()} ") is True
    assert all(teach.check_answer(name, other) is False for other in ref.options if other != right)
    out = capsys.readouterr().out
    assert out.count(teach.ACCEPTED) == 1 and ref.options[right] not in out
    with pytest.raises(TypeError, match="one of"):
        teach.check_answer(name, "none of these")


def test_check_answer_names_the_exercises_when_the_name_is_unknown():
    with pytest.raises(ValueError, match="02_break_2019"):
        teach.check_answer("no_such_exercise", 1.0)


def test_the_stub_is_not_an_answer_and_text_is_refused(capsys):
    assert teach.check_answer("01_peak_days", ...) is False
    assert "no answer yet" in capsys.readouterr().out
    with pytest.raises(TypeError, match="one number"):
        teach.check_answer("01_peak_days", "32")


# --- the student edition --------------------------------------------------------------------

@pytest.fixture(scope="module")
def student(tmp_path_factory):
    return edition.build_student(tmp_path_factory.mktemp("dist") / "student")


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_student_notebook_keeps_no_solution_code(student, nb_path):
    theirs = _read(student / "notebooks" / nb_path.name)
    nbformat.validate(theirs)
    text = "\n".join(cell.source for cell in theirs.cells)
    assert edition.BEGIN not in text and edition.END not in text
    for _, solution in _exercise_pairs(_read(nb_path)):
        lines = solution.source.splitlines()
        inside = lines[lines.index(edition.BEGIN) + 1:lines.index(edition.END)]
        assert not [line for line in inside if line.strip() and line.strip() in text]
    stubs = [cell for _, cell in _exercise_pairs(theirs)]
    for cell in stubs:
        assert "solution" in _tags(cell) and not cell.outputs
        body = [line for line in cell.source.splitlines() if line.strip()]
        assert body[-2:] == [edition.STUB, body[-1]] and CHECK.match(body[-1])
        assert set(body[:-2]) <= {"from helpers import teach"}


def test_student_edition_carries_the_data_the_kit_and_a_readme(student):
    for path in sorted((paths.data_dir() / "snapshot").rglob("*")):
        if path.is_file():
            copy = student / "data" / "snapshot" / path.relative_to(paths.data_dir() / "snapshot")
            assert copy.read_bytes() == path.read_bytes()
    assert (student / "data" / "catalog.toml").is_file()
    assert not (student / "data" / "cache").exists()
    assert (student / "src" / "helpers" / "teach.py").is_file()
    assert (student / "src" / "helpers" / teach.KEYS_FILE.name).is_file()
    assert (student / "pyproject.toml").is_file() and (student / "docs" / "glossary.md").is_file()
    readme = (student / "README.md").read_text()
    assert "pip install -e ." in readme and "offline" in readme


def _raw_extract(student, path) -> bool:
    """A snapshot file byte-identical to the kit's committed copy of a published extract."""
    rel = path.relative_to(student / "data" / "snapshot")
    original = paths.PROJECT_ROOT / "data" / "snapshot" / rel
    return original.is_file() and original.read_bytes() == path.read_bytes()


def test_nothing_in_the_student_edition_holds_an_answer_or_the_code_computing_it(student):
    """Every file (code, notebooks, metadata, catalog) is searched for each reference at the
    answer key's printed precision, for the model answers' notes and for the reference
    functions' code; the published extracts in data/snapshot are checked byte for byte
    against the kit's (their digits are the raw statistics, not answers)."""
    files = [p for p in student.rglob("*") if p.is_file()]
    searched = {p: p.read_text(encoding="utf-8", errors="ignore") for p in files
                if not (p.is_relative_to(student / "data" / "snapshot") and _raw_extract(student, p))}
    assert student / "src" / "helpers" / "teach.py" in searched
    assert student / "data" / "catalog.toml" in searched
    assert not (student / "src" / "helpers" / "answers").exists()
    assert not (student / "src" / "helpers" / "answers.py").exists()
    assert not [p for p in files if p.name in {"answer-key.md", "instructor-guide.md"}]
    notebooks = [p for p in files if p.suffix == ".ipynb"]
    assert sorted(p.name for p in notebooks) == sorted(p.name for p in NOTEBOOKS)
    for path in notebooks:  # no executed notebook anywhere
        assert path.parent == student / "notebooks"
        assert not any(c.get("outputs") for c in _read(path).cells)
    leaks = []
    for name, ref in answers.REFERENCES.items():
        if ref.options is None:
            token = re.escape(answers.printed(name).split()[0].lstrip("-"))
            found = re.compile(rf"(?<![\w.]){token}(?![\w]|\.\d)").search
        else:
            def found(text, note=ref.note):
                return note in text
        source = inspect.getsource(ref.function)
        body = source[source.index("\ndef "):].splitlines()[2:]  # after the def and docstring
        code = [line.strip() for line in body
                if len(line.strip()) > 24 and not line.strip().startswith('"""')]
        assert code, name
        leaks += [(name, str(p.relative_to(student))) for p, text in searched.items()
                  if found(text) or any(line in text for line in code)]
    assert not leaks


@pytest.mark.parametrize("name", ["02_exports_change_pct", *READINGS[:1]])
def test_the_student_edition_checks_answers_offline_with_its_own_kit(student, name):
    """In a process that sees only the hand-out's kit (no reference code to import), the
    right answer passes, a wrong one fails with a hint, and the reference never prints."""
    ref = answers.REFERENCES[name]
    right = ref.function()
    wrong = next((o for o in ref.options if o != right), None) if ref.options else right * 3 + 7
    script = (f"from helpers import teach\n"
              f"assert teach.__file__.startswith({str(student)!r})\n"
              f"try:\n    import helpers.answers\nexcept ImportError:\n    pass\n"
              f"else:\n    raise SystemExit('reference code shipped')\n"
              f"print(teach.check_answer({name!r}, {right!r}))\n"
              f"print(teach.check_answer({name!r}, {wrong!r}))\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(student / "src")},
                         cwd=student, timeout=120)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert out.count(teach.ACCEPTED) == 1 and out.count(teach.REJECTED) == 1
    assert out.splitlines()[1] == "True" and out.splitlines()[3] == "False"
    if ref.options is None:
        assert "Check the sample" in out and ref.unit in out and f"{right:.2f}" not in out
    else:
        assert "Compute the numbers" in out and ref.options[right] not in out


def test_student_build_refuses_a_folder_it_did_not_write(tmp_path):
    keep = tmp_path / "notes.txt"
    keep.write_text("mine")
    with pytest.raises(FileExistsError):
        edition.build_student(tmp_path)
    assert keep.read_text() == "mine"


def test_stub_needs_both_markers():
    with pytest.raises(ValueError, match="BEGIN SOLUTION"):
        edition.stub("answer = 1\nteach.check_answer('x', answer)")


@pytest.mark.parametrize("nb_path", NARRATIVE, ids=lambda p: p.stem)
def test_student_notebook_runs_to_its_first_exercise(student, nb_path, monkeypatch):
    """The hand-out's own kit and data: its cells up to the first stub run from a clean
    kernel, the stub's check says there is no answer yet, and in the same notebook the right
    answer passes and a wrong one fails with a hint (from the shipped checks, offline)."""
    monkeypatch.setenv("PYTHONPATH", str(student / "src"))
    monkeypatch.setenv("TRADEWATCH_DATA_DIR", str(student / "data"))
    nb = _read(student / "notebooks" / nb_path.name)
    first_stub = next(i for i, c in enumerate(nb.cells) if "solution" in _tags(c))
    name = _check_name(nb.cells[first_stub])
    right = answers.REFERENCES[name].function()
    wrong = right * 3 + 7 if isinstance(right, float) else "no such reading"
    nb.cells = nb.cells[:first_stub + 1] + [
        new_code_cell("import helpers\nprint(helpers.__file__)"),
        new_code_cell(f"print(teach.check_answer({name!r}, {right!r}))\n"
                      f"print(teach.check_answer({name!r}, {wrong!r}))")]
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(student / "notebooks")}}).execute()
    assert "no answer yet" in nb.cells[first_stub].outputs[0]["text"]
    assert nb.cells[-2].outputs[0]["text"].startswith(str(student / "src"))
    checked = "".join(o.get("text", "") for o in nb.cells[-1].outputs).splitlines()
    assert checked[0].startswith(teach.ACCEPTED) and checked[1] == "True"
    assert checked[2].startswith(teach.REJECTED) and checked[3] == "False" and "Check the" in checked[2]


# --- briefs: editions and math --------------------------------------------------------------

@pytest.mark.parametrize("nb_path", NARRATIVE, ids=lambda p: p.stem)
def test_policy_brief_shows_no_teaching_cell(built_briefs, nb_path):
    page = (built_briefs["reports"] / f"{nb_path.stem}.html").read_text()
    for text in ("Learning goals", "Exercises", "Exercise 1", "check_answer", "Method in code",
                 "BEGIN SOLUTION", "method_"):
        assert text not in page


@pytest.mark.parametrize("name", ["03_soybean_collapse", "04_input_costs"])
def test_brief_math_is_mathml_with_no_script(built_briefs, name):
    page = (built_briefs["reports"] / f"{name}.html").read_text()
    assert "<math" in page and "<mrow>" in page and "$$" not in page
    assert "<script" not in page.lower() and "mathjax" not in page.lower()
    assert not re.search(r"""src=["']?(https?:)?//""", page)  # nothing loads from outside
    assert not re.search(r"""href=["']?(http:)?//""", page)  # only https citation links


def test_instructor_brief_keeps_teaching_cells_with_solutions_collapsed(built_briefs):
    executed = _read(built_briefs["reports"] / "executed" / "02_decoupling.ipynb")
    page = briefs.render_html(executed, edition="instructor")
    assert "Learning goals" in page and "Exercise 4" in page and "<math" in page
    solutions = re.findall(r"<details class=\"tw-solution\"><summary>Solution</summary>(.*?)"
                           r"</details>", page, re.DOTALL)
    assert len(solutions) == len(_solutions(_read(paths.notebooks_dir() / "02_decoupling.ipynb")))
    assert all("BEGIN SOLUTION" in s for s in solutions)
    assert sum("Model answer" in s for s in solutions) == 2  # the readings' model answers
    outside = re.sub(r"<details.*?</details>", "", page, flags=re.DOTALL)
    assert "BEGIN SOLUTION" not in outside and "trend_break" in outside  # method code shown
    assert teach.ACCEPTED in page and "<script" not in page.lower()


def test_instructor_build_writes_reports_instructor(tmp_path, monkeypatch):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nb = new_notebook(cells=[
        new_code_cell("x = 2", metadata={"tags": ["parameters"]}),
        new_markdown_cell("### Exercise 1 (easy): synthetic\n\nDouble $x$.",
                          metadata={"tags": ["exercise"]}),
        new_code_cell(f"{edition.BEGIN}\nanswer = 2 * x\n{edition.END}\nprint(answer)",
                      metadata={"tags": ["solution"]}),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, notebooks / "09_synthetic_exercise.ipynb")
    monkeypatch.setenv("TRADEWATCH_NOTEBOOKS_DIR", str(notebooks))
    monkeypatch.setenv("TRADEWATCH_REPORTS_DIR", str(tmp_path / "reports"))
    (outcome,) = briefs.build(progress=False, edition="instructor")
    assert outcome.status == "built", outcome.message
    page = (tmp_path / "reports" / "instructor" / "09_synthetic_exercise.html").read_text()
    assert "<details" in page and "answer = 2 * x" in page and "<math" in page
    assert not (tmp_path / "reports" / "09_synthetic_exercise.html").exists()


def test_instructor_brief_links_its_own_glossary_and_keeps_solution_outputs_collapsed():
    """A synthetic executed notebook (not data): the learning goals' glossary link points
    into the page, the glossary is there, and a solution's printed check sits inside its
    collapsed block, not below it."""
    goals = new_markdown_cell("**Learning goals.** Terms are in the [glossary](../docs/glossary.md).",
                              metadata={"tags": ["learning-goals"]})
    solution = new_code_cell(f"{edition.BEGIN}\nanswer = 2\n{edition.END}\nprint('checked')",
                             metadata={"tags": ["solution"]})
    solution.outputs = [nbformat.v4.new_output("stream", name="stdout",
                                               text=f"{teach.ACCEPTED}: synthetic check\n")]
    nb = new_notebook(cells=[goals, solution])
    page = briefs.render_html(nb, edition="instructor")
    assert 'href="#glossary"' in page and "../docs/glossary.md" not in page
    glossary = re.search(r'<details class="tw-glossary" id="glossary">(.*?)</details>', page, re.DOTALL)
    assert glossary and "Section 301" in glossary.group(1)
    (block,) = re.findall(r'<details class="tw-solution">(.*?)</details>', page, re.DOTALL)
    assert "answer = 2" in block and f"{teach.ACCEPTED}: synthetic check" in block
    outside = re.sub(r"<details.*?</details>", "", page, flags=re.DOTALL)
    assert teach.ACCEPTED not in outside
    policy = briefs.render_html(nb, edition="policy")
    assert "glossary" not in policy.lower() and teach.ACCEPTED not in policy


def test_student_edition_opens_at_its_root_so_the_glossary_link_resolves(student):
    readme = (student / "README.md").read_text()
    assert "jupyter lab notebooks" not in readme and ".venv/bin/jupyter lab " in readme
    for nb_path in NARRATIVE:
        goals = _read(student / "notebooks" / nb_path.name).cells[1]
        assert "](../docs/glossary.md)" in goals.source
    assert (student / "notebooks" / "../docs/glossary.md").resolve().is_file()


def test_to_mathml_converts_math_and_leaves_code_and_escaped_dollars():
    out = mathml.to_mathml("Cost \\$5, code `$x$`, inline $b_k$.\n\n$$y = a$$\n")
    assert out.count("<math") == 2 and 'display="block"' in out
    assert "`$x$`" in out and "\\$5" in out


# --- documents ------------------------------------------------------------------------------

def test_glossary_guide_and_readme_hang_together():
    root = paths.PROJECT_ROOT
    glossary = (root / "docs" / "glossary.md").read_text()
    for term in ("MFN", "Section 301", "Section 232", "Section 122", "IEEPA", "Retaliation",
                 "Exclusion / waiver", "Marketing year", "CIF vs FAS", "HAC errors",
                 "Structural break", "Pass-through", "Net import reliance"):
        assert f"**{term}" in glossary, term
    guide = (root / "docs" / "instructor-guide.md").read_text()
    assert all(f"`{name}`" in guide for name in answers.REFERENCES)
    readme = (root / "README.md").read_text()
    assert "docs/instructor-guide.md" in readme and "docs/glossary.md" in readme


def test_the_guide_plans_six_sessions_with_timing_exercises_discussion_and_reading():
    guide = (paths.PROJECT_ROOT / "docs" / "instructor-guide.md").read_text()
    sessions = re.split(r"^### Session \d", guide, flags=re.MULTILINE)[1:]
    assert len(sessions) == 6
    names = set(answers.REFERENCES)
    for text in sessions:
        text = text.split("\n## ")[0]
        minutes = [int(m) for m in re.findall(r"^\| (\d+) \|", text, flags=re.MULTILINE)]
        assert sum(minutes) == 90, minutes
        assert "Discussion:" in text and "— Note:" in text and "Reading:" in text
        assert any(f"`{name}`" in text for name in names)
    assert "## Grading rubric" in guide


def test_every_reading_the_guide_cites_is_in_the_references_file_and_listed():
    guide = (paths.PROJECT_ROOT / "docs" / "instructor-guide.md").read_text()
    cited = set(re.findall(r"\[`([a-z0-9_]+)`\]", guide))
    assert {"bown_kolb_timeline", "amiti2019", "fajgelbaum2020", "morgan2022",
            "farmdoc2018_longrun"} <= cited
    listed = guide.split("## Reading list")[1].split("\n## ")[0]
    for key in cited:
        assert references.full(key) in listed, key


def test_the_answer_key_names_every_exercise_and_matches_the_data():
    key = (paths.PROJECT_ROOT / "docs" / "answer-key.md").read_text()
    assert all(f"`{name}`" in key for name in answers.REFERENCES)
    assert key == answers.answer_key(), "regenerate: python -m helpers.answers docs/answer-key.md"
