"""helpers.references: every citation in a notebook resolves to references.json; short and
full forms; the beside-published table keeps the published figure as printed."""

import json
import re

import pandas as pd
import pytest

from helpers import paths, references

CITE = re.compile(r"""(?:cite|short|full|entry)\(\s*["']([^"']+)["']""")
KEY = re.compile(r"""["']key["']\s*:\s*["']([^"']+)["']""")


def cited_keys() -> dict[str, set[str]]:
    found = {}
    for nb in sorted(paths.notebooks_dir().glob("*.ipynb")):
        text = "".join("".join(c["source"]) for c in json.loads(nb.read_text())["cells"])
        found[nb.stem] = set(CITE.findall(text)) | set(KEY.findall(text))
    return found


def test_every_citation_in_the_notebooks_resolves_to_the_bibliography():
    found = cited_keys()
    assert found["03_soybean_collapse"], "the soybean brief cites nothing"
    for name, keys in found.items():
        missing = sorted(k for k in keys if k not in references.entries())
        assert not missing, f"{name} cites keys not in references.json: {missing}"


def test_every_entry_has_author_year_title_and_a_link():
    for key, item in references.entries().items():
        assert item["title"] and item.get("author"), key
        assert references.short(key).endswith(")"), key
        assert item.get("URL") or item.get("DOI"), key


def test_short_and_full_forms():
    assert references.short("morgan2022") == "Morgan et al. (2022)"
    assert references.short("carter2020") == "Carter and Steinbach (2020)"
    assert "https://doi.org/10.1002/aepp.13138" in references.full("grant2021")


def test_undated_pages_are_cited_n_d_lettered_when_they_share_authors_and_a_date_is_required():
    assert references.short("jgcri_gcam_trade") == "Joint Global Change Research Institute (n.d.-a)"
    assert references.short("jgcri_gcam_core") == "Joint Global Change Research Institute (n.d.-b)"
    assert "(n.d.-a). Trade in GCAM" in references.full("jgcri_gcam_trade")
    assert references.year_label("morgan2022") == "2022"  # no other Morgan et al. 2022
    with pytest.raises(ValueError, match="x: 'issued' needs date-parts"):
        references._year({"id": "x", "issued": {"literal": "spring"}})


def test_an_unknown_key_is_refused_with_the_file_name():
    with pytest.raises(ValueError, match="no reference 'nobody2099' in references.json"):
        references.short("nobody2099")
    cited = references.Cited()
    with pytest.raises(ValueError, match="nothing was cited"):
        cited.markdown()


def test_beside_table_prints_the_published_figure_and_records_the_citation():
    """SYNTHETIC published row (not a real figure)."""
    table = pd.DataFrame([{"study": "S", "measure": "m", "commodity": "soybeans", "value": "1.5",
                           "unit": "USD bn", "period": "2018", "basis": "export value"}])
    fig = references.published_figure(table, "S", "m", "soybeans")
    cited = references.Cited()
    out = references.beside_table([{"key": "morgan2022", "figure": fig, "kit": "2.0 USD bn",
                                    "why": "period"}], cited)
    assert list(out.columns) == references.BESIDE_COLUMNS
    assert out.loc[0, "study"] == "Morgan et al. (2022)" and "1.5 USD bn" in out.loc[0, "their number"]
    assert cited.keys == ["morgan2022"] and "Morgan, Arita" in cited.markdown()
    with pytest.raises(ValueError, match="0 published figures"):
        references.published_figure(table, "S", "other", "soybeans")
