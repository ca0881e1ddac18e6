"""The farm brief (06_farm_income): sourced figures, checked claims, aid figures with their
status and source, and its place in the index."""

import json

import pytest

NAME = "06_farm_income"


@pytest.fixture(scope="module")
def payload(built_briefs):
    outcome = built_briefs["outcomes"][NAME]
    assert outcome.status == "built", outcome.message
    return json.loads((built_briefs["reports"] / f"{NAME}.figures.json").read_text())


def test_farm_brief_reproduces_sourced_figures(payload):
    figs = {f["key"]: f for f in payload["figures"]}
    expected = {"mfp_2018_paid": 8.59, "mfp_2019_paid": 14.495, "mfp_2018_2019_paid": 23.1,
                "mfp_soy_rate_2018": 1.65, "fba_soy_rate_2025": 30.88,
                "err304_soybean_loss_per_year": 9.4, "harvest_price_2018": 8.61,
                "harvest_price_2017": 9.28}
    for key, value in expected.items():
        assert figs[key]["value"] == pytest.approx(value), key
    assert figs["payments_share_nfi_2019"]["value"] == pytest.approx(100 * 22.447 / 82.0,
                                                                     abs=0.01)


def test_farm_brief_checks_its_takeaway_and_every_section(payload):
    claims = payload["claims"]
    assert len(claims) >= 5 and all(c["holds"] for c in claims)
    assert payload["takeaway"] in [c["text"] for c in claims]
    for words in ("harvest-period price", "MFP payments made", "Farmer Bridge Assistance",
                  "share in", "Illustration, not an estimate", "ad hoc"):
        assert any(words in c["text"] for c in claims), words


def test_every_aid_figure_names_programme_status_and_source(payload):
    aid = [f for f in payload["figures"] if f["datasets"][0] in ("mfp_payments",
                                                                  "farm_aid_2025_2026")]
    assert len(aid) >= 5
    for fig in aid:
        programme, rest = fig["note"].split(", ", 1)
        assert programme in ("MFP 2018", "MFP 2019", "MFP 2018+2019", "FBA")
        assert rest.startswith(("paid", "rate")) and "; " in rest and fig["period"]
    assert "paid" in payload["takeaway"] and "not losses" in payload["takeaway"]


def test_farm_brief_follows_the_outlook_in_the_index(built_briefs, payload):
    page = (built_briefs["reports"] / "index.html").read_text()
    assert page.index("05_outlook.html") < page.index(f"{NAME}.html")
    assert "Market Facilitation Program paid" in page
