"""Publishing fault cases on tiny SYNTHETIC notebooks in temp folders: the prose-only fast
path never republishes a stored notebook the kit did not write, and no path publishes a
claim that does not hold."""

from __future__ import annotations

import json

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers import briefs

CLAIM_TEXT = "The synthetic answer is forty-two."


def synthetic_claim_notebook(path):
    """SYNTHETIC test notebook: a title, a parameters cell, one key figure and one checked
    claim about arithmetic (no data)."""
    nb = new_notebook(cells=[
        new_markdown_cell("# Synthetic brief with a claim"),
        new_code_cell("factor = 1", metadata={"tags": ["parameters"]}),
        new_code_cell("from helpers import report\n"
                      "b = report.Brief(title='Synthetic claim', takeaway='A made-up number.')\n"
                      f"b.claim({CLAIM_TEXT!r}, (41 + 1) * factor == 42, 'arithmetic')\n"
                      "b.add('answer', (41 + 1) * factor, 'units', 'none', ['synthetic'],"
                      " key='answer')\n"
                      "b.show()"),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)


def _edit_prose(notebooks, text):
    nb = nbformat.read(notebooks / "01_claim.ipynb", as_version=4)
    nb.cells[0].source = f"# Synthetic brief with a claim\n\n{text}"
    nbformat.write(nb, notebooks / "01_claim.ipynb")


def _status(reports=None):
    return {o.name: o.status for o in briefs.build(progress=False)}


def _tamper_executed(reports, change):
    path = reports / "executed" / "01_claim.ipynb"
    path.write_text(change(path.read_text()))
    return path


def test_tampered_outputs_and_false_claims_are_never_republished(brief_dirs):
    notebooks, reports = brief_dirs
    synthetic_claim_notebook(notebooks / "01_claim.ipynb")
    assert _status() == {"01_claim": "built"}

    # 1. a number edited in the stored executed notebook: the digest differs, it runs again
    _tamper_executed(reports, lambda t: t.replace('"value": 42', '"value": 4200'))
    _edit_prose(notebooks, "First prose edit.")
    assert _status() == {"01_claim": "built"}
    assert json.loads((reports / "01_claim.figures.json").read_text())["figures"][0][
        "value"] == 42
    assert "First prose edit." in (reports / "01_claim.html").read_text()

    # 2. a genuine prose edit still takes the fast path
    _edit_prose(notebooks, "Second prose edit.")
    assert _status() == {"01_claim": "rendered"}

    # 3. a stored claim flipped to false, with the recorded digest rewritten to match: the
    #    fast path refuses it and the notebook runs again
    path = _tamper_executed(reports, lambda t: t.replace('"holds": true', '"holds": false'))
    state_file = reports / ".cache" / "01_claim.json"
    state = json.loads(state_file.read_text())
    state["executed_sha256"] = briefs.cache.sha256(path)
    state_file.write_text(json.dumps(state))
    _edit_prose(notebooks, "Third prose edit.")
    assert _status() == {"01_claim": "built"}
    claims = json.loads((reports / "01_claim.figures.json").read_text())["claims"]
    assert claims and all(c["holds"] is True for c in claims)


def test_false_claims_names_the_claim():
    assert briefs.false_claims({"claims": [{"text": "ok", "holds": True}]}) == ""
    assert "'X rose'" in briefs.false_claims({"claims": [{"text": "X rose", "holds": False}]})


# ---- damaged state, all-or-none publishing, output caps, variant names -------------------

def test_a_damaged_state_file_is_named_and_its_brief_rebuilt(tmp_path, capsys):
    reports = tmp_path / "reports"
    (reports / ".cache").mkdir(parents=True)
    (reports / ".cache" / "01_bytes.json").write_bytes(bytes(range(256)))
    (reports / ".cache" / "02_list.json").write_text("[]")
    assert briefs.cache.read_state(reports, "01_bytes") is None
    assert briefs.cache.read_state(reports, "02_list") is None
    err = capsys.readouterr().err
    assert "01_bytes.json is damaged" in err and "02_list.json is damaged" in err
    briefs.write_index(reports)  # the index skips them instead of failing
    assert (reports / "index.html").is_file()


def test_a_brief_is_published_whole_or_not_at_all(tmp_path, monkeypatch):
    files = {tmp_path / name: b"old" for name in ("a.ipynb", "a.figures.json", "a.html")}
    for path, data in files.items():
        path.write_bytes(data)
    real = type(tmp_path).write_bytes

    def disk_full_on_html(self, data):
        if self.name.startswith(".a.html"):
            real(self, data[:1])
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(type(tmp_path), "write_bytes", disk_full_on_html)
    with pytest.raises(OSError):
        briefs.publish.publish([], {path: b"new" for path in files})
    monkeypatch.undo()
    assert {p: p.read_bytes() for p in files} == files
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in files)


def test_a_cell_printing_too_much_fails_its_notebook_naming_the_cell(tmp_path, monkeypatch):
    notebook = tmp_path / "01_loud.ipynb"
    nb = new_notebook(cells=[new_markdown_cell("# SYNTHETIC loud notebook"),
                             new_code_cell("n = 1", metadata={"tags": ["parameters"]}),
                             new_code_cell("print('x' * 300_000)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, notebook)
    monkeypatch.setattr(briefs.execute, "MAX_CELL_OUTPUT", 100_000)
    reports = tmp_path / "reports"
    result = briefs.execute.execute_one(str(notebook), {}, "01_loud", str(reports), 120)
    assert not result["ok"]
    assert result["error"].startswith("cell 2 output is 0.3 MB, over the")
    assert not (reports / "01_loud.html").exists()
    assert not list((reports / "executed").glob("*"))


def test_variant_names_cannot_collide(tmp_path):
    nb = tmp_path / "03_x.ipynb"
    one = briefs.output_name(nb, {"actor": "US", "soybean_basis": "statutory"})
    other = briefs.output_name(nb, {"actor": "US_soybean_basis=statutory"})
    assert one != other
    assert one == "03_x--actor=US_soybean_basis=statutory"
    assert briefs.output_name(nb, {"start": "2015-01"}) == "03_x--start=2015-01"
