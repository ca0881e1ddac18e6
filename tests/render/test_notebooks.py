"""Notebooks are committed clean and each runs from a clean kernel (through the brief build)."""

import json

import nbformat
import pytest

from helpers import paths

NOTEBOOKS = sorted(paths.notebooks_dir().glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_clean_with_a_parameters_cell(nb_path):
    nb = nbformat.read(nb_path, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_does_no_io_of_its_own(nb_path):
    source = "\n".join(c.source for c in nbformat.read(nb_path, as_version=4).cells)
    for forbidden in ("read_csv", "open(", "requests", "DataReader", "data/snapshot"):
        assert forbidden not in source, f"{nb_path.name} uses {forbidden}: call helpers instead"


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_from_a_clean_kernel_and_writes_its_brief(built_briefs, nb_path):
    outcome = built_briefs["outcomes"][nb_path.stem]
    assert outcome.status == "built", outcome.message
    reports = built_briefs["reports"]
    payload = json.loads((reports / f"{nb_path.stem}.figures.json").read_text())
    assert payload["title"] and payload["takeaway"] and payload["figures"]
    assert payload["data_to"] and all(payload["as_of"])
    for fig in payload["figures"]:
        assert fig["unit"] and fig["period"] and fig["datasets"]


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_executed_notebook_prints_no_warning_or_error(built_briefs, nb_path):
    executed = nbformat.read(built_briefs["reports"] / "executed" / f"{nb_path.stem}.ipynb",
                             as_version=4)
    for cell in executed.cells:
        for out in cell.get("outputs", []):
            assert out.get("name") != "stderr", f"{nb_path.stem}: {out.get('text', '')[:300]}"
            assert out.get("output_type") != "error"


def _figures(built_briefs, name):
    """A brief's key figures by their stable key (labels may change, keys do not)."""
    payload = json.loads((built_briefs["reports"] / f"{name}.figures.json").read_text())
    return {f["key"]: f for f in payload["figures"]}


def test_decoupling_brief_prints_census_2018_figures(built_briefs):
    figs = _figures(built_briefs, "02_decoupling")
    assert figs["imports_2018"]["value"] == pytest.approx(538.5, abs=0.05)
    assert figs["exports_2018"]["value"] == pytest.approx(120.3, abs=0.05)
    assert figs["balance_2018"]["value"] == pytest.approx(-418.2, abs=0.05)


def test_every_figure_key_the_index_reads_is_published_by_its_brief(built_briefs):
    from helpers import overview

    payloads = {p.stem: json.loads((built_briefs["reports"] / f"{p.stem}.figures.json")
                                   .read_text()) for p in NOTEBOOKS}
    published = {(name[:2], f["key"]) for name, p in payloads.items() for f in p["figures"]}
    assert overview.figure_keys() <= published
    overview.check_figure_keys(payloads)  # raises naming a renamed key
    assert overview.story(payloads) and overview.now_stands_at(payloads)


def test_05_states_the_claims_the_event_rows_record(built_briefs):
    from helpers import outlook
    from helpers.data import load

    claims = outlook.purchase_claims(load("tariff_events"))
    figs = _figures(built_briefs, "05_outlook")
    assert figs["claimed_per_year"]["value"] == outlook.claim_for(claims, "2026..2028")[
        "quantity_mt"]
    late = outlook.claim_for(claims, "2025-11..2025-12")["quantity_mt"]
    assert f"against the {late:.0f} Mt claim" in figs["esr_end2025_commitments"]["note"]


def test_soybean_brief_reproduces_sourced_figures(built_briefs):
    figs = _figures(built_briefs, "03_soybean_collapse")
    assert figs["us_soy_sep2025_kg"]["value"] == 0
    assert figs["us_soy_sep2024_mt"]["value"] == pytest.approx(1.71, abs=0.01)
    assert figs["brazil_share_sep2025"]["value"] == pytest.approx(85.2, abs=0.05)
    assert figs["us_soy_2017_mt"]["value"] == pytest.approx(32.85, abs=0.01)
    assert figs["us_soy_2018_mt"]["value"] < figs["us_soy_2017_mt"]["value"] / 1.8


def test_input_cost_brief_reproduces_ppi_figures(built_briefs):
    figs = _figures(built_briefs, "04_input_costs")
    peak = figs["fert_ppi_peak"]
    assert peak["period"] == "2022-04" and peak["value"] == pytest.approx(520.1, abs=0.05)
    assert figs["machinery_change_2018"]["value"] == pytest.approx(39.8, abs=0.05)


def test_tariff_brief_pins_the_soybean_path(built_briefs):
    figs = _figures(built_briefs, "01_tariff_timeline")
    assert figs["soy_tariff_peak"]["value"] == 138
    assert figs["soy_tariff_end"]["value"] == 13
    assert figs["ieepa_peak"]["value"] == 145


def test_every_brief_records_its_main_dataset_and_the_run_parameters(built_briefs):
    for path in NOTEBOOKS:
        payload = json.loads((built_briefs["reports"] / f"{path.stem}.figures.json").read_text())
        assert payload["main_dataset"] in payload["as_of"]
        assert payload["data_to"] == payload["as_of"][payload["main_dataset"]]
        assert payload["parameters"] == {} and payload["kit"] and payload["revision"]
        assert len({f["key"] for f in payload["figures"]}) == len(payload["figures"])
        page = (built_briefs["reports"] / f"{path.stem}.html").read_text()
        assert "How to cite this brief" in page and "the notebook's defaults" in page


NARRATIVE = [p for p in NOTEBOOKS if not p.stem.startswith("00_")]


@pytest.mark.parametrize("nb_path", NARRATIVE, ids=lambda p: p.stem)
def test_narrative_brief_carries_at_least_five_checked_claims(built_briefs, nb_path):
    payload = json.loads((built_briefs["reports"] / f"{nb_path.stem}.figures.json").read_text())
    claims = payload["claims"]
    assert len(claims) >= 5, [c["text"] for c in claims]
    assert payload["takeaway"] in [c["text"] for c in claims]
    for claim in claims:
        assert claim["holds"] is True and claim["basis"] and claim["datasets"]


def test_a_false_claim_fails_the_build_and_names_the_claim(brief_dirs):
    from nbformat.v4 import new_code_cell, new_notebook

    from helpers import briefs

    notebooks, _ = brief_dirs
    nb = new_notebook(cells=[
        new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
        new_code_cell("from helpers import report\n"
                      "brief = report.Brief(title='planted')\n"
                      "brief.claim('Imports rose in 2025', holds=x > 2, basis='x > 2', "
                      "datasets=['synthetic'])"),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, notebooks / "09_planted_claim.ipynb")
    (outcome,) = briefs.build(progress=False)
    assert outcome.status == "failed"
    assert "ClaimError" in outcome.message and "Imports rose in 2025" in outcome.message


def test_prose_defects_stay_fixed(built_briefs):
    """The review's wrong sentences cannot come back: each is guarded by a claim whose text
    the brief must carry."""
    def claims(name):
        payload = json.loads((built_briefs["reports"] / f"{name}.figures.json").read_text())
        return " ".join(c["text"] for c in payload["claims"])

    soy_text = claims("03_soybean_collapse")
    assert "only 12% in September and 23% in October" in soy_text
    assert "not distinguishable from zero" in soy_text
    assert "count as zero only where a cited source states it" in soy_text
    assert "Brazil's pre-war rise" in soy_text
    assert "the main verdict rests on the months after 2024-12" in soy_text
    assert "reasons beyond the tariff" in soy_text
    assert "November 2018 was. It was the first since then" in soy_text
    assert "that is value, not tonnage" in soy_text
    assert "Morgan et al. (2022) for soybeans on the same period and basis" in soy_text
    assert "China's arrivals from the US (China's customs" in soy_text
    dec = claims("02_decoupling")
    assert "specifications" in dec and "where the series ends" in dec
    costs_text = claims("04_input_costs")
    assert "Only 2022" in costs_text and "moves nothing" in costs_text
    assert "which measure prices only" in costs_text and "FOB Middle East" in costs_text
    assert "the two bases disagree" in costs_text
    assert "of the whole farm commitment" in claims("01_tariff_timeline")
    assert "ESR" in claims("05_outlook") or "export sales" in claims("05_outlook")


@pytest.mark.parametrize("name", [
    "02_decoupling", "03_soybean_collapse", "04_input_costs", "06_farm_income"])
def test_estimate_briefs_carry_published_estimates_and_references(built_briefs, name):
    page = (built_briefs["reports"] / f"{name}.html").read_text()
    assert "Beside published estimates" in page and ">Appendix: references<" in page
