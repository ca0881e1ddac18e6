"""Shared parts of the farm-side fact tables (trade aid, farm income, prices, damage estimates):
the column descriptions and one schema builder. Every extract column is kept as it is."""

from __future__ import annotations

from collections.abc import Callable

from helpers.data import extracts

FOLDER = "farm"
# the columns of the two trade-aid tables (MFP 2018-2019; aid of 2025-2026)
AID_COLUMNS = ["year", "date", "program", "series", "commodity", "geography", "value", "unit",
               "as_of", "source", "source_url", "verified", "note"]
HAND_TRANSCRIBED = ("Hand-transcribed from stored copies of public web pages (USDA releases and "
                    "their reprints, CRS, GAO, analyses); each row gives its page URL")
VERIFIED_MEANS = ("Column verified, as the extract gives it: 'yes: <second source>' or a stated "
                  "match means a second, separately stored source gives the same figure; 'no' "
                  "means one source only (unverified); 'derived' means computed by the compiler; "
                  "'near' or 'partly' means a second source is close or covers part of it; blank "
                  "on a script-copied row means the figure came from a repository file with no "
                  "second copy checked. The kit reads it with helpers.farm.verification and never "
                  "puts a figure that is not verified into a takeaway.")

# The columns of a table of published figures, each with its basis and citation (read by
# helpers.references.published_figure and beside_table).
PUBLISHED_FIGURE_COLUMNS = ["study", "published", "measure", "commodity", "geography", "value",
                            "unit", "period", "basis", "citation", "source_url", "verified", "note"]

DESCRIPTIONS = {
    "year": "year (or span of years) the figure is for, as published",
    "date": "date of the announcement or observation, where published",
    "program": "the programme or package the figure belongs to",
    "series": "what the figure is (authorised, rate, estimate, payments made, ...)",
    "commodity": "the commodity, where the figure is for one; blank: all or none",
    "geography": "US, a state, or a group of counties",
    "value": "the figure, as published",
    "unit": "the unit of value, with qualifiers as printed ('USD bn (more than)')",
    "as_of": "date (or vintage) the figure is as of",
    "source": "who published it and where",
    "source_url": "the page the figure was read from",
    "verified": "the second source that gives the same figure, or why there is none",
    "note": "the compiler's note",
    "vintage": "the release the figure comes from",
    "status": "estimate, preliminary, forecast, projection or derived, as published",
    "source_repo": "public repository the row was script-copied from (blank: hand-transcribed)",
    "source_path": "file in that repository",
    "source_commit": "commit of that file",
    "study": "the study or publisher",
    "published": "when the study was published (YYYY or YYYY-MM)",
    "measure": "what the estimate measures",
    "period": "the period the estimate covers",
    "basis": "what kind of number it is (export value, price, trade value, volume)",
    "citation": "full citation of the study",
    "origin_a": "the origin (or first of two) the quote is for",
    "origin_b": "the second origin of a spread, where there is one",
}


def schema_for(columns: list[str], numeric_value: bool, unique: list[str] | None = None,
               years: tuple[int, int] | None = None) -> Callable:
    """A schema factory for a farm fact table: text columns (blank allowed), ``value`` a
    number where every row holds one, else text; ``year`` an integer in ``years`` if given."""

    def schema():
        import pandera.pandas as pa

        cols = {}
        for name in columns:
            if name == "value" and numeric_value:
                cols[name] = pa.Column(float, nullable=False, description=DESCRIPTIONS[name],
                                       metadata={"unit": "per row (column unit)"})
            elif name == "year" and years:
                cols[name] = pa.Column(int, pa.Check.in_range(*years),
                                       description=DESCRIPTIONS[name])
            else:
                cols[name] = pa.Column(str, nullable=True, description=DESCRIPTIONS[name])
        return pa.DataFrameSchema(cols, unique=unique, coerce=True, strict=True)

    return schema


def build_copy(name: str) -> Callable:
    """The builder of a farm fact table: the extract ``farm/<name>.csv``, unchanged."""
    return extracts.copy(f"{FOLDER}/{name}.csv")
