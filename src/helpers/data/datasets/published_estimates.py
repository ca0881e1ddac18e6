"""Published estimates of the trade war's cost to US agriculture, as the studies state them,
one row per figure with its citation: for side-by-side comparison with the kit's own
estimates, never as data to compute with."""

from __future__ import annotations

from helpers.data import extracts, schemas
from helpers.data.registry import DataFile, DatasetSpec

EXTRACT = "farm/trade_war_damage_estimates.csv"
COLUMNS = ["study", "published", "measure", "commodity", "geography", "value", "unit", "period",
           "basis", "citation", "source_url", "verified", "note"]


def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "study": schemas.text("the study, as the kit's references name it"),
            "published": schemas.text("when it was published (year, month or quarter)"),
            "measure": schemas.text("what the figure measures, in the study's terms"),
            "commodity": schemas.text("the products it covers"),
            "geography": schemas.text("whose trade or which market"),
            "value": schemas.text("the figure as printed (a range is kept as 'low-high'); blank "
                                  "where the stored text gives none", nullable=True),
            "unit": schemas.text("the figure's unit, as printed", nullable=True),
            "period": schemas.text("the period the figure covers"),
            "basis": schemas.text("what kind of number it is (export value, trade value, price)"),
            "citation": schemas.text("full citation"),
            "source_url": schemas.text("the page the figure was read from", nullable=True),
            "verified": schemas.text("whether a second stored source gives the same figure",
                                     nullable=True),
            "note": schemas.text("the compiler's note", nullable=True),
        },
        coerce=True, strict=True,
    )


SPEC = DatasetSpec(
    id="published_estimates",
    title="Published estimates of trade-war damage to US agriculture, with citations",
    role="core",
    publisher="the cited studies (USDA ERS, USDA OCE, GAO, peer-reviewed journals, NBER, NDSU, AFBF)",
    units="per row (column unit), as printed",
    frequency="facts",
    coverage="studies published 2019-2025 on 2018-2026",
    origin_url="see source_url of each row",
    licence="figures quoted from published analyses",
    source_line="published estimates (ERS ERR-304; Grant et al. 2021; Carter and Steinbach 2020; "
                "Adjemian, Smith and He 2021; others), cited per row",
    caveats=(
        ("Transcribed from stored public pages (abstracts, reprints, press), not from the papers' "
         "tables; the verified column says whether a second source gives the same figure."),
        ("Each figure keeps its own period and basis (export value, trade value, price): compare "
         "the kit's numbers only with a row on the same basis and period."),
        ("Carter and Steinbach (2020) figures were seen only through press reprints; their working "
         "paper number is not confirmed by the stored pages."),
    ),
    gaps=("Rows whose stored text gives no number keep a blank value.",),
    files=(DataFile("snapshot/facts/published_estimates.csv",
                    build=extracts.copy(EXTRACT, keep=COLUMNS),
                    copied_from=(
                        ("Hand-compiled: transcribed by hand from stored public pages (URL per "
                         "row) into the extract farm/trade_war_damage_estimates.csv, copied "
                         "unchanged"),
                    )),),
    schema=schema,
    usual_lag_days=None,  # facts from published studies: no release schedule
)
