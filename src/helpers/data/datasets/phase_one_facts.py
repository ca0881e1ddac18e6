"""Phase One agreement: purchase commitments and outcomes, as published (hand-compiled)."""

from __future__ import annotations

from helpers.data import schemas
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec


def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "fact_id": schemas.text("the fact's id", unique=True),
            "measure": schemas.text("what the figure is (commitment, purchases, share achieved)"),
            "period": schemas.text("the years it covers, as published"),
            "value": schemas.non_negative("the figure", "per row (column unit)", nullable=False),
            "unit": schemas.one_of("'USD bn' or '%'", ["USD bn", "%"]),
            "citation": schemas.text("who published it, where and when"),
        },
        coerce=True, strict=True,
    )

SPEC = DatasetSpec(
    id="phase_one_facts",
    title="Phase One agreement: purchase commitments and outcomes, as published",
    role="core",
    publisher="PIIE (Bown), CRS, Bloomberg; compiled by the kit with a citation per figure",
    units="USD billions or percent; unit column per row",
    frequency="facts",
    origin_url="see the citation of each row",
    licence="figures quoted from published analyses",
    source_line="PIIE (Bown) Phase One purchase tracker; CRS; Bloomberg",
    caveats=(
        ("Compiled by hand from the cited figures in the extracts' tariff provenance notes (Phase One "
         "section); each row keeps its citation."),
        ("PIIE's share achieved was 57% in its first estimate and 58% in a revised post: both rows are "
         "kept."),
        ("The agriculture share (83%) is Bloomberg's report of the final outcome; secondary "
         "PIIE-attributed figures that conflict with each other are left out."),
    ),
    gaps=(
        "No monthly tracker series: only the published totals.",
    ),
    files=(DataFile("snapshot/facts/phase_one_facts.csv",
                    copied_from=(
                        ("Hand-compiled from the Phase One section of the tariff extracts' provenance "
                         "notes (figures and citations as printed there)"),
                    )),),
    schema=schema,
    usual_lag_days=None,  # a fact table / event list: no release schedule
    plausibility=Plausibility(),
)
